"""Creatinine clearance by the Cockcroft–Gault equation (1976).

The zoledronic acid label's renal dose table is keyed on this clearance, not on an eGFR.
"""

from dataclasses import dataclass
from fractions import Fraction as F

from .. import units as U
from ..errors import InputError
from ..records import Calculator, Category, Inline, Input, Link, Output, Result, View, text
from ..units import ANALYTES, Quantity, canonical_unit, fmt, fmt_beside, split_typed, to_fraction
from .zoledronic_acid_bands import CRCL_PLACES, EDGES, dose_for, show_crcl

ID = "crcl-cockcroft-gault"
REFERENCES = ("cockcroft1976", "zometa_label", "demirovic2009obese")

# A result outside the range mmguide accepts as a creatinine clearance (the crcl analyte's plausible
# range in units.py, which every clearance input uses) is not a clearance to dose from: it is flagged
# as implausible, not passed on as a number ([DECISION], see the record's decisions). One source of
# truth: the same limits refuse such a clearance typed into zoledronic-acid-dose or the plan.
PLAUSIBLE_LOW = U.ANALYTES["crcl"].units[0].low
PLAUSIBLE_HIGH = U.ANALYTES["crcl"].units[0].high
IMPLAUSIBLE = "implausible"

AGE_OFFSET = 140  # (140 − age)
DENOMINATOR = 72  # 72 × SCr (mg/dL)
FEMALE_FACTOR = F("0.85")  # × 0.85 for women; not ÷ 85, which gives a different number

# A creatinine and a clearance given together must be able to belong to one adult (fact sheet §13E).
# By Cockcroft–Gault, clearance × creatinine (mL/min × mg/dL) = (140 − age) × weight / 72 (× 0.85 if
# female): it is largest for the youngest adult mmguide accepts (18 years) and the heaviest patient, and
# with actual weight the equation already overestimates clearance in obesity (Demirovic 2009). Above the
# product for an 18-year-old man of 150 kg the pair is refused as a data-entry error, not dosed from
# ([DECISION]; a creatinine of 5 mg/dL allows at most 50.8 mL/min, so 5 mg/dL beside 80 mL/min is refused).
PAIR_HEAVIEST_KG = 150
PAIR_YOUNGEST = U.ANALYTES["age"].units[0].low
MAX_CLEARANCE_TIMES_CREATININE = (AGE_OFFSET - PAIR_YOUNGEST) * PAIR_HEAVIEST_KG / F(DENOMINATOR)


# inputs shared with the other creatinine-based equation (egfr_ckd_epi_2021)
AGE_INPUT = Input("age", text("Age", "年龄"), analyte="age")
CREATININE_INPUT = Input("creatinine", text("Serum creatinine", "血清肌酐"), analyte="creatinine")
SEX_INPUT = Input("sex", text("Sex", "性别"), kind="sex")
WEIGHT_INPUT = Input("weight", text("Body weight (actual)", "体重(实际体重)"), analyte="weight")


