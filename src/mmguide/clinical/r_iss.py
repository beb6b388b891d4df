"""Revised International Staging System (R-ISS, Palumbo 2015)."""

from ..records import Band, Calculator, Category, Output, Result, text, yes_no
from .iss import ALBUMIN_INPUT, BETA2M_INPUT, iss_stage

ID = "r-iss"
REFERENCES = ("palumbo2015riss", "greipp2005iss")

# Palumbo, JCO 2015 (palumbo2015riss): high-risk chromosomal abnormalities by iFISH.
HIGH_RISK_ABNORMALITIES = ("del17p", "t_4_14", "t_14_16")
HIGH_RISK_LABELS = {"del17p": "del(17p)", "t_4_14": "t(4;14)", "t_14_16": "t(14;16)"}
FIVE_YEAR_OS_PERCENT = {"I": 82, "II": 62, "III": 40}  # Palumbo 2015

STAGES = ("I", "II", "III")


def r_iss_stage(iss: str, high_risk_ca: bool, ldh_high: bool) -> str:
    if iss == "I" and not high_risk_ca and not ldh_high:
        return "I"
    if iss == "III" and (high_risk_ca or ldh_high):
        return "III"
    return "II"


def r_iss(beta2m, albumin, ldh_high, del17p, t_4_14, t_14_16) -> Result:
    iss = iss_stage(beta2m, albumin)
    flags = {"del17p": del17p, "t_4_14": t_4_14, "t_14_16": t_14_16}
    present = [HIGH_RISK_LABELS[k] for k in HIGH_RISK_ABNORMALITIES if flags[k]]
    stage = r_iss_stage(iss, bool(present), ldh_high)
    ca_en = ", ".join(present) if present else "standard-risk cytogenetics"
    ca_zh = "、".join(present) if present else "标危细胞遗传学"
    return Result(
        calculator=ID, value=None, unit=None, category=stage,
        explanation=text(
            f"R-ISS stage {stage}: ISS {iss}, {ca_en}, LDH {'above' if ldh_high else 'not above'} the upper limit of "
            f"normal. Five-year overall survival in the derivation cohort was {FIVE_YEAR_OS_PERCENT[stage]}%.",
            f"R-ISS 分期 {stage} 期:ISS {iss} 期,{ca_zh},LDH {'高于' if ldh_high else '未高于'}正常上限。"
            f"建模队列 5 年总生存率为 {FIVE_YEAR_OS_PERCENT[stage]}%。",
        ),
        references=REFERENCES, details={"iss": iss, "high_risk_abnormalities": present},
        recommendations=("TG-1", "TG-3"),
    )


_HR = " / ".join(HIGH_RISK_LABELS[k] for k in HIGH_RISK_ABNORMALITIES)
_OS = FIVE_YEAR_OS_PERCENT


CALCULATOR = Calculator(
    id=ID,
    title=text("Revised International Staging System (R-ISS)", "修订的国际分期系统(R-ISS)"),
    function=r_iss,
    equation="R-ISS (Palumbo 2015)",
    purpose=text("Stages multiple myeloma from the ISS, high-risk cytogenetics by iFISH and LDH.",
                 "结合 ISS、iFISH 高危细胞遗传学异常和 LDH 对多发性骨髓瘤进行分期。"),
    when_to_use=text("At diagnosis, once iFISH results are available.", "诊断时,获得 iFISH 结果后。"),
    inputs=(
        BETA2M_INPUT, ALBUMIN_INPUT,
        yes_no("ldh_high", "LDH above the laboratory's upper limit of normal", "LDH 高于本实验室正常上限"),
        yes_no("del17p", "del(17p) by iFISH", "iFISH 检出 del(17p)"),
        yes_no("t_4_14", "t(4;14) by iFISH", "iFISH 检出 t(4;14)"),
        yes_no("t_14_16", "t(14;16) by iFISH", "iFISH 检出 t(14;16)"),
    ),
    output=Output(text("R-ISS stage", "R-ISS 分期"), categories=tuple(
        Category(s, text(f"Stage {s}", f"{s} 期")) for s in STAGES)),
    bands=(
        Band(text("ISS I, no high-risk abnormality and LDH not high", "ISS I 期、无高危异常且 LDH 不高"),
             text(f"Stage I (5-year OS {_OS['I']}%)", f"I 期(5 年总生存 {_OS['I']}%)"), "I"),
        Band(text("neither stage I nor stage III", "既非 I 期也非 III 期"),
             text(f"Stage II (5-year OS {_OS['II']}%)", f"II 期(5 年总生存 {_OS['II']}%)"), "II"),
        Band(text(f"ISS III and ({_HR} or LDH high)", f"ISS III 期且({_HR} 或 LDH 升高)"),
             text(f"Stage III (5-year OS {_OS['III']}%)", f"III 期(5 年总生存 {_OS['III']}%)"), "III"),
    ),
    references=REFERENCES,
    recommendations=("TG-1", "TG-3"),
    decisions=(
        text(
            "LDH is given as a yes/no against the laboratory's own upper limit of normal, never compared with a fixed "
            "number. The cytogenetic findings are required: an unknown result is not treated as absent.",
            "LDH 以是否高于本实验室正常上限(是/否)输入,不与固定数值比较。细胞遗传学结果为必填项:未知结果不视为阴性。",
        ),
    ),
)
