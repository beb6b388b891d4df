"""units.py: every conversion factor against its definition, every plausible range (the limits the book
shows readers in each calculator's input table) at both sides, and the hostile-input bounds at both sides.

Factors: creatinine 1 mg/dL = 88.4 µmol/L (fact sheet §8), calcium 1 mmol/L = 4.008 mg/dL (molar mass
40.08 g/mol), 1 lb = 0.45359237 kg (definition), 1 g/dL = 10 g/L, 1 g/24 h = 1000 mg/24 h,
1 mg/dL = 10 mg/L, 1 µg/mL = 1 mg/L.
"""

from fractions import Fraction as F

import pytest

from mmguide import InputError
from mmguide import units as U


@pytest.mark.parametrize("analyte, value, unit, base_unit, expected", [
    ("creatinine", "1", "mg/dL", "µmol/L", F("88.4")),
    ("creatinine", "88.4", "µmol/L", "mg/dL", F(1)),
    ("calcium", "1", "mmol/L", "mg/dL", F("4.008")),
    ("calcium", "10.02", "mg/dL", "mmol/L", F("2.5")),
    ("weight", "100", "lb", "kg", F("45.359237")),
    ("weight", "45.359237", "kg", "lb", F(100)),
    ("albumin", "3.5", "g/dL", "g/L", F(35)),
    ("hemoglobin", "10", "g/dL", "g/L", F(100)),
    ("serum_mprotein", "40", "g/L", "g/dL", F(4)),
    ("serum_mprotein", "1", "g/dL", "g/L", F(10)),
    ("urine_mprotein", "0.2", "g/24 h", "mg/24 h", F(200)),
    ("urine_mprotein", "1000", "mg/24 h", "g/24 h", F(1)),
    ("flc", "10", "mg/dL", "mg/L", F(100)),
    ("beta2m", "3.5", "µg/mL", "mg/L", F("3.5")),
    ("renal_clearance", "39", "mL/min/1.73 m²", "mL/min", F(39)),
])
def test_conversion_factors_match_their_definitions(analyte, value, unit, base_unit, expected):
    q = U.parse_quantity("x", f"{value} {unit}", analyte)
    assert q.to(base_unit) == expected


# The plausible ranges published in each calculator's input table (validation limits, not thresholds).
RANGES = [
    ("creatinine", "mg/dL", "0.1", "20"), ("creatinine", "µmol/L", "9", "1768"),
    ("calcium", "mmol/L", "1.0", "5.0"), ("calcium", "mg/dL", "4", "20"),
    ("albumin", "g/L", "10", "60"), ("albumin", "g/dL", "1.0", "6.0"),
    ("hemoglobin", "g/L", "30", "220"), ("hemoglobin", "g/dL", "3.0", "22.0"),
    ("beta2m", "mg/L", "0.5", "100"), ("beta2m", "µg/mL", "0.5", "100"),
    ("weight", "kg", "25", "300"), ("weight", "lb", "55", "660"),
    ("age", "years", "18", "120"), ("crcl", "mL/min", "1", "250"),
    ("renal_clearance", "mL/min", "1", "250"), ("renal_clearance", "mL/min/1.73 m²", "1", "250"),
    ("egfr", "mL/min/1.73 m²", "1", "250"),
    ("serum_mprotein", "g/dL", "0", "15"), ("serum_mprotein", "g/L", "0", "150"),
    ("urine_mprotein", "mg/24 h", "0", "30000"), ("urine_mprotein", "g/24 h", "0", "30"),
    ("flc", "mg/L", "0", "100000"), ("flc", "mg/dL", "0", "10000"),
    ("flc_ratio", "", "1", "100000"), ("percent", "%", "0", "100"), ("count", "", "0", "1000"),
]