def cockcroft_gault(age, weight, creatinine, sex) -> Result:
    scr = creatinine.to("mg/dL")
    kg = weight.to("kg")
    crcl = (AGE_OFFSET - age.value) * kg / (DENOMINATOR * scr)
    if sex == "female":
        crcl *= FEMALE_FACTOR
    v = show_crcl(crcl)  # 2 decimals, never rounded across a dose-band edge (29.97, not 30.0)
    plausible = PLAUSIBLE_LOW <= crcl <= PLAUSIBLE_HIGH
    en = (f"Estimated creatinine clearance (Cockcroft–Gault) is {v} mL/min, from age {fmt(age.value)}, "
          f"weight {fmt(kg, 1)} kg, serum creatinine {creatinine} and {sex} sex. ")
    zh = (f"按 Cockcroft–Gault 公式估算的肌酐清除率为 {v} mL/min(年龄 {fmt(age.value)} 岁,体重 {fmt(kg, 1)} kg,"
          f"血清肌酐 {creatinine},{'女性' if sex == 'female' else '男性'})。")
    lo, hi = fmt(PLAUSIBLE_LOW), fmt(PLAUSIBLE_HIGH)
    if plausible:
        en += ("Use this clearance, not an eGFR, for the zoledronic acid dose table: the clearance before the first "
               "dose sets the dose, and later doses keep it and follow the creatinine-rise rule "
               "(zoledronic-acid-renal-check). The equation assumes a stable creatinine: during acute kidney injury "
               "the estimate does not describe lasting function; re-estimate once creatinine is stable.")
        zh += ("唑来膦酸的肾功能剂量表应使用此清除率,而非 eGFR:首剂前的清除率决定剂量,此后各次沿用该剂量并按肌酐升高规则处理"
               "(见唑来膦酸肾功能恶化评估)。该公式以肌酐稳定为前提:急性肾损伤期间的估算值不能反映持久的肾功能,"
               "待肌酐稳定后重新估算。")
    elif crcl > PLAUSIBLE_HIGH:
        en += (f"This is not a plausible clearance (mmguide accepts {lo}–{hi} mL/min): do not dose from it. Check the "
               "weight and the creatinine and their units, for example a misplaced decimal point. The equation "
               "divides by the creatinine, so a very low creatinine, as in frail patients with little muscle, gives a "
               "very high estimate; with actual body weight it also overestimates clearance in obesity.")
        zh += (f"这不是可信的清除率(mmguide 接受 {lo}–{hi} mL/min):不可据此给药。请核对体重、肌酐及其单位,"
               "例如小数点错位。公式以肌酐为除数,肌酐很低(如肌肉量少的衰弱患者)时估算值会很高;"
               "使用实际体重时,肥胖患者的清除率也会被高估。")
    else:
        en += (f"This is not a plausible clearance (mmguide accepts {lo}–{hi} mL/min): do not dose from it. Check the "
               "weight and the creatinine and their units.")
        zh += f"这不是可信的清除率(mmguide 接受 {lo}–{hi} mL/min):不可据此给药。请核对体重、肌酐及其单位。"
    return Result(
        calculator=ID,
        value=float(crcl),
        unit="mL/min",
        category=None if plausible else IMPLAUSIBLE,
        explanation=text(en, zh),
        references=REFERENCES if crcl > PLAUSIBLE_HIGH else REFERENCES[:2],
        details={"creatinine_mg_dl": float(scr), "weight_kg": float(kg), "exact": str(crcl),
                 "plausible": plausible},
        exact=crcl,
    )


