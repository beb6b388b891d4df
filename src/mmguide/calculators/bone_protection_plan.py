"""Bone protection plan for multiple myeloma: whether and when to start, which agent at what
dose, what to do before the first dose, supportive care, monitoring, duration and stopping.

The logic is DATA: the decision :data:`TREE` (start decision, agent choice, zoledronic acid
dose band, before-first-dose steps), the :data:`AGENTS` table and the :data:`ACTIONS` table.
The function below walks the tree and reads the tables; :mod:`mmguide.flowcharts` draws the
same tree, so the flowchart in the book cannot disagree with this code.

Sources: the expert interview (song_interview; its practical advice is the plan's backbone),
the Zometa, Xgeva and pamidronate labels, IMWG 2021 (terpos2021bone) and IMWG 2013
(terpos2013imwg); fact sheet §§2–3. Recommendation IDs BP-1 … BP-8 are defined in the book.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction as F

from ..flowcharts import AllOf, AnyOf, Branch, Cond, Fact, Node, Tree
from ..records import Calculator, Category, Input, Output, Result, text
from ..units import fmt
from . import crcl_cockcroft_gault as cg
from . import zoledronic_acid_dose as zad
from .corrected_calcium import CRAB_ABOVE

ID = "bone-protection-plan"
REFERENCES = (
    "song_interview", "terpos2021bone", "terpos2013imwg", "zometa_label", "zometa_smpc",
    "xgeva2025label", "pamidronate_label", "raje2018denosumab", "hillengass2019imaging",
    "csco2025mbdguideline", "rajkumar2014imwg",
)
RECOMMENDATIONS = tuple(f"BP-{i}" for i in range(1, 9))

# ---------------------------------------------------------------------------------------
# Named constants, each with its source. Zoledronic acid dose bands live only in
# zoledronic_acid_dose (dose_for, FULL_DOSE_ABOVE, DOSE_BANDS, NOT_RECOMMENDED_BELOW).
# ---------------------------------------------------------------------------------------

# Severe renal impairment, CrCl < 30 mL/min (Cockcroft–Gault):
#  - zoledronic acid not recommended (Zometa label / EU SmPC; zoledronic_acid_dose);
#  - pamidronate: "use in severe renal impairment not recommended"; its label gives CrCl < 30
#    as the range with limited data, so the same 30 mL/min is used ([DECISION]);
#  - denosumab: hypocalcaemia risk highest at CrCl < 30 and/or dialysis (Xgeva label).
SEVERE_RENAL_BELOW = zad.NOT_RECOMMENDED_BELOW

# Denosumab for myeloma: 120 mg SC every 4 weeks, no loading doses (Xgeva label, fact sheet §2).
DENOSUMAB_MG = 120
DENOSUMAB_EVERY_WEEKS = 4
# Pamidronate for myeloma: 90 mg IV over 4 hours, monthly (pamidronate label, fact sheet §2).
PAMIDRONATE_MG = 90
PAMIDRONATE_INFUSION_HOURS = 4
# Supplements: oral calcium 500 mg plus vitamin D 400 IU daily (Zometa US label; the only
# verified dose, fact sheet §3; the IMWG/EMN figures are unverified).
CALCIUM_SUPPLEMENT_MG = 500
VITAMIN_D_SUPPLEMENT_IU = 400
# Duration: zoledronic acid monthly for at least 12 months, then at VGPR or better consider
# reducing to every 3 or 6 months or stopping (IMWG 2021, fact sheet §3).
ZA_MIN_MONTHS = 12
ZA_REDUCED_EVERY_MONTHS = (3, 6)

# Hypercalcaemia: corrected calcium above the CRAB threshold (Rajkumar 2014), in the unit measured.
# Single source: myeloma_defining_events.CALCIUM_ABOVE, through corrected_calcium.CRAB_ABOVE.
HYPERCALCAEMIA_ABOVE = CRAB_ABOVE

ZA, DMAB, PAM = "zoledronic-acid", "denosumab", "pamidronate"
AGENT_ORDER = (ZA, DMAB, PAM)
ALL_AGENTS = (ZA, DMAB, PAM)

START_NOW, NOT_INDICATED = "start-now", "not-indicated"

# ---------------------------------------------------------------------------------------
# Facts the decisions test (from the parsed inputs)
# ---------------------------------------------------------------------------------------


def facts_of(inputs: dict) -> dict:
    """The facts the tree and the tables test, from parsed inputs."""
    crcl = inputs["crcl"].value if inputs.get("crcl") is not None else None
    cca, lln = inputs.get("corrected_calcium"), inputs.get("calcium_lln")
    # compared in the unit the calcium was measured in (a limit is converted exactly)
    if cca is not None and cca.value > HYPERCALCAEMIA_ABOVE[cca.unit]:
        status = "high"
    elif cca is not None and lln is not None:
        status = "low" if cca.value < lln.to(cca.unit) else "not-low"
    else:
        status = "unknown"  # no calcium, or a calcium that is not high with no limit to call it low
    return {
        "active_mm": inputs.get("active_mm"),
        "crcl": crcl,
        "dialysis": bool(inputs.get("dialysis")),
        "high_sre_risk": bool(inputs.get("high_sre_risk")),
        "prefers_subcutaneous": bool(inputs.get("prefers_subcutaneous")),
        "calcium_low": status == "low",
        "calcium_status": status,
        "hypercalcaemia": None if cca is None else status == "high",
        "severe_renal": (crcl is not None and crcl < SEVERE_RENAL_BELOW) or bool(inputs.get("dialysis")),
        "dental_exam_done": bool(inputs.get("dental_exam_done")),
        "vitamin_d_known": bool(inputs.get("vitamin_d_known")),
    }


# ---------------------------------------------------------------------------------------
# The decision tree
# ---------------------------------------------------------------------------------------

SEVERE_RENAL = AnyOf((Cond("crcl", "<", SEVERE_RENAL_BELOW), Cond("dialysis", "is", True)))
NOT_SEVERE_RENAL = AllOf((Cond("crcl", ">=", SEVERE_RENAL_BELOW), Cond("dialysis", "is", False)))
WANTS_DENOSUMAB = AnyOf((Cond("high_sre_risk", "is", True), Cond("prefers_subcutaneous", "is", True)))
NO_DENOSUMAB_WISH = AllOf((Cond("high_sre_risk", "is", False), Cond("prefers_subcutaneous", "is", False)))

_S = fmt(SEVERE_RENAL_BELOW)
_HC = {u: fmt(v) for u, v in HYPERCALCAEMIA_ABOVE.items()}
_ZA_MIN = zad.INFUSION_MINUTES
YES, NO = text("yes", "是"), text("no", "否")


def _za_dose_text(dose: F) -> dict:
    return text(f"{fmt(dose, 1)} mg IV over ≥{_ZA_MIN} min, {zad.INTERVAL}",
                f"{fmt(dose, 1)} mg 静脉输注 ≥{_ZA_MIN} 分钟,{zad.INTERVAL_ZH}一次")


def _band_branches() -> tuple[Branch, ...]:
    """One branch per dose band, from zoledronic_acid_dose's constants (no second copy)."""
    out = [Branch(Cond("crcl", ">", zad.FULL_DOSE_ABOVE), f"za-{fmt(zad.FULL_DOSE, 1)}",
                  text(f"> {fmt(zad.FULL_DOSE_ABOVE)} mL/min", f"> {fmt(zad.FULL_DOSE_ABOVE)} mL/min"),
                  {"favoured": ZA, "zoledronic_acid_dose_mg": zad.FULL_DOSE})]
    upper, first = zad.FULL_DOSE_ABOVE, True
    for low, dose in zad.DOSE_BANDS:
        top = Cond("crcl", "<=", upper) if first else Cond("crcl", "<", upper)
        lab = f"{fmt(low)}–{fmt(upper)} mL/min" if first else f"{fmt(low)}–<{fmt(upper)} mL/min"
        out.append(Branch(AllOf((Cond("crcl", ">=", low), top)), f"za-{fmt(dose, 1)}", text(lab, lab),
                          {"favoured": ZA, "zoledronic_acid_dose_mg": dose}))
        upper, first = low, False
    return tuple(out)


