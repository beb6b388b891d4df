"""Myeloma-defining events (IMWG 2014 updated diagnostic criteria: CRAB and SLiM).

Each threshold is evaluated in the unit that was measured, with the edge exactly as the criteria
write it (rajkumar2014imwg): 11 mg/dL is 2.7445 mmol/L and 2 mg/dL is 176.8 µmol/L, so nothing is
converted before it is compared. A laboratory's own ULN or LLN is converted to the unit of the
value it limits.
"""

from fractions import Fraction as F

from ..errors import InputError
from ..records import Band, Calculator, Category, Input, Output, Result, View, text
from ..numbers import write
from .crcl_cockcroft_gault import check_pair

ID = "myeloma-defining-events"
REFERENCES = ("rajkumar2014imwg",)

# All thresholds: Rajkumar, Lancet Oncol 2014 (rajkumar2014imwg).
# Myeloma needs clonal bone-marrow plasma cells at least 10% (or a plasmacytoma) plus an event.
CLONAL_BMPC_AT_LEAST = F(10)
# C: serum calcium strictly above the absolute threshold, or strictly more than this above the ULN.
CALCIUM_ABOVE = {"mmol/L": F("2.75"), "mg/dL": F(11)}
CALCIUM_ABOVE_ULN_BY = {"mmol/L": F("0.25"), "mg/dL": F(1)}
# R: creatinine clearance strictly below 40 mL/min, or serum creatinine strictly above 177 µmol/L (2 mg/dL).
CRCL_BELOW = F(40)
CREATININE_ABOVE = {"µmol/L": F(177), "mg/dL": F(2)}
# A: haemoglobin strictly below 100 g/L (10 g/dL), or strictly more than 20 g/L (2 g/dL) below the LLN.
HEMOGLOBIN_BELOW = {"g/L": F(100), "g/dL": F(10)}
HEMOGLOBIN_BELOW_LLN_BY = {"g/L": F(20), "g/dL": F(2)}
# B: at least one osteolytic lesion on skeletal radiography, CT or PET-CT.
LYTIC_LESIONS_AT_LEAST = 1
# A lytic lesion on CT or PET-CT counts from 5 mm (IMWG 2014 as worded in the Chinese guideline,
# hillengass2019imaging).
LYTIC_LESION_MIN_MM = 5
# CRAB features count only when they can be attributed to the plasma-cell disorder (Rajkumar 2014).
CRAB = ("hypercalcaemia", "renal", "anaemia", "bone")
# S: clonal bone-marrow plasma cells at least 60%.
BM_PLASMA_CELLS_AT_LEAST = F(60)
# Li: involved:uninvolved serum FLC ratio at least 100 AND involved FLC at least 100 mg/L.
FLC_RATIO_AT_LEAST = F(100)
INVOLVED_FLC_AT_LEAST = F(100)  # mg/L
# M: more than one focal lesion on MRI, each at least 5 mm.
MRI_FOCAL_LESIONS_MORE_THAN = 1
MRI_LESION_MIN_MM = 5

EVENTS = ("hypercalcaemia", "renal", "anaemia", "bone", "plasma-cells-60", "flc-ratio-100", "mri-focal-lesions")
EVENT_LABELS = {
    "hypercalcaemia": text("hypercalcaemia", "高钙血症"),
    "renal": text("renal insufficiency", "肾功能不全"),
    "anaemia": text("anaemia", "贫血"),
    "bone": text("bone lesions", "骨病变"),
    "plasma-cells-60": text(f"bone-marrow plasma cells ≥ {write(BM_PLASMA_CELLS_AT_LEAST)}%",
                            f"骨髓浆细胞 ≥ {write(BM_PLASMA_CELLS_AT_LEAST)}%"),
    "flc-ratio-100": text(f"involved:uninvolved FLC ratio ≥ {write(FLC_RATIO_AT_LEAST)}",
                          f"受累/非受累游离轻链比值 ≥ {write(FLC_RATIO_AT_LEAST)}"),
    "mri-focal-lesions": text(f"more than {MRI_FOCAL_LESIONS_MORE_THAN} focal MRI lesion",
                              f"MRI 局灶性病变多于 {MRI_FOCAL_LESIONS_MORE_THAN} 处"),
}

# The two light-chain inputs as a message names them (never by their code names)
FLC_WORDS = {"flc_ratio": "involved:uninvolved FLC ratio", "involved_flc": "involved FLC"}

