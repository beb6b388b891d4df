"""A generated page per calculator, built from the package's own records.

``{calculator-page} ID`` writes the page: purpose, inputs with units and plausible ranges,
formula, interpretation bands, the project's decisions, the verified examples (run through
mmguide during the build: a disagreement with the published value fails the build),
references and the recommendations it serves. ``{calculator-index}`` lists every calculator
and fails the build if one has no page.
"""

from __future__ import annotations

import math
import re

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

import mmguide
from mmguide.numbers import write

from .i18n import lang, pick
from .strings import translate

logger = logging.getLogger(__name__)
PAGE_DIR = "docs/calculators"
# under a calculator's copy of a flowchart, which comes without its text versions (flowcharts.py)
FLOWCHART_TEXT = "This chart step by step and every path as text, on the flowcharts page"
EXAMPLES_NOTE = (
    "Each example's expected value is the published one (the source column cites the publication; its entry in "
    "the bibliography gives the table or page). The examples are run through mmguide on every build; a "
    "disagreement fails the build."
)
# Headings and notes this module adds (the Chinese edition's words; clinical text comes from the records).


def _tt(env, s: str) -> str:
    return translate(env, s, "calculator-page")


def docname_for(calc_id: str) -> str:
    return f"{PAGE_DIR}/{calc_id}"


def title(app_or_env, calc) -> str:
    env = getattr(app_or_env, "env", app_or_env)
    return pick(env, calc.title)


def calculators_for(rec_id: str):
    return [c for c in mmguide.calculators() if rec_id in c.recommendations]


# A cell's text that starts with one of these would open a Markdown block (a quote, a heading, a list):
# "> 1 focal lesion on MRI" must read "> 1", not a quotation of "1 focal lesion".
_BLOCK_MARKERS = (">", "#", "-", "+", "*")


def _cell(text: str) -> str:
    """Escape a value for a MyST list-table cell: its own text, never a Markdown block marker."""
    s = str(text).replace("\n", " ").replace("|", "\\|")
    if s.startswith(_BLOCK_MARKERS):
        s = "\\" + s
    return s or " "


def _fmt_value(v) -> str:
    if v is None:
        return "—"
    if isinstance(v, float):
        return write(v)  # the package's one number writer
    if isinstance(v, (list, tuple)):
        return ", ".join(str(x) for x in v) or "(none)"
    return str(v)


def _fmt_inputs(env, calc, inputs: dict) -> str:
    """A worked example's patient as a reader writes it: labels, values and units in the page's language."""
    from mmguide.presentation import value_text

    L = lang(env)
    out = []
    for spec in calc.inputs:
        if spec.name not in inputs:
            continue
        try:
            v = spec.parse(inputs[spec.name])
        except mmguide.InputError:
            v = inputs[spec.name]
        shown = value_text(v, L) if not (spec.kind == "sex" and L == "en") else str(v)
        out.append(f"{pick(env, spec.label)}{'：' if L == 'zh' else ': '}{shown}")
    return ("；" if L == "zh" else "; ").join(out)


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


def _category_text(env, calc, cat) -> str:
    for c in calc.output.categories:
        if c.id == cat:
            return pick(env, c.label)
    return str(cat)


def _value_text(env, calc, v, unit) -> str:
    from mmguide.presentation import list_text, unit_text

    if isinstance(v, (list, tuple)):
        return list_text(calc.id, list(v), lang(env)) or _tt(env, "(none)")
    if v is None:
        return "—"
    return f"{_fmt_value(v)} {unit_text(unit, lang(env))}".strip()


def _agents_text(env, agents) -> str:
    from mmguide.clinical.bone_protection_plan import AGENT_NAMES

    names = [pick(env, AGENT_NAMES[a]) if a in AGENT_NAMES else a for a in agents]
    return ", ".join(names) or _tt(env, "(none)")


def _expected_text(env, calc, row) -> str:
    e = row.get("expected", {})
    parts = []
    if "value" in e and e["value"] is not None:
        parts.append(_value_text(env, calc, e["value"], calc.output.unit))
    if e.get("category") is not None:
        parts.append(_category_text(env, calc, e["category"]))
    if "agents" in e:
        parts.append(_agents_text(env, e["agents"]))
    return "; ".join(parts) or "—"


def _got_text(env, calc, row) -> str:
    result = mmguide.compute(calc.id, **row["inputs"])
    e = row.get("expected", {})
    parts = []
    if "value" in e and e["value"] is not None:
        # compared with the published value to its own precision (up to 4 decimals), through the one writer
        parts.append(_value_text(env, calc, result.value, result.unit or calc.output.unit))
    if e.get("category") is not None:
        parts.append(_category_text(env, calc, result.category))
    if "agents" in e:
        d = result.as_dict()
        agents = [a["agent"] for a in sorted(d.get("agents", []), key=lambda a: not a.get("favoured"))
                  if a.get("suitable", True)]
        parts.append(_agents_text(env, agents))
    return "; ".join(parts) or "—"


def _named(env, text: str) -> str:
    """Prose from a record with any calculator id it names turned into a link titled as the page is."""
    for c in mmguide.calculators():
        if c.id in text:
            text = re.sub(rf"(?<![\w/-]){re.escape(c.id)}(?![\w-])",
                          lambda _m, c=c: f"{{doc}}`{pick(env, c.title)} <{c.id}>`", text)
    return text


