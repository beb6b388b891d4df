"""Presentation per record: each calculator's record declares how its result is shown, and
mmguide.presentation reads the declaration; it imports no calculator and names none. The command
line, the note and the page show one view; a response builds it once, from one look-up of the record;
a clearance computed for a dose is stated once, beside the dose."""

from __future__ import annotations

import ast
import json
import pathlib
import re
import sys
from fractions import Fraction as F

import pytest

import mmguide
from mmguide import cli
from mmguide import presentation as P
from mmguide.api import ids

SRC = pathlib.Path(__file__).resolve().parent.parent / "src" / "mmguide"
PRESENTATION = SRC / "presentation.py"


def _imported_modules(tree: ast.AST) -> list[str]:
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = ("mmguide." if node.level else "") + (node.module or "")
            out += [f"{base}.{a.name}".strip(".") for a in node.names] + [base.strip(".")]
    return out


def _docstrings(tree: ast.AST) -> set[int]:
    """The docstrings' nodes (documentation, whose examples may run a calculator by id)."""
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and node.body \
                and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant):
            out.add(id(node.body[0].value))
    return out


def _names_a_calculator(tree: ast.AST) -> list[str]:
    found = []
    docs = _docstrings(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
            for cid in ids():
                if node.value == cid or ("-" in cid and re.search(r"(?<![\w-])" + re.escape(cid) + r"(?![\w-])",
                                                                   node.value)):
                    found.append(f"{cid} in {node.value!r}")
    return found


def test_presentation_imports_no_calculator_module_and_names_no_calculator():
    tree = ast.parse(PRESENTATION.read_text(encoding="utf-8"))
    assert not [m for m in _imported_modules(tree) if m.startswith("mmguide.clinical")]
    assert not _names_a_calculator(tree)


def test_the_check_itself_catches_an_import_and_a_name():
    tree = ast.parse("from .clinical import zoledronic_acid_dose as z\n"
                     "def f(r):\n    return r.calculator == 'bone-protection-plan'\n")
    assert [m for m in _imported_modules(tree) if m.startswith("mmguide.clinical")]
    assert _names_a_calculator(tree) == ["bone-protection-plan in 'bone-protection-plan'"]
    assert not _names_a_calculator(ast.parse("x = 'a risk'\ny = 'dismiss'"))  # "iss" inside a word is no name


def test_every_category_declares_a_tone_the_form_knows():
    for calc in mmguide.calculators():
        for c in calc.output.categories:
            assert c.tone in ("ok", "caution", "stop", "info"), (calc.id, c.id, c.tone)


def test_tones_are_the_ones_the_answer_box_showed():
    # the colours the form gave each category before the records declared them
    expected = {"zoledronic-acid-dose": {"full-dose": "ok", "reduced-dose": "caution", "not-recommended": "stop"},
                "zoledronic-acid-renal-check": {"continue": "ok", "resume": "ok", "withhold": "stop",
                                                "keep-withholding": "stop", "not-by-rise-rule": "info"},
                "bone-protection-plan": {"start-now": "ok", "not-indicated": "info", "find-out-first": "info",
                                         "urgent-first": "stop", "hold": "stop", "continue": "ok"},
                "corrected-calcium": {"hypercalcaemia-of-malignancy": "stop", "crab-hypercalcaemia": "stop",
                                      "no-crab-hypercalcaemia": "ok", "below-lower-limit": "caution",
                                      "hypocalcaemia": "info"},
                "myeloma-defining-events": {"mde-present": "stop", "no-mde-found": "info"},
                "imwg-frailty": {"fit": "ok", "intermediate": "caution", "frail": "stop"},
                "simplified-frailty": {"non-frail": "ok", "frail": "stop"},
                "imwg-response": {"PD": "stop", "not-evaluable": "caution", "CR": "info"}}
    for cid, tones in expected.items():
        declared = {c.id: c.tone for c in mmguide.calculator(cid).output.categories}
        for category, tone in tones.items():
            assert declared[category] == tone, (cid, category)


CASES = [
    ("zoledronic-acid-dose", {"age": "80", "weight": "36 kg", "creatinine": "1.0000001 mg/dL", "sex": "male"}),
    ("zoledronic-acid-dose", {"crcl": "45 mL/min"}),
    ("crcl-cockcroft-gault", {"age": "80", "weight": "36 kg", "creatinine": "1.0000001 mg/dL", "sex": "male"}),
    ("corrected-calcium", {"calcium": "2.9 mmol/L", "albumin": "30 g/L"}),
    ("myeloma-defining-events", {"calcium": "2.8 mmol/L", "hemoglobin": "95 g/L"}),
    ("bone-protection-plan", {"active_mm": "yes", "age": "60", "weight": "70 kg", "creatinine": "1.4 mg/dL",
                              "sex": "male", "corrected_calcium": "3.3 mmol/L"}),
    ("bone-protection-plan", {"active_mm": "yes", "crcl": "55 mL/min", "corrected_calcium": "2.3 mmol/L"}),
]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("cid, inputs", CASES)
def test_a_response_builds_its_view_once_from_one_look_up_of_the_record(cid, inputs, lang):
    counts = {"view": 0, "_calc": 0}

    def profile(frame, event, arg):
        if event == "call" and frame.f_code.co_filename == P.__file__ and frame.f_code.co_name in counts:
            counts[frame.f_code.co_name] += 1

    sys.setprofile(profile)
    try:
        out = json.loads(P.respond(cid, json.dumps(inputs), lang, None, "2026-12-01"))
    finally:
        sys.setprofile(None)
    assert out["ok"], out
    assert counts == {"view": 1, "_calc": 1}
    # the note in the response is the view's: the same headline and lines
    assert out["view"]["answer"]["lines"][-1].split()[0] in out["note"]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("cid, inputs", CASES)
def test_the_command_line_prints_the_view_the_page_and_the_note_show(cid, inputs, lang, capsys):
    assert cli.main(["compute", cid] + [f"{k}={v}" for k, v in inputs.items()] + ["--lang", lang]) == 0
    printed = capsys.readouterr().out.splitlines()
    r = mmguide.compute(cid, **inputs)
    v = P.view(r, lang)
    shown = [P.widen(t) if lang == "zh" else t for t in [P.headline_text(v, lang)] + P.answer_lines(v, lang) if t]
    assert printed[:len(shown)] == shown
    note = P.note(r, lang, date="2026-12-01").splitlines()
    assert all(line in note for line in shown[1:])  # the same lines, in the same words and numbers
    assert any(line.endswith(shown[0]) for line in note)


# --- a clearance computed for a dose is stated once, where the dose is -----------------------------------

EDGE_WEIGHTS = {30: 36, 40: 48, 50: 60, 60: 72}  # 80-year-old man, creatinine 1 mg/dL: (140 − 80) × kg / 72
CREATININES = (("1.0mg/dL", 0), ("1.0000001mg/dL", -1), ("0.9999999mg/dL", 1),
               ("88.4µmol/L", 0), ("88.40001µmol/L", -1), ("88.39999µmol/L", 1))
NUMBER = r"(\d+(?:\.\d+)?) mL/min"


def _side(x, edge):
    return (x > edge) - (x < edge)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("creatinine, side", CREATININES)
@pytest.mark.parametrize("edge", sorted(EDGE_WEIGHTS))
def test_the_dose_states_its_computed_clearance_once_beside_the_dose(edge, creatinine, side, lang):
    inputs = {"age": "80", "weight": f"{EDGE_WEIGHTS[edge]} kg", "creatinine": creatinine, "sex": "male"}
    r = mmguide.compute("zoledronic-acid-dose", **inputs)
    lines = P.view(r, lang)["answer"]["lines"]
    clearances = [F(m) for t in lines for m in re.findall(NUMBER, t)
                  if F(m) != edge or side == 0]  # "below 30 mL/min" names the limit, not the clearance
    assert len(clearances) == 1, lines  # one clearance, in the explanation beside the dose (not "57" over "56.71")
    assert _side(clearances[0], edge) == side
    assert "Cockcroft" in lines[0] and not re.search(NUMBER, lines[0])  # where it came from, without a second number


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("creatinine, side", CREATININES)
@pytest.mark.parametrize("edge", sorted(EDGE_WEIGHTS))
def test_the_plan_names_its_computed_clearance_once_on_the_exact_side(edge, creatinine, side, lang):
    inputs = {"active_mm": "yes", "age": "80", "weight": f"{EDGE_WEIGHTS[edge]} kg", "creatinine": creatinine,
              "sex": "male"}
    v = P.view(mmguide.compute("bone-protection-plan", **inputs), lang)
    lines = [t for t in v["answer"]["lines"] if "Cockcroft" in t]
    assert len(lines) == 1
    (shown,) = re.findall(NUMBER, lines[0])
    assert _side(F(shown), edge) == side, lines  # never the whole number rounded onto or across the edge
    assert "exactly" not in lines[0] and "精确值" not in lines[0]


def test_an_implausible_clearance_shows_no_dose_beside_it():
    """HZ-66: a Cockcroft–Gault result the calculator says not to dose from (1666.67 mL/min from a typo)
    showed "Zoledronic acid dose for this clearance: 4 mg (Full dose)" beside it."""
    r = mmguide.compute("crcl-cockcroft-gault", age=20, weight="200 kg", creatinine="0.2 mg/dL", sex="male")
    assert r.category == "implausible"
    for lang in ("en", "zh"):
        v = P.view(r, lang)
        assert v["answer"]["inline"] is None
        assert " mg" not in P.note(r, lang, date="2026-12-01").replace("mg/dL", "")


def test_a_plausible_clearance_shows_the_dose_for_it():
    # (140 − 80) × 48 / (72 × 1.0) = 40 mL/min: 3.3 mg (Zometa label), shown beside the clearance
    r = mmguide.compute("crcl-cockcroft-gault", age=80, weight="48 kg", creatinine="1.0 mg/dL", sex="male")
    inline = P.view(r, "en")["answer"]["inline"]
    assert inline["value"] == "3.3 mg" and inline["tone"] == "caution" and inline["note"] == "Reduced dose"
    r = mmguide.compute("crcl-cockcroft-gault", age=80, weight="36 kg", creatinine="1.0000001 mg/dL", sex="male")
    inline = P.view(r, "en")["answer"]["inline"]
    assert inline["value"] == "Not recommended" and inline["tone"] == "stop"  # 29.99999 mL/min, below 30


def test_the_worker_passes_the_inputs_encoded_once():
    worker = (SRC.parent.parent / "docs" / "_static" / "mmguide-worker.mjs").read_text(encoding="utf-8")
    assert "JSON.stringify(m.inputs)" not in worker and "JSON.stringify([m.calculator, m.inputs," in worker
    inputs = {"crcl": "45 mL/min"}
    assert P.respond("zoledronic-acid-dose", inputs, "en", None, "2026-12-01") == \
        P.respond("zoledronic-acid-dose", json.dumps(inputs), "en", None, "2026-12-01")


def test_the_clearance_line_is_written_from_facts_when_the_result_has_them_else_from_its_text():
    r = mmguide.compute("bone-protection-plan", active_mm="yes", age="80", weight="36 kg",
                        creatinine="1.0000001 mg/dL", sex="male")
    facts = dict(r.details["clearance"])
    line = P.clearance_line(r, "en")
    assert line.startswith("CrCl 29.99 mL/min by Cockcroft–Gault from 80 years, 36 kg") and "30" not in line
    # structured facts (an exact Fraction and the inputs it came from), no text: the same line
    r.details["clearance"] = {"value": F(facts["exact"]) if "exact" in facts else facts["value"], "calculator": facts["calculator"], "inputs": r.inputs}
    assert P.clearance_line(r, "en") == line
    # no facts: the calculator's own line
    r.details["clearance"] = {"text": {"en": "CrCl as written", "zh": "如所写"}}
    assert P.clearance_line(r, "zh") == "如所写"


@pytest.mark.parametrize("age", [60.506502395619435, 60.5065023956, 60.50650239561943])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_inline_dose_and_the_onward_link_carry_the_inputs_exactly(age, lang):
    """An input carried to the dose calculator (the inline dose, the onward link) is not rounded: a clearance
    just below 30 mL/min computed from an age given to 15 decimals must not be dosed as one of 30 or more
    (the label: not recommended below 30 mL/min, zometa_label)."""
    weight = "27.172033481 kg"  # with age 60.5065023956…: 29.9999997 mL/min
    r = mmguide.compute("crcl-cockcroft-gault", age=age, weight=weight, creatinine="1 mg/dL", sex="male")
    below_30 = r.exact < 30 if r.exact is not None else F(r.details["exact"]) < 30
    v = P.view(r, lang)
    inline = v["answer"]["inline"]
    assert (inline["category"] == "not-recommended") == below_30, (r.details.get("exact"), inline)
    link = v["links"][0]
    assert link["calculator"] == "zoledronic-acid-dose"
    dose = mmguide.compute("zoledronic-acid-dose", **link["params"])
    assert dose.category == inline["category"]


@pytest.mark.parametrize("calc", mmguide.calculators(), ids=lambda c: c.id)
def test_every_chinese_word_of_an_answer_has_the_editions_punctuation(calc):
    """Every text of a Chinese answer (badges, the inline answer, section titles as well as sentences) has the
    full-width punctuation the Chinese edition writes after Chinese (presentation.widen, HZ-59)."""
    import re
    import sys

    sys.path.insert(0, str(SRC.parent.parent / "tests" / "calculators"))
    from test_note_and_view import _texts  # every text a reader sees, codes left out

    half = re.compile(r"[\u4e00-\u9fff][,;:?()]")
    for row in calc.examples:
        try:
            r = mmguide.compute(calc.id, **row["inputs"])
        except mmguide.InputError:
            continue
        v = P.view(r, "zh")
        bad = [s for s in _texts({"answer": v["answer"], "sections": v["sections"], "title": v["title"]})
               if half.search(re.sub(r"'[^']*'|\"[^\"]*\"", " ", s))]
        assert not bad, bad
