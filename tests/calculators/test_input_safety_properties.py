"""Inputs that cannot be read safely, and numbers shown beside a limit: hazards HZ-47 to HZ-51.

Each hazard is checked at both sides of every edge it has, in every unit, and as a property over a
grid of edges and their neighbours (both units, unknown, missing) and over random inputs (hypothesis).
Expected values come from the sources (fact sheet §2, §4, §7, §8, §13E, §13F), never from the code.
"""

from __future__ import annotations

import itertools
import re
from decimal import Decimal
from fractions import Fraction as F

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import mmguide
from mmguide import InputError, cli, compute
from mmguide.presentation import note, view

ZA, CG, PLAN, CHECK, MDE, CA, EGFR, RESP = (
    "zoledronic-acid-dose", "crcl-cockcroft-gault", "bone-protection-plan", "zoledronic-acid-renal-check",
    "myeloma-defining-events", "corrected-calcium", "egfr-ckd-epi-2021", "imwg-response")
HAN = re.compile(r"[\u4e00-\u9fff]")

# Zometa label renal table (fact sheet §2): the clearance edges of the dose, in mL/min
DOSE_EDGES = (30, 40, 50, 60)
# Cockcroft–Gault (fact sheet §8): (140 − age) × kg / (72 × SCr mg/dL); 1 mg/dL = 88.4 µmol/L.
# A man of 80 with creatinine 1.0 mg/dL (88.4 µmol/L) has a clearance of exactly 60 × kg / 72 mL/min, so
# weights of 36, 48, 60 and 72 kg put him on the edges 30, 40, 50 and 60 (fact sheet §11A: 72 kg → 60.00).
EDGE_WEIGHT = {30: 36, 40: 48, 50: 60, 60: 72}


def refused(calc, field, **inputs):
    with pytest.raises(InputError) as e:
        compute(calc, **inputs)
    assert e.value.field == field, str(e.value)
    assert HAN.search(e.value.text["zh"]), e.value.text  # the reader's language has its own message
    return str(e.value)


# --- HZ-47: a clearance typed without a unit that may be a creatinine in µmol/L ------------------------

CLEARANCE_CALCS = (  # every calculator that takes a Cockcroft–Gault clearance, with what else it needs
    (ZA, {}),
    (PLAN, {"active_mm": True}),
    (CHECK, {"baseline_creatinine": "1.0 mg/dL", "current_creatinine": "1.1 mg/dL", "withheld": "no"}),
)


@pytest.mark.parametrize("calc, extra", CLEARANCE_CALCS)
@pytest.mark.parametrize("typed", ["15.01", "16", "29.99", "30", "45", "60", "60.01", "250"])
def test_a_bare_clearance_that_may_be_a_micromolar_creatinine_is_refused_naming_both_readings(calc, extra, typed):
    # fact sheet §13F: a creatinine in µmol/L (plausible 9–1768) covers every plausible clearance (1–250)
    msg = refused(calc, "crcl", crcl=typed, **extra)
    assert f"{typed} mL/min" in msg and f"{typed} µmol/L" in msg  # both readings, each with its unit
    assert "without a unit" in msg


def test_the_reproducer_crcl_250_is_asked_not_dosed_4_mg():
    msg = refused(ZA, "crcl", crcl="250")
    assert "2.83 mg/dL" in msg  # 250 µmol/L ÷ 88.4 = 2.828 mg/dL: the creatinine reading, converted
    assert compute(ZA, crcl="250 mL/min").value == 4.0  # with its unit it is a clearance (> 60 → 4 mg)


@pytest.mark.parametrize("typed", ["250.01", "300", "1768"])
def test_a_bare_number_too_high_for_a_clearance_but_plausible_as_a_creatinine_says_so(typed):
    msg = refused(ZA, "crcl", crcl=typed)
    assert "looks like a serum creatinine" in msg and f"{typed} µmol/L" in msg


def test_a_bare_number_beyond_both_readings_is_plainly_implausible():
    assert "outside the plausible range" in refused(ZA, "crcl", crcl="1768.1")