CALCULATOR = Calculator(
    id=ID,
    title=text("Creatinine clearance (Cockcroft–Gault)", "肌酐清除率(Cockcroft–Gault 公式)"),
    function=cockcroft_gault,
    equation="Cockcroft–Gault 1976",
    purpose=text(
        "Estimates creatinine clearance in mL/min from age, weight, serum creatinine and sex.",
        "根据年龄、体重、血清肌酐和性别估算肌酐清除率(mL/min)。",
    ),
    when_to_use=text(
        "Before the first dose of zoledronic acid, whose label sets the dose by this baseline clearance (later "
        "doses keep that dose and follow the rise in creatinine), with a stable creatinine; and for the renal "
        "criterion of the myeloma-defining events.",
        "唑来膦酸首剂前(其说明书按此基线清除率确定剂量;此后各次沿用该剂量并按肌酐升高情况处理),且须在肌酐稳定时计算;"
        "也用于骨髓瘤定义事件中的肾功能标准。",
    ),
    inputs=(AGE_INPUT, WEIGHT_INPUT, CREATININE_INPUT, SEX_INPUT),
    output=Output(text("Creatinine clearance", "肌酐清除率"), unit="mL/min", places=CRCL_PLACES, edges=EDGES, categories=(
        Category(IMPLAUSIBLE, text("Not a plausible clearance: check the inputs; do not dose from it",
                                   "不是可信的清除率:请核对输入;不可据此给药")),
    )),
    formula=(
        r"\mathrm{CrCl} = \frac{(" + str(AGE_OFFSET) + r" - \text{age}) \times \text{weight (kg)}}"
        r"{" + str(DENOMINATOR) + r" \times S_{Cr}\ (\text{mg/dL})} \times "
        + fmt(FEMALE_FACTOR) + r"\ [\text{if female}]"
    ),
    references=REFERENCES,
    recommendations=("BP-4",),
    # the dose for this clearance beside it, and the dose calculator with these inputs one tap away
    view=View(
        inline=Inline("zoledronic-acid-dose", text("Zoledronic acid dose for this clearance", "按此清除率的唑来膦酸剂量")),
        links=(Link("zoledronic-acid-dose", text("Open the zoledronic acid dose", "打开唑来膦酸剂量计算")),)),
    decisions=(
        text(
            "Creatinine in µmol/L is converted to mg/dL by dividing by 88.4 before the equation is applied; "
            "the result is kept exact, so a clearance that is mathematically 40 mL/min stays 40.",
            "以 µmol/L 表示的肌酐先除以 88.4 换算为 mg/dL 再代入公式;计算全程保持精确,数学上等于 40 mL/min 的清除率不会因浮点误差偏离。",
        ),
        text(
            "Actual body weight is used; the zoledronic acid label does not say which weight to use. With actual "
            "body weight the equation overestimates clearance in obesity (Demirovic 2009); the result says so when "
            "it is implausibly high.",
            "使用实际体重;唑来膦酸说明书未规定使用何种体重。使用实际体重时,肥胖患者的清除率会被高估(Demirovic 2009);"
            "结果高得不可信时会予以提示。",
        ),
        text(
            f"A result outside {fmt(PLAUSIBLE_LOW)}–{fmt(PLAUSIBLE_HIGH)} mL/min, the range mmguide accepts as a "
            "creatinine clearance everywhere else, is given the category 'implausible' and told not to be dosed "
            "from; no source gives an upper bound, so the project uses its own input range.",
            f"结果超出 {fmt(PLAUSIBLE_LOW)}–{fmt(PLAUSIBLE_HIGH)} mL/min(mmguide 在其他各处接受的肌酐清除率范围)时,"
            "归为“不可信”,并提示不可据此给药;文献未给出上限,故本项目采用自身的输入范围。",
        ),
        text(
            "A clearance given beside a creatinine must be one an adult with that creatinine can have: by this "
            f"equation clearance × creatinine (mg/dL) is at most that of an {fmt(PAIR_YOUNGEST)}-year-old man of "
            f"{PAIR_HEAVIEST_KG} kg ({fmt(MAX_CLEARANCE_TIMES_CREATININE, 1)}); a larger pair is refused as a data-entry "
            f"error wherever both are given (a creatinine of 5 mg/dL allows at most {fmt(MAX_CLEARANCE_TIMES_CREATININE / 5, 1)} "
            "mL/min).",
            "与肌酐同时填写的清除率必须是具有该肌酐的成年人可能有的数值:按本公式,清除率 × 肌酐(mg/dL)最多等于 "
            f"{fmt(PAIR_YOUNGEST)} 岁、{PAIR_HEAVIEST_KG} kg 男性的乘积({fmt(MAX_CLEARANCE_TIMES_CREATININE, 1)});"
            "凡同时填写二者之处,更大的组合均作为录入错误被拒绝(肌酐 5 mg/dL 时清除率最多 "
            f"{fmt(MAX_CLEARANCE_TIMES_CREATININE / 5, 1)} mL/min)。",
        ),
    ),
)


# ---------------------------------------------------------------------------------------
# Composition: a calculator that needs a clearance also takes this calculator's four inputs.
#
#   CALCULATOR = Calculator(..., inputs=(*clearance_inputs(Input("crcl", ...)), ...),
#                           function=with_clearance(the_function))
#
# The reader gives either the clearance or age, weight, creatinine and sex; the clearance is
# then computed here, by the same function as this calculator's page, and the result says so
# (details["clearance"]). Both given and disagreeing is an error that says so.
# ---------------------------------------------------------------------------------------

CG_NAMES = tuple(i.name for i in CALCULATOR.inputs)  # age, weight, creatinine, sex
CREATININE_UNITS = tuple(u.symbol for u in ANALYTES["creatinine"].units)
# A bare number at or below this, typed as a clearance, is taken for a serum creatinine (mg/dL)
# and asked about instead of answered: creatinine in mg/dL is almost always below it, while every
# edge of the zoledronic acid table (the lowest 30 mL/min) is far above it, so a true clearance
# this low loses nothing by being typed again with its unit ("12 mL/min"). [DECISION]
CREATININE_LIKE_AT_MOST = 15


