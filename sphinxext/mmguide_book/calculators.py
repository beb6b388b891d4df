"""A generated page per calculator, built from the package's own records.

``{calculator-page} ID`` writes the page: purpose, inputs with units and plausible ranges,
formula, interpretation bands, the project's decisions, the verified examples (run through
mmguide during the build: a disagreement with the published value fails the build),
references and the recommendations it serves. ``{calculator-index}`` lists every calculator
and fails the build if one has no page.
"""

from __future__ import annotations

import math

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

import mmguide

from .i18n import _t, lang, pick

logger = logging.getLogger(__name__)
PAGE_DIR = "docs/calculators"
EXAMPLES_NOTE = (
    "Each expected value comes from the cited publication, as checked in the project's clinical fact sheet ("
    "facts.md; the source column names its section). The examples are run through mmguide on every build; a disagreement fails the build."
)


def docname_for(calc_id: str) -> str:
    return f"{PAGE_DIR}/{calc_id}"


def title(app_or_env, calc) -> str:
    env = getattr(app_or_env, "env", app_or_env)
    return pick(env, calc.title)


def calculators_for(rec_id: str):
    return [c for c in mmguide.calculators() if rec_id in c.recommendations]


def _cell(text: str) -> str:
    """Escape a value for a MyST list-table cell."""
    return str(text).replace("\n", " ").replace("|", "\\|") or " "


def _fmt_value(v) -> str:
    if v is None:
        return "—"
    if isinstance(v, float):
        return f"{v:.4f}".rstrip("0").rstrip(".")
    if isinstance(v, (list, tuple)):
        return ", ".join(str(x) for x in v) or "(none)"
    return str(v)


def _fmt_inputs(env, inputs: dict) -> str:
    """Inputs as the package takes them (``active_mm = yes``). Kept in English in every
    edition: the row is translated through the page's catalogue, whose entries are keyed on
    the English text."""
    out = []
    for k, v in inputs.items():
        if isinstance(v, bool):
            v = "yes" if v else "no"
        out.append(f"{k} = {v}")
    return "; ".join(out)


def check_example(calc, row) -> tuple[bool, str]:
    """Run one published example through mmguide; return (agrees, what mmguide gave)."""
    try:
        result = mmguide.compute(calc.id, **row["inputs"])
    except mmguide.InputError as e:
        return False, f"InputError: {e}"
    expected = row.get("expected", {})
    got = []
    ok = True
    d = result.as_dict()
    if "value" in expected:
        ev, rv = expected["value"], result.value
        if isinstance(ev, (int, float)) and not isinstance(ev, bool) and isinstance(rv, (int, float)):
            ok &= math.isfinite(rv) and abs(rv - ev) <= float(row.get("tolerance", 0)) + 1e-12
        else:
            ok &= (list(ev) if isinstance(ev, (list, tuple)) else ev) == (
                list(rv) if isinstance(rv, (list, tuple)) else rv)
        got.append(_fmt_value(rv) + (f" {result.unit}" if result.unit and rv is not None else ""))
    if "category" in expected:
        ok &= expected["category"] == result.category
        got.append(str(result.category))
    if "agents" in expected:
        # suitable agents, the favoured one first (the order a reader acts on)
        agents = [a["agent"] for a in sorted(d.get("agents", []), key=lambda a: not a.get("favoured"))
                  if a.get("suitable", True)]
        ok &= list(expected["agents"]) == agents
        got.append(", ".join(agents) or "(none)")
    if not expected:
        ok = False
    return ok, "; ".join(got)


def _expected_text(row) -> str:
    e = row.get("expected", {})
    parts = []
    if "value" in e:
        parts.append(_fmt_value(e["value"]))
    if "category" in e:
        parts.append(str(e["category"]))
    if "agents" in e:
        parts.append(", ".join(e["agents"]))
    return "; ".join(parts)


