"""Clinical safety: the states the plan and the calculators did not model before, each a rule.

Every case asserts what the sources say (fact sheet §12 and §§2–8: Zometa, Xgeva and pamidronate
labels, NCI CTCAE v5.0, ASCO 2018, the FDA's 2024 communication, IMWG 2014 and 2016), on both sides
of every edge, never the code's own output. The hazard log (docs/safety.md, data in
src/mmguide/data/hazards.json) names these tests as the evidence for its mitigations.
"""

from __future__ import annotations

import pytest

import mmguide
from mmguide import InputError
from mmguide import flowcharts as fc

PLAN = "bone-protection-plan"
# every answer given, so that a test changes one thing at a time
KNOWN = dict(active_mm=True, dialysis=False, creatinine_stable=True, dental_exam_done=True,
             high_sre_risk=False, prefers_subcutaneous=False, vitamin_d_known=True, pregnancy_possible=False,
             current_agent="none", oliguria=False, heart_failure=False, onj="none")


def plan(**kw):
    return mmguide.compute(PLAN, **{**KNOWN, **kw}).as_dict()


def ids(d):
    return [a["id"] for a in d["actions"]]


def action(d, action_id):
    return next(a for a in d["actions"] if a["id"] == action_id)


def favoured(d):
    return next(a["agent"] for a in d["agents"] if a["favoured"])


def agent(d, agent_id):
    return next(a for a in d["agents"] if a["agent"] == agent_id)


# --- hypocalcaemia ------------------------------------------------------------------------------

@pytest.mark.parametrize("crcl,extra,agent_id", [
    (45, {}, "zoledronic-acid"), (25, {}, "denosumab"), (70, dict(high_sre_risk=True), "denosumab"),
])
def test_hypocalcaemia_below_the_ctcae_floor_holds_every_first_dose_without_laboratory_limits(crcl, extra, agent_id):
    # the case: corrected calcium 1.2 mmol/L with no laboratory limit (CTCAE grade 4)
    d = plan(crcl=crcl, corrected_calcium="1.2 mmol/L", **extra)
    assert favoured(d) == agent_id
    assert d["details"]["calcium_status"] == "low" and d["details"]["hypocalcaemia"] is True
    assert d["details"]["calcium_ctcae_grade"] == 4
    assert "correct-hypocalcaemia" in d["start"]["first_dose_after"]
    # below 1.9 mmol/L it is severe (Society for Endocrinology): an emergency, first, with IV calcium gluconate
    assert d["category"] == "urgent-first" and d["details"]["severe_hypocalcaemia"] is True
    assert ids(d)[0] == "severe-hypocalcaemia"
    head = d["explanation"]["en"]
    assert head.startswith("Urgent: severe hypocalcaemia (corrected calcium 1.20 mmol/L, CTCAE grade 4)")
    assert "intravenous calcium gluconate now with ECG monitoring" in head and not head.startswith("Start")
    assert "Maintenance (not today): only after the calcium is corrected" in head
    assert d["explanation"]["zh"].startswith("紧急:重度低钙血症")
    assert "correct-calcium" in d["path"] and "now-calcium-gluconate" in d["path"]


@pytest.mark.parametrize("calcium,low", [
    # CTCAE grade 2 floor: < 2.0 mmol/L, < 8.0 mg/dL, each in its own unit; at the floor it is not low
    ("1.99 mmol/L", True), ("2.00 mmol/L", False), ("7.99 mg/dL", True), ("8.0 mg/dL", False),
])
def test_hypocalcaemia_floor_without_laboratory_limits_at_its_edge(calcium, low):
    d = plan(crcl=70, corrected_calcium=calcium)
    assert d["details"]["hypocalcaemia"] is low
    assert ("correct-hypocalcaemia" in d["start"]["first_dose_after"]) is low
    # without a lower limit, a calcium at or above the floor is not called normal either
    assert d["details"]["calcium_status"] == ("low" if low else "no-limit")


