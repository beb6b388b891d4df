"""Recommendations: one directive per recommendation, a role to link one, a generated index.

    ```{recommendation} BP-1
    :statement: One-line statement.
    :source: Interview; IMWG 2021
    :cite: csco2025mbdguideline, terpos2021bone

    Rationale, with citations.
    ```

Every recommendation must have a stable ID (``AA-9``), a statement, a source and at least one
citation key; a duplicate ID anywhere in the book fails the build. The index is generated
from the recommendations themselves, never maintained by hand.
"""

from __future__ import annotations

import re

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from .i18n import _t

logger = logging.getLogger(__name__)
ID_RE = re.compile(r"^[A-Z]{2,4}-\d{1,2}$")


def label_for(rec_id: str) -> str:
    return f"rec-{rec_id.lower()}"


def _store(env) -> dict:
    if not hasattr(env, "mmguide_recs"):
        env.mmguide_recs = {}
    return env.mmguide_recs


class recommendation_index(nodes.General, nodes.Element):
    """Placeholder replaced by the generated index once every document has been read."""


class RecommendationDirective(SphinxDirective):
    required_arguments = 1
    has_content = True
    option_spec = {
        "statement": directives.unchanged_required,
        "source": directives.unchanged_required,
        "cite": directives.unchanged_required,
        "strength": directives.unchanged,
    }

    def run(self):
        rec_id = self.arguments[0].strip()
        where = f"{self.env.docname}:{self.lineno}"
        problems = []
        if not ID_RE.match(rec_id):
            problems.append(f"ID {rec_id!r} is not of the form AA-9")
        for opt in ("statement", "source", "cite"):
            if not self.options.get(opt, "").strip():
                problems.append(f"missing :{opt}:")
        if problems:
            logger.warning(
                "recommendation %s: %s", rec_id, "; ".join(problems),
                location=(self.env.docname, self.lineno), type="mmguide", subtype="recommendation",
            )
            return []
        keys = [k.strip() for k in self.options["cite"].split(",") if k.strip()]
        store = _store(self.env)
        if rec_id in store and store[rec_id]["docname"] != self.env.docname:
            logger.warning(
                "duplicate recommendation ID %s (also in %s)", rec_id, store[rec_id]["docname"],
                location=(self.env.docname, self.lineno), type="mmguide", subtype="recommendation",
            )
        elif rec_id in store:
            logger.warning(
                "duplicate recommendation ID %s in the same document", rec_id,
                location=(self.env.docname, self.lineno), type="mmguide", subtype="recommendation",
            )
        label = label_for(rec_id)
        store[rec_id] = {
            "docname": self.env.docname, "label": label, "statement": self.options["statement"],
            "source": self.options["source"], "cite": keys, "strength": self.options.get("strength", ""),
        }
        std = self.env.get_domain("std")
        std.note_hyperlink_target(label, self.env.docname, label, f"{rec_id}")

        box = nodes.container(classes=["mmguide-recommendation"], ids=[label])
        box["rec_id"] = rec_id
        head = nodes.paragraph(classes=["mmguide-rec-id"])
        head += nodes.strong(text=rec_id)
        box += head
        # the statement is a paragraph of its own, with its source text as rawsource, so that
        # gettext extracts it and the Chinese edition translates it like any other paragraph
        stmt_nodes, msgs = self.state.inline_text(self.options["statement"], self.lineno)
        stmt = nodes.paragraph(self.options["statement"], "", *stmt_nodes, classes=["mmguide-rec-statement"])
        stmt.source, stmt.line = self.state.document.current_source, self.lineno
        box += stmt
        box += msgs
        body = nodes.container(classes=["mmguide-rec-body"])
        if self.content:
            self.state.nested_parse(self.content, self.content_offset, body)
        src = StringList(
            # English here: this line is extracted for translation like the rest of the page
            [f"**Source:** {self.options['source']} {{cite:p}}`{','.join(keys)}`"],
            source=self.env.docname,
        )
        self.state.nested_parse(src, self.content_offset, body)
        box += body
        tools = nodes.container(classes=["mmguide-rec-tools"])
        tools["rec_id"] = rec_id  # filled in at doctree-resolved with the calculators and flowcharts
        box += tools
        return [box]


class RecommendationIndexDirective(SphinxDirective):
    has_content = False

    def run(self):
        return [recommendation_index("")]


