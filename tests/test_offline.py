"""Offline on the ward (issue 25): each edition installs as a web app and reads without a network,
and never serves an older edition's page silently (hazard HZ-62).

Static checks read the built site (the ``site_root`` fixture). Browser checks copy it to a temporary
folder, serve that copy from a server of their own on 127.0.0.1 (so that it can be stopped, slowed
or given a newer edition at the same address) and drive Debian's Chromium (tests/browser.py). "The
network is cut" means the context is set offline *and* the server is stopped.

A newer edition is simulated cheaply: one page of the copy is changed and only its service worker
is written again (``offline.generate``), as a rebuild would.
"""

from __future__ import annotations

import functools
import http.server
import json
import pathlib
import re
import shutil
import struct
import sys
import threading
import time
import urllib.parse

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "sphinxext"))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tools"))

import pageweight  # noqa: E402
from form_settle import SETTLE_SCRIPT, wait_settled  # noqa: E402
from mmguide_book import offline  # noqa: E402

pytestmark = pytest.mark.build

EDITIONS = ("en", "zh_CN")
HOME = "docs/index.html"
CALC = "docs/calculators/zoledronic-acid-dose.html"
UNVISITED = "docs/guide/bone-disease.html"
TIMEOUT_MS = 90_000  # a cold start on a loaded 2-CPU machine
# The in-page answer for a creatinine clearance of 40 mL/min: zoledronic acid 3.3 mg (Zometa label
# renal dose table, 40-49 mL/min; fact sheet §11A).
CLEARANCE, DOSE = "40", "3.3 mg"
OFFLINE_TEXT = {"en": "Offline: this page is from the edition of {date}", "zh_CN": "离线：本页来自 {date} 的版本"}
NEWER_TEXT = {"en": "A newer edition is available — reload", "zh_CN": "有新版本可用——重新加载"}


# --- static: manifest, precache, budget, reproducibility -------------------------------------


