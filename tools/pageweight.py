"""Page weight: everything a built page makes a browser fetch on a first visit, and the budgets.

    from pageweight import page_weight, site_pages, BUDGET_BYTES

Used by the tests of the built site (tests/test_site.py, tests/test_reader_site.py) and by the
benchmark (benchmarks/run.py); not part of the Sphinx extension, which builds the pages and does
not measure them. It reads a built site only (HTML, CSS and the files they name), standard library
only.
"""

from __future__ import annotations

import dataclasses
import gzip
import html.parser
import pathlib
import re
import urllib.parse

BUDGET_BYTES = 150 * 1024  # gzip, everything a page loads on a first visit (the calculators' runtime apart)
# A calculator page with its runtime (the worker, MicroPython, the package's bundle): the page's
# files gzip-compressed, as every static host sends HTML, CSS and scripts, and the runtime's files
# as they are (the bundle is compressed already; a host may not compress WebAssembly). The in-page
# calculators' goal (issue 15).
RUNTIME_PAGE_BUDGET_BYTES = 1_000_000
# The runtime's files under the worker's folder (sphinxext/mmguide_book/runtime.py, MP_FILES).
MP_FILES = ("micropython.mjs", "micropython.wasm")


@dataclasses.dataclass
class Weight:
    page: str
    files: dict[str, tuple[int, int]]  # site-relative path -> (bytes, gzip bytes)
    external: list[str]  # references leaving the site (must be empty)
    missing: list[str]  # references to files that do not exist
    # a calculator page's runtime, started by the page itself (forms.py): counted apart from the
    # reading page's budget, against RUNTIME_PAGE_BUDGET_BYTES with the page
    runtime: dict[str, tuple[int, int]] = dataclasses.field(default_factory=dict)

    @property
    def with_runtime(self) -> int:
        """Bytes sent for the page (gzip) and its runtime (as stored), see RUNTIME_PAGE_BUDGET_BYTES."""
        return self.gzip + sum(b for b, _ in self.runtime.values())

    @property
    def gzip(self) -> int:
        return sum(g for _, g in self.files.values())

    @property
    def raw(self) -> int:
        return sum(b for b, _ in self.files.values())

    def largest(self, n: int = 5) -> list[tuple[str, int]]:
        return sorted(((k, g) for k, (_, g) in self.files.items()), key=lambda kv: -kv[1])[:n]


class _Refs(html.parser.HTMLParser):
    """URLs a browser fetches on a first visit: scripts, stylesheets, preloads, icons,
    images (src and srcset), objects, embeds, iframes, audio/video posters, inline styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        rel = a.get("rel", "").lower().split()
        if tag == "script" and a.get("src"):
            self.urls.append(a["src"])
        elif tag == "link" and a.get("href") and ({"stylesheet", "preload", "icon", "modulepreload"} & set(rel)):
            self.urls.append(a["href"])
        elif tag in {"img", "source", "input", "iframe", "embed", "audio", "video", "track"}:
            if a.get("src"):
                self.urls.append(a["src"])
            for part in a.get("srcset", "").split(","):
                if part.strip():
                    self.urls.append(part.strip().split()[0])
            if a.get("poster"):
                self.urls.append(a["poster"])
        elif tag == "object" and a.get("data"):
            self.urls.append(a["data"])
        elif tag == "image" or tag == "use":  # inline SVG
            href = a.get("href") or a.get("xlink:href")
            if href and not href.startswith("#"):
                self.urls.append(href)
        if a.get("style"):
            self.styles.append(a["style"])
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.styles.append(data)


_CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)""")
_CSS_IMPORT = re.compile(r"""@import\s+(?:"([^"]*)"|'([^']*)')""")


def css_urls(css: str) -> list[str]:
    """Every url() and @import in a stylesheet (fonts, images, imports), data: URLs excluded."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    found = [next(g for g in m.groups() if g is not None) for m in _CSS_URL.finditer(css)]
    found += [m.group(1) or m.group(2) for m in _CSS_IMPORT.finditer(css)]
    return [u for u in found if u and not u.startswith(("data:", "#"))]


def _gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def page_weight(site: pathlib.Path, page: pathlib.Path | str) -> Weight:
    """Everything *page* (a path under *site*) makes a browser fetch on a first visit."""
    site = pathlib.Path(site).resolve()
    page = (site / page).resolve() if not pathlib.Path(page).is_absolute() else pathlib.Path(page).resolve()
    files: dict[str, tuple[int, int]] = {}
    external: list[str] = []
    missing: list[str] = []

    def add(path: pathlib.Path) -> bytes | None:
        rel = path.relative_to(site).as_posix()
        if rel in files:
            return None
        data = path.read_bytes()
        files[rel] = (len(data), _gz(data))
        return data

    def resolve(base: pathlib.Path, url: str) -> pathlib.Path | None:
        parts = urllib.parse.urlsplit(url)
        if parts.scheme in {"data", "javascript", "mailto", "about", "blob"}:
            return None
        if parts.scheme or parts.netloc:
            if parts.hostname not in {"127.0.0.1", "localhost"}:
                external.append(url)
            return None
        if not parts.path:
            return None
        target = (base.parent / urllib.parse.unquote(parts.path)).resolve()
        try:
            target.relative_to(site)
        except ValueError:
            missing.append(url)
            return None
        if not target.is_file():
            missing.append(url)
            return None
        return target

    def follow_css(path: pathlib.Path, data: bytes) -> None:
        for u in css_urls(data.decode("utf-8", errors="replace")):
            t = resolve(path, u)
            if t is not None:
                d = add(t)
                if d is not None and t.suffix == ".css":
                    follow_css(t, d)

    data = add(page)
    parser = _Refs()
    parser.feed(data.decode("utf-8", errors="replace"))
    for u in parser.urls:
        t = resolve(page, u)
        if t is not None:
            d = add(t)
            if d is not None and t.suffix == ".css":
                follow_css(t, d)
    for style in parser.styles:
        for u in css_urls(style):
            t = resolve(page, u)
            if t is not None:
                add(t)
    runtime: dict[str, tuple[int, int]] = {}
    text = data.decode("utf-8", errors="replace")
    worker = re.search(r'"([^"<>]*_static/mmguide-worker\.mjs)"', text)
    bundle = re.search(r'"([^"<>]*_static/py/[0-9a-f]+/[\w.-]+\.gz)"', text)
    if worker and bundle:  # the page starts the calculators' runtime (forms.py)
        w = resolve(page, worker.group(1))
        targets = [w, resolve(page, bundle.group(1))]
        if w is not None:
            targets += [resolve(w, f"micropython/{f}") for f in MP_FILES]
        for t in targets:
            if t is not None:
                d = t.read_bytes()
                runtime[t.relative_to(site).as_posix()] = (len(d), _gz(d))
    return Weight(page.relative_to(site).as_posix(), files, external, missing, runtime)


def site_pages(site: pathlib.Path) -> list[pathlib.Path]:
    """The site's HTML pages (not the theme's template fragments under _static)."""
    site = pathlib.Path(site)
    return sorted(p for p in site.rglob("*.html") if "_static" not in p.relative_to(site).parts
                  and "_sources" not in p.relative_to(site).parts)