def _za_outcomes() -> tuple[Node, ...]:
    doses = (zad.FULL_DOSE,) + tuple(d for _, d in zad.DOSE_BANDS)
    return tuple(
        Node(f"za-{fmt(d, 1)}", "outcome",
             text(f"Zoledronic acid {fmt(d, 1)} mg\nIV ≥{_ZA_MIN} min\n{zad.INTERVAL}",
                  f"唑来膦酸 {fmt(d, 1)} mg\n静脉 ≥{_ZA_MIN} 分钟\n{zad.INTERVAL_ZH}"),
             recommendations=("BP-4", "BP-8"), actions=("monitor-creatinine", "za-duration"))
        for d in doses
    )


_NODES = (
    Node("start", "start", text("Plasma-cell disorder: plan bone protection", "浆细胞疾病:制定骨保护方案"),
         next="active"),
    Node("active", "decision",
         text("Active multiple myeloma (needs anti-myeloma therapy)?", "活动性多发性骨髓瘤(需要抗骨髓瘤治疗)?"),
         branches=(
             Branch(Cond("active_mm", "is", True), "start-now", YES, {"category": START_NOW}),
             Branch(Cond("active_mm", "is", False), "not-indicated", NO,
                    {"category": NOT_INDICATED, "agents": (), "favoured": None}),
         ), recommendations=("BP-1",)),
    Node("not-indicated", "outcome",
         text("Outside this plan (smouldering myeloma, MGUS): treat bone health on its own merits; "
              "reassess if it progresses",
              "不在本方案范围内(冒烟型骨髓瘤、MGUS):骨骼健康按其自身情况处理;疾病进展时重新评估"),
         recommendations=("BP-1",), actions=("not-indicated",)),
    Node("start-now", "action",
         text("Start now, with anti-myeloma therapy, whatever the imaging",
              "立即启动:与抗骨髓瘤治疗同步,无论影像学有无骨病变"),
         next="baseline", recommendations=("BP-1",), actions=("start-now",)),
    Node("baseline", "action",
         text("Baseline whole-body imaging and bone-turnover markers", "基线全身影像学检查及骨代谢标志物"),
         next="dental", recommendations=("BP-2",), actions=("baseline-imaging",)),
    Node("dental", "action",
         text("Dental examination and preventive dental care before the first dose",
              "首剂前口腔检查及预防性口腔处理"),
         next="hypercalcaemia-check", recommendations=("BP-5",), actions=("dental",)),
    Node("hypercalcaemia-check", "decision",
         text(f"Corrected calcium > {_HC['mmol/L']} mmol/L (> {_HC['mg/dL']} mg/dL): hypercalcaemia?",
              f"校正血钙 > {_HC['mmol/L']} mmol/L(> {_HC['mg/dL']} mg/dL):高钙血症?"),
         branches=(
             Branch(Cond("calcium_status", "is", "high"), "hypercalcaemia", YES),
             Branch(AnyOf(tuple(Cond("calcium_status", "is", v) for v in ("unknown", "not-low", "low"))),
                    "supplements", text("no / not known", "否 / 未知")),
         ), recommendations=("BP-6",)),
    Node("hypercalcaemia", "action",
         text("Hypercalcaemia: no calcium or vitamin D supplements until it is corrected; "
              "know the vitamin D status",
              "高钙血症:纠正前不补充钙剂和维生素 D;了解维生素 D 水平"),
         next="renal", recommendations=("BP-6",), actions=("hypercalcaemia", "vitamin-d-status")),
    Node("supplements", "action",
         text(f"Calcium {CALCIUM_SUPPLEMENT_MG} mg + vitamin D {VITAMIN_D_SUPPLEMENT_IU} IU daily; "
              "know the vitamin D status",
              f"每日钙 {CALCIUM_SUPPLEMENT_MG} mg + 维生素 D {VITAMIN_D_SUPPLEMENT_IU} IU;了解维生素 D 水平"),
         next="renal", recommendations=("BP-6", "BP-7"), actions=("calcium-vitamin-d", "vitamin-d-status")),
    Node("renal", "decision",
         text(f"CrCl (Cockcroft–Gault) < {_S} mL/min, or on dialysis?",
              f"肌酐清除率(Cockcroft–Gault)< {_S} mL/min 或透析?"),
         branches=(
             Branch(SEVERE_RENAL, "denosumab-only", YES, {"agents": (DMAB,), "favoured": DMAB}),
             Branch(NOT_SEVERE_RENAL, "preference", NO, {"agents": ALL_AGENTS}),
         ), recommendations=("BP-4",)),
    Node("denosumab-only", "action",
         text("No zoledronic acid or pamidronate; denosumab (not renally cleared); "
              "highest hypocalcaemia risk",
              "不用唑来膦酸和帕米膦酸;选用地舒单抗(不经肾脏清除);低钙血症风险最高"),
         next="calcium", recommendations=("BP-3", "BP-4"), actions=("monitor-calcium-denosumab",)),
    Node("preference", "decision",
         text("High risk of skeletal-related events, or wants a subcutaneous injection?",
              "骨相关事件高风险,或希望皮下注射?"),
         branches=(
             Branch(WANTS_DENOSUMAB, "denosumab-favoured", YES, {"favoured": DMAB}),
             Branch(NO_DENOSUMAB_WISH, "za-band", NO, {"favoured": ZA}),
         ), recommendations=("BP-3",)),
    Node("denosumab-favoured", "action",
         text("Denosumab favoured; zoledronic acid at the renal dose is the alternative",
              "优先地舒单抗;按肾功能剂量的唑来膦酸为备选"),
         next="calcium", recommendations=("BP-3",), actions=("agent-choice",)),
    Node("za-band", "decision",
         text("Zoledronic acid (IMWG preferred): dose by CrCl; creatinine before each dose",
              "唑来膦酸(IMWG 首选):按肌酐清除率定剂量;每次给药前查肌酐"),
         branches=_band_branches(), recommendations=("BP-3", "BP-4")),
    Node("calcium", "decision",
         text("Corrected calcium below the laboratory's lower limit?", "校正血钙低于实验室参考下限?"),
         branches=(
             Branch(Cond("calcium_status", "is", "low"), "correct-calcium", YES),
             Branch(Cond("calcium_status", "is", "unknown"), "check-calcium", text("not known", "未知")),
             Branch(AnyOf((Cond("calcium_status", "is", "not-low"), Cond("calcium_status", "is", "high"))),
                    "denosumab", NO),
         ), recommendations=("BP-6",)),
    Node("check-calcium", "action",
         text("Check corrected calcium against the laboratory's lower limit, and the vitamin D status, "
              "before the first dose",
              "首剂前对照实验室参考下限检查校正血钙,并了解维生素 D 水平"),
         next="denosumab", recommendations=("BP-6",), actions=("check-calcium-denosumab", "vitamin-d-status")),
    Node("correct-calcium", "action",
         text("Correct hypocalcaemia before the first dose", "首剂前纠正低钙血症"),
         next="denosumab", recommendations=("BP-6",), actions=("correct-hypocalcaemia",)),
    Node("denosumab", "outcome",
         text(f"Denosumab {DENOSUMAB_MG} mg SC every {DENOSUMAB_EVERY_WEEKS} weeks; "
              "monitor calcium; never stop without a plan",
              f"地舒单抗 {DENOSUMAB_MG} mg 皮下注射,每 {DENOSUMAB_EVERY_WEEKS} 周一次;监测血钙;不可无计划停药"),
         recommendations=("BP-6", "BP-8"), actions=("monitor-calcium-denosumab", "denosumab-stopping")),
) + _za_outcomes()


