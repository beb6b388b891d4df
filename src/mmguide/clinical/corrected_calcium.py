"""Albumin-corrected serum calcium, with the CRAB and Zometa hypercalcaemia thresholds and the
CTCAE grades of hypo- and hypercalcaemia.

The correction is applied in the unit the calcium was measured in, and the result is compared
with the threshold written in that unit (11 mg/dL is 2.7445 mmol/L, not 2.75).
"""

from fractions import Fraction as F

from ..records import Band, Calculator, Category, Input, Link, Output, Result, View, text
from ..errors import InputError
from ..numbers import Scale, write
from .myeloma_defining_events import CALCIUM_ABOVE, CALCIUM_ABOVE_ULN_BY

ID = "corrected-calcium"
REFERENCES = ("payne1973calcium", "zometa_label", "rajkumar2014imwg", "nci2017ctcae")

# Conventional-unit form (zometa_label): cCa = Ca + 0.8 × (4.0 − albumin g/dL).
MG_DL_SLOPE = F("0.8")
MG_DL_REFERENCE_ALBUMIN = F("4.0")  # g/dL
# SI form (payne1973calcium, as widely quoted): cCa = Ca + 0.02 × (40 − albumin g/L).
SI_SLOPE = F("0.02")
SI_REFERENCE_ALBUMIN = F(40)  # g/L

# CRAB hypercalcaemia, absolute criterion (rajkumar2014imwg): strictly above.
# Single source: the myeloma-defining-events module.
CRAB_ABOVE = CALCIUM_ABOVE
# Zometa definition of hypercalcaemia of malignancy (zometa_label): at or above.
HCM_AT_LEAST = {"mmol/L": F("3.0"), "mg/dL": F(12)}

# NCI CTCAE v5.0 grades of corrected serum calcium (nci2017ctcae; the v4.03 table, unchanged
# in v5.0), each written in both units and compared in the unit measured, never converted:
#   hypocalcaemia  grade 1 < LLN to 2.0 mmol/L (8.0 mg/dL); grade 2 < 2.0 (8.0); grade 3 < 1.75 (7.0);
#                  grade 4 < 1.5 (6.0)
#   hypercalcaemia grade 1 > ULN to 2.9 mmol/L (11.5 mg/dL); grade 2 > 2.9 (11.5); grade 3 > 3.1 (12.5);
#                  grade 4 > 3.4 (13.5)
# A corrected calcium below the grade 2 floor is hypocalcaemia whatever the laboratory's limits.
HYPO_GRADE_BELOW = {  # grade: strictly below this value
    2: {"mmol/L": F("2.0"), "mg/dL": F("8.0")},
    3: {"mmol/L": F("1.75"), "mg/dL": F("7.0")},
    4: {"mmol/L": F("1.5"), "mg/dL": F("6.0")},
}
HYPER_GRADE_ABOVE = {  # grade: strictly above this value
    2: {"mmol/L": F("2.9"), "mg/dL": F("11.5")},
    3: {"mmol/L": F("3.1"), "mg/dL": F("12.5")},
    4: {"mmol/L": F("3.4"), "mg/dL": F("13.5")},
}
HYPOCALCAEMIA_BELOW = HYPO_GRADE_BELOW[2]  # the floor used when no laboratory limit is given

# Low calcium: below the laboratory's own lower limit of normal (an optional input), or in any
# case below the CTCAE grade 2 floor.
LOW = "below-lower-limit"
HYPO = "hypocalcaemia"

CATEGORIES = (
    Category("hypercalcaemia-of-malignancy", text(
        "Hypercalcaemia of malignancy (Zometa definition); also CRAB hypercalcaemia",
        "恶性肿瘤相关高钙血症(唑来膦酸说明书定义),同时符合 CRAB 高钙血症"), "stop"),
    Category("crab-hypercalcaemia", text("CRAB hypercalcaemia", "CRAB 高钙血症"), "stop"),
    Category("no-crab-hypercalcaemia", text(
        "Not hypercalcaemic by the absolute CRAB threshold", "未达 CRAB 高钙血症绝对阈值"), "ok"),
    Category(LOW, text(
        "Below the laboratory's lower limit (low calcium)", "低于实验室正常下限(低钙)"), "caution"),
    Category(HYPO, text(
        f"Hypocalcaemia: below {write(HYPOCALCAEMIA_BELOW['mmol/L'], 1)} mmol/L ({write(HYPOCALCAEMIA_BELOW['mg/dL'], 1)} mg/dL), "
        "CTCAE grade 2 or worse, whatever the laboratory's limits",
        f"低钙血症:低于 {write(HYPOCALCAEMIA_BELOW['mmol/L'], 1)} mmol/L({write(HYPOCALCAEMIA_BELOW['mg/dL'], 1)} mg/dL),"
        "CTCAE ≥ 2 级,与实验室参考范围无关")),
)


