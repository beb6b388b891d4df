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

``mmguide_lean = False`` (conf.py, or ``-D mmguide_lean=0``) builds the theme's defaults (used by
the benchmark to measure what the trimming saves). The weight of a built page, with everything it
loads on a first visit, is measured outside the extension, by ``tools/pageweight.py`` (shared by
the tests and the benchmark). What stays an override of the theme is listed in ARCHITECTURE.md
("What a theme upgrade must check").
"""

from __future__ import annotations

import hashlib
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

CONFIG = "mmguide_lean"  # conf.py (or -D mmguide_lean=0): False builds the theme's defaults
THEME_CSS_OUT = "_static/lean/theme.css"
SWITCHER = "lean-theme-switcher"

# Scripts no page needs any more (icons are CSS; tooltips are native title attributes).
DROP_SCRIPTS = ("fontawesome.js", "bootstrap.js")
# Only the search page needs the index and the search tools.
SEARCH_ONLY_SCRIPTS = ("searchtools.js", "language_data.js", "searchindex.js")
# Per-page assets of other extensions, kept only where a node of the page's doctree has a class
# that they style (sphinx-design's sd-*, MyST-NB's cells and outputs).
_MYSTNB_CLASSES = {"cell", "output", "margin", "full-width"}
CONDITIONAL = {
    "design-tabs.js": lambda c: c == "sd-tab-set",
    "sphinx-design.min.css": lambda c: c.startswith("sd-"),
    "mystnb.": lambda c: c in _MYSTNB_CLASSES or c.startswith("tag_"),
}


def doctree_classes(doctree) -> set[str]:
    """Every class of every node of a page's doctree (none for a page without one)."""
    if doctree is None:
        return set()
    from docutils import nodes

    return {c for n in doctree.findall(nodes.Element) for c in n.get("classes", [])}
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


def enabled(config: Config) -> bool:
    """``mmguide_lean`` (conf.py; ``-D mmguide_lean=0`` on the command line): False builds the
    theme's defaults."""
    value = config[CONFIG]
    if isinstance(value, str):  # -D gives a string
        return value.strip().lower() not in {"0", "false", "no", "off"}
    return bool(value)


def _active(app: Sphinx) -> bool:
    return (
        enabled(app.config)
        and app.config.html_theme == "sphinx_book_theme"
        and getattr(app.builder, "name", "") in {"html", "dirhtml", "singlehtml"}  # singlehtml: the PDF
    )


def _filename(asset) -> str:
    return os.fspath(getattr(asset, "filename", asset) or "")


# --- Sphinx hooks -------------------------------------------------------------------------


def _config_inited(app: Sphinx, config: Config) -> None:
    """The light/dark/system buttons in the article header (the lean layout, lean.css and the
    templates come from conf.py's ``templates_path`` and ``html_static_path``)."""
    if not enabled(config) or config.html_theme != "sphinx_book_theme":
        return
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
    classes = doctree_classes(doctree)
    is_search = pagename == "search"

    def keep(asset) -> bool:
        name = posixpath.basename(_filename(asset))
        if name in DROP_SCRIPTS:
            return False
        if name in SEARCH_ONLY_SCRIPTS and not is_search:
            return False
        for prefix, styles in CONDITIONAL.items():
            if name.startswith(prefix):
                return any(styles(c) for c in classes)
        return True

    context["mmguide_lean"] = True
    _accessible_toctree(context)
    context["mmguide_lean_digest"] = getattr(app, "_mmguide_lean_digest", "")
    context["script_files"] = [a for a in context.get("script_files", []) if keep(a)]
    context["css_files"] = [a for a in context.get("css_files", []) if keep(a)]


_TOGGLE_LABEL = ("Show or hide the pages under {title}", "Show or hide subpages")


def label_summaries(soup, language: str | None = None) -> None:
    """Name the theme's sidebar expand/collapse toggles (a <summary> holding only an icon):
    axe summary-name, WCAG 4.1.2. *soup* is the theme's own BeautifulSoup tree of the sidebar
    (pydata-sphinx-theme's ``generate_toctree_html``); a toggle right after a page's link is
    named after that page."""
    from .strings import translate

    with_title, bare = (translate(language, s, "sidebar", general=False) for s in _TOGGLE_LABEL)
    for summary in soup.find_all("summary"):
        details = summary.parent
        if summary.attrs or details is None or details.name != "details" or summary is not details.find(True):
            continue
        link = details.find_previous_sibling(True)
        if link is None or link.name != "a" or link.find(True) is not None:
            continue
        title = " ".join(link.get_text().split())
        summary["aria-label"] = with_title.format(title=title) if title else bare


def _accessible_toctree(context: dict) -> None:
    """The sidebar's toggles get names (:func:`label_summaries`), on the theme's soup before it
    is written into the page."""
    gen = context.get("generate_toctree_html")
    language = context.get("language")
    if not callable(gen) or getattr(gen, "_mmguide_lean", False):
        return

    def generate_toctree_html(*args, **kwargs):
        result = gen(*args, **kwargs)
        if hasattr(result, "find_all"):  # the theme's BeautifulSoup tree
            label_summaries(result, language)
        return result

    generate_toctree_html._mmguide_lean = True
    context["generate_toctree_html"] = generate_toctree_html


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
    app.add_config_value(CONFIG, True, "html", types=(bool, str))
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
