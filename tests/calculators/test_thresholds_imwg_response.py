"""IMWG response (Kumar 2016; fact sheet §7 and §11K): every cut-off at both sides, in g/dL and g/L,
mg/24 h and g/24 h. Baselines are measurable disease (serum 4.0 g/dL, urine 1000 mg/24 h, the
fact sheet's vector), so the published rule, not a measurability question, decides each case.
"""

import re

import pytest

from mmguide import compute

R = "imwg-response"


def cat(bs="4.0 g/dL", cs="4.0 g/dL", bu="1000 mg/24 h", cu="1000 mg/24 h", **kw):
    return compute(R, baseline_serum_m=bs, current_serum_m=cs, baseline_urine_m=bu, current_urine_m=cu, **kw).category


@pytest.mark.parametrize("cs, cu, expected", [
    # fact sheet §11K
    ("0.3 g/dL", "80 mg/24 h", "VGPR"), ("2.0 g/dL", "150 mg/24 h", "PR"),
    ("2.1 g/dL", "400 mg/24 h", "MR"), ("3.2 g/dL", "500 mg/24 h", "SD"),
])
def test_imwg_response_fact_sheet_vectors(cs, cu, expected):
    assert cat(cs=cs, cu=cu) == expected


@pytest.mark.parametrize("cs, cu, expected", [
    # VGPR: serum reduced ≥ 90% and urine < 100 mg/24 h
    ("0.4 g/dL", "99 mg/24 h", "VGPR"),      # exactly 90%
    ("0.41 g/dL", "99 mg/24 h", "PR"),       # 89.75%
    ("0.4 g/dL", "100 mg/24 h", "PR"),       # urine not < 100
    ("0.4 g/dL", "99.9 mg/24 h", "VGPR"),
    ("0.4 g/dL", "101 mg/24 h", "PR"),
    ("0.6 g/dL", "50 mg/24 h", "PR"),        # 85%: not VGPR
    ("0.76 g/dL", "50 mg/24 h", "PR"),       # 81%
    # the same in g/L and g/24 h
    ("4 g/L", "0.099 g/24 h", "VGPR"), ("4.1 g/L", "0.099 g/24 h", "PR"), ("4 g/L", "0.1 g/24 h", "PR"),
])
def test_imwg_vgpr_needs_90_percent_serum_and_urine_below_100(cs, cu, expected):
    assert cat(cs=cs, cu=cu) == expected


def test_imwg_vgpr_serum_edge_in_g_per_litre_baseline():
    assert cat(bs="40 g/L", cs="4 g/L", cu="0.05 g/24 h") == "VGPR"
    assert cat(bs="40 g/L", cs="4.01 g/L", cu="0.05 g/24 h") == "PR"


@pytest.mark.parametrize("cs, bu, cu, expected", [
    # PR: serum ≥ 50% and urine ≥ 90% reduced or < 200 mg/24 h
    ("2.0 g/dL", "1000 mg/24 h", "199 mg/24 h", "PR"),
    ("2.01 g/dL", "1000 mg/24 h", "199 mg/24 h", "MR"),        # 49.75%
    ("2.0 g/dL", "1000 mg/24 h", "200 mg/24 h", "MR"),         # 80%, not < 200
    ("2.0 g/dL", "3000 mg/24 h", "300 mg/24 h", "PR"),         # exactly 90% reduction
    ("2.0 g/dL", "3000 mg/24 h", "301 mg/24 h", "MR"),         # 89.97%
    ("2.0 g/dL", "3000 mg/24 h", "30 mg/24 h", "PR"),          # 99%
    ("2.0 g/dL", "3000 mg/24 h", "570 mg/24 h", "MR"),         # 81%
    ("2.0 g/dL", "3 g/24 h", "0.3 g/24 h", "PR"), ("2.0 g/dL", "3 g/24 h", "0.301 g/24 h", "MR"),
    ("2.0 g/dL", "1 g/24 h", "0.199 g/24 h", "PR"), ("2.0 g/dL", "1 g/24 h", "0.2 g/24 h", "MR"),
    ("20 g/L", "1000 mg/24 h", "150 mg/24 h", "PR"), ("20.1 g/L", "1000 mg/24 h", "150 mg/24 h", "MR"),
])
def test_imwg_pr_needs_half_the_serum_and_urine_90_percent_or_below_200(cs, bu, cu, expected):
    assert cat(cs=cs, bu=bu, cu=cu) == expected