def ctcae_grade(value: F, unit: str, lln: F | None = None, uln: F | None = None) -> tuple[str | None, int | None]:
    """("hypocalcaemia" | "hypercalcaemia" | None, CTCAE grade 1–4 or None), in the unit measured.

    Grade 1 needs the laboratory's limit (hypo: below the LLN; hyper: above the ULN). Without an
    upper limit, a value above the CRAB threshold is taken as above any laboratory's ULN
    ([DECISION], see the record's decisions).
    """
    for g in (4, 3, 2):
        if value < HYPO_GRADE_BELOW[g][unit]:
            return "hypocalcaemia", g
    for g in (4, 3, 2):
        if value > HYPER_GRADE_ABOVE[g][unit]:
            return "hypercalcaemia", g
    if lln is not None and value < lln:
        return "hypocalcaemia", 1
    if (uln is not None and value > uln) or (uln is None and value > CRAB_ABOVE[unit]):
        return "hypercalcaemia", 1
    return None, None


def check_limits(unit: str, lln=None, uln=None, lln_name="calcium_lln", uln_name="calcium_uln"):
    """Refuse laboratory limits that cannot be what their names say (limits already in *unit*)."""
    if lln is not None and lln > CRAB_ABOVE[unit]:
        raise InputError(
            f"{lln_name}: {write(lln)} {unit} is above the CRAB hypercalcaemia threshold {write(CRAB_ABOVE[unit])} {unit}; "
            "a lower limit of normal cannot be that high. Was the upper limit entered?", lln_name,
            zh=f"{write(lln)} {unit} 高于 CRAB 高钙血症阈值 {write(CRAB_ABOVE[unit])} {unit}，正常下限不可能这么高；"
               "是否误填了正常上限？")
    if lln is not None and uln is not None and uln <= lln:
        raise InputError(
            f"{uln_name}: the upper limit {write(uln)} {unit} is not above the lower limit {write(lln)} {unit}; "
            "were the two limits swapped?", uln_name,
            zh=f"正常上限 {write(uln)} {unit} 不高于正常下限 {write(lln)} {unit}；两个界值是否填反了？")
    if uln is not None and uln < HYPOCALCAEMIA_BELOW[unit]:
        raise InputError(
            f"{uln_name}: {write(uln)} {unit} is below {write(HYPOCALCAEMIA_BELOW[unit])} {unit}, where CTCAE grades "
            "hypocalcaemia; an upper limit of normal cannot be that low. Was the lower limit entered?", uln_name,
            zh=f"{write(uln)} {unit} 低于 {write(HYPOCALCAEMIA_BELOW[unit])} {unit}（CTCAE 在此以下对低钙血症分级），"
               "正常上限不可能这么低；是否误填了正常下限？")


def category_for(value: F, unit: str, lln: F | None = None) -> str:
    """The band of a corrected calcium, compared in its own unit (*lln* already in that unit)."""
    if value >= HCM_AT_LEAST[unit]:
        return "hypercalcaemia-of-malignancy"
    if value > CRAB_ABOVE[unit]:
        return "crab-hypercalcaemia"
    if value < HYPOCALCAEMIA_BELOW[unit]:
        return HYPO
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
        "符合唑来膦酸说明书的恶性肿瘤相关高钙血症定义及 CRAB 高钙血症标准"),
    "crab-hypercalcaemia": text(
        "meets the absolute CRAB hypercalcaemia criterion (a myeloma-defining event)",
        "符合 CRAB 高钙血症绝对标准(骨髓瘤定义事件)"),
    "no-crab-hypercalcaemia": text(
        "does not exceed the absolute CRAB threshold; the other criterion (more than "
        f"{write(CALCIUM_ABOVE_ULN_BY['mmol/L'])} mmol/L or {write(CALCIUM_ABOVE_ULN_BY['mg/dL'])} mg/dL above "
        "the laboratory's upper limit) is assessed by myeloma-defining-events",
        "未超过 CRAB 绝对阈值;另一标准(比实验室正常上限高出 > "
        f"{write(CALCIUM_ABOVE_ULN_BY['mmol/L'])} mmol/L 或 > {write(CALCIUM_ABOVE_ULN_BY['mg/dL'])} mg/dL)"
        "请用骨髓瘤定义事件计算器评估"),
    LOW: text(
        "is below the laboratory's lower limit of normal (low calcium): correct it before a bone-targeted "
        "agent is started, and check that a total calcium, not an ionised calcium, was entered (the albumin "
        "correction applies to total calcium only)",
        "低于实验室正常下限(低钙):开始骨靶向药物前应予纠正;并请核实输入的是血清总钙而非离子钙(白蛋白校正仅适用于总钙)"),
    HYPO: text(
        f"is hypocalcaemia whatever the laboratory's limits (below {write(HYPOCALCAEMIA_BELOW['mmol/L'], 1)} mmol/L or "
        f"{write(HYPOCALCAEMIA_BELOW['mg/dL'], 1)} mg/dL, CTCAE grade 2 or worse): correct it before the first dose of any "
        "bone-targeted agent, and check that a total calcium, not an ionised calcium, was entered (the albumin "
        "correction applies to total calcium only)",
        f"无论实验室参考范围如何均属低钙血症(低于 {write(HYPOCALCAEMIA_BELOW['mmol/L'], 1)} mmol/L 或 "
        f"{write(HYPOCALCAEMIA_BELOW['mg/dL'], 1)} mg/dL,CTCAE ≥ 2 级):任何骨靶向药物首剂前均须纠正;"
        "并请核实输入的是血清总钙而非离子钙(白蛋白校正仅适用于总钙)"),
}

