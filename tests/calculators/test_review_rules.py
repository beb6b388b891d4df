"""Rules from the clinical review: a shown number never sits across a band edge from the decision,
impossible inputs are refused with the likely mistake, and the explanations say what the criteria
require. Expected values are hand arithmetic written next to each case, never the code's output."""

import json
import re
from pathlib import Path

import pytest

import mmguide
from mmguide import InputError, compute


def first_number_before(text, unit="mL/min"):
    return re.search(r"(\d+(?:\.\d+)?) " + re.escape(unit), text).group(1)


# --- display never crosses a band edge ---------------------------------------------------------

def test_cockcroft_gault_just_below_30_is_never_shown_as_30():
    # M, 80 y, 72 kg, SCr 177 µmol/L: 60 × 72 × 88.4 / (72 × 177) = 5304/177 = 29.966… mL/min
    r = compute("crcl-cockcroft-gault", age=80, weight="72 kg", creatinine="177 µmol/L", sex="male")
    assert "29.97 mL/min" in r.explanation["en"] and "29.97 mL/min" in r.explanation["zh"]
    assert "30.0 mL/min" not in r.explanation["en"]
    za = compute("zoledronic-acid-dose", crcl=r.value)
    assert za.category == "not-recommended"
    assert "29.97 mL/min is below 30 mL/min" in za.explanation["en"]


@pytest.mark.parametrize("crcl,shown,dose", [
    # label bands (fact sheet §2): 60.04 > 60 → 4; 49.99 < 50 → 3.3; 39.96 < 40 → 3; 29.97 < 30 → none
    ("60.04", "60.04", "4 mg"), ("49.99", "49.99", "3.3 mg"), ("39.96", "39.96", "3 mg"),
    ("29.97", "29.97", None),
])
def test_zoledronic_acid_dose_message_shows_the_clearance_on_its_own_side_of_the_edge(crcl, shown, dose):
    r = compute("zoledronic-acid-dose", crcl=f"{crcl} mL/min")
    for lang in ("en", "zh"):
        assert first_number_before(r.explanation[lang]) == shown
    if dose:
        assert f"zoledronic acid {dose}" in r.explanation["en"]
    else:
        assert r.category == "not-recommended"


@pytest.mark.parametrize("x,edges,shown", [
    # 2 decimals would round 29.999 up to the edge 30.00 and 60.004 down to the edge 60.00:
    # the shown value is cut toward the value's own side instead
    ("29.999", (30,), "29.99"), ("60.004", (60,), "60.01"), ("30", (30,), "30.00"), ("45.678", (40, 50), "45.68"),
])
def test_a_shown_number_keeps_the_side_of_the_edge_its_exact_value_is_on(x, edges, shown):
    from mmguide.units import fmt_beside

    assert fmt_beside(x, 2, edges) == shown


def test_corrected_calcium_just_above_2_75_is_not_shown_as_2_75():
    # 2.5504 + 0.02 × (40 − 30) = 2.7504 mmol/L > 2.75: CRAB positive, so it must not read "2.75"
    r = compute("corrected-calcium", calcium="2.5504 mmol/L", albumin="30 g/L")
    assert r.category == "crab-hypercalcaemia"
    assert "2.76 mmol/L" in r.explanation["en"] and "2.75 mmol/L (" not in r.explanation["en"]


def test_renal_check_rise_just_below_half_a_milligram_is_not_shown_as_0_50():
    # baseline 1.0 mg/dL; 132.5 µmol/L = 1.49887 mg/dL: rise 0.49887 < 0.5 → continue, shown 0.49
    r = compute("zoledronic-acid-renal-check", withheld="no", baseline_creatinine="1.0 mg/dL", current_creatinine="132.5 µmol/L")
    assert r.category == "continue"
    assert "rose by 0.49 mg/dL" in r.explanation["en"]


def test_response_reduction_just_below_50_percent_is_not_shown_as_50():
    # 4.0 → 2.0016 g/dL: (4 − 2.0016)/4 = 49.96% < 50%: not PR, so it must not read "50%"
    r = compute("imwg-response", baseline_serum_m="4.0 g/dL", current_serum_m="2.0016 g/dL",
                baseline_urine_m="1000 mg/24 h", current_urine_m="150 mg/24 h")
    assert r.category == "MR"
    assert "reduced by 49.9%" in r.explanation["en"]


# --- renal check wording -----------------------------------------------------------------------