MET, NOT_MET, UNKNOWN, REVIEW = "met", "not-met", "not-assessed", "possible-solitary-plasmacytoma"


def _in(q, unit):
    return q.value if q.unit == unit else q.to(unit)


def _either(results):
    """Combine the alternative criteria of one event: met if any is met; not met only if all are
    assessed and not met; 'partly' if some were not assessed and none is met."""
    assessed = [r for r in results if r is not None]
    if not assessed:
        return UNKNOWN, False
    if any(assessed):
        return MET, False
    return NOT_MET, len(assessed) < len(results)


def _hypercalcaemia(calcium, calcium_uln):
    if calcium is None:
        return None, None
    u = calcium.unit
    absolute = calcium.value > CALCIUM_ABOVE[u]
    above_uln = None if calcium_uln is None else calcium.value - _in(calcium_uln, u) > CALCIUM_ABOVE_ULN_BY[u]
    return absolute, above_uln


def _anaemia(hemoglobin, hemoglobin_lln):
    if hemoglobin is None:
        return None, None
    u = hemoglobin.unit
    absolute = hemoglobin.value < HEMOGLOBIN_BELOW[u]
    below_lln = None if hemoglobin_lln is None else _in(hemoglobin_lln, u) - hemoglobin.value > HEMOGLOBIN_BELOW_LLN_BY[u]
    return absolute, below_lln


def _flc(flc_ratio, involved_flc):
    """Both parts must be met; a single part that fails decides 'not met' on its own."""
    parts = [
        None if flc_ratio is None else flc_ratio.value >= FLC_RATIO_AT_LEAST,
        None if involved_flc is None else involved_flc.to("mg/L") >= INVOLVED_FLC_AT_LEAST,
    ]
    if False in parts:
        return NOT_MET, False
    if None in parts:
        return UNKNOWN, False
    return MET, False


