"""Checks on the built site: nothing loaded from outside, generated parts present and right."""

from __future__ import annotations

import pathlib
import re
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup
from parsed import soup as page_soup

pytestmark = pytest.mark.build

LOCAL_HOSTS = {"", "127.0.0.1", "localhost"}
# (tag, attribute) pairs through which a page loads something as it renders
LOADING_ATTRS = [
    ("script", "src"), ("img", "src"), ("img", "srcset"), ("iframe", "src"), ("source", "src"),
    ("source", "srcset"), ("video", "src"), ("video", "poster"), ("audio", "src"), ("embed", "src"),
    ("object", "data"), ("track", "src"), ("input", "src"), ("image", "href"), ("use", "href"),
]
LINK_LOADS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest", "apple-touch-icon",
              "shortcut", "dns-prefetch", "preconnect"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")


def _external(url: str) -> bool:
    url = url.strip()
    if not url or url.startswith(("data:", "#", "blob:")):
        return False
    parsed = urlparse(url if not url.startswith("//") else "http:" + url)
    return bool(parsed.scheme in ("http", "https", "ftp") or url.startswith("//")) and (
        parsed.hostname or "") not in LOCAL_HOSTS


def external_loads(html: str | BeautifulSoup) -> list[str]:
    soup = html if isinstance(html, BeautifulSoup) else BeautifulSoup(html, "html.parser")
    found = []
    for tag, attr in LOADING_ATTRS:
        for el in soup.find_all(tag):
            for value in ([el.get(attr)] + [el.get("xlink:href")] if tag in ("image", "use") else [el.get(attr)]):
                if not value:
                    continue
                for part in value.split(","):
                    url = part.strip().split(" ")[0]
                    if _external(url):
                        found.append(f"<{tag} {attr}={url}>")
    for el in soup.find_all("link"):
        rels = {r.lower() for r in (el.get("rel") or [])}
        if rels & LINK_LOADS and _external(el.get("href", "")):
            found.append(f"<link rel={' '.join(rels)} href={el.get('href')}>")
    for el in soup.find_all(style=True):
        found += [f"style url({u})" for m in CSS_URL.finditer(el["style"]) for u in m.groups() if u and _external(u)]
    for el in soup.find_all("style"):
        found += [f"<style> url({u})" for m in CSS_URL.finditer(el.get_text()) for u in m.groups() if u and _external(u)]
    return found


def test_the_external_load_check_catches_what_it_should():
    """The detector itself: each of these would make a page call out of the site."""
    bad = [
        '<script src="https://cdn.jsdelivr.net/npm/mathjax@3/es5/tex-mml-chtml.js"></script>',
        '<link rel="stylesheet" href="//fonts.googleapis.com/css?family=Lato">',
        '<img src="http://example.org/x.png">',
        '<iframe src="https://www.youtube.com/embed/x"></iframe>',
        '<div style="background:url(https://example.org/bg.png)"></div>',
        '<link rel="preconnect" href="https://fonts.gstatic.com">',
    ]
    for html in bad:
        assert external_loads(html), html
    ok = '<a href="https://doi.org/10.1000/x">doi</a><script src="_static/x.js"></script><img src="data:image/png;base64,AA">'
    assert external_loads(ok) == []