@pytest.mark.parametrize("analyte, unit, low, high", RANGES)
def test_plausible_range_edges_are_accepted_and_just_outside_refused(analyte, unit, low, high):
    step = F(1, 100)
    for ok in (F(low), F(high)):
        assert U.parse_quantity("x", f"{float(ok)} {unit}".strip(), analyte).value == ok
    for bad in (F(low) - step, F(high) + step):  # below a lower limit of 0 too: -0.01 is refused, not clipped
        with pytest.raises(InputError, match="outside the plausible range"):
            U.parse_quantity("x", f"{float(bad)} {unit}".strip(), analyte)


def test_every_range_is_listed():
    listed = {(a, u) for a, u, _, _ in RANGES}
    assert listed == {(a.name, u.symbol) for a in U.ANALYTES.values() for u in a.units}


def test_typed_length_bound_is_64_characters():
    assert U.to_fraction("0" * 62 + "12", "x") == 12  # 64 characters
    with pytest.raises(InputError, match="65 characters long"):
        U.to_fraction("0" * 63 + "12", "x")
    assert U.parse_quantity("x", " " * 55 + "45 mL/min", "crcl").value == 45  # 64 characters
    with pytest.raises(InputError, match="65 characters long"):
        U.parse_quantity("x", " " * 56 + "45 mL/min", "crcl")


@pytest.mark.parametrize("value, ok", [
    ("1e12", True), ("1000000000001", False), ("1.000001e12", False),
    ("1e-12", True), ("9.99e-13", False), ("-1e12", True), ("0", True), ("0e-400", True),
    ("1e999", False), ("1e1000", False), ("1e-999", False),
])
def test_magnitude_bounds_refuse_what_no_measurement_can_be(value, ok):
    if ok:
        assert U.to_fraction(value, "x") == F(value.replace("0e-400", "0"))
    else:
        with pytest.raises(InputError, match="not a plausible value"):
            U.to_fraction(value, "x")


@pytest.mark.parametrize("value", [10**12, F(10**12), 1e12, F(1, 10**12), 1e-12])
def test_magnitude_bounds_at_the_edge_for_numbers_from_callers(value):
    assert U.to_fraction(value, "x") == F(value) if not isinstance(value, float) else F(repr(value))


@pytest.mark.parametrize("value", [10**12 + 1, F(10**12 + 1), 1.01e12, F(1, 10**12 + 1), 9.9e-13, F(1, 3 * 10**30),
                                   2**64])
def test_magnitude_bounds_just_outside_for_numbers_from_callers(value):
    with pytest.raises(InputError):
        U.to_fraction(value, "x")


def test_a_fraction_with_a_denominator_up_to_10_to_the_30_is_accepted():
    assert U.to_fraction(F(10**30 + 7, 10**30), "x") == F(10**30 + 7, 10**30)
    with pytest.raises(InputError):
        U.to_fraction(F(10**31 + 7, 10**31), "x")


@pytest.mark.parametrize("typed, value", [("1e3", 1000), ("1E-3", F(1, 1000)), ("1e012", 10**12), ("1e-012", F(1, 10**12)),
                                          ("+45", 45), ("-0.5", F(-1, 2)), (".5", F(1, 2)), ("5.", 5), ("45,5", F(91, 2)),
                                          ("0,25", F(1, 4)), ("1,2345", F(12345, 10000)), (",5", F(1, 2))])
def test_typed_numbers_that_are_read(typed, value):
    assert U.to_fraction(typed, "x") == value


def test_full_width_forms_map_to_ascii_and_nothing_else_does():
    assert U.to_fraction("\uff14\uff15\uff0e\uff15", "x") == F(91, 2)  # ４５．５
    assert U.to_fraction("\u3000\uff11\uff10\u3000", "x") == 10  # ideographic spaces around １０
    assert U.to_fraction("\uff10", "x") == 0 and U.to_fraction("\uff19", "x") == 9
    for bad in ("\uff5f", "\u2460", "\u00b9", "\u0661", "\uff01"):
        with pytest.raises(InputError):
            U.to_fraction("1" + bad, "x")


