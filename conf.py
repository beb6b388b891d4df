"""Sphinx configuration for the mmguide book (source dir = repository root)."""

from __future__ import annotations

import hashlib
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "sphinxext"))
sys.path.insert(0, str(ROOT / "src"))

import mmguide  # noqa: E402

project = "mmguide"
author = "mmguide contributors"
copyright = "2026, mmguide contributors (text CC BY 4.0, code MIT)"
release = version = mmguide.__version__
language = "en"  # the source language; tools/build.py also builds zh_CN from the catalogues
locale_dirs = ["docs/locales"]
gettext_compact = False  # one catalogue per page
gettext_uuid = False
gettext_location = False  # no line numbers in catalogues: an edit elsewhere leaves them unchanged
templates_path = ["docs/_templates"]

root_doc = "docs/index"
include_patterns = ["docs/**", "notebooks/**"]
exclude_patterns = ["_build", ".venv", "**/.ipynb_checkpoints", "docs/locales/**", "**/README.md"]

extensions = [
    "myst_nb",
    "sphinxcontrib.bibtex",
    "sphinx_design",
    "mmguide_book",
]

# --- MyST -----------------------------------------------------------------------------
myst_enable_extensions = ["colon_fence", "deflist", "dollarmath", "amsmath", "substitution"]
myst_substitutions = {"version": mmguide.__version__}  # the one version, for {{ version }} in pages
myst_heading_anchors = 3

# --- Notebooks: executed on every build; a failing cell fails the build. -----------------
# MyST-NB's cache keys on code cells only, so the cache folder is keyed on the source of
# the mmguide package too: change a threshold and every notebook runs again.
def _package_digest() -> str:
    h = hashlib.sha256()
    for p in sorted((ROOT / "src" / "mmguide").rglob("*")):
        if p.is_file() and p.suffix in {".py", ".json"}:
            h.update(p.relative_to(ROOT).as_posix().encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


MMGUIDE_DIGEST = _package_digest()
nb_execution_mode = "cache"
nb_execution_cache_path = str(ROOT / "_build" / ".jupyter_cache" / MMGUIDE_DIGEST)
nb_execution_raise_on_error = True
nb_execution_show_tb = True
nb_execution_timeout = 180
nb_ipywidgets_js = {}  # never load widget scripts from a CDN
nb_merge_streams = True
nb_kernel_rgx_aliases = {".*": "python3"}
nb_custom_formats = {}

# --- Bibliography ---------------------------------------------------------------------------
bibtex_bibfiles = ["references.bib"]
bibtex_default_style = "unsrt"
bibtex_reference_style = "label"  # numbered, as in clinical journals

# --- HTML -----------------------------------------------------------------------------------
html_theme = "sphinx_book_theme"
html_title = "mmguide"
html_static_path = ["docs/_static"]
html_css_files = ["mmguide.css"]
html_last_updated_fmt = None
html_copy_source = False
html_show_sourcelink = False
# A renamed or moved page leaves a redirect at its old address: old docname -> new docname[#anchor]
# (sphinxext/mmguide_book/redirects.py writes a small HTML page there; a wrong entry fails the build).
mmguide_redirects: dict[str, str] = {}
# --- The book's extension (sphinxext/mmguide_book): its settings, paths relative to this file -------
mmguide_lean = True  # the lean theme (lean.py); -D mmguide_lean=0 builds the theme's defaults (benchmarks)
mmguide_jieba_dict = "docs/locales/zh_CN/jieba-userdict.txt"  # the Chinese edition's search terms
mmguide_theme_po = "docs/locales/zh_CN/theme.po"  # theme strings the Chinese catalogues lack
mmguide_runtime_layer = "runtime/micropython"  # MicroPython compatibility layer, bundled with the package
mmguide_micropython_dir = "node_modules/@micropython/micropython-webassembly-pyscript"  # npm, package-lock.json
# Units each edition's readers' laboratories report: a calculator's unit menu starts on them (the
# reader can still choose another). Chinese laboratories report creatinine in µmol/L.
mmguide_units: dict[str, list[str]] = {"zh_CN": ["µmol/L"]}
html_theme_options = {
    "repository_url": "",
    "use_download_button": True,
    "use_fullscreen_button": False,
    "show_toc_level": 2,
    "navigation_with_keys": False,
    "home_page_in_toc": True,
    # the search button (phones and a hidden sidebar), the language switcher and the
    # page-contents toggle (the contents sidebar is hidden on phones); lean.py appends its
    # light/dark/system buttons. The theme's other header buttons
    # need Bootstrap's dropdowns, which the lean site does not load; tutorials carry their own
    # .ipynb download link.
    # every page's footer: authors, licence, then version, build date and the PDF
    # (docs/_templates/mmguide-edition.html)
    "footer_content_items": ["author.html", "copyright.html", "mmguide-edition.html"],
    "article_header_end": ["mmguide-search-button.html", "mmguide-lang.html", "toggle-secondary-sidebar.html"],
}
html_context = {"default_mode": "light"}
# Offline reading (sphinxext/mmguide_book/offline.py): each edition gets a service worker (Workbox)
# and a web app manifest. Pages are fetched from the network first, for at most this many seconds,
# then served from the edition stored on the device.
mmguide_offline = True
mmguide_offline_network_timeout = 3
mmguide_offline_theme_color = "#0d5bc6"  # lean.css's primary colour (light mode)

html_math_renderer = "mathml"  # registered by mmguide_book: MathML, no MathJax

numfig = True
nitpicky = True
suppress_warnings = []
