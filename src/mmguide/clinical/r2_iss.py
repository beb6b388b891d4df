"""Second revision of the International Staging System (R2-ISS, D'Agostino 2022)."""

from fractions import Fraction as F

from ..records import Band, Calculator, Category, Input, Output, Result, text, yes_no
from ..numbers import write
from .iss import ALBUMIN_INPUT, BETA2M_INPUT, iss_stage

ID = "r2-iss"
REFERENCES = ("dagostino2022r2iss", "greipp2005iss")

# D'Agostino, JCO 2022 (dagostino2022r2iss). t(14;16) is not part of the R2-ISS.
ISS_POINTS = {"I": F(0), "II": F(1), "III": F("1.5")}
FACTOR_POINTS = {"del17p": F(1), "ldh_high": F(1), "t_4_14": F(1), "gain_1q": F("0.5")}
FACTOR_LABELS = {
    "del17p": text("del(17p)", "del(17p)"), "ldh_high": text("high LDH", "LDH 升高"),
    "t_4_14": text("t(4;14)", "t(4;14)"), "gain_1q": text("1q+ (≥ 3 copies)", "1q 获得/扩增(≥ 3 拷贝)"),
}
# Groups by total score, each (lowest score, inclusive; group), highest first.
GROUPS = ((F(3), "IV"), (F("1.5"), "III"), (F("0.5"), "II"), (F(0), "I"))
STEP = F("0.5")  # every point value above is a multiple of 0.5
MAX_SCORE = ISS_POINTS["III"] + sum(FACTOR_POINTS.values())


def group_for(score: F) -> str:
    for low, group in GROUPS:
        if score >= low:
            return group
    raise AssertionError(score)  # pragma: no cover - scores are never negative


def r2_iss(beta2m, albumin, ldh_high, del17p, t_4_14, gain_1q) -> Result:
    iss = iss_stage(beta2m, albumin)
    # pairs, not a dict: the order they are named in must not depend on a runtime's dict order
    flags = (("del17p", del17p), ("ldh_high", ldh_high), ("t_4_14", t_4_14), ("gain_1q", gain_1q))
    score = ISS_POINTS[iss] + sum(FACTOR_POINTS[k] for k, v in flags if v)
    group = group_for(score)
    present = [k for k, v in flags if v]
    en_f = ", ".join(FACTOR_LABELS[k]["en"] for k in present) or "no other risk factor"
    zh_f = "、".join(FACTOR_LABELS[k]["zh"] for k in present) or "无其他危险因素"
    return Result(
        calculator=ID, value=float(score), unit="points", category=group,
        explanation=text(
            f"R2-ISS score {write(score)} (ISS {iss}: {write(ISS_POINTS[iss])}; {en_f}): group {group}.",
            f"R2-ISS 评分 {write(score)} 分(ISS {iss} 期:{write(ISS_POINTS[iss])} 分;{zh_f}):{group} 组。",
        ),
        references=REFERENCES, details={"iss": iss, "factors": present},
        recommendations=("TG-1", "TG-3"),
    )


def _bands():
    rows, upper = [], MAX_SCORE
    for low, group in GROUPS:
        cond = f"{write(low)} points" if low == upper else f"{write(low)}–{write(upper)} points"
        rows.append(Band(text(cond, cond.replace("points", "分")), text(f"Group {group}", f"{group} 组"), group))
        upper = low - STEP
    return tuple(reversed(rows))


def _group_text():
    return "; ".join(b.condition["en"].replace(" points", "") for b in _bands())


def _formula():
    items = [f"\\text{{ISS II}}: {write(ISS_POINTS['II'])}", f"\\text{{ISS III}}: {write(ISS_POINTS['III'])}"]
    names = {"del17p": "del(17p)", "ldh_high": "LDH > ULN", "t_4_14": "t(4;14)", "gain_1q": "1q+"}
    items += [f"\\text{{{names[k]}}}: {write(v)}" for k, v in FACTOR_POINTS.items()]
    return r"\text{score} = \sum \text{points};\ " + r",\ ".join(items)


_GROUP_TEXT = _group_text()

CALCULATOR = Calculator(
    id=ID,
    title=text("Second revision of the ISS (R2-ISS)", "第二次修订的国际分期系统(R2-ISS)"),
    function=r2_iss,
    equation="R2-ISS (D'Agostino 2022)",
    purpose=text("Scores the ISS stage, del(17p), LDH, t(4;14) and 1q gain into four risk groups.",
                 "将 ISS 分期、del(17p)、LDH、t(4;14) 和 1q 获得/扩增计分,分为四个风险组。"),
    when_to_use=text("At diagnosis, once iFISH results including 1q are available.",
                     "诊断时,获得包括 1q 在内的 iFISH 结果后。"),
    inputs=(
        BETA2M_INPUT, ALBUMIN_INPUT,
        yes_no("ldh_high", "LDH above the laboratory's upper limit of normal", "LDH 高于本实验室正常上限"),
        yes_no("del17p", "del(17p) by iFISH", "iFISH 检出 del(17p)"),
        yes_no("t_4_14", "t(4;14) by iFISH", "iFISH 检出 t(4;14)"),
        yes_no("gain_1q", "1q gain or amplification (≥ 3 copies) by iFISH", "iFISH 检出 1q 获得/扩增(≥ 3 拷贝)"),
    ),
    output=Output(text("R2-ISS score", "R2-ISS 评分"), unit="points", categories=tuple(
        Category(g, text(f"Group {g}", f"{g} 组")) for g in ("I", "II", "III", "IV"))),
    formula=_formula(),
    bands=_bands(),
    references=REFERENCES,
    recommendations=("TG-1", "TG-3"),
    decisions=(
        text(
            f"Scores move in steps of {write(STEP)}, so the published groups ({_GROUP_TEXT}) leave no gaps; each group "
            "is applied from its lowest score upwards. LDH is a yes/no against the laboratory's own upper limit.",
            f"评分以 {write(STEP)} 为步长,已发表的分组({_GROUP_TEXT})之间无空隙;各组自其最低分起算。LDH 以是否高于本实验室正常上限输入。",
        ),
    ),
)
