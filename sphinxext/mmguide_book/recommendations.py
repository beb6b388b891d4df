"""Recommendations: one directive per recommendation, a role to link one, a generated index.

    ```{recommendation} BP-1
    :statement: One-line statement.
    :source: Interview; IMWG 2021
    :cite: csco2025mbdguideline, terpos2021bone
    :strength: not graded
    :certainty: not assessed
    :grading: Not graded: expert opinion from the interview.
    :reviewed: 2026-11-25
    :changed: First published.

    Rationale, with citations.
    ```

Every recommendation must have a stable ID (``AA-9``), a statement, a source, at least one
citation key, and its grading: strength (one of STRENGTHS), certainty of the evidence (one of
CERTAINTIES), where that grade comes from, the ISO date it was last reviewed, and one line on
its last clinical change. A missing or unknown value, or a duplicate ID anywhere in the book,
fails the build. A grade is never invented: a recommendation that no graded source covers is
"not graded" with certainty "not assessed". The index is generated from the recommendations
themselves, never maintained by hand.
"""

from __future__ import annotations

import datetime as _dt
import re

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from .i18n import _t, lang
from .strings import translate

logger = logging.getLogger(__name__)
ID_RE = re.compile(r"^[A-Z]{2,4}-\d{1,2}$")

# The grading vocabulary (GRADE's strengths, plus the good-practice statement MAGICapp and
# GRADE use for advice whose benefit is obvious, plus "not graded" for what no graded source
# covers). The value is the CSS modifier; the Chinese labels follow.
STRENGTHS = {
    "strong": "strong",
    "conditional": "conditional",
    "good-practice statement": "gps",
    "not graded": "not-graded",
}
CERTAINTIES = {
    "high": "high",
    "moderate": "moderate",
    "low": "low",
    "very low": "very-low",
    "not assessed": "not-assessed",
}
GRADING_OPTIONS = ("strength", "certainty", "grading", "reviewed", "changed")

# The legend above a page's first recommendation and above the index: what the badges mean, and
# why most say "not graded" (CONTRIBUTING.md, "Never invent a grade").
LEGEND = ("A strength and a certainty are copied only from a graded guideline that makes the same "
          "recommendation; its name and its own grade are then given under “Grading”. "
          "“Not graded” with “certainty not assessed” means that no graded guideline makes this "
          "recommendation as written (it restates the interview, a product label or several sources "
          "together): it is not a weak recommendation, and the book does not invent a grade.")



def strength_label(strength: str) -> str:
    return {
        "strong": "Strong recommendation", "conditional": "Conditional recommendation",
        "good-practice statement": "Good-practice statement", "not graded": "Not graded",
    }[strength]


def certainty_label(certainty: str) -> str:
    return "Certainty not assessed" if certainty == "not assessed" else f"Certainty of evidence: {certainty}"


def _l(env, s: str) -> str:
    """A label of the badge row or the index in the reader's language."""
    return translate(env, s, "recommendation")


