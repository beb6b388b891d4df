"""Exact rationals for MicroPython: the part of CPython's `fractions.Fraction` the core uses.

A Fraction is kept in lowest terms with a positive denominator, as CPython keeps it, so `str`,
`numerator`, `denominator`, equality and hashing agree with CPython's.
Floats convert exactly (from their bits) and `float()` rounds correctly (half to even), so a
value that reaches the page as a float is the same double CPython would give.
"""

import math
import struct


def _gcd(a, b):
    a, b = abs(a), abs(b)
    while b:
        a, b = b, a % b
    return a


def _float_to_ratio(x):
    """The exact value of a finite float as (numerator, denominator)."""
    if x != x or x in (math.inf, -math.inf):
        raise ValueError("cannot convert %r to Fraction" % x)
    bits = struct.unpack(">Q", struct.pack(">d", x))[0]
    sign = -1 if bits >> 63 else 1
    exponent = (bits >> 52) & 0x7FF
    mantissa = bits & ((1 << 52) - 1)
    if exponent:
        mantissa |= 1 << 52
    else:
        exponent = 1
    exponent -= 1075
    if exponent >= 0:
        return sign * (mantissa << exponent), 1
    return sign * mantissa, 1 << -exponent


def _parse(text):
    """'3', '-0.25', '1e-07', '2.5E+3' or '7/2' as (numerator, denominator)."""
    s = text.strip()
    if not s:
        raise ValueError("Invalid literal for Fraction: %r" % text)
    if "/" in s:
        n, d = s.split("/", 1)
        return _int(n, text), _int(d, text)
    sign = 1
    if s[0] in "+-":
        sign = -1 if s[0] == "-" else 1
        s = s[1:]
    exp = 0
    for e in "eE":
        if e in s:
            s, x = s.split(e, 1)
            exp = _int(x, text)
            break
    whole, _, decimals = s.partition(".")
    if not (whole or decimals) or not (whole + decimals).isdigit():
        raise ValueError("Invalid literal for Fraction: %r" % text)
    n = int(whole + decimals) if whole + decimals else 0
    exp -= len(decimals)
    if exp >= 0:
        return sign * n * 10 ** exp, 1
    return sign * n, 10 ** -exp


def _int(s, text):
    t = s.strip()
    body = t[1:] if t[:1] in ("+", "-") else t
    if not body.isdigit():
        raise ValueError("Invalid literal for Fraction: %r" % text)
    return int(t)