def _realise_bool(name):
    return lambda v, chosen: [{name: v}]


def _realise_crcl(v, chosen):
    return [{"crcl": f"{fmt(v)} mL/min"}]


# Example laboratory values used only to build example patients for the flowchart's paths
# (the plan compares the patient's calcium with the laboratory's own limit, given as an input).
_EXAMPLE_LLN = "2.10 mmol/L"
_EXAMPLE_LOW, _EXAMPLE_NORMAL, _EXAMPLE_HIGH = "1.95 mmol/L", "2.10 mmol/L", "2.90 mmol/L"


def _realise_calcium(status, chosen):
    if status == "low":
        return [{"corrected_calcium": _EXAMPLE_LOW, "calcium_lln": _EXAMPLE_LLN}]
    if status == "not-low":  # at the limit
        return [{"corrected_calcium": _EXAMPLE_NORMAL, "calcium_lln": _EXAMPLE_LLN}]
    if status == "high":  # with and without a laboratory limit
        return [{"corrected_calcium": _EXAMPLE_HIGH}, {"corrected_calcium": _EXAMPLE_HIGH, "calcium_lln": _EXAMPLE_LLN}]
    # not known: no calcium, or a calcium that is not high with no limit to judge it low
    return [{}, {"corrected_calcium": _EXAMPLE_NORMAL}]


TREE = Tree(
    id=ID, calculator=ID,
    title=text("Bone protection in multiple myeloma", "多发性骨髓瘤的骨保护"),
    start="start", nodes=_NODES,
    facts=(
        Fact("active_mm", True, _realise_bool("active_mm")),
        Fact("crcl", F(80), _realise_crcl),  # 80 mL/min: an example, not a threshold
        Fact("dialysis", False, _realise_bool("dialysis")),
        Fact("high_sre_risk", False, _realise_bool("high_sre_risk")),
        Fact("prefers_subcutaneous", False, _realise_bool("prefers_subcutaneous")),
        Fact("calcium_status", "unknown", _realise_calcium),
    ),
    facts_of=facts_of,
    recommendations=RECOMMENDATIONS,
)

# ---------------------------------------------------------------------------------------
# Agents table
# ---------------------------------------------------------------------------------------

AGENT_NAMES = {
    ZA: text("Zoledronic acid", "唑来膦酸"),
    DMAB: text("Denosumab", "地舒单抗"),
    PAM: text("Pamidronate", "帕米膦酸"),
}


