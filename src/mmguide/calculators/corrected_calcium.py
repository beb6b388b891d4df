"""Albumin-corrected serum calcium, with the CRAB and Zometa hypercalcaemia thresholds.

The correction is applied in the unit the calcium was measured in, and the result is compared
with the threshold written in that unit (11 mg/dL is 2.7445 mmol/L, not 2.75).
"""

from fractions import Fraction as F

from ..records import Band, Calculator, Category, Input, Output, Result, text
from ..errors import InputError
from ..units import fmt, fmt_beside
from .myeloma_defining_events import CALCIUM_ABOVE, CALCIUM_ABOVE_ULN_BY

ID = "corrected-calcium"
REFERENCES = ("payne1973calcium", "zometa_label", "rajkumar2014imwg")

# Conventional-unit form (Zometa label, fact sheet §8): cCa = Ca + 0.8 × (4.0 − albumin g/dL).
MG_DL_SLOPE = F("0.8")
MG_DL_REFERENCE_ALBUMIN = F("4.0")  # g/dL
# SI form (Payne 1973 as widely quoted, fact sheet §8): cCa = Ca + 0.02 × (40 − albumin g/L).
SI_SLOPE = F("0.02")
SI_REFERENCE_ALBUMIN = F(40)  # g/L

# CRAB hypercalcaemia, absolute criterion (Rajkumar 2014, fact sheet §4): strictly above.
# Single source: the myeloma-defining-events module.
CRAB_ABOVE = CALCIUM_ABOVE
# Zometa definition of hypercalcaemia of malignancy (fact sheet §8): at or above.
HCM_AT_LEAST = {"mmol/L": F("3.0"), "mg/dL": F(12)}

# Low calcium: below the laboratory's own lower limit of normal, given as an optional input
# (no fixed cut-off is used: the limit is the laboratory's, as for the LDH of R-ISS).
LOW = "below-lower-limit"

CATEGORIES = (
    Category("hypercalcaemia-of-malignancy", text(
        "Hypercalcaemia of malignancy (Zometa definition); also CRAB hypercalcaemia",
        "恶性肿瘤高钙血症(唑来膦酸说明书定义),同时符合 CRAB 高钙血症")),
    Category("crab-hypercalcaemia", text("CRAB hypercalcaemia", "CRAB 高钙血症")),
    Category("no-crab-hypercalcaemia", text(
        "Not hypercalcaemic by the absolute CRAB threshold", "未达 CRAB 高钙血症绝对阈值")),
    Category(LOW, text(
        "Below the laboratory's lower limit (low calcium)", "低于实验室参考下限(低钙)")),
)


def category_for(value: F, unit: str, lln: F | None = None) -> str:
    """The band of a corrected calcium, compared in its own unit (*lln* already in that unit)."""
    if value >= HCM_AT_LEAST[unit]:
        return "hypercalcaemia-of-malignancy"
    if value > CRAB_ABOVE[unit]:
        return "crab-hypercalcaemia"
    if lln is not None and value < lln:
        return LOW
    return "no-crab-hypercalcaemia"


def corrected(calcium, albumin) -> F:
    """The corrected calcium in the calcium's own unit (exact)."""
    if calcium.unit == "mg/dL":
        return calcium.value + MG_DL_SLOPE * (MG_DL_REFERENCE_ALBUMIN - albumin.to("g/dL"))
    return calcium.value + SI_SLOPE * (SI_REFERENCE_ALBUMIN - albumin.to("g/L"))


