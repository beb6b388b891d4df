"""Zoledronic acid: every published threshold at both sides of its edge, in every unit it is reached in.

Expected values are the label's (fact sheet §2 and §11A/B: the Zometa US label, the EU SmPC, the
trial wording quoted in the pamidronate label), never the code's output. Half-open bands and the
"≥" reading of "an increase of 0.5" are the fact sheet's [DECISION]s.
"""

from fractions import Fraction

import pytest

import mmguide
from mmguide import InputError, compute
from mmguide.presentation import view

ZA, CHECK, CG = "zoledronic-acid-dose", "zoledronic-acid-renal-check", "crcl-cockcroft-gault"
KG_PER_LB = Fraction("0.45359237")  # the international avoirdupois pound (definition)


def dose(crcl):
    return compute(ZA, crcl=_ml_min(crcl))

def _ml_min(crcl):
    """A clearance typed as a reader types it, with its unit (a bare number is asked about: HZ-47)."""
    return f"{crcl} mL/min" if isinstance(crcl, str) and crcl[-1:] in "0123456789" and crcl[-1:] != "" else crcl



# --- the dose table (label: >60 4.0; 50–60 3.5; 40–49 3.3; 30–39 3.0; <30 not recommended) -----

@pytest.mark.parametrize("crcl, mg", [
    ("60.01", 4.0), ("60.5", 4.0), ("60", 3.5),          # > 60 is full dose; exactly 60 is 3.5 mg
    ("50", 3.5), ("49.99", 3.3), ("49.5", 3.3),          # [50, 60] 3.5; the 49–50 gap goes down
    ("40", 3.3), ("39.99", 3.0), ("39.9", 3.0),          # [40, 50) 3.3
    ("30", 3.0), ("30.01", 3.0),                          # [30, 40) 3.0
    ("250", 4.0), ("1 mL/min", None), ("29.99", None), ("29.9", None),
])
def test_zoledronic_acid_dose_at_band_edges(crcl, mg):
    r = dose(crcl)
    if mg is None:
        assert r.value is None and r.category == "not-recommended"
    else:
        assert r.value == mg
        assert r.category == ("full-dose" if mg == 4.0 else "reduced-dose")


@pytest.mark.parametrize("crcl, band", [("60.0000001", "4.0"), ("59.9999999", "3.5"), ("29.9999999", None)])
def test_zoledronic_acid_dose_is_decided_on_the_exact_clearance_not_a_rounded_one(crcl, band):
    r = dose(crcl)
    assert (None if r.value is None else f"{r.value:.1f}") == band


def test_zoledronic_acid_dose_explanation_agrees_with_the_category():
    for crcl in ("1 mL/min", "29.99", "30", "39.99", "40", "49.99", "50", "60", "60.01", "250"):
        r = dose(crcl)
        en, zh = r.explanation["en"], r.explanation["zh"]
        if r.category == "not-recommended":
            assert "not recommended" in en and "不推荐" in zh and "mg IV" not in en
        else:
            assert f"zoledronic acid {r.value:g} mg IV" in en and f"唑来膦酸 {r.value:g} mg" in zh
            assert ("reduced dose" in en) == (r.category == "reduced-dose")


def test_zoledronic_acid_dose_shown_clearance_never_crosses_a_band_edge():
    # 29.999 mL/min is below 30: it must not be shown as "30.00 … below 30"
    assert "29.99 mL/min is below 30" in dose("29.999").explanation["en"]
    assert "Creatinine clearance 60.01 mL/min" in dose("60.001").explanation["en"]


# --- Cockcroft–Gault in every accepted unit (pounds, µmol/L), composed with the dose ----------

def test_cockcroft_gault_in_pounds_uses_the_exact_pound():
    # 160 lb = 72.5747792 kg; male, 80 years, 1.0 mg/dL: 60 × 72.5747792 / 72 = 60.4790 mL/min → 4.0 mg
    expected = (140 - 80) * 160 * KG_PER_LB / (72 * 1)
    r = compute(CG, age=80, weight="160 lb", creatinine="1.0 mg/dL", sex="male")
    assert r.value == pytest.approx(float(expected), abs=1e-9)
    assert round(r.value, 2) == 60.48
    assert dose(Fraction(r.details["exact"])).value == 4.0
    # a pound 10% light would give 54.43 mL/min and 3.5 mg
    assert compute(CG, age=80, weight="158.7 lb", creatinine="1.0 mg/dL", sex="male").value < 60