def pair_possible(crcl, creatinine) -> bool:
    """A clearance (Quantity) and a serum creatinine (Quantity) can belong to one adult: check_pair passes."""
    return crcl is None or creatinine is None or crcl.value <= MAX_CLEARANCE_TIMES_CREATININE / creatinine.to("mg/dL")


def check_pair(crcl, creatinine, field: str = "crcl") -> None:
    """Refuse a clearance (mL/min, or an eGFR for the renal myeloma-defining event) that no adult with this
    serum creatinine can have by Cockcroft–Gault (MAX_CLEARANCE_TIMES_CREATININE)."""
    if pair_possible(crcl, creatinine):
        return
    highest = MAX_CLEARANCE_TIMES_CREATININE / creatinine.to("mg/dL")
    most = fmt_beside(highest, 1, (crcl.value,))
    raise _error(
        f"{field}: a clearance of {crcl} and a serum creatinine of {creatinine} cannot belong to one adult: by "
        f"Cockcroft–Gault this creatinine gives at most about {most} mL/min (an 18-year-old man of "
        f"{PAIR_HEAVIEST_KG} kg). Check both values, their units and whether they were measured at the same time; "
        "give the creatinine with age, weight and sex to calculate the clearance.", field,
        f"清除率 {crcl} 与血清肌酐 {creatinine} 不可能属于同一成年人:按 Cockcroft–Gault 公式,该肌酐对应的清除率最多约 "
        f"{most} mL/min(18 岁、{PAIR_HEAVIEST_KG} kg 的男性)。请核对两个数值、单位及是否同时测定;"
        "可填写肌酐及年龄、体重和性别以计算清除率。")


# A clearance given together with the four inputs agrees with the computed one when the two
# differ by at most this (a clearance copied as a whole number) and give the same dose band.
AGREE_WITHIN = 1  # mL/min


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


def _error(message: str, field: str, zh: str) -> InputError:
    """An InputError with its Chinese text (``zh``: the message after the input's name)."""
    try:
        return InputError(message, field, zh=zh)
    except TypeError:  # an InputError without a Chinese text
        e = InputError(message, field)
        e.zh = zh
        return e


def _ask_creatinine(name: str, raw, unit_given: bool) -> InputError:
    shown = str(raw).strip() if isinstance(raw, str) else fmt(raw)
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
    """*crcl* (made optional) followed by this calculator's four inputs (optional too):
    the reader gives one or the other. *help*: {input name: help text} for a calculator that
    also uses one of the four for its own purpose (the plan uses the creatinine on its own)."""
    base = {k: getattr(crcl, k) for k in Input.__dataclass_fields__}
    base["required"] = False
    out = [ClearanceInput(**base)]
    for i in CALCULATOR.inputs:
        d = {k: getattr(i, k) for k in Input.__dataclass_fields__}
        d["required"] = False
        if help and i.name in help:
            d["help"] = help[i.name]
        out.append(Input(**d))
    return tuple(out)


def _sex_text(sex: str) -> dict:
    return text(sex, "女性" if sex == "female" else "男性")