@pytest.mark.parametrize("calcium,low", [("2.09 mmol/L", True), ("2.10 mmol/L", False), ("8.4 mg/dL", True)])
def test_hypocalcaemia_below_the_laboratory_lower_limit_holds_every_first_dose(calcium, low):
    # laboratory lower limit 2.10 mmol/L (= 8.4168 mg/dL): compared in the unit of the calcium
    d = plan(crcl=70, corrected_calcium=calcium, calcium_lln="2.10 mmol/L")
    assert favoured(d) == "zoledronic-acid"
    assert ("correct-hypocalcaemia" in d["start"]["first_dose_after"]) is low
    assert d["details"]["calcium_status"] == ("low" if low else "not-low")
    if low:
        assert d["details"]["calcium_ctcae_grade"] == 1


def test_calcium_not_measured_is_asked_for_before_the_first_dose_of_every_agent():
    for crcl in (70, 25):
        d = plan(crcl=crcl)
        assert d["details"]["calcium_status"] == "not-measured"
        assert "measure-calcium" in d["start"]["first_dose_after"]
        assert "measure corrected calcium" in d["explanation"]["en"]
        assert "measure-calcium" in d["path"]


# --- hypercalcaemia -------------------------------------------------------------------------------

@pytest.mark.parametrize("kw,high", [
    # above the laboratory's upper limit (2.60), below the CRAB threshold: no supplements
    (dict(corrected_calcium="2.61 mmol/L", calcium_uln="2.60 mmol/L"), True),
    (dict(corrected_calcium="2.60 mmol/L", calcium_uln="2.60 mmol/L"), False),
    (dict(corrected_calcium="10.6 mg/dL", calcium_uln="2.60 mmol/L"), True),  # 2.60 mmol/L = 10.42 mg/dL
])
def test_calcium_above_the_laboratory_upper_limit_stops_calcium_supplements(kw, high):
    d = plan(crcl=70, **kw)
    assert ("calcium-vitamin-d" in ids(d)) is not high
    assert ("hypercalcaemia" in ids(d)) is high
    assert ("no calcium or vitamin D supplements" in d["explanation"]["en"]) is high


@pytest.mark.parametrize("calcium", ["2.76 mmol/L", "2.99 mmol/L", "11.1 mg/dL", "11.99 mg/dL"])
def test_mild_hypercalcaemia_below_3_0_mmol_follows_the_usual_plan_without_supplements(calcium):
    d = plan(crcl=70, corrected_calcium=calcium)
    assert d["details"]["hypercalcaemia"] is True and d["details"]["hypercalcaemia_of_malignancy"] is False
    assert "hcm-urgent" not in ids(d) and d["path"][2] == "hcm" and d["path"][3] == "active"
    assert d["explanation"]["en"].startswith("Start bone protection now with zoledronic acid 4 mg")
    t = action(d, "hypercalcaemia")["text"]["en"]
    assert "Do not give calcium or vitamin D supplements" in t and "saline" in t and "urgently" in t


@pytest.mark.parametrize("calcium,hcm", [
    # Zometa: hypercalcaemia of malignancy is corrected calcium ≥ 12 mg/dL (3.0 mmol/L), each in its unit
    ("3.0 mmol/L", True), ("2.99 mmol/L", False), ("12 mg/dL", True), ("11.99 mg/dL", False), ("3.3 mmol/L", True),
])
def test_hypercalcaemia_of_malignancy_at_3_0_mmol_is_urgent_and_first_in_the_tree(calcium, hcm):
    d = plan(crcl=45, corrected_calcium=calcium, creatinine="1.5 mg/dL")
    assert d["details"]["hypercalcaemia_of_malignancy"] is hcm
    assert d["path"][:3] == ["start", "severe-hypo", "hcm"]  # the emergencies are the tree's first decisions
    if not hcm:
        assert "hcm-urgent" not in ids(d)
        return
    assert d["path"][3] == "hcm-renal" and d["path"].index("hcm-za") < d["path"].index("active")
    assert d["actions"][0]["id"] == "hcm-urgent" and d["actions"][0]["phase"] == "now"
    assert d["start"]["urgent"] == "hcm-urgent" and d["category"] == "urgent-first"
    head = d["explanation"]["en"]
    assert head.startswith("Urgent: hypercalcaemia of malignancy")
    assert head.index("saline first") < head.index("zoledronic acid 4 mg")
    assert "no loop diuretic before" in head
    # the maintenance agent is labelled as maintenance with its start: never "now" beside the acute dose
    assert "Maintenance (not today): from the next dose at the usual interval, 3–4 weeks after the acute" in head
    assert "3.3 mg" in head and "Start bone protection now" not in head
    t = action(d, "hcm-urgent")["text"]["en"]
    for s in ("saline first", "no loop diuretic before the hypovolaemia is corrected", "over ≥15 min",
              "no renal dose reduction", "not sooner than 7 days", "after checking renal function",
              "calcium, phosphate, magnesium and creatinine", "dental examination does not delay",
              "refractory to bisphosphonate", "days 8 and 15", "the maintenance agent, which starts later",
              "Endocrine Society 2023 guideline suggests it rather than a bisphosphonate"):
        assert s in t, s
    assert "zometa_label" in action(d, "hcm-urgent")["references"]
    assert "紧急" in d["explanation"]["zh"] and "袢利尿剂" in d["explanation"]["zh"]


