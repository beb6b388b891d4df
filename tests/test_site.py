"""The site as readers meet it: weight, offline, keyboard, sidebar, search box, colour mode, print (issue 7).

Every page of the whole site (both editions and the language-choosing root page, the
``site_root`` fixture) is checked. Static checks parse the built HTML and CSS; the interaction
checks drive Debian's Chromium through Playwright (tests/browser.py) against a static server on
127.0.0.1. The visit of every page in the browser (console, requests, axe-core in light and dark
mode and at phone width, overflow, screenshots) is in tests/test_pages_en.py and
tests/test_pages_zh_CN.py, one edition each (tests/site_visits.py).
"""

from __future__ import annotations

import html.parser
import pathlib
import re
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "sphinxext"))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tools"))

import pageweight  # noqa: E402

SHOTS = ROOT / "_build" / "screenshots"
BUDGET = pageweight.BUDGET_BYTES
PHONE, DESKTOP = 375, 1280

pytestmark = pytest.mark.build


def _rel(site: pathlib.Path, p: pathlib.Path) -> str:
    return p.relative_to(site).as_posix()


@pytest.fixture(scope="session")
def site(site_root) -> pathlib.Path:
    return site_root


@pytest.fixture(scope="session")
def pages(site) -> list[pathlib.Path]:
    found = pageweight.site_pages(site)
    assert found, f"no HTML pages in {site}"
    return found


@pytest.fixture(scope="session")
def weights(site, pages) -> dict[str, pageweight.Weight]:
    return {_rel(site, p): pageweight.page_weight(site, p) for p in pages}


# --- Weight and what pages load (static) ---------------------------------------------------


def test_calculator_pages_with_their_runtime_stay_under_1_mb_and_other_pages_load_none(weights):
    """A calculator page starts its runtime at once: the page (gzip) and the runtime (as stored)
    together stay within pageweight.RUNTIME_PAGE_BUDGET_BYTES; a page without a form loads none of it.
    (tests/test_forms.py checks a page in the browser, uncompressed, under the same 1 MB.)"""
    with_form = {k for k in weights if "/calculators/" in k and not k.endswith("/index.html")}
    assert len(with_form) >= 2 * 13, sorted(with_form)
    for k, w in weights.items():
        if k in with_form:
            assert any(f.endswith(".wasm") for f in w.runtime) and any(f.endswith(".gz") for f in w.runtime), k
            assert w.with_runtime <= pageweight.RUNTIME_PAGE_BUDGET_BYTES, (k, w.with_runtime, w.largest())
        else:
            assert not w.runtime, (k, sorted(w.runtime))


def test_every_page_within_weight_budget(weights):
    over = {k: w for k, w in weights.items() if w.gzip > BUDGET}
    msg = []
    for page, w in sorted(over.items(), key=lambda kv: -kv[1].gzip):
        files = ", ".join(f"{f} {g / 1024:.1f} KB" for f, g in w.largest(5))
        msg.append(f"{page}: {w.gzip / 1024:.1f} KB gzip > {BUDGET // 1024} KB; largest: {files}")
    assert not over, "pages over the weight budget:\n" + "\n".join(msg)


def test_nothing_loaded_from_outside_the_site(weights):
    bad = {k: w.external for k, w in weights.items() if w.external}
    assert not bad, f"pages load files from outside the site: {bad}"


def test_every_loaded_file_exists(weights):
    bad = {k: w.missing for k, w in weights.items() if w.missing}
    assert not bad, f"pages reference files missing from the site: {bad}"


def test_search_index_only_on_search_page(weights):
    loads = sorted(k for k, w in weights.items() if any(f.endswith("searchindex.js") for f in w.files))
    search_pages = sorted(k for k in weights if k.rsplit("/", 1)[-1] == "search.html")
    assert search_pages and loads == search_pages, f"searchindex.js loaded by {loads}"


