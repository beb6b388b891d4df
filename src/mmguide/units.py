"""Units, conversions and plausible ranges for every analyte mmguide accepts.

Values are kept as exact fractions so that a mathematically exact band edge (a clearance of
exactly 40 mL/min, a creatinine rise of exactly 0.5 mg/dL) cannot slip across by binary
floating-point error.

The plausible ranges are validation limits, not clinical thresholds: they exist to catch a
value typed in the wrong unit or with a misplaced decimal point. Each says where it comes
from. Conversion factors are physical constants (molar masses) or definitions.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from .errors import InputError

F = Fraction

# Conversion factors, each to the analyte's base unit (the first unit listed below).
# creatinine: 1 mg/dL = 88.4 µmol/L (molar mass 113.12 g/mol; the factor the
#   Cockcroft-Gault SI form and the fact sheet use).
CREATININE_UMOL_PER_MG_DL = F("88.4")
# calcium: 1 mmol/L = 4.008 mg/dL (molar mass 40.08 g/mol).
CALCIUM_MG_DL_PER_MMOL_L = F("4.008")
# pounds to kilograms: the international avoirdupois pound, exactly 0.45359237 kg.
KG_PER_LB = F("0.45359237")

RANGE_SOURCE_PROJECT = (
    "Validation limit chosen by the project (not a clinical threshold): wide enough for any "
    "adult patient, including renal failure and severe disease, narrow enough to catch a "
    "value entered in the wrong unit."
)


@dataclass(frozen=True)
class Unit:
    """One accepted unit of an analyte: its symbol, factor to the base unit and plausible range."""

    symbol: str
    to_base: Fraction
    low: Fraction
    high: Fraction


@dataclass(frozen=True)
class Analyte:
    name: str
    units: tuple[Unit, ...]
    range_source: str = RANGE_SOURCE_PROJECT

    @property
    def default_unit(self) -> str:
        return self.units[0].symbol

    def unit(self, symbol: str) -> Unit | None:
        for u in self.units:
            if u.symbol == symbol:
                return u
        return None


def _u(symbol, to_base, low, high):
    return Unit(symbol, F(to_base), F(low), F(high))


# Symbols are written as the book prints them; ALIASES maps what people type to them.
ANALYTES: dict[str, Analyte] = {
    "creatinine": Analyte("creatinine", (
        _u("mg/dL", 1, "0.1", "20"),
        Unit("µmol/L", 1 / CREATININE_UMOL_PER_MG_DL, F(9), F(1768)),
    )),
    "calcium": Analyte("calcium", (
        _u("mmol/L", 1, "1.0", "5.0"),
        Unit("mg/dL", 1 / CALCIUM_MG_DL_PER_MMOL_L, F(4), F(20)),
    )),
    "albumin": Analyte("albumin", (
        _u("g/L", 1, 10, 60),
        _u("g/dL", 10, "1.0", "6.0"),
    )),
    "hemoglobin": Analyte("hemoglobin", (
        _u("g/L", 1, 30, 220),
        _u("g/dL", 10, "3.0", "22.0"),
    )),
    # β2-microglobulin: 1 µg/mL = 1 mg/L (the same concentration written two ways), so µg/mL
    # is accepted with factor 1.
    "beta2m": Analyte("beta2m", (
        _u("mg/L", 1, "0.5", 100),
        _u("µg/mL", 1, "0.5", 100),
    )),
    "weight": Analyte("weight", (
        _u("kg", 1, 25, 300),
        Unit("lb", KG_PER_LB, F(55), F(660)),
    )),
    "age": Analyte("age", (
        _u("years", 1, 18, 120),
    ), "Adults only: the equations and scores were derived in adults (18 years and over)."),
    "crcl": Analyte("crcl", (
        _u("mL/min", 1, 1, 250),
    )),
    # The renal myeloma-defining event accepts a clearance "measured or estimated by validated
    # equations" (Rajkumar 2014), so it takes a Cockcroft-Gault clearance or an eGFR, both
    # compared with the same 40 threshold (fact sheet §4).
    "renal_clearance": Analyte("renal_clearance", (
        _u("mL/min", 1, 1, 250),
        _u("mL/min/1.73 m²", 1, 1, 250),
    )),
    "egfr": Analyte("egfr", (
        _u("mL/min/1.73 m²", 1, 1, 250),
    )),
    "serum_mprotein": Analyte("serum_mprotein", (
        _u("g/dL", 1, 0, 15),
        _u("g/L", F(1, 10), 0, 150),
    )),
    "urine_mprotein": Analyte("urine_mprotein", (
        _u("mg/24 h", 1, 0, 30000),
        _u("g/24 h", 1000, 0, 30),
    )),
    "flc": Analyte("flc", (
        _u("mg/L", 1, 0, 100000),
        _u("mg/dL", 10, 0, 10000),
    )),
    # Involved:uninvolved serum free light chain ratio (IMWG 2014): the involved (clonal) light chain
    # is the numerator, so the ratio is at least 1; for λ disease it is λ/κ, the inverse of the
    # laboratory's κ/λ ratio.
    "flc_ratio": Analyte("flc_ratio", (
        _u("", 1, 1, 100000),
    ), "An involved:uninvolved ratio has the involved (clonal) light chain on top, so it is at least 1 "
       "(for λ disease λ/κ, the inverse of the laboratory's κ/λ ratio); the upper limit is a validation "
       "limit chosen by the project."),
    "percent": Analyte("percent", (
        _u("%", 1, 0, 100),
    ), "A percentage of nucleated marrow cells lies between 0 and 100."),
    "count": Analyte("count", (
        _u("", 1, 0, 1000),
    )),
}

# Units that are a known misprint for an analyte: the message names the right unit.
# β2-microglobulin: some references print the ISS threshold in "g/dL"; the unit of the
# ISS (Greipp 2005) is mg/L (fact sheet §5).
WRONG_UNIT_HINTS: dict[tuple[str, str], str] = {
    ("beta2m", "g/dL"): "β2-microglobulin is measured in mg/L, not g/dL (some references misprint "
                        "the ISS unit); give it in mg/L, e.g. '3.5 mg/L'.",
    ("beta2m", "g/L"): "β2-microglobulin is measured in mg/L, not g/L; give it in mg/L, e.g. '3.5 mg/L'.",
}

# Lower-cased, micro-sign-normalised spellings -> canonical symbol.
ALIASES: dict[str, str] = {
    "mg/dl": "mg/dL", "mg%": "mg/dL",
    "µmol/l": "µmol/L", "umol/l": "µmol/L", "mcmol/l": "µmol/L", "μmol/l": "µmol/L",
    "mmol/l": "mmol/L",
    "g/l": "g/L", "g/dl": "g/dL",
    "mg/l": "mg/L",
    "µg/ml": "µg/mL", "ug/ml": "µg/mL", "mcg/ml": "µg/mL",
    "kg": "kg", "kgs": "kg", "lb": "lb", "lbs": "lb",
    "y": "years", "yr": "years", "yrs": "years", "year": "years", "years": "years",
    "ml/min": "mL/min",
    "ml/min/1.73m²": "mL/min/1.73 m²", "ml/min/1.73m2": "mL/min/1.73 m²",
    "ml/min/1.73 m²": "mL/min/1.73 m²", "ml/min/1.73 m2": "mL/min/1.73 m²",
    "mg/24h": "mg/24 h", "mg/24 h": "mg/24 h", "mg/d": "mg/24 h", "mg/day": "mg/24 h",
    "g/24h": "g/24 h", "g/24 h": "g/24 h", "g/d": "g/24 h", "g/day": "g/24 h",
    "%": "%",
}

_NUMBER = re.compile(r"^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*(.*?)\s*$")


def canonical_unit(text: str) -> str | None:
    """The canonical symbol for a typed unit, or None if it is not one mmguide knows."""
    t = unicodedata.normalize("NFKC", text).replace("μ", "µ").strip()
    key = t.lower().replace("µ", "µ")
    key = re.sub(r"\s*/\s*", "/", key)
    if key in ALIASES:
        return ALIASES[key]
    key2 = key.replace("µ", "u")
    return ALIASES.get(key2)


def fmt(x: Fraction | int | float, places: int | None = None) -> str:
    """Format an exact number for messages and tables: no trailing zeros, no float noise."""
    if isinstance(x, float):
        x = F(repr(x))
    x = F(x)
    if places is None:
        d = Decimal(x.numerator) / Decimal(x.denominator)
        d = d.quantize(Decimal("0.0001")).normalize()
    else:
        d = (Decimal(x.numerator) / Decimal(x.denominator)).quantize(Decimal(1).scaleb(-places))
    s = format(d, "f")
    if "." in s and places is None:
        s = s.rstrip("0").rstrip(".")
    return s


def fmt_beside(x: Fraction | int | float, places: int, edges) -> str:
    """Format *x* to *places* decimals without letting the shown number cross a decision edge.

    Ordinary rounding can put a value on the other side of a threshold from the decision made
    on the exact value (29.999 mL/min shown as "30.00" next to "below 30"). For each edge in
    *edges* the shown number keeps the exact value's side: it is cut down (toward the edge's
    lower side) when the value is below the edge and up when it is above, and a value exactly
    on the edge shows the edge.
    """
    if isinstance(x, float):
        x = F(repr(x))
    x = F(x)
    step = Decimal(1).scaleb(-places)
    exact = Decimal(x.numerator) / Decimal(x.denominator)
    shown = exact.quantize(step)
    for e in edges:
        e = F(e)
        s = F(shown)
        if x < e <= s:
            shown = exact.quantize(step, rounding="ROUND_FLOOR")
        elif s <= e < x:
            shown = exact.quantize(step, rounding="ROUND_CEILING")
    return format(shown, "f")


def to_fraction(value, name: str) -> Fraction:
    """An exact fraction from a number given by a caller (int, float, Decimal, Fraction or numeric str)."""
    if isinstance(value, bool):
        raise InputError(f"{name}: expected a number, got the boolean {value}.", name)
    if isinstance(value, Fraction):
        return value
    if isinstance(value, int):
        return F(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise InputError(f"{name}: expected a finite number, got {value}.", name)
        return F(repr(value))  # the shortest decimal that round-trips: 1.2 stays 6/5
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise InputError(f"{name}: expected a finite number, got {value}.", name)
        return F(value)
    if isinstance(value, str):
        try:
            d = Decimal(value.strip())
        except InvalidOperation:
            raise InputError(f"{name}: {value!r} is not a number.", name) from None
        if not d.is_finite():
            raise InputError(f"{name}: expected a finite number, got {value!r}.", name)
        return F(d)
    raise InputError(f"{name}: expected a number, got {type(value).__name__} {value!r}.", name)


@dataclass(frozen=True)
class Quantity:
    """A measured value in the unit it was measured in."""

    value: Fraction
    unit: str
    analyte: str

    def to(self, symbol: str) -> Fraction:
        a = ANALYTES[self.analyte]
        src, dst = a.unit(self.unit), a.unit(symbol)
        if src is None or dst is None:
            raise InputError(f"cannot convert {self.analyte} from {self.unit} to {symbol}.", self.analyte)
        return self.value * src.to_base / dst.to_base

    def __str__(self) -> str:
        return f"{fmt(self.value)} {self.unit}".strip()


def _range_text(a: Analyte) -> str:
    return "; ".join(f"{fmt(u.low)}–{fmt(u.high)} {u.symbol}".strip() for u in a.units)


def parse_quantity(name: str, raw, analyte: str, allowed: tuple[str, ...] | None = None) -> Quantity:
    """Parse a caller's value for input *name* as a quantity of *analyte*.

    *raw* is a number (taken in the analyte's default unit) or a string with its unit
    ("88.4 µmol/L", "1.0mg/dL", "72 kg"). *allowed* restricts the accepted units.
    Raises InputError naming the input, value, unit and accepted range, and the likely unit
    when the value is implausible for the unit given but plausible for another.
    """
    a = ANALYTES[analyte]
    units = [u for u in a.units if allowed is None or u.symbol in allowed]
    default = units[0].symbol
    if isinstance(raw, str):
        m = _NUMBER.match(unicodedata.normalize("NFKC", raw))
        if not m:
            raise InputError(
                f"{name}: {raw!r} is not a number with a unit; write it like "
                f"'{fmt(units[0].low + (units[0].high - units[0].low) / 10)} {default}'.".replace(" ''", ""),
                name,
            )
        number = to_fraction(m.group(1), name)
        unit_text = m.group(2)
        if unit_text:
            symbol = canonical_unit(unit_text)
            if symbol == "mL/min/1.73 m²" and analyte == "crcl":
                raise InputError(
                    f"{name}: {raw!r} is an eGFR (mL/min/1.73 m²), not a creatinine clearance; "
                    "this rule is keyed on Cockcroft–Gault clearance in mL/min "
                    "(calculate it with crcl-cockcroft-gault).",
                    name,
                )
            if (analyte, symbol) in WRONG_UNIT_HINTS:
                raise InputError(f"{name}: {raw!r}: " + WRONG_UNIT_HINTS[(analyte, symbol)], name)
            if symbol is None or a.unit(symbol) is None:
                raise InputError(
                    f"{name}: unknown unit {unit_text!r}; accepted: "
                    + ", ".join(u.symbol or "(no unit)" for u in units) + ".",
                    name,
                )
        else:
            symbol = default
    else:
        number = to_fraction(raw, name)
        symbol = default
    unit = a.unit(symbol)
    if unit not in units:
        hint = ""
        if analyte == "egfr" or symbol == "mL/min/1.73 m²":
            hint = " An eGFR is not a creatinine clearance."
        raise InputError(
            f"{name}: {fmt(number)} {symbol} is not accepted here; give it in "
            + " or ".join(u.symbol for u in units) + "." + hint,
            name,
        )
    if not (unit.low <= number <= unit.high):
        if analyte == "flc_ratio" and number < unit.low:
            example = (f"a κ/λ ratio of {fmt(number)} is an involved:uninvolved ratio of 1/{fmt(number)} = "
                       f"{fmt(1 / number)}" if number > 0 else "e.g. a κ/λ ratio of 0.008 is 1/0.008 = 125")
            raise InputError(
                f"{name}: {fmt(number)} is outside the plausible range {fmt(unit.low)}–{fmt(unit.high)}: an "
                "involved:uninvolved ratio puts the involved light chain on top, so it cannot be below 1. "
                f"For λ disease the ratio is λ/κ ({example}); did you enter the laboratory's κ/λ ratio?",
                name)
        likely = [
            u.symbol for u in units
            if u is not unit and u.low <= number <= u.high
            and not (u.low <= number * unit.to_base / u.to_base <= u.high)
        ]
        msg = (
            f"{name}: {fmt(number)} {symbol} is outside the plausible range "
            f"{fmt(unit.low)}–{fmt(unit.high)} {symbol}".rstrip() + "."
        )
        if likely:
            msg += f" Did you mean {likely[0]}?"
        raise InputError(msg, name)
    return Quantity(number, symbol, analyte)


def range_text(analyte: str, allowed: tuple[str, ...] | None = None) -> str:
    a = ANALYTES[analyte]
    return "; ".join(
        f"{fmt(u.low)}–{fmt(u.high)} {u.symbol}".strip()
        for u in a.units if allowed is None or u.symbol in allowed
    )