def _png_size(path: pathlib.Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("edition", EDITIONS)
def test_manifest_is_valid_and_installable(site_root, edition):
    folder = site_root / edition
    m = json.loads((folder / offline.MANIFEST_NAME).read_text(encoding="utf-8"))
    assert m["name"] and m["short_name"] and m["display"] == "standalone"
    assert bool(re.search(r"[\u4e00-\u9fff]", m["name"])) == (edition == "zh_CN"), m["name"]
    assert m["lang"] == edition.replace("_", "-")
    assert re.fullmatch(r"#[0-9a-f]{6}", m["theme_color"]) and re.fullmatch(r"#[0-9a-f]{6}", m["background_color"])
    base = f"https://example.org/{edition}/{offline.MANIFEST_NAME}"
    scope = urllib.parse.urljoin(base, m["scope"])
    start = urllib.parse.urljoin(base, m["start_url"])
    assert start.startswith(scope) and scope == f"https://example.org/{edition}/", (scope, start)
    assert (folder / m["start_url"]).is_file()
    sizes = set()
    for icon in m["icons"]:
        path = folder / icon["src"]
        assert path.is_file() and icon["type"] == "image/png", icon
        w, h = _png_size(path)
        assert f"{w}x{h}" == icon["sizes"], icon
        sizes.add((w, icon.get("purpose", "any")))
    # Chromium's install criteria: a 192 px and a 512 px icon
    assert {(192, "any"), (512, "any")} <= sizes
    # every page links the manifest and sets the theme colour
    for page in pageweight.site_pages(folder):
        text = page.read_text(encoding="utf-8")
        if 'class="bd-article"' not in text:
            continue
        href = re.search(r'<link rel="manifest" href="([^"]+)"', text)
        assert href, f"{page}: no manifest link"
        assert (page.parent / href.group(1)).resolve() == (folder / offline.MANIFEST_NAME).resolve(), page
        assert f'<meta name="theme-color" content="{m["theme_color"]}"' in text, page


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_precache_holds_the_whole_edition_pdfs_apart(site_root, edition):
    """Every page, the search index and its scripts, the calculators' runtime, every file a page
    loads (in the exact form it requests it, ?v= included) and the tutorials' downloads; no PDF."""
    folder = site_root / edition
    cached = offline.precached(folder)
    urls = set(cached)
    pages = {p.relative_to(folder).as_posix() for p in pageweight.site_pages(folder)}
    assert pages <= urls, sorted(pages - urls)[:10]
    for needed in ("searchindex.js", "_static/searchtools.js", "_static/language_data.js",
                   "_static/mmguide-search.js", "_static/mmguide-worker.mjs",
                   "_static/micropython/micropython.mjs", "_static/micropython/micropython.wasm",
                   offline.MANIFEST_NAME, "_static/icons/mmguide-192.png",
                   "_static/mmguide-offline.css"):  # loaded by the banners only, so stored for them
        assert any(u.split("?")[0] == needed for u in urls), needed
    bundles = [u for u in urls if re.fullmatch(r"_static/py/[0-9a-f]+/mmguide\.json\.gz", u)]
    assert len(bundles) == 1, bundles
    assert any(u.startswith("_sources/notebooks/") and u.endswith(".ipynb") for u in urls)
    assert not [u for u in urls if u.endswith(".pdf")]
    for page in pageweight.site_pages(folder):
        w = pageweight.page_weight(folder, page)
        for f in [*w.files, *w.runtime]:
            assert any(u.split("?")[0] == f for u in urls), (page, f)
    # what a page requests with a query is precached with that very query
    for path, forms in offline.requested_forms(folder).items():
        for q in forms:
            assert (f"{path}?{q}" if q else path) in urls, (path, q)
    # the runtime bundle the pages start is the one precached (a corrected rule is never run from an older bundle)
    calc = (folder / CALC).read_text(encoding="utf-8")
    assert bundles[0] in calc


@pytest.mark.parametrize("edition", EDITIONS)
def test_precache_size_stays_within_budget(site_root, edition):
    """One edition's precache, PDFs excluded, stays under offline.PRECACHE_BUDGET_BYTES (10 MB):
    both editions together stay well under the 50 MB taken as the smallest quota a mobile browser
    gives a site."""
    size = offline.precache_bytes(site_root / edition)
    assert 1_000_000 < size <= offline.PRECACHE_BUDGET_BYTES, size
    assert 2 * offline.PRECACHE_BUDGET_BYTES <= 50_000_000 // 2


def test_service_worker_depends_on_the_files_only(site_root, tmp_path):
    """Writing the service worker again for the same files gives the same bytes (reproducible
    builds: revisions are content hashes, the order is fixed, no time is written)."""
    copy = tmp_path / "en"
    shutil.copytree(site_root / "en", copy)
    first = (copy / offline.SW_NAME).read_bytes()
    offline.generate(copy, offline.edition_of(copy), tmp_path / "work")
    assert (copy / offline.SW_NAME).read_bytes() == first
    (copy / UNVISITED).write_text((copy / UNVISITED).read_text(encoding="utf-8") + "<!-- x -->", encoding="utf-8")
    offline.generate(copy, offline.edition_of(copy), tmp_path / "work")
    assert (copy / offline.SW_NAME).read_bytes() != first


def test_icons_are_drawn_the_same_every_time():
    a, b = offline.icon_png.__wrapped__(192, "#0d5bc6"), offline.icon_png.__wrapped__(192, "#0d5bc6")
    assert a == b and a[:8] == b"\x89PNG\r\n\x1a\n"


# --- in the browser --------------------------------------------------------------------------


class _Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        delay = self.server.html_delay
        if delay and self.path.split("?")[0].endswith(".html"):
            time.sleep(delay)
        super().do_GET()


class Server:
    """A static server on 127.0.0.1 that can be stopped and started again at the same address."""

    def __init__(self, root: pathlib.Path):
        self.root = root
        self.port = 0
        self.httpd = None
        self.html_delay = 0.0

    def start(self) -> str:
        handler = functools.partial(_Handler, directory=str(self.root))
        http.server.ThreadingHTTPServer.allow_reuse_address = True
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", self.port), handler)
        self.httpd.html_delay = self.html_delay
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self.base

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def slow_pages(self, seconds: float) -> None:
        self.html_delay = seconds
        if self.httpd:
            self.httpd.html_delay = seconds

    def stop(self) -> None:
        if self.httpd:
            self.httpd.shutdown()
            self.httpd.server_close()
            self.httpd = None


@pytest.fixture
def served(site_root, tmp_path):
    """A copy of the site, served; stopped at the end."""
    copy = tmp_path / "site"
    shutil.copytree(site_root, copy, ignore=shutil.ignore_patterns("*.pdf"))
    server = Server(copy)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def browser():
    from browser import chromium

    with chromium() as b:
        yield b


@pytest.fixture
def context(browser):
    ctx = browser.new_context(service_workers="allow")
    ctx.set_default_timeout(TIMEOUT_MS)
    ctx.add_init_script(SETTLE_SCRIPT)  # when the form last answered, for _dose_from_clearance
    errors: list[str] = []
    ctx.errors = errors
    ctx.on("page", lambda p: p.on("pageerror", lambda e: errors.append(str(e))))
    try:
        yield ctx
    finally:
        ctx.close()


def _install(page, url: str) -> None:
    """Open *url* and wait until the edition's worker has stored the edition and controls the page."""
    page.goto(url)
    page.wait_for_function("async () => { const r = await navigator.serviceWorker.ready; return !!r.active; }")
    page.wait_for_function("() => !!navigator.serviceWorker.controller")


def _cut(context, server) -> None:
    server.stop()
    context.set_offline(True)


def _dose_from_clearance(page) -> str:
    cid = "zoledronic-acid-dose"
    form = page.locator(f"[data-mmguide-form='{cid}']")
    page.check(f"#mmguide-{cid}-kidney-source-crcl")
    page.fill(f"#mmguide-{cid}-crcl", CLEARANCE)
    # the answer to the clearance just typed, not one computed before it (a page reloaded with the
    # clearance in its address answers at once, then again after the typing)
    wait_settled(page, TIMEOUT_MS)
    assert form.get_attribute("data-state") == "result", form.inner_text()[:600]
    return form.locator(".mmguide-answer").inner_text()


AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def _axe_on_notices(page) -> list[str]:
    """Serious or critical axe-core violations within the banners."""
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        """async () => (await axe.run('#mmguide-offline-notices', {resultTypes: ['violations']})).violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id + ': ' + v.help)""")
    return found


