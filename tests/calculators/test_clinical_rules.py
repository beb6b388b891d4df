"""Tests named after the clinical rules. Expected values are from the fact sheet or hand
arithmetic written next to them, never from the package's own output."""

import json
import math

import pytest

import mmguide
from mmguide import InputError, compute


def cg(creatinine, age=80, weight="72 kg", sex="male"):
    return compute("crcl-cockcroft-gault", age=age, weight=weight, creatinine=creatinine, sex=sex)


def za(crcl):
    return compute("zoledronic-acid-dose", crcl=_ml_min(crcl))

def _ml_min(crcl):
    """A clearance typed as a reader types it, with its unit (a bare number is asked about: HZ-47)."""
    return f"{crcl} mL/min" if isinstance(crcl, str) and crcl[-1:] in "0123456789" and crcl[-1:] != "" else crcl



def renal(baseline, current, withheld=False):
    return compute("zoledronic-acid-renal-check", baseline_creatinine=baseline, current_creatinine=current,
                   withheld=withheld)


def mde(**kw):
    return compute("myeloma-defining-events", **kw)


# --- Cockcroft-Gault and zoledronic acid dose -------------------------------------------------

def test_crcl_of_a_man_of_80_kg_72_creatinine_1_is_exactly_60():
    # (140 − 80) × 72 / (72 × 1.0) = 60
    r = cg("1.0 mg/dL")
    assert r.value == 60.0 and r.details["exact"] == "60"


@pytest.mark.parametrize("scr,crcl", [("1.2 mg/dL", 50), ("1.5 mg/dL", 40), ("2.0 mg/dL", 30),
                                       ("106.08 µmol/L", 50), ("132.6 µmol/L", 40), ("176.8 µmol/L", 30)])
def test_clearance_band_edges_stay_exact(scr, crcl):
    # 60 × 72 / (72 × SCr): 60/1.2 = 50, 60/1.5 = 40, 60/2 = 30; µmol/L ÷ 88.4 gives the same SCr.
    assert cg(scr).details["exact"] == str(crcl)


def test_female_factor_multiplies_by_0_85_not_divides_by_85():
    # (140 − 60) × 72 / 72 × 0.85 = 68
    assert cg("1.0 mg/dL", age=60, sex="female").value == 68.0


@pytest.mark.parametrize("crcl,dose", [("60.5", 4.0), ("60", 3.5), ("50", 3.5), ("49.5", 3.3), ("40", 3.3),
                                       ("39.9", 3.0), ("30", 3.0)])
def test_zoledronic_acid_dose_at_band_edges(crcl, dose):
    assert za(crcl).value == dose


@pytest.mark.parametrize("crcl", ["29.9", "29.27", "10 mL/min"])
def test_zoledronic_acid_not_recommended_below_30(crcl):
    r = za(crcl)
    assert r.value is None and r.category == "not-recommended"


def test_zoledronic_acid_dose_from_the_cockcroft_gault_chain_at_40_is_3_3_mg():
    # M, 80 y, 72 kg, SCr 1.5 → 40.00 mL/min → 3.3 mg (fact sheet §11A)
    assert za(cg("1.5 mg/dL").details["exact"]).value == 3.3


# --- CKD-EPI 2021 ------------------------------------------------------------------------------

def test_ckd_epi_2021_uses_0_9938_not_0_993():
    # Fact sheet §11C: 1.0 mg/dL, 50 y, male → 91.6915; with 0.993 it would be about 89.6.
    assert compute("egfr-ckd-epi-2021", age=50, creatinine="1.0 mg/dL", sex="male").value == pytest.approx(91.6915,
                                                                                                          abs=1e-4)


def test_ckd_epi_2021_is_not_accepted_by_the_zoledronic_acid_dose_table():
    with pytest.raises(InputError, match="not a creatinine clearance"):
        za("91.7 mL/min/1.73 m²")


# --- corrected calcium -------------------------------------------------------------------------

