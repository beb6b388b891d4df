"""Every page says which book it is from, on screen and on paper.

- The footer of every page: the book's version (``release`` in conf.py, which is
  ``mmguide.__version__``), the build date, and a link to the PDF of the whole edition
  (built by tools/pdf.py into the edition's folder, :data:`PDF_NAME`).
- In print only (``.mmguide-print-only``): a line above the title with the book, version,
  build date and the page's address, and under the page the references it cites, as a
  numbered list (on screen the numbers link to the bibliography page instead).

The build date is the UTC date of the build, or of ``SOURCE_DATE_EPOCH`` when set
(reproducible builds).
"""

from __future__ import annotations

import datetime
import html
import os
import re

from sphinx.application import Sphinx

from .i18n import lang

PDF_NAME = "mmguide-{language}.pdf"

TEXT = {
    "en": {"version": "Version", "built": "built", "pdf": "PDF of the whole book",
           "refs": "References", "printed_from": "Printed from"},
    "zh": {"version": "版本", "built": "构建于", "pdf": "全书 PDF",
           "refs": "参考文献", "printed_from": "打印自"},
}

_CITATION = re.compile(
    r'<span class="bibtex-citation"[^>]*>\[(.*?)\]</span>', re.S)
_CITE_LINK = re.compile(r'<a class="reference internal" href="[^"]*" title="([^"]*)">([^<]+)</a>')


def build_date() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = (datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc) if epoch and epoch.isdigit()
            else datetime.datetime.now(datetime.timezone.utc))
    return when.date().isoformat()


def pdf_name(app: Sphinx) -> str:
    return PDF_NAME.format(language=app.config.language or "en")


def cited_references(body: str) -> list[tuple[int, str]]:
    """(number, full reference) of every citation in the page body, in number order."""
    found: dict[int, str] = {}
    for m in _CITATION.finditer(body):
        for title, label in _CITE_LINK.findall(m.group(1)):
            if label.strip().isdigit():
                found.setdefault(int(label.strip()), title)
    return sorted(found.items())


def _page_context(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    t = TEXT[lang(app.env)]
    date = getattr(app, "_mmguide_build_date", None) or build_date()
    app._mmguide_build_date = date
    context["mmguide_build_date"] = date
    context["mmguide_text"] = t
    context["mmguide_pdf"] = pdf_name(app)
    body = context.get("body")
    if not body or app.builder.name not in {"html", "dirhtml"}:
        return
    title = html.escape(re.sub(r"<[^>]+>", "", context.get("title") or ""))
    head = (f'<p class="mmguide-print-only mmguide-print-head">{html.escape(app.config.project)} · '
            f'{t["version"]} {html.escape(app.config.release)} · {t["built"]} {date} · '
            f'{t["printed_from"]} <span class="mmguide-page-url">{html.escape(pagename)}.html</span></p>\n')
    refs = cited_references(body) if pagename != "docs/bibliography" else []
    tail = ""
    if refs:
        items = "\n".join(f'<li value="{n}">{text}</li>' for n, text in refs)
        tail = (f'\n<section class="mmguide-print-only mmguide-print-refs" aria-label="{t["refs"]}">'
                f'<h2>{t["refs"]}</h2>\n<ol>\n{items}\n</ol>\n</section>\n')
    context["body"] = head + body + tail
    context["mmguide_print_title"] = title


def setup(app: Sphinx) -> None:
    app.connect("html-page-context", _page_context)
