"""Reading what a reader or a program gives: a typed number and its unit, folded, bounded and read
exactly (to_fraction, parse_quantity), and a number typed without a unit that could be two things
asked about, never guessed (the unit table is mmguide.units' job; writing a number, mmguide.numbers').
"""

from __future__ import annotations

import math
import re
from fractions import Fraction

from .errors import InputError
from .numbers import write
from .unit_table import (
    ALIASES, ANALYTES, WRONG_UNIT_HINTS, Analyte, Quantity, Unit, _range_text, zh_unit,
)

F = Fraction

# Hostile-input bounds, applied before any exact (Fraction) work (a 10-million-digit exponent
# would otherwise take minutes, and the in-page form runs the same code in the reader's tab).
MAX_TYPED_LENGTH = 64  # characters of a typed value, number and unit together
MAX_EXPONENT_DIGITS = 3  # "1e5" is fine; "1e10000000" is refused before it is evaluated
# No accepted value comes near either bound (the widest plausible range ends at 100 000), so a
# number outside them is refused as implausible for every unit.
MAX_MAGNITUDE = F(10) ** 12
MIN_MAGNITUDE = F(1, 10**12)
MAX_DENOMINATOR = 10**30  # an exact fraction from a caller: 1/3 and any float are fine, 1/10**400 is not

# A typed number: ASCII digits only (after FOLD), one decimal point or decimal comma, an optional
# exponent. Superscripts, circled digits, other scripts' digits and underscores are not digits
# here. The text is folded first, so the only spaces left are ASCII spaces.
_NUM = r"[+-]?(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)(?:[eE][+-]?[0-9]+)?"
_ONLY_NUMBER = re.compile(r"^(" + _NUM + r")$")

# What a reader may type that means the same as a plain character, written out (not Unicode NFKC)
# so that every runtime the book uses folds exactly the same characters: full-width ASCII
# (U+FF01–U+FF5E: ０–９, ．, ，, ｅ, ／, ｍ …, as Chinese input methods type them), spaces other than
# the ASCII space, the Greek mu and the capital mu for the micro sign, and the CJK unit squares.
# Superscript, circled and other scripts' digits are deliberately not folded: "1²" is not 12.
FOLD: dict[str, str] = {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}
FOLD.update({
    "\u3000": " ", "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ", "\u202f": " ",
    "\t": " ", "\n": " ", "\r": " ", "\f": " ", "\v": " ",
    "μ": "µ", "Μ": "µ",
    "㎎": "mg", "㎍": "µg", "㎏": "kg", "㎖": "mL", "㎗": "dL", "ℓ": "l", "㎕": "µl", "㎘": "kl",
})


def fold(text: str) -> str:
    """*text* with FOLD applied and outer spaces removed."""
    return "".join(FOLD.get(c, c) for c in text).strip(" ")


def ascii_lower(text: str) -> str:
    """Lower case for A–Z only, so that every runtime gives the same key."""
    return "".join(chr(ord(c) + 32) if "A" <= c <= "Z" else c for c in text)


_TYPED = re.compile(r"^ *(" + _NUM + r") *")


def split_typed(raw: str) -> tuple[str, str] | None:
    """A typed value split into its number (after FOLD) and the unit text after it, as typed
    ("" when none); None when it does not start with a number."""
    folded = [FOLD.get(c, c) for c in raw]
    m = _TYPED.match("".join(folded))
    if not m:
        return None
    end, i = len(m.group(0)), 0  # (MicroPython's match objects have no end())
    while end > 0:  # the number and the spaces around it fold one character to one
        end -= len(folded[i])
        i += 1
    unit = raw[i:]
    while unit and FOLD.get(unit[-1], unit[-1]) == " ":
        unit = unit[:-1]
    return m.group(1), unit


def _short(raw) -> str:
    """A typed value for a message: repr, cut to a readable length (never the repr of a huge number)."""
    if isinstance(raw, int) and not isinstance(raw, bool) and abs(raw) >= _TOO_LONG:
        return "a whole number too long to show"
    if isinstance(raw, Fraction) and (abs(raw.numerator) >= _TOO_LONG or raw.denominator >= _TOO_LONG):
        return "a fraction too long to show"
    try:
        r = repr(raw)
    except ValueError:  # pragma: no cover - another huge number type
        return f"a {type(raw).__name__} too long to show"
    return r if len(r) <= 40 else r[:37] + "…'"