def test_renal_check_says_an_abnormal_baseline():
    # 1.4 mg/dL is abnormal (fact sheet §2); 1.4 → 2.4 is a rise of 1.0: withhold
    r = compute("zoledronic-acid-renal-check", withheld="no", baseline_creatinine="1.4 mg/dL", current_creatinine="2.4 mg/dL")
    assert "from an abnormal baseline" in r.explanation["en"] and "a abnormal" not in r.explanation["en"]
    assert "from a normal baseline" in compute(
        "zoledronic-acid-renal-check", withheld="no", baseline_creatinine="1.0 mg/dL", current_creatinine="1.5 mg/dL").explanation["en"]


def test_renal_check_keep_withholding_says_more_than_10_percent_above_the_baseline():
    # baseline 1.0; 1.11 > 1.10 (fact sheet §11 B): keep withholding
    r = compute("zoledronic-acid-renal-check", baseline_creatinine="1.0 mg/dL", current_creatinine="1.11 mg/dL",
                withheld=True)
    assert r.category == "keep-withholding"
    assert "more than 10% above the baseline" in r.explanation["en"]


def test_renal_check_says_fell_for_a_falling_creatinine():
    r = compute("zoledronic-acid-renal-check", withheld="no", baseline_creatinine="1.2 mg/dL", current_creatinine="1.0 mg/dL")
    assert "fell by 0.20 mg/dL" in r.explanation["en"] and "rose by -" not in r.explanation["en"]


# --- myeloma-defining events -----------------------------------------------------------------------

def test_flc_ratio_below_1_is_refused_with_the_lambda_over_kappa_hint():
    # involved:uninvolved ≥ 1 by construction; for λ disease λ/κ: a κ/λ of 0.008 is 1/0.008 = 125
    with pytest.raises(InputError) as e:
        compute("myeloma-defining-events", flc_ratio=0.008, involved_flc="200 mg/L")
    msg = str(e.value)
    assert e.value.field == "flc_ratio"
    assert msg.startswith("flc_ratio: 0.008 is outside the plausible range 1–100000")
    assert "λ/κ" in msg and "1/0.008 = 125" in msg and "κ/λ" in msg
    with pytest.raises(InputError, match="1/0.008 = 125"):
        compute("myeloma-defining-events", flc_ratio=0, involved_flc="200 mg/L")
    # exactly 1 is a possible ratio (equal chains) and is accepted
    assert compute("myeloma-defining-events", flc_ratio=1, involved_flc="200 mg/L").value == []


def test_crab_features_count_only_when_attributable_to_the_plasma_cell_disorder():
    r = compute("myeloma-defining-events", hemoglobin="95 g/L")  # 95 < 100 g/L: anaemia met
    assert r.value == ["anaemia"]
    assert "attributed to the plasma-cell disorder" in r.explanation["en"]
    assert "归因于浆细胞疾病" in r.explanation["zh"]
    # a SLiM event alone is not a CRAB feature: no attribution note
    assert "attributed" not in compute("myeloma-defining-events", bm_plasma_cells="60%").explanation["en"]


def test_bone_lesion_input_says_lytic_lesions_count_from_5_mm_on_ct():
    # fact sheet §3: at least one lytic lesion ≥ 5 mm on CT or PET-CT
    h = mmguide.calculator("myeloma-defining-events").input("lytic_lesions").help
    assert "5 mm" in h["en"] and "CT or PET-CT" in h["en"] and "5 mm" in h["zh"]


# --- response ---------------------------------------------------------------------------------

def resp(cs, cu, bs="4.0 g/dL", bu="1000 mg/24 h", **kw):
    return compute("imwg-response", baseline_serum_m=bs, current_serum_m=cs, baseline_urine_m=bu,
                   current_urine_m=cu, **kw)


def test_a_response_or_progression_needs_confirmation_on_consecutive_assessments():
    for r in (resp("2.0 g/dL", "150 mg/24 h"), resp("5.0 g/dL", "1000 mg/24 h")):  # PR; PD (+25%, +1.0)
        assert "confirmed on consecutive assessments" in r.explanation["en"]
        assert "连续评估确认" in r.explanation["zh"]


def test_a_rising_m_protein_is_said_to_have_increased_not_to_be_reduced_by_a_negative_amount():
    # 4.0 → 4.8 g/dL: +20% (below the 25% of PD): SD, "increased by 20%"
    r = resp("4.8 g/dL", "1000 mg/24 h")
    assert r.category == "SD"
    assert "increased by 20%" in r.explanation["en"] and "by -" not in r.explanation["en"]
    assert "上升 20%" in r.explanation["zh"]


