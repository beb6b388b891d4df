"""Pages that fit a phone: tables stack, nothing scrolls sideways without a reason.

At 375 px a table of four or five columns is wider than the screen. Each data cell is given the
text of its column heading (``data-label``); below 600 px ``lean.css`` shows every row as a
small card of "heading: value" lines (``table.mmguide-stack``), so the reader scrolls down,
never sideways.

Done on the doctree, after the Chinese edition's translations and every reference are in place
(:class:`StackTables`, a post-transform): the table gets the class ``mmguide-stack`` and each
body cell the attribute :data:`LABEL`, which the book's HTML translator writes as ``data-label``
(``translator.py``). Tables with merged cells or without a heading row, and the recommendations
index (laid out by ``recommendations.py``, whose cells carry their own labels), are left as they
are. The generated general index is not a doctree and is never stacked.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

LABEL = "mmguide_label"  # an entry's column heading, written as data-label by translator.py
STACK_CLASS = "mmguide-stack"
SKIP_CLASSES = ("mmguide-rec-index",)


def _text(entry: nodes.Element) -> str:
    return " ".join(entry.astext().split())


def column_labels(table: nodes.table) -> list[str] | None:
    """The column headings of a table that can stack, or None if it cannot."""
    if any(c in table["classes"] for c in SKIP_CLASSES):
        return None
    groups = [g for g in table.children if isinstance(g, nodes.tgroup)]
    if len(groups) != 1:
        return None
    group = groups[0]
    heads = [c for c in group.children if isinstance(c, nodes.thead)]
    bodies = [c for c in group.children if isinstance(c, nodes.tbody)]
    if not heads or not bodies:
        return None
    if any("morecols" in e or "morerows" in e for e in group.findall(nodes.entry)):
        return None  # merged cells: a card would pair values with the wrong heading
    head_rows = [r for r in heads[0].children if isinstance(r, nodes.row)]
    if not head_rows:
        return None
    labels = [_text(e) for e in head_rows[0].children if isinstance(e, nodes.entry)]
    if len(labels) < 2 or not all(labels):
        return None
    return labels


def stack(table: nodes.table) -> bool:
    """Mark *table* to stack on phones and give each body cell its column's heading."""
    labels = column_labels(table)
    if labels is None:
        return False
    if STACK_CLASS not in table["classes"]:
        table["classes"].insert(0, STACK_CLASS)
    group = next(g for g in table.children if isinstance(g, nodes.tgroup))
    for tbody in (c for c in group.children if isinstance(c, nodes.tbody)):
        for row in tbody.children:
            if not isinstance(row, nodes.row):
                continue
            cells = [e for e in row.children if isinstance(e, nodes.entry)]
            for label, entry in zip(labels, cells):
                entry[LABEL] = label
    return True


class StackTables(SphinxPostTransform):
    """Every table that can stack does, in every HTML page (after translation)."""

    default_priority = 900  # after references are resolved: a heading's text is final
    formats = ("html",)

    def run(self, **kwargs) -> None:
        for table in list(self.document.findall(nodes.table)):
            stack(table)


def setup(app: Sphinx) -> None:
    app.add_post_transform(StackTables)