@pytest.mark.parametrize("typed", ["15", "9", "1.4"])
def test_at_or_below_15_a_bare_clearance_is_still_asked_as_a_creatinine_in_mg_dl(typed):
    assert "looks like a serum creatinine (mg/dL)" in refused(ZA, "crcl", crcl=typed)


def test_the_renal_myeloma_defining_event_asks_the_unit_of_a_bare_clearance_too():
    msg = refused(MDE, "crcl", crcl="45")
    assert "45 mL/min" in msg and "45 µmol/L" in msg
    assert compute(MDE, crcl="39 mL/min").value == ["renal"]  # CrCl < 40 (fact sheet §4)


def test_a_number_from_a_program_is_in_the_default_unit_as_documented():
    # compute(): "Inputs are numbers in the input's default unit"; only typed text is read for its unit
    assert compute(ZA, crcl=45).value == 3.3 and compute(ZA, crcl=60).value == 3.5


def test_the_form_always_sends_the_unit_of_a_clearance():
    # a field whose bare number may be refused gets a unit menu, whose unit the form sends with the number
    d = mmguide.calculator(ZA).input("crcl").as_dict()
    assert d["unit_required"] is True
    assert mmguide.calculator(CG).input("age").as_dict()["unit_required"] is False


# --- HZ-48: a calcium typed without a unit where mmol/L and mg/dL overlap ---------------------------------

CALCIUM_CALCS = (  # every calcium input
    (CA, "calcium", {"albumin": "40 g/L"}),
    (PLAN, "corrected_calcium", {"active_mm": True, "crcl": "80 mL/min"}),
    (MDE, "calcium", {}),
)


@pytest.mark.parametrize("calc, field, extra", CALCIUM_CALCS)
@pytest.mark.parametrize("typed", ["4", "4.0", "4.5", "4.99", "5", "5.0"])
def test_a_bare_calcium_from_4_to_5_is_asked_for_its_unit(calc, field, extra, typed):
    # fact sheet §13F: mmol/L (plausible 1.0–5.0) and mg/dL (4–20) overlap from 4 to 5, both ends included;
    # 4.5 mmol/L is severe hypercalcaemia, 4.5 mg/dL (1.12 mmol/L) life-threatening hypocalcaemia
    msg = refused(calc, field, **{field: typed}, **extra)
    assert f"{typed} mmol/L" in msg and f"{typed} mg/dL" in msg


def test_the_reproducer_calcium_4_5_is_asked_not_treated_as_hypercalcaemia():
    msg = refused(PLAN, "corrected_calcium", active_mm=True, crcl="80 mL/min", corrected_calcium="4.5")
    assert "1.12 mmol/L" in msg  # 4.5 mg/dL ÷ 4.008 = 1.1228 mmol/L
    assert compute(CA, calcium="4.5 mg/dL", albumin="40 g/L").details["ctcae_grade"] == 4  # < 6.0 mg/dL
    assert compute(CA, calcium="4.5 mmol/L", albumin="40 g/L").category == "hypercalcaemia-of-malignancy"


@pytest.mark.parametrize("typed, unit", [("3.99", "mmol/L"), ("1.0", "mmol/L"), ("2.5", "mmol/L")])
def test_a_bare_calcium_below_4_is_read_in_mmol_per_litre(typed, unit):
    assert compute(CA, calcium=typed, albumin="40 g/L").unit == unit


def test_a_bare_calcium_above_5_is_refused_with_the_likely_unit():
    assert "Did you mean mg/dL?" in refused(CA, "calcium", calcium="5.01", albumin="40 g/L")


# --- HZ-49: a creatinine and a clearance that cannot belong to one adult -----------------------------------

def _highest_clearance(scr_mg_dl):
    # Cockcroft–Gault for the youngest adult (18 years) of 150 kg, male (fact sheet §8)
    return F(140 - 18) * 150 / (72 * F(scr_mg_dl))


