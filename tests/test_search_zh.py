"""Chinese search in the Chinese edition: clinical terms find the right pages.

The zh_CN edition indexes its pages with jieba and the book's own dictionary
(docs/locales/zh_CN/jieba-userdict.txt), so a reader who types a clinical term such as 骨病
finds the page on myeloma bone disease, although the term occurs there only inside longer
words (骨髓瘤骨病). The browser is Debian's Chromium driven by Playwright (tests/browser.py).

The site is built once per session with tools/build.py (both editions' layout:
_build/html/zh_CN/...), or taken from MMGUIDE_SITE when that directory holds a zh_CN edition.
"""

from __future__ import annotations

import json
import os
import pathlib
import subprocess
import sys
import urllib.parse

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

pytestmark = [pytest.mark.build, pytest.mark.browser]

# term typed by the reader -> pages that must be listed (paths inside the zh_CN edition)
QUERIES = {
    "骨病": ["docs/guide/bone-disease.html"],
    "双膦酸盐": ["docs/guide/bone-targeted-agents.html"],
    "骨相关事件": ["docs/guide/bone-disease.html", "docs/glossary.html"],
}

# Typed as Chinese readers type, without spaces -> the page (and section) an expert expects first.
# The query is cut in the browser into the index's own words (docs/_static/mmguide-search-zh.js).
FIRST = {
    "骨保护方案": "docs/calculators/bone-protection-plan.html",
    "唑来膦酸剂量": "docs/calculators/zoledronic-acid-dose.html",
    "高钙血症怎么处理": "docs/guide/prescribing-safety.html#hypercalcaemia-of-malignancy",
    "高钙血症治疗": "docs/guide/prescribing-safety.html#hypercalcaemia-of-malignancy",
    "停用地舒单抗": "docs/guide/prescribing-safety.html#stopping-denosumab",
    "地舒单抗剂量": "docs/guide/bone-targeted-agents.html#denosumab",
    "颌骨坏死预防": "docs/guide/prescribing-safety.html#onj-in-practice",
    "肌酐清除率计算": "docs/calculators/crcl-cockcroft-gault.html",
    "重度肾功能损害": "docs/guide/prescribing-safety.html#severe-renal-impairment",
    "非典型股骨骨折": "docs/guide/prescribing-safety.html#atypical-femoral-fractures",
    "帕米膦酸": "docs/guide/bone-targeted-agents.html#pamidronate",
    "骨相关事件定义": "docs/guide/bone-disease.html#sre-definition",
    "国际分期": "docs/calculators/iss.html",
    "虚弱评分": "docs/calculators/imwg-frailty.html",
    "疗效评估标准": "docs/calculators/imwg-response.html",
    "微小残留病": "notebooks/05-response-and-mrd.html",
    "治疗目标": "docs/guide/treatment-goals.html",
    "推荐意见索引": "docs/guide/recommendation-index.html",
    "血钙校正": "docs/calculators/corrected-calcium.html",
    "骨髓瘤定义事件": "docs/calculators/myeloma-defining-events.html",
    "唑来膦酸肾功能恶化": "docs/calculators/zoledronic-acid-renal-check.html",
    "骨髓瘤骨病": "docs/guide/bone-disease.html",
}


@pytest.fixture(scope="module")
def search(zh_site):
    from browser import chromium, serve

    results = {}
    with serve(zh_site) as base, chromium() as browser:
        # one page for every term, loading search.html?q=<term> as a reader who searches again
        # does: the edition's index, segmenter and scripts then come from the HTTP cache after the
        # first search; what the console reports is kept per term
        ctx = browser.new_context(locale="zh-CN")
        page = ctx.new_page()
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        for term in {**QUERIES, **FIRST}:
            errors = []
            done = ("() => document.querySelector('#search-results .search-summary')"
                    " && typeof Search !== 'undefined' && Search._pulse_status === -1")
            # finished: the result list exists and the progress pulse has stopped. Sphinx's
            # searchtools makes the list and starts the pulse in one step (performSearch), and
            # stops it only once the last result is listed (_finishSearch), so every link is there
            # (each snippet is fetched later; no test reads them). On a busy machine
            # the index and the snippets' pages can take long, so one slow load is retried once
            for attempt in (1, 2):
                page.goto(f"{base}/zh_CN/search.html?q={urllib.parse.quote(term)}")
                try:
                    page.wait_for_function(done, timeout=45000)
                    break
                except Exception:  # noqa: BLE001 - playwright's TimeoutError
                    if attempt == 2:
                        raise
            hrefs = page.eval_on_selector_all(
                "#search-results ul.search li a", "els => els.map(e => e.getAttribute('href'))"
            )
            titles = page.eval_on_selector_all("#search-results ul.search li a", "els => els.map(e => e.innerText)")
            summary = page.inner_text("#search-results .search-summary")
            results[term] = {"hrefs": hrefs, "titles": titles, "summary": summary, "errors": errors}
        ctx.close()
    print(json.dumps(results, ensure_ascii=False, indent=1))
    return results


@pytest.mark.parametrize("term", list(QUERIES))
def test_clinical_term_finds_its_pages(search, term):
    found = [h.split("#")[0] for h in search[term]["hrefs"]]
    missing = [p for p in QUERIES[term] if not any(f.endswith(p) for f in found)]
    assert not missing, f"search for {term}: {missing} not listed; got {search[term]['titles']}"


@pytest.mark.parametrize("term", list(QUERIES))
def test_search_results_page_is_chinese_and_clean(search, term):
    r = search[term]
    assert not r["errors"], f"console errors while searching {term}: {r['errors']}"
    # the result titles are the Chinese page titles, and the summary is the theme's Chinese text
    titles = [t for t in r["titles"] if t != "mmguide"]  # the landing page is titled by the book's name
    assert all(any("\u4e00" <= c <= "\u9fff" for c in t) for t in titles), titles
    assert any("\u4e00" <= c <= "\u9fff" for c in r["summary"]), r["summary"]


@pytest.mark.parametrize("term", list(FIRST))
def test_unspaced_chinese_query_lists_the_expected_page_first(search, term):
    hrefs = search[term]["hrefs"]
    assert hrefs, f"search for {term}: nothing found"
    first = hrefs[0].split("?")[0]
    assert first == FIRST[term] or (first.split("#")[0] == FIRST[term]), \
        f"search for {term}: first {first}, expected {FIRST[term]}; got {search[term]['titles'][:4]}"


def test_chinese_segmenter_is_small_and_loaded_by_the_chinese_search_page_only(zh_site):
    """The cut uses the index already on the page: a few KB, no dictionary download."""
    import gzip

    script = ROOT / "docs" / "_static" / "mmguide-search-zh.js"
    assert len(gzip.compress(script.read_bytes())) < 3_000
    zh = (zh_site / "zh_CN" / "search.html").read_text(encoding="utf-8")
    en = (zh_site / "en" / "search.html").read_text(encoding="utf-8")
    assert "mmguide-search-zh.js" in zh and "mmguide-search-zh.js" not in en
    others = [p for p in (zh_site / "zh_CN").rglob("*.html")
              if p.name != "search.html" and "mmguide-search-zh.js" in p.read_text(encoding="utf-8")]
    assert not others, others
