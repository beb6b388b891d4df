"""Every page says which book it is from, on screen and on paper.

- The footer of every page: the book's version (``release`` in conf.py, which is
  ``mmguide.__version__``), the build date, and a link to the PDF of the whole edition
  (built by tools/pdf.py into the edition's folder, :data:`PDF_NAME`).
- In print only (``.mmguide-print-only``): a line above the title with the book, version,
  build date and the page's address, and under the page the references it cites, as a
  numbered list (on screen the numbers link to the bibliography page instead). The list is read
  from the page's resolved doctree (sphinxcontrib-bibtex's citation nodes); both parts are
  placed around the page's body by ``docs/_templates/page.html``.

The build date is the UTC date of the build, or of ``SOURCE_DATE_EPOCH`` when set
(reproducible builds).
"""

from __future__ import annotations

import datetime
import html
import os

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.writers.html5 import HTML5Translator

from .strings import translate

PDF_NAME = "mmguide-{language}.pdf"

WORDS = {"version": "Version", "built": "built", "pdf": "PDF of the whole book",
         "refs": "References", "printed_from": "Printed from"}


def text(env) -> dict[str, str]:
    """The footer's and the print parts' words in the reader's language (strings.py)."""
    return {k: translate(env, v, "print", general=False) for k, v in WORDS.items()}

def build_date() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = (datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc) if epoch and epoch.isdigit()
            else datetime.datetime.now(datetime.timezone.utc))
    return when.date().isoformat()


def pdf_name(app: Sphinx) -> str:
    return PDF_NAME.format(language=app.config.language or "en")


_AS_ATTRIBUTE = {**HTML5Translator.special_characters, **{ord(c): " " for c in "\n\r\t\v\f"}}


def _as_html_text(text: str) -> str:
    """Text escaped as the HTML writer escapes an attribute (the citation's title), for the same bytes."""
    return text.translate(_AS_ATTRIBUTE)


def cited_references(doctree: nodes.Node | None) -> list[tuple[int, str]]:
    """(number, full reference) of every citation in the page, in number order, read from the
    resolved doctree: sphinxcontrib-bibtex's ``bibtex-citation`` nodes, whose references carry the
    number as their text and the full reference as their title (``bibtex_tooltips``)."""
    found: dict[int, str] = {}
    if doctree is None:
        return []
    for cite in doctree.findall(nodes.inline):
        if "bibtex-citation" not in cite["classes"]:
            continue
        for ref in cite.findall(nodes.reference):
            label, title = ref.astext().strip(), ref.get("reftitle")
            if label.isdigit() and title:
                found.setdefault(int(label), title)
    return sorted(found.items())


def print_head(app: Sphinx, pagename: str, t: dict, date: str) -> str:
    """The line above the title on paper: book, version, build date and the page's address."""
    return (f'<p class="mmguide-print-only mmguide-print-head">{html.escape(app.config.project)} · '
            f'{t["version"]} {html.escape(app.config.release)} · {t["built"]} {date} · '
            f'{t["printed_from"]} <span class="mmguide-page-url">{html.escape(pagename)}.html</span></p>\n')


def print_refs(refs: list[tuple[int, str]], t: dict) -> str:
    """The references a page cites, numbered as on screen, under the page on paper."""
    if not refs:
        return ""
    items = "\n".join(f'<li value="{n}">{_as_html_text(text)}</li>' for n, text in refs)
    return (f'\n<section class="mmguide-print-only mmguide-print-refs" aria-label="{t["refs"]}">'
            f'<h2>{t["refs"]}</h2>\n<ol>\n{items}\n</ol>\n</section>\n')


def _page_context(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Data of the footer (mmguide-edition.html) and of the print-only parts around the page's
    body (page.html: ``mmguide_print_head`` before it, ``mmguide_print_refs`` after it)."""
    t = text(app.env)
    date = getattr(app, "_mmguide_build_date", None) or build_date()
    app._mmguide_build_date = date
    context["mmguide_build_date"] = date
    context["mmguide_text"] = t
    context["mmguide_pdf"] = pdf_name(app)
    context["mmguide_print_head"] = context["mmguide_print_refs"] = ""
    if not context.get("body") or app.builder.name not in {"html", "dirhtml"}:
        return
    context["mmguide_print_head"] = print_head(app, pagename, t, date)
    if pagename != "docs/bibliography":
        context["mmguide_print_refs"] = print_refs(cited_references(doctree), t)


def _builder_inited(app: Sphinx) -> None:
    """The whole book on one page (``singlehtml``, which tools/pdf.py prints) is printed, never
    searched: it gets no search index, which for the Chinese edition meant segmenting the whole
    book with jieba once more for a file nothing reads."""
    if app.builder.name == "singlehtml":
        app.builder.search = False


def setup(app: Sphinx) -> None:
    app.connect("builder-inited", _builder_inited)
    app.connect("html-page-context", _page_context)
