"""Bone protection plan: severe renal impairment at exactly 30 mL/min for the vitamin D step, the
calcium thresholds as the flowchart shows them, and the flowchart's example patients for a calcium
above the laboratory's upper limit only; then what the plan says and which steps hold back the first
dose in the states each text or gate turns on, at both sides of each edge (fact sheet §2, §8, §12A–C).
"""

from fractions import Fraction as F

import pytest

import mmguide
from mmguide import flowcharts as fc

PLAN = "bone-protection-plan"


@pytest.mark.parametrize("crcl, severe", [("29.99", True), ("30", False), ("45", False)])
def test_the_vitamin_d_step_gates_the_first_dose_only_below_30_ml_min(crcl, severe):
    # Xgeva label: hypocalcaemia risk highest with CrCl < 30 mL/min (strict) or dialysis
    d = mmguide.compute(PLAN, active_mm=True, crcl=crcl, dialysis=False, vitamin_d_known=False).as_dict()
    text = {a["id"]: a["text"]["en"] for a in d["actions"]}["vitamin-d-status"]
    assert ("With CrCl < 30 mL/min or dialysis the risk of hypocalcaemia on denosumab is highest" in text) is severe
    assert ("vitamin-d-status" in d["start"]["first_dose_after"]) is severe


def test_the_flowchart_shows_the_calcium_thresholds_as_the_sources_write_them():
    # Zometa: hypercalcaemia of malignancy at ≥ 3.0 mmol/L (12 mg/dL); CTCAE grade 2 below 2.0 mmol/L (8.0 mg/dL)
    labels = [n.label["en"] for n in fc.flowchart(PLAN).nodes]
    assert "NOW · Corrected calcium ≥ 3.0 mmol/L (≥ 12 mg/dL): hypercalcaemia of malignancy?" in labels
    # Society for Endocrinology: severe hypocalcaemia below 1.9 mmol/L, or with symptoms
    assert "NOW · Severe hypocalcaemia: corrected calcium < 1.9 mmol/L, or low with symptoms?" in labels
    assert ("Corrected calcium: high (> 2.75 mmol/L or above the laboratory's upper limit), low (< 2.0 mmol/L or "
            "below the lower limit), or neither?") in labels


def test_the_plan_states_the_hypocalcaemia_floor_in_both_units():
    r = mmguide.compute(PLAN, active_mm=True, crcl="45", corrected_calcium="2.05 mmol/L", calcium_lln="2.10 mmol/L")
    head = {a["id"]: a["text"]["en"] for a in r.as_dict()["actions"]}["correct-hypocalcaemia"]
    assert "below 2.0 mmol/L (8.0 mg/dL), CTCAE grade 2 or worse, whatever the limits" in head


def test_the_flowchart_examples_include_a_calcium_above_the_upper_limit_but_below_the_crab_threshold():
    states = [s for p in fc.paths(PLAN) for s in p.states]
    assert any(s.get("corrected_calcium") == "2.70 mmol/L" and s.get("calcium_uln") == "2.60 mmol/L" for s in states)
    assert any(s.get("corrected_calcium") == "2.90 mmol/L" and "calcium_uln" not in s for s in states)


def test_the_flowchart_examples_of_low_calcium_include_one_below_the_limit_and_one_below_the_ctcae_floor():
    states = [s for p in fc.paths(PLAN) for s in p.states]
    assert any(s.get("corrected_calcium") == "1.95 mmol/L" and s.get("calcium_lln") == "2.10 mmol/L" for s in states)
    assert any(s.get("corrected_calcium") == "1.20 mmol/L" and "calcium_lln" not in s for s in states)


def test_only_the_hypercalcaemia_of_malignancy_paths_give_their_example_patients_a_creatinine():
    for p in fc.paths(PLAN):
        for s in p.states:
            if "creatinine" in s:
                assert s["corrected_calcium"] == "3.30 mmol/L", (p.nodes, s)


