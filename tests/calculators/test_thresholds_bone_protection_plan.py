"""Bone protection plan: severe renal impairment at exactly 30 mL/min for the vitamin D step, the
calcium thresholds as the flowchart shows them, and the flowchart's example patients for a calcium
above the laboratory's upper limit only (fact sheet §2, §8, §12A–C).
"""

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
    assert "Corrected calcium ≥ 3.0 mmol/L (≥ 12 mg/dL): hypercalcaemia of malignancy?" in labels
    assert ("Corrected calcium: high (> 2.75 mmol/L or above the laboratory's upper limit), low (< 2.0 mmol/L or "
            "below the lower limit), or neither?") in labels


def test_the_plan_states_the_hypocalcaemia_floor_in_both_units():
    r = mmguide.compute(PLAN, active_mm=True, crcl="45", corrected_calcium="2.05 mmol/L", calcium_lln="2.10 mmol/L")
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