def _edition_date(folder: pathlib.Path) -> str:
    return offline.edition_of(folder)["built"]


@pytest.mark.browser
@pytest.mark.parametrize("edition", EDITIONS)
def test_after_one_visit_offline_a_calculator_page_opens_reloads_and_computes(served, context, edition):
    page = context.new_page()
    _install(page, f"{served.base}/{edition}/{HOME}")
    url = f"{served.base}/{edition}/{CALC}"
    _cut(context, served)
    page.goto(url)  # never visited: from the stored edition
    assert DOSE in _dose_from_clearance(page)
    page.reload()
    assert DOSE in _dose_from_clearance(page)
    notice = page.locator("#mmguide-offline-copy")
    notice.wait_for(state="visible")
    date = _edition_date(served.root / edition)
    assert notice.inner_text().strip() == OFFLINE_TEXT[edition].format(date=date)
    assert notice.get_attribute("role") == "status"
    assert page.locator(".mmguide-edition time").get_attribute("datetime") == date
    assert _axe_on_notices(page) == []
    assert not context.errors, context.errors


@pytest.mark.browser
@pytest.mark.parametrize("edition", EDITIONS)
def test_offline_an_unvisited_page_opens_and_search_answers(served, context, edition):
    page = context.new_page()
    _install(page, f"{served.base}/{edition}/{HOME}")
    _cut(context, served)
    page.goto(f"{served.base}/{edition}/{UNVISITED}")
    assert page.locator("main h1").first.inner_text().strip()
    page.locator("#mmguide-offline-copy").wait_for(state="visible")
    query = "唑来膦酸" if edition == "zh_CN" else "zoledronic"
    page.goto(f"{served.base}/{edition}/search.html?q={urllib.parse.quote(query)}")
    page.wait_for_selector("#search-results li", timeout=TIMEOUT_MS)
    assert page.locator("#search-results li").count() >= 1
    assert not context.errors, context.errors


@pytest.mark.browser
@pytest.mark.parametrize("edition", EDITIONS)
def test_chromium_finds_the_edition_installable(served, context, edition):
    """Chromium's own check of the manifest, icons and service worker: nothing stops installing the
    edition except the test's private (incognito) profile."""
    page = context.new_page()
    _install(page, f"{served.base}/{edition}/{HOME}")
    cdp = context.new_cdp_session(page)
    manifest = cdp.send("Page.getAppManifest")
    assert manifest["url"] == f"{served.base}/{edition}/{offline.MANIFEST_NAME}" and manifest["errors"] == []
    errors = [e["errorId"] for e in cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]]
    assert [e for e in errors if e != "in-incognito"] == [], errors


@pytest.mark.browser
def test_a_slow_network_gives_the_stored_page_after_the_timeout(served, context):
    page = context.new_page()
    _install(page, f"{served.base}/en/{HOME}")
    timeout = offline.edition_of(served.root / "en")["networkTimeoutSeconds"]
    served.slow_pages(timeout + 20)
    start = time.monotonic()
    page.goto(f"{served.base}/en/{UNVISITED}")
    took = time.monotonic() - start
    assert took < timeout + 10, took
    page.locator("#mmguide-offline-copy").wait_for(state="visible")
    served.slow_pages(0)


