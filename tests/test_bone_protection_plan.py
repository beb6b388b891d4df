"""The bone protection plan, tested rule by rule against the fact sheet (§§2–3) and the interview.

Expected values come from the sources (label tables, IMWG 2021, the interview), never from
the code's own output.
"""

from __future__ import annotations

import importlib
import json
from fractions import Fraction as F
import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import mmguide
from mmguide import InputError

ID = "bone-protection-plan"
ROOT = Path(__file__).resolve().parents[1]
BIB_KEYS = set(re.findall(r"^@\w+\{([^,\s]+),", (ROOT / "references.bib").read_text(encoding="utf-8"), re.M))
BP_IDS = {f"BP-{i}" for i in range(1, 9)}
HAN = re.compile(r"[\u4e00-\u9fff]")


def plan(**kw):
    return mmguide.compute(ID, **kw).as_dict()


def agent(d, agent_id):
    return next(a for a in d["agents"] if a["agent"] == agent_id)


def favoured(d):
    return [a["agent"] for a in d["agents"] if a["favoured"]]


def action_ids(d):
    return [a["id"] for a in d["actions"]]


@st.composite
def patients(draw, active=None):
    """Any patient the plan accepts: clearance 1–250 mL/min (band edges included), calcium in
    either unit or absent, and every yes/no input."""
    crcl = draw(st.one_of(st.sampled_from(["29.9", "30", "39.9", "40", "49.9", "50", "60", "60.1"]),
                          st.decimals(min_value=1, max_value=250, places=1).map(str)))
    unit = draw(st.sampled_from(["mmol/L", "mg/dL"]))
    lo, hi = ("1.0", "3.6") if unit == "mmol/L" else ("4.0", "14.5")
    ca = st.one_of(st.none(), st.decimals(min_value=lo, max_value=hi, places=2).map(lambda v: f"{v} {unit}"))
    # laboratory limits as laboratories print them (a limit outside these is refused, see the safety tests)
    llo, lhi, ulo, uhi = ("1.9", "2.3", "2.5", "2.75") if unit == "mmol/L" else ("7.6", "9.2", "10.0", "11.0")
    lln = st.one_of(st.none(), st.decimals(min_value=llo, max_value=lhi, places=2).map(lambda v: f"{v} {unit}"))
    uln = st.one_of(st.none(), st.decimals(min_value=ulo, max_value=uhi, places=2).map(lambda v: f"{v} {unit}"))
    yn = st.sampled_from([True, False, "unknown", None])
    cr = st.one_of(st.none(), st.sampled_from(["1.0 mg/dL", "4.49 mg/dL", "4.5 mg/dL", "399 µmol/L", "400 µmol/L"]))
    # a creatinine that cannot belong to one adult with this clearance is refused (HZ-49): not a patient
    cg = importlib.import_module("mmguide.clinical.crcl_cockcroft_gault")
    cr = cr.filter(lambda c: c is None or cg.pair_possible(cg.Quantity(F(str(crcl)), "mL/min", "crcl"),
                                                            cg.CREATININE_INPUT.parse(c)))
    return {
        "active_mm": draw(yn) if active is None else active,
        "crcl": f"{crcl} mL/min", "dialysis": draw(yn),
        "corrected_calcium": draw(ca), "calcium_lln": draw(lln), "calcium_uln": draw(uln),
        "creatinine": draw(cr), "creatinine_stable": draw(yn),
        "dental_exam_done": draw(yn), "high_sre_risk": draw(yn),
        "prefers_subcutaneous": draw(yn), "vitamin_d_known": draw(yn),
    }


# --- BP-1: start at diagnosis, whatever the imaging -------------------------------------------

def test_bone_protection_starts_for_active_mm_with_no_lytic_lesion():
    # interview: all active MM, with or without imaging-detectable bone lesions, start at diagnosis
    # together with anti-myeloma therapy (there is no imaging input: imaging does not gate the start)
    d = plan(active_mm=True, crcl=80)
    assert d["category"] == "start-now"
    assert d["start"]["indicated"] is True and d["start"]["recommendation"] == "BP-1"
    assert "whatever the imaging" in d["start"]["when"]["en"]
    assert "start-now" in action_ids(d) and "baseline-imaging" in action_ids(d)
    assert "imaging" not in {i.name for i in mmguide.calculator(ID).inputs}