def test_the_reproducer_creatinine_5_beside_a_clearance_of_80_is_refused_saying_why():
    for calc, extra in ((PLAN, {"active_mm": True}), (MDE, {})):
        msg = refused(calc, "crcl", crcl="80 mL/min", creatinine="5 mg/dL", **extra)
        assert "cannot belong to one adult" in msg and "50.8 mL/min" in msg  # 122 × 150 / (72 × 5) = 50.83
    msg = refused(CHECK, "crcl", baseline_creatinine="4.5 mg/dL", current_creatinine="5 mg/dL", crcl="80 mL/min",
                  withheld="no")
    assert "cannot belong to one adult" in msg


@pytest.mark.parametrize("scr, unit", [("5", "mg/dL"), ("2", "mg/dL"), ("442", "µmol/L")])
def test_the_pair_limit_at_both_sides(scr, unit):
    mg = F(scr) if unit == "mg/dL" else F(scr) / F("88.4")
    top = _highest_clearance(mg)
    below, above = F(int(top * 100), 100), F(int(top * 100) + 1, 100)
    ok = compute(MDE, crcl=f"{float(below)} mL/min", creatinine=f"{scr} {unit}")
    assert ok.category in ("mde-present", "no-mde-found")
    refused(MDE, "crcl", crcl=f"{float(above)} mL/min", creatinine=f"{scr} {unit}")


def test_a_low_clearance_beside_a_modest_creatinine_is_not_refused():
    # a clearance below what the creatinine suggests (a rising creatinine in acute kidney injury) is the
    # cautious direction: it is answered, and the plan says the estimate is provisional
    assert compute(PLAN, active_mm=True, crcl="20 mL/min", creatinine="1.0 mg/dL").category == "start-now"


# --- HZ-50: the renal check beyond the label's limits -------------------------------------------------------

def check(base, cur, **kw):
    """The renal check, for a patient not withheld unless *kw* says otherwise (HZ-71: the input is asked)."""
    return compute(CHECK, baseline_creatinine=base, current_creatinine=cur, **{"withheld": False, **kw})


def test_the_reproducer_3_5_to_4_4_mg_dl_is_not_continue():
    r = check("3.5 mg/dL", "4.4 mg/dL")  # rise 0.9 < 1.0 (abnormal baseline): no deterioration by the rule
    assert r.category == "not-by-rise-rule"
    for lang in ("en", "zh"):
        assert "continue" not in r.explanation[lang].lower() and "继续给药" not in r.explanation[lang]
    assert "not recommended below 30 mL/min" in r.explanation["en"]
    assert "3.0 mg/dL (265 µmol/L)" in r.explanation["en"]


@pytest.mark.parametrize("base, cur, beyond", [
    # trials behind the label excluded creatinine > 3.0 mg/dL (265 µmol/L) (fact sheet §2, §13E): strict
    ("2.9 mg/dL", "3.0 mg/dL", False), ("2.9 mg/dL", "3.01 mg/dL", True),
    ("250 µmol/L", "265 µmol/L", False), ("250 µmol/L", "266 µmol/L", True),
])
def test_the_creatinine_limit_at_both_sides_in_both_units(base, cur, beyond):
    assert check(base, cur).category == ("not-by-rise-rule" if beyond else "continue")


@pytest.mark.parametrize("crcl, beyond", [("30 mL/min", False), ("29.99 mL/min", True), (None, False)])
def test_the_clearance_limit_at_both_sides(crcl, beyond):
    # zoledronic acid is not recommended with CrCl < 30 mL/min (fact sheet §2); 30 itself takes 3.0 mg
    kw = {} if crcl is None else {"crcl": crcl}
    assert check("1.0 mg/dL", "1.2 mg/dL", **kw).category == ("not-by-rise-rule" if beyond else "continue")


def test_the_clearance_is_re_estimated_from_the_current_creatinine_when_age_weight_and_sex_are_given():
    # woman of 85, 45 kg, creatinine 1.2 mg/dL: 55 × 45 / (72 × 1.2) × 0.85 = 24.35 mL/min (< 30)
    r = check("1.0 mg/dL", "1.2 mg/dL", age=85, weight="45 kg", sex="female")
    assert r.category == "not-by-rise-rule" and "24.35 mL/min" in r.explanation["en"]
    # man of 60, 70 kg: 80 × 70 / (72 × 1.2) = 64.81 mL/min: the rise rule decides
    assert check("1.0 mg/dL", "1.2 mg/dL", age=60, weight="70 kg", sex="male").category == "continue"


