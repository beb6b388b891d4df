"""The book's HTML translator: what the extension adds to the markup of every page, done while
the doctree is written (node visitors), not by rewriting the rendered page.

A mixin over whatever HTML translator the build uses (Sphinx's, wrapped by pydata-sphinx-theme's
Bootstrap mixin), installed at ``builder-inited`` after the theme's:

- a table cell that ``narrow.py`` gave its column heading (:data:`narrow.LABEL`) is written with
  ``data-label``, which ``lean.css`` shows above the value where rows stack on a phone;
- docutils writes each citation of the bibliography as ``role="doc-biblioentry"`` (a deprecated
  ARIA role) inside a ``role="list"`` container; a list must own list items (axe
  aria-required-children), so the role is ``listitem``;
- the theme puts each table in ``div.pst-scrollable-table-container``; a region that scrolls
  sideways must be reachable by keyboard (axe scrollable-region-focusable, WCAG 2.1.1), so the
  container gets ``tabindex="0"``;
- MyST-NB's show/hide toggle of a code cell is a ``<summary>`` named "Toggle hidden content";
  its visible text ("Show code cell source") must be its name (axe label-content-name-mismatch,
  WCAG 2.5.3): :func:`visit_hide_code_cell` writes it without the ``aria-label``.
"""

from __future__ import annotations

import types
from html import escape

from docutils import nodes
from sphinx.application import Sphinx

from .narrow import LABEL

SCROLL_CONTAINER = '<div class="pst-scrollable-table-container">'  # pydata-sphinx-theme's visit_table
SCROLL_CONTAINER_FOCUSABLE = '<div class="pst-scrollable-table-container" tabindex="0">'


class BookHTMLTranslatorMixin:
    def starttag(self, node, tagname, suffix="\n", empty=False, **attributes):
        if tagname.lower() == "td" and isinstance(node, nodes.entry) and node.get(LABEL):
            attributes["data-label"] = node[LABEL]
        if attributes.get("role") == "doc-biblioentry":
            attributes["role"] = "listitem"
        return super().starttag(node, tagname, suffix, empty, **attributes)

    def visit_table(self, node):
        start = len(self.body)
        super().visit_table(node)
        for i in range(start, len(self.body)):
            if self.body[i] == SCROLL_CONTAINER:
                self.body[i] = SCROLL_CONTAINER_FOCUSABLE
                break


def visit_hide_code_cell(self, node) -> None:
    """MyST-NB's ``visit_HideCellInput`` (myst_nb/sphinx_.py) without the summary's aria-label."""
    classes = " ".join(node["classes"])
    self.body.append(f'<details class="admonition hide {classes}">\n')
    self.body.append("<summary>\n")
    self.body.append(f'<p class="collapsed admonition-title">{escape(node["prompt_show"])}</p>\n')
    self.body.append(f'<p class="expanded admonition-title">{escape(node["prompt_hide"])}</p>\n')
    self.body.append("</summary>\n")


def depart_hide_code_cell(self, node) -> None:
    self.body.append("</details>\n")


def _builder_inited(app: Sphinx) -> None:
    if app.builder.format != "html":
        return
    base = app.registry.translators.get(app.builder.name) or getattr(app.builder, "default_translator_class", None)
    if base is None or issubclass(base, BookHTMLTranslatorMixin):
        return
    translator = types.new_class("BookHTMLTranslator", (BookHTMLTranslatorMixin, base), {})
    app.set_translator(app.builder.name, translator, override=True)


def setup(app: Sphinx) -> None:
    # after pydata-sphinx-theme's setup_translators (priority 500): the book's mixin wraps the theme's
    app.connect("builder-inited", _builder_inited, priority=900)
    try:
        from myst_nb.sphinx_ import HideCodeCellNode
    except ImportError:  # pragma: no cover - MyST-NB is pinned
        return
    app.add_node(HideCodeCellNode, override=True, html=(visit_hide_code_cell, depart_hide_code_cell))