def test_smouldering_myeloma_or_mgus_is_not_indicated_by_this_plan():
    d = plan(active_mm=False, crcl=80)
    assert d["category"] == "not-indicated"
    assert d["start"]["indicated"] is False
    assert d["agents"] == []
    assert action_ids(d) == ["not-indicated"]
    assert "smouldering" in d["actions"][0]["text"]["en"].lower() and "冒烟型骨髓瘤" in d["actions"][0]["text"]["zh"]


def test_clearance_is_required_and_active_mm_not_known_is_asked_not_refused():
    # "not ticked" must never mean "no": an unanswered active-myeloma question stops the plan at
    # "find out first" (see test_plan_safety), it neither refuses nor reads it as smouldering myeloma
    assert mmguide.compute(ID, crcl=80).category == "find-out-first"
    # without a clearance the plan is not refused: the agent waits for it, and it is asked for
    r = mmguide.compute(ID, active_mm=True)
    assert r.category == "hold" and "crcl" in r.details["needed"]


# --- BP-4: renal dosing ------------------------------------------------------------------------

@pytest.mark.parametrize("crcl,dose", [
    # fact sheet §2 and §11 A: >60 → 4.0; exactly 60 and 50 → 3.5; 45 and exactly 40 → 3.3;
    # 39.9 and exactly 30 → 3.0
    (80, "4 mg"), (60.5, "4 mg"), (60, "3.5 mg"), (50, "3.5 mg"), (45, "3.3 mg"), (40, "3.3 mg"),
    (39.9, "3 mg"), (30, "3 mg"),
])
def test_zoledronic_acid_dose_follows_the_label_renal_table(crcl, dose):
    d = plan(active_mm=True, crcl=crcl)
    za = agent(d, "zoledronic-acid")
    assert za["suitable"] and za["favoured"]
    assert za["dose"]["en"].startswith(dose + " IV")
    assert d["details"]["zoledronic_acid_dose_mg"] == float(dose.split()[0])


def test_30_ml_min_exactly_still_gets_zoledronic_acid_3_0_mg():
    d = plan(active_mm=True, crcl="30 mL/min")
    assert agent(d, "zoledronic-acid")["dose"]["en"].startswith("3 mg")


@pytest.mark.parametrize("kw", [dict(crcl=29.9), dict(crcl=25), dict(crcl=80, dialysis=True)])
def test_no_zoledronic_acid_or_pamidronate_below_30_ml_min_or_on_dialysis(kw):
    # EU SmPC: not recommended at CLcr < 30; pamidronate label: not recommended in severe renal
    # impairment; denosumab needs no renal dose adjustment (Xgeva label)
    d = plan(active_mm=True, **kw)
    za, pam, dmab = agent(d, "zoledronic-acid"), agent(d, "pamidronate"), agent(d, "denosumab")
    assert za["dose"] is None and not za["suitable"] and "Not recommended" in za["reasons"][0]["en"]
    assert pam["dose"] is None and not pam["suitable"]
    assert dmab["suitable"] and dmab["favoured"]
    assert d["details"]["agents"] == ["denosumab"]
    # hypocalcaemia risk is highest at CrCl < 30 / dialysis (Xgeva label)
    mon = next(a for a in d["actions"] if a["id"] == "monitor-calcium-denosumab")
    assert "highest-risk group" in mon["text"]["en"]


def test_creatinine_before_each_bisphosphonate_dose_with_the_label_withhold_rule():
    d = plan(active_mm=True, crcl=70)
    mon = next(a for a in d["actions"] if a["id"] == "monitor-creatinine")
    assert mon["recommendation"] == "BP-4" and mon["phase"] == "monitoring"
    t = mon["text"]["en"]
    # fact sheet §2: normal baseline <1.4 mg/dL (124 µmol/L); rise ≥0.5 (44) or ≥1.0 (88); within 10%
    for s in ("Before each", "not re-banded each cycle", "<1.4 mg/dL", "124 µmol/L", "≥0.5 mg/dL", "44 µmol/L",
              "≥1.0 mg/dL", "88 µmol/L", "within 10%"):
        assert s in t, s


