"""IMWG response: what the result says about itself (reductions, measurability, why it is progression,
what CR still needs), checked against the rule it applied (Kumar 2016; fact sheet §7, §11K, §12D).
"""

import pytest

from mmguide import InputError, compute

R = "imwg-response"


def resp(bs="4.0 g/dL", cs="0.3 g/dL", bu="1000 mg/24 h", cu="80 mg/24 h", **kw):
    return compute(R, baseline_serum_m=bs, current_serum_m=cs, baseline_urine_m=bu, current_urine_m=cu, **kw)


def test_reductions_are_reported_as_percentages_of_baseline():
    # fact sheet §11K: 4.0 → 0.3 g/dL is a 92.5% fall; 1000 → 80 mg/24 h a 92% fall
    r = resp()
    assert r.details["serum_reduction_percent"] == pytest.approx(92.5)
    assert r.details["urine_reduction_percent"] == pytest.approx(92.0)
    assert r.value == pytest.approx(92.5)
    assert "serum M-protein reduced by 92.5%, urine 80 mg/24 h (reduced by 92%)" in r.explanation["en"]


def test_a_small_baseline_urine_m_protein_still_has_a_reduction():
    # any urine M-protein at baseline (here 1 mg/24 h) gives a percentage; only a zero baseline gives none
    r = resp(bu="1 mg/24 h", cu="0 mg/24 h")
    assert r.details["urine_reduction_percent"] == pytest.approx(100.0)
    assert resp(bu="0 mg/24 h", cu="0 mg/24 h").details["urine_reduction_percent"] is None


SERUM_ONLY = "No urine M-protein at baseline: the response rests on the serum alone"
URINE_ONLY = "No serum M-protein at baseline: the response rests on the urine alone"


@pytest.mark.parametrize("bs, bu, warning", [
    ("4.0 g/dL", "0 mg/24 h", SERUM_ONLY), ("4.0 g/dL", "1 mg/24 h", None),
    ("0 g/dL", "1000 mg/24 h", URINE_ONLY), ("0 g/dL", "1 mg/24 h", URINE_ONLY), ("0.1 g/dL", "1000 mg/24 h", None),
    ("0 g/dL", "0 mg/24 h", None),
])
def test_a_response_resting_on_one_fluid_says_so(bs, bu, warning):
    r = resp(bs=bs, cs="0 g/dL", bu=bu, cu="0 mg/24 h")
    en = r.explanation["en"]
    for w in (SERUM_ONLY, URINE_ONLY):
        assert (w in en) is (w == warning)
    assert (r.details["measurability_warning"] is None) is (warning is None)


def test_no_m_protein_at_baseline_is_not_evaluable_for_that_reason():
    r = resp(bs="0 g/dL", cs="0 g/dL", bu="0 mg/24 h", cu="0 mg/24 h")
    assert r.category == "not-evaluable" and r.details["reason"] == "no measurable M-protein at baseline"
    assert r.explanation["en"].startswith("Neither serum nor urine M-protein was present at baseline")


def test_a_baseline_not_measurable_names_the_flc_measurability_threshold_of_10_mg_dl():
    # measurable disease: serum ≥ 1 g/dL or urine ≥ 200 mg/24 h; else involved FLC ≥ 10 mg/dL (fact sheet §12D)
    r = resp(bs="0.9 g/dL", cs="0.5 g/dL", bu="150 mg/24 h", cu="100 mg/24 h")
    assert r.category == "not-evaluable" and r.details["reason"] == "baseline not measurable by M-protein"
    assert "measurable when the involved FLC is at least 10 mg/dL with an abnormal ratio" in r.explanation["en"]
    assert "受累游离轻链 ≥ 10 mg/dL" in r.explanation["zh"]


# --- why it is progression: the rule that was met, and only that one -------------------------------

def test_serum_progression_names_the_25_percent_and_0_5_g_dl_rule():
    r = resp(cs="1.5 g/dL", nadir_serum_m="1.0 g/dL", cu="80 mg/24 h")
    assert r.category == "PD"
    en = r.explanation["en"]
    assert "the serum M-protein rose by at least 25% and at least 0.5 g/dL from its nadir of 1 g/dL" in en
    assert "urine M-protein rose" not in en and "suffices on its own" not in en


