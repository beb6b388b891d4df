"""Fuzz every calculator from its own record: any input ends in an InputError naming a field, or in a
finite, JSON-safe result; and every call returns within 100 ms of CPU time.

Inputs mix values inside the record's plausible ranges (in every accepted unit) with junk: blanks,
None, booleans, huge and tiny numbers, NaN and infinities, exponents of any size, non-decimal digit
characters, contradictory units, random text. The seed is fixed (derandomize), so a failure
reproduces; MMGUIDE_FUZZ_CASES sets the number of calls per calculator (default 2000).
"""

import json
import math
import os
import random
import time
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mmguide
from mmguide import InputError, compute
from mmguide.units import ANALYTES

PER_EXAMPLE = 4  # calls per generated example: the engine's own cost is per example
CASES = int(os.environ.get("MMGUIDE_FUZZ_CASES", "2000"))  # calls per calculator
EXAMPLES = max(1, CASES // PER_EXAMPLE)
CALL_LIMIT_S = 0.1
ALL_UNITS = sorted({u.symbol for a in ANALYTES.values() for u in a.units} | {"furlongs", "mg/dL µmol/L"})

NASTY = [
    "", " ", "\t", "\x00", "1²", "²", "①②", "1_0", "١٢", "१२", "½", "0x10", "1/2", "1.2.3", "1,500", "45,5",
    "４５", "６０．５", "1e-30", "1e10000000", "-1e10000000", "1e-400", "1e308", "nan", "NaN", "inf", "-inf",
    "Infinity", "sNaN", "-0", "+0", "0e0", "9" * 70, "1" * 63, "yes", "unknown", "?", "不详", "true", "None",
    "'; DROP TABLE", "<script>", "٫5", "1e", "e5", ".", ",", "-", "+",
]


def _num(rng, low, high):
    x = low + (high - low) * Decimal(rng.random())
    return x.quantize(Decimal(1).scaleb(-rng.choice((0, 1, 2, 3))))


def pool(spec, rng):
    """Values for one input, built from its record: in range in every accepted unit, the range's
    edges and just outside them, the wrong units, and junk. Hypothesis samples from this pool
    (cheap to draw), so thousands of cases per calculator stay fast."""
    values = list(NASTY) + [None, True, False, 0, -1, 10**30, -(10**30), 10**5000, 1e308, -1e308, 5e-324,
                            float("nan"), float("inf"), Decimal("1e-999999"), Decimal("NaN"),
                            __import__("fractions").Fraction(1, 10**50), [1], {"a": 1}, b"12", 3 + 4j]
    for _ in range(40):
        values.append(f"{rng.randint(0, 999)} {rng.choice(ALL_UNITS)} {rng.choice(ALL_UNITS + [''])}".strip())
        values.append("".join(rng.choice("0123456789.,eE+- _²①٣abcµ/%") for _ in range(rng.randint(1, 12))))
    if spec.kind == "quantity":
        for u in ANALYTES[spec.analyte].units:
            low = Decimal(u.low.numerator) / u.low.denominator
            high = Decimal(u.high.numerator) / u.high.denominator
            for x in (low, high, low - Decimal("0.001"), high + Decimal("0.001"), low * 10, high * 10):
                values.append(f"{x} {u.symbol}".strip())
            for _ in range(150):
                values.append(f"{_num(rng, low, high)} {u.symbol}".strip())
                values.append(float(_num(rng, low, high)))
    elif spec.kind == "boolean":
        values += [True, False, "yes", "no", "unknown", "Yes", "No", "是", "否"] * 20
    elif spec.kind == "sex":
        values += ["female", "male", "F", "m", "女", "男"] * 20
    elif spec.kind == "integer":
        values += list(range(spec.low, spec.high + 1)) * 5 + [str(i) for i in range(spec.low, spec.high + 1)]
        values += [spec.low - 1, spec.high + 1, 0.5, "1.0", "1e1"]
    else:
        values += list(spec.choices) * 20
    return values


def inputs_for(calc):
    rng = random.Random(f"mmguide-fuzz-{calc.id}")  # fixed seed: the pools are the same on every run
    return st.fixed_dictionaries({spec.name: st.sampled_from(pool(spec, rng)) for spec in calc.inputs})


def _finite(x):
    if isinstance(x, float):
        return math.isfinite(x)
    if isinstance(x, dict):
        return all(_finite(v) for v in x.values())
    if isinstance(x, list):
        return all(_finite(v) for v in x)
    return True


def check(calc, kw):
    names = {i.name for i in calc.inputs}
    t0 = time.process_time()
    try:
        result = compute(calc.id, **kw)
    except InputError as e:
        elapsed = time.process_time() - t0
        text = e.text
        assert text["en"] and text["zh"]
        if e.field is None:  # a problem of the inputs together: the message names them
            assert any(n in str(e) for n in names), f"{calc.id}: InputError naming no input: {e}"
        else:
            assert e.field in names, f"{calc.id}: InputError naming a field it does not have: {e}"
            assert str(e).startswith(e.field + ": ") or e.field in str(e)
            label = calc.input(e.field).label
            assert text["en"].startswith(label["en"]) and text["zh"].startswith(label["zh"])
    else:
        elapsed = time.process_time() - t0
        d = result.as_dict()
        json.dumps(d, allow_nan=False, ensure_ascii=False)  # JSON-safe: no NaN, no infinity, no objects
        assert _finite(d), d
        assert result.explanation["en"] and result.explanation["zh"]
        assert "nan" not in result.explanation["en"].lower().split() and "inf" not in result.explanation["en"].split()
    if elapsed >= CALL_LIMIT_S:  # a garbage-collection pause is not a hang: the repeat must be fast too
        t0 = time.process_time()
        try:
            compute(calc.id, **kw)
        except InputError:
            pass
        elapsed = time.process_time() - t0
    assert elapsed < CALL_LIMIT_S, f"{calc.id} took {elapsed * 1000:.0f} ms on {kw!r}"


@pytest.mark.parametrize("calc", mmguide.calculators(), ids=lambda c: c.id)
def test_fuzzed_inputs_give_an_input_error_naming_the_field_or_a_finite_json_result(calc):
    @settings(max_examples=EXAMPLES, derandomize=True, database=None, deadline=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example])
    @given(batch=st.lists(inputs_for(calc), min_size=PER_EXAMPLE, max_size=PER_EXAMPLE))
    def run(batch):
        for kw in batch:
            check(calc, kw)

    run()
