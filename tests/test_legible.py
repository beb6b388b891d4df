"""Figures and grades a reader can read, in both editions, on the built site.

- The plan's flowchart opens with its start in view: at 1280 px the box scrolls to the start node
  (a chart wider than its box used to open at its left edge, the start cut off); at 375 px the
  step-by-step version replaces the picture and opens at the start.
- Tutorial 04's figure is an SVG whose labels are whole text (no "…"), at a size legible on a phone.
- Every page with recommendations, and the index, says what "not graded / not assessed" means.
"""

from __future__ import annotations

import re

import pytest

from browser import chromium, serve

EDITIONS = ("en", "zh_CN")
REC_PAGES = ("docs/guide/recommendations.html", "docs/guide/recommendation-index.html",
             "docs/guide/treatment-goals.html")


@pytest.fixture(scope="module")
def base_url(site_root):
    with serve(site_root) as url:
        yield url


@pytest.mark.build
@pytest.mark.browser
@pytest.mark.parametrize("edition", EDITIONS)
def test_the_plans_flowchart_opens_with_its_start_in_view(site_root, base_url, edition):
    with chromium() as browser:
        for rel in ("docs/calculators/bone-protection-plan.html", "docs/flowcharts.html"):
            for width in (1280, 375):
                ctx = browser.new_context(viewport={"width": width, "height": 900})
                page = ctx.new_page()
                page.goto(f"{base_url}/{edition}/{rel}", wait_until="load")
                fig = "figure.mmguide-flowchart:has(img[src*='flowchart-bone-protection-plan'])"
                if width == 375:
                    assert not page.locator(f"{fig} .mmguide-flowchart-view").is_visible()
                    if rel.startswith("docs/calculators/"):  # the step-by-step version is a link away
                        assert page.locator("a[href='../flowcharts.html#flowchart-bone-protection-plan']").is_visible()
                    else:
                        steps = page.locator("details.mmguide-flowchart-steps").first
                        assert steps.get_attribute("open") is not None
                else:
                    view = page.locator(f"{fig} .mmguide-flowchart-view").first
                    view.scroll_into_view_if_needed()
                    seen = view.evaluate("""v => {
                        const img = v.querySelector('img'), r = v.getBoundingClientRect(), i = img.getBoundingClientRect();
                        const x = i.left + parseFloat(v.dataset.startX) * img.offsetWidth;
                        return {x, left: r.left, right: r.right, wider: img.offsetWidth > v.clientWidth,
                                top: i.top - r.top};
                    }""")
                    assert seen["wider"], seen  # the case that clipped the start
                    # the start node (about 200 px wide at this size) lies wholly inside the box
                    assert seen["left"] + 100 <= seen["x"] <= seen["right"] - 100, (rel, seen)
                    assert seen["top"] <= 1, seen  # and at the top
                ctx.close()


@pytest.mark.build
@pytest.mark.parametrize("edition", EDITIONS)
def test_tutorial_04_figure_is_svg_with_whole_legible_labels(site_root, edition):
    page = site_root / edition / "notebooks" / "04-starting-bone-protection.html"
    text = page.read_text(encoding="utf-8")
    m = re.search(r'id="fig-three-paths".*?<img[^>]+src="([^"]+)"', text, re.S)
    assert m, "the figure fig-three-paths has no image"
    src = m.group(1)
    assert src.endswith(".svg"), src
    svg = (page.parent / src).resolve().read_text(encoding="utf-8")
    labels = re.findall(r"<text\b[^>]*>(.*?)</text>", svg, re.S)
    assert len(labels) >= 10, "labels are drawn as text, not as paths"
    assert not any("…" in t for t in labels)
    width = float(re.search(r'<svg[^>]*\bwidth="([\d.]+)pt"', svg).group(1))
    sizes = [float(s) for s in re.findall(r"font[-:]\s*(?:size:)?\s*([\d.]+)px", svg)] or \
        [float(s) for s in re.findall(r'font-size="([\d.]+)"', svg)]
    assert sizes, "no font size found"
    # sizes are in the SVG's units, points (4/3 px); at 375 px the article is about 340 px wide
    # and the figure shrinks to it: the smallest label stays about 10 px or larger
    scale = min(1.0, 340 / (width * 4 / 3))
    assert min(sizes) * 4 / 3 * scale >= 9.5, (min(sizes), width, scale)


@pytest.mark.build
@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("rel", REC_PAGES)
def test_every_recommendation_page_explains_not_graded(site_root, edition, rel):
    text = (site_root / edition / rel).read_text(encoding="utf-8")
    legends = re.findall(r'class="mmguide-grading-legend">(.*?)</p>', text, re.S)
    assert len(legends) == 1, f"{edition}/{rel}: {len(legends)} legends"
    words = re.sub(r"<[^>]+>", "", legends[0])
    if edition == "zh_CN":
        assert "未分级" in words and "不等于弱推荐" in words and "不自行给出分级" in words, words
    else:
        assert "Not graded" in words and "not a weak recommendation" in words and "does not invent a grade" in words
    # the legend comes before the first recommendation or the index table
    first = text.find("<table") if rel.endswith("recommendation-index.html") else \
        text.find('class="mmguide-recommendation')
    assert 0 <= text.find("mmguide-grading-legend") < first
