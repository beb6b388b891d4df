"""The calculator forms read the composition each record declares (records.Composes) instead of knowing
"crcl": one set or the other is offered, and an input the calculator also uses on its own stays shown with
both (the plan's creatinine: the acute dose and the renal holds need it whichever set is given)."""

from __future__ import annotations

import pathlib
import sys
from types import SimpleNamespace

import pytest

import mmguide

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "sphinxext"))
from mmguide_book import forms  # noqa: E402


def _env(language):
    return SimpleNamespace(config=SimpleNamespace(language=language))


@pytest.mark.parametrize("language", ["en", "zh_CN"])
@pytest.mark.parametrize("cid, alone", [("bone-protection-plan", {"creatinine"}), ("zoledronic-acid-dose", set())])
def test_the_form_offers_the_declared_composition_and_keeps_an_input_used_alone(cid, alone, language):
    calc = mmguide.calculator(cid)
    declared = forms._composes(calc)
    assert declared == {"input": "crcl", "calculator": "crcl-cockcroft-gault",
                        "inputs": ["age", "weight", "creatinine", "sex"], "also_alone": sorted(alone)}
    html = forms._fields_html(_env(language), cid, calc.as_dict(), declared)
    creat = html.index('data-source="creatinine"')
    clear = html.index('data-source="crcl"')
    field = html.index('id="mmguide-%s-creatinine"' % cid)
    inside_creatinine_group = creat < field < clear
    assert inside_creatinine_group is (not alone), "the plan's creatinine is shown with either source"
    for n in ("age", "weight", "sex"):
        assert creat < html.index(f'id="mmguide-{cid}-{n}"') < clear
    assert html.index(f'id="mmguide-{cid}-crcl"') > clear


def test_a_calculator_that_composes_nothing_offers_no_choice():
    calc = mmguide.calculator("iss")
    assert forms._composes(calc) is None
    assert "kidney-source" not in forms._fields_html(_env("en"), "iss", calc.as_dict(), None)
