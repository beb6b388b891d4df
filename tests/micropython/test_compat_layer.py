"""The MicroPython compatibility layer (runtime/micropython) agrees with CPython's own modules.

These run under CPython, loading the layer's modules by path, so the exact-arithmetic and
formatting pieces the in-page runtime relies on are checked on every test run, against the
standard library they stand in for. (tests/micropython/equality.py compares whole results
under MicroPython itself.)
"""

from __future__ import annotations

import builtins
import dataclasses
import fractions
import importlib
import importlib.util
import pathlib
import random
import sys

import pytest

LAYER = pathlib.Path(__file__).resolve().parents[2] / "runtime" / "micropython"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"_mp_{name}", LAYER / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def shim_fraction():
    return _load("fractions").Fraction


def _numbers(seed: int, n: int):
    rng = random.Random(seed)
    for _ in range(n):
        num = rng.randint(-10 ** rng.randint(1, 40), 10 ** rng.randint(1, 40))
        den = rng.randint(1, 10 ** rng.randint(1, 40))
        yield num, den


def test_exact_rationals_reduce_and_print_as_cpython(shim_fraction):
    for num, den in _numbers(1, 3000):
        assert str(shim_fraction(num, den)) == str(fractions.Fraction(num, den))


def test_exact_rationals_convert_to_the_same_double_as_cpython(shim_fraction):
    for num, den in _numbers(2, 3000):
        assert float(shim_fraction(num, den)) == float(fractions.Fraction(num, den))
    # halfway cases round to even; beyond the largest double is an error, as in CPython
    assert float(shim_fraction(2 ** 53 + 1, 1)) == float(2 ** 53 + 1)
    assert float(shim_fraction(3, 10 ** 320)) == float(fractions.Fraction(3, 10 ** 320))
    with pytest.raises(OverflowError):
        float(shim_fraction(10 ** 400, 1))


def test_exact_rationals_read_decimal_text_and_floats_exactly(shim_fraction):
    rng = random.Random(3)
    for _ in range(2000):
        x = rng.random() * 10 ** rng.randint(-30, 30)
        s = repr(x)
        assert str(shim_fraction(s)) == str(fractions.Fraction(s))
        assert str(shim_fraction(x)) == str(fractions.Fraction(x))
    for text in ("0.9938", "-1.200", "88.4", "1e-07", "2.5E+3", "7/2", " 3 "):
        assert str(shim_fraction(text)) == str(fractions.Fraction(text))
    for bad in ("", "abc", "1.2.3", "inf", "nan", "1e"):
        with pytest.raises(ValueError):
            shim_fraction(bad)


def test_exact_rational_arithmetic_and_order_match_cpython(shim_fraction):
    rng = random.Random(4)
    for num, den in _numbers(5, 1000):
        a, b = fractions.Fraction(num, den), fractions.Fraction(rng.randint(-100, 100), rng.randint(1, 50))
        sa, sb = shim_fraction(num, den), shim_fraction(b.numerator, b.denominator)
        assert str(sa + sb) == str(a + b) and str(sa - sb) == str(a - b) and str(sa * sb) == str(a * b)
        assert (sa < sb, sa <= sb, sa > sb, sa >= sb, sa == sb) == (a < b, a <= b, a > b, a >= b, a == b)
        assert int(sa) == int(a) and str(sa ** 3) == str(a ** 3) and str(-sa) == str(-a)
        if b:
            assert str(sa / sb) == str(a / b) and sa // sb == a // b and str(sa % sb) == str(a % b)
        assert (sa < 1.5) == (a < 1.5) and sa == sa + 0 and (sa == 0.1) == (a == 0.1)


@pytest.fixture(scope="module")
def shim_repr():
    ns: dict = {}
    exec((LAYER / "_builtins_extra.py").read_text(encoding="utf-8").replace("builtins.format = format", "")
         .replace("builtins.repr = repr", ""), ns)
    return ns["repr"]


def test_repr_of_floats_is_the_shortest_round_trip_as_cpython(shim_repr, monkeypatch):
    monkeypatch.setitem(sys.modules, "fractions", _load("fractions"))
    rng = random.Random(6)
    values = [88.4, 0.1, 1e16, 1e-05, 0.0001, 1e22, 5e-324, 1.7976931348623157e308, 2.675, 100.0, -0.0, -2.5,
              9999999999999998.0, 123456789012345680.0]
    values += [rng.random() * 10 ** rng.randint(-30, 30) for _ in range(3000)]
    for v in values:
        assert shim_repr(v) == builtins.repr(v)


def test_repr_of_typed_text_quotes_and_escapes_as_cpython(shim_repr):
    for s in ["µmol/L", "it's", "a\"b'c", "x\n\t\\", "\u200b2", "\u00a0", "κ/λ", "١", "\u3000", "é", "\x7f",
              "\U0001F600", "㎎/㎗", "", "'", '"']:
        assert shim_repr(s) == builtins.repr(s)


def test_record_fields_are_read_in_cpythons_order():
    shim = _load("dataclasses")
    plan = importlib.import_module("mmguide.clinical.bone_protection_plan")
    records = importlib.import_module("mmguide.records")
    units = importlib.import_module("mmguide.units")

    for module, names in ((records, ("Input", "Band", "Category", "Output", "Calculator", "Result")),
                          (units, ("Unit", "Analyte", "Quantity")), (plan, ("Action",))):
        for name in names:
            cls = getattr(module, name)
            assert shim._field_names(cls) == [f.name for f in dataclasses.fields(cls)], name
