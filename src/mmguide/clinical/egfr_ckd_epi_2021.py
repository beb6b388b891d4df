"""Estimated GFR by the race-free CKD-EPI 2021 creatinine equation (Inker 2021).

An eGFR is indexed to 1.73 m² body surface area. It is not a creatinine clearance and is not
interchangeable with the Cockcroft–Gault clearance of the zoledronic acid dose table.
"""

from fractions import Fraction as F

from ..records import Calculator, Output, Result, text
from ..numbers import Scale, write
from .crcl_cockcroft_gault import AGE_INPUT, CREATININE_INPUT, SEX_INPUT
from .myeloma_defining_events import CRCL_BELOW

ID = "egfr-ckd-epi-2021"
REFERENCES = ("inker2021ckdepi",)

# Coefficients of the 2021 equation (inker2021ckdepi; kidney.org formula page).
COEFFICIENT = 142
AGE_BASE = F("0.9938")  # 0.9938^age (not 0.993, a known mistake elsewhere)
FEMALE_FACTOR = F("1.012")
KAPPA = {"female": F("0.7"), "male": F("0.9")}  # mg/dL
ALPHA = {"female": F("-0.241"), "male": F("-0.302")}
UPPER_EXPONENT = F("-1.200")  # exponent of max(SCr/κ, 1)
# Shown as a whole number; the renal myeloma-defining event compares a clearance or an eGFR with 40
# (myeloma_defining_events), so 39.6 is shown as 39, never 40.
PLACES = 0
EDGES = (CRCL_BELOW,)
# how an eGFR is written: whole numbers, never rounded onto or across the renal myeloma-defining event's 40
EGFR = Scale(PLACES, EDGES)


def ckd_epi_2021(age, creatinine, sex) -> Result:
    # The unit conversion is exact; the exponents are irrational, so the equation itself is
    # evaluated in floating point. No band edge depends on this value.
    scr = creatinine.to("mg/dL")
    ratio = scr / KAPPA[sex]
    egfr = (
        COEFFICIENT
        * float(min(ratio, F(1))) ** float(ALPHA[sex])
        * float(max(ratio, F(1))) ** float(UPPER_EXPONENT)
        * float(AGE_BASE) ** float(age.value)
    )
    if sex == "female":
        egfr *= float(FEMALE_FACTOR)
    # a whole number, as laboratories report an eGFR, never rounded onto the renal myeloma-defining limit
    v = EGFR(F(egfr))
    return Result(
        calculator=ID,
        value=egfr,
        unit="mL/min/1.73 m²",
        category=None,
        explanation=text(
            f"Estimated GFR (CKD-EPI 2021, race-free) is {v} mL/min/1.73 m², from age {write(age.value)}, "
            f"serum creatinine {creatinine} and {sex} sex. This is an eGFR indexed to body surface area, "
            "not a creatinine clearance: do not use it in the zoledronic acid dose table.",
            f"按 CKD-EPI 2021(不含种族系数)公式估算的肾小球滤过率为 {v} mL/min/1.73 m²(年龄 {write(age.value)} 岁,"
            f"血清肌酐 {creatinine},{'女性' if sex == 'female' else '男性'})。"
            "此为按体表面积标化的 eGFR,并非肌酐清除率,不可用于唑来膦酸剂量表。",
        ),
        references=REFERENCES,
        details={"creatinine_mg_dl": float(scr), "kappa": float(KAPPA[sex]), "alpha": float(ALPHA[sex])},
        recommendations=("TG-1",),
        exact=F(egfr),
    )


CALCULATOR = Calculator(
    id=ID,
    title=text("Estimated GFR (CKD-EPI 2021)", "估算肾小球滤过率(CKD-EPI 2021 公式)"),
    function=ckd_epi_2021,
    equation="CKD-EPI 2021 creatinine (race-free)",
    purpose=text(
        "Estimates the glomerular filtration rate in mL/min/1.73 m² from serum creatinine, age and sex.",
        "根据血清肌酐、年龄和性别估算肾小球滤过率(mL/min/1.73 m²)。",
    ),
    when_to_use=text(
        "To stage kidney function at diagnosis and during treatment. For the zoledronic acid dose use the "
        "Cockcroft–Gault clearance instead.",
        "用于诊断时及治疗期间评估肾功能。唑来膦酸剂量应改用 Cockcroft–Gault 清除率。",
    ),
    inputs=(
        AGE_INPUT,
        CREATININE_INPUT,
        SEX_INPUT,
    ),
    output=Output(text("eGFR", "eGFR"), unit="mL/min/1.73 m²", places=PLACES, edges=EDGES),
    formula=(
        r"\mathrm{eGFR} = " + write(COEFFICIENT)
        + r" \times \min(S_{Cr}/\kappa, 1)^{\alpha} \times \max(S_{Cr}/\kappa, 1)^{"
        + write(UPPER_EXPONENT, 3) + r"} \times " + write(AGE_BASE) + r"^{\text{age}} \times "
        + write(FEMALE_FACTOR) + r"\ [\text{if female}];\ "
        + r"\kappa = " + write(KAPPA["female"]) + r"\ (\text{female}),\ " + write(KAPPA["male"]) + r"\ (\text{male});\ "
        + r"\alpha = " + write(ALPHA["female"]) + r"\ (\text{female}),\ " + write(ALPHA["male"]) + r"\ (\text{male})"
    ),
    numbers={"egfr": EGFR},
    references=REFERENCES,
    recommendations=("TG-1",),
    decisions=(
        text(
            "Creatinine in µmol/L is converted exactly to mg/dL (÷ 88.4) before the equation; the equation "
            "itself, having irrational exponents, is evaluated in floating point. No threshold of this package "
            "is applied to the eGFR, so no band edge can be moved by rounding.",
            "以 µmol/L 表示的肌酐先精确换算为 mg/dL(÷ 88.4);公式含无理数指数,按浮点数计算。本软件包不对 eGFR 设置任何阈值,"
            "因此舍入误差不会改变分档。",
        ),
    ),
)