@pytest.mark.parametrize("cs, cu, expected", [
    # MR: serum 25% to < 50% and urine reduced 50–89%
    ("3.0 g/dL", "500 mg/24 h", "MR"),     # exactly 25% and 50%
    ("3.01 g/dL", "500 mg/24 h", "SD"),    # 24.75%
    ("3.0 g/dL", "501 mg/24 h", "SD"),     # urine 49.9%
    ("30 g/L", "0.5 g/24 h", "MR"), ("30.1 g/L", "0.5 g/24 h", "SD"),
])
def test_imwg_mr_needs_a_quarter_of_the_serum_and_half_the_urine(cs, cu, expected):
    assert cat(cs=cs, cu=cu) == expected


def test_imwg_a_serum_baseline_of_exactly_1_g_dl_is_judged_by_its_reduction():
    # 1.0 → 0.1 g/dL is a 90% reduction: VGPR with urine < 100
    assert cat(bs="1.0 g/dL", cs="0.1 g/dL", cu="50 mg/24 h") == "VGPR"
    assert cat(bs="1.0 g/dL", cs="0.5 g/dL", cu="150 mg/24 h") == "PR"


@pytest.mark.parametrize("ns, cs, expected_pd", [
    # PD: ≥ 25% above the nadir AND ≥ 0.5 g/dL absolute
    ("1.0 g/dL", "1.5 g/dL", True), ("1.0 g/dL", "1.49 g/dL", False),     # fact sheet §11K
    ("1.0 g/dL", "1.46 g/dL", False),                                      # 46% but only 0.46 g/dL
    ("3.0 g/dL", "3.75 g/dL", True), ("3.0 g/dL", "3.74 g/dL", False),     # 25% binds (0.74 g/dL)
    ("3.0 g/dL", "3.7 g/dL", False),                                       # 23.3%
    ("2.0 g/dL", "2.5 g/dL", True), ("2.0 g/dL", "2.49 g/dL", False),
    ("10 g/L", "15 g/L", True), ("10 g/L", "14.9 g/L", False),
    # a nadir ≥ 5 g/dL: a rise of ≥ 1 g/dL alone
    ("5.0 g/dL", "6.0 g/dL", True), ("5.0 g/dL", "5.99 g/dL", False),
    ("4.99 g/dL", "5.99 g/dL", False),                                     # 20%: the ordinary rule
    ("50 g/L", "60 g/L", True), ("50 g/L", "59.9 g/L", False),
])
def test_imwg_serum_progression_at_both_sides_of_each_edge(ns, cs, expected_pd):
    r = cat(bs="8.0 g/dL", ns=ns, cs=cs) if False else compute(
        R, baseline_serum_m="8.0 g/dL", nadir_serum_m=ns, current_serum_m=cs,
        baseline_urine_m="1000 mg/24 h", current_urine_m="100 mg/24 h").category
    assert (r == "PD") is expected_pd


@pytest.mark.parametrize("nu, cu, expected_pd", [
    # urine PD: ≥ 25% above the nadir AND ≥ 200 mg/24 h absolute
    ("800 mg/24 h", "1000 mg/24 h", True), ("800 mg/24 h", "999 mg/24 h", False),   # 25% binds
    ("200 mg/24 h", "400 mg/24 h", True), ("200 mg/24 h", "399 mg/24 h", False),    # 200 mg binds
    ("0.2 g/24 h", "0.4 g/24 h", True), ("0.2 g/24 h", "0.399 g/24 h", False),
    ("100 mg/24 h", "299 mg/24 h", False),
])
def test_imwg_urine_progression_at_both_sides_of_each_edge(nu, cu, expected_pd):
    r = compute(R, baseline_serum_m="4.0 g/dL", current_serum_m="2.0 g/dL",
                baseline_urine_m="1000 mg/24 h", nadir_urine_m=nu, current_urine_m=cu)
    assert (r.category == "PD") is expected_pd


def test_imwg_progression_without_a_nadir_uses_the_lower_of_baseline_and_now():
    # baseline 2.0 is the nadir: 2.0 → 2.5 is +25% and +0.5 g/dL
    assert cat(bs="2.0 g/dL", cs="2.5 g/dL") == "PD"
    assert cat(bs="2.0 g/dL", cs="2.49 g/dL") == "SD"