def test_significant_figures_for_tiny_values():
    assert U.fmt(F("0.000123456")) == "0.00012"
    assert U.fmt(F("0.00005")) == "0.00005"
    assert U.fmt(F("0.0001")) == "0.0001"
    assert U.fmt(F("0.00001234"), 3) == "0.000012"
    assert U.fmt(F("12.34567")) == "12.3457"
    assert U.fmt(F("12.34567"), 1) == "12.3"


def test_the_ranges_shown_to_readers_are_the_published_ranges():
    # the input tables and every "outside the plausible range" message print range_text()
    import re
    for analyte in U.ANALYTES:
        shown = re.findall(r"([0-9.]+)–([0-9.]+) ?([^;]*)", U.range_text(analyte))
        expected = [(F(lo), F(hi), u) for a, u, lo, hi in RANGES if a == analyte]
        assert [(F(lo), F(hi), u.strip()) for lo, hi, u in shown] == expected, analyte


@pytest.mark.parametrize("analyte, typed, unit", [("age", "70", "years"), ("crcl", "45 mL/min", "mL/min"),
                                                 ("egfr", "45", "mL/min/1.73 m²")])
def test_a_single_unit_quantity_converts_to_its_own_unit_unchanged(analyte, typed, unit):
    assert U.parse_quantity("x", typed, analyte).to(unit) == F(typed.split()[0])


@pytest.mark.parametrize("analyte, typed, unit", [("flc_ratio", "125", ""), ("percent", "20", "%"), ("count", "3", "")])
def test_a_unitless_or_percent_quantity_converts_to_its_own_unit_unchanged(analyte, typed, unit):
    assert U.parse_quantity("x", typed, analyte).to(unit) == F(typed.split()[0])


def test_an_exponent_of_four_digits_is_refused_before_it_is_evaluated():
    # MAX_EXPONENT_DIGITS = 3: "1e999" is read (and refused as implausible); "1e1000" is refused unread
    with pytest.raises(InputError, match=r"its exponent is too large"):
        U.to_fraction("1e1000", "x")
    with pytest.raises(InputError, match=r"for any unit") as e:
        U.to_fraction("1e999", "x")
    assert "exponent" not in str(e.value)


def test_the_full_width_block_folds_from_u_ff01_to_u_ff5e_only():
    # U+FF01–U+FF5E are the full-width forms of ASCII 0x21–0x7E; U+FF00 and U+FF5F are not
    assert U.fold("\uff01") == "!" and U.fold("\uff5e") == "~"
    assert U.fold("\uff00") == "\uff00" and U.fold("\uff5f") == "\uff5f"


def test_ascii_lower_lowers_a_to_z_inclusive_and_nothing_else():
    assert U.ascii_lower("AZaz@[") == "azaz@["
    assert U.canonical_unit("G/DAY") == "g/24 h"


@pytest.mark.parametrize("raw, number, unit", [
    ("45 mL/min", "45", "mL/min"), ("45 mL/min  ", "45", "mL/min"), ("  45", "45", ""),
    ("４５　ｍｇ／ｄＬ　", "45", "ｍｇ／ｄＬ"),            # full-width, with an ideographic space after it
    (" 45㎎/dL ", "45", "㎎/dL"),                       # ㎎ folds to two characters: the unit is still cut as typed
    ("1.5e2 g", "1.5e2", "g"), ("45 mL/min x", "45", "mL/min x"),
])
def test_split_typed_gives_the_folded_number_and_the_unit_as_typed(raw, number, unit):
    assert U.split_typed(raw) == (number, unit)


@pytest.mark.parametrize("raw, shown", [
    (2**128 - 1, str(2**128 - 1)), (2**128, "a whole number too long to show"),
    (-(2**128), "a whole number too long to show"),
    (F(2**128 - 1, 3), repr(F(2**128 - 1, 3))[:37] + "…'"), (F(2**128, 3), "a fraction too long to show"),
    (F(1, 2**128), "a fraction too long to show"),
])
def test_a_huge_number_in_a_message_is_described_not_printed(raw, shown):
    from mmguide import compute
    with pytest.raises(InputError) as e:
        compute("zoledronic-acid-renal-check", baseline_creatinine="1 mg/dL", current_creatinine="1 mg/dL",
                withheld=raw)
    assert str(e.value).endswith(f"got {shown}.")