def _check_length(raw: str, name: str) -> None:
    if len(raw) > MAX_TYPED_LENGTH:
        raise InputError(
            f"{name}: the value typed is {len(raw)} characters long; a measurement needs at most "
            f"{MAX_TYPED_LENGTH}.", name,
            zh=f"输入长度为 {len(raw)} 个字符;一个测量值最多 {MAX_TYPED_LENGTH} 个字符。")


_TOO_LONG = 1 << 128


def _decimal_text(number: str, raw, name: str) -> str:
    """The typed number as Fraction reads it: decimal comma read as a point, exponent bounded."""
    mantissa, _, exponent = number.replace("E", "e").partition("e")
    if exponent and len(exponent.lstrip("+-").lstrip("0")) > MAX_EXPONENT_DIGITS:
        raise InputError(
            f"{name}: {_short(raw)} is not a plausible value (its exponent is too large).", name,
            zh=f"{_short(raw)} 不是合理的数值(指数过大)。")
    if "," in mantissa:
        whole, _, frac = mantissa.partition(",")
        if len(frac) == 3 and whole.lstrip("+-"):
            # "1,500" is 1.5 in much of Europe and 1500 in English: never guess which
            raise InputError(
                f"{name}: {_short(raw)} is ambiguous: a comma followed by three digits may separate thousands "
                f"or decimals; write it without the comma ({whole.lstrip('+')}{frac}) or with a decimal point "
                f"({whole.lstrip('+')}.{frac}).", name,
                zh=f"{_short(raw)} 有歧义:逗号后跟三位数字既可能是千位分隔符,也可能是小数点;请写成 "
                   f"{whole.lstrip('+')}{frac} 或 {whole.lstrip('+')}.{frac}。")
        mantissa = f"{whole}.{frac}"
    return mantissa + (f"e{exponent}" if exponent else "")


def _bounded(x: Fraction, raw, name: str) -> Fraction:
    """*x*, unless it is so large, small or finely divided that no measurement can be it."""
    if x.denominator > MAX_DENOMINATOR or (x != 0 and not MIN_MAGNITUDE <= abs(x) <= MAX_MAGNITUDE):
        raise InputError(
            f"{name}: {_short(raw)} is not a plausible value for any unit (too large, too small or too finely "
            "divided).", name,
            zh=f"{_short(raw)} 在任何单位下都不是合理的数值(过大、过小或位数过多)。")
    return x


def canonical_unit(text: str) -> str | None:
    """The canonical symbol for a typed unit, or None if it is not one mmguide knows."""
    key = ascii_lower(fold(text))
    key = re.sub(r" */ *", "/", key)
    if key in ALIASES:
        return ALIASES[key]
    key2 = key.replace("µ", "u")
    return ALIASES.get(key2)


def to_fraction(value, name: str) -> Fraction:
    """An exact fraction from a number given by a caller (int, float, Decimal, Fraction or numeric str).

    Strings are typed text: ASCII or full-width digits, a decimal point or comma, an optional
    exponent; at most MAX_TYPED_LENGTH characters. Every value is bounded (MAX_MAGNITUDE,
    MIN_MAGNITUDE, MAX_DENOMINATOR) before anything else is done with it.
    """
    if isinstance(value, bool):
        raise InputError(f"{name}: expected a number, got the boolean {value}.", name,
                         zh=f"应为数字,输入的是布尔值 {value}。")
    if isinstance(value, Fraction):
        return _bounded(value, value, name)
    if isinstance(value, int):
        if abs(value) >= 1 << 64:
            raise InputError(f"{name}: this whole number is not a plausible value for any unit.", name,
                             zh="该整数在任何单位下都不是合理的数值。")
        return _bounded(F(value), value, name)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise InputError(f"{name}: expected a finite number, got {value}.", name,
                             zh=f"应为有限的数字,输入的是 {value}。")
        return _bounded(F(repr(value)), value, name)  # the shortest decimal that round-trips: 1.2 stays 6/5
    if hasattr(value, "is_finite") and hasattr(value, "adjusted"):  # a decimal.Decimal from a Python caller
        if not value.is_finite():
            raise InputError(f"{name}: expected a finite number, got {value}.", name,
                             zh=f"应为有限的数字,输入的是 {value}。")
        if value != 0 and not -13 <= value.adjusted() <= 12:
            return _bounded(F(10) ** 13, value, name)  # refused, without building the huge fraction
        return _bounded(F(*value.as_integer_ratio()), value, name)
    if isinstance(value, str):
        _check_length(value, name)
        m = _ONLY_NUMBER.match(fold(value))
        if not m and ascii_lower(fold(value)).lstrip("+-") in ("inf", "infinity", "nan", "snan"):
            raise InputError(f"{name}: expected a finite number, got {_short(value)}.", name,
                             zh=f"应为有限的数字,输入的是 {_short(value)}。")
        if not m:
            raise InputError(f"{name}: {_short(value)} is not a number.", name,
                             zh=f"{_short(value)} 不是数字。")
        text = _decimal_text(m.group(1), value, name)
        if not _exponent_ok(text):
            return _bounded(F(10) ** 13, value, name)  # refused, without building the huge fraction
        return _bounded(F(text), value, name)
    raise InputError(f"{name}: expected a number, got {type(value).__name__} {_short(value)}.", name,
                     zh=f"应为数字,输入的是 {type(value).__name__} {_short(value)}。")