def grading_problems(options: dict, today: _dt.date | None = None) -> list[str]:
    """What is missing or unknown in a recommendation's grading options (empty when all is well)."""
    problems = []
    for opt in GRADING_OPTIONS:
        if not (options.get(opt) or "").strip():
            problems.append(f"missing :{opt}:")
    strength = (options.get("strength") or "").strip()
    if strength and strength not in STRENGTHS:
        problems.append(f":strength: {strength!r} is not one of {', '.join(STRENGTHS)}")
    certainty = (options.get("certainty") or "").strip()
    if certainty and certainty not in CERTAINTIES:
        problems.append(f":certainty: {certainty!r} is not one of {', '.join(CERTAINTIES)}")
    if strength == "not graded" and certainty and certainty != "not assessed":
        problems.append("a recommendation that is not graded has certainty 'not assessed'")
    if strength in STRENGTHS and strength != "not graded" and certainty == "not assessed":
        problems.append(f"a {strength} recommendation needs the certainty its grading source gives")
    grading = (options.get("grading") or "").strip()
    if strength == "not graded" and grading and not grading.lower().startswith("not graded"):
        problems.append(":grading: of a recommendation that is not graded starts with 'Not graded'")
    reviewed = (options.get("reviewed") or "").strip()
    if reviewed:
        try:
            day = _dt.date.fromisoformat(reviewed)
        except ValueError:
            problems.append(f":reviewed: {reviewed!r} is not an ISO date (YYYY-MM-DD)")
        else:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", reviewed):
                problems.append(f":reviewed: {reviewed!r} is not an ISO date (YYYY-MM-DD)")
            elif day > (today or _dt.date.today()):
                problems.append(f":reviewed: {reviewed} is in the future")
    changed = options.get("changed") or ""
    if "\n" in changed.strip():
        problems.append(":changed: is one line")
    return problems


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
        "certainty": directives.unchanged,
        "grading": directives.unchanged,
        "reviewed": directives.unchanged,
        "changed": directives.unchanged,
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
        problems += grading_problems(self.options)
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
            "source": self.options["source"], "cite": keys,
            **{opt: self.options[opt].strip() for opt in GRADING_OPTIONS},
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
        box += badge_row(self.env, store[rec_id])
        # where the grade comes from and the last change: paragraphs of their own (rawsource =
        # the option's text) so that gettext extracts them; their labels are added after the
        # i18n transforms, in _read
        for opt, cls in (("grading", "mmguide-rec-grading"), ("changed", "mmguide-rec-changed")):
            para = nodes.paragraph(self.options[opt].strip(), self.options[opt].strip(), classes=[cls])
            para.source, para.line = self.state.document.current_source, self.lineno
            box += para
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


def legend(env) -> nodes.Element:
    """What the grade badges mean: above a page's first recommendation and above the index."""
    para = nodes.paragraph(classes=["mmguide-grading-legend"])
    para += nodes.strong(text=_l(env, "How to read the grades") + ("：" if lang(env) == "zh" else ": "))
    para += nodes.inline(text=_l(env, LEGEND))
    return para


def badge_row(env, rec: dict) -> nodes.Element:
    """Strength, certainty and review date as a row of badges: colour plus text, never colour alone."""
    row = nodes.paragraph(classes=["mmguide-rec-badges"])
    row += nodes.inline(text=_l(env, strength_label(rec["strength"])),
                        classes=["mmguide-badge", f"mmguide-strength-{STRENGTHS[rec['strength']]}"])
    row += nodes.Text(" ")
    row += nodes.inline(text=_l(env, certainty_label(rec["certainty"])),
                        classes=["mmguide-badge", f"mmguide-certainty-{CERTAINTIES[rec['certainty']]}"])
    row += nodes.Text(" ")
    row += nodes.inline(text=f"{_l(env, 'Reviewed')} {rec['reviewed']}", classes=["mmguide-badge", "mmguide-reviewed"])
    return row


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
            for para in list(box.findall(nodes.paragraph)):
                if "mmguide-rec-statement" in para["classes"]:
                    rec["statement_shown"] = para.astext()
                elif "mmguide-rec-badges" in para["classes"]:
                    # the directive ran with the env of whichever edition read it first: relabel
                    para.replace_self(badge_row(app.env, rec))
                elif "mmguide-rec-grading" in para["classes"] or "mmguide-rec-changed" in para["classes"]:
                    key = "grading" if "mmguide-rec-grading" in para["classes"] else "changed"
                    rec[f"{key}_shown"] = para.astext()
                    label = _l(app.env, "Grading" if key == "grading" else "Last change")
                    colon = "：" if lang(app.env) == "zh" else ": "
                    para.insert(0, nodes.strong(text=f"{label}{colon}"))
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
    first = next((n for n in doctree.findall(nodes.container) if "mmguide-recommendation" in n["classes"]), None)
    if first is not None:
        first.parent.insert(first.parent.index(first), legend(app.env))
    for node in list(doctree.findall(recommendation_index)):
        node.replace_self(nodes.container("", legend(app.env), index_table(app, docname, store),
                                          classes=["mmguide-rec-index-wrap"]))