def test_urine_progression_names_the_25_percent_and_200_mg_rule():
    r = resp(cs="0.3 g/dL", bu="1000 mg/24 h", cu="500 mg/24 h", nadir_urine_m="200 mg/24 h")
    assert r.category == "PD" and r.details["progression"] == {"serum": False, "urine": True}
    en = r.explanation["en"]
    assert "the urine M-protein rose by at least 25% and at least 200 mg/24 h from its nadir of 200 mg/24 h" in en
    assert "serum M-protein rose" not in en


def test_urine_progression_from_a_high_serum_nadir_does_not_claim_a_serum_rise():
    # serum nadir 5 g/dL (the high-nadir rule applies) but the serum did not rise; the urine did
    r = resp(bs="6 g/dL", cs="5 g/dL", nadir_serum_m="5 g/dL", bu="1000 mg/24 h", cu="500 mg/24 h",
             nadir_urine_m="200 mg/24 h")
    assert r.category == "PD" and r.details["progression"] == {"serum": False, "urine": True}
    assert "serum M-protein rose" not in r.explanation["en"]
    assert "血清 M 蛋白较最低值" not in r.explanation["zh"]


# --- immunofixation and CR ---------------------------------------------------------------------------

def test_negative_immunofixation_with_any_m_protein_on_electrophoresis_is_refused():
    with pytest.raises(InputError) as e:
        resp(cs="0.5 g/dL", cu="0 mg/24 h", immunofixation_negative=True, bm_plasma_cells="2", soft_tissue_plasmacytoma=False)
    assert e.value.field == "immunofixation_negative"


def test_cr_without_marrow_names_what_is_missing_in_both_languages():
    r = resp(cs="0 g/dL", cu="0 mg/24 h", immunofixation_negative=True)
    assert r.category == "not-evaluable" and r.details["at_least"] == "VGPR"
    assert "CR also needs bone-marrow plasma cells and whether a soft-tissue plasmacytoma remains" in r.explanation["en"]
    assert "还需要骨髓浆细胞比例和是否仍有软组织浆细胞瘤" in r.explanation["zh"]
    r = resp(cs="0 g/dL", cu="0 mg/24 h", immunofixation_negative=True, soft_tissue_plasmacytoma=False)
    assert "CR also needs bone-marrow plasma cells." in r.explanation["en"]
    assert "还需要骨髓浆细胞比例。" in r.explanation["zh"]


@pytest.mark.parametrize("flc, clonal, said", [
    (None, None, True), (True, None, True), (None, True, True), (False, True, False), (True, False, False),
    (False, False, False),
])
def test_cr_says_stringent_cr_was_not_assessed_only_when_a_part_of_it_is_missing(flc, clonal, said):
    kw = {k: v for k, v in (("flc_ratio_normal", flc), ("marrow_clonal_cells_absent", clonal)) if v is not None}
    r = resp(cs="0 g/dL", cu="0 mg/24 h", immunofixation_negative=True, bm_plasma_cells="2",
             soft_tissue_plasmacytoma=False, **kw)
    assert r.category == "CR"
    assert ("Stringent CR was not assessed" in r.explanation["en"]) is said


@pytest.mark.parametrize("bs", ["1.0 g/dL", "0.5 g/dL"])
def test_any_serum_m_protein_with_no_urine_m_protein_warns_that_the_serum_decides(bs):
    r = resp(bs=bs, cs="0.2 g/dL", bu="0 mg/24 h", cu="0 mg/24 h")
    assert SERUM_ONLY in r.explanation["en"]


def test_negative_immunofixation_with_any_urine_m_protein_is_refused():
    with pytest.raises(InputError) as e:
        resp(cs="0 g/dL", cu="1 mg/24 h", immunofixation_negative=True, bm_plasma_cells="2",
             soft_tissue_plasmacytoma=False)
    assert e.value.field == "immunofixation_negative"