def test_corrected_calcium_exactly_11_mg_dl_is_not_crab_hypercalcaemia():
    # 10.2 + 0.8 × (4.0 − 3.0) = 11.0, not > 11
    r = compute("corrected-calcium", calcium="10.2 mg/dL", albumin="3.0 g/dL")
    assert r.details["exact"] == "11" and r.category == "no-crab-hypercalcaemia"


def test_corrected_calcium_exactly_2_75_mmol_is_not_crab_hypercalcaemia():
    # 2.55 + 0.02 × (40 − 30) = 2.75, not > 2.75
    r = compute("corrected-calcium", calcium="2.55 mmol/L", albumin="30 g/L")
    assert r.details["exact"] == "11/4" and r.category == "no-crab-hypercalcaemia"


def test_corrected_calcium_of_12_mg_dl_meets_the_zometa_definition():
    # 11.2 + 0.8 × (4.0 − 3.0) = 12.0 ≥ 12
    assert compute("corrected-calcium", calcium="11.2 mg/dL", albumin="3.0 g/dL").category == \
        "hypercalcaemia-of-malignancy"


def test_corrected_calcium_of_3_0_mmol_meets_the_zometa_definition():
    # 2.8 + 0.02 × (40 − 30) = 3.0 ≥ 3.0
    r = compute("corrected-calcium", calcium="2.8 mmol/L", albumin="30 g/L")
    assert r.details["exact"] == "3" and r.category == "hypercalcaemia-of-malignancy"


def test_corrected_calcium_is_reported_in_the_unit_of_the_calcium():
    assert compute("corrected-calcium", calcium="2.50 mmol/L", albumin="2.5 g/dL").unit == "mmol/L"
    assert compute("corrected-calcium", calcium="10.0 mg/dL", albumin="25 g/L").unit == "mg/dL"


# --- zoledronic acid renal check ---------------------------------------------------------------

def test_creatinine_rise_of_exactly_half_mg_dl_withholds():
    r = renal("1.0 mg/dL", "1.5 mg/dL")
    assert r.category == "withhold" and r.value == 0.5


def test_creatinine_rise_of_0_4_mg_dl_from_normal_baseline_continues():
    assert renal("1.0 mg/dL", "1.4 mg/dL").category == "continue"


def test_baseline_creatinine_of_exactly_1_4_is_abnormal_and_needs_a_rise_of_1_0():
    assert renal("1.4 mg/dL", "2.2 mg/dL").category == "continue"
    assert renal("1.4 mg/dL", "2.4 mg/dL").category == "withhold"
    assert renal("1.4 mg/dL", "2.2 mg/dL").details["baseline_abnormal"] is True


def test_float_noise_cannot_move_the_withhold_edge():
    # 1.13 − 0.63 is 0.49999999999999989 in binary floating point; exactly 0.5 here.
    assert 1.13 - 0.63 < 0.5
    assert renal(0.63, 1.13).category == "withhold"
    assert renal(1.39, 1.89).category == "withhold"


@pytest.mark.parametrize("base,cur,cat", [("1.0", "1.10", "resume"), ("1.0", "1.11", "keep-withholding"),
                                          ("1.2", "1.32", "resume"), ("1.2", "1.33", "keep-withholding")])
def test_resume_zoledronic_acid_only_within_10_percent_of_baseline(base, cur, cat):
    assert renal(f"{base} mg/dL", f"{cur} mg/dL", withheld=True).category == cat


def test_micromolar_baseline_uses_the_micromolar_thresholds():
    # 123.8 µmol/L (1.4 mg/dL) is below 124 µmol/L, so it is a normal baseline in µmol/L: 44 suffices.
    assert renal("123.8 µmol/L", "167.8 µmol/L").category == "withhold"
    assert renal("124 µmol/L", "211 µmol/L").category == "continue"
    assert renal("124 µmol/L", "212 µmol/L").category == "withhold"


def test_current_creatinine_in_another_unit_is_converted_to_the_baselines():
    # 132.6 µmol/L ÷ 88.4 = 1.5 mg/dL exactly; rise 0.5 from 1.0.
    r = renal("1.0 mg/dL", "132.6 µmol/L")
    assert r.category == "withhold" and r.unit == "mg/dL" and r.value == 0.5
    # 1.5 mg/dL × 88.4 = 132.6 µmol/L; rise 44.2 ≥ 44 from 88.4.
    r = renal("88.4 µmol/L", "1.5 mg/dL")
    assert r.category == "withhold" and r.unit == "µmol/L" and r.value == pytest.approx(44.2)