def test_egfr_is_refused():
    with pytest.raises(InputError) as e:
        mmguide.compute(ID, active_mm=True, crcl="45 mL/min/1.73 m²")
    assert e.value.field == "crcl" and "eGFR" in str(e.value)


# --- BP-3: individualised agent choice -----------------------------------------------------------

def test_zoledronic_acid_is_favoured_by_default_per_imwg_2021():
    d = plan(active_mm=True, crcl=70)
    assert favoured(d) == ["zoledronic-acid"]
    assert "terpos2021bone" in agent(d, "zoledronic-acid")["references"]
    assert [a["agent"] for a in d["agents"]][0] == "zoledronic-acid"


@pytest.mark.parametrize("kw", [dict(high_sre_risk=True), dict(prefers_subcutaneous=True),
                                dict(high_sre_risk=True, prefers_subcutaneous=True)])
def test_high_sre_risk_or_wish_for_subcutaneous_favours_denosumab(kw):
    # interview: for high SRE risk or a wish for a more convenient route, denosumab
    d = plan(active_mm=True, crcl=70, **kw)
    assert favoured(d) == ["denosumab"]
    dmab = agent(d, "denosumab")
    assert "song_interview" in dmab["references"]
    assert any("convenient" in r["en"] for r in dmab["reasons"])
    za = agent(d, "zoledronic-acid")
    assert za["suitable"] and za["dose"]["en"].startswith("4 mg")  # still the alternative


def test_agent_doses_are_the_label_doses():
    d = plan(active_mm=True, crcl=70)
    # Xgeva: 120 mg SC every 4 weeks, no loading doses in MM; pamidronate: 90 mg IV over 4 h monthly
    assert agent(d, "denosumab")["dose"]["en"].startswith("120 mg SC every 4 weeks")
    assert "no loading" in agent(d, "denosumab")["dose"]["en"]
    assert agent(d, "pamidronate")["dose"]["en"] == "90 mg IV over 4 h, monthly"
    assert "15 min" in agent(d, "zoledronic-acid")["dose"]["en"]


def test_exactly_one_agent_is_favoured_when_starting():
    for kw in (dict(crcl=25), dict(crcl=45), dict(crcl=70, high_sre_risk=True)):
        assert len(favoured(plan(active_mm=True, **kw))) == 1


# --- BP-5: dental, before the first dose --------------------------------------------------------

@settings(max_examples=200, deadline=None)
@given(patients(active=True))
@example({"active_mm": True, "crcl": "25 mL/min", "dental_exam_done": True,
          "corrected_calcium": "1.9 mmol/L", "calcium_lln": "2.1 mmol/L"})
@example({"active_mm": True, "crcl": "45 mL/min", "corrected_calcium": "3.3 mmol/L"})
def test_dental_examination_always_precedes_the_first_dose(p):
    d = plan(**p)
    ids = action_ids(d)
    assert "dental" in ids
    dental = d["actions"][ids.index("dental")]
    assert dental["phase"] == "before-first-dose" and dental["recommendation"] == "BP-5"
    later = [i for i, a in enumerate(d["actions"]) if a["phase"] in ("supportive-care", "monitoring", "duration")]
    assert all(ids.index("dental") < i for i in later)
    # in the flowchart the dental step lies on the path before the agent is chosen
    assert d["path"].index("dental") < d["path"].index("renal")
    if p.get("dental_exam_done") is not True:  # no, unknown or not given: asked for
        assert "dental" in d["start"]["first_dose_after"]


# --- BP-6: calcium, vitamin D, hypocalcaemia ----------------------------------------------------

def test_calcium_and_vitamin_d_for_everyone_at_the_label_dose():
    # Zometa US label: calcium 500 mg + vitamin D 400 IU daily (the only verified dose)
    for kw in (dict(crcl=25), dict(crcl=70), dict(crcl=70, high_sre_risk=True)):
        d = plan(active_mm=True, **kw)
        a = next(a for a in d["actions"] if a["id"] == "calcium-vitamin-d")
        assert "calcium 500 mg plus vitamin D 400 IU daily" in a["text"]["en"]
        assert "zometa_label" in a["references"]


