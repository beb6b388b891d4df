"""Published thresholds of the diagnostic, staging, frailty and calcium rules, at both sides of each edge
and in every unit the calculator accepts (fact sheet §4–§8 and the §11 vectors; Rajkumar 2014, Greipp
2005, Palumbo 2015, D'Agostino 2022, Facon 2020, the Zometa label's corrected-calcium formula).

Only the published cut-offs are pinned here, not the wording of results.
"""

from fractions import Fraction

import pytest

from mmguide import compute

MDE = "myeloma-defining-events"


def events(**kw):
    return set(compute(MDE, **kw).value)


@pytest.mark.parametrize("kw, event, present", [
    # C: calcium > 2.75 mmol/L (> 11 mg/dL), strict; or > 0.25 mmol/L (> 1 mg/dL) above the ULN
    (dict(calcium="2.76 mmol/L"), "hypercalcaemia", True), (dict(calcium="2.75 mmol/L"), "hypercalcaemia", False),
    (dict(calcium="11.1 mg/dL"), "hypercalcaemia", True), (dict(calcium="11.0 mg/dL"), "hypercalcaemia", False),
    # 11 mg/dL is 2.7445 mmol/L: each threshold in the unit measured (fact sheet §4 unit trap)
    (dict(calcium="2.7445 mmol/L"), "hypercalcaemia", False),
    (dict(calcium="2.66 mmol/L", calcium_uln="2.4 mmol/L"), "hypercalcaemia", True),
    (dict(calcium="2.65 mmol/L", calcium_uln="2.4 mmol/L"), "hypercalcaemia", False),
    (dict(calcium="10.7 mg/dL", calcium_uln="9.6 mg/dL"), "hypercalcaemia", True),
    (dict(calcium="10.6 mg/dL", calcium_uln="9.6 mg/dL"), "hypercalcaemia", False),
    # R: CrCl < 40 mL/min (strict); creatinine > 177 µmol/L (> 2 mg/dL), strict
    (dict(crcl="39.99 mL/min"), "renal", True), (dict(crcl="40 mL/min"), "renal", False),
    (dict(crcl="39 mL/min/1.73 m²"), "renal", True), (dict(crcl="40 mL/min/1.73 m²"), "renal", False),
    (dict(creatinine="2.01 mg/dL"), "renal", True), (dict(creatinine="2.0 mg/dL"), "renal", False),
    (dict(creatinine="178 µmol/L"), "renal", True), (dict(creatinine="177 µmol/L"), "renal", False),
    (dict(creatinine="176.8 µmol/L"), "renal", False),
    # A: Hb < 100 g/L (< 10 g/dL), strict; or > 20 g/L (> 2 g/dL) below the LLN
    (dict(hemoglobin="99 g/L"), "anaemia", True), (dict(hemoglobin="100 g/L"), "anaemia", False),
    (dict(hemoglobin="9.9 g/dL"), "anaemia", True), (dict(hemoglobin="10 g/dL"), "anaemia", False),
    (dict(hemoglobin="109 g/L", hemoglobin_lln="130 g/L"), "anaemia", True),
    (dict(hemoglobin="110 g/L", hemoglobin_lln="130 g/L"), "anaemia", False),
    (dict(hemoglobin="10.9 g/dL", hemoglobin_lln="13 g/dL"), "anaemia", True),
    (dict(hemoglobin="11 g/dL", hemoglobin_lln="13 g/dL"), "anaemia", False),
    # B: ≥ 1 osteolytic lesion
    (dict(lytic_lesions=1), "bone", True), (dict(lytic_lesions=0), "bone", False),
    # S: clonal marrow plasma cells ≥ 60%
    (dict(bm_plasma_cells=60), "plasma-cells-60", True), (dict(bm_plasma_cells="59.9"), "plasma-cells-60", False),
    # Li: involved:uninvolved ratio ≥ 100 AND involved FLC ≥ 100 mg/L (10 mg/dL)
    (dict(flc_ratio=100, involved_flc="100 mg/L"), "flc-ratio-100", True),
    (dict(flc_ratio=100, involved_flc="99 mg/L"), "flc-ratio-100", False),
    (dict(flc_ratio="99.9", involved_flc="500 mg/L"), "flc-ratio-100", False),
    (dict(flc_ratio=100, involved_flc="10 mg/dL"), "flc-ratio-100", True),
    (dict(flc_ratio=100, involved_flc="9.9 mg/dL"), "flc-ratio-100", False),
    # M: > 1 focal lesion on MRI
    (dict(mri_focal_lesions=2), "mri-focal-lesions", True), (dict(mri_focal_lesions=1), "mri-focal-lesions", False),
])
def test_myeloma_defining_events_at_both_sides_of_each_published_edge(kw, event, present):
    assert (event in events(**kw)) is present


