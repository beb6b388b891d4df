"""Zoledronic acid dose by baseline creatinine clearance (Zometa label renal dose table)."""

from fractions import Fraction as F

from ..records import Band, Calculator, Category, Input, Output, Result, View, text
from ..numbers import write
from . import crcl_cockcroft_gault as cg

ID = "zoledronic-acid-dose"
REFERENCES = ("zometa_label", "zometa_smpc")

# The label's table (bands, edges, dose_for, show_crcl) lives in zoledronic_acid_bands, below this
# module and the Cockcroft–Gault calculator; its names are re-exported here.
from .zoledronic_acid_bands import (  # noqa: E402
    CLEARANCE, CRCL_PLACES, DOSE, DOSE_BANDS, EDGES, FULL_DOSE, FULL_DOSE_ABOVE, NOT_RECOMMENDED_BELOW, dose_for,
    show_crcl, show_dose,  # noqa: F401
)

# Denosumab, the alternative offered below 30 mL/min: hypocalcaemia risk is highest with
# CrCl < 30 mL/min and/or dialysis (xgeva2025label).
DENOSUMAB_HYPOCALCAEMIA_RISK_BELOW = F(30)
INFUSION_MINUTES = 15  # over no less than 15 minutes
INTERVAL = "every 3–4 weeks"
INTERVAL_ZH = "每 3–4 周"
def _bands():
    rows = [Band(text(f"CrCl > {write(FULL_DOSE_ABOVE)} mL/min", f"CrCl > {write(FULL_DOSE_ABOVE)} mL/min"),
                 text(f"{DOSE(FULL_DOSE)} mg", f"{DOSE(FULL_DOSE)} mg"), "dose")]
    upper = FULL_DOSE_ABOVE
    first = True
    for low, dose in DOSE_BANDS:
        cond = f"{write(low)} ≤ CrCl {'≤' if first else '<'} {write(upper)} mL/min"
        rows.append(Band(text(cond, cond), text(f"{DOSE(dose)} mg", f"{DOSE(dose)} mg"), "dose"))
        upper, first = low, False
    cond = f"CrCl < {write(NOT_RECOMMENDED_BELOW)} mL/min"
    rows.append(Band(text(cond, cond), text("Not recommended", "不推荐"), "not-recommended"))
    return tuple(rows)


def zoledronic_acid_dose(crcl) -> Result:
    c = crcl.value
    dose = dose_for(c)
    if dose is None:
        return Result(
            calculator=ID, value=None, unit=None, category="not-recommended",
            explanation=text(
                f"Creatinine clearance {CLEARANCE(c)} mL/min is below {write(NOT_RECOMMENDED_BELOW)} mL/min: "
                "zoledronic acid is not recommended (severe renal impairment). "
                "Consider denosumab, which is not cleared by the kidney; but its risk of hypocalcaemia is highest "
                f"with CrCl < {write(DENOSUMAB_HYPOCALCAEMIA_RISK_BELOW)} mL/min or dialysis (severe and fatal cases "
                "have been reported): correct low calcium before the first dose, give calcium, magnesium and "
                "vitamin D as needed, and monitor calcium.",
                f"肌酐清除率 {CLEARANCE(c)} mL/min,低于 {write(NOT_RECOMMENDED_BELOW)} mL/min:不推荐使用唑来膦酸(重度肾功能损害)。"
                "可考虑不经肾脏清除的地舒单抗;但肌酐清除率 < "
                f"{write(DENOSUMAB_HYPOCALCAEMIA_RISK_BELOW)} mL/min 或透析时其低钙血症风险最高(曾有严重及致死性病例报告):"
                "首剂前纠正低血钙,按需补充钙、镁和维生素 D,并监测血钙。",
            ),
            references=REFERENCES + ("xgeva2025label",),
            details={"crcl": float(c), "denosumab_hypocalcaemia_risk": "highest"},
            recommendations=("BP-4", "BP-6"),
        )
    reduced = dose != FULL_DOSE
    return Result(
        calculator=ID, value=float(dose), unit="mg", category="reduced-dose" if reduced else "full-dose",
        explanation=text(
            f"Creatinine clearance {CLEARANCE(c)} mL/min: zoledronic acid {DOSE(dose)} mg IV over no less than "
            f"{INFUSION_MINUTES} minutes, {INTERVAL}"
            + (" (reduced dose for renal impairment)." if reduced else ".")
            + " Measure serum creatinine before each dose.",
            f"肌酐清除率 {CLEARANCE(c)} mL/min:唑来膦酸 {DOSE(dose)} mg 静脉输注,时间不少于 {INFUSION_MINUTES} 分钟,"
            f"{INTERVAL_ZH}一次" + ("(肾功能损害时减量)。" if reduced else "。") + "每次给药前检测血清肌酐。",
        ),
        references=REFERENCES,
        details={"crcl": float(c), "infusion_minutes": INFUSION_MINUTES},
        recommendations=("BP-4",),
    )