def test_a_resumable_creatinine_above_the_limit_is_not_resumed():
    r = check("3.2 mg/dL", "3.3 mg/dL", withheld=True)  # within 10% of baseline, but above 3.0 mg/dL
    assert r.category == "not-by-rise-rule" and "may be resumed" not in r.explanation["en"]


def test_a_rise_that_withholds_still_withholds_beyond_the_limits():
    assert check("1.0 mg/dL", "3.5 mg/dL").category == "withhold"
    assert check("1.0 mg/dL", "3.5 mg/dL", withheld=True).category == "keep-withholding"


RENAL_GRID = list(itertools.product(
    ["1.0 mg/dL", "1.39 mg/dL", "1.4 mg/dL", "2.9 mg/dL", "3.0 mg/dL", "3.5 mg/dL", "88.4 µmol/L", "124 µmol/L",
     "265 µmol/L", "300 µmol/L"],
    ["1.2 mg/dL", "2.99 mg/dL", "3.0 mg/dL", "3.01 mg/dL", "4.4 mg/dL", "264 µmol/L", "265 µmol/L", "265.2 µmol/L",
     "266 µmol/L", "400 µmol/L"],
    [True, False, None],
    [None, "29.99 mL/min", "30 mL/min", "45 mL/min"],
))


def _current_above_limit(base, cur):
    """Current creatinine above 3.0 mg/dL (265 µmol/L), in the baseline's unit (fact sheet §2, §13E)."""
    b_unit, (c, c_unit) = base.split()[1], cur.split()
    c = F(c) if c_unit == b_unit else (F(c) * F("88.4") if b_unit == "µmol/L" else F(c) / F("88.4"))
    return c > (F("3.0") if b_unit == "mg/dL" else F(265))


def test_property_renal_check_beyond_the_limits_never_says_continue_or_resume():
    """HZ-50 property: current creatinine > 3.0 mg/dL (265 µmol/L) or CrCl < 30 ⇒ never continue or resume,
    over every combination of the grid's edges and neighbours, both units, withheld yes/no/missing and a
    clearance missing, just below, at or above its limit."""
    seen = set()
    for base, cur, withheld, crcl in RENAL_GRID:
        kw = {} if crcl is None else {"crcl": crcl}
        if withheld is None:  # not given: asked (HZ-71), never an answer
            refused(CHECK, "withheld", baseline_creatinine=base, current_creatinine=cur, **kw)
            seen.add(("asked", None))
            continue
        kw["withheld"] = withheld
        try:
            r = check(base, cur, **kw)
        except InputError as e:  # only a clearance that no adult with this creatinine can have
            assert "cannot belong to one adult" in str(e)
            continue
        beyond = _current_above_limit(base, cur) or crcl == "29.99 mL/min"
        seen.add((beyond, r.category))
        if beyond:
            assert r.category in ("withhold", "keep-withholding", "not-by-rise-rule"), (base, cur, kw)
            assert "No renal deterioration: continue" not in r.explanation["en"]
            assert "may be resumed at the dose" not in r.explanation["en"]
        else:
            assert r.category in ("withhold", "keep-withholding", "continue", "resume"), (base, cur, kw)
    assert {(True, "not-by-rise-rule"), (False, "continue"), (False, "resume")} <= seen


# --- HZ-47, HZ-48 as one property: an ambiguous bare value is refused, never dosed -----------------------

@settings(max_examples=300, deadline=None)
@given(st.integers(1, 300_000).map(lambda n: str(Decimal(n) / 100)))
@example("250")
@example("45")
def test_property_no_bare_clearance_is_ever_dosed(typed):
    """HZ-47 property: every clearance typed as text without a unit is asked about (a creatinine in mg/dL at
    or below 15, a creatinine in µmol/L above), never answered with a dose."""
    for calc, extra in CLEARANCE_CALCS:
        with pytest.raises(InputError):
            compute(calc, crcl=typed, **extra)