def test_withheld_accepts_yes_and_no_strings():
    assert renal("1.0 mg/dL", "1.05 mg/dL", withheld="yes").category == "resume"
    assert renal("1.0 mg/dL", "1.05 mg/dL", withheld="no").category == "continue"


# --- myeloma-defining events -------------------------------------------------------------------

def test_calcium_exactly_2_75_mmol_is_not_hypercalcaemia():
    assert "hypercalcaemia" not in mde(calcium="2.75 mmol/L").value


def test_calcium_11_mg_dl_is_not_converted_to_mmol_before_comparison():
    # 11 mg/dL = 2.7445 mmol/L: negative in mg/dL (not > 11). 11.01 mg/dL is positive although
    # it is below 2.75 mmol/L (11.01 ÷ 4.008 = 2.747).
    assert mde(calcium="11 mg/dL").value == []
    assert mde(calcium="11.01 mg/dL").value == ["hypercalcaemia"]


def test_calcium_more_than_a_quarter_mmol_above_the_uln_is_hypercalcaemia():
    assert mde(calcium="2.65 mmol/L", calcium_uln="2.40 mmol/L").value == []
    assert mde(calcium="2.66 mmol/L", calcium_uln="2.40 mmol/L").value == ["hypercalcaemia"]
    # mg/dL: more than 1 mg/dL above a 10.2 mg/dL ULN
    assert mde(calcium="10.9 mg/dL", calcium_uln="9.8 mg/dL").value == ["hypercalcaemia"]
    assert mde(calcium="10.8 mg/dL", calcium_uln="9.8 mg/dL").value == []


def test_creatinine_exactly_2_mg_dl_or_177_umol_is_not_renal():
    assert mde(creatinine="2.0 mg/dL").value == []
    assert mde(creatinine="177 µmol/L").value == []
    assert mde(creatinine="2.01 mg/dL").value == ["renal"]


def test_crcl_exactly_40_is_not_renal_and_39_is():
    assert mde(crcl="40 mL/min").value == []
    assert mde(crcl="39.9 mL/min").value == ["renal"]


def test_haemoglobin_exactly_100_g_l_is_not_anaemia():
    assert mde(hemoglobin="100 g/L").value == []
    assert mde(hemoglobin="99 g/L").value == ["anaemia"]


def test_haemoglobin_lln_in_g_dl_is_converted_to_the_value_unit():
    # LLN 13.0 g/dL = 130 g/L; 109 g/L is 21 g/L below it.
    assert mde(hemoglobin="109 g/L", hemoglobin_lln="13.0 g/dL").value == ["anaemia"]
    assert mde(hemoglobin="110 g/L", hemoglobin_lln="13.0 g/dL").value == []


def test_bone_marrow_plasma_cells_60_percent_is_an_event_and_59_is_not():
    assert mde(bm_plasma_cells="60%").value == ["plasma-cells-60"]
    assert mde(bm_plasma_cells=59).value == []


def test_flc_event_needs_both_ratio_and_involved_chain_at_least_100():
    assert mde(flc_ratio=100, involved_flc="100 mg/L").value == ["flc-ratio-100"]
    assert mde(flc_ratio=100, involved_flc="99 mg/L").value == []
    assert mde(flc_ratio=99, involved_flc="500 mg/L").value == []
    assert mde(flc_ratio=150, involved_flc="10 mg/dL").value == ["flc-ratio-100"]  # 10 mg/dL = 100 mg/L


def test_flc_event_with_one_part_missing():
    only_ratio = mde(flc_ratio=150, bm_plasma_cells="20%")
    assert only_ratio.value == [] and "flc-ratio-100" in only_ratio.details["not_assessed"]
    low_ratio = mde(flc_ratio=20)
    assert "flc-ratio-100" not in low_ratio.details["not_assessed"]  # a failing part decides
    assert mde(involved_flc="50 mg/L").details["status"]["flc-ratio-100"] == "not-met"