def rec_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    rec_id = text.strip()
    node = addnodes.pending_xref(
        "", nodes.inline(rec_id, rec_id, classes=["mmguide-rec-ref"]),
        refdomain="std", reftype="ref", reftarget=label_for(rec_id), refexplicit=True,
        refwarn=True,
    )
    return [node], []


def purge(app, env, docname):
    store = _store(env)
    for k in [k for k, v in store.items() if v["docname"] == docname]:
        del store[k]


def merge(app, env, docnames, other):
    store = _store(env)
    for k, v in _store(other).items():
        if k in store and store[k]["docname"] != v["docname"]:
            logger.warning("duplicate recommendation ID %s (%s and %s)", k, store[k]["docname"], v["docname"],
                           type="mmguide", subtype="recommendation")
        store[k] = v


def _link(app, fromdoc, todoc, anchor, text, classes=()):
    ref = nodes.reference("", "", internal=True, classes=list(classes))
    ref["refuri"] = app.builder.get_relative_uri(fromdoc, todoc) + (f"#{anchor}" if anchor else "")
    ref += nodes.Text(text)
    return ref


def _read(app: Sphinx, doctree) -> None:
    """After the i18n transforms: keep the statement as the reader's edition shows it."""
    store = _store(app.env)
    for box in doctree.findall(nodes.container):
        if "mmguide-recommendation" in box["classes"] and box.get("rec_id") in store:
            rec = store[box["rec_id"]]
            for para in box.findall(nodes.paragraph):
                if "mmguide-rec-statement" in para["classes"]:
                    rec["statement_shown"] = para.astext()
                elif "mmguide-rec-id" not in para["classes"]:
                    children = [c for c in para.children if not (isinstance(c, nodes.Text) and not c.strip())]
                    if len(children) < 2 or not isinstance(children[0], nodes.strong):
                        continue
                    # the "Source: … (citations)" line: its words without the citations
                    words = "".join(c.astext() for c in children[1:] if not isinstance(c, addnodes.pending_xref))
                    rec["source_shown"] = words.strip(" :：").strip()


def resolve(app: Sphinx, doctree, docname):
    from . import calculators as calc_pages
    from . import flowcharts as fc

    store = _store(app.env)
    for tools in list(doctree.findall(nodes.container)):
        if "mmguide-rec-tools" not in tools["classes"]:
            continue
        rec_id = tools["rec_id"]
        links = []
        for calc in calc_pages.calculators_for(rec_id):
            links.append(_link(app, docname, calc_pages.docname_for(calc.id), "", calc_pages.title(app, calc)))
        for fc_id, graph in fc.flowcharts_for(rec_id):
            links.append(_link(app, docname, fc.DOCNAME, f"flowchart-{fc_id}", fc.title(app, fc_id)))
        if not links:
            tools.parent.remove(tools)
            continue
        para = nodes.paragraph()
        para += nodes.strong(text=_t(app.env, "Tools") + ": ")
        for i, link in enumerate(links):
            if i:
                para += nodes.Text(" · ")
            para += link
        tools += para
    for node in list(doctree.findall(recommendation_index)):
        table = nodes.table(classes=["mmguide-rec-index"])
        group = nodes.tgroup(cols=3)
        table += group
        for w in (10, 70, 20):
            group += nodes.colspec(colwidth=w)
        thead = nodes.thead()
        row = nodes.row()
        for h in ("ID", _t(app.env, "Recommendation"), _t(app.env, "Source")):
            row += nodes.entry("", nodes.paragraph(text=h))
        thead += row
        group += thead
        tbody = nodes.tbody()
        for rec_id in sorted(store, key=lambda r: (r.split("-")[0], int(r.split("-")[1]))):
            rec = store[rec_id]
            row = nodes.row()
            cell = nodes.entry()
            p = nodes.paragraph()
            p += _link(app, docname, rec["docname"], rec["label"], rec_id)
            cell += p
            row += cell
            row += nodes.entry("", nodes.paragraph(text=rec.get("statement_shown", rec["statement"])))
            row += nodes.entry("", nodes.paragraph(text=rec.get("source_shown", rec["source"])))
            tbody += row
        group += tbody
        node.replace_self(table)


def setup(app: Sphinx) -> None:
    app.add_directive("recommendation", RecommendationDirective)
    app.add_directive("recommendation-index", RecommendationIndexDirective)
    app.add_role("rec", rec_role)
    app.add_node(recommendation_index)
    app.connect("env-purge-doc", purge)
    app.connect("env-merge-info", merge)
    app.connect("doctree-read", _read)
    app.connect("doctree-resolved", resolve)
