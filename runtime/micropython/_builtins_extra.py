"""Builtins MicroPython lacks, installed into `builtins` before the core is imported."""

import builtins


def format(value, spec=""):
    if hasattr(value, "__format__"):
        return value.__format__(spec)
    return ("{:" + spec + "}").format(value)


builtins.format = format


# repr: MicroPython writes floats with up to 17 digits (repr(88.4) == '88.40000000000001') and
# escapes every non-ASCII character of a string ('\xb5mol/L'). CPython writes the shortest
# decimal that reads back as the same double, and keeps printable characters. The core calls
# repr() where a shown value must match (a message quoting the reader's input, a float read as
# the decimal the reader typed), so the builtin is replaced here by one that writes what
# CPython writes. (An f-string's !r does not look the builtin up, so the core does not use it
# for such values.)
_repr = builtins.repr

# Characters CPython's repr escapes although they are not ASCII control characters: the C1
# controls, no-break and other Unicode spaces, invisible format characters, line and paragraph
# separators, surrogates and private use. (CPython also escapes unassigned code points; this
# layer cannot know them.)
_NOT_PRINTABLE = ((0x80, 0xA0), (0xAD, 0xAD), (0x1680, 0x1680), (0x2000, 0x200F), (0x2028, 0x202F),
                  (0x205F, 0x206F), (0x3000, 0x3000), (0xD800, 0xF8FF), (0xFEFF, 0xFEFF),
                  (0xFFF9, 0xFFFB), (0xE0000, 0xE0FFF))


def _printable(o):
    if o < 0x20 or o == 0x7F:
        return False
    for low, high in _NOT_PRINTABLE:
        if low <= o <= high:
            return False
    return True


def _repr_str(s):
    quote = '"' if "'" in s and '"' not in s else "'"
    out = [quote]
    for c in s:
        o = ord(c)
        if c == quote or c == "\\":
            out.append("\\" + c)
        elif c == "\n":
            out.append("\\n")
        elif c == "\r":
            out.append("\\r")
        elif c == "\t":
            out.append("\\t")
        elif _printable(o):
            out.append(c)
        elif o < 0x100:
            out.append("\\x%02x" % o)
        elif o < 0x10000:
            out.append("\\u%04x" % o)
        else:
            out.append("\\U%08x" % o)
    out.append(quote)
    return "".join(out)


def _repr_float(x):
    """The shortest decimal that reads back as x, written as CPython writes it."""
    from fractions import Fraction

    if x != x:
        return "nan"
    if x in (float("inf"), float("-inf")):
        return "inf" if x > 0 else "-inf"
    if x == 0:
        return "-0.0" if _repr(x).startswith("-") else "0.0"
    exact = Fraction(x)
    sign = "-" if x < 0 else ""
    a = abs(exact)
    e = 0  # decimal exponent: 10**e <= a < 10**(e+1)
    while Fraction(10) ** (e + 1) <= a:
        e += 1
    while Fraction(10) ** e > a:
        e -= 1
    for digits in range(1, 18):
        scale = Fraction(10) ** (digits - 1 - e)
        scaled = a * scale
        q, r = divmod(scaled.numerator, scaled.denominator)
        if 2 * r > scaled.denominator or (2 * r == scaled.denominator and q % 2):
            q += 1
        try:
            if float(Fraction(q) / scale) == abs(x):
                break
        except OverflowError:  # a candidate rounded past the largest double
            pass
    text = str(q)
    if len(text) > digits:  # rounding carried into a new digit (9.99 -> 10.0)
        e += 1
        text = text[:digits]
    text = text.rstrip("0") or "0"
    if -4 <= e < 16:
        if e >= 0:
            whole = (text + "0" * (e + 1 - len(text)))[: e + 1]
            frac = text[e + 1:] or "0"
            return sign + whole + "." + frac
        return sign + "0." + "0" * (-e - 1) + text
    mantissa = text[0] + ("." + text[1:] if len(text) > 1 else "")
    return sign + mantissa + "e" + ("-" if e < 0 else "+") + ("%02d" % abs(e))


def repr(value):
    if isinstance(value, str):
        return _repr_str(value)
    if isinstance(value, float):
        return _repr_float(value)
    return _repr(value)


builtins.repr = repr