GRADE_WORDS = {"hypocalcaemia": text("hypocalcaemia", "低钙血症"),
               "hypercalcaemia": text("hypercalcaemia", "高钙血症")}


# How a corrected calcium is written, in each unit: 2 decimals, never rounded onto or across a limit it is
# compared with (CRAB, hypercalcaemia of malignancy, the CTCAE grades); a result adds the laboratory's own.
CALCIUM = {
    u: Scale(2, (CRAB_ABOVE[u], HCM_AT_LEAST[u]) + tuple(v[u] for v in HYPO_GRADE_BELOW.values())
             + tuple(v[u] for v in HYPER_GRADE_ABOVE.values()))
    for u in ("mmol/L", "mg/dL")
}


def corrected_calcium(calcium, albumin, calcium_lln=None, calcium_uln=None) -> Result:
    unit = calcium.unit
    cca = corrected(calcium, albumin)
    lln = None if calcium_lln is None else calcium_lln.to(unit)
    uln = None if calcium_uln is None else calcium_uln.to(unit)
    check_limits(unit, lln, uln)
    cat = category_for(cca, unit, lln)
    kind, grade = ctcae_grade(cca, unit, lln, uln)
    # shown to 2 decimals, never across a threshold it is compared with (2.7504 is not "2.75"), the
    # laboratory's own limits included
    own = tuple(x for x in (lln, uln) if x is not None)
    edges = CALCIUM[unit].edges + own
    v = CALCIUM[unit](cca, own)
    limit_en = limit_zh = ""
    if cat == LOW:
        limit_en = f", laboratory lower limit {calcium_lln}"
        limit_zh = f",实验室正常下限 {calcium_lln}"
    grade_en = grade_zh = ""
    if grade is not None:
        grade_en = f" CTCAE grade {grade} {GRADE_WORDS[kind]['en']}."
        grade_zh = f"CTCAE {grade} 级{GRADE_WORDS[kind]['zh']}。"
        if kind == "hypercalcaemia" and grade == 1 and cat == "no-crab-hypercalcaemia":
            grade_en = (f" It is above the laboratory's upper limit {calcium_uln}: CTCAE grade 1 hypercalcaemia; give no "
                        "calcium supplements while it is high.")
            grade_zh = f"高于实验室正常上限 {calcium_uln}:CTCAE 1 级高钙血症;血钙升高期间不补充钙剂。"
    return Result(
        calculator=ID,
        value=float(cca),
        unit=unit,
        category=cat,
        explanation=text(
            f"Albumin-corrected calcium is {v} {unit} (measured calcium {calcium}, albumin {albumin}{limit_en}): it "
            + _MEANING[cat]["en"] + "." + grade_en,
            f"白蛋白校正血钙为 {v} {unit}(实测血钙 {calcium},白蛋白 {albumin}{limit_zh}):" + _MEANING[cat]["zh"] + "。"
            + grade_zh,
        ),
        references=REFERENCES,
        details={"exact": str(cca), "crab_above": float(CRAB_ABOVE[unit]), "hcm_at_least": float(HCM_AT_LEAST[unit]),
                 "below_lower_limit": None if lln is None else cca < lln,
                 "above_upper_limit": None if uln is None else cca > uln,
                 "hypocalcaemia": cat in (LOW, HYPO),
                 "ctcae": kind, "ctcae_grade": grade},
        recommendations=("TG-3", "BP-6"),
        exact=cca, edges=edges,
    )


