"""Pages that fit a phone: tables stack, nothing scrolls sideways without a reason.

At 375 px a table of four or five columns is wider than the screen. Each data cell gets the
text of its column heading (``data-label``); below 600 px ``lean.css`` shows every row as a
small card of "heading: value" lines (``table.mmguide-stack``), so the reader scrolls down,
never sideways. Tables with merged cells, the generated general index and the
recommendations index (laid out by ``recommendations.py``) are left as they are.
"""

from __future__ import annotations

import html
import re

from sphinx.application import Sphinx

_TABLE = re.compile(r'<table\b([^>]*)>(.*?)</table>', re.S)
_THEAD = re.compile(r'<thead>(.*?)</thead>', re.S)
_TBODY = re.compile(r'<tbody>(.*?)</tbody>', re.S)
_TH = re.compile(r'<th\b[^>]*>(.*?)</th>', re.S)
_ROW = re.compile(r'<tr\b[^>]*>(.*?)</tr>', re.S)
_TD = re.compile(r'<td\b')
_TAGS = re.compile(r'<[^>]+>')
SKIP_CLASSES = ("indextable", "mmguide-rec-index")


def _label(cell_html: str) -> str:
    text = html.unescape(_TAGS.sub("", cell_html))
    return html.escape(" ".join(text.split()), quote=True)


def _stack(m: re.Match) -> str:
    attrs, inner = m.group(1), m.group(2)
    if any(c in attrs for c in SKIP_CLASSES) or "colspan" in inner or "rowspan" in inner:
        return m.group(0)
    head = _THEAD.search(inner)
    body = _TBODY.search(inner)
    if not head or not body:
        return m.group(0)
    labels = [_label(h) for h in _TH.findall(head.group(1))]
    if len(labels) < 2 or not all(labels):
        return m.group(0)

    def row(r: re.Match) -> str:
        k = iter(labels)
        return _TD.sub(lambda _m: f'<td data-label="{next(k, "")}"', r.group(0))

    new_body = body.group(0)[:7] + _ROW.sub(row, body.group(1)) + "</tbody>"
    inner = inner[:body.start()] + new_body + inner[body.end():]
    if 'class="' in attrs:
        attrs = attrs.replace('class="', 'class="mmguide-stack ', 1)
    else:
        attrs += ' class="mmguide-stack"'
    return f"<table{attrs}>{inner}</table>"


def stack_tables(body: str) -> str:
    return _TABLE.sub(_stack, body) if "<table" in body else body


def _page_context(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    body = context.get("body")
    if body:
        context["body"] = stack_tables(body)


def setup(app: Sphinx) -> None:
    app.connect("html-page-context", _page_context)
