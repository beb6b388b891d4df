"""Every page of one edition in the browser, visited once per width; the checks of what was seen.

Not a test file: tests/test_pages_en.py and tests/test_pages_zh_CN.py each visit their own
edition (so two pytest-xdist workers under ``--dist loadfile`` can take one edition each) and
import the fixtures and tests below (``__all__``) and name their ``EDITION``, so both editions run the same checks under the same names.

One visit per page and width, in one browser context per width:

- **desktop (1280 px)**: the page is loaded in a stored colour mode, alternately light and dark
  (so half of the pages are checked as a reader who chose dark mode meets them on arrival: the
  theme reads the stored mode before the page is drawn), checked by axe-core and photographed;
  then it is switched in place to the other mode by the theme's own button and checked and
  photographed again. Every page is thus checked in both modes. axe-core comes with each
  document (the context's init script), so no run injects it and no page requests it.
- **phone (375 px)**: the page's width (nothing may be wider than the screen), axe-core and a
  screenshot.

At both widths the page's console errors, failed and outside requests and the files it fetched
are recorded, and ``PAGE_JS`` reads what the reader tests check: one visible search control,
formulas rendered and within the screen, no icon-font glyph drawn as a box, and what scrolls
sideways.
"""

from __future__ import annotations

import dataclasses
import json
import pathlib
import sys
import urllib.parse

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import pageweight  # noqa: E402

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SHOTS = ROOT / "_build" / "screenshots"
PHONE, DESKTOP = 375, 1280
MODES = ("light", "dark")

# Pages allowed to scroll sideways at 375 px inside a box of their own, and why.
SIDEWAYS_ALLOWED: dict[str, str] = {
    page: "the recommendations index is a wide table laid out by recommendations.py; it scrolls "
          "inside its own box (a keyboard-reachable region) rather than widening the page"
    for page in ("en/docs/guide/recommendations.html", "zh_CN/docs/guide/recommendations.html")
}

PAGE_JS = r"""() => {
  const visible = e => { if (!e) return false; const r = e.getBoundingClientRect(); const s = getComputedStyle(e);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
  const search = [...document.querySelectorAll('.search-button__button, form.bd-search input')]
    .filter(e => !e.closest('#pst-search-dialog') && !e.closest('#pst-primary-sidebar-modal') && visible(e)).length;
  const glyphs = [];
  for (const e of document.querySelectorAll('body *')) {
    for (const pseudo of ['::before', '::after']) {
      const s = getComputedStyle(e, pseudo);
      const c = s.content;
      if (!c || c === 'none' || c === 'normal') continue;
      const pua = /[\uE000-\uF8FF]/.test(c);
      const fa = /Font Awesome/i.test(s.fontFamily) && c !== '""';
      if ((pua || fa) && s.display !== 'none') glyphs.push((e.className || e.tagName) + pseudo);
    }
  }
  const sideways = [];
  for (const e of document.querySelectorAll('.bd-article, .bd-article *')) {
    const s = getComputedStyle(e);
    if (e.scrollWidth > e.clientWidth + 1 && ['auto', 'scroll'].includes(s.overflowX) && e.getClientRects().length)
      sideways.push(e.tagName.toLowerCase() + '.' + String(e.className).split(' ')[0] + ' ' + e.clientWidth + '->' + e.scrollWidth);
  }
  const article = document.querySelector('.bd-article').getBoundingClientRect();
  const formulas = [...document.querySelectorAll('.bd-article .math-block')].map(b => {
    const r = b.getBoundingClientRect(); const m = [...b.querySelectorAll('math')];
    return {rendered: m.length > 0 && m.every(x => x.getBoundingClientRect().width > 0),
            fits: r.right <= article.right + 1 && b.scrollWidth <= b.clientWidth + 1}; });
  return {search, glyphs: glyphs.slice(0, 5), sideways, pageWidth: document.documentElement.scrollWidth, formulas};
}"""


@dataclasses.dataclass
class Seen:
    """What PAGE_JS read on a page at one width."""
    search: int
    glyphs: list
    sideways: list
    page_width: int
    formulas: list


@dataclasses.dataclass
class Visit:
    page: str
    console_errors: list[str] = dataclasses.field(default_factory=list)
    failed: list[str] = dataclasses.field(default_factory=list)
    outside: list[str] = dataclasses.field(default_factory=list)
    requested: set[str] = dataclasses.field(default_factory=set)
    axe: dict[str, list[str]] = dataclasses.field(default_factory=dict)  # mode -> violations
    loaded_in: str = ""  # the stored colour mode the page was loaded in at 1280 px
    loaded_theme: str = ""  # the colour mode it showed once loaded (<html data-theme>)
    overflow: int = 0  # scrollWidth at 375 px
    seen: dict[int, Seen] = dataclasses.field(default_factory=dict)  # width -> PAGE_JS
    shots: list[pathlib.Path] = dataclasses.field(default_factory=list)


