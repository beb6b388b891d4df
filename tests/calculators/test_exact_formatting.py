"""The exact number writer that replaced `decimal` (so that MicroPython, which has no `decimal`,
writes the same digits): checked against CPython's `decimal` module as the independent oracle."""

from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN, Decimal, localcontext
from fractions import Fraction as F

import pytest
from hypothesis import given, settings, strategies as st

from mmguide import units as U
from mmguide.presentation import _replace_word, first_sentence

ROUNDING = {"half-even": ROUND_HALF_EVEN, "floor": ROUND_FLOOR, "ceiling": ROUND_CEILING}


def oracle(x: F, places: int, rounding: str) -> str:
    with localcontext() as ctx:
        ctx.prec = 100
        d = Decimal(x.numerator) / Decimal(x.denominator)
        return format(d.quantize(Decimal(1).scaleb(-places), rounding=ROUNDING[rounding]), "f")


fractions = st.builds(F, st.integers(-10**9, 10**9), st.integers(1, 10**7))


@settings(max_examples=3000, derandomize=True)
@given(fractions, st.integers(0, 5), st.sampled_from(sorted(ROUNDING)))
def test_decimal_text_writes_what_decimal_quantize_writes(x, places, rounding):
    got = U.decimal_text(x, places, rounding)
    want = oracle(x, places, rounding)
    assert got == want or (got, want) == ("0" + want[2:], want) or got.lstrip("-") == want.lstrip("-") == "0" * len(got.lstrip("-"))


@pytest.mark.parametrize("x, places, want", [
    (F(5, 2), 0, "2"), (F(7, 2), 0, "4"), (F(-5, 2), 0, "-2"),  # ties go to the even digit, as Decimal does
    (F(2675, 1000), 2, "2.68"),  # exactly 2.675: a tie, to the even 8 (a float 2.675 is below it)
    (F(125, 1000), 2, "0.12"), (F(135, 1000), 2, "0.14"),
    (F(1, 3), 4, "0.3333"), (F(2, 3), 4, "0.6667"), (F(0), 2, "0.00"), (F(12345), -3, "12000"),
])
def test_decimal_text_at_ties_and_simple_values(x, places, want):
    assert U.decimal_text(x, places) == want


@pytest.mark.parametrize("x, want", [
    (F(1, 10**5), "0.00001"),   # never "0"
    (F(123, 10**6), "0.00012"),  # two significant figures, not "0.0001"
    (F(88, 1) + F(4, 10), "88.4"), (F(1, 3), "0.3333"), (F(100), "100"), (F(-1, 10**6), "-0.000001"),
    (F(0), "0"),
])
def test_fmt_shows_no_value_as_zero_that_is_not(x, want):
    assert U.fmt(x) == want


@pytest.mark.parametrize("x, edges, want", [
    (F(29999, 1000), [30], "29.99"),  # below 30 stays below 30 (ordinary rounding would show 30.00)
    (F(30001, 1000), [30], "30.01"), (F(30), [30], "30.00"), (F(1, 1000), [30], "0.001"),
])
def test_fmt_beside_keeps_the_side_of_the_edge(x, edges, want):
    assert U.fmt_beside(x, 2, edges) == want


@pytest.mark.parametrize("raw, want", [
    ("１．５ ｍｇ／ｄＬ", ("1.5", "ｍｇ／ｄＬ")),  # full width: the number folded, the unit as typed
    ("1.5\u00a0mg/dL", ("1.5", "mg/dL")), (" 45 ", ("45", "")), ("45\u3000mL/min\u3000", ("45", "mL/min")),
    ("1² mg/dL", ("1", "² mg/dL")),  # a superscript is not a digit: it stays with the unit (and is refused)
    ("mg/dL", None), ("①②", None),
])
def test_split_typed(raw, want):
    assert U.split_typed(raw) == want


@pytest.mark.parametrize("text, want", [
    ("Give it now. Then wait.", ("Give it now.", "Then wait.")),
    ("Short. Then more text follows here.", ("Short. Then more text follows here.", "")),  # first stop too early
    ("立即开始使用唑来膦酸进行骨保护治疗。随后每月复查。", ("立即开始使用唑来膦酸进行骨保护治疗。", "随后每月复查。")),
    ("立即开始骨保护治疗。随后每月复查。", ("立即开始骨保护治疗。随后每月复查。", "")),  # first stop too early
    ("Dose 3.5 mg over 15 min (see label).", ("Dose 3.5 mg over 15 min (see label).", "")),  # 3.5 is no stop
])
def test_first_sentence(text, want):
    assert first_sentence(text) == want


@pytest.mark.parametrize("text, want", [
    ("see crcl-cockcroft-gault first", "see CG first"), ("(crcl-cockcroft-gault)", "(CG)"),
    ("见crcl-cockcroft-gault", "见CG"), ("crcl-cockcroft-gault/", "CG/"),
    ("crcl-cockcroft-gault-2", "crcl-cockcroft-gault-2"), ("calculators/crcl-cockcroft-gault", "calculators/crcl-cockcroft-gault"),
    ("x_crcl-cockcroft-gault", "x_crcl-cockcroft-gault"),
])
def test_calculator_ids_are_replaced_as_whole_words_only(text, want):
    assert _replace_word(text, "crcl-cockcroft-gault", "CG") == want