def myeloma_defining_events(calcium=None, calcium_uln=None, creatinine=None, crcl=None, hemoglobin=None,
                            hemoglobin_lln=None, lytic_lesions=None, bm_plasma_cells=None, flc_ratio=None,
                            involved_flc=None, mri_focal_lesions=None) -> Result:
    for limit, value, name in ((calcium_uln, calcium, "calcium"), (hemoglobin_lln, hemoglobin, "hemoglobin")):
        if limit is not None and value is None:
            lim = "calcium_uln" if name == "calcium" else "hemoglobin_lln"
            value_zh = "血钙" if name == "calcium" else "血红蛋白"
            value_en = "calcium" if name == "calcium" else "haemoglobin"
            raise InputError(f"{lim}: this limit is given without its {value_en}; give the {value_en} too, or leave "
                             "the limit out.", lim,
                             zh=f"填写了界值却未填写{value_zh}；请同时填写{value_zh}，或删去此界值。")
    check_pair(crcl, creatinine)  # a creatinine and a clearance that cannot belong to one adult

    status, partly = {}, []
    for event, alternatives in (
        ("hypercalcaemia", _hypercalcaemia(calcium, calcium_uln)),
        ("renal", (None if crcl is None else crcl.value < CRCL_BELOW,
                   None if creatinine is None else creatinine.value > CREATININE_ABOVE[creatinine.unit])),
        ("anaemia", _anaemia(hemoglobin, hemoglobin_lln)),
        ("bone", (None if lytic_lesions is None else lytic_lesions >= LYTIC_LESIONS_AT_LEAST,)),
        ("plasma-cells-60", (None if bm_plasma_cells is None else bm_plasma_cells.value >= BM_PLASMA_CELLS_AT_LEAST,)),
        ("mri-focal-lesions", (None if mri_focal_lesions is None else mri_focal_lesions > MRI_FOCAL_LESIONS_MORE_THAN,)),
    ):
        status[event], part = _either(alternatives)
        if part:
            partly.append(event)
    status["flc-ratio-100"], _ = _flc(flc_ratio, involved_flc)

    # One lytic lesion with clonal marrow plasma cells below 10% may be a solitary plasmacytoma with minimal
    # marrow involvement rather than myeloma: the criteria then need more than one lesion (rajkumar2014imwg; hillengass2019imaging).
    # It is not counted silently; it is flagged for review.
    solitary = None
    if lytic_lesions == LYTIC_LESIONS_AT_LEAST and status["bone"] == MET:
        if bm_plasma_cells is not None and bm_plasma_cells.value < CLONAL_BMPC_AT_LEAST:
            status["bone"], solitary = REVIEW, True
        elif bm_plasma_cells is None:
            solitary = None  # said in the explanation below
        else:
            solitary = False
    met = sorted(e for e in EVENTS if status[e] == MET)
    not_assessed = sorted(e for e in EVENTS if status[e] == UNKNOWN)
    if len(not_assessed) == len(EVENTS):
        if flc_ratio is not None or involved_flc is not None:
            given, other = ("flc_ratio", "involved_flc") if flc_ratio is not None else ("involved_flc", "flc_ratio")
            raise InputError(
                f"{other}: the {FLC_WORDS[given]} alone assesses no event; the light-chain event needs the "
                f"{FLC_WORDS[other]} too.", other,
                zh="仅凭一项游离轻链数据无法评估任何事件；轻链事件需要同时填写受累/非受累血清游离轻链比值和受累血清游离轻链。")
        raise InputError(
            f"{ID}: at least one input is needed (accepted inputs: "
            + ", ".join(i.name for i in CALCULATOR.inputs) + ").",
            zh="至少需要填写一项：" + "；".join(i.label["zh"] for i in CALCULATOR.inputs) + "。",
        )
    names_en = ", ".join(EVENT_LABELS[e]["en"] for e in met)
    names_zh = "、".join(EVENT_LABELS[e]["zh"] for e in met)
    na_en = ", ".join(EVENT_LABELS[e]["en"] for e in not_assessed)
    na_zh = "、".join(EVENT_LABELS[e]["zh"] for e in not_assessed)
    b = write(CLONAL_BMPC_AT_LEAST)
    if met:
        cat = "mde-present"
        en = f"Myeloma-defining event{'s' if len(met) > 1 else ''} present: {names_en}."
        zh = f"存在骨髓瘤定义事件:{names_zh}。"
    elif solitary:
        cat = REVIEW
        en = "No myeloma-defining event is counted from the values given; the single lytic lesion needs review."
        zh = "所给数据中未计入骨髓瘤定义事件;单个溶骨性病变需进一步评估。"
    else:
        cat = "no-mde-found"
        en = "No myeloma-defining event was found in the values given."
        zh = "所给数据中未发现骨髓瘤定义事件。"
    if solitary:
        en += (f" One lytic lesion with clonal marrow plasma cells below {b}%: this may be a solitary plasmacytoma "
               "(with minimal marrow involvement) rather than myeloma, and the criteria then ask for more than one "
               "lesion, so it is not counted as the bone event here. Confirm the lesion by biopsy and complete the "
               "staging imaging before calling it myeloma.")
        zh += (f"单个溶骨性病变且骨髓克隆性浆细胞低于 {b}%:可能为孤立性浆细胞瘤(伴微量骨髓受累)而非骨髓瘤,此时诊断标准要求"
               "多于一处病变,故此处不计为骨病变事件。判定为骨髓瘤前,请活检证实病变并完成分期影像学检查。")
    elif lytic_lesions == LYTIC_LESIONS_AT_LEAST and bm_plasma_cells is None and status["bone"] == MET:
        en += (f" Only one lytic lesion: if clonal marrow plasma cells are below {b}%, it may be a solitary "
               "plasmacytoma rather than myeloma (give the marrow plasma cells to check).")
        zh += (f"仅一处溶骨性病变:若骨髓克隆性浆细胞低于 {b}%,可能为孤立性浆细胞瘤而非骨髓瘤(请提供骨髓浆细胞比例以核查)。")
    if any(e in CRAB for e in met):
        en += (" A CRAB feature (hypercalcaemia, renal insufficiency, anaemia, bone lesions) counts only when it "
               "can be attributed to the plasma-cell disorder, not to another cause.")
        zh += "CRAB 表现(高钙血症、肾功能不全、贫血、骨病变)仅在可归因于浆细胞疾病(而非其他原因)时才计入。"
    if not_assessed:
        en += f" Not assessed (no value given): {na_en}."
        zh += f"未评估(未提供数据):{na_zh}。"
    if partly:
        en += (" Only part of the criterion could be checked for: "
               + ", ".join(EVENT_LABELS[e]["en"] for e in partly)
               + " (give the laboratory's limit or the other measure to complete it).")
        zh += ("以下事件仅评估了部分标准:" + "、".join(EVENT_LABELS[e]["zh"] for e in partly)
               + "(请提供实验室参考限或另一项指标以完整评估)。")
    return Result(
        calculator=ID, value=met, unit=None, category=cat, explanation=text(en, zh), references=REFERENCES,
        details={"not_assessed": not_assessed, "partly_assessed": sorted(partly), "status": status,
                 "possible_solitary_plasmacytoma": solitary},
        recommendations=("TG-3",),
    )


