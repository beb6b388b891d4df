"""Sphinx extension of the mmguide book.

Thin entry point; each module has one job:
- ``recommendations``: the ``recommendation`` directive, the ``rec`` role and the generated index;
- ``calculators``: a generated page per calculator, built from the package's records,
  whose verified-examples table is executed during the build;
- ``forms``: the in-page calculator form, run by mmguide itself under MicroPython (``runtime``:
  the bundle of the package's sources and the runtime's files);
- ``flowcharts``: decision flowcharts rendered to SVG by Graphviz at build time;
- ``mathml``: math rendered to MathML at build time (no MathJax, no CDN);
- ``notebook_downloads``: each tutorial downloadable as an executed .ipynb;
- ``i18n``: the reader's language, the Chinese edition's settings, search and switcher;
- ``search``: synonyms in the search index, clean snippets, calculators ranked first;
- ``printing``: version, build date and PDF link in every footer; print header and reference list;
- ``narrow``: tables stack into cards on phones (a post-transform on the doctree);
- ``translator``: the book's HTML translator mixin (cell labels, accessible roles and names);
- ``strings``: the extension's Chinese interface strings, in one place;
- ``lean``: trims what the theme loads (weight, offline, accessibility);
- ``freshness``: re-reads pages when the package or this extension changes;
- ``redirects``: small HTML pages at the addresses of renamed pages (``mmguide_redirects``);
- ``machine``: the machine-readable edition ``mmguide.json`` and its JSON Schema;
- ``offline``: each edition's service worker (Workbox) and web app manifest: readable offline, installable;
- ``bibplugins``: pybtex's plugins registered once per process, not looked up per citation.
"""

from __future__ import annotations

import pathlib

from sphinx.application import Sphinx

from . import (
    bibplugins, calculators, flowcharts, forms, freshness, i18n, lean, machine, mathml, narrow, notebook_downloads, offline,
    printing, recommendations, redirects, search, translator,
)


ROOT_REDIRECT = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=docs/index.html">
<title>mmguide</title></head><body><a href="docs/index.html">mmguide</a></body></html>
"""


def _root_redirect(app: Sphinx, exception) -> None:
    """The book's root page is docs/index; give /index.html a redirect to it (any static host)."""
    if exception is None and app.builder.format == "html":
        target = pathlib.Path(app.outdir) / "index.html"
        if not target.exists() or target.read_text(encoding="utf-8") != ROOT_REDIRECT:
            target.write_text(ROOT_REDIRECT, encoding="utf-8")


def setup(app: Sphinx) -> dict:
    app.connect("build-finished", _root_redirect)
    bibplugins.setup(app)
    freshness.setup(app)
    i18n.setup(app)
    recommendations.setup(app)
    redirects.setup(app)
    machine.setup(app)
    mathml.setup(app)
    calculators.setup(app)
    forms.setup(app)
    flowcharts.setup(app)
    notebook_downloads.setup(app)
    search.setup(app)
    printing.setup(app)
    narrow.setup(app)
    translator.setup(app)
    lean.setup(app)
    offline.setup(app)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