@settings(max_examples=300, deadline=None)
@given(st.integers(100, 2000).map(lambda n: str(Decimal(n) / 100)))
@example("4")
@example("5")
def test_property_a_bare_calcium_is_read_only_where_one_unit_is_plausible(typed):
    """HZ-48 property: a bare calcium from 4 to 5 is refused in every calcium input; below 4 it is mmol/L."""
    x = F(typed)
    for calc, field, extra in CALCIUM_CALCS:
        if 4 <= x <= 5 or x > 5:
            with pytest.raises(InputError):
                compute(calc, **{field: typed}, **extra)
        else:
            r = compute(calc, **{field: typed}, **extra)
            assert r.inputs[field].unit == "mmol/L"


# --- HZ-51: a number shown on the other side of a limit ---------------------------------------------------

def _cli_value(calc, inputs, capsys):
    assert cli.main(["compute", calc] + [f"{k}={v}" for k, v in inputs.items()]) == 0
    return capsys.readouterr().out.splitlines()[0]


def _side(x, edge):
    return (x > edge) - (x < edge)


def _number(text, pattern):
    m = re.search(pattern, text)
    assert m, (pattern, text)
    return F(m.group(1))


CLEARANCE_TEXTS = (  # where a clearance is written, in each surface a reader sees
    r"is (\d+(?:\.\d+)?) mL/min", r"为 (\d+(?:\.\d+)?) mL/min")


def _cg_inputs(edge, creatinine):
    return {"age": "80", "weight": f"{EDGE_WEIGHT[edge]}kg", "creatinine": creatinine, "sex": "male"}


# creatinine typed as exactly 1 mg/dL (88.4 µmol/L), a hair above (clearance below the edge) or below
CREATININES = [("1.0mg/dL", 0), ("1.0000001mg/dL", -1), ("0.9999999mg/dL", 1),
               ("88.4µmol/L", 0), ("88.40001µmol/L", -1), ("88.39999µmol/L", 1)]


@pytest.mark.parametrize("edge", DOSE_EDGES)
@pytest.mark.parametrize("creatinine, side", CREATININES)
def test_a_computed_clearance_is_never_shown_across_a_dosing_edge(edge, creatinine, side, capsys):
    """The issue's reproducer (80 y, 36 kg, 1.0000001 mg/dL: 29.99999 mL/min) and its siblings at every edge,
    both sides, both creatinine units: value, explanation, answer box, note and the dose calculator's
    lines all stay on the exact value's side (or show the edge exactly when the value is on it)."""
    inputs = _cg_inputs(edge, creatinine)
    r = compute(CG, **inputs)
    assert _side(F(r.details["exact"]), edge) == side  # the fixture is what it claims to be
    shown = [F(_cli_value(CG, inputs, capsys).split()[0])]
    for lang in ("en", "zh"):
        shown.append(_number(r.explanation[lang], CLEARANCE_TEXTS[0 if lang == "en" else 1]))
        v = view(r, lang)
        shown.append(F(v["answer"]["headline"].split()[0]))
        shown.append(_number(note(r, lang, date="2026-12-01"), r"(?:Result: |结果[:：])(\d+(?:\.\d+)?) mL/min"))
        z = compute(ZA, **inputs)
        zv = view(z, lang)
        line = zv["answer"]["lines"][0]  # where the clearance came from; its number is beside the dose, once
        assert "Cockcroft" in line and not re.search(r"\d mL/min", line), line
        shown.append(_number(z.explanation[lang], r"(?:clearance|清除率) (\d+(?:\.\d+)?) mL/min"))
        plan = view(compute("bone-protection-plan", active_mm="yes", **inputs), lang)
        line = next(t for t in plan["answer"]["lines"] if "Cockcroft" in t)  # the plan names it with the agent
        shown.append(_number(line, r"(\d+(?:\.\d+)?) mL/min"))
    for x in shown:
        assert _side(x, edge) == side, (edge, creatinine, shown)