def test_denosumab_carries_the_hypocalcaemia_precaution_and_a_stopping_plan():
    d = plan(active_mm=True, crcl=25, corrected_calcium="2.3 mmol/L")
    ids = action_ids(d)
    assert {"check-calcium-denosumab", "monitor-calcium-denosumab", "denosumab-stopping"} <= set(ids)
    stop = d["actions"][ids.index("denosumab-stopping")]
    assert stop["recommendation"] == "BP-8" and "xgeva2025label" in stop["references"]
    assert "vertebral fractures" in stop["text"]["en"]
    reasons = " ".join(r["en"] for r in agent(d, "denosumab")["reasons"])
    assert "hypocalcaemia" in reasons.lower() and "stop" in reasons


def test_low_corrected_calcium_is_corrected_before_the_first_denosumab_dose():
    d = plan(active_mm=True, crcl=25, corrected_calcium="1.9 mmol/L", calcium_lln="2.1 mmol/L")
    ids = action_ids(d)
    assert "correct-hypocalcaemia" in ids and "check-calcium-denosumab" not in ids
    assert d["actions"][ids.index("correct-hypocalcaemia")]["phase"] == "before-first-dose"
    assert "correct-hypocalcaemia" in d["start"]["first_dose_after"]
    assert d["details"]["calcium_status"] == "low"


def test_calcium_is_compared_with_the_laboratory_limit_across_units():
    # 8.0 mg/dL is below 2.10 mmol/L (= 8.4168 mg/dL at 40.08 g/mol); 8.5 mg/dL is not
    assert plan(active_mm=True, crcl=25, corrected_calcium="8.0 mg/dL",
                calcium_lln="2.10 mmol/L")["details"]["calcium_status"] == "low"
    assert plan(active_mm=True, crcl=25, corrected_calcium="8.5 mg/dL",
                calcium_lln="2.10 mmol/L")["details"]["calcium_status"] == "not-low"
    # above the CTCAE floor with no laboratory limit: not known to be low, and said so
    assert plan(active_mm=True, crcl=25, corrected_calcium="8.5 mg/dL")["details"]["calcium_status"] == "no-limit"


def test_vitamin_d_status_is_asked_for_before_the_first_dose():
    d = plan(active_mm=True, crcl=70)
    a = next(a for a in d["actions"] if a["id"] == "vitamin-d-status")
    assert a["phase"] == "before-first-dose" and "measure it" in a["text"]["en"]
    d = plan(active_mm=True, crcl=70, vitamin_d_known=True)
    assert "known" in next(a for a in d["actions"] if a["id"] == "vitamin-d-status")["text"]["en"]


# --- BP-7, BP-8 -----------------------------------------------------------------------------------

def test_lifestyle_advice_from_the_interview():
    a = next(a for a in plan(active_mm=True, crcl=70)["actions"] if a["id"] == "lifestyle")
    assert a["recommendation"] == "BP-7"
    for s in ("weight-bearing exercise", "balanced diet", "no smoking", "little alcohol"):
        assert s in a["text"]["en"]
    assert "戒烟限酒" in a["text"]["zh"]


def test_zoledronic_acid_for_at_least_12_months_then_review_at_vgpr_and_restart_at_relapse():
    d = plan(active_mm=True, crcl=70)
    dur = next(a for a in d["actions"] if a["id"] == "za-duration")
    assert "at least 12 months" in dur["text"]["en"] and "VGPR" in dur["text"]["en"]
    assert "every 3 or 6 months" in dur["text"]["en"] and dur["references"] == ["terpos2021bone", "anderson2018asco"]
    assert "Reconsider at 24 months" in dur["text"]["en"]  # ASCO 2018: up to 2 years, then reconsider
    rel = next(a for a in d["actions"] if a["id"] == "restart-at-relapse")
    assert rel["references"] == ["terpos2013imwg"] and rel["recommendation"] == "BP-8"


# --- every item: an ID, known references, both languages ------------------------------------------

