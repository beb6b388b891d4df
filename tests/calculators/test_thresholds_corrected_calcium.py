"""Corrected calcium: the laboratory's own limits at both sides (CTCAE grade 1 is "< LLN" and "> ULN",
both strict), the checks on the limits themselves, what each band says, and the CTCAE table as shown.

Expected values: NCI CTCAE v4.03/v5.0 (fact sheet §12B), the Zometa label formula (§8) and the CRAB
threshold (Rajkumar 2014, §4); the limit checks are the record's written rules.
"""

import pytest

import mmguide
from mmguide import InputError, compute

CC = "corrected-calcium"


def cc(calcium, albumin="40 g/L", **kw):
    return compute(CC, calcium=calcium, albumin=albumin, **kw)


@pytest.mark.parametrize("calcium, below", [("2.2 mmol/L", False), ("2.19 mmol/L", True), ("2.21 mmol/L", False)])
def test_ctcae_grade_1_hypocalcaemia_is_strictly_below_the_laboratory_lower_limit(calcium, below):
    r = cc(calcium, calcium_lln="2.2 mmol/L")
    assert r.details["below_lower_limit"] is below
    assert r.details["ctcae_grade"] == (1 if below else None)
    assert r.category == ("below-lower-limit" if below else "no-crab-hypercalcaemia")
    assert r.details["hypocalcaemia"] is below
    # the limit it was compared with is named only when the calcium is below it
    assert ("laboratory lower limit 2.2 mmol/L" in r.explanation["en"]) is below
    assert ("实验室正常下限 2.2 mmol/L" in r.explanation["zh"]) is below


@pytest.mark.parametrize("calcium, above", [("2.6 mmol/L", False), ("2.61 mmol/L", True), ("2.59 mmol/L", False)])
def test_ctcae_grade_1_hypercalcaemia_is_strictly_above_the_laboratory_upper_limit(calcium, above):
    r = cc(calcium, calcium_uln="2.6 mmol/L")
    assert r.details["above_upper_limit"] is above
    assert r.details["ctcae_grade"] == (1 if above else None)
    assert r.details["ctcae"] == ("hypercalcaemia" if above else None)
    assert r.category == "no-crab-hypercalcaemia"  # below the CRAB 2.75 either way
    said = "It is above the laboratory's upper limit 2.6 mmol/L: CTCAE grade 1 hypercalcaemia; give no calcium supplements"
    assert (said in r.explanation["en"]) is above
    assert ("高于实验室正常上限 2.6 mmol/L:CTCAE 1 级高钙血症;血钙升高期间不补充钙剂。" in r.explanation["zh"]) is above


def test_above_the_crab_threshold_the_grade_is_stated_without_the_upper_limit_sentence():
    # 2.8 mmol/L with ULN 2.6: CRAB hypercalcaemia (> 2.75) and CTCAE grade 1 (≤ 2.9)
    r = cc("2.8 mmol/L", calcium_uln="2.6 mmol/L")
    assert r.category == "crab-hypercalcaemia" and r.details["ctcae_grade"] == 1
    assert r.explanation["en"].endswith(" CTCAE grade 1 hypercalcaemia.")
    assert "give no calcium supplements" not in r.explanation["en"]


def test_without_an_upper_limit_a_calcium_above_the_crab_threshold_is_grade_1():
    # the record's [DECISION]: above 2.75 mmol/L (11 mg/dL) is taken as above any laboratory's ULN
    assert cc("2.76 mmol/L").details["ctcae_grade"] == 1
    assert cc("2.75 mmol/L").details["ctcae_grade"] is None
    assert cc("11.1 mg/dL", albumin="4.0 g/dL").details["ctcae_grade"] == 1
    assert cc("11 mg/dL", albumin="4.0 g/dL").details["ctcae_grade"] is None


@pytest.mark.parametrize("calcium, kw, category, hypo", [
    ("1.9 mmol/L", {}, "hypocalcaemia", True), ("2.1 mmol/L", {"calcium_lln": "2.2 mmol/L"}, "below-lower-limit", True),
    ("2.4 mmol/L", {}, "no-crab-hypercalcaemia", False), ("2.8 mmol/L", {}, "crab-hypercalcaemia", False),
    ("3.1 mmol/L", {}, "hypercalcaemia-of-malignancy", False),
])
def test_the_hypocalcaemia_flag_follows_the_low_categories(calcium, kw, category, hypo):
    r = cc(calcium, **kw)
    assert r.category == category and r.details["hypocalcaemia"] is hypo


# --- the laboratory's limits must be what their names say ------------------------------------------

def test_a_lower_limit_at_the_crab_threshold_is_accepted_above_it_refused():
    assert cc("2.4 mmol/L", calcium_lln="2.75 mmol/L").category == "below-lower-limit"
    with pytest.raises(InputError) as e:
        cc("2.4 mmol/L", calcium_lln="2.76 mmol/L")
    assert e.value.field == "calcium_lln"


def test_an_upper_limit_equal_to_the_lower_limit_is_refused():
    with pytest.raises(InputError) as e:
        cc("2.4 mmol/L", calcium_lln="2.2 mmol/L", calcium_uln="2.2 mmol/L")
    assert e.value.field == "calcium_uln" and "swapped" in str(e.value)
    assert cc("2.4 mmol/L", calcium_lln="2.2 mmol/L", calcium_uln="2.21 mmol/L").details["above_upper_limit"] is True


def test_an_upper_limit_at_the_ctcae_grade_2_floor_is_accepted_below_it_refused():
    # CTCAE grades hypocalcaemia below 2.0 mmol/L: an upper limit of normal cannot be below it
    assert cc("2.4 mmol/L", calcium_uln="2.0 mmol/L").details["above_upper_limit"] is True
    with pytest.raises(InputError) as e:
        cc("2.4 mmol/L", calcium_uln="1.99 mmol/L")
    assert e.value.field == "calcium_uln"


# --- the record shows the published table and formula ----------------------------------------------

def test_bands_show_the_ctcae_table_and_the_grade_2_floor_in_both_units():
    conds = [b.condition["en"] for b in mmguide.calculator(CC).bands]
    # NCI CTCAE (fact sheet §12B), each grade's limit in its own unit, as the CTCAE writes it
    assert ("CTCAE grades (mmol/L): hypocalcaemia 1 < LLN, 2 < 2.0, 3 < 1.75, 4 < 1.5; "
            "hypercalcaemia 1 > ULN, 2 > 2.9, 3 > 3.1, 4 > 3.4") in conds
    assert ("CTCAE grades (mg/dL): hypocalcaemia 1 < LLN, 2 < 8.0, 3 < 7.0, 4 < 6.0; "
            "hypercalcaemia 1 > ULN, 2 > 11.5, 3 > 12.5, 4 > 13.5") in conds
    assert "cCa < 2.0 mmol/L" in conds and "cCa < 8.0 mg/dL" in conds


def test_formula_shows_the_label_and_si_forms():
    f = mmguide.calculator(CC).formula
    assert r"\mathrm{Ca} + 0.8 \times (4.0 - \text{albumin (g/dL)})" in f
    assert r"\mathrm{Ca} + 0.02 \times (40 - \text{albumin (g/L)})" in f