def test_cockcroft_gault_pounds_and_kilograms_agree_exactly():
    kg = compute(CG, age=70, weight=f"{float(100 * KG_PER_LB)} kg", creatinine="1.5 mg/dL", sex="female")
    lb = compute(CG, age=70, weight="100 lbs", creatinine="1.5 mg/dL", sex="female")
    assert lb.value == pytest.approx(kg.value, rel=1e-12)
    # (140 − 70) × 45.359237 / (72 × 1.5) × 0.85
    assert lb.value == pytest.approx(float(70 * 100 * KG_PER_LB / Fraction(108) * Fraction("0.85")), abs=1e-9)


@pytest.mark.parametrize("creatinine, crcl, mg", [
    # fact sheet §11A: male, 80 years, 72 kg
    ("1.0 mg/dL", 60, 3.5), ("1.2 mg/dL", 50, 3.5), ("1.5 mg/dL", 40, 3.3), ("2.0 mg/dL", 30, 3.0),
    # the same creatinines in µmol/L (× 88.4): the edges stay exact
    ("88.4 µmol/L", 60, 3.5), ("106.08 µmol/L", 50, 3.5), ("132.6 µmol/L", 40, 3.3), ("176.8 µmol/L", 30, 3.0),
])
def test_cockcroft_gault_band_edges_stay_exact_in_both_creatinine_units(creatinine, crcl, mg):
    r = compute(CG, age=80, weight="72 kg", creatinine=creatinine, sex="male")
    assert Fraction(r.details["exact"]) == crcl
    assert dose(Fraction(r.details["exact"])).value == mg


def test_cockcroft_gault_female_factor_is_times_0_85_not_divided_by_85():
    # fact sheet §11A: F, 60, 72 kg, 1.0 mg/dL → 68.00
    assert compute(CG, age=60, weight="72 kg", creatinine="1.0 mg/dL", sex="female").value == 68.0
    assert compute(CG, age=60, weight="72 kg", creatinine="1.0 mg/dL", sex="male").value == 80.0


def test_cockcroft_gault_29_27_is_not_recommended():
    r = compute(CG, age=80, weight="72 kg", creatinine="2.05 mg/dL", sex="male")
    assert round(r.value, 2) == 29.27 and dose(Fraction(r.details["exact"])).category == "not-recommended"


# --- renal deterioration (label §2; fact sheet §11B) --------------------------------------------

def check(base, cur, withheld=False):
    return compute(CHECK, baseline_creatinine=base, current_creatinine=cur, withheld=withheld)


@pytest.mark.parametrize("base, cur, category", [
    # normal baseline (< 1.4 mg/dL): a rise of ≥ 0.5 mg/dL withholds
    ("1.0 mg/dL", "1.5 mg/dL", "withhold"), ("1.0 mg/dL", "1.49 mg/dL", "continue"),
    ("1.0 mg/dL", "1.4 mg/dL", "continue"), ("1.39 mg/dL", "1.89 mg/dL", "withhold"),
    ("1.39 mg/dL", "1.88 mg/dL", "continue"),
    # abnormal baseline (≥ 1.4 mg/dL, exactly 1.4 included): a rise of ≥ 1.0 mg/dL withholds
    ("1.4 mg/dL", "2.2 mg/dL", "continue"), ("1.4 mg/dL", "2.4 mg/dL", "withhold"),
    ("1.4 mg/dL", "2.39 mg/dL", "continue"), ("1.4 mg/dL", "1.9 mg/dL", "continue"),
    ("2.0 mg/dL", "3.0 mg/dL", "withhold"), ("2.0 mg/dL", "2.99 mg/dL", "continue"),
    # EU SmPC in µmol/L: normal < 124; rise 44 (normal) or 88 (abnormal)
    ("100 µmol/L", "144 µmol/L", "withhold"), ("100 µmol/L", "143 µmol/L", "continue"),
    ("123 µmol/L", "167 µmol/L", "withhold"), ("123 µmol/L", "166.9 µmol/L", "continue"),
    ("124 µmol/L", "212 µmol/L", "withhold"), ("124 µmol/L", "211 µmol/L", "continue"),
    ("124 µmol/L", "168 µmol/L", "continue"),
    # a current value in the other unit is converted exactly to the baseline's (× 88.4)
    ("1.0 mg/dL", "132.6 µmol/L", "withhold"),   # 1.5 mg/dL
    ("1.0 mg/dL", "131.7 µmol/L", "continue"),   # 1.4898… mg/dL
    ("100 µmol/L", "1.63 mg/dL", "withhold"),    # 144.092 µmol/L
    ("100 µmol/L", "1.62 mg/dL", "continue"),    # 143.208 µmol/L
])
def test_zoledronic_acid_withheld_for_renal_deterioration_at_both_sides_of_each_edge(base, cur, category):
    assert check(base, cur).category == category