def _unit_of(text: str, raw, name: str, analyte: str) -> str | None:
    """The canonical symbol of the unit typed after the number, or None if it is not one mmguide knows.

    A unit may arrive twice, typed with the number and again from the form's unit control
    ("45 mL/min" + "mL/min"): the same unit twice is that unit; two different units are refused.
    """
    symbol = canonical_unit(text)
    if symbol is not None:
        return symbol
    parts = text.split()
    for i in range(1, len(parts)):
        first, second = canonical_unit(" ".join(parts[:i])), canonical_unit(" ".join(parts[i:]))
        if first is not None and second is not None:
            if first == second:
                return first
            raise InputError(
                f"{name}: {_short(raw)} gives two different units, {first} typed with the number and {second} "
                "chosen separately; give the value in one unit.", name,
                zh=f"{_short(raw)} 含两个不同的单位:随数值输入的 {first} 与另选的 {second};请只用一种单位。")
    return None


def parse_quantity(name: str, raw, analyte: str, allowed: tuple[str, ...] | None = None) -> Quantity:
    """Parse a caller's value for input *name* as a quantity of *analyte*.

    *raw* is a number (taken in the analyte's default unit) or a string with its unit
    ("88.4 µmol/L", "1.0mg/dL", "72 kg", "45,5 mL/min", "４５ mL/min"). *allowed* restricts the
    accepted units. Raises InputError naming the input, value, unit and accepted range, and the
    likely unit when the value is implausible for the unit given but plausible for another.
    """
    a = ANALYTES[analyte]
    units = [u for u in a.units if allowed is None or u.symbol in allowed]
    default = units[0].symbol
    if isinstance(raw, str):
        _check_length(raw, name)
        typed = split_typed(raw)
        if typed is None:
            example = f"'{write(units[0].low + (units[0].high - units[0].low) / 10)} {default}'".replace(" '", "'")
            raise InputError(
                f"{name}: {_short(raw)} is not a number with a unit; write it like {example}.",
                name, zh=f"{_short(raw)} 不是带单位的数值;请按 {example.replace(' ' + default, ' ' + zh_unit(default))} 的格式填写。",
            )
        number_text, unit_text = typed
        number = _bounded(F(_decimal_text(number_text, raw, name)) if _exponent_ok(number_text)
                          else F(10) ** 13, raw, name)
        if unit_text:
            symbol = _unit_of(unit_text, raw, name, analyte)
            if symbol == "mL/min/1.73 m²" and analyte == "crcl":
                raise InputError(
                    f"{name}: {_short(raw)} is an eGFR (mL/min/1.73 m²), not a creatinine clearance; "
                    "this rule is keyed on Cockcroft–Gault clearance in mL/min "
                    "(calculate it with crcl-cockcroft-gault).",
                    name,
                    zh=f"{_short(raw)} 是 eGFR(mL/min/1.73 m²),不是肌酐清除率;本规则按 Cockcroft–Gault 清除率"
                       "(mL/min)执行(请用 Cockcroft–Gault 计算器计算)。",
                )
            if (analyte, symbol) in WRONG_UNIT_HINTS:
                raise InputError(f"{name}: {_short(raw)}: " + WRONG_UNIT_HINTS[(analyte, symbol)], name,
                                 zh=f"{_short(raw)}:β2 微球蛋白以 mg/L 计量,不是 {symbol};请以 mg/L 填写,例如 '3.5 mg/L'。")
            if symbol is None or a.unit(symbol) is None:
                accepted = ", ".join(u.symbol or "(no unit)" for u in units)
                raise InputError(
                    f"{name}: unknown unit {_short(unit_text)}; accepted: {accepted}.", name,
                    zh=f"无法识别的单位 {_short(unit_text)};可用单位:"
                       + "、".join(zh_unit(u.symbol) or "(无单位)" for u in units) + "。",
                )
        else:
            symbol = default
            _ask_when_bare(name, number_text, number, a, units)
    else:
        number = to_fraction(raw, name)
        symbol = default
    unit = a.unit(symbol)
    if unit not in units:
        hint = hint_zh = ""
        if analyte == "egfr" or symbol == "mL/min/1.73 m²":
            hint, hint_zh = " An eGFR is not a creatinine clearance.", "eGFR 不是肌酐清除率。"
        raise InputError(
            f"{name}: {write(number)} {symbol} is not accepted here; give it in "
            + " or ".join(u.symbol for u in units) + "." + hint,
            name,
            zh=f"此处不接受 {write(number)} {zh_unit(symbol)};请以 " + " 或 ".join(zh_unit(u.symbol) for u in units) + " 填写。" + hint_zh,
        )
    if number < unit.low or number > unit.high:
        if analyte == "flc_ratio" and number < unit.low:
            example = (f"a κ/λ ratio of {write(number)} is an involved:uninvolved ratio of 1/{write(number)} = "
                       f"{write(1 / number)}" if number > 0 else "e.g. a κ/λ ratio of 0.008 is 1/0.008 = 125")
            raise InputError(
                f"{name}: {write(number)} is outside the plausible range {write(unit.low)}–{write(unit.high)}: an "
                "involved:uninvolved ratio puts the involved light chain on top, so it cannot be below 1. "
                f"For λ disease the ratio is λ/κ ({example}); did you enter the laboratory's κ/λ ratio?",
                name,
                zh=f"{write(number)} 超出合理范围({write(unit.low)}–{write(unit.high)}):受累/非受累比值以受累轻链为分子,不可能小于 1。"
                   "λ 型疾病的比值为 λ/κ;是否误填了实验室报告的 κ/λ 比值?")
        likely = [
            u.symbol for u in units
            if u is not unit and not (number < u.low or number > u.high)
            and (number * unit.to_base / u.to_base < u.low or number * unit.to_base / u.to_base > u.high)
        ]
        msg = (
            f"{name}: {write(number)} {symbol} is outside the plausible range "
            f"{write(unit.low)}–{write(unit.high)} {symbol}".rstrip() + "."
        )
        shown = f"{write(number)} {zh_unit(symbol)}".strip()
        # "1.5 岁超出…", "150 mg/dL 超出…": a space only between Latin and Chinese; the range set off in brackets
        gap = "" if "\u4e00" <= shown[-1] <= "\u9fff" else " "
        zh = f"{shown}{gap}超出合理范围({write(unit.low)}–{write(unit.high)} {zh_unit(symbol)}".rstrip() + ")。"
        if likely:
            msg += f" Did you mean {likely[0]}?"
            zh += f"单位是否应为 {likely[0]}?"
        raise InputError(msg, name, zh=zh)
    return Quantity(number, symbol, analyte)


