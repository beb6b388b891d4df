"""The metadata records: references exist, recommendation IDs come from the fixed list, bands and
formulas are built from the module constants, and everything is JSON-safe."""

import json
import re
from pathlib import Path

import pytest

import mmguide
from mmguide.clinical import (corrected_calcium, imwg_response, myeloma_defining_events, r2_iss,
                                 zoledronic_acid_renal_check)

BIB = Path(__file__).resolve().parents[2] / "references.bib"
ALLOWED_RECOMMENDATIONS = {"TG-1", "TG-3", "BP-4", "BP-6", "RS-1"}
OURS = [c for c in mmguide.calculators() if c.id != "bone-protection-plan"]


@pytest.mark.parametrize("calc", OURS, ids=lambda c: c.id)
def test_record_is_complete_and_json_safe(calc):
    keys = set(re.findall(r"^@\w+\{([^,]+),", BIB.read_text(encoding="utf-8"), re.M))
    assert calc.references and set(calc.references) <= keys
    assert calc.recommendations and set(calc.recommendations) <= ALLOWED_RECOMMENDATIONS
    assert calc.title["en"] and calc.title["zh"] and calc.purpose["zh"]
    for d in calc.decisions:
        assert d["en"] and d["zh"]
    d = calc.as_dict()
    json.dumps(d, ensure_ascii=False)
    assert [i["name"] for i in d["inputs"]] == [i.name for i in calc.inputs]
    for c in calc.output.categories:
        assert c.label["en"] and c.label["zh"]
    for b in calc.bands:
        assert b.category is None or b.category in {c.id for c in calc.output.categories} | {"dose"}


@pytest.mark.parametrize("calc", OURS, ids=lambda c: c.id)
def test_results_cite_only_known_references(calc):
    keys = set(re.findall(r"^@\w+\{([^,]+),", BIB.read_text(encoding="utf-8"), re.M))
    for row in calc.examples:
        r = mmguide.compute(calc.id, **row["inputs"])
        assert set(r.references) <= keys
        assert set(r.recommendations) <= ALLOWED_RECOMMENDATIONS
        json.dumps(r.as_dict(), ensure_ascii=False)


def test_bands_are_built_from_the_constants(monkeypatch):
    # Change a constant and rebuild: the band text follows (nobody retyped the number).
    monkeypatch.setitem(myeloma_defining_events.CALCIUM_ABOVE, "mmol/L", myeloma_defining_events.F("2.8"))
    assert "calcium > 2.8 mmol/L" in myeloma_defining_events._bands()[0].condition["en"]
    monkeypatch.setitem(zoledronic_acid_renal_check.RISE_IF_NORMAL, "mg/dL", zoledronic_acid_renal_check.F("0.6"))
    assert "rise ≥ 0.6 mg/dL" in zoledronic_acid_renal_check._bands()[0].condition["en"]
    monkeypatch.setattr(imwg_response, "CR_BMPC_BELOW", imwg_response.F(4))
    assert "< 4%" in imwg_response._bands()[1].condition["en"]


def test_corrected_calcium_shares_the_crab_threshold_with_the_events():
    assert corrected_calcium.CRAB_ABOVE is myeloma_defining_events.CALCIUM_ABOVE


def test_r2_iss_groups_cover_every_half_point_without_gaps():
    texts = [b.condition["en"] for b in mmguide.calculator("r2-iss").bands]
    assert texts == ["0 points", "0.5–1 points", "1.5–2.5 points", "3–5 points"]  # fact sheet §5
    assert r2_iss.MAX_SCORE == 5


def test_zoledronic_acid_dose_bands_read_as_the_label():
    texts = [b.condition["en"] for b in mmguide.calculator("zoledronic-acid-dose").bands]
    assert texts == ["CrCl > 60 mL/min", "50 ≤ CrCl ≤ 60 mL/min", "40 ≤ CrCl < 50 mL/min", "30 ≤ CrCl < 40 mL/min",
                     "CrCl < 30 mL/min"]


def test_renal_clearance_input_of_the_events_takes_an_egfr():
    spec = mmguide.calculator("myeloma-defining-events").input("crcl")
    assert spec.accepted_units == ("mL/min", "mL/min/1.73 m²")
    with pytest.raises(KeyError):
        mmguide.calculator("iss").input("nope")