def _publish_newer_edition(folder: pathlib.Path, page: str, marker: str, work: pathlib.Path) -> None:
    """A rebuild in which one page changed: the page, then only the service worker, written again."""
    path = folder / page
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("</h1>", f"</h1>\n<p id=\"{marker}\">{marker}</p>", 1), encoding="utf-8")
    offline.generate(folder, offline.edition_of(folder), work)


@pytest.mark.browser
def test_an_online_reader_gets_the_corrected_page_not_the_stored_one(served, context, tmp_path):
    """HZ-62: once a page is corrected on the site, a reader who is online reads the corrected page,
    even before the newer edition's worker has taken over."""
    page = context.new_page()
    _install(page, f"{served.base}/en/{HOME}")
    path = served.root / "en" / UNVISITED
    path.write_text(path.read_text(encoding="utf-8").replace("</h1>", '</h1>\n<p id="corrected">corrected</p>', 1),
                    encoding="utf-8")
    page.goto(f"{served.base}/en/{UNVISITED}")
    assert page.locator("#corrected").count() == 1
    assert page.locator("#mmguide-offline-copy").count() == 0


@pytest.mark.browser
@pytest.mark.parametrize("edition", EDITIONS)
def test_a_newer_edition_is_announced_and_loaded_on_reload(served, context, edition, tmp_path):
    """HZ-62: a reader with a page of the older edition open is told, in the edition's language, that
    a newer edition exists; the button reloads the page from it, and it is the one stored for offline."""
    page = context.new_page()
    _install(page, f"{served.base}/{edition}/{UNVISITED}")
    old_worker = page.evaluate("navigator.serviceWorker.controller.scriptURL")
    assert page.locator("#mmguide-newer-edition").count() == 0
    _publish_newer_edition(served.root / edition, UNVISITED, "newer-edition-marker", tmp_path / "work")
    # the reader comes back to the page: it checks for a newer edition
    page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")
    banner = page.locator("#mmguide-newer-edition")
    banner.wait_for(state="visible")
    assert "".join(banner.inner_text().split()) == "".join(NEWER_TEXT[edition].split())
    assert banner.get_attribute("role") == "alert"
    button = banner.locator("button")
    assert button.is_visible() and button.inner_text().strip()
    assert page.locator("#newer-edition-marker").count() == 0
    assert _axe_on_notices(page) == []
    with page.expect_navigation():
        button.click()
    assert page.locator("#newer-edition-marker").count() == 1
    assert page.locator("#mmguide-newer-edition").count() == 0
    assert page.evaluate("navigator.serviceWorker.controller.scriptURL") == old_worker  # same address, newer worker
    # the stored edition is the newer one
    _cut(context, served)
    page.reload()
    assert page.locator("#newer-edition-marker").count() == 1
    page.locator("#mmguide-offline-copy").wait_for(state="visible")
    assert not context.errors, context.errors


@pytest.mark.browser
def test_file_url_reads_the_site_as_before(site_root, browser):
    ctx = browser.new_context(service_workers="allow")
    try:
        errors: list[str] = []
        page = ctx.new_page()
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto((site_root / "en" / HOME).as_uri())
        assert page.locator("main h1").first.inner_text().strip()
        assert page.locator(".mmguide-edition time").count() == 1
        assert page.locator("#mmguide-offline-notices").count() == 0
        # file:// cannot fetch (the calculators need http): only errors from registration would matter
        assert not [e for e in errors if "serviceworker" in e.lower().replace(" ", "") or "sw.js" in e], errors
        assert not page.evaluate("'serviceWorker' in navigator && !!navigator.serviceWorker.controller")
    finally:
        ctx.close()


@pytest.mark.browser
def test_with_service_workers_blocked_the_site_reads_and_computes_as_before(served, browser):
    ctx = browser.new_context(service_workers="block")
    ctx.set_default_timeout(TIMEOUT_MS)
    ctx.add_init_script(SETTLE_SCRIPT)
    try:
        errors: list[str] = []
        page = ctx.new_page()
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(f"{served.base}/en/{CALC}")
        assert DOSE in _dose_from_clearance(page)
        assert page.evaluate("!('serviceWorker' in navigator) || !navigator.serviceWorker.controller")
        assert page.locator("#mmguide-offline-notices").count() == 0
        assert not errors, errors
    finally:
        ctx.close()