@pytest.mark.parametrize("edge", DOSE_EDGES)
@pytest.mark.parametrize("delta, side", [(F(0), 0), (F(-1, 10**7), -1), (F(1, 10**7), 1),
                                         (F(-1, 1000), -1), (F(1, 1000), 1)])
def test_a_clearance_given_directly_is_never_shown_across_a_dosing_edge(edge, delta, side, capsys):
    typed = f"{float(edge + delta):.7f} mL/min"
    r = compute(ZA, crcl=typed)
    texts = [r.explanation["en"], r.explanation["zh"], note(r, "en", date="2026-12-01"),
             note(r, "zh", date="2026-12-01")]
    assert cli.main(["compute", ZA, f"crcl={typed.replace(' ', '')}"]) == 0
    texts.append(capsys.readouterr().out)
    for t in texts:
        for m in re.finditer(r"(\d+(?:\.\d+)?) mL/min", t):
            x = F(m.group(1))
            if x == edge and side != 0 and t[max(0, m.start() - 12):m.start()].rstrip().endswith(
                    ("below", "<", "than", "低于")):
                continue  # the limit itself, named as the limit
            if abs(x - edge) < 1:
                assert _side(x, edge) == side, (typed, t)


@pytest.mark.parametrize("calc, inputs, edge, side", [
    # corrected calcium (fact sheet §4, §8): CRAB > 2.75 mmol/L and > 11 mg/dL; HCM ≥ 3.0 mmol/L and ≥ 12 mg/dL
    (CA, {"calcium": "2.7499999mmol/L", "albumin": "40g/L"}, F("2.75"), -1),
    (CA, {"calcium": "2.7500001mmol/L", "albumin": "40g/L"}, F("2.75"), 1),
    (CA, {"calcium": "2.9999999mmol/L", "albumin": "40g/L"}, F(3), -1),
    (CA, {"calcium": "11.999999mg/dL", "albumin": "4g/dL"}, F(12), -1),
    (CA, {"calcium": "11.000001mg/dL", "albumin": "4g/dL"}, F(11), 1),
    # renal check (fact sheet §2): a rise of 0.5 mg/dL from a normal baseline
    (CHECK, {"baseline_creatinine": "1.0mg/dL", "current_creatinine": "1.4999999mg/dL", "withheld": "no"}, F("0.5"), -1),
    (CHECK, {"baseline_creatinine": "1.0mg/dL", "current_creatinine": "1.5000001mg/dL", "withheld": "no"}, F("0.5"), 1),
])
def test_every_declared_limit_keeps_its_side_in_the_value_the_reader_sees(calc, inputs, edge, side, capsys):
    r = compute(calc, **inputs)
    cli_shown = F(_cli_value(calc, inputs, capsys).split()[0])
    for x in (cli_shown, F(view(r, "en")["answer"]["headline"].split()[0]),
              F(view(r, "zh")["answer"]["headline"].split()[0])):
        assert _side(x, edge) == side, (inputs, x)


def test_an_egfr_just_below_40_is_not_shown_as_40():
    # the renal myeloma-defining event is a clearance or eGFR < 40 (fact sheet §4): an eGFR is shown whole,
    # so 39.x is written 39, never 40: creatinine 1.86 mg/dL, 64 years, male gives
    # 142 × (1.86 / 0.9)^−1.2 × 0.9938^64 = 39.9 by CKD-EPI 2021 (fact sheet §8), which ordinary rounding writes 40
    r = compute(EGFR, age=64, creatinine="1.86 mg/dL", sex="male")
    assert 39 < r.value < 40
    assert view(r, "en")["answer"]["headline"].startswith("39 ") and "is 39 mL/min" in r.explanation["en"]


def test_an_input_is_read_back_as_given_not_rounded_onto_a_limit():
    r = compute(ZA, crcl="29.999999 mL/min")
    assert r.category == "not-recommended"
    assert "29.999999 mL/min" in note(r, "en", date="2026-12-01")


# --- imwg-response: only what was measurable at baseline is followed (fact sheet §7, §12D) -------------------

