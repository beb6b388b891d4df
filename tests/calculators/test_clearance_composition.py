"""Calculators that need a creatinine clearance also take the Cockcroft–Gault inputs.

Expected values are the fact sheet's §11A vectors (Cockcroft & Gault 1976, then the Zometa
label's renal dose table), never the package's own output.
"""

from fractions import Fraction

import pytest

import mmguide
from mmguide import InputError, compute

# (sex, age, weight, creatinine) -> clearance (mL/min), zoledronic acid dose (mg or None)
CG_VECTORS = [
    ("male", 60, "72 kg", "1.0 mg/dL", 80.00, 4.0),
    ("female", 60, "72 kg", "1.0 mg/dL", 68.00, 4.0),
    ("male", 70, "70 kg", "1.5 mg/dL", 45.37, 3.3),
    ("male", 80, "72 kg", "1.0 mg/dL", 60.00, 3.5),
    ("male", 80, "72 kg", "1.2 mg/dL", 50.00, 3.5),
    ("male", 80, "72 kg", "1.5 mg/dL", 40.00, 3.3),
    ("male", 80, "72 kg", "2.0 mg/dL", 30.00, 3.0),
    ("male", 80, "72 kg", "2.05 mg/dL", 29.27, None),
]
CG_NAMES = ("age", "weight", "creatinine", "sex")


@pytest.mark.parametrize("sex,age,weight,scr,crcl,dose", CG_VECTORS)
def test_zoledronic_acid_dose_from_creatinine_follows_the_cockcroft_gault_vectors(sex, age, weight, scr, crcl, dose):
    r = compute("zoledronic-acid-dose", age=age, weight=weight, creatinine=scr, sex=sex)
    assert r.value == dose
    assert abs(r.details["clearance"]["value"] - crcl) <= 0.005
    assert r.details["clearance"]["calculator"] == "crcl-cockcroft-gault"


def test_zoledronic_acid_dose_from_creatinine_at_the_band_edges_is_exact():
    # 60 × 72 / (72 × SCr) is exactly 60, 50, 40, 30 for SCr 1.0, 1.2, 1.5, 2.0 (§11A): 3.5, 3.5, 3.3, 3.0 mg
    for scr, dose in (("1.0 mg/dL", 3.5), ("1.2 mg/dL", 3.5), ("1.5 mg/dL", 3.3), ("2.0 mg/dL", 3.0),
                      ("176.8 µmol/L", 3.0)):
        assert compute("zoledronic-acid-dose", age=80, weight="72 kg", creatinine=scr, sex="male").value == dose


def test_the_issue_example_gives_the_dose_for_the_computed_clearance():
    # (140 − 70) × 70 / (72 × 1.2) = 56.71 mL/min: 50–60 band, 3.5 mg
    r = compute("zoledronic-acid-dose", age=70, weight="70 kg", creatinine="1.2 mg/dL", sex="male")
    assert r.value == 3.5
    assert r.details["clearance"]["value"] == Fraction(70 * 70, 72) / Fraction("1.2")  # exact, not a string
    # the clearance is written once, one way: the line above the dose and the explanation show the same number
    assert r.details["clearance"]["text"]["en"] == "CrCl 56.71 mL/min by Cockcroft–Gault from 70 years, 70 kg, creatinine 1.2 mg/dL, male"
    assert "肌酐清除率 56.71 mL/min" in r.details["clearance"]["text"]["zh"]
    assert "Creatinine clearance 56.71 mL/min" in r.explanation["en"]


def test_a_clearance_next_to_an_edge_is_written_once_on_its_side_of_the_edge():
    # 60 × 72 / (72 × 2.01) = 29.85, below the label's 30: written 29.85 above the dose and in the explanation,
    # never 30 and never a second, rounder number beside it
    r = compute("zoledronic-acid-dose", age=80, weight="72 kg", creatinine="2.01 mg/dL", sex="male")
    assert r.value is None and r.category == "not-recommended"
    t = r.details["clearance"]["text"]["en"]
    assert t.startswith("CrCl 29.85 mL/min by Cockcroft–Gault") and "Creatinine clearance 29.85 mL/min" in r.explanation["en"]
    assert r.details["clearance"]["near_edges"] == (30,)


@pytest.mark.parametrize("sex,age,weight,scr,crcl,dose", CG_VECTORS)
def test_bone_protection_plan_from_creatinine_uses_the_cockcroft_gault_clearance(sex, age, weight, scr, crcl, dose):
    r = compute("bone-protection-plan", active_mm=True, age=age, weight=weight, creatinine=scr, sex=sex)
    direct = compute("bone-protection-plan", active_mm=True, crcl=f"{crcl} mL/min")
    assert abs(r.details["clearance"]["value"] - crcl) <= 0.005
    assert r.details["severe_renal_impairment"] is (crcl < 30)
    assert r.details["favoured"] == direct.details["favoured"]
    if dose is not None and r.details["favoured"] == "zoledronic-acid":
        assert float(r.details["zoledronic_acid_dose_mg"]) == dose