def test_severe_renal_impairment_without_hypercalcaemia_of_malignancy_has_example_patients():
    # CrCl < 30 mL/min or dialysis, with any calcium other than ≥ 3.0 mmol/L: the flowchart's paths keep
    # their example patients (the creatinine question belongs to the hypercalcaemia-of-malignancy branch only)
    states = [s for p in fc.paths(PLAN) for s in p.states if s.get("corrected_calcium") != "3.30 mmol/L"]
    assert any(s.get("crcl") == "29.9 mL/min" for s in states)
    assert any(s.get("dialysis") is True for s in states)


# --- What the plan says, and which steps gate the first dose, on both sides of each edge ----------

def _plan(**kw):
    return mmguide.compute(PLAN, **kw).as_dict()


def _action_text(d, action_id):
    return {a["id"]: a["text"]["en"] for a in d["actions"]}.get(action_id)


def _za_reasons(d):
    return [r["en"] for a in d["agents"] if a["agent"] == "zoledronic-acid" for r in a["reasons"]]


@pytest.mark.parametrize("crcl, reduced", [("60", True), ("60.1", False), ("30", True)])
def test_the_zoledronic_acid_row_says_the_dose_is_reduced_only_below_the_full_dose_band(crcl, reduced):
    # Zometa label: 4.0 mg above 60 mL/min; 3.5 mg at 50–60, 3.0 mg at 30–<40 (fact sheet §2)
    d = _plan(active_mm=True, crcl=crcl, dialysis=False, high_sre_risk=False, prefers_subcutaneous=False)
    said = [r for r in _za_reasons(d) if r.startswith("Reduced dose for CrCl")]
    assert bool(said) is reduced, _za_reasons(d)
    if reduced:
        assert said[0].endswith("mL/min (label renal dose table).")


def test_the_creatinine_rule_is_written_as_the_label_writes_it():
    # fact sheet §2: a rise of 0.5 mg/dL (44 µmol/L) from a normal baseline (< 1.4 mg/dL, 124 µmol/L) or of
    # 1.0 mg/dL (88 µmol/L) from an abnormal one; resume within 10 % of baseline, at the same dose
    t = _action_text(_plan(active_mm=True, crcl="80", dialysis=False), "monitor-creatinine")
    assert ("Withhold zoledronic acid if creatinine rises by ≥0.5 mg/dL (44 µmol/L) from a normal baseline "
            "(<1.4 mg/dL, 124 µmol/L) or by ≥1.0 mg/dL (88 µmol/L) from an abnormal baseline; resume at the same "
            "dose when creatinine is within 10% of baseline") in t


MDE = "Hypercalcaemia is a myeloma-defining event when"


@pytest.mark.parametrize("calcium, uln, high", [
    ("2.75 mmol/L", None, False),  # exactly the CRAB threshold: not above it (fact sheet §8, strict >)
    ("2.76 mmol/L", None, True),
    ("11.0 mg/dL", None, False),
    ("11.1 mg/dL", None, True),
    ("2.60 mmol/L", "2.60 mmol/L", False),  # at the laboratory's upper limit: not above it
    ("2.61 mmol/L", "2.60 mmol/L", True),
    ("3.00 mmol/L", None, True),  # hypercalcaemia of malignancy
])
def test_outside_the_plan_a_high_calcium_sends_the_reader_back_to_whether_the_myeloma_is_active(calcium, uln, high):
    # hypercalcaemia attributable to the plasma-cell disorder is the C of CRAB (Rajkumar 2014): a patient called
    # "not active" with it may have active myeloma
    kw = {"calcium_uln": uln} if uln else {}
    d = _plan(active_mm=False, crcl="80", corrected_calcium=calcium, **kw)
    # hypercalcaemia of malignancy is treated now whatever the plan decides (the answer's category says so)
    assert d["details"]["decision"] == "not-indicated"
    assert d["category"] == ("urgent-first" if calcium == "3.00 mmol/L" else "not-indicated")
    assert (MDE in _action_text(d, "not-indicated")) is high
    assert ("reassess whether the myeloma is active" in d["explanation"]["en"]) is high