def _agent(agent_id: str, f: dict, sets: dict) -> dict:
    """One row of the "agents" list: dose, reasons (each with its source), favoured."""
    suitable = agent_id in sets.get("agents", ())
    favoured = sets.get("favoured") == agent_id
    reasons, refs = [], []

    def why(en, zh, *keys):
        reasons.append(text(en, zh))
        refs.extend(k for k in keys if k not in refs)

    severe = SEVERE_RENAL.holds(f)
    crcl = f["crcl"]
    dose = None
    if agent_id == ZA:
        d = zad.dose_for(crcl) if not f["dialysis"] else None
        if suitable and d is not None:
            dose = _za_dose_text(d)
            why("IMWG 2021: the preferred bone-targeted agent in newly diagnosed myeloma, with or without "
                "bone disease on imaging.",
                "IMWG 2021:新诊断多发性骨髓瘤(无论影像学有无骨病)首选的骨靶向药物。", "terpos2021bone")
            if d != zad.FULL_DOSE:
                why(f"Reduced dose for CrCl {zad.show_crcl(crcl)} mL/min (label renal dose table).",
                    f"肌酐清除率 {zad.show_crcl(crcl)} mL/min,按说明书肾功能剂量表减量。", "zometa_label")
            why("Renally excreted: serum creatinine before every dose; watch for acute-phase reactions "
                "and osteonecrosis of the jaw.",
                "双膦酸盐经肾脏排泄:每次给药前查血清肌酐;警惕急性期反应和药物相关性颌骨坏死。",
                "zometa_label", "song_interview")
        else:
            why(f"Not recommended: CrCl below {_S} mL/min or dialysis (severe renal impairment)."
                if severe else "Not recommended here.",
                f"不推荐:肌酐清除率低于 {_S} mL/min 或透析(重度肾功能损害)。" if severe else "此处不推荐。",
                "zometa_smpc", "zometa_label")
    elif agent_id == DMAB:
        if suitable:
            dose = text(f"{DENOSUMAB_MG} mg SC every {DENOSUMAB_EVERY_WEEKS} weeks (no loading doses in myeloma; "
                        "no renal dose adjustment)",
                        f"{DENOSUMAB_MG} mg 皮下注射,每 {DENOSUMAB_EVERY_WEEKS} 周一次(骨髓瘤无需负荷剂量;无需按肾功能调整剂量)")
        if f["high_sre_risk"] or f["prefers_subcutaneous"]:
            why("The interview favours denosumab for patients at high risk of skeletal-related events or who "
                "want a more convenient route of administration.",
                "专家访谈:对骨相关事件高风险或期望更便捷给药方式的患者,地舒单抗是极具优势的选择。",
                "song_interview")
        why("Cleared by the reticuloendothelial system, not the kidney; IMWG 2021 suggests it particularly "
            "in renal impairment.",
            "经网状内皮系统清除,不依赖肾功能;IMWG 2021 建议尤其用于肾功能损害患者。",
            "xgeva2025label", "terpos2021bone")
        why("Non-inferior to zoledronic acid for time to first skeletal-related event in newly diagnosed "
            "myeloma; progression-free survival longer in an exploratory analysis.",
            "在新诊断多发性骨髓瘤中,至首次骨相关事件时间非劣于唑来膦酸;探索性分析显示无进展生存期延长。",
            "raje2018denosumab")
        why("Hypocalcaemia precaution: correct low calcium before the first dose; risk highest at CrCl "
            f"< {_S} mL/min or dialysis. Do not stop without a plan (rebound vertebral fractures).",
            f"低钙血症预防:首剂前纠正低血钙;肌酐清除率 < {_S} mL/min 或透析时风险最高。不可无计划停药(停药后反跳性多发椎体骨折)。",
            "xgeva2025label")
    else:  # pamidronate
        if suitable:
            dose = text(f"{PAMIDRONATE_MG} mg IV over {PAMIDRONATE_INFUSION_HOURS} h, monthly",
                        f"{PAMIDRONATE_MG} mg 静脉输注 {PAMIDRONATE_INFUSION_HOURS} 小时,每月一次")
            why("An alternative bisphosphonate; zoledronic acid is the IMWG 2021 preferred agent. "
                "Serum creatinine before each dose.",
                "可选的双膦酸盐;IMWG 2021 首选唑来膦酸。每次给药前查血清肌酐。",
                "pamidronate_label", "terpos2021bone")
        else:
            why("Not recommended in severe renal impairment." if severe else "Not recommended here.",
                "重度肾功能损害时不推荐。" if severe else "此处不推荐。", "pamidronate_label")
    return {
        "agent": agent_id, "name": AGENT_NAMES[agent_id], "suitable": suitable, "favoured": favoured,
        "dose": dose, "reasons": reasons, "references": refs, "recommendation": "BP-3",
    }


# ---------------------------------------------------------------------------------------
# Actions table: (id, phase, recommendation, references, applies(f, sets), text(f, sets))
# ---------------------------------------------------------------------------------------

PHASES = ("start", "before-first-dose", "supportive-care", "monitoring", "duration")
PHASE_TITLES = {
    "start": text("Start", "启动"),
    "before-first-dose": text("Before the first dose", "首剂前"),
    "supportive-care": text("Supportive care", "支持治疗"),
    "monitoring": text("Monitoring", "监测"),
    "duration": text("Duration and review", "疗程与评估"),
}


@dataclass(frozen=True)
class Action:
    id: str
    phase: str
    recommendation: str
    references: tuple[str, ...]
    applies: object  # Cond / AllOf / AnyOf over facts + what the path set, or None (always)
    text: object  # a Text, or a function (facts, sets) -> Text
    extra: dict = field(default_factory=dict)

    def render(self, f: dict, sets: dict) -> dict:
        t = self.text(f, sets) if callable(self.text) else self.text
        return {"id": self.id, "phase": self.phase, "recommendation": self.recommendation,
                "text": t, "references": list(self.references)}


STARTING = Cond("category", "is", START_NOW)
# Agent-specific steps follow the favoured agent (the one the plan starts with).
HAS_DMAB = Cond("favoured", "is", DMAB)
HAS_BISPHOSPHONATE = AnyOf((Cond("favoured", "is", ZA), Cond("favoured", "is", PAM)))