def test_mri_needs_more_than_one_focal_lesion():
    assert mde(mri_focal_lesions=1).value == []
    assert mde(mri_focal_lesions=2).value == ["mri-focal-lesions"]


def test_events_not_assessed_are_listed():
    r = mde(bm_plasma_cells="30%")
    assert r.category == "no-mde-found"
    assert r.details["not_assessed"] == sorted(
        ["hypercalcaemia", "renal", "anaemia", "bone", "flc-ratio-100", "mri-focal-lesions"])
    assert "Not assessed" in r.explanation["en"]


def test_partly_assessed_events_are_listed():
    r = mde(calcium="2.6 mmol/L", creatinine="1.0 mg/dL", hemoglobin="120 g/L", lytic_lesions=0)
    assert r.value == [] and r.details["partly_assessed"] == ["anaemia", "hypercalcaemia", "renal"]
    assert "part of the criterion" in r.explanation["en"]


def test_all_crab_events_together_are_sorted():
    r = mde(calcium="2.8 mmol/L", creatinine="2.5 mg/dL", hemoglobin="95 g/L", lytic_lesions=3)
    assert r.value == ["anaemia", "bone", "hypercalcaemia", "renal"] and r.category == "mde-present"
    json.dumps(r.as_dict(), ensure_ascii=False)
    assert r.as_dict()["value"] == ["anaemia", "bone", "hypercalcaemia", "renal"]


# --- staging -----------------------------------------------------------------------------------

@pytest.mark.parametrize("b2m,alb,stage", [("3.4", "3.6 g/dL", "I"), ("3.0", "3.5 g/dL", "I"), ("3.4", "3.4 g/dL", "II"),
                                           ("5.4", "2.8 g/dL", "II"), ("5.5", "4.2 g/dL", "III"),
                                           ("3.5", "4.0 g/dL", "II"), ("3.0", "35 g/L", "I"), ("3.0", "34.9 g/L", "II")])
def test_iss_stage_at_its_edges(b2m, alb, stage):
    assert compute("iss", beta2m=f"{b2m} mg/L", albumin=alb).category == stage


def test_r_iss_stage_iii_needs_iss_iii_and_high_risk_or_ldh():
    base = dict(beta2m="6 mg/L", albumin="3.0 g/dL", del17p=False, t_4_14=False, t_14_16=False)
    assert compute("r-iss", ldh_high=False, **base).category == "II"
    assert compute("r-iss", ldh_high=True, **base).category == "III"
    assert compute("r-iss", **{**base, "t_14_16": True}, ldh_high=False).category == "III"


def test_r2_iss_does_not_count_t_14_16_and_groups_by_half_points():
    # ISS II (1) + t(4;14) (1) = 2 → III; 1q+ alone with ISS I = 0.5 → II
    r = compute("r2-iss", beta2m="4 mg/L", albumin="3.0 g/dL", ldh_high=False, del17p=False, t_4_14=True,
                gain_1q=False)
    assert (r.value, r.category) == (2.0, "III")
    assert "t_14_16" not in {i.name for i in mmguide.calculator("r2-iss").inputs}


# --- frailty -----------------------------------------------------------------------------------

def test_imwg_frailty_age_is_taken_in_completed_years():
    assert compute("imwg-frailty", age="75.9", charlson=0, adl=6, iadl=8).value == 0
    assert compute("imwg-frailty", age="80.9", charlson=0, adl=6, iadl=8).value == 1
    assert compute("imwg-frailty", age=81, charlson=0, adl=6, iadl=8).value == 2


def test_imwg_frailty_two_points_is_frail():
    assert compute("imwg-frailty", age=76, charlson=2, adl=6, iadl=8).category == "frail"


def test_imwg_frailty_record_flags_item_points_as_unverified():
    assert any("[M]" in d["en"] for d in mmguide.calculator("imwg-frailty").decisions)


def test_simplified_frailty_ecog_2_or_more_scores_2():
    assert compute("simplified-frailty", age=70, charlson=0, ecog=4).value == 2
    assert compute("simplified-frailty", age=70, charlson=0, ecog=1).category == "non-frail"