def book_pages(site_root: pathlib.Path, edition: str) -> list[pathlib.Path]:
    """The edition's book pages (a bare page such as the language chooser at the site's root
    redirects at once and has nothing to inspect; it is not in an edition)."""
    return [p for p in pageweight.site_pages(site_root / edition)
            if 'class="bd-article"' in p.read_text(encoding="utf-8")]


def edition_weights(site_root: pathlib.Path, edition: str) -> dict[str, pageweight.Weight]:
    """The static weight of every page of the edition, keyed as the visits are."""
    return {p.relative_to(site_root).as_posix(): pageweight.page_weight(site_root, p)
            for p in pageweight.site_pages(site_root / edition)}


def _axe(page) -> list[str]:
    """Serious and critical violations on the page as it is drawn now. axe-core is already in
    the document (the context's init script puts it in every document before the page's own
    scripts, which measured cheaper than adding it by a script tag, and is no request of the
    page's); the first run in a document stops the page's transitions."""
    # measure settled colours, not a colour-mode transition caught half way
    page.evaluate("""() => { if (document.getElementById('mmguide-test-still')) return;
        const s = document.createElement('style'); s.id = 'mmguide-test-still';
        s.textContent = '*,*::before,*::after{transition:none!important;animation:none!important}';
        document.head.appendChild(s); }""")
    result = page.evaluate(
        """async () => {
            const r = await axe.run(document, {resultTypes: ['violations']});
            return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
              .map(v => ({id: v.id, impact: v.impact, help: v.help,
                          nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' :: ' + (n.failureSummary || '').replace(/\\s+/g, ' ').slice(0, 200))}));
        }"""
    )
    return [f"{v['id']} ({v['impact']}): {v['help']} -> {v['nodes']}" for v in result]


def _settle(page) -> None:
    """A calculator page's runtime finishes loading before the page is left (so its requests are
    neither aborted nor counted under the next page)."""
    page.wait_for_function("() => !document.querySelector('[data-mmguide-form]') || (window.mmguideForms"
                           " && (window.mmguideForms.timing.ready !== null || document.querySelector("
                           "'[data-mmguide-form][data-state=failed]')))", timeout=90_000)


def _switch_mode(page, mode: str) -> None:
    """Switch the page to *mode* in place, as a reader does: the theme's own button (it sets the
    mode on <html>, stores it and marks itself active), pressed without moving the focus."""
    pressed = page.evaluate("""m => { const b = document.querySelector(`.theme-change-button[data-mode=${m}]`);
                                      if (b) b.click(); return !!b; }""", mode)
    assert pressed, f"{page.url}: no colour-mode button for {mode}"
    page.wait_for_function("m => document.documentElement.dataset.theme === m", arg=mode)


def _shot_name(rel: str, width: int, suffix: str = "") -> str:
    return rel.replace("/", "_").removesuffix(".html") + f"-{width}{suffix}.png"