def test_no_built_page_loads_anything_from_outside_the_site(built_site: pathlib.Path):
    offenders = {}
    pages = list(built_site.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        found = external_loads(page_soup(page))
        if found:
            offenders[str(page.relative_to(built_site))] = found
    for css in built_site.rglob("*.css"):
        text = css.read_text(encoding="utf-8", errors="replace")
        found = [u for m in CSS_URL.finditer(text) for u in m.groups() if u and _external(u)]
        if found:
            offenders[str(css.relative_to(built_site))] = found
    assert not offenders, offenders


def test_recommendation_index_is_generated_and_links_every_recommendation(built_site: pathlib.Path):
    from test_book_sources import recommendations

    page = built_site / "docs" / "guide" / "recommendation-index.html"
    soup = page_soup(page)
    table = soup.select_one("table.mmguide-rec-index")
    assert table is not None
    listed = {a.get_text() for a in table.select("td:first-child a")}
    assert listed == {r["id"] for r in recommendations()}


def test_recommendations_link_to_the_calculators_that_apply_them(built_site: pathlib.Path):
    page = built_site / "docs" / "guide" / "recommendations.html"
    soup = page_soup(page)
    box = soup.find(id="rec-bp-4")
    assert box is not None
    hrefs = [a["href"] for a in box.select(".mmguide-rec-tools a")]
    assert any("zoledronic-acid-dose" in h for h in hrefs), hrefs


def test_calculator_pages_show_their_verified_examples_all_agreeing(built_site: pathlib.Path):
    import mmguide

    for calc in mmguide.calculators():
        page = built_site / "docs" / "calculators" / f"{calc.id}.html"
        soup = page_soup(page)
        table = soup.select_one("table.mmguide-examples")
        if not calc.examples:
            continue
        assert table is not None, calc.id
        rows = table.select("tbody tr")
        assert len(rows) == len(calc.examples), calc.id
        assert all("✓" in r.get_text() for r in rows), calc.id


def test_formulas_are_mathml_not_mathjax(built_site: pathlib.Path):
    """Math is MathML drawn by the browser; no page loads or configures MathJax.
    (MyST-NB's ``mathjax_ignore`` class names on sections are harmless and allowed.)"""
    page = (built_site / "docs" / "calculators" / "crcl-cockcroft-gault.html").read_text(encoding="utf-8")
    assert "<math" in page
    for html_page in built_site.rglob("*.html"):
        soup = page_soup(html_page)
        for script in soup.find_all("script"):
            assert "mathjax" not in (script.get("src") or "").lower(), html_page
            assert "mathjax" not in script.get_text().lower(), html_page


def test_flowcharts_are_static_svg_images_with_alt_text(built_site: pathlib.Path):
    page = built_site / "docs" / "flowcharts.html"
    soup = page_soup(page)
    imgs = soup.select("figure.mmguide-flowchart img")
    assert len(imgs) >= 2
    for img in imgs:
        assert img["src"].endswith(".svg") and len(img.get("alt", "")) > 40
        svg = (page.parent / img["src"]).resolve()
        assert svg.is_file() and "<svg" in svg.read_text(encoding="utf-8")


@pytest.mark.parametrize("edition", ["en", "zh_CN"])
def test_a_calculators_flowchart_links_to_its_text_versions_instead_of_repeating_them(site_root, edition):
    """A calculator page shows its flowchart's drawing and links to the chart on the flowcharts
    page, which holds the text versions (step by step, and every path). The plan's text versions
    are about 1,500 nested answers: repeated on the calculator page they made it 780 KB, six
    times its weight without them, for every reader of the plan at the bedside."""
    from mmguide import flowcharts as fc

    docs = site_root / edition / "docs"
    charts = page_soup(docs / "flowcharts.html")
    for fid in fc.FLOWCHARTS:
        page = docs / "calculators" / f"{fid}.html"
        text = page.read_text(encoding="utf-8")
        soup = page_soup(page)
        assert soup.select(f"figure.mmguide-flowchart img[src*='flowchart-{fid}-']"), f"{page}: no drawing"
        assert not soup.select("details.mmguide-flowchart-steps, details.mmguide-flowchart-paths"), page
        assert soup.select(f"a[href='../flowcharts.html#flowchart-{fid}']"), f"{page}: no link to the text versions"
        assert len(text.encode()) < 200_000, (page, len(text.encode()))
        # the link's target holds both text versions, every path listed
        figure = charts.select_one(f"figure#flowchart-{fid}")
        steps = figure.find_next("details", class_="mmguide-flowchart-steps")
        paths = figure.find_next("details", class_="mmguide-flowchart-paths")
        assert steps is not None and steps.select("ul.mmguide-choices"), fid
        assert paths is not None and len(paths.select("ol > li")) == len(fc.paths(fid)), fid
