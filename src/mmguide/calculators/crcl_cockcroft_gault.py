"""Creatinine clearance by the Cockcroft–Gault equation (1976).

The zoledronic acid label's renal dose table is keyed on this clearance, not on an eGFR.
"""

from fractions import Fraction as F

from ..records import Calculator, Category, Input, Output, Result, text
from ..units import fmt
from .zoledronic_acid_dose import show_crcl

ID = "crcl-cockcroft-gault"
REFERENCES = ("cockcroft1976", "zometa_label")

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
    return Result(
        calculator=ID,
        value=float(crcl),
        unit="mL/min",
        category=None,
        explanation=text(
            f"Estimated creatinine clearance (Cockcroft–Gault) is {v} mL/min, from age {fmt(age.value)}, "
            f"weight {fmt(kg, 1)} kg, serum creatinine {creatinine} and {sex} sex. "
            "Use this clearance, not an eGFR, for the zoledronic acid dose table.",
            f"按 Cockcroft–Gault 公式估算的肌酐清除率为 {v} mL/min(年龄 {fmt(age.value)} 岁,体重 {fmt(kg, 1)} kg,"
            f"血清肌酐 {creatinine},{'女性' if sex == 'female' else '男性'})。"
            "唑来膦酸的肾功能剂量表应使用此清除率,而非 eGFR。",
        ),
        references=REFERENCES,
        details={"creatinine_mg_dl": float(scr), "weight_kg": float(kg), "exact": str(crcl)},
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
        "Before the first and every later dose of zoledronic acid, whose label sets the dose by this "
        "clearance; and for the renal criterion of the myeloma-defining events.",
        "唑来膦酸首剂及每次给药前(其说明书按此清除率确定剂量);也用于骨髓瘤定义事件中的肾功能标准。",
    ),
    inputs=(
        AGE_INPUT,
        Input("weight", text("Body weight (actual)", "体重(实际体重)"), analyte="weight"),
        CREATININE_INPUT,
        SEX_INPUT,
    ),
    output=Output(text("Creatinine clearance", "肌酐清除率"), unit="mL/min"),
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
            "Actual body weight is used; the zoledronic acid label does not say which weight to use.",
            "使用实际体重;唑来膦酸说明书未规定使用何种体重。",
        ),
    ),
)