def visit_edition(site_root: pathlib.Path, edition: str, base: str, browser) -> dict[str, Visit]:
    """Visit every book page of *edition* (served at *base*) once per width; see the module's
    docstring for what is done and recorded."""
    if not AXE.exists():
        pytest.fail("node_modules/axe-core missing: run `bash tools/setup-node.sh`", pytrace=False)
    SHOTS.mkdir(parents=True, exist_ok=True)
    visits = {p.relative_to(site_root).as_posix(): Visit(p.relative_to(site_root).as_posix())
              for p in book_pages(site_root, edition)}
    host = urllib.parse.urlsplit(base).netloc
    for width in (DESKTOP, PHONE):
        ctx = browser.new_context(viewport={"width": width, "height": 900})
        ctx.add_init_script(path=str(AXE))
        page = ctx.new_page()
        current: list[Visit] = []

        def on_console(msg):
            if msg.type == "error" and current:
                current[0].console_errors.append(msg.text)

        def on_request(req):
            if not current:
                return
            url = urllib.parse.urlsplit(req.url)
            if url.scheme in {"data", "blob", "about"}:
                return
            if url.netloc != host:
                current[0].outside.append(req.url)
            else:
                current[0].requested.add(urllib.parse.unquote(url.path).lstrip("/"))

        def on_failed(req):
            if current:
                current[0].failed.append(f"{req.url} ({req.failure})")

        def on_response(resp):
            if current and resp.status >= 400:
                current[0].failed.append(f"{resp.url} (HTTP {resp.status})")

        page.on("console", on_console)
        page.on("pageerror", lambda e: current and current[0].console_errors.append(str(e)))
        page.on("request", on_request)
        page.on("requestfailed", on_failed)
        page.on("response", on_response)
        for i, (rel, visit) in enumerate(visits.items()):
            if width == DESKTOP:
                # the stored mode this page opens in: light and dark by turns, stored as the
                # theme's button stores a reader's choice (the first page opens with none stored,
                # in the book's default, light)
                visit.loaded_in = MODES[i % 2]
                if i:
                    page.evaluate("m => { localStorage.setItem('mode', m); localStorage.setItem('theme', m); }",
                                  visit.loaded_in)
            current[:] = [visit]
            page.goto(f"{base}/{rel}", wait_until="load")
            _settle(page)
            page.wait_for_timeout(50)
            if width == DESKTOP:
                visit.loaded_theme = page.evaluate("document.documentElement.dataset.theme")
                other = "dark" if visit.loaded_in == "light" else "light"
                for mode in (visit.loaded_in, other):
                    if mode == other:
                        _switch_mode(page, mode)
                    if mode == "light":  # the reader checks in the light mode, as before
                        visit.seen[width] = Seen(**_read(page))
                    visit.axe[mode] = _axe(page)
                    shot = SHOTS / _shot_name(rel, width, "" if mode == "light" else "-dark")
                    page.screenshot(path=str(shot))
                    visit.shots.append(shot)
            else:
                visit.overflow = page.evaluate("document.documentElement.scrollWidth")
                visit.seen[width] = Seen(**_read(page))
                visit.axe["phone"] = _axe(page)
                page.screenshot(path=str(SHOTS / _shot_name(rel, width)))
                visit.shots.append(SHOTS / _shot_name(rel, width))
            current[:] = []
        ctx.close()
    return visits


def _read(page) -> dict:
    r = page.evaluate(PAGE_JS)
    return {"search": r["search"], "glyphs": r["glyphs"], "sideways": r["sideways"],
            "page_width": r["pageWidth"], "formulas": r["formulas"]}


# --- The checks (imported with the fixtures into tests/test_pages_<edition>.py) ---------------
# Each reads the module's ``browser_visits`` (and ``weights``) fixture, one edition's visits.



# The edition is the importing test file's ``EDITION``: each file visits its own.
@pytest.fixture(scope="module")
def browser_visits(request, site_root, site_url, browser) -> dict[str, Visit]:
    return visit_edition(site_root, request.module.EDITION, site_url, browser)


@pytest.fixture(scope="module")
def weights(request, site_root):
    return edition_weights(site_root, request.module.EDITION)


# What tests/test_pages_en.py and tests/test_pages_zh_CN.py import: the fixtures and the tests.
__all__ = ["browser_visits", "weights",
           "test_pages_load_cleanly",
           "test_no_request_leaves_127_0_0_1",
           "test_browser_requests_are_within_measured_weight",
           "test_axe_no_serious_or_critical_violations",
           "test_pages_are_loaded_in_each_stored_colour_mode",
           "test_nothing_overflows_at_phone_width",
           "test_screenshots_written",
           "test_every_page_has_one_visible_search_control_at_both_widths",
           "test_formulas_rendered_and_within_the_screen_on_every_calculator_page",
           "test_no_missing_glyph_icons",
           "test_fewer_than_five_pages_scroll_sideways_on_a_phone_each_for_a_reason",
           ]

@pytest.mark.browser
def test_pages_load_cleanly(browser_visits):
    bad = {k: v.console_errors + v.failed for k, v in browser_visits.items() if v.console_errors or v.failed}
    assert not bad, "console errors or failed requests:\n" + json.dumps(bad, indent=1)


@pytest.mark.browser
def test_no_request_leaves_127_0_0_1(browser_visits):
    bad = {k: v.outside for k, v in browser_visits.items() if v.outside}
    assert not bad, f"requests outside 127.0.0.1: {bad}"


