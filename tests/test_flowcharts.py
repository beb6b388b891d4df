"""The flowcharts are generated from the same decision data the calculators run: every path
through each diagram, realised as a patient, must land on the diagram's outcome in the code."""

from __future__ import annotations

import re
import shutil

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mmguide
from mmguide import flowcharts as fc
from mmguide.clinical import bone_protection_plan as bpp
from mmguide.clinical import zoledronic_acid_dose as zad

IDS = list(fc.FLOWCHARTS)
PLAN = "bone-protection-plan"
RENAL = "zoledronic-acid-renal-check"


def _all_states():
    for fid in IDS:
        for i, p in enumerate(fc.paths(fid)):
            for j, s in enumerate(p.states):
                yield pytest.param(fid, p, s, id=f"{fid}:{p.outcome}:{i}.{j}")


@pytest.mark.parametrize("fid,path,state", list(_all_states()))
def test_every_path_of_every_flowchart_lands_on_its_outcome_in_the_code(fid, path, state):
    r = mmguide.compute(path.flowchart, **state)
    # the plan's tree decides whether and what to start; its resolution step then says when (an emergency
    # first, a hold), so the tree's category is the result's "decision"
    assert (r.details["decision"] if fid == PLAN else r.category) == path.expected["category"]
    if fid == PLAN:
        d = r.as_dict()
        assert tuple(d["path"]) == path.nodes
        assert r.details["favoured"] == path.expected["favoured"]
        assert set(r.details["agents"]) == set(path.expected["agents"])
        if "zoledronic_acid_dose_mg" in path.expected:
            assert r.details["zoledronic_acid_dose_mg"] == path.expected["zoledronic_acid_dose_mg"]
        # the plan items a step on the path stands for are in the result
        ids = {a["id"] for a in d["actions"]}
        for node_id in path.nodes:
            assert set(fc.tree(fid).node(node_id).actions) <= ids, node_id


@pytest.mark.parametrize("fid", IDS)
def test_paths_cover_every_outcome_and_every_edge(fid):
    g = fc.flowchart(fid)
    ps = fc.paths(fid)
    outcomes = {n.id for n in g.nodes if n.kind == "outcome"}
    assert {p.outcome for p in ps} == outcomes
    covered = {e for p in ps for e in p.edges}
    assert covered == {(e.source, e.target) for e in g.edges}


@pytest.mark.parametrize("fid", IDS)
def test_graph_is_well_formed_and_bilingual(fid):
    g = fc.flowchart(fid)
    ids = [n.id for n in g.nodes]
    assert len(ids) == len(set(ids))
    assert g.calculator == fid and mmguide.calculator(fid)
    assert [n.kind for n in g.nodes].count("start") == 1
    for n in g.nodes:
        assert n.kind in fc.KINDS
        assert n.label["en"] and re.search(r"[\u4e00-\u9fff]", n.label["zh"])
        assert set(n.recommendations) <= {f"BP-{i}" for i in range(1, 9)}
    for e in g.edges:
        assert e.source in ids and e.target in ids
    d = g.as_dict()
    assert {"from", "to", "label"} <= set(d["edges"][0])
    assert set(g.recommendations) <= {f"BP-{i}" for i in range(1, 9)}


def _plan_inputs():
    """Any plan patient: every input, including clearances at and around the band edges."""
    edges = [zad.NOT_RECOMMENDED_BELOW, zad.FULL_DOSE_ABOVE] + [low for low, _ in zad.DOSE_BANDS]
    crcl = st.one_of(st.sampled_from([f"{float(e)} mL/min" for e in edges]),
                     st.decimals(min_value=1, max_value=250, places=2).map(lambda v: f"{v} mL/min"))
    ca = st.one_of(st.none(), st.decimals(min_value="1.5", max_value="3.0", places=2).map(lambda v: f"{v} mmol/L"))
    return st.fixed_dictionaries({
        "active_mm": st.booleans(), "crcl": crcl, "dialysis": st.booleans(),
        "corrected_calcium": ca, "calcium_lln": ca, "dental_exam_done": st.booleans(),
        "high_sre_risk": st.booleans(), "prefers_subcutaneous": st.booleans(),
        "vitamin_d_known": st.booleans(),
    })


@settings(max_examples=300, deadline=None)
@given(_plan_inputs())
def test_every_decision_reached_has_exactly_one_branch_for_any_patient(inputs):
    calc = mmguide.calculator(PLAN)
    parsed = {s.name: (s.parse(inputs[s.name]) if inputs.get(s.name) is not None else s.default)
              for s in calc.inputs}
    facts = bpp.facts_of(parsed)
    walked, _ = bpp.TREE.walk(facts)
    for n in bpp.TREE.nodes:
        if n.kind == "decision":
            held = sum(b.when.holds(facts) for b in n.branches)
            # exhaustive where the patient reaches it, and never ambiguous
            assert held == 1 if n.id in walked else held <= 1, n.id


def test_zoledronic_acid_band_edges_in_the_diagram_are_the_label_bands():
    # fact sheet §2: >60 → 4.0; 50–60 → 3.5; 40–49 → 3.3; 30–39 → 3.0; <30 not recommended
    g = fc.flowchart(PLAN)
    labels = " | ".join([e.label["en"] for e in g.edges] + [n.label["en"] for n in g.nodes])
    for lab in ("> 60 mL/min", "50–60 mL/min", "40–<50 mL/min", "30–<40 mL/min", "< 30 mL/min"):
        assert lab in labels
    ps = {p.outcome: p for p in fc.paths(PLAN)}
    assert {k: float(ps[k].expected["zoledronic_acid_dose_mg"]) for k in ps if k.startswith("za-")} == {
        "za-4.0": 4.0, "za-3.5": 3.5, "za-3.3": 3.3, "za-3.0": 3.0}
    # example patients sit on the edges themselves: 30, 40, 50 (inclusive) and just above 60
    crcls = sorted({s["crcl"] for k, p in ps.items() if k.startswith("za-") for s in p.states})
    assert crcls == ["30 mL/min", "39.9 mL/min", "40 mL/min", "49.9 mL/min", "50 mL/min", "60 mL/min",
                     "60.1 mL/min"]


def test_renal_check_paths_include_the_fact_sheet_vectors():
    # fact sheet §11 B (≥ reading): 1.39→1.89 withhold; 1.4→2.4 withhold; 1.0→1.10 resume; 1.0→1.11 keep
    expected = {("1.39", "1.89", False): "withhold", ("1.4", "2.4", False): "withhold",
                ("1", "1.1", True): "resume", ("1", "1.11", True): "keep-withholding"}
    seen = {}
    for p in fc.paths(RENAL):
        for s in p.states:
            key = (s["baseline_creatinine"].split()[0], s["current_creatinine"].split()[0], s["withheld"])
            seen[key] = p.expected["category"]
    for key, cat in expected.items():
        assert seen.get(key) == cat, key
        b, c, w = key
        assert mmguide.compute(RENAL, baseline_creatinine=f"{b} mg/dL", current_creatinine=f"{c} mg/dL",
                               withheld=w).category == cat


@pytest.mark.parametrize("fid", IDS)
def test_every_path_has_a_text_version_in_both_languages(fid):
    for p in fc.paths(fid):
        assert p.description["en"].count("→") == len(p.nodes) - 1
        assert HAN_RE.search(p.description["zh"])


HAN_RE = re.compile(r"[\u4e00-\u9fff]")
