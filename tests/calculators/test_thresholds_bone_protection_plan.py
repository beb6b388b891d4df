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
    d = mmguide.compute(PLAN, active_mm=True, crcl=f"{crcl} mL/min", dialysis=False, vitamin_d_known=False).as_dict()
    text = {a["id"]: a["text"]["en"] for a in d["actions"]}["vitamin-d-status"]
    assert ("With CrCl < 30 mL/min or dialysis the risk of hypocalcaemia on denosumab is highest" in text) is severe
    assert ("vitamin-d-status" in d["start"]["first_dose_after"]) is severe


def test_the_flowchart_shows_the_calcium_thresholds_as_the_sources_write_them():
    # Zometa: hypercalcaemia of malignancy at ≥ 3.0 mmol/L (12 mg/dL); CTCAE grade 2 below 2.0 mmol/L (8.0 mg/dL)
    labels = [n.label["en"] for n in fc.flowchart(PLAN).nodes]
    assert "Corrected calcium ≥ 3.0 mmol/L (≥ 12 mg/dL): hypercalcaemia of malignancy?" in labels
    assert ("Corrected calcium: high (> 2.75 mmol/L or above the laboratory's upper limit), low (< 2.0 mmol/L or "
            "below the lower limit), or neither?") in labels


def test_the_plan_states_the_hypocalcaemia_floor_in_both_units():
    r = mmguide.compute(PLAN, active_mm=True, crcl="45 mL/min", corrected_calcium="2.05 mmol/L", calcium_lln="2.10 mmol/L")
    head = {a["id"]: a["text"]["en"] for a in r.as_dict()["actions"]}["correct-hypocalcaemia"]
    assert "below 2.0 mmol/L (8.0 mg/dL), CTCAE grade 2, whatever the limits" in head


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
    d = _plan(active_mm=True, crcl=f"{crcl} mL/min", dialysis=False, high_sre_risk=False, prefers_subcutaneous=False)
    said = [r for r in _za_reasons(d) if r.startswith("Reduced dose for CrCl")]
    assert bool(said) is reduced, _za_reasons(d)
    if reduced:
        assert said[0].endswith("mL/min (label renal dose table).")


def test_the_creatinine_rule_is_written_as_the_label_writes_it():
    # fact sheet §2: a rise of 0.5 mg/dL (44 µmol/L) from a normal baseline (< 1.4 mg/dL, 124 µmol/L) or of
    # 1.0 mg/dL (88 µmol/L) from an abnormal one; resume within 10 % of baseline, at the same dose
    t = _action_text(_plan(active_mm=True, crcl="80 mL/min", dialysis=False), "monitor-creatinine")
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
    d = _plan(active_mm=False, crcl="80 mL/min", corrected_calcium=calcium, **kw)
    assert d["category"] == "not-indicated"
    assert (MDE in _action_text(d, "not-indicated")) is high
    assert ("reassess whether the myeloma is active" in d["explanation"]["en"]) is high


@pytest.mark.parametrize("done", [True, False, "unknown"])
def test_the_dental_step_says_what_is_left_to_do_and_gates_the_first_dose_until_the_examination(done):
    d = _plan(active_mm=True, crcl="80 mL/min", dialysis=False, dental_exam_done=done)
    t = _action_text(d, "dental")
    assert t.startswith("Dental examination done: complete any preventive dental treatment") is (done is True)
    assert ("a comprehensive dental examination" in t) is (done is not True)
    assert ("dental" in d["start"]["first_dose_after"]) is (done is not True)


@pytest.mark.parametrize("crcl, dialysis", [("29.9", False), ("45", True), ("30", False)])
@pytest.mark.parametrize("known", [True, False])
def test_a_known_vitamin_d_status_is_corrected_not_measured_again(crcl, dialysis, known):
    d = _plan(active_mm=True, crcl=f"{crcl} mL/min", dialysis=dialysis, vitamin_d_known=known)
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
    d = _plan(active_mm=True, crcl="45 mL/min", dialysis=False, corrected_calcium=calcium, **kw)
    t = _action_text(d, "hypercalcaemia")
    assert ("hcm-urgent" in [a["id"] for a in d["actions"]]) is urgent
    assert t.startswith("After the urgent treatment: no calcium or vitamin D supplements while calcium is high") is urgent
    assert ("below the level of hypercalcaemia of malignancy" in t) is (not urgent)
    assert "calcium-vitamin-d" not in [a["id"] for a in d["actions"]]


@pytest.mark.parametrize("stable", [False, "unknown", None])
def test_a_provisional_clearance_says_whether_the_creatinine_is_unstable_or_its_stability_not_known(stable):
    kw = {} if stable is None else {"creatinine_stable": stable}
    d = _plan(active_mm=True, crcl="45 mL/min", dialysis=False, **kw)
    t = _action_text(d, "provisional-clearance")
    assert t.startswith("The creatinine is not stable (acute kidney injury") is (stable is False)
    assert t.startswith("Whether the creatinine is stable was not given: find out") is (stable is not False)
    # zoledronic acid is favoured: its first dose waits for a clearance at a stable creatinine
    assert "provisional-clearance" in d["start"]["first_dose_after"]


def test_a_stable_creatinine_gives_a_lasting_clearance():
    d = _plan(active_mm=True, crcl="45 mL/min", dialysis=False, creatinine_stable=True)
    assert _action_text(d, "provisional-clearance") is None
    assert "provisional-clearance" not in d["start"]["first_dose_after"]


@pytest.mark.parametrize("kw, dose", [
    ({"active_mm": False}, None),  # outside the plan: no dose is given
    ({"active_mm": "unknown"}, None),  # not known whether active: no dose yet
    ({"active_mm": True}, F("4.0")),  # Zometa: 4.0 mg above 60 mL/min
    ({"active_mm": True, "dialysis": True}, None),  # on dialysis zoledronic acid is not recommended
])
def test_a_zoledronic_acid_dose_is_reported_only_for_a_patient_the_plan_starts_on_it(kw, dose):
    d = _plan(crcl="80 mL/min", **kw)
    assert d["details"]["zoledronic_acid_dose_mg"] == dose


def test_the_plan_function_itself_refuses_to_plan_without_a_clearance():
    # compute() refuses a missing clearance first; a Python caller of the function gets the same refusal
    from mmguide.calculators.bone_protection_plan import bone_protection_plan
    with pytest.raises(mmguide.InputError, match="crcl"):
        bone_protection_plan(active_mm=True)