def _bands():
    c, cu = CALCIUM_ABOVE, CALCIUM_ABOVE_ULN_BY
    r, h, hl = CREATININE_ABOVE, HEMOGLOBIN_BELOW, HEMOGLOBIN_BELOW_LLN_BY
    rows = (
        ("hypercalcaemia",
         f"calcium > {write(c['mmol/L'])} mmol/L (> {write(c['mg/dL'])} mg/dL), or more than "
         f"{write(cu['mmol/L'])} mmol/L ({write(cu['mg/dL'])} mg/dL) above the ULN",
         f"血钙 > {write(c['mmol/L'])} mmol/L(> {write(c['mg/dL'])} mg/dL),或高于正常上限 "
         f"{write(cu['mmol/L'])} mmol/L({write(cu['mg/dL'])} mg/dL)以上"),
        ("renal",
         f"CrCl < {write(CRCL_BELOW)} mL/min, or serum creatinine > {write(r['µmol/L'])} µmol/L (> {write(r['mg/dL'])} mg/dL)",
         f"肌酐清除率 < {write(CRCL_BELOW)} mL/min,或血清肌酐 > {write(r['µmol/L'])} µmol/L(> {write(r['mg/dL'])} mg/dL)"),
        ("anaemia",
         f"haemoglobin < {write(h['g/L'])} g/L (< {write(h['g/dL'])} g/dL), or more than {write(hl['g/L'])} g/L "
         f"({write(hl['g/dL'])} g/dL) below the LLN",
         f"血红蛋白 < {write(h['g/L'])} g/L(< {write(h['g/dL'])} g/dL),或低于正常下限 {write(hl['g/L'])} g/L"
         f"({write(hl['g/dL'])} g/dL)以上"),
        ("bone", f"≥ {LYTIC_LESIONS_AT_LEAST} osteolytic lesion on radiography, CT or PET-CT "
                 f"(on CT or PET-CT, ≥ {LYTIC_LESION_MIN_MM} mm)",
         f"X 线、CT 或 PET-CT 示 ≥ {LYTIC_LESIONS_AT_LEAST} 处溶骨性病变(CT 或 PET-CT 上 ≥ {LYTIC_LESION_MIN_MM} mm)"),
        ("plasma-cells-60", f"clonal bone-marrow plasma cells ≥ {write(BM_PLASMA_CELLS_AT_LEAST)}%",
         f"骨髓克隆性浆细胞 ≥ {write(BM_PLASMA_CELLS_AT_LEAST)}%"),
        ("flc-ratio-100",
         f"involved:uninvolved FLC ratio ≥ {write(FLC_RATIO_AT_LEAST)} and involved FLC ≥ {write(INVOLVED_FLC_AT_LEAST)} mg/L",
         f"受累/非受累游离轻链比值 ≥ {write(FLC_RATIO_AT_LEAST)} 且受累轻链 ≥ {write(INVOLVED_FLC_AT_LEAST)} mg/L"),
        ("mri-focal-lesions",
         f"> {MRI_FOCAL_LESIONS_MORE_THAN} focal lesion on MRI, each ≥ {MRI_LESION_MIN_MM} mm",
         f"MRI 示 > {MRI_FOCAL_LESIONS_MORE_THAN} 处局灶性病变,每处 ≥ {MRI_LESION_MIN_MM} mm"),
    )
    return tuple(Band(text(en, zh), EVENT_LABELS[e], "mde-present") for e, en, zh in rows)


def _q(name, en, zh, analyte, **kw):
    return Input(name, text(en, zh), analyte=analyte, required=False, **kw)


