"""The one way a number is written for a reader: :func:`write`.

Every clinical number a reader sees (a result's value, its explanation, the answer box, the note,
the command line, a generated page or flowchart label) is written here, from its exact value, with
the decimals declared for its quantity and the edges it is compared with. A shown number is never
rounded onto or across one of those edges: 29.999 mL/min next to "below 30" is "29.99", never "30"
(tests/calculators/test_number_edges.py; hazard log HZ-63).

A quantity's way of being written is declared once, as a :class:`Scale` (decimals and edges), on the
record of the calculator that shows it (``Calculator.numbers``); tests/test_number_writer.py fails on
any other formatting of a clinical number in the package.

Exact arithmetic only (Fractions and integers), so every runtime (CPython and the page's MicroPython)
writes the same digits.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

F = Fraction

# Significant figures kept when a value is too small for the decimals it would be shown with:
# 0.00001 g/dL is shown as "0.00001", never "0".
SIGNIFICANT_FIGURES = 2
# Decimals of a number whose quantity declares none: up to this many, trailing zeros dropped.
DEFAULT_PLACES = 4
# A value exactly on a decision edge is written with up to this many decimals beyond the usual, so
# that it shows the edge exactly (an edge computed from a baseline, 1.234 × 1.10 = 1.3574).
EDGE_EXTRA_PLACES = 4
# The most decimals a given value is written back with as given (a typed value is a finite decimal).
EXACT_PLACES = 10


def exact(x) -> Fraction:
    """*x* as an exact fraction (a float as the shortest decimal that round-trips: 1.2 is 6/5)."""
    if isinstance(x, Fraction):
        return x
    if isinstance(x, float):
        return F(repr(x))
    return F(x)


def decimal_text(x: Fraction, places: int, rounding: str = "half-even") -> str:
    """*x* written out with *places* decimals (*places* < 0: to a multiple of 10**-places, written in
    full), rounded on the exact value: "half-even" (a tie goes to the even last digit), "floor"
    (down) or "ceiling" (up). The digits :func:`write` starts from; not for a reader on its own."""
    x = F(x)
    scaled = x * F(10) ** places
    q, r = divmod(scaled.numerator, scaled.denominator)  # q = floor(scaled)
    if r and (rounding == "ceiling" or (rounding == "half-even" and (
            2 * r > scaled.denominator or (2 * r == scaled.denominator and q % 2)))):
        q += 1
    sign = "-" if q < 0 else ""
    digits = str(abs(q))
    if places <= 0:
        return sign + digits + ("0" * -places if q else "")
    digits = "0" * (places + 1 - len(digits)) + digits
    return sign + digits[:-places] + "." + digits[-places:]


def _magnitude(x: Fraction) -> int:
    """The power of ten of the first significant digit of a non-zero *x* (0.0012 -> -3)."""
    x, e = abs(x), 0
    while x >= 10 ** (e + 1):
        e += 1
    while x < F(10) ** e:
        e -= 1
    return e


def _significant(x: Fraction, figures: int = SIGNIFICANT_FIGURES) -> str:
    """A non-zero *x* to *figures* significant figures, in plain notation, trailing zeros dropped."""
    s = decimal_text(x, figures - 1 - _magnitude(x))
    return s.rstrip("0").rstrip(".") if "." in s else s


def _figures(text: str) -> int:
    """Significant figures of a written decimal, trailing zeros not counted ("1.2300" -> 3, "100" -> 1)."""
    return len(text.lstrip("-").replace(".", "").strip("0"))


def _plain(x: Fraction, places: int | None) -> str:
    """*x* with no edge to keep clear of: *places* decimals (None: up to DEFAULT_PLACES, trailing zeros
    dropped); a value those decimals would round to 0 or to fewer than SIGNIFICANT_FIGURES significant
    figures is written to SIGNIFICANT_FIGURES significant figures instead, so no value is shown as 0
    that is not, nor rounded by more than a few per cent."""
    s = decimal_text(x, DEFAULT_PLACES if places is None else places)
    shown = F(s)
    if x != 0 and shown != x and (shown == 0 or _figures(s) < SIGNIFICANT_FIGURES):
        return _significant(x)  # 0.000123 is "0.00012", not "0.0001"; 0.00001 is never "0"
    if places is None and "." in s:
        s = s.rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def _beside(x: Fraction, places: int, edges: tuple) -> str:
    """*x* to *places* decimals without letting the shown number reach or cross an edge.

    Ordinary rounding can put a value on the other side of a threshold from the decision made on the
    exact value (29.999 mL/min shown as "30.00" next to "below 30"). For each edge the shown number
    keeps the exact value's side: it is cut down when the value is below the edge and up when it is
    above. A value exactly on an edge is written exactly, with the fewest decimals from *places* up that
    write it (at most EDGE_EXTRA_PLACES more), so it reads as the edge it is: 1.3574 on a limit of
    1.3574 is "1.3574", not "1.36" beyond it.
    """
    for e in edges:
        if x == e:
            for p in range(places, places + EDGE_EXTRA_PLACES):
                s = decimal_text(x, p)
                if F(s) == x:
                    return s
            # more decimals than that: still exactly when a decimal can write it (a rounded value would sit
            # on one side of the edge it equals, and the edge written elsewhere on the other)
            return exactly(x) or decimal_text(x, places + EDGE_EXTRA_PLACES)
    rounding = "half-even"
    s = F(decimal_text(x, places, rounding))
    for e in edges:
        if x < e and e <= s:
            rounding = "floor"
        elif s <= e and e < x:
            rounding = "ceiling"
        else:
            continue
        s = F(decimal_text(x, places, rounding))
    shown = decimal_text(x, places, rounding)
    if F(shown) == 0 and x != 0 and 0 not in edges:
        return _significant(x)  # never "0.00" for a value that is not 0
    return shown


def write(x, places: int | None = None, edges=()) -> str:
    """The one way a clinical number is written for a reader.

    *places*: the decimals of its quantity (None: up to DEFAULT_PLACES, trailing zeros dropped).
    *edges*: the values it is compared with; the number shown is never rounded onto or across one of
    them (29.999 beside 30 is "29.99"; a value exactly on an edge is written exactly).
    """
    x = exact(x)
    exact_edges = []
    for e in edges:  # a loop, not a comprehension: no function call per number written
        exact_edges.append(e if isinstance(e, Fraction) else exact(e))
    edges = exact_edges
    if not edges:
        return _plain(x, places)
    s = _beside(x, DEFAULT_PLACES if places is None else places, edges)
    if places is None and "." in s:
        s = s.rstrip("0").rstrip(".")
    return "0" if s in ("", "-0") else s


def write_given(x, places: int = EXACT_PLACES) -> str:
    """A value the reader gave, written back as given: exactly, with the fewest decimals that do (up to
    *places*), else as :func:`write` writes it. A value read back is never rounded onto a limit
    (29.9999 mL/min typed is "29.9999", never "30")."""
    shown = exactly(x, places)
    return write(x) if shown is None else shown


def exactly(x, places: int = EXACT_PLACES) -> str | None:
    """*x* written exactly, with the fewest decimals that do (up to *places*), or None if it needs more
    (1/3)."""
    x = exact(x)
    # a fraction in lowest terms is a decimal with p places exactly when its denominator divides 10**p
    d, twos, fives = x.denominator, 0, 0
    while d % 2 == 0:
        d, twos = d // 2, twos + 1
    while d % 5 == 0:
        d, fives = d // 5, fives + 1
    p = max(twos, fives)
    return decimal_text(x, p) if d == 1 and p <= places else None


@dataclass(frozen=True)
class Scale:
    """How one quantity is written, declared once on the record that shows it (Calculator.numbers):
    its decimals (None: up to DEFAULT_PLACES, trailing zeros dropped) and the edges it is compared
    with, which a shown value never reaches or crosses by rounding."""

    places: int | None = None
    edges: tuple = ()

    def __call__(self, x, more_edges=()) -> str:
        """*x* written for a reader; *more_edges*: limits of this one answer (a baseline × 1.1)."""
        return write(x, self.places, tuple(self.edges) + tuple(more_edges))


# The names the package used before this module, for callers outside it until they move to write().
def fmt(x, places: int | None = None) -> str:
    """Deprecated: write(x, places)."""
    return write(x, places)


def fmt_beside(x, places: int, edges) -> str:
    """Deprecated: write(x, places, edges)."""
    return write(x, places, edges) if edges else _beside(exact(x), places, ())


def exact_text(x, places: int = EXACT_PLACES) -> str | None:
    """Deprecated: exactly(x, places)."""
    return exactly(x, places)