@pytest.mark.parametrize("beta2m, albumin, stage", [
    # ISS (Greipp 2005): I β2M < 3.5 mg/L and albumin ≥ 3.5 g/dL; III β2M ≥ 5.5 mg/L
    ("3.4", "3.6 g/dL", "I"), ("3.0", "3.5 g/dL", "I"), ("3.4", "3.4 g/dL", "II"), ("3.5", "4.0 g/dL", "II"),
    ("3.49", "3.5 g/dL", "I"), ("5.4", "2.8 g/dL", "II"), ("5.49", "4.0 g/dL", "II"), ("5.5", "4.2 g/dL", "III"),
    ("3.4", "35 g/L", "I"), ("3.4", "34.9 g/L", "II"), ("5.5 mg/L", "40 g/L", "III"), ("3.4 µg/mL", "35 g/L", "I"),
])
def test_iss_stage_at_both_sides_of_each_edge(beta2m, albumin, stage):
    assert compute("iss", beta2m=beta2m, albumin=albumin).category == stage


@pytest.mark.parametrize("b2m, alb, hr, ldh, stage", [
    # R-ISS (Palumbo 2015), fact sheet §11G
    ("3.0", "4.0", False, False, "I"), ("3.0", "4.0", False, True, "II"), ("6.0", "3.0", True, False, "III"),
    ("6.0", "3.0", False, True, "III"), ("6.0", "3.0", False, False, "II"), ("4.0", "3.0", True, True, "II"),
])
def test_r_iss_fact_sheet_vectors(b2m, alb, hr, ldh, stage):
    r = compute("r-iss", beta2m=b2m, albumin=f"{alb} g/dL", ldh_high=ldh, del17p=hr, t_4_14=False, t_14_16=False)
    assert r.category == stage


@pytest.mark.parametrize("iss, flags, score, group", [
    # R2-ISS (D'Agostino 2022), fact sheet §11H: ISS II 1, III 1.5, del17p 1, LDH 1, t(4;14) 1, 1q+ 0.5
    ("I", {}, 0, "I"), ("I", {"gain_1q"}, Fraction(1, 2), "II"), ("II", {}, 1, "II"), ("III", {}, Fraction(3, 2), "III"),
    ("II", {"del17p", "gain_1q"}, Fraction(5, 2), "III"), ("III", {"del17p", "ldh_high", "t_4_14", "gain_1q"}, 5, "IV"),
    ("II", {"del17p", "ldh_high"}, 3, "IV"), ("I", {"del17p", "gain_1q"}, Fraction(3, 2), "III"),
    ("III", {"gain_1q"}, 2, "III"), ("I", {"t_4_14"}, 1, "II"),
])
def test_r2_iss_points_and_group_edges(iss, flags, score, group):
    lab = {"I": ("3.0", "4.0 g/dL"), "II": ("4.0", "4.0 g/dL"), "III": ("6.0", "4.0 g/dL")}[iss]
    r = compute("r2-iss", beta2m=lab[0], albumin=lab[1],
                **{f: f in flags for f in ("del17p", "ldh_high", "t_4_14", "gain_1q")})
    assert Fraction(str(r.value)) == score and r.category == group


@pytest.mark.parametrize("age, cci, adl, iadl, score, group", [
    # fact sheet §11I (per-item points [M]; groups [V])
    (75, 1, 5, 6, 0, "fit"), (76, 1, 5, 6, 1, "intermediate"), (70, 2, 5, 6, 1, "intermediate"),
    (70, 1, 4, 6, 1, "intermediate"), (70, 1, 5, 5, 1, "intermediate"), ("75.9", 1, 5, 6, 0, "fit"),
    (80, 1, 5, 6, 1, "intermediate"), (81, 1, 5, 6, 2, "frail"), ("80.9", 1, 5, 6, 1, "intermediate"),
    (70, 2, 4, 5, 3, "frail"), (81, 2, 4, 5, 5, "frail"),
])
def test_imwg_frailty_points_at_both_sides_of_each_edge(age, cci, adl, iadl, score, group):
    r = compute("imwg-frailty", age=age, charlson=cci, adl=adl, iadl=iadl)
    assert (r.value, r.category) == (score, group)


@pytest.mark.parametrize("age, cci, ecog, score, group", [
    # fact sheet §11J
    (75, 1, 1, 1, "non-frail"), (81, 0, 0, 2, "frail"), (70, 2, 0, 1, "non-frail"), (70, 0, 2, 2, "frail"),
    (76, 0, 0, 1, "non-frail"), (76, 2, 0, 2, "frail"), (70, 1, 0, 0, "non-frail"), (70, 0, 4, 2, "frail"),
    (70, 0, 1, 1, "non-frail"), (80, 1, 1, 2, "frail"),
])
def test_simplified_frailty_points_at_both_sides_of_each_edge(age, cci, ecog, score, group):
    r = compute("simplified-frailty", age=age, charlson=cci, ecog=ecog)
    assert (r.value, r.category) == (score, group)