_MEANING = {
    "hypercalcaemia-of-malignancy": text(
        "meets the Zometa definition of hypercalcaemia of malignancy and the CRAB hypercalcaemia criterion",
        "符合唑来膦酸说明书的恶性肿瘤高钙血症定义及 CRAB 高钙血症标准"),
    "crab-hypercalcaemia": text(
        "meets the absolute CRAB hypercalcaemia criterion (a myeloma-defining event)",
        "符合 CRAB 高钙血症绝对标准(骨髓瘤定义事件)"),
    "no-crab-hypercalcaemia": text(
        "does not exceed the absolute CRAB threshold; the other criterion (more than "
        f"{fmt(CALCIUM_ABOVE_ULN_BY['mmol/L'])} mmol/L or {fmt(CALCIUM_ABOVE_ULN_BY['mg/dL'])} mg/dL above "
        "the laboratory's upper limit) is assessed by myeloma-defining-events",
        "未超过 CRAB 绝对阈值;另一标准(高于实验室正常上限 "
        f"{fmt(CALCIUM_ABOVE_ULN_BY['mmol/L'])} mmol/L 或 {fmt(CALCIUM_ABOVE_ULN_BY['mg/dL'])} mg/dL 以上)"
        "请用骨髓瘤定义事件计算器评估"),
    LOW: text(
        "is below the laboratory's lower limit of normal (low calcium): correct it before a bone-targeted "
        "agent is started, and check that a total calcium, not an ionised calcium, was entered (the albumin "
        "correction applies to total calcium only)",
        "低于实验室参考下限(低钙):开始骨靶向药物前应予纠正;并请核实输入的是血清总钙而非离子钙(白蛋白校正仅适用于总钙)"),
}


def corrected_calcium(calcium, albumin, calcium_lln=None) -> Result:
    unit = calcium.unit
    cca = corrected(calcium, albumin)
    lln = None if calcium_lln is None else calcium_lln.to(unit)
    if lln is not None and lln > CRAB_ABOVE[unit]:
        raise InputError(
            f"calcium_lln: {calcium_lln} is above the CRAB hypercalcaemia threshold {fmt(CRAB_ABOVE[unit])} {unit}; "
            "a lower limit of normal cannot be that high. Was the upper limit entered?", "calcium_lln")
    cat = category_for(cca, unit, lln)
    places = 2
    # shown to 2 decimals, never across a threshold it is compared with (2.7504 is not "2.75")
    edges = (CRAB_ABOVE[unit], HCM_AT_LEAST[unit]) + (() if lln is None else (lln,))
    v = fmt_beside(cca, places, edges)
    limit_en = limit_zh = ""
    if cat == LOW:
        limit_en = f", laboratory lower limit {calcium_lln}"
        limit_zh = f",实验室参考下限 {calcium_lln}"
    return Result(
        calculator=ID,
        value=float(cca),
        unit=unit,
        category=cat,
        explanation=text(
            f"Albumin-corrected calcium is {v} {unit} (measured calcium {calcium}, albumin {albumin}{limit_en}): it "
            + _MEANING[cat]["en"] + ".",
            f"白蛋白校正钙为 {v} {unit}(实测血钙 {calcium},白蛋白 {albumin}{limit_zh}):" + _MEANING[cat]["zh"] + "。",
        ),
        references=REFERENCES,
        details={"exact": str(cca), "crab_above": float(CRAB_ABOVE[unit]), "hcm_at_least": float(HCM_AT_LEAST[unit]),
                 "below_lower_limit": None if lln is None else cca < lln},
        recommendations=("TG-3", "BP-6"),
    )


def _bands():
    rows = []
    for unit in ("mmol/L", "mg/dL"):
        hcm, crab = fmt(HCM_AT_LEAST[unit]), fmt(CRAB_ABOVE[unit])
        rows += [
            Band(text(f"cCa ≥ {hcm} {unit}", f"校正钙 ≥ {hcm} {unit}"),
                 _MEANING["hypercalcaemia-of-malignancy"], "hypercalcaemia-of-malignancy"),
            Band(text(f"{crab} < cCa < {hcm} {unit}", f"{crab} < 校正钙 < {hcm} {unit}"),
                 _MEANING["crab-hypercalcaemia"], "crab-hypercalcaemia"),
            Band(text(f"cCa ≤ {crab} {unit}", f"校正钙 ≤ {crab} {unit}"),
                 _MEANING["no-crab-hypercalcaemia"], "no-crab-hypercalcaemia"),
        ]
    rows.append(Band(text("cCa < the laboratory's lower limit (if given)", "校正钙 < 实验室参考下限(如提供)"),
                     _MEANING[LOW], LOW))
    return tuple(rows)