@pytest.mark.parametrize("done", [True, False, "unknown"])
def test_the_dental_step_says_what_is_left_to_do_and_gates_the_first_dose_until_the_examination(done):
    d = _plan(active_mm=True, crcl="80", dialysis=False, dental_exam_done=done)
    t = _action_text(d, "dental")
    assert t.startswith("Dental examination done: complete any preventive dental treatment") is (done is True)
    assert ("a comprehensive dental examination" in t) is (done is not True)
    assert ("dental" in d["start"]["first_dose_after"]) is (done is not True)


@pytest.mark.parametrize("crcl, dialysis", [("29.9", False), ("45", True), ("30", False)])
@pytest.mark.parametrize("known", [True, False])
def test_a_known_vitamin_d_status_is_corrected_not_measured_again(crcl, dialysis, known):
    d = _plan(active_mm=True, crcl=crcl, dialysis=dialysis, vitamin_d_known=known)
    t = _action_text(d, "vitamin-d-status")
    assert t.startswith("Vitamin D status is known: correct any deficiency before the first dose.") is known
    assert ("Vitamin D status is not known: measure it before the first dose" in t) is (not known)
    severe = dialysis or crcl == "29.9"
    assert ("vitamin-d-status" in d["start"]["first_dose_after"]) is (severe and not known)


@pytest.mark.parametrize("calcium, creatinine, urgent", [
    ("2.99 mmol/L", None, False), ("3.00 mmol/L", "1.0 mg/dL", True),
    ("11.9 mg/dL", None, False), ("12.0 mg/dL", "1.0 mg/dL", True),
])
def test_the_supplement_step_after_hypercalcaemia_of_malignancy_follows_the_urgent_treatment(calcium, creatinine, urgent):
    # Zometa: hypercalcaemia of malignancy at ≥ 3.0 mmol/L (12 mg/dL); below it, the milder hypercalcaemia text
    kw = {"creatinine": creatinine} if creatinine else {}
    d = _plan(active_mm=True, crcl="45", dialysis=False, corrected_calcium=calcium, **kw)
    t = _action_text(d, "hypercalcaemia")
    assert ("hcm-urgent" in [a["id"] for a in d["actions"]]) is urgent
    assert t.startswith("After the urgent treatment: no calcium or vitamin D supplements while calcium is high") is urgent
    assert ("below the level of hypercalcaemia of malignancy" in t) is (not urgent)
    assert "calcium-vitamin-d" not in [a["id"] for a in d["actions"]]


@pytest.mark.parametrize("stable", [False, "unknown", None])
def test_a_provisional_clearance_says_whether_the_creatinine_is_unstable_or_its_stability_not_known(stable):
    kw = {} if stable is None else {"creatinine_stable": stable}
    d = _plan(active_mm=True, crcl="45", dialysis=False, **kw)
    t = _action_text(d, "provisional-clearance")
    assert t.startswith("The creatinine is not stable (acute kidney injury") is (stable is False)
    assert t.startswith("Whether the creatinine is stable was not given: find out") is (stable is not False)
    # zoledronic acid is favoured: its first dose waits for a clearance at a stable creatinine
    assert "provisional-clearance" in d["start"]["first_dose_after"]


def test_a_stable_creatinine_gives_a_lasting_clearance():
    d = _plan(active_mm=True, crcl="45", dialysis=False, creatinine_stable=True)
    assert _action_text(d, "provisional-clearance") is None
    assert "provisional-clearance" not in d["start"]["first_dose_after"]


@pytest.mark.parametrize("kw, dose", [
    ({"active_mm": False}, None),  # outside the plan: no dose is given
    ({"active_mm": "unknown"}, None),  # not known whether active: no dose yet
    ({"active_mm": True}, F("4.0")),  # Zometa: 4.0 mg above 60 mL/min
    ({"active_mm": True, "dialysis": True}, None),  # on dialysis zoledronic acid is not recommended
])
def test_a_zoledronic_acid_dose_is_reported_only_for_a_patient_the_plan_starts_on_it(kw, dose):
    d = _plan(crcl="80", **kw)
    assert d["details"]["zoledronic_acid_dose_mg"] == dose


