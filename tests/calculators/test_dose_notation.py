"""No dose a reader sees is written with a trailing zero.

"4.0 mg" can be read as "40 mg": ISMP's list of error-prone dose designations says never to write a
trailing zero after a whole-number dose. Doses are written "4 mg" and "3 mg"; 3.5 mg and 3.3 mg keep
their decimal. Checked on everything a reader sees: explanations, the answer box and the note in both
languages for every stored example and every band edge, the calculators' records (bands, flowcharts,
example notes) and the pages' Chinese catalogues.
"""

from __future__ import annotations

import json
import pathlib
import re

import pytest

import mmguide
from mmguide import flowcharts
from mmguide.clinical.zoledronic_acid_dose import show_dose
from mmguide.presentation import note, view

ROOT = pathlib.Path(__file__).resolve().parents[2]
# a number with a trailing zero after its point, then a dose unit (mg, not mg/dL, mg/L or mg/24 h)
TRAILING_ZERO_DOSE = re.compile(r"(?<![\d.])\d+\.\d*0\s?(?:mg|g|µg|mcg|IU)(?![/\w])")


def _bad(text: str) -> list[str]:
    return TRAILING_ZERO_DOSE.findall(text)


def test_the_pattern_finds_a_trailing_zero_and_leaves_concentrations_alone():
    assert _bad("zoledronic acid 4.0 mg IV") == ["4.0 mg"] and _bad("唑来膦酸 3.0 mg 静脉") == ["3.0 mg"]
    assert _bad("4 mg, 3.5 mg, 3.3 mg, 3 mg, creatinine 1.0 mg/dL, β2M 3.0 mg/L, 100.0 mg/24 h") == []


@pytest.mark.parametrize("mg, shown", [("4.0", "4"), ("3.0", "3"), ("3.5", "3.5"), ("3.3", "3.3")])
def test_a_dose_is_shown_without_a_trailing_zero(mg, shown):
    from fractions import Fraction
    assert show_dose(Fraction(mg)) == shown
    assert show_dose(float(mg)) == shown


def _cases():
    for calc in mmguide.calculators():
        for i, row in enumerate(calc.examples):
            yield pytest.param(calc.id, row["inputs"], id=f"{calc.id}-{i}")
    # every band of the label's dose table, at and beside each edge, alone and inside the plan
    for crcl in ("30", "39.99", "40", "49.99", "50", "60", "60.01", "100"):
        yield pytest.param("zoledronic-acid-dose", {"crcl": f"{crcl} mL/min"}, id=f"dose-{crcl}")
        yield pytest.param("bone-protection-plan", {"active_mm": True, "crcl": f"{crcl} mL/min"}, id=f"plan-{crcl}")


@pytest.mark.parametrize("calculator_id, inputs", list(_cases()))
def test_no_dose_a_reader_sees_has_a_trailing_zero(calculator_id, inputs):
    try:
        r = mmguide.compute(calculator_id, **inputs)
    except mmguide.InputError:
        pytest.skip("an example of refused input")
    for lang in ("en", "zh"):
        seen = r.explanation[lang] + json.dumps(view(r, lang), ensure_ascii=False) + note(r, lang)
        assert not _bad(seen), (lang, _bad(seen))


def test_no_calculator_record_or_flowchart_writes_a_dose_with_a_trailing_zero():
    for calc in mmguide.calculators():
        record = json.dumps(calc.as_dict(), ensure_ascii=False)
        assert not _bad(record), (calc.id, _bad(record))
    for fid, tree in flowcharts.FLOWCHARTS.items():
        drawn = repr(tree.nodes)  # every node's and branch's label, in both languages
        assert not _bad(drawn), (fid, _bad(drawn))


def test_no_page_or_catalogue_writes_a_dose_with_a_trailing_zero():
    bad = []
    for path in [*(ROOT / "docs").rglob("*.md"), *(ROOT / "notebooks").glob("*.md"),
                 *(ROOT / "docs" / "locales" / "zh_CN" / "LC_MESSAGES").rglob("*.po")]:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if _bad(line):
                bad.append(f"{path.relative_to(ROOT)}:{n}: {_bad(line)}")
    assert not bad, "\n".join(bad)