@pytest.mark.parametrize("creatinine,ok", [
    # Zometa §2.1: no renal dose reduction while serum creatinine < 4.5 mg/dL (< 400 µmol/L), each in its unit
    ("4.49 mg/dL", True), ("4.5 mg/dL", False), ("399 µmol/L", True), ("400 µmol/L", False),
])
def test_hypercalcaemia_of_malignancy_gets_zoledronic_acid_4_mg_without_renal_reduction_below_creatinine_4_5(
        creatinine, ok):
    d = plan(crcl=45, corrected_calcium="3.3 mmol/L", creatinine=creatinine)
    assert d["details"]["hcm_zoledronic_acid_mg"] == (4.0 if ok else None)
    assert ("hcm-za" if ok else "hcm-severe-renal") in d["path"]
    t = action(d, "hcm-urgent")["text"]["en"]
    if ok:
        assert "zoledronic acid 4 mg IV over ≥15 min, a single dose, with no renal dose reduction" in t
        assert "3.3" not in t  # the maintenance band does not touch the hypercalcaemia dose
    else:
        assert "only after weighing risks and benefits" in t and "Decide with nephrology" in t


@pytest.mark.parametrize("kw", [dict(crcl=20), dict(crcl=45, dialysis=True), dict(crcl=29.9)])
def test_hypercalcaemia_of_malignancy_with_severe_renal_impairment_weighs_risks_and_benefits(kw):
    d = plan(corrected_calcium="3.3 mmol/L", creatinine="2.0 mg/dL", **kw)
    assert "hcm-severe-renal" in d["path"] and d["details"]["hcm_zoledronic_acid_mg"] is None
    assert "with nephrology: zoledronic acid only after weighing risks and benefits" in d["explanation"]["en"]
    assert "or denosumab, which lowers calcium without the kidney" in d["explanation"]["en"]
    assert favoured(d) == "denosumab"  # maintenance: the severe renal branch
    assert "severe-renal-denosumab" in d["start"]["first_dose_after"]


def test_hypercalcaemia_of_malignancy_without_a_creatinine_asks_for_it_before_the_infusion():
    d = plan(crcl=45, corrected_calcium="3.3 mmol/L")
    assert "hcm-creatinine" in d["path"] and d["details"]["hcm_zoledronic_acid_mg"] is None
    assert "measure it now" in d["explanation"]["en"]
    assert "Measure serum creatinine now" in action(d, "hcm-urgent")["text"]["en"]


def test_hypercalcaemia_of_malignancy_is_not_delayed_by_the_dental_examination():
    d = plan(crcl=70, corrected_calcium="3.2 mmol/L", creatinine="1.0 mg/dL", dental_exam_done=False)
    # the dental examination waits for maintenance only; the urgent step comes before it on the path
    assert d["path"].index("hcm-za") < d["path"].index("dental")
    assert "dental" in d["start"]["first_dose_after"] and "hcm-urgent" not in d["start"]["first_dose_after"]
    assert "dental examination does not delay" in action(d, "hcm-urgent")["text"]["en"]


