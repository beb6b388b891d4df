"""Exact messages for the common mistakes: each names the input, the value and the fix."""

import pytest

import mmguide
from mmguide import InputError, UnknownCalculatorError, compute

CG = dict(age=80, weight="72 kg", sex="male")


def message(calculator_id, **inputs):
    with pytest.raises(InputError) as e:
        compute(calculator_id, **inputs)
    return str(e.value), e.value.field


def test_creatinine_150_mg_dl_suggests_micromoles():
    assert message("crcl-cockcroft-gault", creatinine="150 mg/dL", **CG) == (
        "creatinine: 150 mg/dL is outside the plausible range 0.1–20 mg/dL. Did you mean µmol/L?", "creatinine")


def test_creatinine_150_as_a_bare_number_suggests_micromoles():
    assert message("zoledronic-acid-renal-check", baseline_creatinine=1.0, current_creatinine=150)[0] == (
        "current_creatinine: 150 mg/dL is outside the plausible range 0.1–20 mg/dL. Did you mean µmol/L?")


def test_beta2m_in_g_dl_is_refused_with_the_right_unit():
    assert message("iss", beta2m="3.5 g/dL", albumin="3.5 g/dL") == (
        "beta2m: '3.5 g/dL': β2-microglobulin is measured in mg/L, not g/dL (some references misprint the ISS "
        "unit); give it in mg/L, e.g. '3.5 mg/L'.", "beta2m")


def test_beta2m_in_g_l_is_refused_with_the_right_unit():
    assert message("r-iss", beta2m="0.004 g/L", albumin="35 g/L", ldh_high=False, del17p=False, t_4_14=False,
                   t_14_16=False)[0] == (
        "beta2m: '0.004 g/L': β2-microglobulin is measured in mg/L, not g/L; give it in mg/L, e.g. '3.5 mg/L'.")


def test_egfr_given_to_zoledronic_acid_dose_is_refused():
    assert message("zoledronic-acid-dose", crcl="55 mL/min/1.73 m²") == (
        "crcl: '55 mL/min/1.73 m²' is an eGFR (mL/min/1.73 m²), not a creatinine clearance; this rule is keyed on "
        "Cockcroft–Gault clearance in mL/min (calculate it with crcl-cockcroft-gault).", "crcl")


def test_unknown_calculator_lists_the_ids():
    with pytest.raises(UnknownCalculatorError) as e:
        compute("egfr")
    msg = str(e.value)
    assert msg.startswith("unknown calculator 'egfr'; known calculators: crcl-cockcroft-gault, egfr-ckd-epi-2021, ")
    for c in mmguide.calculators():
        assert c.id in msg
    # a ValueError like every mmguide error (one builtin base: MicroPython cannot build a class on two)
    assert isinstance(e.value, ValueError) and isinstance(e.value, mmguide.MMGuideError)


def test_missing_required_input_names_it_and_its_range():
    assert message("crcl-cockcroft-gault", **CG) == (
        "creatinine: this input is required (0.1–20 mg/dL; 9–1768 µmol/L).", "creatinine")


def test_missing_boolean_is_not_filled_with_a_default():
    assert message("r-iss", beta2m="3 mg/L", albumin="40 g/L", del17p=False, t_4_14=False, t_14_16=False) == (
        "ldh_high: this input is required.", "ldh_high")


def test_unknown_input_name_lists_the_accepted_ones():
    assert message("crcl-cockcroft-gault", creatinine=1.0, height=170, **CG) == (
        "crcl-cockcroft-gault: unknown input height; accepted inputs: age, weight, creatinine, sex.", "height")


def test_unknown_input_name_lists_the_accepted_ones_in_chinese_too():
    from mmguide import InputError, compute
    from mmguide.presentation import widen
    with pytest.raises(InputError) as e:
        compute("zoledronic-acid-dose", clearance="45 mL/min")
    assert widen(e.value.text["zh"]) == (
        "clearance：“按肌酐清除率确定唑来膦酸剂量”没有此输入项；可用的输入项：crcl、age、weight、creatinine、sex。")


def test_bool_passed_as_a_number_is_refused():
    assert message("crcl-cockcroft-gault", creatinine=True, **CG) == (
        "creatinine: expected a number, got the boolean True.", "creatinine")
    assert message("imwg-frailty", age=70, charlson=True, adl=6, iadl=8) == (
        "charlson: expected a whole number 0–37, got True.", "charlson")