# What a number is, for a message that names the readings of a number typed without a unit:
# (with "a", with "the", Chinese).
BARE_WORDS = {
    "creatinine": ("a serum creatinine", "the serum creatinine", "血清肌酐"),
    "crcl": ("a creatinine clearance", "the creatinine clearance", "肌酐清除率"),
    "renal_clearance": ("a clearance", "the clearance", "清除率"),
    "calcium": ("a calcium", "the calcium", "血钙"),
}


def _bare_word(analyte: str, form: int) -> str:
    return BARE_WORDS[analyte][form] if analyte in BARE_WORDS else analyte


def bare_readings(number: Fraction, analyte: str, allowed: tuple[str, ...] | None = None) -> list:
    """The plausible readings, [(analyte, unit)], of *number* typed without a unit into an *analyte* input:
    its default unit, its other units if the analyte asks the unit of a bare number, and the other
    quantities it may be (Analyte.bare_also)."""
    a = ANALYTES[analyte]
    units = [u for u in a.units if allowed is None or u.symbol in allowed]
    out = []
    for i, u in enumerate(units):
        if (i == 0 or a.ask_unit_when_bare) and u.low <= number <= u.high:
            out.append((analyte, u))
    for other, symbol in a.bare_also:
        u = ANALYTES[other].unit(symbol)
        if u.low <= number <= u.high:
            out.append((other, u))
    return out