def resolve_clearance(crcl=None, age=None, weight=None, creatinine=None, sex=None) -> tuple[Quantity, dict | None]:
    """The clearance to use, and (when computed here) what it was computed from.

    Raises InputError when neither is given, when the four inputs are incomplete, or when a
    clearance is given with the four inputs and the two disagree.
    """
    given = {"age": age, "weight": weight, "creatinine": creatinine, "sex": sex}
    have = [k for k, v in given.items() if v is not None]
    missing = [k for k in CG_NAMES if given[k] is None]
    if not have:
        if crcl is None:
            raise _error(
                "crcl: give the creatinine clearance (mL/min), or age, weight, creatinine and sex "
                "to calculate it (Cockcroft–Gault).", "crcl",
                "请填写肌酐清除率(mL/min),或填写年龄、体重、血清肌酐和性别以计算清除率(Cockcroft–Gault)。")
        return crcl, None
    if missing:
        labels = {i.name: i.label for i in CALCULATOR.inputs}
        raise _error(
            f"{missing[0]}: to calculate the clearance (Cockcroft–Gault) give age, weight, creatinine and sex; "
            f"missing: {', '.join(labels[m]['en'].lower() for m in missing)}"
            + ("." if crcl is None else "; or give the clearance alone."),
            missing[0],
            "计算清除率(Cockcroft–Gault)需要年龄、体重、血清肌酐和性别;缺少:"
            + "、".join(labels[m]["zh"] for m in missing) + ("。" if crcl is None else ";或只填写清除率。"))
    r = cockcroft_gault(age, weight, creatinine, sex)
    exact = F(r.details["exact"])
    shown = show_crcl(exact)
    if r.category == IMPLAUSIBLE:  # a typo, not a clearance: never dose from it
        lo, hi = fmt(PLAUSIBLE_LOW), fmt(PLAUSIBLE_HIGH)
        raise _error(
            f"creatinine: age, weight, creatinine and sex give a Cockcroft–Gault clearance of {shown} mL/min, "
            f"which is not a plausible clearance (mmguide accepts {lo}–{hi} mL/min); check the weight, the "
            "creatinine and their units.", "creatinine",
            f"由年龄、体重、血清肌酐和性别按 Cockcroft–Gault 公式算得的清除率为 {shown} mL/min,不是可信的清除率"
            f"(mmguide 接受 {lo}–{hi} mL/min);请核对体重、肌酐及其单位。")
    whole = fmt_beside(exact, 0, EDGES)
    if crcl is not None and (abs(crcl.value - exact) > AGREE_WITHIN or dose_for(crcl.value) != dose_for(exact)):
        raise _error(
            f"crcl: the clearance given ({fmt(crcl.value)} mL/min) disagrees with the one calculated from age, "
            f"weight, creatinine and sex ({shown} mL/min, Cockcroft–Gault); give one or the other.", "crcl",
            f"填写的清除率({fmt(crcl.value)} mL/min)与根据年龄、体重、血清肌酐和性别计算的清除率"
            f"({shown} mL/min,Cockcroft–Gault)不一致;请只填写其中一种。")
    kg = weight.to("kg")
    near = [e for e in EDGES if e != exact and abs(exact - e) < AGREE_WITHIN]
    note = text("", "")
    if near and F(whole) != exact:  # the whole number shown is not the one decided on: say so
        note = text(f" (exactly {shown}, the value decided on)", f"(精确值 {shown},据此判断)")
    source = {
        "value": float(exact), "exact": str(exact), "shown": shown, "whole": whole, "unit": "mL/min",
        "calculator": ID,
        "text": text(
            f"CrCl {whole} mL/min{note['en']} by Cockcroft–Gault from {fmt(age.value)} years, {fmt(kg)} kg, "
            f"creatinine {creatinine}, {sex}",
            f"肌酐清除率 {whole} mL/min{note['zh']},按 Cockcroft–Gault 公式由 {fmt(age.value)} 岁、{fmt(kg)} kg、"
            f"血清肌酐 {creatinine}、{_sex_text(sex)['zh']}计算"),
    }
    return Quantity(exact, "mL/min", "crcl"), source


def with_clearance(function, keeps_creatinine: bool = False):
    """Wrap a calculator function taking ``crcl`` so it also takes age, weight, creatinine and sex.

    keeps_creatinine: the function takes ``creatinine`` for a purpose of its own (the plan, for
    hypercalcaemia of malignancy): it is passed on, and a creatinine given with a clearance and
    without age, weight and sex is not a request to calculate the clearance.
    """

    return _WithClearance(function, keeps_creatinine)


class _WithClearance:
    """The calculator function of :func:`with_clearance`: a class, not a closure, so that it can
    carry the wrapped function's name and module (every runtime lets an instance have attributes;
    MicroPython's closures have none)."""

    def __init__(self, function, keeps_creatinine: bool):
        self.function, self.keeps_creatinine = function, keeps_creatinine
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
            q, source = resolve_clearance(crcl, age, weight, creatinine, sex)
        if self.keeps_creatinine:
            others["creatinine"] = creatinine
        result = self.function(crcl=q, **others)
        if source is not None:
            result.details["clearance"] = source
        return result