@pytest.mark.parametrize("base, cur, category", [
    # resume only within 10% of baseline: current ≤ baseline × 1.10
    ("1.0 mg/dL", "1.10 mg/dL", "resume"), ("1.0 mg/dL", "1.11 mg/dL", "keep-withholding"),
    ("1.0 mg/dL", "1.1001 mg/dL", "keep-withholding"),
    ("1.2 mg/dL", "1.32 mg/dL", "resume"), ("1.2 mg/dL", "1.33 mg/dL", "keep-withholding"),
    ("100 µmol/L", "110 µmol/L", "resume"), ("100 µmol/L", "110.1 µmol/L", "keep-withholding"),
    ("1.0 mg/dL", "0.8 mg/dL", "resume"),
])
def test_zoledronic_acid_resumes_only_within_10_percent_of_baseline(base, cur, category):
    assert check(base, cur, withheld=True).category == category


def test_renal_check_explanation_agrees_with_its_category_in_every_case():
    cases = [(b, c, w) for b in ("1.0 mg/dL", "1.4 mg/dL", "100 µmol/L", "124 µmol/L")
             for c in ("0.9 mg/dL", "1.1 mg/dL", "1.5 mg/dL", "2.5 mg/dL", "110 µmol/L", "300 µmol/L")
             for w in (False, True)]
    seen = set()
    for b, c, w in cases:
        r = check(b, c, w)
        en, zh = r.explanation["en"], r.explanation["zh"]
        seen.add(r.category)
        if r.category == "withhold":
            assert "Withhold zoledronic acid" in en and "暂停唑来膦酸" in zh
            assert "continue" not in en.lower() and "继续给药" not in zh
        elif r.category == "continue":
            assert "No renal deterioration: continue." in en and "无肾功能恶化:继续给药。" in zh
            assert "withhold" not in en.lower() and "暂停" not in zh
        elif r.category == "resume":
            assert "may be resumed" in en and "恢复唑来膦酸" in zh
            assert "keep withholding" not in en.lower() and "继续暂停" not in zh
        else:
            assert r.category == "keep-withholding"
            assert "keep withholding" in en and "继续暂停" in zh and "may be resumed" not in en
    assert seen == {"withhold", "continue", "resume", "keep-withholding"}


def test_renal_check_states_the_10_percent_and_the_limit_it_applied():
    r = check("1.2 mg/dL", "1.33 mg/dL", withheld=True)
    en, zh = r.explanation["en"], r.explanation["zh"]
    # 1.2 × 1.10 = 1.32 (label: within 10% of baseline)
    assert "10%" in en and "10%" in zh
    assert "(limit 1.320 mg/dL)" in en and "(上限 1.320 mg/dL)" in zh
    assert "more than 10% above the baseline 1.20 mg/dL" in en
    assert r.details["resume_limit"] == pytest.approx(1.32)


@pytest.mark.parametrize("cur, ok, shown", [
    ("1.3574 mg/dL", True, "1.3574"),  # exactly the limit: resumes, and reads as the limit
    ("1.3573 mg/dL", True, "1.35"),  # below it: cut down, never shown above the limit
    ("1.3575 mg/dL", False, "1.36"),  # above it: rounded up, never shown at or below it
])
def test_renal_check_writes_a_limit_three_decimals_cannot_write_exactly(cur, ok, shown):
    # 1.234 × 1.10 = 1.3574 (label: within 10% of baseline); "1.357" would put a creatinine on the limit above it
    r = check("1.234 mg/dL", cur, withheld=True)
    en, zh = r.explanation["en"], r.explanation["zh"]
    assert r.category == ("resume" if ok else "keep-withholding")
    assert "(limit 1.3574 mg/dL)" in en and "(上限 1.3574 mg/dL)" in zh
    assert en.startswith(f"Current creatinine {shown} mg/dL is {'within' if ok else 'more than'} 10%")
    r = check("1.2 mg/dL", "1.32 mg/dL", withheld=True)
    assert "within 10% of the baseline" in r.explanation["en"]


