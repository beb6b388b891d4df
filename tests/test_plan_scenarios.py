"""The bone protection plan's clinical scenario library (tests/scenarios/plan/scenarios.json), run in both
languages: each patient's answer, phase by phase, must be the class its sources give.

The library is data, in the shape computable-guideline projects ship with a decision table (input
parameters, expected output, source); tests/scenarios/plan/make_scenarios.py writes it from the sources'
rules, never from the package. Every reproducer of issue 22 that concerns the plan is a named scenario.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import mmguide
from mmguide.errors import InputError
from mmguide.presentation import note, view

ROOT = Path(__file__).resolve().parents[1]
DATA = json.loads((ROOT / "tests/scenarios/plan/scenarios.json").read_text(encoding="utf-8"))
SCENARIOS = DATA["scenarios"]
HAN = re.compile(r"[\u4e00-\u9fff]")
PHASES = ("now", "before-first-dose", "maintenance", "monitoring")


def test_the_library_holds_at_least_150_patients_each_with_a_source_and_a_reason():
    assert len(SCENARIOS) >= 150
    assert len({s["id"] for s in SCENARIOS}) == len(SCENARIOS)
    for s in SCENARIOS:
        assert s["sources"] and s["reason"], s["id"]
    ids = {s["id"] for s in SCENARIOS}
    assert {"issue22-hcm-on-dialysis", "issue22-two-doses-at-once", "issue22-calcium-alone",
            "issue22-calcium-and-creatinine-only", "issue22-severe-hypercalcaemia-calcitonin",
            "issue22-grade-4-hypocalcaemia", "issue22-low-albumin", "issue22-pregnancy-woman-35",
            "issue22-active-onj", "issue22-24-months-in-remission"} <= ids


@pytest.mark.parametrize("s", SCENARIOS, ids=[s["id"] for s in SCENARIOS])
def test_scenario(s):
    exp = s["expected"]
    if "refused" in exp:  # inputs that cannot be read safely are asked, in both languages
        with pytest.raises(InputError) as e:
            mmguide.compute("bone-protection-plan", **s["inputs"])
        assert e.value.field == exp["refused"] and HAN.search(e.value.zh or ""), s["id"]
        return
    r = mmguide.compute("bone-protection-plan", **s["inputs"])
    d = r.as_dict()
    why = f"{s['id']}: {s['reason']}"
    assert d["category"] == exp["category"], why
    now = [a["id"] for a in d["actions"] if a["phase"] == "now"]
    assert now == exp["now"], why
    if "favoured" in exp:
        assert d["details"]["favoured"] == exp["favoured"], why
    assert set(exp["require_pending"]) <= set(d["start"]["first_dose_after"]), why
    ids = [a["id"] for a in d["actions"]]
    assert set(exp.get("require_actions", [])) <= set(ids), why
    for f in exp["forbid"]:
        if f == "start-now-text":
            assert "Start bone protection now" not in d["explanation"]["en"], why
            assert "立即启动骨保护" not in d["explanation"]["zh"], why
        else:
            assert f not in ids, why
    # the phases in their order, the now phase first
    order = [PHASES.index(a["phase"]) for a in d["actions"]]
    assert order == sorted(order), why
    for lang in ("en", "zh"):
        v = view(r, lang)
        urgent = [u["id"] for u in v["answer"]["urgent"]]
        assert urgent[:len(exp["now"])] == exp["now"], why
        if exp["category"] in ("urgent-first", "hold"):
            assert (v["answer"]["label"] or "") not in ("Start now", "立即启动"), why
        t = note(r, lang, date="2026-12-06")
        if lang == "zh":
            assert HAN.search(t) and HAN.search(d["explanation"]["zh"]), why
            if set(exp["now"]) - {"confirm-ionised-calcium"}:
                assert d["explanation"]["zh"].startswith("紧急"), why
        elif set(exp["now"]) - {"confirm-ionised-calcium"}:
            assert d["explanation"]["en"].startswith("Urgent"), why


def test_the_named_reproducers_say_what_a_clinician_would_sign():
    by = {s["id"]: s for s in SCENARIOS}

    def run(sid):
        return mmguide.compute("bone-protection-plan", **by[sid]["inputs"]).as_dict()

    d = run("issue22-hcm-on-dialysis")
    t = next(a for a in d["actions"] if a["id"] == "hcm-urgent")["text"]["en"]
    assert "No saline load" in t and "low-calcium dialysate" in t and "Endocrine Society 2023" in t
    assert "about 2 L of urine a day" not in t
    d = run("issue22-two-doses-at-once")
    assert "zoledronic acid 4 mg" in d["explanation"]["en"] and "3.3 mg" in d["explanation"]["en"]
    assert "Maintenance (not today)" in d["explanation"]["en"]
    d = run("issue22-calcium-and-creatinine-only")
    assert d["details"]["hcm_zoledronic_acid_mg"] == 4.0
    d = run("issue22-calcium-alone")
    assert d["explanation"]["en"].startswith("Urgent: hypercalcaemia of malignancy") and "creatinine" in d["details"]["needed"]
    d = run("issue22-severe-hypercalcaemia-calcitonin")
    assert "calcitonin" in d["explanation"]["en"]
    d = run("issue22-grade-4-hypocalcaemia")
    assert "calcium gluconate" in d["explanation"]["en"] and d["actions"][0]["id"] == "severe-hypocalcaemia"
    d = run("issue22-low-albumin")
    assert "ionised calcium" in d["explanation"]["en"]
    d = run("issue22-active-onj")
    assert d["category"] == "hold" and "osteonecrosis" in d["explanation"]["en"]
    d = run("issue22-24-months-in-remission")
    assert d["category"] == "continue" and "every 3 or 6" in d["explanation"]["en"]
    assert "ASCO 2018" in d["explanation"]["en"]
    d = run("review22-P124")
    t = next(a for a in d["actions"] if a["id"] == "hcm-urgent")["text"]["en"]
    assert "at least 7 days ago" in t and "signal progression" in t
    for pid in ("review22-P95", "review22-P96"):
        assert "then on hold: serum creatinine above 3.0 mg/dL" in run(pid)["explanation"]["en"]
    d = run("review22-P44")
    assert "verify pregnancy status before either drug" in d["explanation"]["en"]
    d = run("review22-P54")
    assert "weigh either drug with the dental team" in d["explanation"]["en"]
    d = run("review22-P30")
    assert "hold the next denosumab dose" in d["explanation"]["en"]
    d = run("review22-P72")
    assert d["category"] == "hold" and "review with nephrology" in d["explanation"]["en"]
    d = run("issue22-hcm-and-severe-renal-supplements")
    every = json.dumps(d["actions"], ensure_ascii=False) + d["explanation"]["en"]
    assert "Give calcium and active vitamin D" not in every