@pytest.mark.browser
def test_browser_requests_are_within_measured_weight(browser_visits, weights):
    """Cross-check the static weight measure: the browser fetches nothing it does not count."""
    bad = {}
    for k, v in browser_visits.items():
        v.requested.discard(k)  # the page itself is always counted
        unmeasured = {r for r in v.requested if r and r not in weights[k].files and r not in weights[k].runtime
                      and not (r.endswith("/") and r + "index.html" in weights[k].files)}
        if unmeasured:
            bad[k] = sorted(unmeasured)
    assert not bad, f"files fetched by the browser but not counted in the page weight: {bad}"


@pytest.mark.browser
@pytest.mark.parametrize("mode", ["light", "dark", "phone"])
def test_axe_no_serious_or_critical_violations(browser_visits, mode):
    missing = [k for k, v in browser_visits.items() if mode not in v.axe]
    assert not missing, f"not checked by axe-core in {mode} mode: {missing}"
    bad = {k: v.axe.get(mode) for k, v in browser_visits.items() if v.axe.get(mode)}
    assert not bad, f"axe-core ({mode} mode):\n" + "\n".join(f"{k}:\n  " + "\n  ".join(vs) for k, vs in bad.items())


@pytest.mark.browser
def test_pages_are_loaded_in_each_stored_colour_mode(browser_visits):
    """A reader who chose dark mode gets it on arrival, not only after pressing the button: about
    half of the pages were loaded with dark mode stored, the others with light, and each showed
    the stored mode once loaded (so its axe-core run and screenshot in that mode were of the page
    as it arrives)."""
    loaded = [v.loaded_in for v in browser_visits.values()]
    assert loaded.count("dark") >= len(loaded) // 2 and loaded.count("light") >= len(loaded) // 2, loaded
    wrong = {k: (v.loaded_in, v.loaded_theme) for k, v in browser_visits.items() if v.loaded_theme != v.loaded_in}
    assert not wrong, f"pages not showing the stored colour mode once loaded (stored, shown): {wrong}"


@pytest.mark.browser
def test_nothing_overflows_at_phone_width(browser_visits):
    bad = {k: v.overflow for k, v in browser_visits.items() if v.overflow > PHONE}
    assert not bad, f"pages wider than {PHONE} px at {PHONE} px (scrollWidth): {bad}"


@pytest.mark.browser
def test_screenshots_written(browser_visits):
    missing = [str(s) for v in browser_visits.values() for s in v.shots if not s.exists()]
    assert not missing, missing
    assert all(len(v.shots) == 3 for v in browser_visits.values()), "light, dark and phone per page"


# From tests/test_reader_site.py, which read the same pages in a visit of its own.


@pytest.mark.browser
def test_every_page_has_one_visible_search_control_at_both_widths(browser_visits):
    seen = {(k, w): s for k, v in browser_visits.items() for w, s in v.seen.items()}
    assert len(seen) == 2 * len(browser_visits), "every page read at both widths"
    bad = {f"{k[0]} @{k[1]}": v.search for k, v in seen.items()
           if v.search != 1 and not k[0].endswith("search.html")}
    assert not bad, f"pages without exactly one visible search control: {bad}"


@pytest.mark.browser
def test_formulas_rendered_and_within_the_screen_on_every_calculator_page(browser_visits):
    seen = {(k, w): s for k, v in browser_visits.items() for w, s in v.seen.items()}
    bad = {f"{k[0]} @{k[1]}": v.formulas for k, v in seen.items()
           if "/calculators/" in k[0] and not all(f["rendered"] and f["fits"] for f in v.formulas)}
    assert not bad, f"formulas not rendered or cut: {bad}"


@pytest.mark.browser
def test_no_missing_glyph_icons(browser_visits):
    seen = {(k, w): s for k, v in browser_visits.items() for w, s in v.seen.items()}
    bad = {f"{k[0]} @{k[1]}": v.glyphs for k, v in seen.items() if v.glyphs}
    assert not bad, f"icon-font glyphs (shown as boxes without the font): {bad}"


@pytest.mark.browser
def test_fewer_than_five_pages_scroll_sideways_on_a_phone_each_for_a_reason(browser_visits):
    """Checked per edition; every page that scrolls must be in SIDEWAYS_ALLOWED (two pages, one
    per edition), so the two editions together stay under five as well."""
    sideways = {k: v.seen[PHONE].sideways for k, v in browser_visits.items()
                if v.seen[PHONE].sideways or v.seen[PHONE].page_width > PHONE}
    unexplained = {k: v for k, v in sideways.items() if k not in SIDEWAYS_ALLOWED}
    assert len(sideways) < 5 and not unexplained, f"pages scrolling sideways at {PHONE} px: {sideways}"