def test_renal_check_bands_show_times_1_10_and_within_10_percent():
    import mmguide
    calc = mmguide.calculator(CHECK)
    conds = [b.condition["en"] for b in calc.bands]
    assert "withheld and current ≤ baseline × 1.10 (within 10%)" in conds
    assert "withheld and current > baseline × 1.10" in conds
    assert "baseline < 1.4 mg/dL and rise ≥ 0.5 mg/dL" in conds
    assert "baseline ≥ 1.4 mg/dL and rise ≥ 1.0 mg/dL" in conds
    assert "baseline < 124 µmol/L and rise ≥ 44 µmol/L" in conds
    assert "baseline ≥ 124 µmol/L and rise ≥ 88 µmol/L" in conds
    zh = [b.condition["zh"] for b in calc.bands]
    assert "已暂停且当前值 ≤ 基线 × 1.10(在 10% 以内)" in zh


def test_renal_check_states_the_rise_threshold_it_applied():
    assert "a rise of 0.5 mg/dL or more" in check("1.0 mg/dL", "1.2 mg/dL").explanation["en"]
    assert "a rise of 1.0 mg/dL or more" in check("1.4 mg/dL", "1.6 mg/dL").explanation["en"]
    assert "a rise of 44 µmol/L or more" in check("100 µmol/L", "120 µmol/L").explanation["en"]
    assert "a rise of 88 µmol/L or more" in check("124 µmol/L", "130 µmol/L").explanation["en"]
    assert "from a normal baseline" in check("1.39 mg/dL", "1.4 mg/dL").explanation["en"]
    assert "from an abnormal baseline" in check("1.4 mg/dL", "1.4 mg/dL").explanation["en"]


def test_zoledronic_acid_is_infused_over_no_less_than_15_minutes():
    # label: 4 mg IV over no less than 15 min (fact sheet §2)
    r = dose("45")
    assert "IV over no less than 15 minutes" in r.explanation["en"]
    assert "不少于 15 分钟" in r.explanation["zh"]
    assert r.details["infusion_minutes"] == 15


def test_below_30_the_denosumab_alternative_warns_of_hypocalcaemia_below_30():
    # Xgeva label: hypocalcaemia risk highest with CrCl < 30 mL/min or dialysis (fact sheet §2, §12C)
    en, zh = dose("29").explanation["en"], dose("29").explanation["zh"]
    assert "its risk of hypocalcaemia is highest with CrCl < 30 mL/min or dialysis" in en
    assert "肌酐清除率 < 30 mL/min 或透析时其低钙血症风险最高" in zh


def test_renal_check_decisions_state_within_10_percent_as_times_1_10():
    import mmguide
    decisions = " ".join(d["en"] for d in mmguide.calculator(CHECK).decisions)
    assert '"Within 10% of baseline" is read as current ≤ baseline × 1.10, computed exactly.' in decisions
    zh = " ".join(d["zh"] for d in mmguide.calculator(CHECK).decisions)
    assert "恢复至基线的 10% 以内" in zh and "当前值 ≤ 基线 × 1.10" in zh


def test_renal_check_shows_the_current_creatinine_to_two_decimals():
    en = check("1.2 mg/dL", "1.333 mg/dL", withheld=True).explanation["en"]
    assert en.startswith("Current creatinine 1.33 mg/dL is more than 10% above the baseline 1.20 mg/dL")


def test_renal_check_never_says_creatinine_fell_when_it_did_not():
    assert "fell" not in check("1.0 mg/dL", "1.0 mg/dL").explanation["en"]
    assert "Creatinine fell by 0.10 mg/dL" in check("1.0 mg/dL", "0.9 mg/dL").explanation["en"]
    assert "Creatinine rose by 0.10 mg/dL" in check("1.0 mg/dL", "1.1 mg/dL").explanation["en"]