@pytest.mark.parametrize("calcium, albumin, corrected", [
    # fact sheet §11D: cCa = Ca + 0.8 × (4.0 − alb g/dL); SI: Ca + 0.02 × (40 − alb g/L)
    ("10.0 mg/dL", "2.5 g/dL", "11.2"), ("10.2 mg/dL", "3.0 g/dL", "11.0"), ("11.2 mg/dL", "3.0 g/dL", "12.0"),
    ("9.0 mg/dL", "4.0 g/dL", "9.0"), ("2.50 mmol/L", "25 g/L", "2.8"), ("2.55 mmol/L", "30 g/L", "2.75"),
    ("9.0 mg/dL", "5.0 g/dL", "8.2"), ("2.2 mmol/L", "45 g/L", "2.1"),
])
def test_corrected_calcium_formula_in_both_unit_systems(calcium, albumin, corrected):
    r = compute("corrected-calcium", calcium=calcium, albumin=albumin)
    assert Fraction(str(r.value)) == Fraction(corrected)


@pytest.mark.parametrize("crcl, agent, za_mg, severe", [
    # severe renal impairment is CrCl < 30 (strict): exactly 30 still takes zoledronic acid 3.0 mg
    ("30", "zoledronic-acid", 3, False), ("30.01", "zoledronic-acid", 3, False), ("29.99", None, None, True),
    ("40", "zoledronic-acid", Fraction("3.3"), False), ("60", "zoledronic-acid", Fraction("3.5"), False),
    ("60.01", "zoledronic-acid", 4, False),
])
def test_bone_protection_plan_clearance_30_is_not_severe_renal_impairment(crcl, agent, za_mg, severe):
    r = compute("bone-protection-plan", active_mm=True, crcl=f"{crcl} mL/min")
    d = r.details
    assert d["severe_renal_impairment"] is severe
    if agent is None:
        assert d["favoured"] != "zoledronic-acid" and d["zoledronic_acid_dose_mg"] is None
        # no zoledronic acid, so no creatinine check before each of its doses
        assert "monitor-creatinine" not in [a["id"] for a in r.actions]
    else:
        assert d["favoured"] == agent and Fraction(str(d["zoledronic_acid_dose_mg"])) == za_mg
        assert "BP-4" in r.recommendations and "zometa_label" in r.references
        assert "monitor-creatinine" in [a["id"] for a in r.actions]


def test_bone_protection_plan_keeps_its_recommendations_and_references():
    r = compute("bone-protection-plan", active_mm=True, crcl="45 mL/min")
    for rec in ("BP-1", "BP-3", "BP-4", "BP-6"):
        assert rec in r.recommendations
    for key in ("zometa_label", "terpos2021bone"):
        assert key in r.references


# --- survival figures each stage reports (fact sheet §5), and the ECOG scale's range ------------

@pytest.mark.parametrize("beta2m, albumin, stage, months", [
    # Greipp 2005: median overall survival 62, 44 and 29 months for ISS I, II and III
    ("3.4", "3.6 g/dL", "I", 62), ("3.4", "3.4 g/dL", "II", 44), ("5.5", "4.2 g/dL", "III", 29),
])
def test_iss_reports_the_published_median_survival_of_its_stage(beta2m, albumin, stage, months):
    r = compute("iss", beta2m=beta2m, albumin=albumin)
    assert r.category == stage and r.details["median_os_months"] == months
    assert f"Median overall survival in the derivation cohort was {months} months." in r.explanation["en"]
    assert f"中位总生存期为 {months} 个月" in r.explanation["zh"]


def test_iss_bands_show_the_published_median_survival():
    import mmguide
    shown = {b.category: b.meaning["en"] for b in mmguide.calculator("iss").bands}
    assert shown == {"I": "Stage I (median OS 62 months)", "II": "Stage II (median OS 44 months)",
                     "III": "Stage III (median OS 29 months)"}


@pytest.mark.parametrize("b2m, alb, ldh, stage, percent", [
    # Palumbo 2015: five-year overall survival 82%, 62% and 40% for R-ISS I, II and III
    ("3.0", "4.0", False, "I", 82), ("3.0", "4.0", True, "II", 62), ("6.0", "3.0", True, "III", 40),
])
def test_r_iss_reports_the_published_five_year_survival_of_its_stage(b2m, alb, ldh, stage, percent):
    r = compute("r-iss", beta2m=b2m, albumin=f"{alb} g/dL", ldh_high=ldh, del17p=False, t_4_14=False, t_14_16=False)
    assert r.category == stage
    assert f"Five-year overall survival in the derivation cohort was {percent}%." in r.explanation["en"]
    assert f"5 年总生存率为 {percent}%" in r.explanation["zh"]


def test_r_iss_bands_show_the_published_five_year_survival():
    import mmguide
    shown = {b.category: b.meaning["en"] for b in mmguide.calculator("r-iss").bands}
    assert shown == {"I": "Stage I (5-year OS 82%)", "II": "Stage II (5-year OS 62%)", "III": "Stage III (5-year OS 40%)"}


@pytest.mark.parametrize("ecog", [-1, 5])
def test_simplified_frailty_refuses_an_ecog_outside_the_0_to_4_scale(ecog):
    # ECOG performance status runs 0–4; 5 is death, and there is no negative grade
    from mmguide import InputError
    with pytest.raises(InputError) as e:
        compute("simplified-frailty", age=70, charlson=0, ecog=ecog)
    assert e.value.field == "ecog"
