"""Cockcroft–Gault: the plausible range, what an implausible result says, and how a clearance given
together with the four inputs (or a creatinine typed as a clearance) is handled.

Expected values come from the equation (fact sheet §8, §11A), the record's written [DECISION]s (the
plausible range is the crcl input's 1–250 mL/min; a clearance given with the four inputs agrees
within 1 mL/min and the same dose band) and Demirovic 2009 (actual weight overestimates in obesity).
"""

import pytest

import mmguide
from mmguide import InputError, compute

CG, ZA, PLAN = "crcl-cockcroft-gault", "zoledronic-acid-dose", "bone-protection-plan"
M80 = dict(age=60, weight="72 kg", creatinine="1.0 mg/dL", sex="male")  # fact sheet §11A: 80.00 mL/min


@pytest.mark.parametrize("kw, plausible", [
    # (140 − 120) × 36 / (72 × 10) = 1 mL/min exactly: the lower edge is plausible
    (dict(age=120, weight="36 kg", creatinine="10 mg/dL", sex="male"), True),
    (dict(age=120, weight="36 kg", creatinine="10.01 mg/dL", sex="male"), False),   # 0.999 mL/min
    # (140 − 80) × 72 / (72 × 0.24) = 250 mL/min exactly: the upper edge is plausible
    (dict(age=80, weight="72 kg", creatinine="0.24 mg/dL", sex="male"), True),
    (dict(age=80, weight="72 kg", creatinine="0.2399 mg/dL", sex="male"), False),  # 250.1 mL/min
])
def test_cockcroft_gault_plausible_range_includes_both_edges(kw, plausible):
    r = compute(CG, **kw)
    assert r.details["plausible"] is plausible
    assert r.category == (None if plausible else "implausible")
    # Demirovic 2009 (overestimation in obesity) is cited only for an estimate above the range
    assert ("demirovic2009obese" in r.references) is (r.value > 250)


def test_a_plausible_clearance_is_to_be_used_for_the_dose_table():
    en, zh = compute(CG, **M80).explanation["en"], compute(CG, **M80).explanation["zh"]
    assert "Use this clearance, not an eGFR, for the zoledronic acid dose table" in en
    assert "not a plausible clearance" not in en and "不可据此给药" not in zh
    assert "唑来膦酸的肾功能剂量表应使用此清除率" in zh


def test_an_implausibly_high_clearance_names_low_creatinine_and_obesity_and_cites_demirovic():
    r = compute(CG, age=80, weight="72 kg", creatinine="0.2399 mg/dL", sex="male")
    en = r.explanation["en"]
    assert "This is not a plausible clearance (mmguide accepts 1–250 mL/min): do not dose from it." in en
    assert "overestimates clearance in obesity" in en and "very low creatinine" in en
    assert "demirovic2009obese" in r.references
    assert "Use this clearance" not in en


def test_an_implausibly_low_clearance_is_not_blamed_on_obesity_nor_cites_demirovic():
    r = compute(CG, age=120, weight="36 kg", creatinine="10.01 mg/dL", sex="male")
    en = r.explanation["en"]
    assert "This is not a plausible clearance (mmguide accepts 1–250 mL/min): do not dose from it." in en
    assert "obesity" not in en and "demirovic2009obese" not in r.references
    assert set(r.references) == {"cockcroft1976", "zometa_label"}


def test_a_plausible_clearance_cites_the_equation_and_the_label_only():
    assert set(compute(CG, **M80).references) == {"cockcroft1976", "zometa_label"}


@pytest.mark.parametrize("crcl, agrees", [
    # computed 80.00 mL/min; the same band (> 60) within 1 mL/min agrees, beyond 1 mL/min it does not
    ("81 mL/min", True), ("79 mL/min", True), ("81.01 mL/min", False), ("78.99 mL/min", False), ("81.5 mL/min", False),
    ("82 mL/min", False),
])
def test_a_clearance_given_with_the_four_inputs_agrees_within_1_ml_min(crcl, agrees):
    if agrees:
        assert compute(ZA, crcl=crcl, **M80).value == 4.0
    else:
        with pytest.raises(InputError) as e:
            compute(ZA, crcl=crcl, **M80)
        assert e.value.field == "crcl" and "disagrees with the one calculated" in str(e.value)


def test_a_creatinine_typed_with_its_unit_as_the_clearance_is_named_a_creatinine():
    with pytest.raises(InputError) as e:
        compute(ZA, crcl="1.2 mg/dL")
    assert str(e.value).startswith("crcl: 1.2 mg/dL is a serum creatinine, not a creatinine clearance.")
    with pytest.raises(InputError) as e:
        compute(ZA, crcl="1.2")
    assert str(e.value).startswith("crcl: 1.2 looks like a serum creatinine (mg/dL), not a clearance in mL/min.")
    assert "('1.2 mL/min')" in str(e.value)


def test_missing_cockcroft_gault_inputs_offer_the_clearance_alone_only_when_one_was_given():
    with pytest.raises(InputError) as e:
        compute(ZA, crcl="45 mL/min", age=70)
    assert str(e.value).endswith("missing: body weight (actual), serum creatinine, sex; or give the clearance alone.")
    assert e.value.text["zh"].endswith(";或只填写清除率。")
    with pytest.raises(InputError) as e:
        compute(ZA, age=70)
    assert str(e.value).endswith("missing: body weight (actual), serum creatinine, sex.")
    assert e.value.text["zh"].endswith("。") and "或只填写清除率" not in e.value.text["zh"]


@pytest.mark.parametrize("sex, zh", [("female", "女性"), ("male", "男性")])
def test_the_computed_clearance_names_the_sex_in_both_languages(sex, zh):
    src = compute(ZA, age=60, weight="72 kg", creatinine="1.0 mg/dL", sex=sex).details["clearance"]
    assert src["text"]["en"].endswith(f", {sex}")
    assert src["text"]["zh"].endswith(f"{zh}计算")
    assert ("女性" in src["text"]["zh"]) is (sex == "female")


def test_the_plan_explains_its_own_use_of_the_creatinine():
    # the plan also uses the creatinine for hypercalcaemia of malignancy and says so; the dose calculator does not
    plan = {i.name: i.help for i in mmguide.calculator(PLAN).inputs}
    dose = {i.name: i.help for i in mmguide.calculator(ZA).inputs}
    assert "hypercalcaemia of malignancy" in plan["creatinine"]["en"]
    assert dose["creatinine"] is None


@pytest.mark.parametrize("typed", ["15,000", "14,999"])
def test_an_ambiguous_comma_typed_as_a_clearance_is_refused_as_ambiguous_not_read_as_a_decimal(typed):
    with pytest.raises(InputError) as e:
        compute(ZA, crcl=typed)
    assert "looks like a serum creatinine" not in str(e.value)
    assert "is ambiguous" in str(e.value)


@pytest.mark.parametrize("typed", ["0,9", " 1,2 ", "15,0"])
def test_a_decimal_comma_typed_as_a_clearance_is_still_read_as_a_creatinine_when_it_looks_like_one(typed):
    # a comma followed by one or two digits is a decimal comma: 0,9 is the creatinine 0.9, asked about
    with pytest.raises(InputError) as e:
        compute(ZA, crcl=typed)
    assert "looks like a serum creatinine" in str(e.value)