def test_every_calculator_taking_a_clearance_also_takes_the_cockcroft_gault_inputs():
    cg = mmguide.calculator("crcl-cockcroft-gault")
    for calc in mmguide.calculators():
        names = [i.name for i in calc.inputs]
        if "crcl" in names and calc.input("crcl").analyte == "crcl":
            for n in CG_NAMES:
                if n == "creatinine" and calc.id == "zoledronic-acid-renal-check":
                    n = "current_creatinine"  # the clearance is re-estimated from the current creatinine
                    assert calc.input(n).analyte == cg.input("creatinine").analyte
                    continue
                assert n in names, (calc.id, n)
                assert calc.input(n).label == cg.input(n).label
                assert calc.input(n).analyte == cg.input(n).analyte


# --- hazards: a creatinine typed as a clearance; a clearance and a creatinine that disagree ----

@pytest.mark.parametrize("calc_id,extra", [("zoledronic-acid-dose", {}), ("bone-protection-plan", {"active_mm": True})])
@pytest.mark.parametrize("typed", ["1.4", 1.4, "15", "0.9", "1.4 mg/dL", "150 µmol/L", "150 umol/L", "124 μmol/L"])
def test_a_creatinine_typed_as_the_clearance_is_asked_about_not_answered(calc_id, extra, typed):
    with pytest.raises(InputError) as e:
        compute(calc_id, crcl=typed, **extra)
    assert e.value.field == "crcl"
    assert "creatinine" in str(e.value)
    assert "not a" in str(e.value)  # "is a serum creatinine, not a creatinine clearance" / "…, not a clearance"


@pytest.mark.parametrize("typed,dose", [("12 mL/min", None), ("15 mL/min", None), ("16 mL/min", None), ("45 mL/min", 3.3),
                                        (45, 3.3)])
def test_a_clearance_typed_with_its_unit_or_given_as_a_number_is_a_clearance(typed, dose):
    r = compute("zoledronic-acid-dose", crcl=typed)
    assert r.value == dose


def test_a_clearance_and_creatinine_that_disagree_are_refused_naming_both():
    # 80 y, 72 kg, 1.0 mg/dL, male: 60 mL/min (§11A); a clearance of 45 disagrees
    with pytest.raises(InputError) as e:
        compute("zoledronic-acid-dose", crcl="45 mL/min", age=80, weight="72 kg", creatinine="1.0 mg/dL", sex="male")
    assert "disagrees" in str(e.value) and "45" in str(e.value) and "60.00" in str(e.value)
    with pytest.raises(InputError):
        compute("bone-protection-plan", active_mm=True, crcl="45 mL/min", age=80, weight="72 kg",
                creatinine="1.0 mg/dL", sex="male")


def test_a_clearance_and_creatinine_on_either_side_of_a_band_edge_are_refused():
    # 60 mL/min computed (3.5 mg band) against 60.5 typed (4.0 mg band): within 1 mL/min, other dose
    with pytest.raises(InputError, match="disagrees"):
        compute("zoledronic-acid-dose", crcl="60.5 mL/min", age=80, weight="72 kg", creatinine="1.0 mg/dL", sex="male")


def test_a_clearance_and_creatinine_that_agree_give_the_dose():
    r = compute("zoledronic-acid-dose", crcl="60 mL/min", age=80, weight="72 kg", creatinine="1.0 mg/dL", sex="male")
    assert r.value == 3.5


def test_an_incomplete_set_of_cockcroft_gault_inputs_names_what_is_missing():
    with pytest.raises(InputError) as e:
        compute("zoledronic-acid-dose", age=80, weight="72 kg")
    assert e.value.field == "creatinine" and "sex" in str(e.value)


def test_neither_clearance_nor_creatinine_is_asked_for():
    with pytest.raises(InputError) as e:
        compute("zoledronic-acid-dose")
    assert e.value.field == "crcl" and "creatinine" in str(e.value)


def test_an_egfr_is_still_refused_as_a_clearance():
    with pytest.raises(InputError, match="eGFR"):
        compute("zoledronic-acid-dose", crcl="45 mL/min/1.73 m²")


def test_an_implausible_clearance_from_the_four_inputs_is_refused_not_dosed():
    # Cockcroft–Gault (fact sheet §8): (140 − 70) × 70 / (72 × 0.1) = 680.6 mL/min, far above any
    # clearance mmguide accepts: a misplaced decimal point, not a dose band
    for calc_id in ("zoledronic-acid-dose", "bone-protection-plan"):
        extra = {"active_mm": True} if calc_id == "bone-protection-plan" else {}
        with pytest.raises(InputError) as e:
            compute(calc_id, age=70, weight="70 kg", creatinine="0.1 mg/dL", sex="male", **extra)
        assert e.value.field == "creatinine"
        assert "680.56 mL/min" in str(e.value) and "not a plausible clearance" in str(e.value)