@pytest.mark.parametrize("zeros, whole", [(32, True), (33, False)])
def test_a_typed_value_in_a_message_is_cut_after_40_characters_of_its_repr(zeros, whole):
    typed = "0" * zeros + "1e1000"  # 38 characters (repr 40) is shown whole; 39 is cut
    with pytest.raises(InputError) as e:
        U.to_fraction(typed, "x")
    assert (repr(typed) in str(e.value)) is whole
    if not whole:
        assert repr(typed)[:37] + "…'" in str(e.value)


def _oracle(x: F, places: int, rounding: str) -> str:
    """CPython's decimal module, the independent writer decimal_text must agree with."""
    from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN, Decimal, localcontext
    mode = {"half-even": ROUND_HALF_EVEN, "floor": ROUND_FLOOR, "ceiling": ROUND_CEILING}[rounding]
    with localcontext() as ctx:
        ctx.prec = 100
        d = Decimal(x.numerator) / Decimal(x.denominator)
        return format(d.quantize(Decimal(1).scaleb(-places), rounding=mode), "f")


GRID = sorted({s * (F(k, 2 * 10**p) + d) for s in (1, -1) for k in (1, 3, 5, 25, 125, 2675, 19999, 100001)
               for p in (0, 1, 2, 3) for d in (0, F(1, 10**6))} | {F(0), F(12345), F(-98765, 10)})


@pytest.mark.parametrize("rounding", ["half-even", "floor", "ceiling"])
@pytest.mark.parametrize("places", [-2, -1, 0, 1, 2, 3, 4])
def test_decimal_text_agrees_with_the_decimal_module_on_ties_and_near_ties(places, rounding):
    for x in GRID:
        got, want = U.decimal_text(x, places, rounding), _oracle(x, places, rounding)
        if places < 0:
            want = str(int(F(want)))  # the decimal module writes 1.2E+4; decimal_text writes 12000
        if F(want) == 0:
            assert F(got) == 0 and not got.startswith("-0"), (x, places, rounding, got)
            continue
        assert got == want, (x, places, rounding, got, want)


@pytest.mark.parametrize("x, places, shown", [
    # a value that its decimals would show with fewer than 2 significant figures is shown with 2
    (F("10.4"), 0, "10"), (F("99.6"), 0, "100"), (F("1.4"), 0, "1.4"), (F("9.6"), 0, "9.6"),
    (F("0.0123"), 2, "0.012"), (F("0.000123456"), None, "0.00012"), (F("123.456"), 1, "123.5"),
    (F("-0.00001"), None, "-0.00001"), (F("-0.04"), 1, "-0.04"), (F("0.05"), 1, "0.05"), (F(0), 2, "0.00"),
    (F("0.095"), 1, "0.095"), (F("0.0095"), 2, "0.0095"),
    (F("1.204"), 2, "1.20"), (F("12.04"), 1, "12.0"),  # two figures shown: the decimals asked for are kept
    # a float is read as the decimal it prints as: 2.675 is a tie (to the even 8), not 2.67499999…
    (2.675, 2, "2.68"), (0.125, 2, "0.12"),
])
def test_fmt_keeps_at_least_two_significant_figures(x, places, shown):
    assert U.fmt(x, places) == shown


def _shown_current(base, cur):
    import re
    from mmguide import compute
    r = compute("zoledronic-acid-renal-check", baseline_creatinine=base, current_creatinine=cur, withheld=True)
    return r.category, F(re.match(r"Current creatinine ([0-9.]+) mg/dL", r.explanation["en"]).group(1))