@pytest.mark.parametrize("active", [False, None, "unknown"])
def test_hypercalcaemia_of_malignancy_is_treated_urgently_even_when_active_myeloma_is_not_confirmed(active):
    d = mmguide.compute(PLAN, active_mm=active, crcl=70, corrected_calcium="3.2 mmol/L",
                        creatinine="1.0 mg/dL").as_dict()
    assert d["explanation"]["en"].startswith("Urgent: hypercalcaemia of malignancy")
    assert ids(d)[0] == "hcm-urgent"
    assert "myeloma-defining event" in action(d, "hcm-urgent")["text"]["en"]
    assert d["agents"] == []


# --- severe renal impairment and acute kidney injury -----------------------------------------------

@pytest.mark.parametrize("kw", [dict(crcl=29.9), dict(crcl=80, dialysis=True)])
def test_severe_renal_impairment_keeps_denosumab_with_ckd_mbd_assessment_and_weekly_calcium(kw):
    d = plan(corrected_calcium="2.3 mmol/L", calcium_lln="2.1 mmol/L", **kw)
    assert favoured(d) == "denosumab" and d["details"]["agents"] == ["denosumab"]
    assert "severe-renal-denosumab" in d["start"]["first_dose_after"]
    t = action(d, "severe-renal-denosumab")["text"]["en"]
    for s in ("no randomised data", "phase 3 trial excluded", "CKD mineral and bone disorder", "nephrology",
              "intact PTH", "25(OH) vitamin D", "1,25(OH)₂ vitamin D", "active vitamin D",
              "weekly for the first month, then monthly"):
        assert s in t, s
    assert {"fda2024prolia", "raje2018denosumab"} <= set(action(d, "severe-renal-denosumab")["references"])
    assert "weekly for the first month" in action(d, "monitor-calcium-denosumab")["text"]["en"]
    assert "assess CKD mineral and bone disorder with nephrology" in d["explanation"]["en"]
    reasons = " ".join(r["en"] for r in agent(d, "denosumab")["reasons"])
    assert "No randomised data below CrCl 30 mL/min" in reasons


def test_crcl_30_is_not_severe_renal_impairment():
    d = plan(crcl=30, corrected_calcium="2.3 mmol/L", calcium_lln="2.1 mmol/L")
    assert favoured(d) == "zoledronic-acid" and "severe-renal-denosumab" not in ids(d)


def test_pamidronate_over_4_to_6_hours_in_severe_renal_impairment_is_an_option_with_its_caveat():
    d = plan(crcl=20, corrected_calcium="2.3 mmol/L")
    pam = agent(d, "pamidronate")
    assert not pam["suitable"] and pam["dose"] is None  # the label does not recommend it
    why = " ".join(r["en"] for r in pam["reasons"])
    assert "90 mg over 4–6 h" in why and "outside the label" in why and "anderson2018asco" in pam["references"]


@pytest.mark.parametrize("stable,holds_za", [(False, True), (None, True), ("unknown", True), (True, False)])
def test_acute_kidney_injury_makes_the_clearance_provisional_and_holds_the_first_bisphosphonate_dose(stable, holds_za):
    d = plan(crcl=45, corrected_calcium="2.3 mmol/L", creatinine_stable=stable)
    assert favoured(d) == "zoledronic-acid"
    assert ("provisional-clearance" in d["start"]["first_dose_after"]) is holds_za
    if holds_za:
        t = action(d, "provisional-clearance")["text"]["en"]
        assert "does not describe lasting renal function" in t and "Re-estimate the clearance once creatinine is stable" in t
        assert "provisional-clearance" in d["path"] and "cockcroft1976" in action(d, "provisional-clearance")["references"]
        assert ("re-estimate the clearance once creatinine is stable" if stable is False
                else "find out whether creatinine is stable") in d["explanation"]["en"]


def test_acute_kidney_injury_does_not_hold_denosumab_which_the_kidney_does_not_clear():
    d = plan(crcl=20, corrected_calcium="2.3 mmol/L", calcium_lln="2.1 mmol/L", creatinine_stable=False)
    assert favoured(d) == "denosumab" and "provisional-clearance" in ids(d)
    assert "provisional-clearance" not in d["start"]["first_dose_after"]