def test_without_a_clearance_the_plan_answers_what_does_not_depend_on_it_and_asks_for_it():
    # the start decision (BP-1) does not depend on the clearance; the agent and its dose do (labels): no agent
    # is named, the first dose waits for it, and the reader is told what is still needed
    d = mmguide.compute(PLAN, active_mm=True).as_dict()
    assert d["category"] == "hold" and d["details"]["favoured"] is None and d["agents"] == []
    assert "ask-clearance" in d["start"]["first_dose_after"] and "crcl" in d["details"]["needed"]
    d = mmguide.compute(PLAN, active_mm=True, age=70, sex="female").as_dict()
    assert d["details"]["favoured"] is None and {"weight", "creatinine"} <= set(d["details"]["needed"])
    # with dialysis the agent is decided without a clearance (denosumab only)
    d = mmguide.compute(PLAN, active_mm=True, dialysis=True).as_dict()
    assert d["details"]["favoured"] == "denosumab"


# --- the emergencies and the plan's new inputs, at both sides of each edge (fact sheet §13) -----------

BASE = dict(active_mm=True, crcl="70 mL/min", dialysis=False, creatinine_stable=True, dental_exam_done=True,
            pregnancy_possible=False, current_agent="none", oliguria=False, heart_failure=False)


@pytest.mark.parametrize("calcium, symptoms, severe", [
    # Society for Endocrinology: adjusted calcium < 1.9 mmol/L, or symptomatic below the range, is severe;
    # 1.9 mmol/L = 7.6152 mg/dL (4.008 mg/dL per mmol/L)
    ("1.89 mmol/L", False, True), ("1.9 mmol/L", False, False), ("1.9 mmol/L", True, True),
    ("7.61 mg/dL", False, True), ("7.62 mg/dL", False, False), ("1.99 mmol/L", True, True),
    ("2.0 mmol/L", True, False),  # not below the floor; with no laboratory limit the range is asked for (below)
    ("1.74 mmol/L", None, True),  # CTCAE grade 3 (< 1.75 mmol/L) is always severe
    ("6.9 mg/dL", None, True),  # CTCAE grade 3 (< 7.0 mg/dL)
])
def test_severe_hypocalcaemia_is_an_urgent_branch_at_its_edge(calcium, symptoms, severe):
    kw = dict(BASE, corrected_calcium=calcium)
    if symptoms is not None:
        kw["hypocalcaemia_symptoms"] = symptoms
    d = mmguide.compute(PLAN, **kw).as_dict()
    assert d["details"]["severe_hypocalcaemia"] is severe
    # symptoms with a calcium at or above the floor and no laboratory limit: the limit is asked for at once
    unclear = symptoms is True and not severe
    assert (d["category"] == "urgent-first") is (severe or unclear)
    assert ("symptoms-measure-calcium" in [a["id"] for a in d["actions"]]) is unclear
    assert d["explanation"]["en"].startswith("Urgent: severe hypocalcaemia") is severe
    if severe:
        t = d["actions"][0]["text"]["en"]
        assert d["actions"][0]["id"] == "severe-hypocalcaemia"
        for w in ("10–20 mL of 10% calcium gluconate", "50–100 mL of 5% dextrose", "over 10 min",
                  "ECG monitoring", "magnesium", "No bone-targeted agent until the calcium is corrected"):
            assert w in t, w
        assert "turner2016hypocalcaemia" in d["actions"][0]["references"]


@pytest.mark.parametrize("calcium, calcitonin", [
    # Endocrine Society 2023: severe hypercalcaemia is calcium > 14 mg/dL (3.5 mmol/L): calcitonin as well
    ("3.5 mmol/L", False), ("3.51 mmol/L", True), ("14 mg/dL", False), ("14.1 mg/dL", True),
])
def test_calcitonin_is_named_above_3_5_mmol_l(calcium, calcitonin):
    d = mmguide.compute(PLAN, **dict(BASE, corrected_calcium=calcium, creatinine="1.0 mg/dL")).as_dict()
    t = d["actions"][0]["text"]["en"]
    assert ("calcitonin" in t) is calcitonin and ("calcitonin" in d["explanation"]["en"]) is calcitonin
    assert "elhajjfuleihan2023hypercalcemia" in d["actions"][0]["references"]


