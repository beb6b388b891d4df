"""International Staging System for multiple myeloma (Greipp 2005).

The single source of the ISS stage: R-ISS and R2-ISS call iss_stage() from here.
"""

from fractions import Fraction as F

from ..records import Band, Calculator, Category, Input, Output, Result, text
from ..numbers import write

ID = "iss"
REFERENCES = ("greipp2005iss",)

# Greipp, JCO 2005 (greipp2005iss). β2-microglobulin in mg/L (not g/dL, a known misprint).
STAGE_I_BETA2M_BELOW = F("3.5")  # mg/L, strictly below
STAGE_I_ALBUMIN_AT_LEAST = {"g/dL": F("3.5"), "g/L": F(35)}  # at or above
STAGE_III_BETA2M_AT_LEAST = F("5.5")  # mg/L
MEDIAN_OS_MONTHS = {"I": 62, "II": 44, "III": 29}  # Greipp 2005

STAGES = ("I", "II", "III")


def iss_stage(beta2m, albumin) -> str:
    """The ISS stage ("I", "II" or "III"); albumin compared in the unit measured."""
    b = beta2m.to("mg/L")
    if b >= STAGE_III_BETA2M_AT_LEAST:
        return "III"
    if b < STAGE_I_BETA2M_BELOW and albumin.value >= STAGE_I_ALBUMIN_AT_LEAST[albumin.unit]:
        return "I"
    return "II"


def iss(beta2m, albumin) -> Result:
    stage = iss_stage(beta2m, albumin)
    os_ = MEDIAN_OS_MONTHS[stage]
    return Result(
        calculator=ID, value=None, unit=None, category=stage,
        explanation=text(
            f"ISS stage {stage} (β2-microglobulin {beta2m}, albumin {albumin}). Median overall survival in the "
            f"derivation cohort was {os_} months.",
            f"ISS 分期 {stage} 期(β2 微球蛋白 {beta2m},白蛋白 {albumin})。建模队列中位总生存期为 {os_} 个月。",
        ),
        references=REFERENCES, details={"median_os_months": os_}, recommendations=("TG-1", "TG-3"),
    )


def _bands():
    b1, b3 = write(STAGE_I_BETA2M_BELOW), write(STAGE_III_BETA2M_AT_LEAST)
    a = STAGE_I_ALBUMIN_AT_LEAST
    alb = f"{write(a['g/dL'])} g/dL ({write(a['g/L'])} g/L)"
    return (
        Band(text(f"β2M < {b1} mg/L and albumin ≥ {alb}", f"β2M < {b1} mg/L 且白蛋白 ≥ {alb}"),
             text(f"Stage I (median OS {MEDIAN_OS_MONTHS['I']} months)", f"I 期(中位总生存 {MEDIAN_OS_MONTHS['I']} 个月)"),
             "I"),
        Band(text("neither stage I nor stage III", "既非 I 期也非 III 期"),
             text(f"Stage II (median OS {MEDIAN_OS_MONTHS['II']} months)",
                  f"II 期(中位总生存 {MEDIAN_OS_MONTHS['II']} 个月)"), "II"),
        Band(text(f"β2M ≥ {b3} mg/L", f"β2M ≥ {b3} mg/L"),
             text(f"Stage III (median OS {MEDIAN_OS_MONTHS['III']} months)",
                  f"III 期(中位总生存 {MEDIAN_OS_MONTHS['III']} 个月)"), "III"),
    )


BETA2M_INPUT = Input(
    "beta2m", text("Serum β2-microglobulin", "血清 β2 微球蛋白"), analyte="beta2m",
    help=text("In mg/L; µg/mL is the same value (1 µg/mL = 1 mg/L) and is accepted. Some references misprint the "
              "unit as g/dL; such a value is refused.",
              "单位为 mg/L;µg/mL 数值相同(1 µg/mL = 1 mg/L),亦可接受。部分资料误印为 g/dL;此类输入将被拒绝。"),
)
ALBUMIN_INPUT = Input("albumin", text("Serum albumin", "血清白蛋白"), analyte="albumin")

CALCULATOR = Calculator(
    id=ID,
    title=text("International Staging System (ISS)", "国际分期系统(ISS)"),
    function=iss,
    equation="ISS (Greipp 2005)",
    purpose=text("Stages multiple myeloma from serum β2-microglobulin and albumin.",
                 "根据血清 β2 微球蛋白和白蛋白对多发性骨髓瘤进行分期。"),
    when_to_use=text("At diagnosis, before treatment.", "诊断时、治疗前。"),
    inputs=(BETA2M_INPUT, ALBUMIN_INPUT),
    output=Output(text("ISS stage", "ISS 分期"), categories=tuple(
        Category(s, text(f"Stage {s}", f"{s} 期")) for s in STAGES)),
    bands=_bands(),
    references=REFERENCES,
    recommendations=("TG-1", "TG-3"),
    decisions=(
        text(
            "Albumin is compared in the unit given: "
            f"{write(STAGE_I_ALBUMIN_AT_LEAST['g/dL'])} g/dL or {write(STAGE_I_ALBUMIN_AT_LEAST['g/L'])} g/L (the same "
            "value). β2-microglobulin is accepted in mg/L or in µg/mL, the same value.",
            f"白蛋白按输入单位比较:{write(STAGE_I_ALBUMIN_AT_LEAST['g/dL'])} g/dL 或 "
            f"{write(STAGE_I_ALBUMIN_AT_LEAST['g/L'])} g/L(数值等同)。β2 微球蛋白接受 mg/L 或数值相同的 µg/mL。",
        ),
    ),
)