class Fraction:
    __slots__ = ("_n", "_d")

    def __init__(self, numerator=0, denominator=None):
        if denominator is None:
            if isinstance(numerator, Fraction):
                n, d = numerator._n, numerator._d
            elif isinstance(numerator, bool):
                n, d = int(numerator), 1
            elif isinstance(numerator, int):
                n, d = numerator, 1
            elif isinstance(numerator, float):
                n, d = _float_to_ratio(numerator)
            elif isinstance(numerator, str):
                n, d = _parse(numerator)
            else:
                raise TypeError("argument should be a string or a Rational instance")
        else:
            a, b = Fraction(numerator), Fraction(denominator)
            n, d = a._n * b._d, a._d * b._n
        if d == 0:
            raise ZeroDivisionError("Fraction(%s, 0)" % n)
        if d < 0:
            n, d = -n, -d
        g = _gcd(n, d)
        if g > 1:
            n, d = n // g, d // g
        self._n, self._d = n, d

    @property
    def numerator(self):
        return self._n

    @property
    def denominator(self):
        return self._d

    # conversions
    def __repr__(self):
        return "Fraction(%d, %d)" % (self._n, self._d)

    def __str__(self):
        return str(self._n) if self._d == 1 else "%d/%d" % (self._n, self._d)

    def __float__(self):
        n, d = self._n, self._d
        if n == 0:
            return 0.0
        sign = -1.0 if n < 0 else 1.0
        n = abs(n)
        if n < (1 << 53) and d < (1 << 53):
            return sign * (n / d)  # both exact, so the division rounds once, correctly
        # Scale so the integer quotient has 55 to 56 bits, keep a sticky bit, round half to even.
        shift = 55 - (_bits(n) - _bits(d))
        q, r = divmod(n << shift if shift >= 0 else n, d if shift >= 0 else d << -shift)
        q = (q << 1) | (1 if r else 0)
        shift += 1
        extra = _bits(q) - 53
        exponent = -shift + extra
        if exponent < -1074:  # subnormal: fewer significant bits
            extra += -1074 - exponent
            exponent = -1074
        mask = (1 << extra) - 1
        low, q = q & mask, q >> extra
        half = 1 << (extra - 1)
        if low > half or (low == half and q & 1):
            q += 1
        if _bits(q) + exponent > 1024:
            raise OverflowError("integer division result too large for a float")
        return sign * math.ldexp(q, exponent)

    def __int__(self):
        q = abs(self._n) // self._d
        return -q if self._n < 0 else q

    def __bool__(self):
        return self._n != 0

    def __hash__(self):
        return hash(self._n) if self._d == 1 else hash((self._n, self._d))

    def __format__(self, spec):
        if spec:
            raise TypeError("Fraction format specs are not supported here")
        return str(self)

    def __floor__(self):
        return self._n // self._d

    def __ceil__(self):
        return -(-self._n // self._d)

    # arithmetic
    def __add__(self, other):
        o = _coerce(other)
        if o is NotImplemented:
            return float(self) + other if isinstance(other, float) else NotImplemented
        return Fraction(self._n * o._d + o._n * self._d, self._d * o._d)

    def __radd__(self, other):
        return self.__add__(other)

    def __sub__(self, other):
        o = _coerce(other)
        if o is NotImplemented:
            return float(self) - other if isinstance(other, float) else NotImplemented
        return Fraction(self._n * o._d - o._n * self._d, self._d * o._d)

    def __rsub__(self, other):
        o = _coerce(other)
        if o is NotImplemented:
            return other - float(self) if isinstance(other, float) else NotImplemented
        return o.__sub__(self)

    def __mul__(self, other):
        o = _coerce(other)
        if o is NotImplemented:
            return float(self) * other if isinstance(other, float) else NotImplemented
        return Fraction(self._n * o._n, self._d * o._d)

    def __rmul__(self, other):
        return self.__mul__(other)

    def __truediv__(self, other):
        o = _coerce(other)
        if o is NotImplemented:
            return float(self) / other if isinstance(other, float) else NotImplemented
        if o._n == 0:
            raise ZeroDivisionError("Fraction(%s, 0)" % (self._n * o._d))
        return Fraction(self._n * o._d, self._d * o._n)

    def __rtruediv__(self, other):
        o = _coerce(other)
        if o is NotImplemented:
            return other / float(self) if isinstance(other, float) else NotImplemented
        return o.__truediv__(self)

    def __floordiv__(self, other):
        o = _coerce(other)
        return (self._n * o._d) // (self._d * o._n)

    def __rfloordiv__(self, other):
        return _coerce(other).__floordiv__(self)

    def __mod__(self, other):
        o = _coerce(other)
        return self - o * (self // o)

    def __pow__(self, power):
        if isinstance(power, Fraction) and power._d == 1:
            power = power._n
        if isinstance(power, int):
            if power >= 0:
                return Fraction(self._n ** power, self._d ** power)
            return Fraction(self._d ** -power, self._n ** -power)
        return float(self) ** power

    def __rpow__(self, base):
        if self._d == 1 and self._n >= 0 and isinstance(base, int):
            return Fraction(base ** self._n)
        return base ** float(self)

    def __neg__(self):
        return Fraction(-self._n, self._d)

    def __pos__(self):
        return self

    def __abs__(self):
        return Fraction(abs(self._n), self._d)

    # comparisons (MicroPython does not try the reflected comparison: an int or float on the
    # left of a Fraction raises TypeError, so the core keeps exact values on the left or
    # makes both sides Fractions)
    def _cmp(self, other):
        if isinstance(other, float):
            if other != other:
                return None
            if other in (math.inf, -math.inf):
                return -1 if other > 0 else 1
        o = _coerce(other)
        if o is NotImplemented:
            raise TypeError("cannot compare Fraction with %s" % type(other).__name__)
        a, b = self._n * o._d, o._n * self._d
        return (a > b) - (a < b)

    def __eq__(self, other):
        if isinstance(other, (Fraction, int, float, bool)):
            return self._cmp(other) == 0
        return NotImplemented

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def __lt__(self, other):
        c = self._cmp(other)
        return c is not None and c < 0

    def __le__(self, other):
        c = self._cmp(other)
        return c is not None and c <= 0

    def __gt__(self, other):
        c = self._cmp(other)
        return c is not None and c > 0

    def __ge__(self, other):
        c = self._cmp(other)
        return c is not None and c >= 0


def _bits(n):
    return len(bin(n)) - 2


def _coerce(x):
    if isinstance(x, Fraction):
        return x
    if isinstance(x, bool):
        return Fraction(int(x))
    if isinstance(x, int):
        return Fraction(x)
    if isinstance(x, float):
        return Fraction(x)
    return NotImplemented