@pytest.mark.parametrize("albumin, confirm", [("24.9 g/L", True), ("25 g/L", False), ("2.4 g/dL", True),
                                             ("2.5 g/dL", False)])
def test_very_low_albumin_asks_for_an_ionised_calcium(albumin, confirm):
    for calcium in ("3.2 mmol/L", "1.95 mmol/L"):
        d = mmguide.compute(PLAN, **dict(BASE, corrected_calcium=calcium, creatinine="1.0 mg/dL",
                                         albumin=albumin)).as_dict()
        assert ("confirm-ionised-calcium" in [a["id"] for a in d["actions"]]) is confirm
    # a normal calcium needs no emergency decision
    d = mmguide.compute(PLAN, **dict(BASE, corrected_calcium="2.3 mmol/L", albumin=albumin)).as_dict()
    assert "confirm-ionised-calcium" not in [a["id"] for a in d["actions"]]


@pytest.mark.parametrize("kw, words, absent", [
    (dict(dialysis=True), ["No saline load", "low-calcium dialysate"], ["about 2 L of urine"]),
    (dict(oliguria=True), ["No saline load", "low-calcium dialysate"], ["about 2 L of urine"]),
    (dict(heart_failure=True), ["only cautiously", "by volume status"], ["about 2 L of urine"]),
    (dict(), ["Rehydrate with intravenous saline first, aiming at about 2 L of urine"], ["No saline load"]),
    (dict(oliguria=None, heart_failure=None), ["only if the patient passes urine and has no heart failure"], []),
])
def test_fluids_in_hypercalcaemia_follow_what_the_patient_can_excrete(kw, words, absent):
    d = mmguide.compute(PLAN, **dict(BASE, corrected_calcium="3.3 mmol/L", creatinine="1.0 mg/dL", **kw)).as_dict()
    t = d["actions"][0]["text"]["en"]
    for w in words:
        assert w in t, w
    for w in absent:
        assert w not in t, w


@pytest.mark.parametrize("kw, category, pending", [
    (dict(onj="active"), "hold", "onj"), (dict(onj="previous"), "hold", "onj"), (dict(onj="none"), "start-now", None),
    (dict(pregnancy_possible=True), "hold", "pregnancy"),
    (dict(pregnancy_possible=None), "start-now", "pregnancy"),  # sex not given: the check is asked for
    (dict(pregnancy_possible=None, age=35, weight="60 kg", creatinine="0.7 mg/dL", sex="female", crcl=None),
     "start-now", "pregnancy"),
    (dict(pregnancy_possible=None, age=70, weight="80 kg", creatinine="1.0 mg/dL", sex="male", crcl=None),
     "start-now", None),
])
def test_onj_and_pregnancy_hold_or_gate_the_first_dose(kw, category, pending):
    args = dict(BASE, corrected_calcium="2.3 mmol/L", calcium_lln="2.1 mmol/L", vitamin_d_known=True,
                high_sre_risk=False, prefers_subcutaneous=False)
    args.update(kw)
    args = {k: v for k, v in args.items() if v is not None or k in ("pregnancy_possible",)}
    d = mmguide.compute(PLAN, **args).as_dict()
    assert d["category"] == category
    if pending:
        assert pending in d["start"]["first_dose_after"]
    else:
        assert "pregnancy" not in d["start"]["first_dose_after"] and "onj" not in d["start"]["first_dose_after"]


