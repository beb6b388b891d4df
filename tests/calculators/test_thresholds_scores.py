"""CKD-EPI 2021 below the spline knot, R2-ISS groups as published, and the IMWG frailty score's
survival figures and scale ranges.

Expected values: Inker 2021's equation (fact sheet §8; the value below the knot worked by hand from
the published coefficients, independently of the package), D'Agostino 2022's group table (§5),
Palumbo 2015's three-year survival (§6) and the ADL (0–6) and IADL (0–8) scales' own ranges.
"""

import pytest

import mmguide
from mmguide import InputError, compute

EGFR, R2, FRAIL = "egfr-ckd-epi-2021", "r2-iss", "imwg-frailty"


@pytest.mark.parametrize("age, scr, sex, expected", [
    # below κ the min() term carries α: 142 × (0.5/0.7)^−0.241 × 0.9938^40 × 1.012
    (40, "0.5 mg/dL", "female", 121.5193),
    # 142 × (0.6/0.9)^−0.302 × 0.9938^60
    (60, "0.6 mg/dL", "male", 110.5115),
])
def test_ckd_epi_2021_below_the_knot_uses_alpha(age, scr, sex, expected):
    r = compute(EGFR, age=age, creatinine=scr, sex=sex)
    assert r.value == pytest.approx(expected, abs=5e-4)
    assert r.details["alpha"] == {"female": -0.241, "male": -0.302}[sex]


def test_ckd_epi_2021_formula_shows_the_published_coefficients():
    f = mmguide.calculator(EGFR).formula
    assert r"\mathrm{eGFR} = 142 \times \min(S_{Cr}/\kappa, 1)^{\alpha} \times \max(S_{Cr}/\kappa, 1)^{-1.200}" in f
    assert r"0.9938^{\text{age}} \times 1.012\ [\text{if female}]" in f
    assert r"\alpha = -0.241\ (\text{female}),\ -0.302\ (\text{male})" in f


def test_r2_iss_groups_are_the_published_score_ranges():
    # D'Agostino 2022: I 0; II 0.5–1; III 1.5–2.5; IV 3–5
    bands = {b.category: b.condition["en"] for b in mmguide.calculator(R2).bands}
    assert bands == {"I": "0 points", "II": "0.5–1 points", "III": "1.5–2.5 points", "IV": "3–5 points"}


def test_r2_iss_explanation_names_the_risk_factors_present_or_says_there_are_none():
    kw = dict(beta2m="3.0", albumin="4.0 g/dL", ldh_high=False, t_4_14=False)
    none = compute(R2, del17p=False, gain_1q=False, **kw).explanation
    assert "(ISS I: 0; no other risk factor): group I." in none["en"] and "无其他危险因素" in none["zh"]
    some = compute(R2, del17p=True, gain_1q=True, **kw).explanation
    assert "(ISS I: 0; del(17p), 1q+ (≥ 3 copies)): group III." in some["en"]
    assert "no other risk factor" not in some["en"] and "无其他危险因素" not in some["zh"]


@pytest.mark.parametrize("age, group, percent", [(70, "fit", 84), (76, "intermediate", 76), (81, "frail", 57)])
def test_imwg_frailty_reports_the_published_three_year_survival(age, group, percent):
    # Palumbo 2015: three-year overall survival 84% (fit), 76% (intermediate), 57% (frail)
    r = compute(FRAIL, age=age, charlson=0, adl=6, iadl=8)
    assert r.category == group
    assert f"Three-year overall survival in the derivation cohort was {percent}%." in r.explanation["en"]
    assert f"3 年总生存率为 {percent}%" in r.explanation["zh"]
    meaning = {b.category: b.meaning["en"] for b in mmguide.calculator(FRAIL).bands}[group]
    assert meaning.endswith(f"(3-year OS {percent}%)")


@pytest.mark.parametrize("name, value, ok", [
    ("adl", -1, False), ("adl", 0, True), ("adl", 6, True), ("adl", 7, False),        # Katz ADL 0–6
    ("iadl", -1, False), ("iadl", 0, True), ("iadl", 8, True), ("iadl", 9, False),    # Lawton IADL 0–8
    ("charlson", -1, False), ("charlson", 0, True),
    ("charlson", 37, True), ("charlson", 38, False),  # the record's stated validation limit
])
def test_imwg_frailty_scales_are_refused_outside_their_ranges(name, value, ok):
    kw = dict(age=70, charlson=0, adl=6, iadl=8)
    kw[name] = value
    if ok:
        compute(FRAIL, **kw)
    else:
        with pytest.raises(InputError) as e:
            compute(FRAIL, **kw)
        assert e.value.field == name