def test_a_creatinine_exactly_on_a_resume_limit_rounding_down_is_not_shown_above_it():
    # 1.2292 × 1.10 = 1.35212: a current creatinine of exactly that resumes (≤ limit) and is shown as the limit itself
    category, shown = _shown_current("1.2292 mg/dL", "1.35212 mg/dL")
    assert category == "resume" and shown == F("1.35212")


def test_fmt_beside_reads_a_float_as_the_decimal_it_prints_as():
    assert U.fmt_beside(2.675, 2, [30]) == "2.68"  # the decimal 2.675 is a tie, to the even 8


def test_a_creatinine_exactly_on_a_resume_limit_rounding_up_is_not_shown_above_it():
    # 1.234 × 1.10 = 1.3574: a current creatinine of exactly that resumes (≤ limit) and is shown as the limit itself
    category, shown = _shown_current("1.234 mg/dL", "1.3574 mg/dL")
    assert category == "resume" and shown == F("1.3574")


@pytest.mark.parametrize("x, want", [
    ("1.3", "1.30"),  # written at places when places can write it
    ("1.3574", "1.3574"),  # the fewest decimals that write it exactly
    ("1.35212", "1.35212"),  # three beyond places, not padded to four ("1.352120")
    ("1.234567", "1.234567"),  # four decimals beyond places still write it exactly
    ("1.2345678", "1.2345678"),  # more than four beyond: still exactly, so it reads as the edge written beside it
    ("1.23456789012345", "1.234568"),  # more than a decimal of 10 places can write: four beyond places, rounded
    ("0.001", "0.001"),
])
def test_fmt_beside_writes_a_value_exactly_on_an_edge_as_the_edge(x, want):
    assert U.fmt_beside(F(x), 2, [30, F(x)]) == want


@pytest.mark.parametrize("x, want", [("1.35739", "1.35"), ("1.35741", "1.36")])
def test_fmt_beside_keeps_a_value_just_off_an_edge_at_its_places_on_its_own_side(x, want):
    assert U.fmt_beside(F(x), 2, [F("1.3574")]) == want


@pytest.mark.parametrize("edges", [[30], [1], [-1], [F(1, 2)]])
def test_fmt_beside_never_shows_a_tiny_value_as_zero_whatever_the_edges(edges):
    assert U.fmt_beside(F("0.001"), 2, edges) == "0.001"


def test_whole_numbers_from_2_to_the_64_are_refused_before_any_fraction_is_built():
    with pytest.raises(InputError) as e:
        U.to_fraction(2**64, "x")
    assert str(e.value) == "x: this whole number is not a plausible value for any unit."
    for n in (2**64 - 1, 2**63):  # refused as implausible, with the number shown
        with pytest.raises(InputError) as e:
            U.to_fraction(n, "x")
        assert str(e.value).startswith(f"x: {n} is not a plausible value for any unit")


def test_an_object_that_only_looks_like_a_decimal_is_refused_not_a_crash():
    class OnlyFinite:
        def is_finite(self):
            return True

    class OnlyAdjusted:
        def adjusted(self):
            return 0

    for obj in (OnlyFinite(), OnlyAdjusted()):
        with pytest.raises(InputError, match="expected a number"):
            U.to_fraction(obj, "x")


@pytest.mark.parametrize("typed, message", [
    ("abc", "x: 'abc' is not a number."), ("12 3", "x: '12 3' is not a number."),
    ("inf", "x: expected a finite number, got 'inf'."), ("-Infinity", "x: expected a finite number, got '-Infinity'."),
    ("NaN", "x: expected a finite number, got 'NaN'."),
])
def test_non_numbers_and_infinities_are_named_for_what_they_are(typed, message):
    with pytest.raises(InputError) as e:
        U.to_fraction(typed, "x")
    assert str(e.value) == message