# --- "unknown" is asked, never read as "no" ---------------------------------------------------------

UNKNOWN_INPUTS = ("active_mm", "dialysis", "dental_exam_done", "high_sre_risk", "prefers_subcutaneous",
                  "vitamin_d_known", "creatinine_stable")


def test_yes_no_inputs_that_change_the_plan_accept_unknown():
    calc = mmguide.calculator(PLAN)
    for name in UNKNOWN_INPUTS:
        spec = calc.input(name)
        assert spec.kind == "boolean" and spec.unknown and spec.default is None and not spec.required, name


@pytest.mark.parametrize("name", UNKNOWN_INPUTS)
def test_unknown_and_no_answer_give_the_same_plan(name):
    base = {**KNOWN, "crcl": 45, "corrected_calcium": "2.3 mmol/L"}
    given = {k: v for k, v in base.items() if k != name}
    def answer(**kw):  # the plan, less the record of which inputs were left blank
        d = mmguide.compute(PLAN, **kw).as_dict()
        d["details"].pop("not_given", None)
        return d

    assert answer(**given, **{name: "unknown"}) == answer(**given)


@pytest.mark.parametrize("name", ["active_mm", "dialysis", "creatinine_stable", "high_sre_risk"])
def test_unknown_is_never_read_as_no(name):
    base = {**KNOWN, "crcl": 45, "corrected_calcium": "2.3 mmol/L", "calcium_lln": "2.1 mmol/L"}
    no = mmguide.compute(PLAN, **{**base, name: False}).as_dict()
    unknown = mmguide.compute(PLAN, **{**base, name: "unknown"}).as_dict()
    assert unknown["path"] != no["path"] or unknown["explanation"] != no["explanation"]


@pytest.mark.parametrize("value", [None, "unknown", "?", "not known"])
def test_active_myeloma_not_known_is_found_out_first_not_read_as_smouldering(value):
    kw = {} if value is None else {"active_mm": value}
    d = mmguide.compute(PLAN, crcl=80, corrected_calcium="2.3 mmol/L", **kw).as_dict()
    assert d["category"] == "find-out-first" and d["path"][-1] == "ask-active"
    assert d["agents"] == [] and d["start"]["indicated"] is None
    assert d["explanation"]["en"].startswith("Find out first whether the myeloma is active")
    assert "smouldering" not in d["explanation"]["en"]


def test_dialysis_not_known_is_asked_before_the_first_dose():
    d = plan(crcl=45, corrected_calcium="2.3 mmol/L", dialysis="unknown")
    assert "ask-dialysis" in d["path"] and "ask-dialysis" in d["start"]["first_dose_after"]
    assert "find out whether the patient is on dialysis" in d["explanation"]["en"]
    # below 30 mL/min the answer does not change the agent, so it is not asked
    d = plan(crcl=25, corrected_calcium="2.3 mmol/L", dialysis="unknown")
    assert "ask-dialysis" not in ids(d) and favoured(d) == "denosumab"


@pytest.mark.parametrize("kw", [dict(high_sre_risk="unknown"), dict(prefers_subcutaneous="unknown"),
                                dict(high_sre_risk="unknown", prefers_subcutaneous="unknown")])
def test_risk_or_route_not_known_shows_zoledronic_acid_and_asks(kw):
    d = plan(crcl=70, corrected_calcium="2.3 mmol/L", **kw)
    assert favoured(d) == "zoledronic-acid" and "ask-preference" in ids(d)
    assert "Ask whether the patient is at high risk of skeletal-related events" in d["explanation"]["en"]
    # a "yes" to either still favours denosumab, whatever the other answer
    assert favoured(plan(crcl=70, corrected_calcium="2.3 mmol/L", **{**kw, "high_sre_risk": True})) == "denosumab"


@pytest.mark.parametrize("value", [False, "unknown"])
def test_dental_examination_not_known_is_asked_for_like_not_done(value):
    d = plan(crcl=70, corrected_calcium="2.3 mmol/L", dental_exam_done=value)
    assert "dental" in d["start"]["first_dose_after"]
    assert "dental examination before the first maintenance dose" in d["explanation"]["en"]


