"""A lean sphinx-book-theme: the theme's look at a fraction of its weight, nothing fetched
from outside the site.

Clinicians read between patients, on hospital networks that block CDNs, and on phones. The
theme's defaults cost ~900 KB gzipped per page (fontawesome.js alone ~530 KB) and every page
loads the whole search index. This module keeps the look and trims the load:

- the theme's stylesheet (pydata-sphinx-theme.css, which bundles Bootstrap and Font Awesome)
  is replaced by ``_static/lean/theme.css``: the same rules without Font Awesome's fonts and
  without rules for classes that no page (nor any script the pages load) uses;
- no ``fontawesome.js`` and no ``bootstrap.js``: the dozen icons the theme shows are CSS masks
  in ``docs/_static/lean.css``; tooltips fall back to the native ``title``; the colour-mode
  dropdown becomes three plain buttons (``docs/_templates/lean-theme-switcher.html``);
- ``searchindex.js`` and the search tools load on the search page only;
- sphinx-design's and MyST-NB's CSS/JS load only on pages that use them;
- files no page loads any more are removed from the output at ``build-finished``.

Kept: pydata-sphinx-theme.js (sidebar toggles, colour mode, the search dialog that submits to
search.html, Ctrl+K, back-to-top), sphinx-book-theme.js (wide-screen sidebar toggle) and
Sphinx's small doctools/highlight scripts.

``MMGUIDE_LEAN=0`` in the environment builds the theme's defaults (used by the benchmark to
measure what the trimming saves). The weight of a built page, with everything it loads on a
first visit, is measured by :func:`page_weight` (shared by the tests and the benchmark).
"""

from __future__ import annotations

import dataclasses
import gzip
import hashlib
import html.parser
import os
import pathlib
import posixpath
import re
import shutil
import urllib.parse

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging

logger = logging.getLogger(__name__)

ENV_VAR = "MMGUIDE_LEAN"
BUDGET_BYTES = 150 * 1024  # gzip, everything a page loads on a first visit (the calculators' runtime apart)
# A calculator page with its runtime (the worker, MicroPython, the package's bundle): the page's
# files gzip-compressed, as every static host sends HTML, CSS and scripts, and the runtime's files
# as they are (the bundle is compressed already; a host may not compress WebAssembly). The in-page
# calculators' goal (issue 15).
RUNTIME_PAGE_BUDGET_BYTES = 1_000_000
REPO = pathlib.Path(__file__).resolve().parents[2]
TEMPLATES = REPO / "docs" / "_templates"
STATIC = REPO / "docs" / "_static"
THEME_CSS_OUT = "_static/lean/theme.css"
SWITCHER = "lean-theme-switcher"

# Scripts no page needs any more (icons are CSS; tooltips are native title attributes).
DROP_SCRIPTS = ("fontawesome.js", "bootstrap.js")
# Only the search page needs the index and the search tools.
SEARCH_ONLY_SCRIPTS = ("searchtools.js", "language_data.js", "searchindex.js")
# Per-page assets of other extensions, kept only where the page's body uses them.
CONDITIONAL = {
    "design-tabs.js": re.compile(r"sd-tab-set"),
    "sphinx-design.min.css": re.compile(r'class="[^"]*\bsd-'),
    "mystnb.": re.compile(r'class="[^"]*\b(cell|output|tag_\w+|margin|full-width)\b'),
}
# Output files nothing loads in a lean build (paths under the output directory).
REMOVE = (
    "_static/scripts/fontawesome.js",
    "_static/scripts/fontawesome.js.map",
    "_static/scripts/fontawesome.js.LICENSE.txt",
    "_static/scripts/bootstrap.js",
    "_static/scripts/bootstrap.js.map",
    "_static/scripts/bootstrap.js.LICENSE.txt",
    "_static/vendor/fontawesome",
    "_static/styles/pydata-sphinx-theme.css",
    "_static/styles/pydata-sphinx-theme.css.map",
    "_static/styles/theme.css",
    "_static/webpack-macros.html",
    "_static/sbt-webpack-macros.html",
)


def enabled() -> bool:
    """False when ``MMGUIDE_LEAN`` is 0/false/no/off: build the theme's defaults."""
    return os.environ.get(ENV_VAR, "1").strip().lower() not in {"0", "false", "no", "off"}


def _active(app: Sphinx) -> bool:
    return (
        enabled()
        and app.config.html_theme == "sphinx_book_theme"
        and getattr(app.builder, "name", "") in {"html", "dirhtml", "singlehtml"}  # singlehtml: the PDF
    )


def _filename(asset) -> str:
    return os.fspath(getattr(asset, "filename", asset) or "")


# --- Sphinx hooks -------------------------------------------------------------------------