def test_no_fontawesome_no_mathjax_no_webfonts(site, weights):
    for page, w in weights.items():
        for f in w.files:
            name = f.lower()
            assert "fontawesome" not in name and "mathjax" not in name, f"{page} loads {f}"
            assert not name.endswith((".woff", ".woff2", ".ttf", ".otf", ".eot")), f"{page} loads web font {f}"
    assert not (site / "_static" / "scripts" / "fontawesome.js").exists()
    for p in site.rglob("*.html"):
        text = p.read_text(encoding="utf-8")
        assert not re.search(r"<script[^>]+src=[\"'][^\"']*mathjax", text, re.I), f"MathJax script in {p}"


def test_math_pages_use_mathml(site, pages):
    with_math = [p for p in pages if 'class="math' in p.read_text(encoding="utf-8")]
    for p in with_math:
        assert "<math" in p.read_text(encoding="utf-8"), f"{_rel(site, p)}: math without MathML"


class _Imgs(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.imgs: list[tuple[dict, bool]] = []
        self._figure = 0

    def handle_starttag(self, tag, attrs):
        if tag == "figure":
            self._figure += 1
        if tag == "img":
            self.imgs.append((dict(attrs), self._figure > 0))

    def handle_endtag(self, tag):
        if tag == "figure":
            self._figure -= 1


def test_every_image_has_alt_text(site, pages):
    problems = []
    for p in pages:
        parser = _Imgs()
        parser.feed(p.read_text(encoding="utf-8"))
        for attrs, in_figure in parser.imgs:
            alt = attrs.get("alt")
            if alt is None or (in_figure and not alt.strip()):
                problems.append(f"{_rel(site, p)}: <img src={attrs.get('src')!r}> alt={alt!r}")
    assert not problems, "images without alt text:\n" + "\n".join(problems)


def test_css_for_phone_and_print(site):
    found = sorted(site.rglob("_static/lean.css"))
    assert found, "no _static/lean.css in the site"
    css = found[0].read_text(encoding="utf-8")
    assert "@media print" in css and "overflow-x: auto" in css and "mmguide-flowchart" in css


# --- Interaction: keyboard, sidebar, search, colour mode, print ------------------------------


@pytest.fixture
def page_at(site):
    from browser import chromium, serve

    with serve(site) as base, chromium() as browser:
        opened = []

        def open_(rel: str, width: int = DESKTOP, **ctx):
            c = browser.new_context(viewport={"width": width, "height": 900}, **ctx)
            opened.append(c)
            p = c.new_page()
            p.goto(f"{base}/{rel}", wait_until="load")
            return p

        yield open_
        for c in opened:
            c.close()


def _first(pages, site, section: str) -> str | None:
    """A page of *section* (e.g. docs/guide/), English edition first."""
    rels = [_rel(site, p) for p in pages]
    hits = [r for r in rels if f"{section}/" in r and not r.endswith("index.html")]
    hits.sort(key=lambda r: (not r.startswith(("en/", section)), r))
    return hits[0] if hits else None


def _a_guide_page(pages, site) -> str:
    return _first(pages, site, "docs/guide") or _rel(site, pages[0])


def _a_calculator_page(pages, site) -> str | None:
    return _first(pages, site, "docs/calculators")


@pytest.mark.browser
def test_keyboard_skip_link_and_tab_order(page_at, pages, site):
    p = page_at(_a_guide_page(pages, site))
    p.keyboard.press("Tab")
    first = p.evaluate("document.activeElement.textContent.trim()")
    assert first == "Skip to main content"
    p.keyboard.press("Enter")
    assert p.evaluate("location.hash") == "#main-content"
    # the controls Tab reaches next all have a name and a visible focus outline
    unnamed = []
    for _ in range(20):
        p.keyboard.press("Tab")
        info = p.evaluate(
            """() => { const e = document.activeElement; const s = getComputedStyle(e);
              return {tag: e.tagName, name: (e.getAttribute('aria-label') || e.title || e.textContent || '').trim(),
                      outline: s.outlineStyle !== 'none' || s.boxShadow !== 'none'}; }"""
        )
        if info["tag"] == "BODY":
            break
        if not info["name"] or not info["outline"]:
            unnamed.append(info)
    assert not unnamed, f"focusable controls without a name or focus indicator: {unnamed}"


@pytest.mark.browser
def test_sidebar_toggle_by_keyboard_at_phone_width(page_at, pages, site):
    p = page_at(_a_guide_page(pages, site), PHONE)
    p.focus(".bd-header-article .primary-toggle")
    p.keyboard.press("Enter")
    p.wait_for_selector("#pst-primary-sidebar-modal[open]", timeout=3000)
    assert p.is_visible("#pst-primary-sidebar-modal nav.bd-docs-nav a")
    p.keyboard.press("Escape")
    p.wait_for_selector("#pst-primary-sidebar-modal:not([open])", state="attached", timeout=3000)


@pytest.mark.browser
def test_sidebar_toggle_on_wide_screen(page_at, pages, site):
    p = page_at(_a_guide_page(pages, site))
    assert p.is_visible("#pst-primary-sidebar")
    p.click(".bd-header-article .primary-toggle")
    p.wait_for_selector("#pst-primary-sidebar.pst-sidebar-hidden", state="attached", timeout=3000)


@pytest.mark.browser
def test_search_box_goes_to_search_page(page_at, pages, site):
    p = page_at(_a_guide_page(pages, site))
    p.keyboard.press("Control+k")
    p.wait_for_selector("#pst-search-dialog[open]", timeout=3000)
    p.keyboard.type("zoledronic")
    p.keyboard.press("Enter")
    p.wait_for_url(re.compile(r"search\.html\?q=zoledronic"), timeout=5000)
    p.wait_for_selector("#search-results li", timeout=10000)


@pytest.mark.browser
def test_colour_mode_buttons(page_at, pages, site):
    p = page_at(_a_guide_page(pages, site))
    p.click(".theme-change-button[data-mode=dark]")
    assert p.evaluate("document.documentElement.dataset.theme") == "dark"
    p.click(".theme-change-button[data-mode=light]")
    assert p.evaluate("document.documentElement.dataset.theme") == "light"


@pytest.mark.browser
def test_print_hides_chrome_and_fits_flowcharts(page_at, pages, site):
    rels = [_a_guide_page(pages, site), _a_calculator_page(pages, site)]
    rels += [_rel(site, q) for q in pages if 'mmguide-flowchart' in q.read_text(encoding="utf-8")][:1]
    for rel in filter(None, rels):
        p = page_at(rel)
        p.emulate_media(media="print")
        hidden = p.evaluate(
            """() => ['.bd-header', '.bd-sidebar-primary', '.bd-sidebar-secondary', '.prev-next-footer',
                      '.bd-header-article', '#pst-back-to-top', '.search-button-field']
              .flatMap(s => [...document.querySelectorAll(s)])
              .filter(e => getComputedStyle(e).display !== 'none')
              .map(e => e.className || e.id)"""
        )
        assert not hidden, f"{rel}: visible in print: {hidden}"
        ext = p.evaluate(
            """() => { const a = document.querySelector('.bd-article a[href^="http"]:not(.headerlink)');
                       return a ? getComputedStyle(a, '::after').content : null; }"""
        )
        assert ext is None or "attr" in ext or "http" in ext, f"{rel}: external link target not printed: {ext}"
        too_wide = p.evaluate(
            """() => { const w = document.querySelector('.bd-article').getBoundingClientRect().width;
              return [...document.querySelectorAll('figure.mmguide-flowchart img')]
                .filter(i => i.getBoundingClientRect().width > w + 1).map(i => i.src); }"""
        )
        assert not too_wide, f"{rel}: flowcharts wider than the printed page: {too_wide}"
        SHOTS.mkdir(parents=True, exist_ok=True)
        p.pdf(path=str(SHOTS / (rel.replace("/", "_").removesuffix(".html") + "-print.pdf")), format="A4")