def _renal_rule_text() -> tuple[str, str]:
    """The label's withhold/resume rule, built from zoledronic-acid-renal-check's constants."""
    from . import zoledronic_acid_renal_check as rc

    u = "mg/dL"
    ab, n, a = fmt(rc.ABNORMAL_BASELINE_FROM[u]), fmt(rc.RISE_IF_NORMAL[u], 1), fmt(rc.RISE_IF_ABNORMAL[u], 1)
    si = "µmol/L"
    abs_, ns, as_ = (fmt(rc.ABNORMAL_BASELINE_FROM[si]), fmt(rc.RISE_IF_NORMAL[si]),
                     fmt(rc.RISE_IF_ABNORMAL[si]))
    pct = fmt(rc.RESUME_WITHIN * 100)
    en = (f"Withhold zoledronic acid if creatinine rises by ≥{n} {u} ({ns} {si}) from a normal baseline "
          f"(<{ab} {u}, {abs_} {si}) or by ≥{a} {u} ({as_} {si}) from an abnormal baseline; resume at the "
          f"same dose when creatinine is within {pct}% of baseline (zoledronic-acid-renal-check).")
    zh = (f"肌酐较正常基线(<{ab} {u},{abs_} {si})升高 ≥{n} {u}({ns} {si}),或较异常基线升高 ≥{a} {u}"
          f"({as_} {si})时暂停唑来膦酸;肌酐恢复至基线 {pct}% 以内时按原剂量恢复(zoledronic-acid-renal-check)。")
    return en, zh


def _t_not_indicated(f, s):
    return text(
        "Not covered by this plan, which is for active multiple myeloma: smouldering myeloma and MGUS are "
        "outside it. This is not a judgement against bone treatment: treat bone health (for example "
        "osteoporosis) on its own merits, and reassess with this plan if the disease progresses to active "
        "myeloma.",
        "本方案不涵盖(本方案仅针对活动性多发性骨髓瘤):冒烟型骨髓瘤和 MGUS 不在本方案范围内。这并非否定骨骼治疗:"
        "骨骼健康问题(如骨质疏松)应按其自身情况评估处理;若进展为活动性骨髓瘤,再按本方案重新评估。")


def _t_start(f, s):
    return text(
        "Start bone protection now: at diagnosis, together with the anti-myeloma therapy, whether or not "
        "imaging shows bone disease.",
        "立即启动骨保护治疗:确诊并开始抗骨髓瘤治疗时同步启动,无论影像学是否发现骨病变。")


def _t_dental(f, s):
    if f["dental_exam_done"]:
        return text(
            "Dental examination done: complete any preventive dental treatment before the first dose. "
            "During treatment keep good oral hygiene and avoid invasive dental procedures (osteonecrosis of the jaw).",
            "口腔检查已完成:首剂前完成必要的预防性口腔处理。治疗期间保持口腔卫生,避免有创牙科操作(预防药物相关性颌骨坏死)。")
    return text(
        "Before the first dose: a comprehensive dental examination and any preventive dental treatment, to "
        "reduce the risk of osteonecrosis of the jaw. During treatment keep good oral hygiene and avoid "
        "invasive dental procedures.",
        "首剂前:全面口腔检查及必要的预防性口腔处理,以降低药物相关性颌骨坏死风险。治疗期间保持口腔卫生,避免有创牙科操作。")


def _t_correct_ca(f, s):
    return text(
        "Corrected calcium is below the laboratory's lower limit: correct the hypocalcaemia before the first "
        "dose. The denosumab label requires pre-existing hypocalcaemia to be corrected before starting "
        "(severe and fatal hypocalcaemia has been reported).",
        "校正血钙低于实验室参考下限:首剂前纠正低钙血症。地舒单抗说明书要求开始治疗前纠正已有的低钙血症(曾有严重及致死性低钙血症报告)。")


def _t_check_ca(f, s):
    return text(
        "Before the first denosumab dose, check corrected calcium against the laboratory's lower limit and "
        "correct hypocalcaemia if present.",
        "地舒单抗首剂前,对照实验室参考下限检查校正血钙;如有低钙血症应先纠正。")


_VIT_D_NOTE = text(
    " (Knowing the level is this plan's addition: the labels give vitamin D routinely or as needed, "
    "and a known level shows the need.)",
    "(了解维生素 D 水平为本方案的补充要求:说明书规定常规或按需补充维生素 D,已知水平可判断需要量。)")


def _t_vit_d(f, s):
    if f["vitamin_d_known"]:
        t = text("Vitamin D status is known: correct any deficiency before the first dose.",
                 "维生素 D 水平已知:首剂前纠正缺乏。")
    elif f["severe_renal"]:
        t = text(f"Vitamin D status is not known: measure it before the first dose. With CrCl < {_S} mL/min or "
                 "dialysis the risk of hypocalcaemia on denosumab is highest, so a deficiency should be found "
                 "and corrected first.",
                 f"维生素 D 水平未知:首剂前检测。肌酐清除率 < {_S} mL/min 或透析时,地舒单抗所致低钙血症风险最高,"
                 "应先发现并纠正缺乏。")
    else:
        t = text("Vitamin D status is not known: measure it before the first dose, so that deficiency "
                 "can be corrected.",
                 "维生素 D 水平未知:首剂前检测,以便纠正缺乏。")
    return text(t["en"] + _VIT_D_NOTE["en"], t["zh"] + _VIT_D_NOTE["zh"])


def _t_hypercalcaemia(f, s):
    return text(
        f"Corrected calcium is above {_HC['mmol/L']} mmol/L ({_HC['mg/dL']} mg/dL), the CRAB threshold: "
        "hypercalcaemia. Do not give calcium or vitamin D supplements while the patient is hypercalcaemic; "
        "treat the hypercalcaemia, and start them once calcium is no longer high.",
        f"校正血钙高于 CRAB 阈值 {_HC['mmol/L']} mmol/L({_HC['mg/dL']} mg/dL):高钙血症。高钙血症期间不补充钙剂和"
        "维生素 D;先治疗高钙血症,待血钙不再升高后再开始补充。")


def _t_monitor_cr(f, s):
    try:
        rule_en, rule_zh = _renal_rule_text()
    except ImportError:  # pragma: no cover - the renal check module ships with the package
        rule_en = "Withhold for renal deterioration as the label says (zoledronic-acid-renal-check)."
        rule_zh = "出现肾功能恶化时按说明书暂停(zoledronic-acid-renal-check)。"
    return text(
        "Before each zoledronic acid or pamidronate dose: serum creatinine and creatinine clearance "
        "(Cockcroft–Gault). " + rule_en + " Pamidronate: withhold until creatinine returns to baseline.",
        "每次唑来膦酸或帕米膦酸给药前:检测血清肌酐并计算肌酐清除率(Cockcroft–Gault)。" + rule_zh
        + "帕米膦酸:暂停至肌酐恢复至基线。")