def test_renal_check_in_chinese_says_whether_creatinine_rose_or_fell():
    # a withhold rule must not hang on the reader spotting a minus sign: 升高 / 下降, never a signed 变化
    rose = check("1.0 mg/dL", "1.5 mg/dL").explanation["zh"]
    assert "肌酐较正常基线 1.00 mg/dL 升高 0.50 mg/dL" in rose and "变化" not in rose
    fell = check("1.0 mg/dL", "0.8 mg/dL").explanation["zh"]
    assert "肌酐较正常基线 1.00 mg/dL 下降 0.20 mg/dL" in fell and "-0.20" not in fell and "升高 0.20" not in fell


# --- the renal rule's flowchart agrees with the calculator for any baseline ----------------------

def _walk_renal(base, cur, withheld):
    """The outcome the drawn renal flowchart reaches for a patient, read as the calculator reads inputs."""
    from mmguide import flowcharts as fc
    t = fc.tree(CHECK)
    import mmguide
    specs = {i.name: i for i in mmguide.calculator(CHECK).inputs}
    parsed = {"baseline_creatinine": specs["baseline_creatinine"].parse(base),
              "current_creatinine": specs["current_creatinine"].parse(cur), "withheld": withheld}
    return t.walk(t.facts_of(parsed))[0][-1]


@pytest.mark.parametrize("base, cur, withheld", [
    # baselines other than 1 mg/dL, where a ratio and a product (or a rise and a sum) differ
    ("1.2 mg/dL", "1.3 mg/dL", True), ("1.2 mg/dL", "1.33 mg/dL", True), ("0.8 mg/dL", "0.88 mg/dL", True),
    ("0.8 mg/dL", "0.89 mg/dL", True), ("2.0 mg/dL", "2.2 mg/dL", True), ("2.0 mg/dL", "2.21 mg/dL", True),
    ("0.6 mg/dL", "1.1 mg/dL", False), ("0.6 mg/dL", "1.09 mg/dL", False), ("1.4 mg/dL", "2.4 mg/dL", False),
    ("1.4 mg/dL", "2.39 mg/dL", False), ("100 µmol/L", "110 µmol/L", True), ("100 µmol/L", "111 µmol/L", True),
])
def test_renal_flowchart_walked_for_any_patient_reaches_the_calculators_category(base, cur, withheld):
    assert _walk_renal(base, cur, withheld) == check(base, cur, withheld).category


def test_renal_flowchart_labels_state_the_labels_10_percent_and_cite_bp_4():
    from mmguide import flowcharts as fc
    g = fc.flowchart(CHECK)
    labels = {n.id: n.label for n in g.nodes}
    # label §2: resume only when creatinine is back within 10% of baseline
    assert labels["recovered"]["en"] == "Creatinine within 10% of baseline?"
    assert labels["recovered"]["zh"] == "肌酐在基线的 10% 以内?"
    # every question the chart asks is the rule of recommendation BP-4
    for n in g.nodes:
        if n.kind == "decision":
            assert n.recommendations == ("BP-4",), n.id


@pytest.mark.parametrize("base, cur, crcl, category", [
    # beyond the label's limits the rise rule does not decide alone (fact sheet §2, §13E): the trials excluded a
    # creatinine above 3.0 mg/dL (265 µmol/L), strict; not recommended below a clearance of 30 mL/min
    ("2.9 mg/dL", "3.0 mg/dL", None, "continue"), ("2.9 mg/dL", "3.0001 mg/dL", None, "not-by-rise-rule"),
    ("250 µmol/L", "265 µmol/L", None, "continue"), ("250 µmol/L", "265.01 µmol/L", None, "not-by-rise-rule"),
    # compared in the baseline's unit: 265.2 µmol/L is exactly 3.0 mg/dL
    ("2.9 mg/dL", "265.2 µmol/L", None, "continue"), ("250 µmol/L", "3.0 mg/dL", None, "not-by-rise-rule"),
    ("1.0 mg/dL", "1.2 mg/dL", "30 mL/min", "continue"), ("1.0 mg/dL", "1.2 mg/dL", "29.99 mL/min", "not-by-rise-rule"),
    ("1.0 mg/dL", "1.5 mg/dL", "29.99 mL/min", "withhold"),  # a rise of 0.5 still withholds
])
def test_renal_check_beyond_the_label_limits_at_both_sides(base, cur, crcl, category):
    kw = {"withheld": False} if crcl is None else {"crcl": crcl, "withheld": False}
    assert compute(CHECK, baseline_creatinine=base, current_creatinine=cur, **kw).category == category
    kw["withheld"] = True
    resumed = compute(CHECK, baseline_creatinine=base, current_creatinine=cur, **kw).category
    assert resumed != "resume" or category == "continue"


