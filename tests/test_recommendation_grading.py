"""Every recommendation carries its strength, the certainty of its evidence, where the grade comes
from, the date it was last reviewed and its last change; a grade is never invented."""

from __future__ import annotations

import datetime
import pathlib
import sys

import pytest
from parsed import soup as page_soup

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "sphinxext"))
from mmguide_book.recommendations import CERTAINTIES, STRENGTHS, grading_problems  # noqa: E402
from test_book_sources import recommendations  # noqa: E402

GOOD = {"strength": "not graded", "certainty": "not assessed", "grading": "Not graded: expert opinion from the interview.",
        "reviewed": "2026-11-25", "changed": "First published."}
TODAY = datetime.date(2026, 12, 6)


def test_every_recommendation_in_the_sources_is_graded_and_dated():
    bad = {r["id"]: grading_problems(r, TODAY) for r in recommendations()}
    assert not {k: v for k, v in bad.items() if v}


@pytest.mark.parametrize("missing", ["strength", "certainty", "grading", "reviewed", "changed"])
def test_a_recommendation_without_a_grading_field_fails(missing):
    assert grading_problems({**GOOD, missing: ""}, TODAY) == [f"missing :{missing}:"]


@pytest.mark.parametrize("field,value", [("strength", "weak"), ("strength", "Strong"), ("certainty", "medium"),
                                         ("reviewed", "25/11/2026"), ("reviewed", "2026-13-01"), ("reviewed", "20261125")])
def test_an_unknown_strength_certainty_or_date_fails(field, value):
    assert grading_problems({**GOOD, field: value}, TODAY)


def test_a_review_date_in_the_future_fails():
    assert grading_problems({**GOOD, "reviewed": "2026-12-07"}, TODAY)
    assert not grading_problems({**GOOD, "reviewed": "2026-12-06"}, TODAY)


def test_a_grade_is_never_given_without_its_source_and_certainty():
    # not graded means no certainty was assessed, and the grading line says so
    assert grading_problems({**GOOD, "certainty": "high"}, TODAY)
    assert grading_problems({**GOOD, "grading": "IMWG 2021"}, TODAY)
    # a graded recommendation names the certainty its source gives
    assert grading_problems({**GOOD, "strength": "strong", "grading": "IMWG 2021, grade A"}, TODAY)
    assert not grading_problems({**GOOD, "strength": "strong", "certainty": "high", "grading": "IMWG 2021, grade A"}, TODAY)


def test_the_vocabulary_is_the_published_one():
    assert list(STRENGTHS) == ["strong", "conditional", "good-practice statement", "not graded"]
    assert list(CERTAINTIES) == ["high", "moderate", "low", "very low", "not assessed"]


@pytest.mark.build
@pytest.mark.parametrize("edition,words", [("en", ("Not graded", "Certainty not assessed", "Reviewed {}")),
                                           ("zh_CN", ("未分级", "证据确定性：未评估", "审阅日期 {}"))])
def test_every_recommendation_shows_its_grade_and_review_date_in_both_editions(site_root, edition, words):
    recs = {r["id"]: r for r in recommendations()}
    seen = set()
    for page in (site_root / edition / "docs").rglob("*.html"):
        soup = page_soup(page)
        for box in soup.select("div.mmguide-recommendation"):
            rec_id = box.select_one(".mmguide-rec-id").get_text(strip=True)
            seen.add(rec_id)
            badges = box.select_one(".mmguide-rec-badges")
            assert badges is not None, f"{page}: {rec_id} has no badge row"
            text = badges.get_text(" ", strip=True)
            for w in words:  # each with its own review date from the sources
                assert w.format(recs[rec_id]["reviewed"]) in text, (rec_id, text)
            assert box.select_one(".mmguide-strength-not-graded") and box.select_one(".mmguide-certainty-not-assessed")
            grading = box.select_one(".mmguide-rec-grading").get_text(" ", strip=True)
            assert grading.startswith("Grading: Not graded" if edition == "en" else "分级依据： 未分级"), grading
            assert box.select_one(".mmguide-rec-changed").get_text(strip=True)
    assert seen == set(recs)


@pytest.mark.build
@pytest.mark.parametrize("edition", ["en", "zh_CN"])
def test_recommendation_index_has_grade_columns_and_links_to_recommendations_and_calculators(site_root, edition):
    import mmguide

    page = site_root / edition / "docs" / "guide" / "recommendation-index.html"
    soup = page_soup(page)
    table = soup.select_one("table.mmguide-rec-index")
    heads = [th.get_text(strip=True) for th in table.select("thead th")]
    assert heads == (["ID", "Recommendation", "Strength", "Certainty", "Reviewed", "Calculators"] if edition == "en"
                     else ["ID", "推荐意见", "推荐强度", "证据确定性", "审阅日期", "计算器"])
    rows = table.select("tbody tr")
    assert [r.select_one("td a").get_text() for r in rows] == sorted(
        (r["id"] for r in recommendations()), key=lambda i: (i.split("-")[0], int(i.split("-")[1])))
    for row in rows:
        rec_id = row.select_one("td a").get_text()
        assert row.select_one("td a")["href"].endswith(f"#rec-{rec_id.lower()}")
        served = [c.id for c in mmguide.calculators() if rec_id in c.recommendations]
        hrefs = [a["href"] for a in row.select(".mmguide-rec-index-tools a")]
        assert len(hrefs) == len(served), (rec_id, hrefs, served)
        for cid in served:
            assert any(h.endswith(f"calculators/{cid}.html") for h in hrefs), (rec_id, cid, hrefs)
    # the index sits right under the page title, not below the recommendations
    assert soup.select_one("h1").find_next("table") is table


@pytest.mark.browser
@pytest.mark.parametrize("edition", ["en", "zh_CN"])
@pytest.mark.parametrize("width", [375, 1280])
def test_recommendation_index_is_readable_at_phone_and_desktop_width(site_root, edition, width):
    """No clipped or sideways-scrolling column, IDs on one line, Chinese statements not squeezed."""
    from browser import chromium, serve

    with serve(site_root) as base, chromium() as browser:
        page = browser.new_page(viewport={"width": width, "height": 900})
        try:
            page.goto(f"{base}/{edition}/docs/guide/recommendation-index.html")
            m = page.evaluate("""() => {
              const t = document.querySelector('table.mmguide-rec-index');
              const box = t.parentElement.getBoundingClientRect();
              const ids = [...t.querySelectorAll('tbody td:first-child a')].map(a => {
                const r = a.getClientRects(); return {text: a.textContent, lines: r.length, h: a.getBoundingClientRect().height};
              });
              const lh = parseFloat(getComputedStyle(t.querySelector('tbody td:first-child a')).lineHeight) || 24;
              const stmt = [...t.querySelectorAll('td.mmguide-rec-index-statement')].map(td => td.getBoundingClientRect().width);
              return {tableW: t.scrollWidth, boxW: box.width, docW: document.documentElement.scrollWidth, vw: innerWidth,
                      ids, lh, minStatement: Math.min(...stmt)};
            }""")
        finally:
            page.close()
    assert m["tableW"] <= m["boxW"] + 1, m
    assert m["docW"] <= m["vw"], m
    assert all(i["h"] < 1.6 * m["lh"] for i in m["ids"]), [i for i in m["ids"] if i["h"] >= 1.6 * m["lh"]]
    # the statement gets most of the width: at least 12 Chinese characters or 25 Latin letters a line
    assert m["minStatement"] >= (200 if width == 375 else 210), m