def _t_monitor_ca(f, s):
    severe = SEVERE_RENAL.holds(f)
    en = ("Monitor calcium during denosumab treatment and give calcium, magnesium and vitamin D as needed. "
          f"Hypocalcaemia risk is highest with CrCl < {_S} mL/min or dialysis, and with inadequate calcium "
          "supplementation.")
    zh = (f"地舒单抗治疗期间监测血钙,按需补充钙、镁和维生素 D。肌酐清除率 < {_S} mL/min 或透析、钙补充不足时低钙血症风险最高。")
    if severe:
        en += " This patient is in that highest-risk group."
        zh += "该患者属于最高风险人群。"
    return text(en, zh)


ACTIONS: tuple[Action, ...] = (
    Action("not-indicated", "start", "BP-1", ("terpos2021bone", "song_interview"),
           Cond("category", "is", NOT_INDICATED), _t_not_indicated),
    Action("start-now", "start", "BP-1",
           ("song_interview", "csco2025mbdguideline", "terpos2021bone", "terpos2013imwg"), STARTING, _t_start),
    Action("baseline-imaging", "start", "BP-2", ("song_interview", "hillengass2019imaging"), STARTING, text(
        "Baseline skeletal imaging (low-dose whole-body CT; whole-body MRI or PET-CT) and bone-turnover "
        "markers, as the reference for follow-up. Do not wait for the result to start bone protection.",
        "基线骨骼影像学检查(低剂量全身 CT;全身 MRI 或 PET-CT)及骨代谢标志物检测,作为随访对照。无需等待结果再启动骨保护。")),
    Action("agent-choice", "start", "BP-3", ("song_interview", "terpos2021bone"), STARTING, text(
        "Choose the agent for this patient: age, performance status, renal function, oral health, previous "
        "fractures, risk of skeletal-related events, and the preferred route and adherence.",
        "个体化选择药物:综合评估年龄、体能状态、肾功能、口腔健康状况、既往骨折史、骨相关事件风险以及对给药途径的偏好和依从性。")),
    Action("dental", "before-first-dose", "BP-5", ("song_interview", "zometa_smpc"), STARTING, _t_dental),
    Action("correct-hypocalcaemia", "before-first-dose", "BP-6", ("xgeva2025label",),
           AllOf((STARTING, Cond("calcium_low", "is", True))), _t_correct_ca),
    Action("check-calcium-denosumab", "before-first-dose", "BP-6", ("xgeva2025label",),
           AllOf((HAS_DMAB, Cond("calcium_status", "is", "unknown"))), _t_check_ca),
    Action("hypercalcaemia", "supportive-care", "BP-6", ("rajkumar2014imwg",),
           AllOf((STARTING, Cond("calcium_status", "is", "high"))), _t_hypercalcaemia),
    # A project addition (see decisions): cited only for the "vitamin D as needed" it rests on.
    Action("vitamin-d-status", "before-first-dose", "BP-6", ("xgeva2025label",),
           STARTING, _t_vit_d),
    Action("calcium-vitamin-d", "supportive-care", "BP-6", ("zometa_label", "song_interview"),
           AllOf((STARTING, AnyOf(tuple(Cond("calcium_status", "is", v) for v in ("unknown", "not-low", "low"))))),
           text(
        f"Calcium and vitamin D for everyone on bone-targeted therapy: calcium {CALCIUM_SUPPLEMENT_MG} mg plus "
        f"vitamin D {VITAMIN_D_SUPPLEMENT_IU} IU daily (zoledronic acid label), to supply bone and prevent "
        "treatment-related hypocalcaemia; not while the patient is hypercalcaemic.",
        f"所有接受骨保护治疗的患者常规补充钙剂和维生素 D:每日钙 {CALCIUM_SUPPLEMENT_MG} mg 加维生素 D "
        f"{VITAMIN_D_SUPPLEMENT_IU} IU(唑来膦酸说明书),为骨骼提供原料并预防治疗相关的低钙血症;高钙血症期间暂不补钙。")),
    Action("lifestyle", "supportive-care", "BP-7", ("song_interview",), STARTING, text(
        "Moderate weight-bearing exercise as the patient's condition allows, a balanced diet, no smoking and "
        "little alcohol.",
        "在身体条件允许时进行适度负重锻炼,均衡饮食,戒烟限酒。")),
    Action("monitor-creatinine", "monitoring", "BP-4",
           ("zometa_label", "zometa_smpc", "pamidronate_label"), AllOf((STARTING, HAS_BISPHOSPHONATE)),
           _t_monitor_cr),
    Action("monitor-calcium-denosumab", "monitoring", "BP-6", ("xgeva2025label",), HAS_DMAB, _t_monitor_ca),
    Action("za-duration", "duration", "BP-8", ("terpos2021bone",), AllOf((STARTING, HAS_BISPHOSPHONATE)), text(
        f"Zoledronic acid (or pamidronate) monthly for at least {ZA_MIN_MONTHS} months. At VGPR or better, "
        f"consider reducing to every {ZA_REDUCED_EVERY_MONTHS[0]} or {ZA_REDUCED_EVERY_MONTHS[1]} months or "
        "stopping; without VGPR, continue.",
        f"唑来膦酸(或帕米膦酸)每月一次,至少 {ZA_MIN_MONTHS} 个月。达到非常好的部分缓解(VGPR)或更好时,可考虑减为每 "
        f"{ZA_REDUCED_EVERY_MONTHS[0]} 或 {ZA_REDUCED_EVERY_MONTHS[1]} 个月一次或停药;未达 VGPR 则继续。")),
    Action("denosumab-stopping", "duration", "BP-8", ("xgeva2025label", "terpos2021bone"), HAS_DMAB, text(
        "Do not stop denosumab without a plan: multiple vertebral fractures have been reported after stopping "
        "(rebound). Agree how and when to stop with the treating specialist before any interruption.",
        "不可无计划停用地舒单抗:停药后曾报告多发椎体骨折(反跳)。任何中断前须与主治专科医生商定停药方式和时机。")),
    Action("restart-at-relapse", "duration", "BP-8", ("terpos2013imwg",), STARTING, text(
        "Restart bone-targeted therapy at relapse.", "疾病复发时重新启动骨靶向治疗。")),
)
ACTION_IDS = tuple(a.id for a in ACTIONS)