def _range_shown(env, d: dict) -> str:
    from mmguide.presentation import unit_text

    r = d["plausible_range"]
    if d["kind"] == "boolean":
        return " / ".join(_tt(env, w) for w in r.split(" / "))
    if d["kind"] == "sex":
        return _tt(env, "female") + " / " + _tt(env, "male") if lang(env) == "zh" else r
    for u in d.get("units", []):
        if u["symbol"]:
            r = r.replace(" " + u["symbol"], " " + unit_text(u["symbol"], lang(env)))
    return r


def page_markdown(env, calc, failures: list) -> list[str]:
    """The page, for a clinician first: what it is for, (the form), how to read the result, the formula,
    the inputs, the recommendations it serves; the validation against published values last."""
    from mmguide.presentation import unit_text

    T = lambda s: _tt(env, s)  # noqa: E731
    colon = "：" if lang(env) == "zh" else ": "  # the edition's punctuation after a label
    L = []
    L += [f"# {pick(env, calc.title)}", ""]
    L += [_named(env, pick(env, calc.purpose)), ""]
    if calc.when_to_use:
        L += [f"**{T('When to use')}{colon.strip()}** {_named(env, pick(env, calc.when_to_use))}", ""]
    # how to read the result
    L += [f"## {T('How to read the result')}", ""]
    out_unit = f" ({unit_text(calc.output.unit, lang(env))})" if calc.output.unit else ""
    L += [f"**{T('Output')}{colon.strip()}** {pick(env, calc.output.label)}{out_unit}", ""]
    if calc.bands:
        L += ["```{list-table}", ":header-rows: 1", "",
              f"* - {T('Condition')}", f"  - {T('Meaning')}"]
        for b in calc.bands:
            L += [f"* - {_cell(_named(env, pick(env, b.condition)))}", f"  - {_cell(_named(env, pick(env, b.meaning)))}"]
        L += ["```", ""]
    if calc.formula:
        L += [f"## {T('Formula')}", ""]
        if calc.equation:
            L += [f"{T('Equation')}{colon}{T(calc.equation)}", ""]
        L += ["```{math}", calc.formula, "```", ""]
    # inputs: labels, units and ranges (no code names)
    L += [f"## {T('Inputs')}", ""]
    names = [i.name for i in calc.inputs]
    either = ("crcl", "age", "weight", "creatinine", "sex")
    composed = "crcl" in names and all(n in names for n in either)
    if composed:
        L += [T("Either the clearance, or age, weight, creatinine and sex: the clearance is then calculated "
                "(Cockcroft–Gault)."), ""]
    L += ["```{list-table}", ":header-rows: 1", ":class: mmguide-inputs mmguide-stack", "",
          f"* - {T('Input')}", f"  - {T('Unit')}", f"  - {T('Plausible range')}", f"  - {T('Source of the range')}"]
    notes: list[str] = []
    for i in calc.inputs:
        d = i.as_dict()
        unit = " / ".join(unit_text(u["symbol"], lang(env)) for u in d.get("units", [])) or "—"
        req = "" if i.required or (composed and i.name in either) else _tt(env, " (optional)")
        if d["range_source"] not in notes:
            notes.append(d["range_source"])
        note_no = notes.index(d["range_source"]) + 1
        L += [f"* - {_cell(pick(env, i.label))}{req}", f"  - {_cell(unit)}",
              f"  - {_cell(_range_shown(env, d))}", f"  - [{note_no}]"]
    L += ["```", ""]
    L += [f"{n}. {_cell(text)}" for n, text in enumerate(notes, 1)] + [""]
    if calc.decisions:
        L += [f"## {T('Decisions where the sources are silent')}", ""]
        L += [f"- {_named(env, pick(env, d))}" for d in calc.decisions] + [""]
    from . import flowcharts as fc

    charts = fc.flowcharts_for_calculator(calc.id)
    if charts:
        L += [f"## {T('Flowchart')}", ""]
        for fid in charts:
            L += ["```{flowchart} " + fid, ":no-label:", "```", "",
                  f"{T(FLOWCHART_TEXT)}{colon}{{ref}}`{fc.title(env, fid)} <flowchart-{fid}>`", ""]
    if calc.recommendations:
        L += [f"## {T('Recommendations served')}", ""]
        L += [" · ".join(f"{{rec}}`{r}`" for r in calc.recommendations), ""]
    L += [f"## {T('References')}", "", f"{{cite:p}}`{','.join(calc.references)}`", ""]
    rows = calc.examples
    if rows:
        L += [f"## {T('Validation')}", "",
              T(EXAMPLES_NOTE), "",
              "```{list-table}", ":header-rows: 1", ":class: mmguide-examples mmguide-stack", "",
              f"* - {T('Patient')}", f"  - {T('Published')}", f"  - {T('mmguide gives')}",
              f"  - {T('Agrees')}", f"  - {T('Source')}"]
        for row in rows:
            ok, got = check_example(calc, row)
            if not ok:
                failures.append((row, got))
                shown = got
            else:
                shown = _got_text(env, calc, row)
            refs = row.get("references") or []
            cite = f"{{cite:p}}`{','.join(refs)}`" if refs else "—"
            L += [f"* - {_cell(_fmt_inputs(env, calc, row['inputs']))}",
                  f"  - {_cell(_expected_text(env, calc, row))}", f"  - {_cell(shown)}",
                  f"  - {'✓' if ok else '✗'}", f"  - {cite}"]
        L += ["```", ""]
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
            at = lines.index(f"## {_tt(self.env, 'How to read the result')}")
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
