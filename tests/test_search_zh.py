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


@pytest.fixture(scope="module")
def search(zh_site):
    from browser import chromium, serve

    results = {}
    with serve(zh_site) as base, chromium() as browser:
        for term in QUERIES:
            page = browser.new_page(locale="zh-CN")
            errors: list[str] = []
            page.on("console", lambda m, errors=errors: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
            done = ("() => document.querySelector('#search-results .search-summary')"
                    " && typeof Search !== 'undefined' && Search._pulse_status === -1")
            # finished: the result list exists and the progress pulse has stopped; on a busy machine
            # the index and the snippets' pages can take long, so one slow load is retried once
            for attempt in (1, 2):
                page.goto(f"{base}/zh_CN/search.html?q={urllib.parse.quote(term)}")
                try:
                    page.wait_for_function(done, timeout=45000)
                    break
                except Exception:  # noqa: BLE001 - playwright's TimeoutError
                    if attempt == 2:
                        raise
            page.wait_for_timeout(300)  # the list is filled item by item
            hrefs = page.eval_on_selector_all(
                "#search-results ul.search li a", "els => els.map(e => e.getAttribute('href'))"
            )
            titles = page.eval_on_selector_all("#search-results ul.search li a", "els => els.map(e => e.innerText)")
            summary = page.inner_text("#search-results .search-summary")
            results[term] = {"hrefs": hrefs, "titles": titles, "summary": summary, "errors": errors}
            page.close()
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