CALCULATOR = Calculator(
    id=ID,
    title=text("Myeloma-defining events (CRAB and SLiM)", "骨髓瘤定义事件(CRAB 与 SLiM)"),
    function=myeloma_defining_events,
    equation="IMWG 2014 updated diagnostic criteria",
    purpose=text(
        "Checks the values given against each myeloma-defining event and lists those met and those that "
        "could not be assessed.",
        "将所给数据逐项对照骨髓瘤定义事件,列出已符合的事件及无法评估的事件。",
    ),
    when_to_use=text(
        f"At diagnosis, with clonal bone-marrow plasma cells ≥ {write(CLONAL_BMPC_AT_LEAST)}% or a biopsy-proven "
        "plasmacytoma, to decide whether the criteria for myeloma are met; and at suspected progression from "
        "smouldering myeloma.",
        f"诊断时(骨髓克隆性浆细胞 ≥ {write(CLONAL_BMPC_AT_LEAST)}% 或活检证实浆细胞瘤)判断是否符合骨髓瘤诊断标准;"
        "以及怀疑冒烟型骨髓瘤进展时。",
    ),
    inputs=(
        _q("calcium", "Serum calcium (albumin-corrected if available)", "血清钙(如有,用白蛋白校正值)", "calcium"),
        _q("calcium_uln", "Upper limit of normal for calcium (your laboratory's)", "血钙正常上限(本实验室)", "calcium"),
        _q("creatinine", "Serum creatinine", "血清肌酐", "creatinine"),
        _q("crcl", "Creatinine clearance (measured or estimated)", "肌酐清除率(实测或估算)", "renal_clearance",
           help=text("A Cockcroft–Gault clearance in mL/min or an eGFR in mL/min/1.73 m² (IMWG: measured or "
                     "estimated by validated equations).",
                     "可为 Cockcroft–Gault 清除率(mL/min)或 eGFR(mL/min/1.73 m²)(IMWG:实测或经验证公式估算)。")),
        _q("hemoglobin", "Haemoglobin", "血红蛋白", "hemoglobin"),
        _q("hemoglobin_lln", "Lower limit of normal for haemoglobin (your laboratory's)", "血红蛋白正常下限(本实验室)",
           "hemoglobin"),
        Input("lytic_lesions", text("Osteolytic lesions on radiography, CT or PET-CT (count)",
                                    "X 线、CT 或 PET-CT 所见溶骨性病变数"),
              kind="integer", required=False, low=0, high=1000,
              help=text(f"Count a lytic lesion on CT or PET-CT when it is at least {LYTIC_LESION_MIN_MM} mm "
                        "(IMWG); count only lesions attributable to the plasma-cell disorder.",
                        f"CT 或 PET-CT 所见溶骨性病变 ≥ {LYTIC_LESION_MIN_MM} mm 方计入(IMWG);仅计可归因于浆细胞疾病的病变。")),
        _q("bm_plasma_cells", "Clonal bone-marrow plasma cells", "骨髓克隆性浆细胞比例", "percent"),
        _q("flc_ratio", "Involved:uninvolved serum free light chain ratio", "受累/非受累血清游离轻链比值", "flc_ratio",
           help=text("Involved over uninvolved, so at least 1: κ/λ for κ disease, λ/κ for λ disease "
                     "(a laboratory κ/λ ratio of 0.008 in λ disease is 1/0.008 = 125).",
                     "受累轻链除以非受累轻链,因此不小于 1:κ 型为 κ/λ,λ 型为 λ/κ"
                     "(λ 型患者实验室 κ/λ 比值 0.008 即 1/0.008 = 125)。")),
        _q("involved_flc", "Involved serum free light chain", "受累血清游离轻链", "flc"),
        Input("mri_focal_lesions", text(f"Focal lesions on MRI of at least {MRI_LESION_MIN_MM} mm (count)",
                                        f"MRI 所见 ≥ {MRI_LESION_MIN_MM} mm 的局灶性病变数"),
              kind="integer", required=False, low=0, high=1000),
    ),
    output=Output(text("Myeloma-defining events met", "符合的骨髓瘤定义事件"), categories=(
        Category("mde-present", text("At least one myeloma-defining event", "至少一项骨髓瘤定义事件"), "stop"),
        Category("no-mde-found", text("No myeloma-defining event found in the values given",
                                      "所给数据中未发现骨髓瘤定义事件")),
        Category(REVIEW, text(f"One lytic lesion with marrow plasma cells below {write(CLONAL_BMPC_AT_LEAST)}%: possible "
                              "solitary plasmacytoma, needs review",
                              f"单个溶骨性病变且骨髓浆细胞低于 {write(CLONAL_BMPC_AT_LEAST)}%:可能为孤立性浆细胞瘤,需进一步评估")),
    )),
    bands=_bands(),
    references=REFERENCES,
    recommendations=("TG-3",),
    view=View(list_labels=EVENT_LABELS),  # the events met, in the reader's words
    decisions=(
        text(
            f"A single lytic lesion with clonal marrow plasma cells below {write(CLONAL_BMPC_AT_LEAST)}% is not counted as "
            "the bone event: it is flagged as a possible solitary plasmacytoma, for biopsy and staging, because the criteria's footnote asks for more than one lesion "
            "then (its wording was not retrieved, so the calculator flags rather than decides). With one lesion and no "
            "marrow result, the event counts and the explanation names the question.",
            f"单个溶骨性病变且骨髓克隆性浆细胞低于 {write(CLONAL_BMPC_AT_LEAST)}% 时不计为骨病变事件:提示可能为孤立性浆细胞瘤"
            ",需活检及分期检查,因为诊断标准的脚注此时要求多于一处病变(脚注原文未能获取,故计算器仅提示而不作判定)。"
            "仅一处病变且未提供骨髓结果时,该事件计入,说明中提出此问题。",
        ),
        text(
            "The calculator compares numbers only: whether a CRAB feature (hypercalcaemia, renal insufficiency, "
            "anaemia, bone lesions) is attributable to the plasma-cell disorder, as the criteria require, is the "
            "clinician's judgement; the explanation says so whenever a CRAB feature is met.",
            "本计算器仅比较数值:CRAB 表现(高钙血症、肾功能不全、贫血、骨病变)是否可归因于浆细胞疾病(标准的要求)需由临床医生判断;"
            "凡符合 CRAB 表现时,说明中均予提示。",
        ),
        text(
            "Each threshold is evaluated in the unit measured, never after conversion: "
            f"{write(CALCIUM_ABOVE['mg/dL'])} mg/dL and {write(CALCIUM_ABOVE['mmol/L'])} mmol/L, "
            f"{write(CREATININE_ABOVE['mg/dL'])} mg/dL and {write(CREATININE_ABOVE['µmol/L'])} µmol/L are each their own edge. "
            "A laboratory ULN or LLN given in another unit is converted exactly to the unit of the value.",
            "每个阈值均在实测单位下判断,不先换算:"
            f"{write(CALCIUM_ABOVE['mg/dL'])} mg/dL 与 {write(CALCIUM_ABOVE['mmol/L'])} mmol/L、"
            f"{write(CREATININE_ABOVE['mg/dL'])} mg/dL 与 {write(CREATININE_ABOVE['µmol/L'])} µmol/L 各为独立界值。"
            "实验室正常上/下限如单位不同,精确换算为该指标的单位。",
        ),
        text(
            "The criteria say \"serum calcium\"; the project asks for albumin-corrected calcium where available "
            "(see corrected-calcium).",
            "标准仅称\u201c血清钙\u201d;本项目建议在可得时使用白蛋白校正血钙(见校正血钙计算器)。",
        ),
        text(
            "The clearance may be a Cockcroft–Gault clearance or an eGFR (\"measured or estimated by validated "
            f"equations\"); both are compared with {write(CRCL_BELOW)}.",
            f"清除率可为 Cockcroft–Gault 清除率或 eGFR(\u201c实测或经验证公式估算\u201d),均与 {write(CRCL_BELOW)} 比较。",
        ),
        text(
            "An event with two alternative criteria (calcium, renal, anaemia) is met if either is; when only one could "
            "be checked and it is not met, the result names the event as partly assessed. The light-chain event "
            "needs both the ratio and the involved FLC; one part that fails is enough to say it is not met.",
            "含两项并列标准的事件(血钙、肾功能、贫血)满足任一即为符合;若仅能评估其中一项且未符合,"
            "结果注明该事件仅评估了部分标准。轻链事件需同时满足比值与受累轻链两项;任一项不满足即可判定不符合。",
        ),
        text(
            "The bone event counts osteolytic lesions only (on skeletal radiography, CT or PET-CT); focal lesions seen "
            f"on MRI are the separate MRI event, which needs more than {MRI_FOCAL_LESIONS_MORE_THAN} lesion.",
            "骨病变事件仅计溶骨性病变(X 线骨骼检查、CT 或 PET-CT 所见);MRI 所见局灶性病变属于单独的 MRI 事件,"
            f"需多于 {MRI_FOCAL_LESIONS_MORE_THAN} 处病变。",
        ),
    ),
)