def _config_inited(app: Sphinx, config: Config) -> None:
    if not enabled() or config.html_theme != "sphinx_book_theme":
        return
    paths = [str(p) for p in config.templates_path]
    if not any(pathlib.Path(app.confdir, p).resolve() == TEMPLATES for p in paths):
        config.templates_path = [*paths, str(TEMPLATES)]
    statics = [str(p) for p in config.html_static_path]
    if not any(pathlib.Path(app.confdir, p).resolve() == STATIC for p in statics):
        config.html_static_path = [*statics, str(STATIC)]
    options = dict(config.html_theme_options or {})
    end = list(options.get("article_header_end") or [])
    if SWITCHER not in end:
        options["article_header_end"] = [*end, SWITCHER]
    config.html_theme_options = options


def _builder_inited(app: Sphinx) -> None:
    if not _active(app):
        return
    app.add_css_file("lean.css", priority=900)
    app._mmguide_lean_digest = _digest()  # cache-buster for _static/lean/theme.css


def _digest() -> str:
    h = hashlib.sha256(pathlib.Path(__file__).read_bytes())
    src = _theme_css_source()
    if src:
        h.update(src.read_bytes())
    return h.hexdigest()[:12]


def _page_context(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    if not _active(app):
        return
    body = context.get("body") or ""
    is_search = pagename == "search"

    def keep(asset) -> bool:
        name = posixpath.basename(_filename(asset))
        if name in DROP_SCRIPTS:
            return False
        if name in SEARCH_ONLY_SCRIPTS and not is_search:
            return False
        for prefix, used in CONDITIONAL.items():
            if name.startswith(prefix):
                return bool(used.search(body))
        return True

    context["mmguide_lean"] = True
    _accessible_html(context)
    context["mmguide_lean_digest"] = getattr(app, "_mmguide_lean_digest", "")
    context["script_files"] = [a for a in context.get("script_files", []) if keep(a)]
    context["css_files"] = [a for a in context.get("css_files", []) if keep(a)]


_SUMMARY = re.compile(r'(<a\b[^>]*>([^<]*)</a>\s*<details\b[^>]*>\s*)<summary>')


_TOGGLE_LABEL = {
    "en": ("Show or hide the pages under {title}", "Show or hide subpages"),
    "zh": ("展开或收起“{title}”下的页面", "展开或收起子页面"),
}


def _label_summaries(html_text: str, language: str | None = None) -> str:
    """Name the theme's sidebar expand/collapse toggles (a <summary> holding only an icon):
    axe summary-name, WCAG 4.1.2."""
    lang = (language or "en").split("_")[0].split("-")[0]
    with_title, bare = _TOGGLE_LABEL.get(lang, _TOGGLE_LABEL["en"])

    def name(m: re.Match) -> str:
        title = " ".join(m.group(2).split()).replace('"', "&quot;")
        label = with_title.format(title=title) if title else bare
        return f'{m.group(1)}<summary aria-label="{label}">'

    return _SUMMARY.sub(name, html_text)


def _accessible_html(context: dict) -> None:
    """Accessibility fixes to HTML produced by the theme and by docutils."""
    from markupsafe import Markup

    gen = context.get("generate_toctree_html")
    language = context.get("language")
    if callable(gen) and not getattr(gen, "_mmguide_lean", False):
        def generate_toctree_html(*args, **kwargs):
            result = gen(*args, **kwargs)
            out = _label_summaries(str(result), language)
            return Markup(out) if isinstance(result, Markup) else out

        generate_toctree_html._mmguide_lean = True
        context["generate_toctree_html"] = generate_toctree_html
    body = context.get("body")
    if body and '<div class="pst-scrollable-table-container">' in body:
        # a region that scrolls sideways must be reachable by keyboard (axe
        # scrollable-region-focusable, WCAG 2.1.1)
        body = context["body"] = body.replace(
            '<div class="pst-scrollable-table-container">',
            '<div class="pst-scrollable-table-container" tabindex="0">')
    if body and '<summary aria-label="Toggle hidden content">' in body:
        # MyST-NB's show/hide toggles: the visible "Show code cell source" must be the name
        # (axe label-content-name-mismatch, WCAG 2.5.3)
        body = context["body"] = body.replace('<summary aria-label="Toggle hidden content">', "<summary>")
    if body and '<div class="math-block" role="math"' in body:
        # a long equation scrolls sideways within the page: keyboard users must reach it
        # (axe scrollable-region-focusable, WCAG 2.1.1)
        body = context["body"] = body.replace('<div class="math-block" role="math"',
                                              '<div class="math-block" role="math" tabindex="0"')
    if body and 'role="doc-biblioentry"' in body:
        # docutils puts doc-biblioentry items (a deprecated ARIA role) in a role="list"
        # container; a list must own listitems (axe aria-required-children).
        context["body"] = body.replace('role="doc-biblioentry"', 'role="listitem"')


def _build_finished(app: Sphinx, exc: Exception | None) -> None:
    if exc is not None or not _active(app):
        return
    out = pathlib.Path(app.outdir)
    src = _theme_css_source()
    if src is None:
        logger.warning("mmguide lean: pydata-sphinx-theme.css not found; theme CSS left as is")
        return
    known = used_classes(out)
    pruned = prune_css(src.read_text(encoding="utf-8"), known)
    target = out / THEME_CSS_OUT
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists() or target.read_text(encoding="utf-8") != pruned:
        target.write_text(pruned, encoding="utf-8")
    for rel in REMOVE:
        p = out / rel
        if p.is_dir():
            shutil.rmtree(p)
        elif p.exists():
            p.unlink()


def _theme_css_source() -> pathlib.Path | None:
    try:
        import pydata_sphinx_theme
    except ImportError:  # pragma: no cover - the theme is pinned
        return None
    p = (pathlib.Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme"
         / "static" / "styles" / "pydata-sphinx-theme.css")
    return p if p.exists() else None


def setup(app: Sphinx) -> None:
    app.connect("config-inited", _config_inited)
    app.connect("builder-inited", _builder_inited)
    app.connect("html-page-context", _page_context, priority=900)
    app.connect("build-finished", _build_finished)


# --- CSS pruning --------------------------------------------------------------------------

_CLASS = re.compile(r"\.(-?[_a-zA-Z][_a-zA-Z0-9-]*)")
_TOKEN = re.compile(r"[A-Za-z_][\w-]*")
_CLASS_ATTR = re.compile(r"""\bclass\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_SCRIPT_SRC = re.compile(r"""<script\b[^>]*\bsrc\s*=\s*["']([^"']+)["']""")
_INLINE_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script>", re.S)
_FUNC = re.compile(r":(?:not|is|where|has|matches|-webkit-any)\((?:[^()]|\([^()]*\))*\)")
_ATTR = re.compile(r"\[[^\]]*\]")
_FA = re.compile(r"^(?:fa|fas|far|fab|fa-[\w-]+)$")


def used_classes(site: pathlib.Path) -> set[str]:
    """Every class named in the site's HTML, plus every word in the scripts the pages load
    (scripts add classes at run time: a word they contain may be one)."""
    known: set[str] = set()
    scripts: set[pathlib.Path] = set()
    for page in site.rglob("*.html"):
        if "_static" in page.relative_to(site).parts:
            continue
        text = page.read_text(encoding="utf-8", errors="replace")
        for m in _CLASS_ATTR.finditer(text):
            known.update((m.group(1) or m.group(2) or "").split())
        for m in _INLINE_SCRIPT.finditer(text):
            known.update(_TOKEN.findall(m.group(1)))
        for m in _SCRIPT_SRC.finditer(text):
            url = urllib.parse.urlsplit(m.group(1))
            if not url.scheme and not url.netloc:
                scripts.add((page.parent / urllib.parse.unquote(url.path)).resolve())
    for js in scripts:
        if js.is_file():
            known.update(_TOKEN.findall(js.read_text(encoding="utf-8", errors="replace")))
    return known


def _split_selectors(prelude: str) -> list[str]:
    out, depth, cur = [], 0, []
    for ch in prelude:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        if ch == "," and depth == 0:
            out.append("".join(cur).strip())
            cur = []
        else:
            cur.append(ch)
    out.append("".join(cur).strip())
    return [s for s in out if s]


def _selector_needed(sel: str, known: set[str]) -> bool:
    bare = _FUNC.sub("", _ATTR.sub("", sel))
    classes = _CLASS.findall(bare)
    if classes and all(_FA.match(c) for c in classes):
        return False  # Font Awesome's own rules: icons are CSS masks in lean.css
    return all(c in known for c in classes)


def prune_css(css: str, known: set[str]) -> str:
    """Drop @font-face rules, Font Awesome's rules and selectors naming an unused class."""
    import tinycss2

    def walk(rules) -> list[str]:
        out: list[str] = []
        for r in rules:
            if r.type == "at-rule":
                kw = r.lower_at_keyword
                prelude = tinycss2.serialize(r.prelude).strip()
                if kw == "font-face" or (kw == "keyframes" and prelude.startswith("fa-")):
                    continue
                if kw in {"media", "supports", "layer", "container"} and r.content is not None:
                    inner = walk(tinycss2.parse_rule_list(r.content, skip_comments=True, skip_whitespace=True))
                    if inner:
                        out.append(f"@{r.at_keyword} {prelude}{{{''.join(inner)}}}")
                    continue
                out.append(r.serialize())
            elif r.type == "qualified-rule":
                sels = [s for s in _split_selectors(tinycss2.serialize(r.prelude))
                        if _selector_needed(s, known)]
                if sels:
                    out.append(f"{','.join(sels)}{{{tinycss2.serialize(r.content).strip()}}}")
        return out

    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    return "/* pydata-sphinx-theme.css pruned by mmguide_book.lean (BSD-3-Clause; Bootstrap MIT) */\n" + "\n".join(walk(rules)) + "\n"


# --- Page weight ----------------------------------------------------------------------------


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
        from .runtime import MP_FILES

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