# ---------------------------------------------------------------------------------------
# Result and function
# ---------------------------------------------------------------------------------------


@dataclass
class PlanResult(Result):
    """A Result whose as_dict() also carries "start", "agents", "actions" and "path"."""

    start: dict = field(default_factory=dict)
    agents: list = field(default_factory=list)
    actions: list = field(default_factory=list)
    path: list = field(default_factory=list)

    def as_dict(self) -> dict:
        from ..records import _jsonable

        d = super().as_dict()
        d.update(_jsonable({"start": self.start, "agents": self.agents, "actions": self.actions,
                            "path": self.path}))
        return d


def bone_protection_plan(active_mm, crcl, corrected_calcium=None, calcium_lln=None, dialysis=False,
                         dental_exam_done=False, high_sre_risk=False, prefers_subcutaneous=False,
                         vitamin_d_known=False) -> PlanResult:
    f = facts_of(dict(
        active_mm=active_mm, crcl=crcl, corrected_calcium=corrected_calcium, calcium_lln=calcium_lln,
        dialysis=dialysis, dental_exam_done=dental_exam_done, high_sre_risk=high_sre_risk,
        prefers_subcutaneous=prefers_subcutaneous, vitamin_d_known=vitamin_d_known))
    path, sets = TREE.walk(f)
    ctx = {**f, "category": sets["category"], "agents": sets.get("agents", ()), "favoured": sets.get("favoured")}
    starting = sets["category"] == START_NOW

    if starting:
        favoured = sets["favoured"]
        order = (favoured,) + tuple(a for a in AGENT_ORDER if a != favoured)
        agents = [_agent(a, f, sets) for a in order]
    else:
        agents = []
    actions = [a.render(f, sets) for a in ACTIONS if a.applies.holds(ctx)]
    actions.sort(key=lambda a: PHASES.index(a["phase"]))  # stable: table order within a phase

    # what must be done before the first dose can be given
    gating = {"dental": not f["dental_exam_done"], "correct-hypocalcaemia": True,
              "check-calcium-denosumab": True,
              # vitamin D (a project addition) gates the first dose only where hypocalcaemia risk is highest
              "vitamin-d-status": f["severe_renal"] and not f["vitamin_d_known"]}
    pending = [a["id"] for a in actions if gating.get(a["id"], False)]
    if starting:
        start = {"indicated": True, "recommendation": "BP-1",
                 "when": text("Now: at diagnosis, with the anti-myeloma therapy, whatever the imaging.",
                              "立即:确诊时与抗骨髓瘤治疗同步启动,无论影像学结果如何。"),
                 "first_dose_after": pending,
                 "references": ["song_interview", "terpos2021bone", "terpos2013imwg"]}
    else:
        start = {"indicated": False, "recommendation": "BP-1",
                 "when": text("Not covered by this plan (active multiple myeloma only): smouldering myeloma "
                              "and MGUS are outside it; treat bone health on its own merits.",
                              "本方案不涵盖(仅针对活动性多发性骨髓瘤):冒烟型骨髓瘤和 MGUS 不在本方案范围内;"
                              "骨骼健康按其自身情况处理。"),
                 "first_dose_after": [], "references": ["terpos2021bone", "song_interview"]}

    if starting:
        fav = next(a for a in agents if a["favoured"])
        dose = fav["dose"]
        en = f"Start bone protection now with {fav['name']['en'].lower()} {dose['en']}; "
        zh = f"立即启动骨保护:{fav['name']['zh']} {dose['zh']};"
        if f["dental_exam_done"]:
            en += "dental examination done: complete any preventive dental treatment before the first dose; "
            zh += "口腔检查已完成:首剂前完成必要的预防性口腔处理;"
        else:
            en += "dental examination before the first dose; "
            zh += "首剂前口腔检查;"
        if f["calcium_status"] == "high":
            en += ("hypercalcaemia (corrected calcium above the CRAB threshold): no calcium or vitamin D "
                   "supplements until it is corrected.")
            zh += "高钙血症(校正血钙高于 CRAB 阈值):纠正前不补充钙剂和维生素 D。"
        else:
            en += "calcium and vitamin D."
            zh += "补充钙和维生素 D。"
        if f["calcium_low"]:
            en += " Correct hypocalcaemia before the first dose."
            zh += "首剂前纠正低钙血症。"
        elif "check-calcium-denosumab" in pending:
            en += " Check corrected calcium before the first dose."
            zh += "首剂前检查校正血钙。"
    else:
        en, zh = start["when"]["en"], start["when"]["zh"]
    refs = []
    for item in [start] + agents + actions:
        refs += [k for k in item["references"] if k not in refs]
    recs = sorted({a["recommendation"] for a in actions} | ({"BP-3"} if agents else set()) | {"BP-1"})
    za = zad.dose_for(f["crcl"]) if starting and ZA in sets["agents"] else None
    return PlanResult(
        calculator=ID, value=None, unit=None, category=sets["category"], explanation=text(en, zh),
        references=tuple(refs), recommendations=tuple(recs),
        details={"favoured": sets.get("favoured"),
                 "agents": [a["agent"] for a in agents if a["suitable"]],
                 "zoledronic_acid_dose_mg": za, "calcium_status": f["calcium_status"],
                 "hypercalcaemia": f["hypercalcaemia"],
                 "severe_renal_impairment": SEVERE_RENAL.holds(f)},
        start=start, agents=agents, actions=actions, path=path,
    )