def test_baseline_with_no_m_protein_in_one_compartment_is_flagged_for_measurability():
    r = resp("0 g/dL", "150 mg/24 h", bs="0 g/dL", bu="2000 mg/24 h")  # urine-only disease
    w = r.details["measurability_warning"]
    assert w and "measurable" in w["en"] and w["en"] in r.explanation["en"]
    assert resp("2.0 g/dL", "150 mg/24 h").details["measurability_warning"] is None


# --- corrected calcium: low values ------------------------------------------------------------------

def test_corrected_calcium_below_the_laboratory_lower_limit_is_flagged_low_and_asks_about_ionised_calcium():
    # 2.00 + 0.02 × (40 − 40) = 2.00 < 2.10 (the laboratory's limit): low
    r = compute("corrected-calcium", calcium="2.00 mmol/L", albumin="40 g/L", calcium_lln="2.10 mmol/L")
    assert r.category == "below-lower-limit" and r.details["below_lower_limit"] is True
    assert "ionised" in r.explanation["en"] and "离子钙" in r.explanation["zh"]
    # across units: 8.0 mg/dL is below 2.10 mmol/L (= 8.4168 mg/dL)
    assert compute("corrected-calcium", calcium="8.0 mg/dL", albumin="4.0 g/dL",
                   calcium_lln="2.10 mmol/L").category == "below-lower-limit"
    # at the limit is not low; without a limit nothing is called low
    assert compute("corrected-calcium", calcium="2.10 mmol/L", albumin="40 g/L",
                   calcium_lln="2.10 mmol/L").category == "no-crab-hypercalcaemia"
    r = compute("corrected-calcium", calcium="2.00 mmol/L", albumin="40 g/L")
    assert r.category == "no-crab-hypercalcaemia" and r.details["below_lower_limit"] is None


def test_a_calcium_lower_limit_above_the_crab_threshold_is_refused():
    with pytest.raises(InputError) as e:
        compute("corrected-calcium", calcium="2.4 mmol/L", albumin="40 g/L", calcium_lln="2.9 mmol/L")
    assert e.value.field == "calcium_lln" and "upper limit" in str(e.value)


# --- Chinese terms, input help, units -----------------------------------------------------------

def test_imwg_frailty_groups_use_the_chinese_clinical_terms():
    # fit 体能良好, intermediate 中等, frail 衰弱
    assert "体能良好" in compute("imwg-frailty", age=70, charlson=1, adl=6, iadl=8).explanation["zh"]
    assert "中等" in compute("imwg-frailty", age=76, charlson=1, adl=6, iadl=8).explanation["zh"]
    labels = {c.id: c.label["zh"] for c in mmguide.calculator("imwg-frailty").output.categories}
    assert labels == {"fit": "体能良好", "intermediate": "中等", "frail": "衰弱"}
    assert "健壮" not in json.dumps(mmguide.calculator("imwg-frailty").as_dict(), ensure_ascii=False)


def test_r2_iss_names_1q_gain_or_amplification_in_chinese():
    r = compute("r2-iss", beta2m="3.0 mg/L", albumin="4.0 g/dL", ldh_high=False, del17p=False, t_4_14=False,
                gain_1q=True)
    assert "1q 获得/扩增(≥ 3 拷贝)" in r.explanation["zh"]


def test_no_text_in_the_package_calls_onj_a_mandible_only_necrosis():
    # ONJ is 颌骨坏死 (颌骨坏死); 下颌骨坏死 names the mandible only
    package = Path(mmguide.__file__).parent
    for path in sorted(package.rglob("*.py")) + sorted(package.rglob("*.json")):
        assert "下颌骨" not in path.read_text(encoding="utf-8"), path.name


def test_adl_and_iadl_help_says_higher_is_more_independent():
    calc = mmguide.calculator("imwg-frailty")
    for name, top in (("adl", "6"), ("iadl", "8")):
        h = calc.input(name).help
        assert "higher is more independent" in h["en"] and f"{top} = fully independent" in h["en"]
        assert "越独立" in h["zh"]


@pytest.mark.parametrize("unit", ["µg/mL", "ug/mL", "μg/mL", "mcg/mL"])
def test_beta2m_in_micrograms_per_millilitre_equals_milligrams_per_litre(unit):
    # 1 µg/mL = 1 mg/L: 5.5 µg/mL is ISS III (β2M ≥ 5.5 mg/L); 3.4 µg/mL with albumin 3.6 g/dL is ISS I
    assert compute("iss", beta2m=f"5.5 {unit}", albumin="4.2 g/dL").category == "III"
    assert compute("iss", beta2m=f"3.4 {unit}", albumin="3.6 g/dL").category == "I"