def _reading_text(number: Fraction, analyte: str, unit: Unit, lang: str, typed: str) -> str:
    """One reading of a bare number, with its value in the analyte's default unit when that differs."""
    default = ANALYTES[analyte].units[0]
    shown = f"{typed} {unit.symbol}"
    if unit is not default:
        other = write(number * unit.to_base / default.to_base, 2)
        shown += f" ({other} {default.symbol})" if lang == "en" else f"(即 {other} {default.symbol})"
    return f"{_bare_word(analyte, 0)} of {shown}" if lang == "en" else f"{_bare_word(analyte, 2)} {shown}"


def _ask_when_bare(name: str, typed: str, number: Fraction, a: Analyte, units: list) -> None:
    """Refuse a number typed without a unit that cannot be read safely: one plausible in two readings
    (Analyte.ask_unit_when_bare, Analyte.bare_also), or implausible in the default unit and plausible as
    another quantity. The message names each reading and how to type the one meant."""
    if not (a.ask_unit_when_bare or a.bare_also):
        return
    readings = bare_readings(number, a.name, tuple(u.symbol for u in units))
    own = [u for an, u in readings if an == a.name]
    others = [(an, u) for an, u in readings if an != a.name]
    n = typed.lstrip("+")  # the number as typed (after FOLD): "4.0" stays "4.0"
    if len(readings) >= 2:
        en = " or as ".join(_reading_text(number, an, u, "en", n) for an, u in readings)
        zh = ",也可理解为".join(_reading_text(number, an, u, "zh", n) for an, u in readings)
        typed = " or ".join(f"'{n} {u.symbol}'" for u in own)
        typed_zh = " 或 ".join(f"“{n} {u.symbol}”" for u in own)
        if others:
            an, u = others[0]
            how = (f"if it is {_bare_word(a.name, 0)}, type it with its unit ({typed}); if it is "
                   f"{_bare_word(an, 0)}, enter it as {_bare_word(an, 1)}, with its unit ('{n} {u.symbol}')")
            how_zh = (f"如果是{_bare_word(a.name, 2)},请连同单位输入({typed_zh});如果是{_bare_word(an, 2)},"
                      f"请连同单位填入{_bare_word(an, 2)}(“{n} {u.symbol}”)")
        else:
            how, how_zh = f"type it with its unit: {typed}", f"请连同单位输入:{typed_zh}"
        raise InputError(
            f"{name}: {n} was typed without a unit and can be read as {en}, which lead to different answers; "
            f"{how}.", name,
            zh=f"{n} 未带单位,可理解为{zh},两种理解的结论不同;{how_zh}。")
    if not own and others:
        an, u = others[0]
        raise InputError(
            f"{name}: {n} is not plausible as {_bare_word(a.name, 0)} ({_range_text(a)}); it looks like "
            f"{_reading_text(number, an, u, 'en', n)}: enter it as {_bare_word(an, 1)}, with its unit "
            f"('{n} {u.symbol}').", name,
            zh=f"{n} 作为{_bare_word(a.name, 2)}不合理({_range_text(a)});它像是{_reading_text(number, an, u, 'zh', n)}:"
               f"请连同单位填入{_bare_word(an, 2)}(“{n} {u.symbol}”)。")


def _exponent_ok(number: str) -> bool:
    """The power of ten of a typed number is small enough to build the exact value (any power of
    zero is)."""
    mantissa, _, exponent = number.replace("E", "e").partition("e")
    if not exponent or not mantissa.strip("+-0.,"):
        return True
    digits = exponent.lstrip("+-").lstrip("0")
    return len(digits) <= MAX_EXPONENT_DIGITS and int(digits or 0) <= 15