@pytest.mark.parametrize("current_urine, category", [
    # urine-only measurable disease: serum 0.4 g/dL (< 1 g/dL, not measurable), urine 1,200 mg/24 h (≥ 200)
    ("80 mg/24 h", "VGPR"),    # < 100 mg/24 h
    ("99 mg/24 h", "VGPR"), ("100 mg/24 h", "PR"),   # VGPR edge: < 100
    ("199 mg/24 h", "PR"), ("120 mg/24 h", "PR"),    # < 200 mg/24 h, or ≥ 90% reduction
    ("600 mg/24 h", "MR"), ("601 mg/24 h", "SD"),    # 50% reduction: MR; 49.9%: no response
])
def test_urine_only_measurable_disease_is_judged_by_the_urine(current_urine, category):
    r = compute(RESP, baseline_serum_m="0.4 g/dL", current_serum_m="0.4 g/dL",
                baseline_urine_m="1200 mg/24 h", current_urine_m=current_urine)
    assert r.category == category
    assert r.details["judged_on"] == "urine"
    assert "urine M-protein alone" in r.explanation["en"] and "仅依据尿 M 蛋白" in r.explanation["zh"]


def test_the_issue_example_of_urine_only_disease_is_a_response_not_stable_disease():
    r = compute(RESP, baseline_serum_m="0.4 g/dL", current_serum_m="0.4 g/dL",
                baseline_urine_m="1200 mg/24 h", current_urine_m="80 mg/24 h")
    assert r.category != "SD" and r.category == "VGPR"


def test_a_serum_rise_still_counts_as_progression_in_urine_only_disease():
    # PD: ≥ 25% and ≥ 0.5 g/dL absolute rise from the nadir (fact sheet §7)
    r = compute(RESP, baseline_serum_m="0.4 g/dL", current_serum_m="0.9 g/dL",
                baseline_urine_m="1200 mg/24 h", current_urine_m="80 mg/24 h")
    assert r.category == "PD"


def test_serum_measurable_disease_is_still_judged_on_serum_and_urine():
    # fact sheet §11K: baseline 4.0 g/dL and 1,000 mg/24 h; 2.0 / 150 → PR
    r = compute(RESP, baseline_serum_m="4 g/dL", current_serum_m="2 g/dL",
                baseline_urine_m="1000 mg/24 h", current_urine_m="150 mg/24 h")
    assert r.category == "PR" and r.details["judged_on"] == "serum and urine"


# --- the myeloma-defining-events page says what the calculator does ---------------------------------------

def _page_cell():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "sphinxext"))
    from mmguide_book.calculators import _cell

    return _cell


def test_the_mri_criterion_is_shown_as_more_than_one_lesion_not_as_a_quotation():
    # IMWG 2014 (fact sheet §4): M is > 1 focal lesion on MRI, each ≥ 5 mm; a band condition that starts
    # with ">" opened a Markdown quote on the page and read "1 focal lesion"
    from markdown_it import MarkdownIt

    band = next(b for b in mmguide.calculator(MDE).bands if "MRI" in b.condition["en"])
    for lang in ("en", "zh"):
        html = MarkdownIt("commonmark").render(_page_cell()(band.condition[lang]))
        assert "<blockquote>" not in html
        assert "&gt; 1 " in html or "more than 1" in html, html
    assert mmguide.compute(MDE, mri_focal_lesions=1).value == [] and mmguide.compute(MDE, mri_focal_lesions=2).value \
        == ["mri-focal-lesions"]  # fact sheet §11E: 1 lesion negative, 2 positive


@pytest.mark.parametrize("start", [">", "#", "-", "+", "*"])
def test_no_record_text_opens_a_markdown_block_on_its_page(start):
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").render(_page_cell()(f"{start} 1 lesion"))
    assert html.strip() == f"<p>{start.replace('>', '&gt;')} 1 lesion</p>"