# --- response ----------------------------------------------------------------------------------

def resp(cs, cu, bs="4.0 g/dL", bu="1000 mg/24 h", **kw):
    return compute("imwg-response", baseline_serum_m=bs, current_serum_m=cs, baseline_urine_m=bu,
                   current_urine_m=cu, **kw)


def test_response_vectors_from_the_fact_sheet():
    assert resp("0.3 g/dL", "80 mg/24 h").category == "VGPR"
    assert resp("2.0 g/dL", "150 mg/24 h").category == "PR"
    assert resp("2.1 g/dL", "400 mg/24 h").category == "MR"
    assert resp("3.2 g/dL", "500 mg/24 h").category == "SD"


def test_progression_needs_25_percent_and_half_a_gram_from_the_nadir():
    assert resp("1.5 g/dL", "100 mg/24 h", nadir_serum_m="1.0 g/dL").category == "PD"
    assert resp("1.4 g/dL", "100 mg/24 h", nadir_serum_m="1.0 g/dL").category != "PD"


def test_progression_from_a_nadir_of_5_g_dl_needs_only_a_rise_of_1_g_dl():
    # Kumar 2016 footnote (fact sheet §7): from a nadir ≥ 5 g/dL a rise ≥ 1 g/dL suffices on its own.
    # nadir 5.0: +0.9 is not PD; 6.0 is +1.0 (only +20%, < 25%): PD; 6.1 is +1.1 (+22%): PD.
    assert resp("5.9 g/dL", "100 mg/24 h", bs="8 g/dL", nadir_serum_m="5.0 g/dL").category != "PD"
    assert resp("6.0 g/dL", "100 mg/24 h", bs="8 g/dL", nadir_serum_m="5.0 g/dL").category == "PD"
    r = resp("6.1 g/dL", "100 mg/24 h", bs="8 g/dL", nadir_serum_m="5.0 g/dL")
    assert r.category == "PD" and r.details["high_nadir_rule"] is True
    assert "1 g/dL" in r.explanation["en"] and "5 g/dL" in r.explanation["en"]
    # below a nadir of 5 the 25% is still needed: 4.9 → 6.0 is +1.1 but +22.4%: not PD
    assert resp("6.0 g/dL", "100 mg/24 h", bs="8 g/dL", nadir_serum_m="4.9 g/dL").category != "PD"


def test_high_nadir_reading_of_progression_is_recorded_in_the_decisions():
    decisions = " ".join(d["en"] for d in mmguide.calculator("imwg-response").decisions)
    assert "5 g/dL or more" in decisions and "1 g/dL" in decisions and "Kumar 2016" in decisions


def test_progression_by_urine_needs_25_percent_and_200_mg():
    # nadir 400 → 600: +200 and +50%: PD; nadir 400 → 599: +199: not PD
    assert resp("1.0 g/dL", "600 mg/24 h", nadir_urine_m="400 mg/24 h").category == "PD"
    assert resp("1.0 g/dL", "599 mg/24 h", nadir_urine_m="400 mg/24 h").category != "PD"


def test_progression_without_a_nadir_is_judged_from_baseline():
    # baseline 4.0 → 5.0: +1.0 and +25%: PD (the true nadir can only be lower)
    r = resp("5.0 g/dL", "1000 mg/24 h")
    assert r.category == "PD" and r.value == -25.0


def test_minimal_response_band_is_25_to_under_50_percent():
    assert resp("3.0 g/dL", "500 mg/24 h").category == "MR"  # 25% and 50%
    assert resp("3.01 g/dL", "500 mg/24 h").category == "SD"  # 24.75%
    assert resp("3.0 g/dL", "501 mg/24 h").category == "SD"  # urine 49.9%


def test_serum_half_but_urine_failing_pr_is_mr_or_sd():
    assert resp("1.0 g/dL", "400 mg/24 h").category == "MR"
    assert resp("1.0 g/dL", "800 mg/24 h").category == "SD"