@pytest.mark.parametrize("bm, expected", [("4.9", "CR"), ("4.99", "CR"), ("5", "VGPR"), ("5.1", "VGPR")])
def test_imwg_cr_needs_marrow_plasma_cells_below_5_percent(bm, expected):
    r = compute(R, baseline_serum_m="4.0 g/dL", current_serum_m="0 g/dL", baseline_urine_m="1000 mg/24 h",
                current_urine_m="0 mg/24 h", immunofixation_negative=True, bm_plasma_cells=bm,
                soft_tissue_plasmacytoma=False)
    assert r.category == expected


def test_imwg_scr_needs_both_a_normal_flc_ratio_and_no_clonal_cells():
    kw = dict(baseline_serum_m="4.0 g/dL", current_serum_m="0 g/dL", baseline_urine_m="1000 mg/24 h",
              current_urine_m="0 mg/24 h", immunofixation_negative=True, bm_plasma_cells="2",
              soft_tissue_plasmacytoma=False)
    assert compute(R, **kw, flc_ratio_normal=True, marrow_clonal_cells_absent=True).category == "sCR"
    assert compute(R, **kw, flc_ratio_normal=True, marrow_clonal_cells_absent=False).category == "CR"
    assert compute(R, **kw, flc_ratio_normal=False, marrow_clonal_cells_absent=True).category == "CR"


def test_imwg_response_explanation_names_its_category():
    names = {"VGPR": "Very good partial response", "PR": "Partial response", "MR": "Minimal response",
             "SD": "Stable disease", "PD": "Progressive disease"}
    zh = {"VGPR": "非常好的部分缓解", "PR": "部分缓解", "MR": "微小缓解", "SD": "疾病稳定", "PD": "疾病进展"}
    seen = set()
    for cs in ("0.3", "0.4", "2.0", "2.1", "3.0", "3.2", "4.0", "5.0", "6.0"):
        for cu in ("50", "150", "400", "500", "1000", "1300"):
            r = compute(R, baseline_serum_m="4.0 g/dL", current_serum_m=f"{cs} g/dL",
                        baseline_urine_m="1000 mg/24 h", current_urine_m=f"{cu} mg/24 h")
            if r.category not in names:
                continue
            seen.add(r.category)
            assert r.explanation["en"].startswith(names[r.category] + " ") or \
                r.explanation["en"].startswith(names[r.category] + ":")
            # the Chinese sentence may open with how it was judged ("按 M 蛋白判断为…"): the category
            # is named in its first clause
            assert zh[r.category] in re.split("[:：]", r.explanation["zh"])[0]
            for other, label in names.items():
                if other != r.category and not (r.category == "VGPR" and other == "PR"):
                    assert not r.explanation["en"].startswith(label)
    assert seen == set(names)


def test_imwg_response_shows_a_reduction_without_crossing_its_edge():
    # 4.0 → 2.002 g/dL is a 49.95% fall: not PR, and not shown as "50%"
    r = compute(R, baseline_serum_m="4.0 g/dL", current_serum_m="2.002 g/dL", baseline_urine_m="1000 mg/24 h",
                current_urine_m="150 mg/24 h")
    assert r.category == "MR"
    assert "reduced by 50%" not in r.explanation["en"] and "reduced by 49.9%" in r.explanation["en"]


def test_imwg_a_nadir_equal_to_the_baseline_is_accepted_and_a_higher_one_refused():
    r = compute(R, baseline_serum_m="4.0 g/dL", nadir_serum_m="4.0 g/dL", current_serum_m="4.0 g/dL",
                baseline_urine_m="1000 mg/24 h", nadir_urine_m="1000 mg/24 h", current_urine_m="1000 mg/24 h")
    assert r.category == "SD"
    import mmguide
    with pytest.raises(mmguide.InputError):
        compute(R, baseline_serum_m="4.0 g/dL", nadir_serum_m="4.01 g/dL", current_serum_m="4.0 g/dL",
                baseline_urine_m="1000 mg/24 h", current_urine_m="1000 mg/24 h")


def test_imwg_no_change_is_not_called_an_increase():
    en = compute(R, baseline_serum_m="4.0 g/dL", current_serum_m="4.0 g/dL", baseline_urine_m="1000 mg/24 h",
                 current_urine_m="1000 mg/24 h").explanation["en"]
    assert "increased" not in en and "serum M-protein reduced by 0%" in en