def test_the_single_lesion_footnote_is_described_as_the_calculator_applies_it():
    # the calculator flags one lytic lesion with marrow plasma cells < 10% (fact sheet §12D) ...
    r = mmguide.compute(MDE, lytic_lesions=1, bm_plasma_cells="5 %")
    assert r.category != "mde-present" and r.details["possible_solitary_plasmacytoma"] is True
    # ... and no decision on its page says the footnote is not applied
    for d in mmguide.calculator(MDE).decisions:
        assert "not applied" not in d["en"] and "不予执行" not in d["zh"]
    assert any("flagged as a possible solitary plasmacytoma" in d["en"] for d in mmguide.calculator(MDE).decisions)


FLC_ONLY = dict(baseline_serum_m="0.2 g/dL", current_serum_m="0.1 g/dL", baseline_urine_m="50 mg/24 h",
                current_urine_m="40 mg/24 h")  # M-protein not measurable (< 1 g/dL, < 200 mg/24 h)


@pytest.mark.parametrize("current, nadir, category", [
    # FLC-only disease (fact sheet §7, §12D): PR is a dFLC fall of ≥ 50%; PD a rise of ≥ 25% from the nadir
    # and of more than 10 mg/dL; baseline dFLC 40 mg/dL
    ("20 mg/dL", None, "PR"), ("20.1 mg/dL", None, "SD"),
    ("30.5 mg/dL", "20 mg/dL", "PD"),   # +10.5 mg/dL, +52.5%
    ("30 mg/dL", "20 mg/dL", "SD"),     # +10 mg/dL exactly: not more than 10
    ("300 mg/L", "200 mg/L", "SD"),     # the same in mg/L
])
def test_flc_only_disease_is_judged_by_the_free_light_chains(current, nadir, category):
    kw = dict(FLC_ONLY, baseline_involved_flc="50 mg/dL", flc_ratio_abnormal_at_baseline="yes",
              baseline_dflc="40 mg/dL", current_dflc=current)
    if nadir:
        kw["nadir_dflc"] = nadir
    r = compute(RESP, **kw)
    assert r.category == category and r.details["judged_on"] == "free light chains"
    assert r.value is None  # the serum reduction is not this response's measure


@pytest.mark.parametrize("involved, ratio, category", [
    # measurable by FLC: involved FLC ≥ 10 mg/dL with an abnormal ratio (fact sheet §12D)
    ("10 mg/dL", "yes", "PR"), ("9.9 mg/dL", "yes", "not-evaluable"), ("50 mg/dL", "no", "not-evaluable"),
    ("50 mg/dL", "unknown", "not-evaluable"),
])
def test_flc_only_disease_must_be_measurable_by_free_light_chains(involved, ratio, category):
    r = compute(RESP, **FLC_ONLY, baseline_involved_flc=involved, flc_ratio_abnormal_at_baseline=ratio,
                baseline_dflc="8 mg/dL", current_dflc="4 mg/dL")
    assert r.category == category


def test_without_light_chain_values_unmeasurable_disease_is_still_not_evaluable():
    assert compute(RESP, **FLC_ONLY).category == "not-evaluable"


# --- HZ-71: whether zoledronic acid is withheld is asked, never taken as no ---------------------------------

def test_the_reproducer_1_0_to_1_3_mg_dl_depends_on_withheld_and_is_asked_without_it():
    # Zometa label §2 (fact sheet §11B): a rise under 0.5 mg/dL from a normal baseline continues; once
    # withheld, the drug resumes only within 10% of baseline (1.3 > 1.1 mg/dL)
    assert check("1.0 mg/dL", "1.3 mg/dL", withheld=False).category == "continue"
    assert check("1.0 mg/dL", "1.3 mg/dL", withheld=True).category == "keep-withholding"
    msg = refused(CHECK, "withheld", baseline_creatinine="1.0 mg/dL", current_creatinine="1.3 mg/dL")
    assert "required" in msg


def test_property_no_input_left_out_stands_for_an_answer_in_any_calculator():
    """HZ-71 over every calculator's inputs: an input that is not required has no default, so left out it is
    unknown (and asked where it changes the answer), never a value such as "no" that nobody chose."""
    defaulted = [(c.id, i.name, i.default) for c in mmguide.calculators() for i in c.inputs
                 if not i.required and i.default is not None]
    assert not defaulted, defaulted