def page_markdown(env, calc, failures: list) -> list[str]:
    T = lambda s: _t(env, s)  # noqa: E731
    L = []
    L += [f"# {pick(env, calc.title)}", ""]
    L += [pick(env, calc.purpose), ""]
    if calc.when_to_use:
        L += [f"**{T('When to use')}:** {pick(env, calc.when_to_use)}", ""]
    # inputs
    L += [f"## {T('Inputs')}", "", "```{list-table}", ":header-rows: 1", ":class: mmguide-inputs", "",
          f"* - {T('Input')}", f"  - {T('Unit')}", f"  - {T('Plausible range')}", f"  - {T('Source of the range')}"]
    # the same range source usually serves several inputs: number each once, explain below
    notes: list[str] = []
    for i in calc.inputs:
        d = i.as_dict()
        unit = " / ".join(u["symbol"] for u in d.get("units", [])) or "—"
        req = "" if i.required else (" (optional)" if lang(env) == "en" else "(可选)")
        if d["range_source"] not in notes:
            notes.append(d["range_source"])
        note_no = notes.index(d["range_source"]) + 1
        L += [f"* - `{i.name}`: {_cell(pick(env, i.label))}{req}", f"  - {_cell(unit)}",
              f"  - {_cell(d['plausible_range'])}", f"  - [{note_no}]"]
    L += ["```", ""]
    L += [f"{n}. {_cell(text)}" for n, text in enumerate(notes, 1)] + [""]
    out_unit = f" ({calc.output.unit})" if calc.output.unit else ""
    L += [f"**{T('Output')}:** {pick(env, calc.output.label)}{out_unit}", ""]
    if calc.formula:
        L += [f"## {T('Formula')}", ""]
        if calc.equation:
            L += [f"{T('Equation')}: {T(calc.equation)}", ""]
        L += ["```{math}", calc.formula, "```", ""]
    if calc.bands:
        L += [f"## {T('Interpretation')}", "", "```{list-table}", ":header-rows: 1", "",
              f"* - {T('Condition')}", f"  - {T('Meaning')}"]
        for b in calc.bands:
            L += [f"* - {_cell(pick(env, b.condition))}", f"  - {_cell(pick(env, b.meaning))}"]
        L += ["```", ""]
    if calc.decisions:
        L += [f"## {T('Decisions where the sources are silent')}", ""]
        L += [f"- {pick(env, d)}" for d in calc.decisions] + [""]
    rows = calc.examples
    if rows:
        L += [f"## {T('Verified examples')}", "",
              T(EXAMPLES_NOTE), "",
              "```{list-table}", ":header-rows: 1", ":class: mmguide-examples", "",
              f"* - {T('Inputs')}", f"  - {T('Expected (source)')}", f"  - {T('mmguide gives')}",
              f"  - {T('Agrees')}", f"  - {T('Source')}"]
        for row in rows:
            ok, got = check_example(calc, row)
            if not ok:
                failures.append((row, got))
            refs = row.get("references") or []
            cite = f" {{cite:p}}`{','.join(refs)}`" if refs else ""
            note = f" ({row['note']})" if row.get("note") else ""
            L += [f"* - {_cell(_fmt_inputs(env, row['inputs']))}{_cell(note)}",
                  f"  - {_cell(_expected_text(row))}", f"  - {_cell(got)}",
                  f"  - {'✓' if ok else '✗'}", f"  - {_cell(row.get('source', ''))}{cite}"]
        L += ["```", ""]
    from . import flowcharts as fc

    charts = fc.flowcharts_for_calculator(calc.id)
    if charts:
        L += [f"## {T('Flowchart')}", ""]
        for fid in charts:
            L += ["```{flowchart} " + fid, ":no-label:", "```", "",
                  f"{T('All flowcharts')}: {{ref}}`{fc.title(env, fid)} <flowchart-{fid}>`", ""]
    if calc.recommendations:
        L += [f"## {T('Recommendations served')}", ""]
        L += [" · ".join(f"{{rec}}`{r}`" for r in calc.recommendations), ""]
    L += [f"## {T('References')}", "", f"{{cite:p}}`{','.join(calc.references)}`", ""]
    return L


class CalculatorPageDirective(SphinxDirective):
    required_arguments = 1
    has_content = False

    def run(self):
        calc_id = self.arguments[0].strip()
        try:
            calc = mmguide.calculator(calc_id)
        except mmguide.UnknownCalculatorError as e:
            logger.warning(str(e), location=(self.env.docname, self.lineno), type="mmguide", subtype="calculator")
            return []
        self.env.note_dependency(mmguide.__file__)
        failures: list = []
        lines = page_markdown(self.env, calc, failures)
        for row, got in failures:
            logger.warning(
                "calculator %s: verified example %s expected %s but mmguide gives %s",
                calc_id, row["inputs"], row.get("expected"), got,
                location=(self.env.docname, self.lineno), type="mmguide", subtype="example",
            )
        form = _form_html(self.env, calc)
        if form:
            # the in-page form goes right after the purpose, before the reference material.
            # (MyST attaches the page's headings to the document itself, so the form is placed
            # in the generated text rather than inserted into the parsed nodes.)
            at = lines.index(f"## {_t(self.env, 'Inputs')}")
            lines[at:at] = ["```{raw} html", *form.splitlines(), "```", ""]
        container = nodes.section()
        container.document = self.state.document
        self.state.nested_parse(StringList(lines, source=self.env.docname), 0, container, match_titles=True)
        return container.children


def _form_html(env, calc) -> str | None:
    """The in-page calculator form (forms.py), if the build has it."""
    try:
        from . import forms
    except ImportError:
        return None
    return forms.form_html(env, calc)


class CalculatorIndexDirective(SphinxDirective):
    """The list of calculator pages; warns when a calculator in the package has no page."""

    has_content = False

    def run(self):
        lines = ["```{toctree}", ":maxdepth: 1", ""]
        for calc in mmguide.calculators():
            doc = docname_for(calc.id)
            if doc not in self.env.found_docs:
                logger.warning("calculator %s has no page (expected %s.md)", calc.id, doc,
                               location=(self.env.docname, self.lineno), type="mmguide", subtype="calculator")
                continue
            lines.append(f"/{doc}")
        lines += ["```", ""]
        container = nodes.section()
        container.document = self.state.document
        self.state.nested_parse(StringList(lines, source=self.env.docname), 0, container)
        return container.children


def setup(app: Sphinx) -> None:
    app.add_directive("calculator-page", CalculatorPageDirective)
    app.add_directive("calculator-index", CalculatorIndexDirective)
