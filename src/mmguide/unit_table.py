"""The unit table: every analyte mmguide accepts, its units, conversions and plausible ranges, and a
measured value in its unit (Quantity).

Values are kept as exact fractions so that a mathematically exact band edge (a clearance of
exactly 40 mL/min, a creatinine rise of exactly 0.5 mg/dL) cannot slip across by binary
floating-point error.

The plausible ranges are validation limits, not clinical thresholds: they exist to catch a
value typed in the wrong unit or with a misplaced decimal point. Each says where it comes
from. Conversion factors are physical constants (molar masses) or definitions. Reading what a
reader typed is mmguide.parse's job; writing a number, mmguide.numbers'.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from .errors import InputError
from .numbers import write, write_given

F = Fraction

# Conversion factors, each to the analyte's base unit (the first unit listed below).
# creatinine: 1 mg/dL = 88.4 µmol/L (molar mass 113.12 g/mol; the factor the
#   Cockcroft-Gault SI form uses; cockcroft1976).
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
    """An analyte: its accepted units (the first is the default) and how a number typed without a unit is read.

    ask_unit_when_bare: a number typed without a unit that is plausible in two of these units is asked
        about, never read in the default unit (calcium: 4.5 is 4.5 mmol/L, severe hypercalcaemia, or 4.5 mg/dL,
        severe hypocalcaemia).
    bare_also: other quantities, (analyte, unit), that a number typed without a unit may be; one plausible
        there is asked about too (a clearance field given a creatinine in µmol/L, as laboratories in China
        and Europe report it).
    """

    name: str
    units: tuple[Unit, ...]
    range_source: str = RANGE_SOURCE_PROJECT
    ask_unit_when_bare: bool = False
    bare_also: tuple = ()

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
    # The two plausible ranges overlap from 4 to 5 (docs/safety.md, HZ-48): a bare number there is asked about.
    "calcium": Analyte("calcium", (
        _u("mmol/L", 1, "1.0", "5.0"),
        Unit("mg/dL", 1 / CALCIUM_MG_DL_PER_MMOL_L, F(4), F(20)),
    ), ask_unit_when_bare=True),
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
    # A creatinine in µmol/L (plausible 9–1768) covers every plausible clearance (docs/safety.md, HZ-47): a
    # clearance typed without a unit is asked about wherever it is plausible as both.
    "crcl": Analyte("crcl", (
        _u("mL/min", 1, 1, 250),
    ), bare_also=(("creatinine", "µmol/L"),)),
    # The renal myeloma-defining event accepts a clearance "measured or estimated by validated
    # equations" (Rajkumar 2014), so it takes a Cockcroft-Gault clearance or an eGFR, both
    # compared with the same 40 threshold (rajkumar2014imwg).
    "renal_clearance": Analyte("renal_clearance", (
        _u("mL/min", 1, 1, 250),
        _u("mL/min/1.73 m²", 1, 1, 250),
    ), bare_also=(("creatinine", "µmol/L"),)),
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
# ISS is mg/L (greipp2005iss).
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
# Units that English writes as words and Chinese as a character ("18–120 years" is "18–120 岁").
ZH_UNIT_WORDS = {"years": "岁"}


def zh_unit(symbol: str | None) -> str:
    """A unit as the Chinese edition writes it (symbols stay symbols; word units become Chinese)."""
    return ZH_UNIT_WORDS.get(symbol or "", symbol or "")


def _zh_range(a_units) -> str:
    return "；".join(f"{write(u.low)}–{write(u.high)} {zh_unit(u.symbol)}".strip() for u in a_units)


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
            raise InputError(f"cannot convert {self.analyte} from {self.unit} to {symbol}.", self.analyte,
                             zh=f"无法将 {self.unit} 换算为 {symbol}。")
        return self.value * src.to_base / dst.to_base

    def __str__(self) -> str:
        """As given: exactly, unless it needs more than EXACT_PLACES decimals (29.9999 mL/min is never "30")."""
        return f"{write_given(self.value)} {self.unit}".strip()


def _range_text(a: Analyte) -> str:
    return "; ".join(f"{write(u.low)}–{write(u.high)} {u.symbol}".strip() for u in a.units)


def zh_range(analyte: str, allowed: tuple[str, ...] | None = None) -> str:
    """The plausible range as the Chinese edition writes it ("18–120 岁")."""
    return _zh_range(u for u in ANALYTES[analyte].units if allowed is None or u.symbol in allowed)


def range_text(analyte: str, allowed: tuple[str, ...] | None = None) -> str:
    a = ANALYTES[analyte]
    return "; ".join(
        f"{write(u.low)}–{write(u.high)} {u.symbol}".strip()
        for u in a.units if allowed is None or u.symbol in allowed
    )