@pytest.mark.parametrize("value", [False, "unknown"])
def test_vitamin_d_not_known_is_measured_like_not_known(value):
    d = plan(crcl=20, corrected_calcium="2.3 mmol/L", calcium_lln="2.1 mmol/L", vitamin_d_known=value)
    assert "vitamin-d-status" in d["start"]["first_dose_after"] and "measure vitamin D" in d["explanation"]["en"]


@pytest.mark.parametrize("kw,field", [
    (dict(calcium_lln="2.20 mmol/L", calcium_uln="2.10 mmol/L"), "calcium_uln"),  # swapped
    (dict(calcium_uln="1.90 mmol/L"), "calcium_uln"),  # an upper limit where CTCAE grades hypocalcaemia
    (dict(calcium_lln="2.80 mmol/L"), "calcium_lln"),  # a lower limit above the CRAB threshold
])
def test_laboratory_limits_that_cannot_be_limits_are_refused(kw, field):
    with pytest.raises(InputError) as e:
        mmguide.compute(PLAN, **{**KNOWN, "crcl": 70, "corrected_calcium": "2.3 mmol/L", **kw})
    assert e.value.field == field


# --- the flowchart shows the new branches ------------------------------------------------------------

def test_flowchart_shows_the_urgent_hypercalcaemia_hypocalcaemia_and_unknown_branches():
    g = fc.flowchart(PLAN)
    edges = {(e.source, e.target) for e in g.edges}
    assert ("start", "severe-hypo") in edges and ("severe-hypo", "hcm") in edges and ("hcm", "hcm-renal") in edges
    assert ("severe-hypo", "now-calcium-gluconate") in edges
    assert {("hcm-renal", "hcm-za"), ("hcm-renal", "hcm-severe-renal"), ("hcm-renal", "hcm-creatinine")} <= edges
    assert {("active", "ask-active"), ("hypercalcaemia-check", "correct-calcium"),
            ("hypercalcaemia-check", "measure-calcium"), ("stable", "provisional-clearance"),
            ("renal", "ask-dialysis")} <= edges
    outcomes = {p.outcome for p in fc.paths(PLAN)}
    assert {"ask-active", "not-indicated", "denosumab", "za-4.0"} <= outcomes


# --- attribution and wording (review findings) -----------------------------------------------------------

def test_high_sre_risk_favouring_denosumab_is_attributed_to_the_interview_not_the_trial():
    d = plan(crcl=70, corrected_calcium="2.3 mmol/L", high_sre_risk=True)
    dmab = agent(d, "denosumab")
    interview = next(r for r in dmab["reasons"] if "interview" in r["en"])
    assert "non-inferiority to zoledronic acid, not superiority" in interview["en"]
    trial = next(r for r in dmab["reasons"] if "Non-inferior" in r["en"])
    assert "superiority was not shown" in trial["en"]
    text = " ".join(r["en"] for r in dmab["reasons"]).lower()
    assert "superior to" not in text and "chance alone" not in text
    decisions = " ".join(x["en"] for x in mmguide.calculator(PLAN).decisions)
    assert "the interview's view: the randomised trial showed non-inferiority, not superiority" in decisions


def test_baseline_clearance_sets_the_zoledronic_acid_dose_and_later_doses_follow_the_creatinine_rise_rule():
    d = plan(crcl=45, corrected_calcium="2.3 mmol/L")
    za = " ".join(r["en"] for r in agent(d, "zoledronic-acid")["reasons"])
    assert "The clearance before the first dose sets the dose" in za and "not a new dose band each cycle" in za
    mon = action(d, "monitor-creatinine")["text"]["en"]
    assert "not re-banded each cycle" in mon and "within 10% of baseline" in mon
    cg = mmguide.compute("crcl-cockcroft-gault", age=70, weight="70 kg", creatinine="1.5 mg/dL", sex="male")
    assert "the clearance before the first dose sets the dose" in cg.explanation["en"]
    assert "during acute kidney injury" in cg.explanation["en"]