def test_complete_response_needs_immunofixation_and_marrow():
    r = resp("0 g/dL", "0 mg/24 h")
    assert r.category == "not-evaluable" and r.details["at_least"] == "VGPR"
    assert "immunofixation" in r.explanation["en"]
    r = resp("0 g/dL", "0 mg/24 h", immunofixation_negative=True)
    assert r.category == "not-evaluable" and "bone-marrow plasma cells" in r.explanation["en"]
    r = resp("0 g/dL", "0 mg/24 h", immunofixation_negative=True, bm_plasma_cells="4.9%")
    assert r.category == "not-evaluable" and "plasmacytoma" in r.explanation["en"]
    ok = dict(immunofixation_negative=True, bm_plasma_cells="4.9%", soft_tissue_plasmacytoma=False)
    r = resp("0 g/dL", "0 mg/24 h", **ok)
    assert r.category == "CR" and "Stringent CR was not assessed" in r.explanation["en"]
    assert resp("0 g/dL", "0 mg/24 h", **ok, flc_ratio_normal=False, marrow_clonal_cells_absent=True).category == "CR"
    assert resp("0 g/dL", "0 mg/24 h", **ok, flc_ratio_normal=True, marrow_clonal_cells_absent=True).category == "sCR"


def test_immunofixation_positive_with_no_electrophoretic_m_protein_is_vgpr():
    assert resp("0 g/dL", "0 mg/24 h", immunofixation_negative=False).category == "VGPR"


def test_marrow_at_5_percent_or_plasmacytoma_blocks_cr():
    neg = dict(immunofixation_negative=True, soft_tissue_plasmacytoma=False)
    r = resp("0 g/dL", "0 mg/24 h", bm_plasma_cells="5%", **neg)
    assert r.category == "VGPR" and "not met" in r.explanation["en"]
    r = resp("0 g/dL", "0 mg/24 h", bm_plasma_cells="2%", immunofixation_negative=True,
             soft_tissue_plasmacytoma=True)
    assert r.category == "VGPR"


def test_no_m_protein_at_baseline_is_not_evaluable():
    r = resp("0 g/dL", "0 mg/24 h", bs="0 g/dL", bu="0 mg/24 h")
    assert r.category == "not-evaluable" and r.value is None


def test_urine_only_disease_is_judged_on_urine():
    # baseline urine 2000 → 150 (92.5% down, < 200): PR at least; < 100 → VGPR
    assert resp("0 g/dL", "150 mg/24 h", bs="0 g/dL", bu="2000 mg/24 h").category == "PR"
    assert resp("0 g/dL", "90 mg/24 h", bs="0 g/dL", bu="2000 mg/24 h").category == "VGPR"
    assert resp("0 g/dL", "900 mg/24 h", bs="0 g/dL", bu="2000 mg/24 h").category == "MR"  # 55% down
    # only what was measurable at baseline is followed (Kumar 2016, fact sheet §7, §12D): a serum M-protein that
    # appears below the progression rise (≥ 0.5 g/dL absolute) does not undo the urine response; one that
    # rises by 0.5 g/dL is progression
    assert resp("0.3 g/dL", "900 mg/24 h", bs="0 g/dL", bu="2000 mg/24 h").category == "MR"
    assert resp("0.5 g/dL", "900 mg/24 h", bs="0 g/dL", bu="2000 mg/24 h").category == "PD"


def test_serum_only_disease_uses_the_current_urine_value():
    assert resp("1.0 g/dL", "0 mg/24 h", bu="0 mg/24 h").category == "PR"  # 75%, urine < 200


def test_response_accepts_g_per_litre_and_grams_per_day():
    # 40 g/L = 4.0 g/dL; 0.15 g/24 h = 150 mg/24 h → the PR vector
    assert resp("20 g/L", "0.15 g/24 h", bs="40 g/L", bu="1 g/24 h").category == "PR"


def test_every_explanation_is_bilingual():
    for calc in mmguide.calculators():
        for row in calc.examples:
            r = compute(calc.id, **row["inputs"])
            assert r.explanation["en"] and r.explanation["zh"]
            assert all(math.isfinite(v) for v in [r.value] if isinstance(v, float))
