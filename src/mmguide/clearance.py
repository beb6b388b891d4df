"""Composition: a creatinine clearance, or the four inputs it is computed from (Cockcroft–Gault 1976).

:func:`clearance` is the equation, pure and exact. A calculator that needs a clearance takes either the
clearance or age, weight, creatinine and sex, and declares so on its record (``Calculator.composes``,
read by the calculator pages' forms)::

    CALCULATOR = Calculator(..., inputs=(*clearance_inputs(Input("crcl", ...)), ...),
                            function=with_clearance(the_function, same_answer=dose_for, scale=CLEARANCE),
                            composes=(composes(),))

The clearance is then computed here, by the same equation as the Cockcroft–Gault calculator, and the
result carries what it was computed from as facts (``details["clearance"]``: the exact value, its unit,
the inputs, the edges it is near). Both given and disagreeing is an error that says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction as F

from .errors import InputError
from .numbers import Scale, write, write_given
from .records import Composes, Input, text
from .parse import MAX_TYPED_LENGTH, canonical_unit, split_typed, to_fraction
from .unit_table import ANALYTES, Quantity

ID = "crcl-cockcroft-gault"

AGE_OFFSET = 140  # (140 − age)
DENOMINATOR = 72  # 72 × SCr (mg/dL)
FEMALE_FACTOR = F("0.85")  # × 0.85 for women; not ÷ 85, which gives a different number

# A result outside the range mmguide accepts as a creatinine clearance (the crcl analyte's plausible
# range in units.py, which every clearance input uses) is not a clearance to dose from: it is flagged
# as implausible, not passed on as a number ([DECISION], see the Cockcroft–Gault record's decisions).
PLAUSIBLE_LOW = ANALYTES["crcl"].units[0].low
PLAUSIBLE_HIGH = ANALYTES["crcl"].units[0].high

# A creatinine and a clearance given together must be able to belong to one adult (docs/safety.md,
# HZ-49). By Cockcroft–Gault, clearance × creatinine (mL/min × mg/dL) = (140 − age) × weight / 72
# (× 0.85 if female): it is largest for the youngest adult mmguide accepts (18 years) and the heaviest
# patient, and with actual weight the equation already overestimates clearance in obesity
# (demirovic2009obese). Above the product for an 18-year-old man of 150 kg the pair is refused as a
# data-entry error, not dosed from ([DECISION]; a creatinine of 5 mg/dL allows at most 50.8 mL/min).
PAIR_HEAVIEST_KG = 150
PAIR_YOUNGEST = ANALYTES["age"].units[0].low
MAX_CLEARANCE_TIMES_CREATININE = (AGE_OFFSET - PAIR_YOUNGEST) * PAIR_HEAVIEST_KG / F(DENOMINATOR)

# The equation's inputs, shared with the other creatinine-based equation (egfr_ckd_epi_2021).
AGE_INPUT = Input("age", text("Age", "年龄"), analyte="age")
CREATININE_INPUT = Input("creatinine", text("Serum creatinine", "血清肌酐"), analyte="creatinine")
SEX_INPUT = Input("sex", text("Sex", "性别"), kind="sex")
WEIGHT_INPUT = Input("weight", text("Body weight (actual)", "体重(实际体重)"), analyte="weight")
INPUTS = (AGE_INPUT, WEIGHT_INPUT, CREATININE_INPUT, SEX_INPUT)
NAMES = tuple(i.name for i in INPUTS)  # age, weight, creatinine, sex

CREATININE_UNITS = tuple(u.symbol for u in ANALYTES["creatinine"].units)
# A bare number at or below this, typed as a clearance, is taken for a serum creatinine (mg/dL)
# and asked about instead of answered: creatinine in mg/dL is almost always below it, while every
# edge of the zoledronic acid table (the lowest 30 mL/min) is far above it, so a true clearance
# this low loses nothing by being typed again with its unit ("12 mL/min"). [DECISION]
CREATININE_LIKE_AT_MOST = 15
# A clearance given together with the four inputs agrees with the computed one when the two
# differ by at most this (a clearance copied as a whole number) and give the same answer.
AGREE_WITHIN = 1  # mL/min
# How a clearance is written when the composing calculator declares no scale of its own.
PLAIN = Scale(2)


def _value(x) -> F:
    return x.value if isinstance(x, Quantity) else F(x)


def clearance(age, weight, creatinine, sex) -> F:
    """The Cockcroft–Gault creatinine clearance in mL/min, exactly: (140 − age) × weight (kg) /
    (72 × creatinine (mg/dL)), × 0.85 if *sex* is "female". *age* in years, *weight* and *creatinine*
    as Quantities (or numbers in kg and mg/dL)."""
    scr = creatinine.to("mg/dL") if isinstance(creatinine, Quantity) else F(creatinine)
    kg = weight.to("kg") if isinstance(weight, Quantity) else F(weight)
    crcl = (AGE_OFFSET - _value(age)) * kg / (DENOMINATOR * scr)
    return crcl * FEMALE_FACTOR if sex == "female" else crcl


def plausible(crcl: F) -> bool:
    """A clearance mmguide accepts as one (PLAUSIBLE_LOW–PLAUSIBLE_HIGH mL/min)."""
    return PLAUSIBLE_LOW <= crcl <= PLAUSIBLE_HIGH


def composes(into: str = "crcl", also_alone: tuple = ()) -> Composes:
    """The declaration, for a record, that input *into* is a clearance given or computed from NAMES;
    *also_alone*: those of NAMES the calculator also uses on their own (the plan's creatinine)."""
    return Composes(input=into, calculator=ID, inputs=NAMES, also_alone=tuple(also_alone))


def _error(message: str, field: str, zh: str) -> InputError:
    """An InputError with its Chinese text (``zh``: the message after the input's name)."""
    return InputError(message, field, zh=zh)


def pair_possible(crcl, creatinine) -> bool:
    """A clearance (Quantity) and a serum creatinine (Quantity) can belong to one adult: check_pair passes."""
    return crcl is None or creatinine is None or crcl.value <= MAX_CLEARANCE_TIMES_CREATININE / creatinine.to("mg/dL")


def check_pair(crcl, creatinine, field: str = "crcl") -> None:
    """Refuse a clearance (mL/min, or an eGFR for the renal myeloma-defining event) that no adult with this
    serum creatinine can have by Cockcroft–Gault (MAX_CLEARANCE_TIMES_CREATININE)."""
    if pair_possible(crcl, creatinine):
        return
    highest = MAX_CLEARANCE_TIMES_CREATININE / creatinine.to("mg/dL")
    most = write(highest, 1, (crcl.value,))
    raise _error(
        f"{field}: a clearance of {crcl} and a serum creatinine of {creatinine} cannot belong to one adult: by "
        f"Cockcroft–Gault this creatinine gives at most about {most} mL/min (an 18-year-old man of "
        f"{PAIR_HEAVIEST_KG} kg). Check both values, their units and whether they were measured at the same time; "
        "give the creatinine with age, weight and sex to calculate the clearance.", field,
        f"清除率 {crcl} 与血清肌酐 {creatinine} 不可能属于同一成年人:按 Cockcroft–Gault 公式,该肌酐对应的清除率最多约 "
        f"{most} mL/min(18 岁、{PAIR_HEAVIEST_KG} kg 的男性)。请核对两个数值、单位及是否同时测定;"
        "可填写肌酐及年龄、体重和性别以计算清除率。")


def _typed_unit(raw) -> str | None:
    """The unit text typed after the number ("" when none), or None for a non-string."""
    if not isinstance(raw, str):
        return None
    typed = split_typed(raw)  # the number and unit as units.py reads them
    return typed[1] if typed else ""


def _bare_number(raw) -> F | None:
    """The number as typed, read as units.to_fraction reads it (an ambiguous comma is refused: None)."""
    try:
        return to_fraction(raw, "crcl")
    except (InputError, ValueError):
        return None


def _ask_creatinine(name: str, raw, unit_given: bool) -> InputError:
    shown = str(raw).strip() if isinstance(raw, str) else write_given(raw)
    if unit_given:
        return _error(
            f"{name}: {shown} is a serum creatinine, not a creatinine clearance. Enter it as the creatinine, "
            "with age, weight and sex, and the clearance is calculated (Cockcroft–Gault); "
            "or give the clearance in mL/min.", name,
            f"{shown} 是血清肌酐,不是肌酐清除率。请将其填入血清肌酐,并填写年龄、体重和性别,由 Cockcroft–Gault 公式计算清除率;"
            "或填写以 mL/min 表示的清除率。")
    return _error(
        f"{name}: {shown} looks like a serum creatinine (mg/dL), not a clearance in mL/min. "
        "If it is a creatinine, enter it as the creatinine, with age, weight and sex; "
        f"if it really is a clearance, type it with its unit ('{shown} mL/min').", name,
        f"{shown} 像是血清肌酐(mg/dL),而不是以 mL/min 表示的清除率。如果是肌酐,请将其填入血清肌酐,并填写年龄、体重和性别;"
        f"如果确为清除率,请连同单位一起输入(“{shown} mL/min”)。")


@dataclass(frozen=True)
class ClearanceInput(Input):
    """A creatinine clearance input that asks, instead of answering, when given a creatinine."""

    def parse(self, raw):
        if isinstance(raw, str) and len(raw) > MAX_TYPED_LENGTH:
            return super().parse(raw)  # refused for its length before anything reads it
        typed = _typed_unit(raw)
        if typed and canonical_unit(typed) in CREATININE_UNITS:
            raise _ask_creatinine(self.name, raw, True)
        try:
            q = super().parse(raw)
        except InputError:  # e.g. 0.9, below the clearance range: still a creatinine by the look of it
            if not typed and _bare_number(raw) is not None and _bare_number(raw) <= CREATININE_LIKE_AT_MOST:
                raise _ask_creatinine(self.name, raw, False) from None
            raise
        if not typed and q.value <= CREATININE_LIKE_AT_MOST:
            raise _ask_creatinine(self.name, raw, False)
        return q


def clearance_inputs(crcl: Input, help: dict | None = None) -> tuple[Input, ...]:
    """*crcl* (made optional) followed by the equation's four inputs (optional too): the reader gives
    one or the other. *help*: {input name: help text} for a calculator that also uses one of the four for
    its own purpose (the plan uses the creatinine on its own)."""
    base = {k: getattr(crcl, k) for k in Input.__dataclass_fields__}
    base["required"] = False
    out = [ClearanceInput(**base)]
    for i in INPUTS:
        d = {k: getattr(i, k) for k in Input.__dataclass_fields__}
        d["required"] = False
        if help and i.name in help:
            d["help"] = help[i.name]
        out.append(Input(**d))
    return tuple(out)


def _sex_text(sex: str) -> dict:
    return text(sex, "女性" if sex == "female" else "男性")


def resolve_clearance(crcl=None, age=None, weight=None, creatinine=None, sex=None, same_answer=None,
                      scale: Scale = PLAIN) -> tuple[Quantity, dict | None]:
    """The clearance to use, and (when computed here) the facts of how it was computed.

    *same_answer*: a function of a clearance whose result must be the same for a clearance given beside
    the four inputs and the one computed from them (the dose table's dose_for); *scale*: how the composing
    calculator writes a clearance (its decimals and the edges it is compared with).

    Raises InputError when neither is given, when the four inputs are incomplete, when the computed
    clearance is not plausible, or when a clearance is given with the four inputs and the two disagree.
    """
    given = {"age": age, "weight": weight, "creatinine": creatinine, "sex": sex}
    have = [k for k, v in given.items() if v is not None]
    missing = [k for k in NAMES if given[k] is None]
    if not have:
        if crcl is None:
            raise _error(
                "crcl: give the creatinine clearance (mL/min), or age, weight, creatinine and sex "
                "to calculate it (Cockcroft–Gault).", "crcl",
                "请填写肌酐清除率(mL/min),或填写年龄、体重、血清肌酐和性别以计算清除率(Cockcroft–Gault)。")
        return crcl, None
    if missing:
        labels = {i.name: i.label for i in INPUTS}
        raise _error(
            f"{missing[0]}: to calculate the clearance (Cockcroft–Gault) give age, weight, creatinine and sex; "
            f"missing: {', '.join(labels[m]['en'].lower() for m in missing)}"
            + ("." if crcl is None else "; or give the clearance alone."),
            missing[0],
            "计算清除率(Cockcroft–Gault)需要年龄、体重、血清肌酐和性别;缺少:"
            + "、".join(labels[m]["zh"] for m in missing) + ("。" if crcl is None else ";或只填写清除率。"))
    exact = clearance(age, weight, creatinine, sex)
    shown = scale(exact)
    if not plausible(exact):  # a typo, not a clearance: never dose from it
        lo, hi = write(PLAUSIBLE_LOW), write(PLAUSIBLE_HIGH)
        raise _error(
            f"creatinine: age, weight, creatinine and sex give a Cockcroft–Gault clearance of {shown} mL/min, "
            f"which is not a plausible clearance (mmguide accepts {lo}–{hi} mL/min); check the weight, the "
            "creatinine and their units.", "creatinine",
            f"由年龄、体重、血清肌酐和性别按 Cockcroft–Gault 公式算得的清除率为 {shown} mL/min,不是可信的清除率"
            f"(mmguide 接受 {lo}–{hi} mL/min);请核对体重、肌酐及其单位。")
    if crcl is not None and (abs(crcl.value - exact) > AGREE_WITHIN
                             or (same_answer is not None and same_answer(crcl.value) != same_answer(exact))):
        given_s = write_given(crcl.value)
        raise _error(
            f"crcl: the clearance given ({given_s} mL/min) disagrees with the one calculated from age, "
            f"weight, creatinine and sex ({shown} mL/min, Cockcroft–Gault); give one or the other.", "crcl",
            f"填写的清除率({given_s} mL/min)与根据年龄、体重、血清肌酐和性别计算的清除率"
            f"({shown} mL/min,Cockcroft–Gault)不一致;请只填写其中一种。")
    kg = weight.to("kg")
    near = tuple(sorted({e for e in scale.edges if abs(exact - e) < AGREE_WITHIN}))
    facts = {
        "value": exact, "unit": "mL/min", "calculator": ID,
        "from": {"age": age.value, "weight_kg": kg, "creatinine": creatinine, "sex": sex},
        "near_edges": near,
        # the line as written until the presentation writes it from the facts above
        "text": text(
            f"CrCl {shown} mL/min by Cockcroft–Gault from {write(age.value)} years, {write(kg)} kg, "
            f"creatinine {creatinine}, {sex}",
            f"肌酐清除率 {shown} mL/min,按 Cockcroft–Gault 公式由 {write(age.value)} 岁、{write(kg)} kg、"
            f"血清肌酐 {creatinine}、{_sex_text(sex)['zh']}计算"),
    }
    return Quantity(exact, "mL/min", "crcl"), facts


def with_clearance(function, keeps_creatinine: bool = False, same_answer=None, scale: Scale = PLAIN):
    """Wrap a calculator function taking ``crcl`` so it also takes age, weight, creatinine and sex.

    keeps_creatinine: the function takes ``creatinine`` for a purpose of its own: it is passed on, and a
    creatinine given with a clearance and without age, weight and sex is not a request to calculate the
    clearance. same_answer, scale: as for resolve_clearance.
    """
    return _WithClearance(function, keeps_creatinine, same_answer, scale)


class _WithClearance:
    """The calculator function of :func:`with_clearance`: a class, not a closure, so that it can
    carry the wrapped function's name and module (every runtime lets an instance have attributes;
    MicroPython's closures have none)."""

    def __init__(self, function, keeps_creatinine: bool, same_answer=None, scale: Scale = PLAIN):
        self.function, self.keeps_creatinine = function, keeps_creatinine
        self.same_answer, self.scale = same_answer, scale
        self.__name__ = function.__name__
        # the calculator's own module and text, as functools.wraps would give them (MicroPython's
        # functions have neither)
        self.__module__ = getattr(function, "__module__", None)
        self.__doc__ = getattr(function, "__doc__", None)
        self.__wrapped__ = function

    def __call__(self, crcl=None, age=None, weight=None, creatinine=None, sex=None, **others):
        if self.keeps_creatinine and crcl is not None and age is None and weight is None and sex is None:
            check_pair(crcl, creatinine)
            q, source = crcl, None
        else:
            q, source = resolve_clearance(crcl, age, weight, creatinine, sex, self.same_answer, self.scale)
        if self.keeps_creatinine:
            others["creatinine"] = creatinine
        result = self.function(crcl=q, **others)
        if source is not None:
            result.details["clearance"] = source
        return result