CALCULATOR = Calculator(
    id=ID,
    title=text("Zoledronic acid dose by creatinine clearance", "按肌酐清除率确定唑来膦酸剂量"),
    function=cg.with_clearance(zoledronic_acid_dose),
    equation="Zometa label renal dose table",
    purpose=text(
        "Gives the labelled zoledronic acid dose for a Cockcroft–Gault creatinine clearance, "
        "or says it is not recommended.",
        "根据 Cockcroft–Gault 肌酐清除率给出说明书推荐的唑来膦酸剂量,或提示不推荐使用。",
    ),
    when_to_use=text(
        "Before starting zoledronic acid in multiple myeloma, with the baseline clearance.",
        "多发性骨髓瘤患者开始唑来膦酸治疗前,依据基线肌酐清除率使用。",
    ),
    # the clearance, or age, weight, creatinine and sex to calculate it (crcl_cockcroft_gault)
    inputs=cg.clearance_inputs(
        Input("crcl", text("Creatinine clearance (Cockcroft–Gault)", "肌酐清除率(Cockcroft–Gault)"),
              analyte="crcl",
              help=text("An eGFR in mL/min/1.73 m² is refused: the label's table uses Cockcroft–Gault clearance.",
                        "不接受以 mL/min/1.73 m² 表示的 eGFR:说明书剂量表使用 Cockcroft–Gault 清除率。"))),
    output=Output(text("Dose", "剂量"), unit="mg", categories=(
        Category("full-dose", text("Full dose", "全量"), "ok"),
        Category("reduced-dose", text("Reduced dose", "减量"), "caution"),
        Category("not-recommended", text("Not recommended", "不推荐"), "stop"),
    )),
    bands=_bands(),
    composes=(cg.C.composes(),),
    numbers={"crcl": CLEARANCE, "dose": DOSE},
    references=REFERENCES,
    recommendations=("BP-4", "BP-6"),
    view=View(states_clearance=True),  # the explanation names the clearance beside the dose
    decisions=(
        text(
            "The label's integer bands leave gaps (49–50, 39–40); a clearance in a gap takes the lower band's "
            "dose (49.5 mL/min → 3.3 mg). A clearance of exactly 60 takes 3.5 mg.",
            "说明书的整数分档之间存在空隙(49–50、39–40);落在空隙中的清除率按较低一档给药(49.5 mL/min → 3.3 mg)。清除率恰为 60 时给予 3.5 mg。",
        ),
        text(
            f"A clearance typed without a unit is asked about, never read as mL/min: at or below "
            f"{write(cg.CREATININE_LIKE_AT_MOST)} it may be a creatinine in mg/dL, above it a creatinine in µmol/L (whose "
            "plausible values cover every plausible clearance, as laboratories in China and Europe report it). A "
            "number passed by a program is in mL/min, as documented.",
            f"未带单位输入的清除率会被追问,绝不按 mL/min 理解:不高于 {write(cg.CREATININE_LIKE_AT_MOST)} 时可能是以 mg/dL "
            "表示的肌酐,高于该值时可能是以 µmol/L 表示的肌酐(中国和欧洲的实验室以此报告,其合理数值覆盖所有合理的清除率)。"
            "由程序传入的数字按说明以 mL/min 理解。",
        ),
    ),
)
