"""Creatinine clearance by the Cockcroft–Gault equation (1976).

The zoledronic acid label's renal dose table is keyed on this clearance, not on an eGFR.
"""

from fractions import Fraction as F

from .. import units as U
from ..records import Calculator, Category, Input, Output, Result, text
from ..units import fmt
from .zoledronic_acid_dose import show_crcl

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


# inputs shared with the other creatinine-based equation (egfr_ckd_epi_2021)
AGE_INPUT = Input("age", text("Age", "年龄"), analyte="age")
CREATININE_INPUT = Input("creatinine", text("Serum creatinine", "血清肌酐"), analyte="creatinine")
SEX_INPUT = Input("sex", text("Sex", "性别"), kind="sex")


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
               "(zoledronic-acid-renal-check)。该公式以肌酐稳定为前提:急性肾损伤期间的估算值不能反映持久的肾功能,"
               "待肌酐稳定后重新估算。")
    elif crcl > PLAUSIBLE_HIGH:
        en += (f"This is not a plausible clearance (mmguide accepts {lo}–{hi} mL/min): do not dose from it. Check the "
               "weight and the creatinine and their units, for example a misplaced decimal point. The equation "
               "divides by the creatinine, so a very low creatinine, as in frail patients with little muscle, gives a "
               "very high estimate; with actual body weight it also overestimates clearance in obesity.")
        zh += (f"这不是可信的清除率(mmguide 接受 {lo}–{hi} mL/min):不可据此给药。请核对体重、肌酐及其单位,"
               "例如小数点错位。公式以肌酐为除数,肌酐很低(如肌肉量少的虚弱患者)时估算值会很高;"
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
    inputs=(
        AGE_INPUT,
        Input("weight", text("Body weight (actual)", "体重(实际体重)"), analyte="weight"),
        CREATININE_INPUT,
        SEX_INPUT,
    ),
    output=Output(text("Creatinine clearance", "肌酐清除率"), unit="mL/min", categories=(
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
    ),
)