@pytest.mark.parametrize("agent, months, response, says", [
    # IMWG 2021: at least 12 months monthly, then at >= VGPR consider every 3 or 6 months or stopping;
    # ASCO 2018: up to 2 years, then reconsider; ECTS 2021: after denosumab, a bisphosphonate about 6 months on
    ("zoledronic-acid", 11, "vgpr-or-better", ["Under 12 months: continue monthly"]),
    ("zoledronic-acid", 12, "vgpr-or-better", ["consider reducing to every 3 or 6 months, or stopping"]),
    ("zoledronic-acid", 12, "less-than-vgpr", ["response below VGPR: continue"]),
    ("zoledronic-acid", 12, None, ["give the depth of response"]),
    ("zoledronic-acid", 23, "less-than-vgpr", ["continue"]),
    ("zoledronic-acid", 24, "vgpr-or-better", ["At 24 months (2 years) ASCO 2018 advises reconsidering"]),
    ("denosumab", 24, "vgpr-or-better", ["needs a plan against the rebound", "about 6 months after the last injection"]),
    ("zoledronic-acid", None, None, ["review at 12 months"]),
])
def test_a_patient_already_on_an_agent_gets_its_duration_not_a_new_start(agent, months, response, says):
    kw = dict(BASE, corrected_calcium="2.3 mmol/L", calcium_lln="2.1 mmol/L", current_agent=agent)
    if months is not None:
        kw["months_on_agent"] = months
    if response is not None:
        kw["response"] = response
    d = mmguide.compute(PLAN, **kw).as_dict()
    assert d["category"] == "continue" and d["details"]["favoured"] == agent
    assert "dental" not in [a["id"] for a in d["actions"]] and "Start bone protection now" not in d["explanation"]["en"]
    t = next(a for a in d["actions"] if a["id"] == "duration-review")["text"]["en"]
    for w in says:
        assert w in t, (w, t)
    assert ("At 24 months" in t) is (months is not None and months >= 24)


@pytest.mark.parametrize("creatinine, held", [
    # Zometa label (fact sheet §13E): the trials excluded serum creatinine above 3.0 mg/dL (265 µmol/L)
    ("3.0 mg/dL", False), ("3.01 mg/dL", True), ("265 µmol/L", False), ("266 µmol/L", True),
])
def test_zoledronic_acid_is_held_above_creatinine_3_0_mg_dl_at_a_start_and_when_continuing(creatinine, held):
    start = dict(BASE, corrected_calcium="2.3 mmol/L", calcium_lln="2.1 mmol/L", creatinine=creatinine,
                 high_sre_risk=False, prefers_subcutaneous=False)
    d = mmguide.compute(PLAN, **start).as_dict()
    assert d["details"]["favoured"] == "zoledronic-acid"
    assert (d["category"] == "hold") is held and (d["start"]["timing"] == "hold-renal") is held
    d = mmguide.compute(PLAN, **dict(start, current_agent="zoledronic-acid", months_on_agent=6)).as_dict()
    assert d["category"] == ("hold" if held else "continue")
    assert "renal-check-before-dose" in d["start"]["first_dose_after"]
    # a dose already established is kept: the plan never re-bands it from today's clearance
    za = next(a for a in d["agents"] if a["agent"] == "zoledronic-acid")
    assert za["dose"] is None or "the dose already established" in za["dose"]["en"]


@pytest.mark.parametrize("crcl, held", [("29.9 mL/min", True), ("30 mL/min", False)])
def test_a_patient_on_zoledronic_acid_below_crcl_30_is_held_for_nephrology(crcl, held):
    d = mmguide.compute(PLAN, **dict(BASE, crcl=crcl, corrected_calcium="2.3 mmol/L", calcium_lln="2.1 mmol/L",
                                     current_agent="zoledronic-acid", months_on_agent=6)).as_dict()
    assert d["category"] == ("hold" if held else "continue")


@pytest.mark.parametrize("stable, held", [(False, True), (True, False)])
def test_acute_kidney_injury_holds_a_first_bisphosphonate_dose(stable, held):
    d = mmguide.compute(PLAN, **dict(BASE, corrected_calcium="2.3 mmol/L", calcium_lln="2.1 mmol/L",
                                     creatinine_stable=stable, high_sre_risk=False,
                                     prefers_subcutaneous=False)).as_dict()
    assert (d["category"] == "hold") is held