CALCULATOR = Calculator(
    id=ID,
    title=text("Albumin-corrected calcium", "白蛋白校正血钙"),
    function=corrected_calcium,
    equation="Albumin correction (Payne 1973; Zometa label form)",
    purpose=text(
        "Corrects total serum calcium for a low or high albumin and compares it with the CRAB and "
        "Zometa hypercalcaemia thresholds in the unit it was measured in; if the laboratory's lower limit is given, "
        "flags a low value.",
        "按白蛋白水平校正血清总钙,并在实测单位下与 CRAB 及唑来膦酸说明书的高钙血症阈值比较;如提供实验室参考下限,提示低钙。",
    ),
    when_to_use=text(
        "At diagnosis (the C of CRAB), before each bone-targeted dose, and whenever albumin is abnormal.",
        "诊断时(CRAB 中的 C)、每次骨靶向药物给药前,以及白蛋白异常时。",
    ),
    inputs=(
        Input("calcium", text("Serum total calcium", "血清总钙"), analyte="calcium",
              help=text("Total calcium, not ionised calcium: the albumin correction applies to total calcium only.",
                        "请输入血清总钙而非离子钙:白蛋白校正仅适用于总钙。")),
        Input("albumin", text("Serum albumin", "血清白蛋白"), analyte="albumin"),
        Input("calcium_lln", text("Laboratory lower limit of normal for calcium", "实验室血钙参考下限"),
              analyte="calcium", required=False,
              help=text("Optional: your laboratory's own lower reference limit, in either unit; a corrected calcium "
                        "below it is flagged as low.",
                        "可选:本实验室的血钙参考下限(任一单位);校正钙低于此值时提示低钙。")),
    ),
    output=Output(text("Corrected calcium, in the unit the calcium was given in", "校正钙(单位与输入的血钙相同)"), unit=None, categories=CATEGORIES),
    formula=(
        r"\mathrm{cCa}\ (\text{mg/dL}) = \mathrm{Ca} + " + fmt(MG_DL_SLOPE) + r" \times ("
        + fmt(MG_DL_REFERENCE_ALBUMIN, 1) + r" - \text{albumin (g/dL)});\quad "
        r"\mathrm{cCa}\ (\text{mmol/L}) = \mathrm{Ca} + " + fmt(SI_SLOPE) + r" \times ("
        + fmt(SI_REFERENCE_ALBUMIN) + r" - \text{albumin (g/L)})"
    ),
    bands=_bands(),
    references=REFERENCES,
    recommendations=("TG-3", "BP-6"),
    decisions=(
        text(
            "The correction is done in the calcium's unit (mg/dL form for mg/dL, SI form for mmol/L; the albumin is "
            "converted exactly to g/dL or g/L as needed), and the result is compared with the threshold written in "
            f"that unit: {fmt(CRAB_ABOVE['mg/dL'])} mg/dL and {fmt(CRAB_ABOVE['mmol/L'])} mmol/L are not converted "
            "into each other.",
            "校正在血钙的实测单位下进行(mg/dL 用常规单位公式,mmol/L 用国际单位公式;白蛋白按需精确换算为 g/dL 或 g/L),"
            f"结果与该单位下的阈值比较:{fmt(CRAB_ABOVE['mg/dL'])} mg/dL 与 {fmt(CRAB_ABOVE['mmol/L'])} mmol/L 不相互换算。",
        ),
        text(
            "CRAB hypercalcaemia uses the strict inequality (exactly "
            f"{fmt(CRAB_ABOVE['mmol/L'])} mmol/L or {fmt(CRAB_ABOVE['mg/dL'])} mg/dL is negative); the Zometa "
            "definition of hypercalcaemia of malignancy uses ≥.",
            f"CRAB 高钙血症采用严格大于(恰为 {fmt(CRAB_ABOVE['mmol/L'])} mmol/L 或 {fmt(CRAB_ABOVE['mg/dL'])} mg/dL 为阴性);"
            "唑来膦酸说明书的恶性肿瘤高钙血症定义采用 ≥。",
        ),
        text(
            "Low calcium is judged only against the laboratory's own lower limit, when one is given; the calculator "
            "uses no fixed low cut-off. A low result also asks whether an ionised calcium was entered by mistake.",
            "低钙仅在提供实验室参考下限时据此判断;本计算器不设固定的低钙界值。结果偏低时同时提示核实是否误输入了离子钙。",
        ),
        text(
            "The IMWG criteria say \"serum calcium\" without saying whether it is corrected; the project offers the "
            "corrected value, as most practice uses it.",
            "IMWG 标准仅称\u201c血清钙\u201d,未说明是否校正;本项目提供校正值,与多数临床实践一致。",
        ),
    ),
)
