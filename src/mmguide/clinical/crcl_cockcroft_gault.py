"""Creatinine clearance by the Cockcroft–Gault equation (1976).

The zoledronic acid label's renal dose table is keyed on this clearance, not on an eGFR. The equation
and the "a clearance or the four inputs it is computed from" machinery live in mmguide.clearance; their
names are importable from here too, bound to the zoledronic acid table (a clearance given beside the
four inputs must give the same dose as the one computed; a clearance is written as CLEARANCE writes it).
"""

from .. import clearance as C
from ..clearance import (  # noqa: F401  (names calculators and tests import from here)
    AGE_INPUT, AGE_OFFSET, AGREE_WITHIN, CREATININE_INPUT, CREATININE_LIKE_AT_MOST, CREATININE_UNITS, DENOMINATOR,
    FEMALE_FACTOR, MAX_CLEARANCE_TIMES_CREATININE, PAIR_HEAVIEST_KG, PAIR_YOUNGEST, PLAUSIBLE_HIGH, PLAUSIBLE_LOW,
    SEX_INPUT, WEIGHT_INPUT, ClearanceInput, check_pair, clearance, clearance_inputs, pair_possible,
)
from ..numbers import write
from ..records import Calculator, Category, Inline, Link, Output, Result, View, text
from ..unit_table import Quantity  # noqa: F401
from .zoledronic_acid_bands import CLEARANCE, CRCL_PLACES, EDGES, dose_for

ID = C.ID
REFERENCES = ("cockcroft1976", "zometa_label", "demirovic2009obese")
IMPLAUSIBLE = "implausible"
CG_NAMES = C.NAMES  # age, weight, creatinine, sex


def cockcroft_gault(age, weight, creatinine, sex) -> Result:
    scr = creatinine.to("mg/dL")
    kg = weight.to("kg")
    crcl = clearance(age, weight, creatinine, sex)
    v = CLEARANCE(crcl)  # 2 decimals, never rounded across a dose-band edge (29.99, not 30.00)
    plausible = C.plausible(crcl)
    en = (f"Estimated creatinine clearance (Cockcroft–Gault) is {v} mL/min, from age {write(age.value)}, "
          f"weight {write(kg, 1)} kg, serum creatinine {creatinine} and {sex} sex. ")
    zh = (f"按 Cockcroft–Gault 公式估算的肌酐清除率为 {v} mL/min(年龄 {write(age.value)} 岁,体重 {write(kg, 1)} kg,"
          f"血清肌酐 {creatinine},{'女性' if sex == 'female' else '男性'})。")
    lo, hi = write(PLAUSIBLE_LOW), write(PLAUSIBLE_HIGH)
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
    output=Output(text("Creatinine clearance", "肌酐清除率"), unit="mL/min", places=CRCL_PLACES, edges=CLEARANCE.edges, categories=(
        Category(IMPLAUSIBLE, text("Not a plausible clearance: check the inputs; do not dose from it",
                                   "不是可信的清除率:请核对输入;不可据此给药")),
    )),
    formula=(
        r"\mathrm{CrCl} = \frac{(" + write(AGE_OFFSET) + r" - \text{age}) \times \text{weight (kg)}}"
        r"{" + write(DENOMINATOR) + r" \times S_{Cr}\ (\text{mg/dL})} \times "
        + write(FEMALE_FACTOR) + r"\ [\text{if female}]"
    ),
    references=REFERENCES,
    recommendations=("BP-4",),
    # the dose for this clearance beside it, and the dose calculator with these inputs one tap away
    view=View(
        inline=Inline("zoledronic-acid-dose", text("Zoledronic acid dose for this clearance", "按此清除率的唑来膦酸剂量")),
        links=(Link("zoledronic-acid-dose", text("Open the zoledronic acid dose", "打开唑来膦酸剂量计算")),)),
    numbers={"crcl": CLEARANCE},
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
            f"A result outside {write(PLAUSIBLE_LOW)}–{write(PLAUSIBLE_HIGH)} mL/min, the range mmguide accepts as a "
            "creatinine clearance everywhere else, is given the category 'implausible' and told not to be dosed "
            "from; no source gives an upper bound, so the project uses its own input range.",
            f"结果超出 {write(PLAUSIBLE_LOW)}–{write(PLAUSIBLE_HIGH)} mL/min(mmguide 在其他各处接受的肌酐清除率范围)时,"
            "归为“不可信”,并提示不可据此给药;文献未给出上限,故本项目采用自身的输入范围。",
        ),
        text(
            "A clearance given beside a creatinine must be one an adult with that creatinine can have: by this "
            f"equation clearance × creatinine (mg/dL) is at most that of an {write(PAIR_YOUNGEST)}-year-old man of "
            f"{PAIR_HEAVIEST_KG} kg ({write(MAX_CLEARANCE_TIMES_CREATININE, 1)}); a larger pair is refused as a data-entry "
            f"error wherever both are given (a creatinine of 5 mg/dL allows at most {write(MAX_CLEARANCE_TIMES_CREATININE / 5, 1)} "
            "mL/min).",
            "与肌酐同时填写的清除率必须是具有该肌酐的成年人可能有的数值:按本公式,清除率 × 肌酐(mg/dL)最多等于 "
            f"{write(PAIR_YOUNGEST)} 岁、{PAIR_HEAVIEST_KG} kg 男性的乘积({write(MAX_CLEARANCE_TIMES_CREATININE, 1)});"
            "凡同时填写二者之处,更大的组合均作为录入错误被拒绝(肌酐 5 mg/dL 时清除率最多 "
            f"{write(MAX_CLEARANCE_TIMES_CREATININE / 5, 1)} mL/min)。",
        ),
    ),
)


# The composition, bound to the zoledronic acid table: a clearance given beside the four inputs must give
# the dose the computed one gives, and a computed clearance is written as CLEARANCE writes it.

def resolve_clearance(crcl=None, age=None, weight=None, creatinine=None, sex=None):
    """mmguide.clearance.resolve_clearance for the zoledronic acid table."""
    return C.resolve_clearance(crcl, age, weight, creatinine, sex, dose_for, CLEARANCE)


def with_clearance(function, keeps_creatinine: bool = False):
    """mmguide.clearance.with_clearance for the zoledronic acid table."""
    return C.with_clearance(function, keeps_creatinine, dose_for, CLEARANCE)
