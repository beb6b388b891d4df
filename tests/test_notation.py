"""The widening step (docs/locales/zh_CN/translate.py ``fullwidth``: half-width , ; : ? ( ) → full-width in
Chinese prose) leaves notation alone, and no catalogue holds notation it once damaged.

Protected, each kept exactly as written: karyotypes (t(4;14), t(11;14)(q13;q32), del(17p), amp(1q)),
chromosome arms (1q+, 17p), formulas and functions (a parenthesis glued to a Latin letter or a digit that
holds no Chinese), units with slashes (mL/min/1.73 m²), numeric ranges and thousands (0.68–0.99, 1,718),
inline code, math, citations and other roles, link targets.
"""

from __future__ import annotations

import pathlib
import re
import sys

import pytest
from babel.messages.pofile import read_po

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "docs" / "locales" / "zh_CN"))
from translate import PROTECTED_PATTERNS, fullwidth  # noqa: E402

from mmguide.presentation import widen  # noqa: E402

# The catalogues' step (translate.py) and the package's step for its own Chinese strings (presentation.widen,
# which also runs under MicroPython, so it is written without regular expressions) keep the same rules.
STEPS = {"catalogues": fullwidth, "package": widen}

PO_DIR = ROOT / "docs" / "locales" / "zh_CN" / "LC_MESSAGES"

# (Chinese prose around a piece of notation, the notation that must come out unchanged)
PROTECTED = [
    ("风险较高(t(4;14) 和 1q 获得),支持强化治疗。", "t(4;14)"),
    ("存在 t(14;16);另见 t(11;14)(q13;q32)。", "t(11;14)(q13;q32)"),
    ("将 ISS 分期、del(17p)、LDH 计分,分为四组。", "del(17p)"),
    ("如有 amp(1q),则加分。", "amp(1q)"),
    ("1q+ 与 17p 缺失,均为高危。", "1q+"),
    ("公式为 CrCl = (140 − age) × weight / (72 × Cr),单位 mL/min。", "(140 − age) × weight / (72 × Cr)"),
    ("取 min(Scr/κ, 1) 的幂,见下。", "min(Scr/κ, 1)"),
    ("按体表面积校正(mL/min/1.73 m²)。", "mL/min/1.73 m²"),
    ("风险比 0.82,95% CI 0.68–0.99;共 1,718 例。", "1,718"),
    ("风险比 0.82,95% CI 0.68–0.99;共 1,718 例。", "0.68–0.99"),
    ("检测 25-羟维生素 D 和 1,25-二羟维生素 D,并复查。", "1,25-二羟维生素 D"),
    ("见 {cite:p}`raje2018denosumab,terpos2021bone`;另见。", "{cite:p}`raje2018denosumab,terpos2021bone`"),
    ("调用 `compute(\"iss\", beta2m=3)`;返回结果。", "`compute(\"iss\", beta2m=3)`"),
    ("公式 $a(b;c)$ 中,见上。", "$a(b;c)$"),
    ("详见[此处](https://example.org/a(b);c),谢谢。", "](https://example.org/a(b)"),
]


@pytest.mark.parametrize("step", STEPS)
@pytest.mark.parametrize("chinese, notation", PROTECTED, ids=[n for _, n in PROTECTED])
def test_widening_leaves_notation_alone(chinese, notation, step):
    out = STEPS[step](chinese)
    assert notation in out, out
    assert out != chinese, "the prose around the notation should still be widened"


def test_every_protected_kind_has_an_example():
    kinds = {"role", "inline code", "math", "link target", "karyotype", "chromosome arm", "formula"}
    assert set(PROTECTED_PATTERNS) == kinds


@pytest.mark.parametrize("step", STEPS)
def test_prose_punctuation_is_still_widened(step):
    assert STEPS[step]("先补液(生理盐水),再给药;是否已查肌酐?") == "先补液（生理盐水），再给药；是否已查肌酐？"


@pytest.mark.parametrize("step", STEPS)
@pytest.mark.parametrize("chinese, widened", [
    ("见下 {cite:p}`song_interview`:", "见下 {cite:p}`song_interview`："),
    ("肌酐清除率 45.00 mL/min:唑来膦酸 3.3 mg", "肌酐清除率 45.00 mL/min：唑来膦酸 3.3 mg"),
    ("应使用此清除率,而非 eGFR:首剂前", "应使用此清除率，而非 eGFR：首剂前"),
    ("HZ-29:页面", "HZ-29：页面"),
    ("受累/非受累(involved:uninvolved)比值 100:1", "受累/非受累（involved:uninvolved）比值 100:1"),
])
def test_a_colon_after_a_citation_unit_or_latin_word_is_widened_before_chinese(chinese, widened, step):
    # a colon that ends a lead-in or sits before Chinese is prose; a ratio or "a:b" between Latin letters is not
    assert STEPS[step](chinese) == widened


@pytest.mark.parametrize("text", ["No Chinese here: (a, b); c?", "见 '1,5' 与 \"a;b\"", "血钙 2.6 mmol/L(10.4 mg/dL)"])
def test_package_step_leaves_typed_values_english_and_unit_conversions_alone(text):
    out = widen(text)
    for kept in ("(a, b); c?", "'1,5'", "\"a;b\"", "mmol/L(10.4 mg/dL)"):
        if kept in text:
            assert kept in out, out


DAMAGED = re.compile(r"(?<![A-Za-z])(?:t|del|dup|inv|amp|gain|der|ins)（[0-9XYpq;；.,，]+）|\([0-9]{1,2}；[0-9]{1,2}\)")


def test_no_catalogue_holds_widened_notation():
    bad = []
    for path in sorted(PO_DIR.rglob("*.po")):
        with path.open("rb") as f:
            for msg in read_po(f):
                if msg.id and msg.string and DAMAGED.search(msg.string):
                    bad.append(f"{path.relative_to(ROOT)}: {DAMAGED.search(msg.string).group(0)} in {msg.string[:80]!r}")
    assert not bad, "notation damaged by punctuation widening (write it as in English, e.g. t(4;14)):\n" + "\n".join(bad)