# --- corrected calcium: CTCAE grades ------------------------------------------------------------------------

@pytest.mark.parametrize("calcium,grade", [
    # CTCAE v5.0 (fact sheet §12B): grade 2 < 2.0 (8.0), grade 3 < 1.75 (7.0), grade 4 < 1.5 (6.0)
    ("2.00 mmol/L", None), ("1.99 mmol/L", 2), ("1.75 mmol/L", 2), ("1.74 mmol/L", 3), ("1.50 mmol/L", 3),
    ("1.49 mmol/L", 4), ("8.0 mg/dL", None), ("7.9 mg/dL", 2), ("7.0 mg/dL", 2), ("6.9 mg/dL", 3),
    ("6.0 mg/dL", 3), ("5.9 mg/dL", 4),
])
def test_ctcae_grades_of_hypocalcaemia_at_their_edges(calcium, grade):
    albumin = "40 g/L" if "mmol" in calcium else "4.0 g/dL"  # no correction: the value is the corrected one
    r = mmguide.compute("corrected-calcium", calcium=calcium, albumin=albumin)
    assert r.details["ctcae_grade"] == grade
    assert r.category == ("hypocalcaemia" if grade else "no-crab-hypercalcaemia")
    if grade:
        assert f"CTCAE grade {grade} hypocalcaemia" in r.explanation["en"]
        assert "whatever the laboratory's limits" in r.explanation["en"]


def test_ctcae_grade_1_hypocalcaemia_needs_the_laboratory_lower_limit():
    r = mmguide.compute("corrected-calcium", calcium="2.05 mmol/L", albumin="40 g/L", calcium_lln="2.10 mmol/L")
    assert r.category == "below-lower-limit" and r.details["ctcae_grade"] == 1
    assert mmguide.compute("corrected-calcium", calcium="2.05 mmol/L", albumin="40 g/L").details["ctcae_grade"] is None


@pytest.mark.parametrize("calcium,uln,grade", [
    # grade 1 > ULN to 2.9 (11.5); grade 2 > 2.9 (11.5); grade 3 > 3.1 (12.5); grade 4 > 3.4 (13.5)
    ("2.61 mmol/L", "2.60 mmol/L", 1), ("2.60 mmol/L", "2.60 mmol/L", None), ("2.90 mmol/L", None, 1),
    ("2.91 mmol/L", None, 2), ("3.10 mmol/L", None, 2), ("3.11 mmol/L", None, 3), ("3.40 mmol/L", None, 3),
    ("3.41 mmol/L", None, 4), ("11.5 mg/dL", None, 1), ("11.6 mg/dL", None, 2), ("12.5 mg/dL", None, 2),
    ("12.6 mg/dL", None, 3), ("13.5 mg/dL", None, 3), ("13.6 mg/dL", None, 4),
])
def test_ctcae_grades_of_hypercalcaemia_at_their_edges(calcium, uln, grade):
    albumin = "40 g/L" if "mmol" in calcium else "4.0 g/dL"
    kw = {} if uln is None else {"calcium_uln": uln}
    r = mmguide.compute("corrected-calcium", calcium=calcium, albumin=albumin, **kw)
    assert r.details["ctcae_grade"] == grade
    if grade:
        assert r.details["ctcae"] == "hypercalcaemia"


def test_corrected_calcium_thresholds_are_named_constants_in_the_unit_measured():
    from mmguide.clinical import corrected_calcium as cc

    assert cc.HYPOCALCAEMIA_BELOW == {"mmol/L": cc.F("2.0"), "mg/dL": cc.F("8.0")}
    assert "nci2017ctcae" in mmguide.calculator("corrected-calcium").references


# --- Cockcroft–Gault: an implausible result is not a clearance ------------------------------------------------