def test_decimals_from_callers_at_the_magnitude_bounds():
    from decimal import Decimal
    assert U.to_fraction(Decimal("1e12"), "x") == 10**12
    assert U.to_fraction(Decimal("1e-12"), "x") == F(1, 10**12)
    assert U.to_fraction(Decimal("0E-1000"), "x") == 0  # zero written with a huge exponent is zero
    assert U.to_fraction(Decimal("0E+1000"), "x") == 0
    for bad in ("1e13", "1.000001e12", "9.99e-13", "1e-13", "1e999999999"):
        with pytest.raises(InputError, match="not a plausible value for any unit"):
            U.to_fraction(Decimal(bad), "x")


def test_a_unitless_input_given_a_unit_names_no_unit_in_both_languages():
    with pytest.raises(InputError) as e:
        U.parse_quantity("x", "125 mg", "flc_ratio")
    assert str(e.value) == "x: unknown unit 'mg'; accepted: (no unit)."
    assert e.value.text["zh"].endswith("可用单位:(无单位)。")


def test_a_known_unit_followed_by_an_unknown_word_is_an_unknown_unit_not_two_units():
    with pytest.raises(InputError) as e:
        U.parse_quantity("x", "45 mL/min xyz", "crcl")
    assert "unknown unit 'mL/min xyz'" in str(e.value)
    with pytest.raises(InputError, match="two different units"):
        U.parse_quantity("x", "45 mL/min mg/dL", "crcl")
    assert U.parse_quantity("x", "45 mL/min mL/min", "crcl").value == 45


def test_a_kappa_lambda_ratio_below_1_is_shown_inverted():
    with pytest.raises(InputError) as e:
        U.parse_quantity("x", "0.008", "flc_ratio")
    assert "(a κ/λ ratio of 0.008 is an involved:uninvolved ratio of 1/0.008 = 125)" in str(e.value)


@pytest.mark.parametrize("raw, analyte, hint", [
    ("1768 mg/dL", "creatinine", "µmol/L"),   # 1768 is the top of the µmol/L range (inclusive)
    ("25 lb", "weight", "kg"),                # 25 is the bottom of the kg range (inclusive)
    ("1 µmol/L", "creatinine", "mg/dL"),      # 1 µmol/L is 0.011 mg/dL, below 0.1: 1 was meant in mg/dL
    ("10 g/dL", "albumin", "g/L"),            # 10 g/dL is 100 g/L, above 60: 10 was meant in g/L
    ("8.83 µmol/L", "creatinine", "mg/dL"),   # 0.0999 mg/dL if µmol/L: implausible, so mg/dL was meant
    ("8.84 µmol/L", "creatinine", None),      # exactly 0.1 mg/dL: plausible either way, so no guess
    ("5000 mg/dL", "creatinine", None),       # implausible in every unit: no guess
])
def test_an_implausible_value_suggests_the_unit_it_was_probably_meant_in(raw, analyte, hint):
    with pytest.raises(InputError) as e:
        U.parse_quantity("x", raw, analyte)
    assert ("Did you mean" in str(e.value)) is (hint is not None)
    if hint:
        assert str(e.value).endswith(f"Did you mean {hint}?")


def test_a_typed_value_equal_to_1e12_is_accepted_however_it_is_written():
    assert U.to_fraction("1e12", "x") == U.to_fraction("0.001e15", "x") == 10**12


@pytest.mark.xfail(strict=True, reason=(
    "_exponent_ok refuses any typed exponent above 15 before the value is built, so '0.0001e16' (exactly 1e12, "
    "accepted when written '1e12') is refused as implausible (src/mmguide/parse.py _exponent_ok); harmless, but "
    "the bound is meant for the value, not for how it is written"))
def test_a_typed_value_equal_to_1e12_with_an_exponent_of_16_is_accepted():
    assert U.to_fraction("0.0001e16", "x") == 10**12


def test_range_text_lists_only_the_allowed_units():
    assert U.range_text("renal_clearance", ("mL/min",)) == "1–250 mL/min"
    assert U.range_text("renal_clearance") == "1–250 mL/min; 1–250 mL/min/1.73 m²"