@settings(max_examples=150, deadline=None)
@given(patients())
def test_every_action_and_agent_has_a_recommendation_id_and_known_references(p):
    d = plan(**p)
    assert set(d["references"]) <= BIB_KEYS
    assert set(d["recommendations"]) <= BP_IDS
    for item in d["actions"] + d["agents"] + [d["start"]]:
        assert item["recommendation"] in BP_IDS
        assert item["references"] and set(item["references"]) <= BIB_KEYS, item
    for a in d["actions"]:
        assert a["text"]["en"] and HAN.search(a["text"]["zh"])
    for a in d["agents"]:
        for r in a["reasons"]:
            assert r["en"] and HAN.search(r["zh"])
        if a["dose"]:
            assert HAN.search(a["dose"]["zh"])
    assert HAN.search(d["explanation"]["zh"])
    json.dumps(d, ensure_ascii=False)
    assert d["value"] is None and d["category"] in ("start-now", "not-indicated", "find-out-first", "urgent-first",
                                                    "hold", "continue")


def test_chinese_texts_use_the_standard_clinical_terms():
    zh = json.dumps([plan(active_mm=True, crcl=25), plan(active_mm=True, crcl=45),
                     plan(active_mm=False, crcl=80)], ensure_ascii=False)
    for term in ("多发性骨髓瘤", "骨相关事件", "双膦酸盐", "地舒单抗", "唑来膦酸", "帕米膦酸", "颌骨坏死",
                 "肌酐清除率", "低钙血症"):
        assert term in zh, term
    # osteonecrosis of the jaw is 颌骨坏死 (颌骨坏死), not 下颌骨坏死 (mandible only)
    assert "下颌骨" not in zh and "颌骨坏死" in zh


def test_calculator_record_uses_known_references_and_all_eight_recommendations():
    calc = mmguide.calculator(ID)
    assert set(calc.references) <= BIB_KEYS
    assert set(calc.recommendations) == BP_IDS
    assert calc.as_dict()["examples"]


def test_worked_examples_match_their_sources():
    data = json.loads((ROOT / "src/mmguide/data/examples/bone-protection-plan.json").read_text(encoding="utf-8"))
    assert data["calculator"] == ID
    for row in data["rows"]:
        r = mmguide.compute(ID, **row["inputs"])
        assert r.category == row["expected"]["category"], row["note"]
        assert r.details["agents"] == row["expected"]["agents"], row["note"]
        assert set(row["references"]) <= BIB_KEYS


# --- clinical review: hypercalcaemia, unknown calcium in severe renal impairment, wording --------------

@pytest.mark.parametrize("calcium,high", [
    # CRAB threshold, strict (fact sheet §4): > 2.75 mmol/L or > 11 mg/dL, each in its own unit
    ("2.90 mmol/L", True), ("2.76 mmol/L", True), ("2.75 mmol/L", False), ("11.1 mg/dL", True), ("11.0 mg/dL", False),
])
def test_hypercalcaemia_is_flagged_and_no_calcium_supplement_is_advised_then(calcium, high):
    d = plan(active_mm=True, crcl=70, corrected_calcium=calcium, dialysis=False, creatinine_stable=True,
             high_sre_risk=False, prefers_subcutaneous=False)
    ids = action_ids(d)
    assert d["details"]["hypercalcaemia"] is high
    if high:
        assert d["details"]["calcium_status"] == "high"
        assert "hypercalcaemia" in ids and "calcium-vitamin-d" not in ids
        assert "calcium and vitamin D" not in d["explanation"]["en"] and "hypercalcaemia" in d["explanation"]["en"]
        assert "补充钙和维生素 D" not in d["explanation"]["zh"] and "高钙血症" in d["explanation"]["zh"]
        hc = d["actions"][ids.index("hypercalcaemia")]
        assert "Do not give calcium" in hc["text"]["en"] and "rajkumar2014imwg" in hc["references"]
        assert "hypercalcaemia" in d["path"]
    else:
        assert "calcium-vitamin-d" in ids and "hypercalcaemia" not in ids
        assert "calcium and vitamin D" in d["explanation"]["en"]


def test_hypercalcaemia_threshold_is_the_crab_constant_not_a_second_copy():
    from mmguide.clinical import bone_protection_plan as bpp
    from mmguide.clinical import myeloma_defining_events as mde

    assert bpp.HYPERCALCAEMIA_ABOVE is mde.CALCIUM_ABOVE