@pytest.mark.parametrize("kw,plausible", [
    (dict(age=20, weight="150 kg", creatinine="0.1 mg/dL"), False),  # 2500 mL/min: a misplaced decimal point
    (dict(age=30, weight="110 kg", creatinine="0.44 mg/dL"), False),  # 381.9 mL/min
    (dict(age=80, weight="72 kg", creatinine="0.24 mg/dL"), True),  # exactly 250 mL/min: the edge is plausible
    (dict(age=80, weight="72 kg", creatinine="1.0 mg/dL"), True),  # 60 mL/min
])
def test_cockcroft_gault_result_above_the_accepted_clearance_range_is_flagged_implausible(kw, plausible):
    r = mmguide.compute("crcl-cockcroft-gault", sex="male", **kw)
    assert r.details["plausible"] is plausible
    assert r.category == (None if plausible else "implausible")
    if not plausible:
        assert "not a plausible clearance" in r.explanation["en"] and "do not dose from it" in r.explanation["en"]
        assert "obesity" in r.explanation["en"] and "little muscle" in r.explanation["en"]
        assert "demirovic2009obese" in r.references
        with pytest.raises(InputError):  # and the dose calculator would refuse it as a clearance
            mmguide.compute("zoledronic-acid-dose", crcl=f"{r.value} mL/min")
    # the bound is a project decision, written down in the record
    decisions = " ".join(x["en"] for x in mmguide.calculator("crcl-cockcroft-gault").decisions)
    assert "'implausible'" in decisions and "no source gives an upper bound" in decisions


# --- diagnosis and response edges ------------------------------------------------------------------------------

@pytest.mark.parametrize("bmpc,flagged", [("9.9 %", True), ("10 %", False)])
def test_single_lytic_lesion_with_marrow_plasma_cells_below_10_percent_is_a_possible_solitary_plasmacytoma(
        bmpc, flagged):
    r = mmguide.compute("myeloma-defining-events", lytic_lesions=1, bm_plasma_cells=bmpc)
    assert r.details["possible_solitary_plasmacytoma"] is flagged
    if flagged:
        assert r.category == "possible-solitary-plasmacytoma" and r.value == []
        assert "solitary plasmacytoma" in r.explanation["en"] and "孤立性浆细胞瘤" in r.explanation["zh"]
    else:
        assert r.category == "mde-present" and r.value == ["bone"]
    # two lesions count whatever the marrow
    assert mmguide.compute("myeloma-defining-events", lytic_lesions=2, bm_plasma_cells=bmpc).value == ["bone"]


def test_single_lytic_lesion_without_a_marrow_result_names_the_plasmacytoma_question():
    r = mmguide.compute("myeloma-defining-events", lytic_lesions=1)
    assert r.value == ["bone"] and "solitary plasmacytoma" in r.explanation["en"]


@pytest.mark.parametrize("bs,bu,measurable", [
    # measurable: serum M-protein ≥ 1 g/dL or urine ≥ 200 mg/24 h (Kumar 2016, fact sheet §12D)
    ("0.9 g/dL", "199 mg/24 h", False), ("1.0 g/dL", "0 mg/24 h", True), ("0.5 g/dL", "200 mg/24 h", True),
    ("9 g/L", "150 mg/24 h", False),
])
def test_response_is_not_evaluable_when_the_baseline_is_not_measurable(bs, bu, measurable):
    r = mmguide.compute("imwg-response", baseline_serum_m=bs, current_serum_m="0.1 g/dL", baseline_urine_m=bu,
                        current_urine_m="0 mg/24 h")
    assert (r.category == "not-evaluable") is not measurable
    if not measurable:
        assert r.details["reason"] == "baseline not measurable by M-protein"
        assert "not measurable" in r.explanation["en"] and "free light chain" in r.explanation["en"]


def test_m_protein_only_stable_disease_says_bone_lesions_plasmacytomas_and_marrow_were_not_assessed():
    r = mmguide.compute("imwg-response", baseline_serum_m="4.0 g/dL", current_serum_m="3.2 g/dL",
                        baseline_urine_m="1000 mg/24 h", current_urine_m="500 mg/24 h")
    assert r.category == "SD"
    assert "new or enlarging bone lesions, plasmacytomas and the marrow were not assessed" in r.explanation["en"]
    assert r.details["not_assessed"] == ["bone lesions", "plasmacytomas", "marrow"]
    assert "浆细胞瘤" in r.explanation["zh"]