def _one_place(x: F) -> str:
    """At least one decimal, as the CTCAE writes its limits (2.0, 1.75, 11.5)."""
    s = write(x)
    return s if "." in s else write(x, 1)


def _bands():
    rows = []
    for unit in ("mmol/L", "mg/dL"):
        hcm, crab = write(HCM_AT_LEAST[unit]), write(CRAB_ABOVE[unit])
        rows += [
            Band(text(f"cCa ≥ {hcm} {unit}", f"校正血钙 ≥ {hcm} {unit}"),
                 _MEANING["hypercalcaemia-of-malignancy"], "hypercalcaemia-of-malignancy"),
            Band(text(f"{crab} < cCa < {hcm} {unit}", f"{crab} < 校正血钙 < {hcm} {unit}"),
                 _MEANING["crab-hypercalcaemia"], "crab-hypercalcaemia"),
            Band(text(f"cCa ≤ {crab} {unit}", f"校正血钙 ≤ {crab} {unit}"),
                 _MEANING["no-crab-hypercalcaemia"], "no-crab-hypercalcaemia"),
        ]
    for unit in ("mmol/L", "mg/dL"):
        h = write(HYPOCALCAEMIA_BELOW[unit], 1)
        rows.append(Band(text(f"cCa < {h} {unit}", f"校正血钙 < {h} {unit}"), _MEANING[HYPO], HYPO))
    rows.append(Band(text("cCa < the laboratory's lower limit (if given)", "校正血钙 < 实验室正常下限(如提供)"),
                     _MEANING[LOW], LOW))
    for unit in ("mmol/L", "mg/dL"):
        lo = [_one_place(HYPO_GRADE_BELOW[g][unit]) for g in (2, 3, 4)]
        hi = [_one_place(HYPER_GRADE_ABOVE[g][unit]) for g in (2, 3, 4)]
        rows.append(Band(
            text(f"CTCAE grades ({unit}): hypocalcaemia 1 < LLN, 2 < {lo[0]}, 3 < {lo[1]}, 4 < {lo[2]}; "
                 f"hypercalcaemia 1 > ULN, 2 > {hi[0]}, 3 > {hi[1]}, 4 > {hi[2]}",
                 f"CTCAE 分级({unit}):低钙血症 1 级 < 正常下限、2 级 < {lo[0]}、3 级 < {lo[1]}、4 级 < {lo[2]};"
                 f"高钙血症 1 级 > 正常上限、2 级 > {hi[0]}、3 级 > {hi[1]}、4 级 > {hi[2]}"),
            text("CTCAE grade in the result's details", "CTCAE 分级见结果详情")))
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
        "按白蛋白水平校正血清总钙,并在实测单位下与 CRAB 及唑来膦酸说明书的高钙血症阈值比较;如提供实验室正常下限,提示低钙。",
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
        Input("calcium_lln", text("Laboratory lower limit of normal for calcium", "实验室血钙正常下限"),
              analyte="calcium", required=False,
              help=text("Optional: your laboratory's own lower reference limit, in either unit; a corrected calcium "
                        "below it is flagged as low.",
                        "可选:本实验室的血钙正常下限(任一单位);校正血钙低于此值时提示低钙。")),
        Input("calcium_uln", text("Laboratory upper limit of normal for calcium", "实验室血钙正常上限"),
              analyte="calcium", required=False,
              help=text("Optional: your laboratory's own upper reference limit, in either unit; it decides CTCAE "
                        "grade 1 hypercalcaemia.",
                        "可选:本实验室的血钙正常上限(任一单位);据此判断 CTCAE 1 级高钙血症。")),
    ),
    output=Output(text("Corrected calcium, in the unit the calcium was given in", "校正血钙(单位与输入的血钙相同)"), unit=None,
                  categories=CATEGORIES, places=2),
    formula=(
        r"\mathrm{cCa}\ (\text{mg/dL}) = \mathrm{Ca} + " + write(MG_DL_SLOPE) + r" \times ("
        + write(MG_DL_REFERENCE_ALBUMIN, 1) + r" - \text{albumin (g/dL)});\quad "
        r"\mathrm{cCa}\ (\text{mmol/L}) = \mathrm{Ca} + " + write(SI_SLOPE) + r" \times ("
        + write(SI_REFERENCE_ALBUMIN) + r" - \text{albumin (g/L)})"
    ),
    bands=_bands(),
    numbers={"corrected_calcium": CALCIUM},
    references=REFERENCES,
    recommendations=("TG-3", "BP-6"),
    # the plan, with this corrected calcium (exactly as computed, with its unit)
    view=View(links=(Link("bone-protection-plan", text("Plan bone protection with this calcium", "用此血钙制定骨保护方案"),
                          carry="corrected_calcium", when_value=True),)),
    decisions=(
        text(
            "The correction is done in the calcium's unit (mg/dL form for mg/dL, SI form for mmol/L; the albumin is "
            "converted exactly to g/dL or g/L as needed), and the result is compared with the threshold written in "
            f"that unit: {write(CRAB_ABOVE['mg/dL'])} mg/dL and {write(CRAB_ABOVE['mmol/L'])} mmol/L are not converted "
            "into each other.",
            "校正在血钙的实测单位下进行(mg/dL 用常规单位公式,mmol/L 用国际单位公式;白蛋白按需精确换算为 g/dL 或 g/L),"
            f"结果与该单位下的阈值比较:{write(CRAB_ABOVE['mg/dL'])} mg/dL 与 {write(CRAB_ABOVE['mmol/L'])} mmol/L 不相互换算。",
        ),
        text(
            "CRAB hypercalcaemia uses the strict inequality (exactly "
            f"{write(CRAB_ABOVE['mmol/L'])} mmol/L or {write(CRAB_ABOVE['mg/dL'])} mg/dL is negative); the Zometa "
            "definition of hypercalcaemia of malignancy uses ≥.",
            f"CRAB 高钙血症采用严格大于(恰为 {write(CRAB_ABOVE['mmol/L'])} mmol/L 或 {write(CRAB_ABOVE['mg/dL'])} mg/dL 为阴性);"
            "唑来膦酸说明书的恶性肿瘤相关高钙血症定义采用 ≥。",
        ),
        text(
            "Low calcium is judged against the laboratory's own lower limit when one is given, and in any case against "
            f"the CTCAE grade 2 floor ({write(HYPOCALCAEMIA_BELOW['mmol/L'], 1)} mmol/L, "
            f"{write(HYPOCALCAEMIA_BELOW['mg/dL'], 1)} mg/dL): below it a calcium is hypocalcaemia whatever the "
            "laboratory's limits. A low result also asks whether an ionised calcium was entered by mistake.",
            "低钙在提供实验室正常下限时据此判断,且无论如何均以 CTCAE 2 级界值"
            f"({write(HYPOCALCAEMIA_BELOW['mmol/L'], 1)} mmol/L、{write(HYPOCALCAEMIA_BELOW['mg/dL'], 1)} mg/dL)判断:"
            "低于该值即为低钙血症,与实验室参考范围无关。结果偏低时同时提示核实是否误输入了离子钙。",
        ),
        text(
            "CTCAE grades are given for the corrected calcium, compared in the unit measured. Grade 1 needs the "
            "laboratory's limit; without an upper limit, a corrected calcium above the CRAB threshold "
            f"({write(CRAB_ABOVE['mmol/L'])} mmol/L, {write(CRAB_ABOVE['mg/dL'])} mg/dL) is taken as above it, and a "
            "value between the laboratory's limits is not graded.",
            "对校正血钙给出 CTCAE 分级,按实测单位比较。1 级需要实验室参考限;未提供正常上限时,校正血钙高于 CRAB 阈值"
            f"({write(CRAB_ABOVE['mmol/L'])} mmol/L、{write(CRAB_ABOVE['mg/dL'])} mg/dL)视为高于正常上限;"
            "位于实验室参考范围内的数值不分级。",
        ),
        text(
            "The IMWG criteria say \"serum calcium\" without saying whether it is corrected; the project offers the "
            "corrected value, as most practice uses it.",
            "IMWG 标准仅称\u201c血清钙\u201d,未说明是否校正;本项目提供校正值,与多数临床实践一致。",
        ),
        text(
            "A calcium typed without a unit from 4 to 5, plausible both in mmol/L (severe hypercalcaemia) and in "
            "mg/dL (severe hypocalcaemia), is asked about; below 4 it is read as mmol/L. A number passed by a program "
            "is in mmol/L, as documented.",
            "未带单位输入、介于 4 至 5 之间的血钙(按 mmol/L 为重度高钙血症,按 mg/dL 为重度低钙血症)会被追问单位;"
            "低于 4 时按 mmol/L 理解。由程序传入的数字按说明以 mmol/L 理解。",
        ),
    ),
)