CALCULATOR = Calculator(
    id=ID,
    title=text("Bone protection plan", "骨保护治疗方案"),
    function=cg.with_clearance(bone_protection_plan),
    equation="mmguide bone-protection decision tree (interview; IMWG 2021; Zometa, Xgeva and pamidronate labels)",
    purpose=text(
        "Says whether and when to start bone-targeted therapy in multiple myeloma, which agent at what dose, "
        "what to do before the first dose, and how to monitor, review and stop.",
        "判断多发性骨髓瘤患者是否及何时启动骨靶向治疗、选用何种药物及剂量、首剂前准备,以及监测、评估和停药。",
    ),
    when_to_use=text(
        "At diagnosis of active multiple myeloma, when anti-myeloma therapy is planned; again at relapse.",
        "确诊活动性多发性骨髓瘤、计划抗骨髓瘤治疗时使用;复发时再次使用。",
    ),
    inputs=(
        Input("active_mm", text("Active multiple myeloma (needs anti-myeloma therapy)",
                                "活动性多发性骨髓瘤(需要抗骨髓瘤治疗)"), kind="boolean",
              help=text("No for smouldering myeloma or MGUS.", "冒烟型骨髓瘤或 MGUS 选“否”。")),
        *cg.clearance_inputs(  # the clearance, or age, weight, creatinine and sex to calculate it
            Input("crcl", text("Creatinine clearance (Cockcroft–Gault)", "肌酐清除率(Cockcroft–Gault)"),
                  analyte="crcl",
                  help=text("An eGFR in mL/min/1.73 m² is refused: the zoledronic acid label uses Cockcroft–Gault "
                            "clearance.", "不接受以 mL/min/1.73 m² 表示的 eGFR:唑来膦酸说明书使用 Cockcroft–Gault 清除率。"))),
        Input("dialysis", text("On dialysis", "正在透析"), kind="boolean", required=False, default=False),
        Input("corrected_calcium", text("Corrected serum calcium", "校正血钙"), analyte="calcium",
              required=False,
              help=text("Albumin-corrected (see corrected-calcium).", "白蛋白校正后的血钙(见 corrected-calcium)。")),
        Input("calcium_lln", text("Laboratory lower limit of normal for calcium", "实验室血钙参考下限"),
              analyte="calcium", required=False,
              help=text("Your laboratory's own lower reference limit; hypocalcaemia is judged against it.",
                        "本实验室的血钙参考下限;据此判断是否低钙血症。")),
        Input("dental_exam_done", text("Dental examination already done", "已完成口腔检查"),
              kind="boolean", required=False, default=False),
        Input("high_sre_risk", text("High risk of skeletal-related events (e.g. previous pathological fracture)",
                                    "骨相关事件高风险(如既往病理性骨折)"),
              kind="boolean", required=False, default=False),
        Input("prefers_subcutaneous", text("Prefers a subcutaneous injection (more convenient route)",
                                           "希望皮下注射(更便捷的给药方式)"),
              kind="boolean", required=False, default=False),
        Input("vitamin_d_known", text("Vitamin D status known", "维生素 D 水平已知"),
              kind="boolean", required=False, default=False),
    ),
    output=Output(text("Bone protection plan", "骨保护方案"), categories=(
        Category(START_NOW, text("Start now", "立即启动")),
        Category(NOT_INDICATED, text("Not covered by this plan (active myeloma only)", "本方案不涵盖(仅限活动性骨髓瘤)")),
    )),
    references=REFERENCES,
    recommendations=RECOMMENDATIONS,
    decisions=(
        text("Severe renal impairment is CrCl < 30 mL/min or dialysis; pamidronate's \"severe renal impairment\" "
             "is read as the same 30 mL/min.",
             "重度肾功能损害定义为肌酐清除率 < 30 mL/min 或透析;帕米膦酸说明书中的\u201c重度肾功能损害\u201d按同一 30 mL/min 理解。"),
        text("Exactly one agent is favoured. Denosumab when CrCl < 30 mL/min or dialysis (the only suitable agent), "
             "or when the patient is at high risk of skeletal-related events or wants a subcutaneous injection "
             "(interview). Otherwise zoledronic acid, IMWG 2021's default, at the label's renal dose; between 30 and "
             "60 mL/min denosumab is shown as the alternative IMWG suggests in renal impairment.",
             "仅优先推荐一种药物:肌酐清除率 < 30 mL/min 或透析时选地舒单抗(唯一适用药物);骨相关事件高风险或希望皮下注射者亦优先地舒单抗(专家访谈)。"
             "其余情况按 IMWG 2021 默认首选唑来膦酸,按说明书肾功能剂量给药;清除率 30–60 mL/min 时列出地舒单抗作为 IMWG 建议的肾功能损害备选。"),
        text("Low corrected calcium is judged against the laboratory's own lower limit, given as an input; "
             "without it (or without a calcium) the plan asks for the check before the first denosumab dose.",
             "低钙血症以本实验室参考下限(作为输入)判断;未提供时,方案提示地舒单抗首剂前进行检查。"),
        text(f"Hypercalcaemia is a corrected calcium above the CRAB threshold ({_HC['mmol/L']} mmol/L or "
             f"{_HC['mg/dL']} mg/dL, in the unit measured; the laboratory-ULN criterion is in "
             "myeloma-defining-events). Then the plan flags it and advises no calcium or vitamin D supplements until "
             "it is corrected (a project decision; the sources give supplements without addressing hypercalcaemia).",
             f"高钙血症定义为校正血钙高于 CRAB 阈值({_HC['mmol/L']} mmol/L 或 {_HC['mg/dL']} mg/dL,按实测单位;"
             "相对实验室正常上限的标准见骨髓瘤定义事件计算器)。此时方案予以提示,并建议纠正前不补充钙剂和维生素 D"
             "(项目决定;来源文献给出补充建议,但未涉及高钙血症)。"),
        text("Without a laboratory lower limit (or without a calcium) the calcium status is 'not known': the "
             "flowchart then routes through a calcium check before the first denosumab dose rather than treating "
             "'not known' as 'not low'.",
             "未提供实验室参考下限(或未提供血钙)时,血钙状态为“未知”:流程图此时在地舒单抗首剂前安排血钙检查,"
             "而不把“未知”视为“不低”。"),
        text(f"Knowing the vitamin D status (action 'vitamin-d-status') is this plan's addition: the labels give "
             "vitamin D routinely (zoledronic acid) or as needed (denosumab) but do not ask for a level, and the "
             "interview asks for routine supplements. It is cited only to the denosumab label's 'as needed'. An "
             f"unknown status holds back the first dose only with CrCl < {_S} mL/min or dialysis, where "
             "hypocalcaemia risk on denosumab is highest.",
             "了解维生素 D 水平(行动项 vitamin-d-status)为本方案的补充:说明书规定常规(唑来膦酸)或按需(地舒单抗)补充维生素 D,"
             "但未要求检测水平;专家访谈要求常规补充。本项仅引用地舒单抗说明书的“按需”。仅在肌酐清除率 < "
             f"{_S} mL/min 或透析(地舒单抗低钙血症风险最高)时,维生素 D 水平未知才需在首剂前完成检测。"),
    ),
)