def _cell(label: str, *children, classes=()) -> nodes.entry:
    """A cell whose column name is repeated inside it, shown only where rows are stacked (phones)."""
    entry = nodes.entry(classes=list(classes))
    para = nodes.paragraph()
    para += nodes.inline(text=label, classes=["mmguide-cell-label"])
    for child in children:
        para += child
    entry += para
    return entry


def index_table(app: Sphinx, docname: str, store: dict) -> nodes.table:
    """The index: one row per recommendation, with its grade, review date and calculators."""
    from . import calculators as calc_pages

    env = app.env
    colon = "：" if lang(env) == "zh" else ": "  # before a cell's value where rows are stacked
    heads = [("ID", 8), (_t(env, "Recommendation"), 44), (_l(env, "Strength"), 12),
             (_l(env, "Certainty"), 11), (_l(env, "Reviewed"), 10), (_l(env, "Calculators"), 15)]
    table = nodes.table(classes=["mmguide-rec-index"])
    group = nodes.tgroup(cols=len(heads))
    table += group
    for _, w in heads:
        group += nodes.colspec(colwidth=w)
    thead = nodes.thead()
    row = nodes.row()
    for h, _ in heads:
        row += nodes.entry("", nodes.paragraph(text=h))
    thead += row
    group += thead
    tbody = nodes.tbody()
    for rec_id in sorted(store, key=lambda r: (r.split("-")[0], int(r.split("-")[1]))):
        rec = store[rec_id]
        row = nodes.row(ids=[f"index-{rec['label']}"])
        cell = nodes.entry(classes=["mmguide-rec-index-id"])
        p = nodes.paragraph()
        p += _link(app, docname, rec["docname"], rec["label"], rec_id)
        cell += p
        row += cell
        stmt = nodes.entry(classes=["mmguide-rec-index-statement"])
        stmt += nodes.paragraph(text=rec.get("statement_shown", rec["statement"]))
        src = nodes.paragraph(classes=["mmguide-rec-index-source"])
        src += nodes.Text(f"{_t(env, 'Source')}{colon}{rec.get('source_shown', rec['source'])}")
        stmt += src
        row += stmt
        row += _cell(heads[2][0] + colon, nodes.inline(
            text=_l(env, strength_label(rec["strength"])),
            classes=["mmguide-badge", f"mmguide-strength-{STRENGTHS[rec['strength']]}"]))
        row += _cell(heads[3][0] + colon, nodes.inline(
            text=_l(env, rec["certainty"]).capitalize(),
            classes=["mmguide-badge", f"mmguide-certainty-{CERTAINTIES[rec['certainty']]}"]))
        row += _cell(heads[4][0] + colon, nodes.inline(text=rec["reviewed"], classes=["mmguide-rec-index-date"]))
        links = []
        for calc in calc_pages.calculators_for(rec_id):
            links.append(_link(app, docname, calc_pages.docname_for(calc.id), "", calc_pages.title(app, calc)))
        children = []
        for i, link in enumerate(links):
            if i:
                children.append(nodes.Text(" · "))
            children.append(link)
        row += _cell(heads[5][0] + colon, *(children or [nodes.Text("—")]), classes=["mmguide-rec-index-tools"])
        tbody += row
    group += tbody
    return table


def setup(app: Sphinx) -> None:
    app.add_css_file("mmguide-recommendations.css")
    app.add_directive("recommendation", RecommendationDirective)
    app.add_directive("recommendation-index", RecommendationIndexDirective)
    app.add_role("rec", rec_role)
    app.add_node(recommendation_index)
    app.connect("env-purge-doc", purge)
    app.connect("env-merge-info", merge)
    app.connect("doctree-read", _read)
    app.connect("doctree-resolved", resolve)