def test_number_passed_as_a_bool_is_refused():
    assert message("r-iss", beta2m="3 mg/L", albumin="40 g/L", ldh_high=1, del17p=False, t_4_14=False,
                   t_14_16=False) == ("ldh_high: expected yes or no, got 1.", "ldh_high")


def test_myeloma_defining_events_with_no_input():
    msg, field = message("myeloma-defining-events")
    assert msg == ("myeloma-defining-events: at least one input is needed (accepted inputs: calcium, calcium_uln, "
                   "creatinine, crcl, hemoglobin, hemoglobin_lln, lytic_lesions, bm_plasma_cells, flc_ratio, "
                   "involved_flc, mri_focal_lesions).")
    assert field is None


def test_a_laboratory_limit_without_its_value_is_refused():
    assert message("myeloma-defining-events", calcium_uln="2.6 mmol/L", creatinine="1 mg/dL") == (
        "calcium_uln: this limit is given without its calcium; give the calcium too, or leave the limit out.",
        "calcium_uln")
    assert message("myeloma-defining-events", hemoglobin_lln="120 g/L")[1] == "hemoglobin_lln"


def test_light_chain_ratio_alone_cannot_decide_anything():
    assert message("myeloma-defining-events", flc_ratio=150) == (
        "involved_flc: the involved:uninvolved FLC ratio alone assesses no event; the light-chain event needs the "
        "involved FLC too.", "involved_flc")
    assert message("myeloma-defining-events", involved_flc="150 mg/L")[1] == "flc_ratio"


def test_scale_scores_out_of_range():
    assert message("imwg-frailty", age=70, charlson=1, adl=7, iadl=3) == ("adl: 7 is outside the range 0–6.", "adl")
    assert message("simplified-frailty", age=70, charlson=1, ecog=5) == ("ecog: 5 is outside the range 0–4.", "ecog")
    assert message("imwg-frailty", age=70, charlson=1.5, adl=5, iadl=3) == (
        "charlson: expected a whole number 0–37, got 1.5.", "charlson")


def test_age_under_18_is_refused():
    assert message("egfr-ckd-epi-2021", age=17, creatinine="1 mg/dL", sex="male") == (
        "age: 17 years is outside the plausible range 18–120 years.", "age")


def test_nadir_above_baseline_is_refused():
    assert message("imwg-response", baseline_serum_m=2, current_serum_m=1, baseline_urine_m=0, current_urine_m=0,
                   nadir_serum_m=3) == (
        "nadir_serum_m: the nadir 3 g/dL is above the baseline 2 g/dL; the nadir is the lowest value since "
        "treatment began, so it cannot exceed the baseline.", "nadir_serum_m")


def test_negative_immunofixation_with_measurable_m_protein_is_refused():
    assert message("imwg-response", baseline_serum_m=2, current_serum_m="0.1", baseline_urine_m=0,
                   current_urine_m=0, immunofixation_negative=True) == (
        "immunofixation_negative: immunofixation is given as negative but the current M-protein is 0.1 g/dL in "
        "serum and 0 mg/24 h in urine; an M-protein measurable by electrophoresis is immunofixation-positive.",
        "immunofixation_negative")


def test_albumin_in_a_calcium_unit_is_refused():
    assert message("corrected-calcium", calcium="10 mg/dL", albumin="3.0 mg/dL") == (
        "albumin: unknown unit 'mg/dL'; accepted: g/L, g/dL.", "albumin")


def test_albumin_3_5_without_unit_suggests_g_dl():
    assert message("iss", beta2m=3, albumin=3.5) == (
        "albumin: 3.5 g/L is outside the plausible range 10–60 g/L. Did you mean g/dL?", "albumin")


def test_every_error_is_a_value_error():
    with pytest.raises(ValueError):
        compute("iss", beta2m="x", albumin=40)



def _zh(calculator_id, **inputs):
    from mmguide.presentation import widen
    with pytest.raises(InputError) as e:
        compute(calculator_id, **inputs)
    return widen(e.value.text["zh"])


def test_chinese_range_error_has_no_stray_space_and_sets_the_range_off():
    assert _zh("crcl-cockcroft-gault", **{**CG, "age": "1.5"}, creatinine="1 mg/dL") == "年龄：1.5 岁超出合理范围（18–120 岁）。"


def test_chinese_choice_error_says_what_was_typed():
    assert "输入的是 'x'" in _zh("crcl-cockcroft-gault", **{**CG, "sex": "x"}, creatinine="1 mg/dL")