@pytest.mark.parametrize("kw", [dict(crcl=25), dict(crcl=80, dialysis=True)])
def test_severe_renal_impairment_with_calcium_not_known_checks_calcium_and_vitamin_d_before_the_first_dose(kw):
    d = plan(active_mm=True, corrected_calcium="2.3 mmol/L", **kw)
    assert d["details"]["calcium_status"] == "no-limit"
    assert {"check-calcium-denosumab", "vitamin-d-status"} <= set(d["start"]["first_dose_after"])
    # the flowchart path goes through the check instead of treating "not known" as "not low"
    assert "check-calcium" in d["path"] and d["path"].index("check-calcium") < d["path"].index("denosumab")
    assert "check corrected calcium against the laboratory's lower limit" in d["explanation"]["en"]
    vd = next(a for a in d["actions"] if a["id"] == "vitamin-d-status")
    assert "highest" in vd["text"]["en"]
    # once calcium is known not low and vitamin D known, neither holds back the first dose
    d = plan(active_mm=True, corrected_calcium="2.3 mmol/L", calcium_lln="2.1 mmol/L", vitamin_d_known=True, **kw)
    assert not {"check-calcium-denosumab", "vitamin-d-status"} & set(d["start"]["first_dose_after"])
    assert "check-calcium" not in d["path"]


def test_flowchart_keeps_calcium_not_known_apart_from_not_low():
    from mmguide import flowcharts as fc

    g = fc.flowchart(ID)
    out = {e.target: e.label["en"] for e in g.edges if e.source == "hypercalcaemia-check"}
    assert out == {"hypercalcaemia": "high", "correct-calcium": "low", "supplements": "neither",
                   "measure-calcium": "not measured"}
    out = {e.target: e.label["en"] for e in g.edges if e.source == "calcium"}
    assert out == {"check-calcium": "no lower limit given", "denosumab": "yes, or handled above"}


def test_zoledronic_acid_not_recommended_text_carries_the_denosumab_hypocalcaemia_warning():
    # Xgeva label (fact sheet §2): hypocalcaemia risk highest with CrCl < 30 and/or dialysis
    r = mmguide.compute("zoledronic-acid-dose", crcl="25 mL/min")
    assert "denosumab" in r.explanation["en"]
    assert "hypocalcaemia is highest with CrCl < 30 mL/min or dialysis" in r.explanation["en"]
    assert "低钙血症风险最高" in r.explanation["zh"] and "xgeva2025label" in r.references


def test_headline_does_not_ask_for_a_dental_examination_already_done():
    d = plan(active_mm=True, crcl=70, dental_exam_done=True)
    assert "dental examination before the first maintenance dose" not in d["explanation"]["en"]
    assert "维持治疗首剂前口腔检查" not in d["explanation"]["zh"]
    assert "dental examination done" in d["explanation"]["en"]
    assert "dental examination before the first maintenance dose" in plan(active_mm=True, crcl=70)["explanation"]["en"]


def test_smouldering_myeloma_or_mgus_is_outside_the_plan_not_refused_bone_treatment():
    d = plan(active_mm=False, crcl=80)
    t = d["actions"][0]["text"]
    assert "Not covered by this plan" in t["en"] and "on its own merits" in t["en"]
    assert "本方案不涵盖" in t["zh"] and "不推荐骨靶向治疗" not in json.dumps(d, ensure_ascii=False)
    assert "本方案不涵盖" in d["explanation"]["zh"] and "on its own merits" in d["explanation"]["en"]


def test_vitamin_d_status_is_a_project_addition_cited_honestly():
    d = plan(active_mm=True, crcl=70)
    vd = next(a for a in d["actions"] if a["id"] == "vitamin-d-status")
    assert vd["references"] == ["xgeva2025label"]  # the interview asks for supplements, not a level
    assert "this plan's addition" in vd["text"]["en"]
    decisions = " ".join(x["en"] for x in mmguide.calculator(ID).decisions)
    assert "Knowing the vitamin D status is this plan's addition" in decisions  # said in words, not by its id
