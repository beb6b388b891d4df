"""Myeloma-defining events: the lesion-size rules shown to readers, the count inputs' ranges, and the
single-lytic-lesion question (IMWG 2014, Rajkumar; fact sheet §3, §4, §12D).
"""

import pytest

import mmguide
from mmguide import InputError, compute

MDE = "myeloma-defining-events"


def test_the_mri_event_counts_lesions_of_at_least_5_mm():
    # IMWG 2014: more than one focal lesion on MRI, each at least 5 mm
    calc = mmguide.calculator(MDE)
    conds = " | ".join(b.condition["en"] for b in calc.bands)
    assert "> 1 focal lesion on MRI, each ≥ 5 mm" in conds
    label = {i.name: i.label["en"] for i in calc.inputs}["mri_focal_lesions"]
    assert label == "Focal lesions on MRI of at least 5 mm (count)"


def test_a_lytic_lesion_on_ct_counts_from_5_mm():
    calc = mmguide.calculator(MDE)
    help_ = {i.name: i.help for i in calc.inputs}["lytic_lesions"]["en"]
    assert help_.startswith("Count a lytic lesion on CT or PET-CT when it is at least 5 mm")


@pytest.mark.parametrize("name", ["lytic_lesions", "mri_focal_lesions"])
@pytest.mark.parametrize("count, ok", [(-1, False), (0, True), (1000, True), (1001, False)])
def test_lesion_counts_run_from_0_to_1000(name, count, ok):
    if ok:
        compute(MDE, **{name: count})
    else:
        with pytest.raises(InputError) as e:
            compute(MDE, **{name: count})
        assert e.value.field == name


def test_one_lytic_lesion_without_the_marrow_leaves_the_plasmacytoma_question_open():
    r = compute(MDE, lytic_lesions=1)
    assert r.details["possible_solitary_plasmacytoma"] is None
    assert "bone" in r.value
    assert "Only one lytic lesion: if clonal marrow plasma cells are below 10%" in r.explanation["en"]


def test_one_lytic_lesion_with_marrow_plasma_cells_of_10_percent_or_more_is_myeloma_defining_without_a_question():
    r = compute(MDE, lytic_lesions=1, bm_plasma_cells=20)
    assert r.details["possible_solitary_plasmacytoma"] is False
    assert "bone" in r.value
    assert "Only one lytic lesion" not in r.explanation["en"] and "solitary" not in r.explanation["en"]


def test_two_lytic_lesions_without_the_marrow_raise_no_plasmacytoma_question():
    r = compute(MDE, lytic_lesions=2)
    assert r.details["possible_solitary_plasmacytoma"] is None
    assert "Only one lytic lesion" not in r.explanation["en"]
