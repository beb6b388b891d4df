"""Units, conversions, reading typed values and writing numbers, under the one name callers outside the
package have used: the unit table is mmguide.unit_table, reading mmguide.parse, writing mmguide.numbers.
Inside the package each is imported from its own module."""

from __future__ import annotations

from fractions import Fraction as F  # noqa: F401

from .numbers import (  # noqa: F401
    EDGE_EXTRA_PLACES, EXACT_PLACES, SIGNIFICANT_FIGURES, decimal_text, exact_text, fmt, fmt_beside, write,
    write_given,
)
from .parse import (  # noqa: F401
    BARE_WORDS, FOLD, MAX_DENOMINATOR, MAX_EXPONENT_DIGITS, MAX_MAGNITUDE, MAX_TYPED_LENGTH, MIN_MAGNITUDE,
    _NUM, _ONLY_NUMBER, _TOO_LONG, _TYPED, _ask_when_bare, _bare_word, _bounded, _check_length,
    _decimal_text, _exponent_ok, _reading_text, _short, _unit_of, ascii_lower, bare_readings, canonical_unit,
    fold, parse_quantity, split_typed, to_fraction,
)
from .unit_table import (  # noqa: F401
    ALIASES, ANALYTES, Analyte, CALCIUM_MG_DL_PER_MMOL_L, CREATININE_UMOL_PER_MG_DL, KG_PER_LB, Quantity,
    RANGE_SOURCE_PROJECT, Unit, WRONG_UNIT_HINTS, ZH_UNIT_WORDS, _range_text, _u, _zh_range, range_text,
    zh_range, zh_unit,
)