def test_renal_check_beyond_the_limits_says_which_limit_in_the_measured_unit_and_its_twin():
    # trials excluded creatinine > 3.0 mg/dL (265 µmol/L) (fact sheet §2): each unit names the other beside it
    r = compute(CHECK, withheld="no", baseline_creatinine="3.5 mg/dL", current_creatinine="4.4 mg/dL")
    assert "the current creatinine 4.40 mg/dL is above 3.0 mg/dL (265 µmol/L)" in r.explanation["en"]
    assert "当前肌酐 4.40 mg/dL 高于 3.0 mg/dL(265 µmol/L)" in r.explanation["zh"]
    r = compute(CHECK, withheld="no", baseline_creatinine="300 µmol/L", current_creatinine="350 µmol/L")
    assert "the current creatinine 350.00 µmol/L is above 265 µmol/L (3.0 mg/dL)" in r.explanation["en"]
    assert "clearance" not in r.explanation["en"].split("included")[0]
    r = compute(CHECK, withheld="no", baseline_creatinine="1.0 mg/dL", current_creatinine="1.2 mg/dL", crcl="29.99 mL/min")
    assert "the clearance 29.99 mL/min is below 30 mL/min" in r.explanation["en"]
    assert "清除率 29.99 mL/min 低于 30 mL/min" in r.explanation["zh"]
    assert "re-estimate the creatinine clearance" in r.explanation["en"]


def test_renal_check_with_a_clearance_computed_here_says_to_confirm_it_and_shows_its_source():
    # woman, 85 y, 45 kg, 1.2 mg/dL: 55 × 45 / (72 × 1.2) × 0.85 = 24.35 mL/min (fact sheet §8)
    r = compute(CHECK, withheld="no", baseline_creatinine="1.0 mg/dL", current_creatinine="1.2 mg/dL", age=85, weight="45 kg",
                sex="female")
    assert "confirm this estimate once creatinine is stable" in r.explanation["en"]
    assert "复核此估算值" in r.explanation["zh"]
    assert r.details["clearance"]["value"] == Fraction(55 * 45, 72) / Fraction("1.2") * Fraction("0.85")  # 24.35
    assert r.details["clearance"]["text"]["en"].startswith("CrCl 24.35 mL/min")
    assert "clearance" not in compute(CHECK, withheld="no", baseline_creatinine="1.0 mg/dL", current_creatinine="1.2 mg/dL").details


@pytest.mark.parametrize("given", [dict(age=85), dict(weight="45 kg"), dict(sex="female"), dict(age=85, sex="female")])
def test_renal_check_asks_for_every_input_of_the_clearance_once_one_is_given(given):
    with pytest.raises(InputError) as e:
        compute(CHECK, baseline_creatinine="1.0 mg/dL", current_creatinine="1.2 mg/dL", withheld="no", **given)
    assert e.value.field in {"age", "weight", "sex"} - set(given)  # the missing one is named


def test_renal_check_inputs_are_each_named_once_and_the_rise_shown_to_two_decimals():
    names = [i.name for i in mmguide.calculator(CHECK).inputs]
    assert len(names) == len(set(names))
    assert names[-4:] == ["crcl", "age", "weight", "sex"]
    r = compute(CHECK, withheld="no", baseline_creatinine="1.0 mg/dL", current_creatinine="1.4 mg/dL")
    assert view(r, "en")["answer"]["headline"] == "0.40 mg/dL"  # as the explanation writes the rise


def test_renal_check_names_the_current_creatinine_when_the_clearance_from_it_is_implausible():
    # 18 y, 300 kg, 0.1 mg/dL: (140 − 18) × 300 / (72 × 0.1) = 5083 mL/min, beyond any clearance (1–250)
    with pytest.raises(InputError) as e:
        compute(CHECK, withheld="no", baseline_creatinine="0.1 mg/dL", current_creatinine="0.1 mg/dL", age=18, weight="300 kg",
                sex="male")
    assert e.value.field == "current_creatinine" and "not a plausible clearance" in str(e.value)
