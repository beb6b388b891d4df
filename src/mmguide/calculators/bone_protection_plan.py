"""Bone protection plan for multiple myeloma: whether and when to start, which agent at what
dose, what to do before the first dose, supportive care, monitoring, duration and stopping.

The logic is DATA: the decision :data:`TREE` (urgent hypercalcaemia of malignancy first, then the
start decision, calcium, the stability of the creatinine, agent choice, zoledronic acid dose band),
the :data:`AGENTS` table and the :data:`ACTIONS` table. The function below walks the tree and reads
the tables; the record declares the same tree as its ``flowchart``, which the book draws, so the
flowchart cannot disagree with this code.

Safe by default: a state the plan does not model, or an answer it was not given ("unknown"), is
asked for, never read as "no": the result lists what must be found out or done before the first
dose (``start["first_dose_after"]``) and the headline says so.

Sources: the expert interview (song_interview; its practical advice is the plan's backbone),
the Zometa, Xgeva and pamidronate labels, IMWG 2021 (terpos2021bone), IMWG 2013
(terpos2013imwg), ASCO 2018 (anderson2018asco), the NCI CTCAE v5.0 (nci2017ctcae) and the FDA's
2024 communication on denosumab in advanced CKD (fda2024prolia): keys of references.bib. The hazards it
guards against, with their tests, are in the hazard log (docs/safety.md).
Recommendation IDs BP-1 … BP-8 are defined in the book.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction as F

from ..decision import AllOf, AnyOf, Branch, Cond, Fact, Node, Tree
from ..errors import InputError
from ..records import Calculator, Category, Input, Output, Result, text, yes_no
from .. import units as U
from . import corrected_calcium as cc
from . import crcl_cockcroft_gault as cg
from . import zoledronic_acid_dose as zad
from .corrected_calcium import CRAB_ABOVE

ID = "bone-protection-plan"
REFERENCES = (
    "song_interview", "terpos2021bone", "terpos2013imwg", "zometa_label", "zometa_smpc",
    "xgeva2025label", "pamidronate_label", "raje2018denosumab", "hillengass2019imaging",
    "csco2025mbdguideline", "rajkumar2014imwg", "nci2017ctcae", "anderson2018asco", "fda2024prolia",
    "cockcroft1976",
)
RECOMMENDATIONS = tuple(f"BP-{i}" for i in range(1, 9))

# ---------------------------------------------------------------------------------------
# Named constants, each with its source. Zoledronic acid dose bands live only in
# zoledronic_acid_dose (dose_for, FULL_DOSE_ABOVE, DOSE_BANDS, NOT_RECOMMENDED_BELOW);
# calcium thresholds only in corrected_calcium and myeloma_defining_events.
# ---------------------------------------------------------------------------------------

# Severe renal impairment, CrCl < 30 mL/min (Cockcroft–Gault):
#  - zoledronic acid not recommended (Zometa label / EU SmPC; zoledronic_acid_dose);
#  - pamidronate: "use in severe renal impairment not recommended"; its label gives CrCl < 30
#    as the range with limited data, so the same 30 mL/min is used (a project decision, stated in the record's decisions);
#  - denosumab: hypocalcaemia risk highest at CrCl < 30 and/or dialysis (Xgeva label); the phase 3
#    trial excluded CrCl < 30 (raje2018denosumab).
SEVERE_RENAL_BELOW = zad.NOT_RECOMMENDED_BELOW
# A clearance the plan shows (a reduced zoledronic acid dose) is written to the dose table's decimals and never
# rounded onto or across an edge it is compared with: the dose-band edges and severe renal impairment.
CLEARANCE_PLACES = zad.CRCL_PLACES
CLEARANCE_EDGES = zad.EDGES + (SEVERE_RENAL_BELOW,)

# Denosumab for myeloma: 120 mg SC every 4 weeks, no loading doses (xgeva2025label).
DENOSUMAB_MG = 120
DENOSUMAB_EVERY_WEEKS = 4
# Loading doses on days 8 and 15 of the first month only for giant-cell tumour and for
# hypercalcaemia of malignancy refractory to bisphosphonate (xgeva2025label).
DENOSUMAB_LOADING_DAYS = (8, 15)
# Pamidronate for myeloma: 90 mg IV over 4 hours, monthly (pamidronate_label).
PAMIDRONATE_MG = 90
PAMIDRONATE_INFUSION_HOURS = 4
# ASCO 2018: pamidronate 90 mg over 4–6 h in severe renal impairment (anderson2018asco); the
# label does not recommend it there.
PAMIDRONATE_SEVERE_RENAL_HOURS = (4, 6)
# Supplements: oral calcium 500 mg plus vitamin D 400 IU daily (Zometa US label; the only
# verified dose, zometa_label; the IMWG/EMN figures are unverified).
CALCIUM_SUPPLEMENT_MG = 500
VITAMIN_D_SUPPLEMENT_IU = 400
# Duration: zoledronic acid monthly for at least 12 months, then at VGPR or better consider
# reducing to every 3 or 6 months or stopping (IMWG 2021, terpos2021bone).
ZA_MIN_MONTHS = 12
ZA_REDUCED_EVERY_MONTHS = (3, 6)

# Hypercalcaemia (mild): corrected calcium above the CRAB threshold (Rajkumar 2014), or above the
# laboratory's upper limit when it is given; in the unit measured. Single source:
# myeloma_defining_events.CALCIUM_ABOVE, through corrected_calcium.CRAB_ABOVE.
HYPERCALCAEMIA_ABOVE = CRAB_ABOVE
# Hypercalcaemia of malignancy: corrected calcium at or above 3.0 mmol/L (12 mg/dL), the Zometa
# label's definition (zometa_label); single source corrected_calcium.HCM_AT_LEAST.
HCM_AT_LEAST = cc.HCM_AT_LEAST
# Zometa for hypercalcaemia of malignancy: 4 mg (the maximum) over no less than 15 min, with no
# renal dose reduction while serum creatinine is below 4.5 mg/dL (400 µmol/L); retreatment not
# sooner than 7 days after the first dose (zometa_label, section 2.1).
HCM_ZA_MG = zad.FULL_DOSE
HCM_NO_RENAL_REDUCTION_BELOW = {"mg/dL": F("4.5"), "µmol/L": F(400)}
HCM_RETREAT_AFTER_DAYS = 7
# Hypocalcaemia whatever the laboratory's limits: below the CTCAE grade 2 floor (nci2017ctcae).
HYPOCALCAEMIA_BELOW = cc.HYPOCALCAEMIA_BELOW
# Severe hypocalcaemia, a medical emergency: adjusted calcium below 1.9 mmol/L, or symptoms at any level
# below the reference range (Society for Endocrinology emergency guidance, turner2016hypocalcaemia). CTCAE grades 3-4 (< 1.75 mmol/L) lie beyond it. The guidance gives mmol/L only; a calcium
# in mg/dL is converted exactly (units.py) and compared in mmol/L.
SEVERE_HYPOCALCAEMIA_BELOW_MMOL = F("1.9")
# Its first treatment (turner2016hypocalcaemia): 10-20 mL of 10% calcium gluconate in 50-100 mL of 5%
# dextrose over 10 minutes with ECG monitoring, repeated until symptoms resolve, then an infusion.
CA_GLUCONATE_ML = (10, 20)
CA_GLUCONATE_DILUENT_ML = (50, 100)
CA_GLUCONATE_MINUTES = 10
# Severe hypercalcaemia: serum calcium above 14 mg/dL (3.5 mmol/L), where the Endocrine Society 2023
# guideline suggests calcitonin with an intravenous bisphosphonate or denosumab as initial treatment
# (elhajjfuleihan2023hypercalcemia, conditional). Strictly above, in the unit measured.
SEVERE_HYPERCALCAEMIA_ABOVE = {"mmol/L": F("3.5"), "mg/dL": F(14)}
# Very low albumin: below it the albumin-corrected calcium is confirmed with an ionised calcium before an
# emergency decision (payne1973calcium, elhajjfuleihan2023hypercalcemia; the edge, 25 g/L, is a project
# decision: no source gives one).
LOW_ALBUMIN_BELOW = {"g/L": F(25), "g/dL": F("2.5")}
# A corrected calcium the plan shows is written to 2 decimals, never onto or across a calcium it is compared with.
CALCIUM_PLACES = 2


def calcium_edges(unit: str, lln=None, uln=None) -> tuple:
    """Every calcium, in *unit*, that the plan compares a corrected calcium measured in *unit* with (the limits
    above, the CTCAE grade edges shown beside it, and the laboratory's own limits, already in *unit*)."""
    severe_low = U.Quantity(SEVERE_HYPOCALCAEMIA_BELOW_MMOL, "mmol/L", "calcium").to(unit)
    return ((HCM_AT_LEAST[unit], HYPERCALCAEMIA_ABOVE[unit], SEVERE_HYPERCALCAEMIA_ABOVE[unit], severe_low)
            + tuple(g[unit] for g in cc.HYPO_GRADE_BELOW.values())
            + tuple(g[unit] for g in cc.HYPER_GRADE_ABOVE.values())
            + tuple(x for x in (lln, uln) if x is not None))


# Zoledronic acid: the myeloma and bone-metastasis trials excluded serum creatinine above 3.0 mg/dL
# (265 µmol/L) (zometa_label): above it the plan does not start or continue it as routine.
ZA_TRIALS_CREATININE_ABOVE = {"mg/dL": F("3.0"), "µmol/L": F(265)}
# Denosumab: effective contraception during treatment and for at least 5 months after the last dose
# (xgeva2025label, sections 5 and 8).
DENOSUMAB_CONTRACEPTION_MONTHS = 5
# Duration (BP-8): review at 12 months of monthly therapy (IMWG 2021), up to 2 years then reconsider
# (ASCO 2018, anderson2018asco).
REVIEW_AT_MONTHS = ZA_MIN_MONTHS
RECONSIDER_AT_MONTHS = 24
# The months on an agent are compared with these (a whole number, written as it is).
MONTHS_EDGES = (REVIEW_AT_MONTHS, RECONSIDER_AT_MONTHS)
# After stopping denosumab (osteoporosis): a bisphosphonate about 6 months after the last injection
# (ECTS 2021, tsourdi2021ects); no trial defines it for the 120 mg myeloma schedule.
DENOSUMAB_FOLLOW_ON_MONTHS = 6

ZA, DMAB, PAM = "zoledronic-acid", "denosumab", "pamidronate"
AGENT_ORDER = (ZA, DMAB, PAM)
ALL_AGENTS = (ZA, DMAB, PAM)
# The choices of the plan's new inputs ("unknown" allowed, and not given is unknown too)
ONJ_CHOICES = ("none", "previous", "active", "unknown")
CURRENT_AGENT_CHOICES = ("none", ZA, DMAB, PAM, "unknown")
RESPONSE_CHOICES = ("vgpr-or-better", "less-than-vgpr", "unknown")

START_NOW, NOT_INDICATED, FIND_OUT = "start-now", "not-indicated", "find-out-first"
# Categories the resolution step gives (the tree decides only whether and what to start):
#   urgent-first: an emergency is treated now and the maintenance agent follows it;
#   hold: the maintenance agent is not started until something is done (correct calcium, active ONJ,
#   pregnancy); continue: the patient is already on a bone-targeted agent (duration and review).
URGENT_FIRST, HOLD, CONTINUE = "urgent-first", "hold", "continue"

# calcium_status values
HCM, HIGH, LOW, NOT_LOW, NO_LIMIT, NOT_MEASURED = ("hcm", "high", "low", "not-low", "no-limit", "not-measured")
CALCIUM_STATUSES = (HCM, HIGH, LOW, NOT_LOW, NO_LIMIT, NOT_MEASURED)

# ---------------------------------------------------------------------------------------
# Facts the decisions test (from the parsed inputs)
# ---------------------------------------------------------------------------------------


def _calcium_status(cca, lln, uln) -> str:
    """Compared in the unit the calcium was measured in (a limit is converted exactly)."""
    if cca is None:
        return NOT_MEASURED
    u, v = cca.unit, cca.value
    if v >= HCM_AT_LEAST[u]:
        return HCM
    if v > HYPERCALCAEMIA_ABOVE[u] or (uln is not None and v > uln.to(u)):
        return HIGH
    if v < HYPOCALCAEMIA_BELOW[u] or (lln is not None and v < lln.to(u)):
        return LOW
    return NOT_LOW if lln is not None else NO_LIMIT


def _hcm_renal(inputs: dict, crcl) -> str:
    """For hypercalcaemia of malignancy: may zoledronic acid 4 mg be given without renal dose
    reduction? "ok" (creatinine below the label's limit, no severe renal impairment), "severe"
    (creatinine at or above it, CrCl < 30 or dialysis) or "unknown" (no creatinine given)."""
    cr = inputs.get("creatinine")
    if inputs.get("dialysis") is True or (crcl is not None and crcl < SEVERE_RENAL_BELOW):
        return "severe"
    if cr is None:
        return "unknown"
    return "ok" if cr.value < HCM_NO_RENAL_REDUCTION_BELOW[cr.unit] else "severe"


def facts_of(inputs: dict) -> dict:
    """The facts the tree and the tables test, from parsed inputs.

    A yes/no input that was not given or answered "unknown" stays None: the tree has its own
    branch for it, so "not known" is never read as "no".
    """
    crcl = inputs["crcl"].value if inputs.get("crcl") is not None else None
    cca, lln, uln = inputs.get("corrected_calcium"), inputs.get("calcium_lln"), inputs.get("calcium_uln")
    status = _calcium_status(cca, lln, uln)
    dialysis = inputs.get("dialysis")
    symptoms = inputs.get("hypocalcaemia_symptoms")
    grade = None
    shown = None
    severe_hypo = severe_hyper = False
    if cca is not None:
        u = cca.unit
        lln_u, uln_u = None if lln is None else lln.to(u), None if uln is None else uln.to(u)
        grade = cc.ctcae_grade(cca.value, u, lln_u, uln_u)[1]
        shown = f"{U.write(cca.value, CALCIUM_PLACES, calcium_edges(u, lln_u, uln_u))} {u}"
        # severe: below 1.9 mmol/L (compared in mmol/L, converted exactly), or symptomatic below the range
        severe_hypo = status == LOW and (cca.to("mmol/L") < SEVERE_HYPOCALCAEMIA_BELOW_MMOL or symptoms is True)
        severe_hyper = cca.value > SEVERE_HYPERCALCAEMIA_ABOVE[u]
    alb = inputs.get("albumin")
    low_albumin = alb is not None and alb.value < LOW_ALBUMIN_BELOW[alb.unit]
    sex, pregnancy = inputs.get("sex"), inputs.get("pregnancy_possible")
    current = inputs.get("current_agent")
    if current == "unknown":
        current = None
    months = inputs.get("months_on_agent")
    response = inputs.get("response")
    return {
        "active_mm": inputs.get("active_mm"),
        "crcl": crcl,
        "dialysis": dialysis,
        "high_sre_risk": inputs.get("high_sre_risk"),
        "prefers_subcutaneous": inputs.get("prefers_subcutaneous"),
        "calcium_status": status,
        "calcium_low": status == LOW,
        "hypercalcaemia": None if cca is None else status in (HCM, HIGH),
        "hcm_renal": _hcm_renal(inputs, crcl),
        "creatinine_stable": inputs.get("creatinine_stable"),
        "severe_renal": (crcl is not None and crcl < SEVERE_RENAL_BELOW) or dialysis is True,
        "dental_exam_done": inputs.get("dental_exam_done"),
        "vitamin_d_known": inputs.get("vitamin_d_known"),
        # the emergencies and the states they depend on
        "calcium_ctcae_grade": grade,
        "shown_calcium": shown,
        "hypocalcaemia_symptoms": symptoms,
        "severe_hypocalcaemia": severe_hypo,
        "symptoms_no_calcium": cca is None and symptoms is True,
        # symptoms with a calcium that may be below the laboratory's range, whose lower limit was not given
        "symptoms_unclear": cca is not None and symptoms is True and status == NO_LIMIT,
        "creatinine_above_trials": (inputs.get("creatinine") is not None and inputs["creatinine"].value
                                    > ZA_TRIALS_CREATININE_ABOVE[inputs["creatinine"].unit]),
        "severe_hypercalcaemia": severe_hyper,
        "low_albumin_check": low_albumin and status in (HCM, HIGH, LOW),
        "oliguria": inputs.get("oliguria"),
        "heart_failure": inputs.get("heart_failure"),
        # before the first dose: pregnancy and osteonecrosis of the jaw
        "sex": sex,
        "pregnancy_possible": pregnancy,
        "pregnancy_check": pregnancy is True or (pregnancy is None and sex != "male"),
        "onj": inputs.get("onj"),
        # already on an agent (BP-8)
        "current_agent": current,
        "continuing": current in AGENT_ORDER,
        "months_on_agent": months,
        "response": None if response == "unknown" else response,
    }


# ---------------------------------------------------------------------------------------
# The decision tree
# ---------------------------------------------------------------------------------------

SEVERE_RENAL = AnyOf((Cond("crcl", "<", SEVERE_RENAL_BELOW), Cond("dialysis", "is", True)))
NOT_SEVERE_RENAL = AllOf((Cond("crcl", ">=", SEVERE_RENAL_BELOW), Cond("dialysis", "is", False)))
DIALYSIS_NOT_KNOWN = AllOf((Cond("crcl", ">=", SEVERE_RENAL_BELOW), Cond("dialysis", "is", None)))
# no clearance (nor age, weight, creatinine and sex) given, and not on dialysis: the agent waits for it
CLEARANCE_NOT_KNOWN = AllOf((Cond("crcl", "is", None), AnyOf((Cond("dialysis", "is", False),
                                                               Cond("dialysis", "is", None)))))
WANTS_DENOSUMAB = AnyOf((Cond("high_sre_risk", "is", True), Cond("prefers_subcutaneous", "is", True)))
# neither is "yes": both "no", or one or both not known (then the plan asks, see "ask-preference")
NO_DENOSUMAB_WISH = AllOf((AnyOf((Cond("high_sre_risk", "is", False), Cond("high_sre_risk", "is", None))),
                           AnyOf((Cond("prefers_subcutaneous", "is", False),
                                  Cond("prefers_subcutaneous", "is", None)))))
PREFERENCE_NOT_KNOWN = AllOf((NO_DENOSUMAB_WISH, AnyOf((Cond("high_sre_risk", "is", None),
                                                        Cond("prefers_subcutaneous", "is", None)))))


def _status_in(*values):
    return AnyOf(tuple(Cond("calcium_status", "is", v) for v in values))


_SEVERE_RENAL_BELOW_TEXT = U.write(SEVERE_RENAL_BELOW)
_HYPERCALCAEMIA_ABOVE_TEXT = {u: U.write(v) for u, v in HYPERCALCAEMIA_ABOVE.items()}
_HCM_AT_LEAST_TEXT = {"mmol/L": U.write(HCM_AT_LEAST["mmol/L"], 1), "mg/dL": U.write(HCM_AT_LEAST["mg/dL"])}
_HYPOCALCAEMIA_BELOW_TEXT = {u: U.write(v, 1) for u, v in HYPOCALCAEMIA_BELOW.items()}
_HCM_NO_RENAL_REDUCTION_TEXT = {u: U.write(v) for u, v in HCM_NO_RENAL_REDUCTION_BELOW.items()}
_ZA_INFUSION_MINUTES = zad.INFUSION_MINUTES
_PAMIDRONATE_SEVERE_RENAL_HOURS_TEXT = f"{PAMIDRONATE_SEVERE_RENAL_HOURS[0]}–{PAMIDRONATE_SEVERE_RENAL_HOURS[1]}"
YES, NO = text("yes", "是"), text("no", "否")
NOT_KNOWN = text("not known", "未知")


def _za_dose_text(dose: F) -> dict:
    return text(f"{U.write(dose)} mg IV over ≥{_ZA_INFUSION_MINUTES} min, {zad.INTERVAL}",
                f"{U.write(dose)} mg 静脉输注 ≥{_ZA_INFUSION_MINUTES} 分钟,{zad.INTERVAL_ZH}一次")


def _band_branches() -> tuple[Branch, ...]:
    """One branch per dose band, from zoledronic_acid_dose's constants (no second copy)."""
    out = [Branch(Cond("crcl", ">", zad.FULL_DOSE_ABOVE), f"za-{U.write(zad.FULL_DOSE, 1)}",
                  text(f"> {U.write(zad.FULL_DOSE_ABOVE)} mL/min", f"> {U.write(zad.FULL_DOSE_ABOVE)} mL/min"),
                  {"favoured": ZA, "zoledronic_acid_dose_mg": zad.FULL_DOSE})]
    upper, first = zad.FULL_DOSE_ABOVE, True
    for low, dose in zad.DOSE_BANDS:
        top = Cond("crcl", "<=", upper) if first else Cond("crcl", "<", upper)
        lab = f"{U.write(low)}–{U.write(upper)} mL/min" if first else f"{U.write(low)}–<{U.write(upper)} mL/min"
        out.append(Branch(AllOf((Cond("crcl", ">=", low), top)), f"za-{U.write(dose, 1)}", text(lab, lab),
                          {"favoured": ZA, "zoledronic_acid_dose_mg": dose}))
        upper, first = low, False
    return tuple(out)


def _za_outcomes() -> tuple[Node, ...]:
    doses = (zad.FULL_DOSE,) + tuple(d for _, d in zad.DOSE_BANDS)
    return tuple(
        Node(f"za-{U.write(d, 1)}", "outcome",
             text(f"MAINTENANCE · Zoledronic acid {U.write(d)} mg\nIV ≥{_ZA_INFUSION_MINUTES} min\n{zad.INTERVAL}",
                  f"维持治疗 · 唑来膦酸 {U.write(d)} mg\n静脉 ≥{_ZA_INFUSION_MINUTES} 分钟\n{zad.INTERVAL_ZH}"),
             recommendations=("BP-4", "BP-8"), actions=("monitor-creatinine", "za-duration"))
        for d in doses
    )


_NODES = (
    Node("start", "start", text("Plasma-cell disorder: plan bone protection", "浆细胞疾病:制定骨保护方案"),
         next="severe-hypo"),
    # 0. NOW: the emergencies, before anything routine; the maintenance agent follows them.
    Node("severe-hypo", "decision",
         text(f"NOW · Severe hypocalcaemia: corrected calcium < {U.write(SEVERE_HYPOCALCAEMIA_BELOW_MMOL, 1)} mmol/L, or "
              "low with symptoms?",
              f"立即 · 重度低钙血症:校正血钙 < {U.write(SEVERE_HYPOCALCAEMIA_BELOW_MMOL, 1)} mmol/L,或偏低且有症状?"),
         branches=(
             Branch(Cond("severe_hypocalcaemia", "is", True), "now-calcium-gluconate", text("yes: urgent", "是:紧急")),
             Branch(Cond("severe_hypocalcaemia", "is", False), "hcm", NO),
         ), recommendations=("BP-6",)),
    Node("now-calcium-gluconate", "action",
         text("Now: intravenous calcium gluconate with ECG monitoring; correct magnesium; no bone-targeted agent "
              "until calcium is corrected",
              "立即:心电监护下静脉补充葡萄糖酸钙;纠正血镁;血钙纠正前不用骨靶向药物"),
         next="hcm", recommendations=("BP-6",), actions=("severe-hypocalcaemia",)),
    # 1. Urgent first: hypercalcaemia of malignancy is treated now, before anything routine.
    Node("hcm", "decision",
         text(f"NOW · Corrected calcium ≥ {_HCM_AT_LEAST_TEXT['mmol/L']} mmol/L (≥ {_HCM_AT_LEAST_TEXT['mg/dL']} mg/dL): hypercalcaemia of "
              "malignancy?",
              f"立即 · 校正血钙 ≥ {_HCM_AT_LEAST_TEXT['mmol/L']} mmol/L(≥ {_HCM_AT_LEAST_TEXT['mg/dL']} mg/dL):恶性肿瘤相关高钙血症?"),
         branches=(
             Branch(_status_in(HCM), "hcm-renal", text("yes: urgent", "是:紧急")),
             Branch(_status_in(HIGH, LOW, NOT_LOW, NO_LIMIT, NOT_MEASURED), "active",
                    text("no / not measured", "否 / 未检测")),
         ), recommendations=("BP-6",)),
    Node("hcm-renal", "decision",
         text(f"Serum creatinine < {_HCM_NO_RENAL_REDUCTION_TEXT['mg/dL']} mg/dL ({_HCM_NO_RENAL_REDUCTION_TEXT['µmol/L']} µmol/L), CrCl ≥ {_SEVERE_RENAL_BELOW_TEXT} mL/min, "
              "no dialysis?",
              f"血清肌酐 < {_HCM_NO_RENAL_REDUCTION_TEXT['mg/dL']} mg/dL({_HCM_NO_RENAL_REDUCTION_TEXT['µmol/L']} µmol/L)、肌酐清除率 ≥ {_SEVERE_RENAL_BELOW_TEXT} mL/min 且未透析?"),
         branches=(
             Branch(Cond("hcm_renal", "is", "ok"), "hcm-za", YES),
             Branch(Cond("hcm_renal", "is", "severe"), "hcm-severe-renal", NO),
             Branch(Cond("hcm_renal", "is", "unknown"), "hcm-creatinine", text("creatinine not known", "肌酐未知")),
         ), recommendations=("BP-6",)),
    Node("hcm-za", "action",
         text(f"Now: fluids by what the patient can excrete (saline first if passing urine; no loop diuretic "
              f"before); then zoledronic acid "
              f"{U.write(HCM_ZA_MG)} mg over ≥{_ZA_INFUSION_MINUTES} min, no renal dose reduction; dental examination does not "
              "delay it",
              f"立即:按排泄能力补液(有尿者先予生理盐水;补液前不用袢利尿剂);随后唑来膦酸 {U.write(HCM_ZA_MG)} mg 输注 ≥{_ZA_INFUSION_MINUTES} 分钟,"
              "不按肾功能减量;不因口腔检查推迟"),
         next="active", recommendations=("BP-6",), actions=("hcm-urgent",)),
    Node("hcm-severe-renal", "action",
         text("Now: no saline load on dialysis or without urine (low-calcium dialysate with nephrology); severe renal "
              "impairment: zoledronic acid only after weighing risks and benefits, or denosumab (guideline vs label)",
              "立即:透析或无尿时不予生理盐水负荷(与肾内科安排低钙透析液);重度肾功能损害:权衡利弊后方可使用唑来膦酸,"
              "或选用地舒单抗(指南与说明书不同)"),
         next="active", recommendations=("BP-6",), actions=("hcm-urgent",)),
    Node("hcm-creatinine", "action",
         text(f"Now: fluids by what the patient can excrete (saline first if passing urine); measure serum creatinine "
              f"before zoledronic acid {U.write(HCM_ZA_MG)} mg",
              f"立即:按排泄能力补液(有尿者先予生理盐水);唑来膦酸 {U.write(HCM_ZA_MG)} mg 给药前检测血清肌酐"),
         next="active", recommendations=("BP-6",), actions=("hcm-urgent",)),
    # 2. Is the plan for this patient?
    Node("active", "decision",
         text("Active multiple myeloma (needs anti-myeloma therapy)?", "活动性多发性骨髓瘤(需要抗骨髓瘤治疗)?"),
         branches=(
             Branch(Cond("active_mm", "is", True), "start-now", YES, {"category": START_NOW}),
             Branch(Cond("active_mm", "is", False), "not-indicated", NO,
                    {"category": NOT_INDICATED, "agents": (), "favoured": None}),
             Branch(Cond("active_mm", "is", None), "ask-active", NOT_KNOWN,
                    {"category": FIND_OUT, "agents": (), "favoured": None}),
         ), recommendations=("BP-1",)),
    Node("not-indicated", "outcome",
         text("Outside this plan (smouldering myeloma, MGUS): treat bone health on its own merits; "
              "reassess if it progresses",
              "不在本方案范围内(冒烟型骨髓瘤、MGUS):骨骼健康按其自身情况处理;疾病进展时重新评估"),
         recommendations=("BP-1",), actions=("not-indicated",)),
    Node("ask-active", "outcome",
         text("Find out first whether the myeloma is active: the plan depends on it",
              "先明确骨髓瘤是否为活动性:方案取决于此"),
         recommendations=("BP-1",), actions=("ask-active",)),
    Node("start-now", "action",
         text("Start now, with anti-myeloma therapy, whatever the imaging",
              "立即启动:与抗骨髓瘤治疗同步,无论影像学有无骨病变"),
         next="baseline", recommendations=("BP-1",), actions=("start-now",)),
    Node("baseline", "action",
         text("Baseline whole-body imaging and bone-turnover markers (do not wait for them)",
              "基线全身影像学检查及骨代谢标志物(无需等待结果)"),
         next="dental", recommendations=("BP-2",), actions=("baseline-imaging",)),
    Node("dental", "action",
         text("BEFORE THE FIRST MAINTENANCE DOSE · Dental examination and preventive dental care",
              "维持治疗首剂前 · 口腔检查及预防性口腔处理"),
         next="hypercalcaemia-check", recommendations=("BP-5",), actions=("dental",)),
    # 3. Calcium: low calcium holds back the first dose of every agent; high calcium stops supplements.
    Node("hypercalcaemia-check", "decision",
         text(f"Corrected calcium: high (> {_HYPERCALCAEMIA_ABOVE_TEXT['mmol/L']} mmol/L or above the laboratory's upper limit), low "
              f"(< {_HYPOCALCAEMIA_BELOW_TEXT['mmol/L']} mmol/L or below the lower limit), or neither?",
              f"校正血钙:偏高(> {_HYPERCALCAEMIA_ABOVE_TEXT['mmol/L']} mmol/L 或高于实验室正常上限)、偏低(< {_HYPOCALCAEMIA_BELOW_TEXT['mmol/L']} mmol/L "
              "或低于正常下限),还是均否?"),
         branches=(
             Branch(_status_in(HCM, HIGH), "hypercalcaemia", text("high", "偏高")),
             Branch(_status_in(LOW), "correct-calcium", text("low", "偏低")),
             Branch(_status_in(NOT_LOW, NO_LIMIT), "supplements", text("neither", "均否")),
             Branch(_status_in(NOT_MEASURED), "measure-calcium", text("not measured", "未检测")),
         ), recommendations=("BP-6",)),
    Node("hypercalcaemia", "action",
         text("Hypercalcaemia: no calcium or vitamin D supplements while calcium is high; "
              "know the vitamin D status",
              "高钙血症:血钙升高期间不补充钙剂和维生素 D;了解维生素 D 水平"),
         next="stable", recommendations=("BP-6",), actions=("hypercalcaemia", "vitamin-d-status")),
    Node("correct-calcium", "action",
         text("Hypocalcaemia: correct it first; the first dose of every agent waits; then calcium and vitamin D",
              "低钙血症:先纠正;所有药物的首剂均须等待;之后补充钙和维生素 D"),
         next="stable", recommendations=("BP-6",),
         actions=("correct-hypocalcaemia", "calcium-vitamin-d", "vitamin-d-status")),
    Node("supplements", "action",
         text(f"Calcium {CALCIUM_SUPPLEMENT_MG} mg + vitamin D {VITAMIN_D_SUPPLEMENT_IU} IU daily; "
              "know the vitamin D status",
              f"每日钙 {CALCIUM_SUPPLEMENT_MG} mg + 维生素 D {VITAMIN_D_SUPPLEMENT_IU} IU;了解维生素 D 水平"),
         next="stable", recommendations=("BP-6", "BP-7"), actions=("calcium-vitamin-d", "vitamin-d-status")),
    Node("measure-calcium", "action",
         text("Measure corrected calcium before the first dose (high or low changes the plan)",
              "首剂前检测校正血钙(偏高或偏低均会改变方案)"),
         next="stable", recommendations=("BP-6",), actions=("measure-calcium", "vitamin-d-status")),
    # 4. Is the clearance a lasting one?
    Node("stable", "decision",
         text("Creatinine stable (no acute kidney injury)?", "血清肌酐稳定(无急性肾损伤)?"),
         branches=(
             Branch(Cond("creatinine_stable", "is", True), "renal", YES),
             Branch(AnyOf((Cond("creatinine_stable", "is", False), Cond("creatinine_stable", "is", None))),
                    "provisional-clearance", text("no / not known", "否 / 未知")),
         ), recommendations=("BP-4",)),
    Node("provisional-clearance", "action",
         text("Clearance provisional: re-estimate once creatinine is stable before the first bisphosphonate dose",
              "清除率仅为暂定值:双膦酸盐首剂前待肌酐稳定后重新估算"),
         next="renal", recommendations=("BP-4",), actions=("provisional-clearance",)),
    # 5. Kidneys, then preference, choose the agent.
    Node("renal", "decision",
         text(f"CrCl (Cockcroft–Gault) < {_SEVERE_RENAL_BELOW_TEXT} mL/min, or on dialysis?",
              f"肌酐清除率(Cockcroft–Gault)< {_SEVERE_RENAL_BELOW_TEXT} mL/min 或透析?"),
         branches=(
             Branch(SEVERE_RENAL, "denosumab-only", YES, {"agents": (DMAB,), "favoured": DMAB}),
             Branch(NOT_SEVERE_RENAL, "preference", NO, {"agents": ALL_AGENTS}),
             Branch(DIALYSIS_NOT_KNOWN, "ask-dialysis", text("dialysis not known", "是否透析未知"),
                    {"agents": ALL_AGENTS}),
             Branch(CLEARANCE_NOT_KNOWN, "ask-clearance", text("clearance not known", "清除率未知"),
                    {"agents": (), "favoured": None}),
         ), recommendations=("BP-4",)),
    Node("ask-clearance", "outcome",
         text("Agent and dose wait for the creatinine clearance (or age, weight, creatinine and sex)",
              "药物和剂量待肌酐清除率(或年龄、体重、肌酐和性别)明确后确定"),
         recommendations=("BP-3", "BP-4"), actions=("ask-clearance",)),
    Node("ask-dialysis", "action",
         text("Find out whether the patient is on dialysis before the first dose (then denosumab only)",
              "首剂前明确患者是否透析(如透析则仅用地舒单抗)"),
         next="preference", recommendations=("BP-4",), actions=("ask-dialysis",)),
    Node("denosumab-only", "action",
         text("No zoledronic acid or pamidronate; denosumab (not renally cleared; no randomised data below "
              f"{_SEVERE_RENAL_BELOW_TEXT} mL/min); CKD mineral and bone disorder assessed with nephrology",
              "不用唑来膦酸和帕米膦酸;选用地舒单抗(不经肾脏清除;"
              f"清除率 < {_SEVERE_RENAL_BELOW_TEXT} mL/min 无随机对照数据);与肾内科共同评估慢性肾脏病矿物质和骨异常"),
         next="calcium", recommendations=("BP-3", "BP-4"),
         actions=("severe-renal-denosumab", "monitor-calcium-denosumab")),
    Node("preference", "decision",
         text("High risk of skeletal-related events, or wants a subcutaneous injection?",
              "骨相关事件高风险,或希望皮下注射?"),
         branches=(
             Branch(WANTS_DENOSUMAB, "denosumab-favoured", YES, {"favoured": DMAB}),
             Branch(NO_DENOSUMAB_WISH, "za-band", text("no / not known (ask)", "否 / 未知(需询问)"),
                    {"favoured": ZA}),
         ), recommendations=("BP-3",)),
    Node("denosumab-favoured", "action",
         text("Denosumab favoured (the interview's view); zoledronic acid at the renal dose is the alternative",
              "优先地舒单抗(专家访谈观点);按肾功能剂量的唑来膦酸为备选"),
         next="calcium", recommendations=("BP-3",), actions=("agent-choice",)),
    Node("za-band", "decision",
         text("Zoledronic acid (IMWG preferred): dose by the baseline CrCl; later doses by the creatinine-rise rule",
              "唑来膦酸(IMWG 首选):按基线肌酐清除率定剂量;此后按肌酐升高规则给药"),
         branches=_band_branches(), recommendations=("BP-3", "BP-4")),
    Node("calcium", "decision",
         text("Corrected calcium compared with the laboratory's lower limit?", "校正血钙已与实验室正常下限比较?"),
         branches=(
             Branch(_status_in(NO_LIMIT), "check-calcium", text("no lower limit given", "未提供正常下限")),
             Branch(_status_in(HCM, HIGH, LOW, NOT_LOW, NOT_MEASURED), "denosumab",
                    text("yes, or handled above", "是,或已在上文处理")),
         ), recommendations=("BP-6",)),
    Node("check-calcium", "action",
         text("Check corrected calcium against the laboratory's lower limit before the first denosumab dose",
              "地舒单抗首剂前对照实验室正常下限检查校正血钙"),
         next="denosumab", recommendations=("BP-6",), actions=("check-calcium-denosumab",)),
    Node("denosumab", "outcome",
         text(f"MAINTENANCE · Denosumab {DENOSUMAB_MG} mg SC every {DENOSUMAB_EVERY_WEEKS} weeks; "
              "monitor calcium; never stop without a plan",
              f"维持治疗 · 地舒单抗 {DENOSUMAB_MG} mg 皮下注射,每 {DENOSUMAB_EVERY_WEEKS} 周一次;监测血钙;不可无计划停药"),
         recommendations=("BP-6", "BP-8"), actions=("monitor-calcium-denosumab", "denosumab-stopping")),
) + _za_outcomes()


def _realise_bool(name):
    """Inputs for a yes/no fact; "not known" is realised as not given (tests also try "unknown")."""
    def realise(v, chosen):
        return [{}] if v is None else [{name: v}]
    return realise


def _realise_crcl(v, chosen):
    return [{}] if v is None else [{"crcl": f"{U.write(v)} mL/min"}]


# Example laboratory values used only to build example patients for the flowchart's paths
# (the plan compares the patient's calcium with the laboratory's own limits, given as inputs).
_EXAMPLE_LLN, _EXAMPLE_ULN = "2.10 mmol/L", "2.60 mmol/L"
_EXAMPLE = {HCM: "3.30 mmol/L", HIGH: "2.90 mmol/L", LOW: "1.95 mmol/L", NOT_LOW: "2.10 mmol/L",
            NO_LIMIT: "2.30 mmol/L"}


def _realise_calcium(status, chosen):
    if status == NOT_MEASURED:
        return [{}]
    if status == HIGH:  # above the CRAB threshold, and above the laboratory's upper limit only
        return [{"corrected_calcium": _EXAMPLE[HIGH]},
                {"corrected_calcium": "2.70 mmol/L", "calcium_uln": _EXAMPLE_ULN}]
    if status == LOW:  # below the laboratory's lower limit, and below the CTCAE floor with no limit
        return [{"corrected_calcium": _EXAMPLE[LOW], "calcium_lln": _EXAMPLE_LLN},
                {"corrected_calcium": "1.20 mmol/L"}]
    if status == NOT_LOW:  # at the limit
        return [{"corrected_calcium": _EXAMPLE[NOT_LOW], "calcium_lln": _EXAMPLE_LLN}]
    return [{"corrected_calcium": _EXAMPLE[status]}]


def _realise_hcm_renal(v, chosen):
    """A creatinine for the hypercalcaemia-of-malignancy decision, consistent with the clearance and
    dialysis already chosen (a path that cannot be realised has no example patient). Only a path
    through the hypercalcaemia-of-malignancy branch tests it."""
    if chosen["calcium_status"] != HCM:
        return [{}]
    severe = chosen.get("dialysis") is True or (chosen["crcl"] is not None and chosen["crcl"] < SEVERE_RENAL_BELOW)
    if v == "severe":
        return [{}] if severe else _one_adult([{"creatinine": "5.0 mg/dL"}, {"creatinine": "450 µmol/L"}], chosen)
    if severe:
        return []
    return _one_adult([{"creatinine": "2.0 mg/dL"}, {"creatinine": "399 µmol/L"}], chosen) if v == "ok" else [{}]


def _one_adult(examples, chosen):
    """The example creatinines that can go with the clearance chosen (one adult: cg.check_pair); where the
    clearance decides nothing on the path (myeloma not known to be active), a clearance that can."""
    crcl = cg.Quantity(chosen["crcl"], "mL/min", "crcl") if chosen.get("crcl") is not None else None
    fit = [e for e in examples if cg.pair_possible(crcl, cg.CREATININE_INPUT.parse(e["creatinine"]))]
    if fit or chosen.get("active_mm") is True:
        return fit
    return [dict(e, crcl="45 mL/min") for e in examples]


def _realise_severe_hypo(v, chosen):
    """Severe hypocalcaemia needs a low calcium (the calcium's own example decides which side it is on)."""
    return [{}] if (v is False or chosen["calcium_status"] == LOW) else []


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
        Fact("creatinine_stable", True, _realise_bool("creatinine_stable")),
        Fact("calcium_status", NOT_LOW, _realise_calcium),
        Fact("hcm_renal", "unknown", _realise_hcm_renal),
        Fact("severe_hypocalcaemia", False, _realise_severe_hypo),
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
        d = zad.dose_for(crcl) if f["dialysis"] is not True and crcl is not None else None
        if f["continuing"] and f["current_agent"] == ZA and (severe or f["creatinine_above_trials"]):
            why(f"Held: serum creatinine above {U.write(ZA_TRIALS_CREATININE_ABOVE['mg/dL'], 1)} mg/dL "
                f"({U.write(ZA_TRIALS_CREATININE_ABOVE['µmol/L'])} µmol/L) or CrCl < {_SEVERE_RENAL_BELOW_TEXT} mL/min lies outside the label's "
                "trials and use: review with nephrology before any further dose.",
                f"暂停:血清肌酐高于 {U.write(ZA_TRIALS_CREATININE_ABOVE['mg/dL'], 1)} mg/dL"
                f"({U.write(ZA_TRIALS_CREATININE_ABOVE['µmol/L'])} µmol/L)或肌酐清除率 < {_SEVERE_RENAL_BELOW_TEXT} mL/min,超出说明书试验及适用范围:"
                "再次给药前请与肾内科共同评估。", "zometa_label", "zometa_smpc")
        elif f["continuing"] and f["current_agent"] == ZA:
            dose = text(f"the dose already established, {zad.INTERVAL} (not re-banded; the creatinine-rise rule "
                        "before each dose)", f"沿用已确定的剂量,{zad.INTERVAL_ZH}一次(不重新分档;每次给药前按肌酐升高规则)")
            why("Already on it: the dose set before the first dose is kept; each later dose follows the label's "
                "creatinine-rise rule (zoledronic-acid-renal-check).",
                "已在使用:沿用首剂前确定的剂量;此后每次给药按说明书的肌酐升高规则(zoledronic-acid-renal-check)。",
                "zometa_label")
        elif crcl is None and not severe:
            why("The creatinine clearance was not given: whether it suits this patient, and its dose, depend on it "
                "(label renal dose table).",
                "未提供肌酐清除率:是否适用及剂量均取决于此(说明书肾功能剂量表)。", "zometa_label")
        elif suitable and d is not None:
            dose = _za_dose_text(d)
            why("IMWG 2021: the preferred bone-targeted agent in newly diagnosed myeloma, with or without "
                "bone disease on imaging.",
                "IMWG 2021:新诊断多发性骨髓瘤(无论影像学有无骨病)首选的骨靶向药物。", "terpos2021bone")
            if d != zad.FULL_DOSE:
                why(f"Reduced dose for CrCl {U.write(crcl, CLEARANCE_PLACES, CLEARANCE_EDGES)} mL/min (label renal dose table).",
                    f"肌酐清除率 {U.write(crcl, CLEARANCE_PLACES, CLEARANCE_EDGES)} mL/min,按说明书肾功能剂量表减量。", "zometa_label")
            why("The clearance before the first dose sets the dose; later doses keep it and follow the "
                "creatinine-rise rule (withhold, then resume at the same dose), not a new dose band each cycle.",
                "首剂前的清除率决定剂量;此后各次沿用该剂量,并按肌酐升高规则处理(暂停,恢复时按原剂量),"
                "而非每个周期重新按剂量表分档。", "zometa_label")
            why("Renally excreted: serum creatinine before every dose; watch for acute-phase reactions "
                "and osteonecrosis of the jaw.",
                "双膦酸盐经肾脏排泄:每次给药前查血清肌酐;警惕急性期反应和颌骨坏死。",
                "zometa_label", "song_interview")
        else:
            why(f"Not recommended: CrCl below {_SEVERE_RENAL_BELOW_TEXT} mL/min or dialysis (severe renal impairment)."
                if severe else "Not recommended here.",
                f"不推荐:肌酐清除率低于 {_SEVERE_RENAL_BELOW_TEXT} mL/min 或透析(重度肾功能损害)。" if severe else "此处不推荐。",
                "zometa_smpc", "zometa_label")
    elif agent_id == DMAB:
        if suitable:
            dose = text(f"{DENOSUMAB_MG} mg SC every {DENOSUMAB_EVERY_WEEKS} weeks (no loading doses in myeloma; "
                        "no renal dose adjustment)",
                        f"{DENOSUMAB_MG} mg 皮下注射,每 {DENOSUMAB_EVERY_WEEKS} 周一次(骨髓瘤无需负荷剂量;无需按肾功能调整剂量)")
        if f["high_sre_risk"] is True or f["prefers_subcutaneous"] is True:
            why("The interview's view: denosumab for patients at high risk of skeletal-related events or who "
                "want a more convenient route. This is expert opinion; the randomised trial showed "
                "non-inferiority to zoledronic acid, not superiority.",
                "专家访谈观点:骨相关事件高风险或希望更便捷给药方式的患者选用地舒单抗。此为专家意见;"
                "随机对照试验显示其非劣于唑来膦酸,而非优于。",
                "song_interview")
        why("Cleared by the reticuloendothelial system, not the kidney; IMWG 2021 suggests it particularly "
            "in renal impairment.",
            "经网状内皮系统清除,不依赖肾功能;IMWG 2021 建议尤其用于肾功能损害患者。",
            "xgeva2025label", "terpos2021bone")
        why("Non-inferior to zoledronic acid for time to first skeletal-related event in newly diagnosed "
            "myeloma (superiority was not shown); progression-free survival longer in an exploratory analysis.",
            "在新诊断多发性骨髓瘤中,至首次骨相关事件时间非劣于唑来膦酸(未显示优效);探索性分析显示无进展生存期延长。",
            "raje2018denosumab")
        if severe:
            why(f"No randomised data below CrCl {_SEVERE_RENAL_BELOW_TEXT} mL/min: the phase 3 trial excluded these patients.",
                f"肌酐清除率 < {_SEVERE_RENAL_BELOW_TEXT} mL/min 时无随机对照数据:3 期试验排除了此类患者。", "raje2018denosumab")
        why("Hypocalcaemia precaution: correct low calcium before the first dose; risk highest at CrCl "
            f"< {_SEVERE_RENAL_BELOW_TEXT} mL/min or dialysis. Do not stop without a plan (rebound vertebral fractures).",
            f"低钙血症预防:首剂前纠正低血钙;肌酐清除率 < {_SEVERE_RENAL_BELOW_TEXT} mL/min 或透析时风险最高。不可无计划停药(停药后反跳性多发椎体骨折)。",
            "xgeva2025label")
    else:  # pamidronate
        if suitable:
            dose = text(f"{PAMIDRONATE_MG} mg IV over {PAMIDRONATE_INFUSION_HOURS} h, monthly",
                        f"{PAMIDRONATE_MG} mg 静脉输注 {PAMIDRONATE_INFUSION_HOURS} 小时,每月一次")
            why("An alternative bisphosphonate; zoledronic acid is the IMWG 2021 preferred agent. "
                "Serum creatinine before each dose.",
                "可选的双膦酸盐;IMWG 2021 首选唑来膦酸。每次给药前查血清肌酐。",
                "pamidronate_label", "terpos2021bone")
        elif crcl is None and not severe:
            why("The creatinine clearance was not given: whether it suits this patient depends on it.",
                "未提供肌酐清除率:是否适用取决于此。", "pamidronate_label")
        elif severe:
            why("Not recommended by its label in severe renal impairment.",
                "说明书不推荐用于重度肾功能损害。", "pamidronate_label")
            why(f"ASCO 2018 gives {PAMIDRONATE_MG} mg over {_PAMIDRONATE_SEVERE_RENAL_HOURS_TEXT} h for extensive bone disease with severe "
                "renal impairment: outside the label, with little data; only as a specialist's decision when "
                "denosumab cannot be used, with creatinine before each dose.",
                f"ASCO 2018 指南对广泛骨病合并重度肾功能损害者给予 {PAMIDRONATE_MG} mg、输注 {_PAMIDRONATE_SEVERE_RENAL_HOURS_TEXT} 小时:"
                "超出说明书范围,数据很少;仅在无法使用地舒单抗时由专科医生决定,每次给药前查肌酐。",
                "anderson2018asco")
        else:
            why("Not recommended here.", "此处不推荐。", "pamidronate_label")
    return {
        "agent": agent_id, "name": AGENT_NAMES[agent_id], "suitable": suitable, "favoured": favoured,
        "dose": dose, "reasons": reasons, "references": refs, "recommendation": "BP-3",
    }


# ---------------------------------------------------------------------------------------
# Actions table: (id, phase, recommendation, references, applies(f, sets), text(f, sets))
# ---------------------------------------------------------------------------------------

# The plan's four phases, in the order a reader acts on them. Every action belongs to one; a single
# resolution step (bone_protection_plan, "resolve") decides what each phase shows, so that one state's
# action cannot contradict another's: an emergency defers the maintenance start, hypercalcaemia removes
# every supplement sentence, a held agent is never "Start now", the dental examination belongs to the
# maintenance agent only.
PHASES = ("now", "before-first-dose", "maintenance", "monitoring")
PHASE_TITLES = {
    "now": text("Now", "立即"),
    "before-first-dose": text("Before the first maintenance dose", "维持治疗首剂前"),
    "maintenance": text("Maintenance", "维持治疗"),
    "monitoring": text("Monitoring and duration", "监测与疗程"),
}
# Within "now", the order of danger (the answer box shows them in this order, whole).
NOW_ORDER = ("severe-hypocalcaemia", "symptoms-measure-calcium", "hcm-urgent", "confirm-ionised-calcium")


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
    ab, n, a = U.write(rc.ABNORMAL_BASELINE_FROM[u]), U.write(rc.RISE_IF_NORMAL[u], 1), U.write(rc.RISE_IF_ABNORMAL[u], 1)
    si = "µmol/L"
    abs_, ns, as_ = (U.write(rc.ABNORMAL_BASELINE_FROM[si]), U.write(rc.RISE_IF_NORMAL[si]),
                     U.write(rc.RISE_IF_ABNORMAL[si]))
    pct = U.write(rc.RESUME_WITHIN * 100)
    en = (f"Withhold zoledronic acid if creatinine rises by ≥{n} {u} ({ns} {si}) from a normal baseline "
          f"(<{ab} {u}, {abs_} {si}) or by ≥{a} {u} ({as_} {si}) from an abnormal baseline; resume at the "
          f"same dose when creatinine is within {pct}% of baseline (zoledronic-acid-renal-check).")
    zh = (f"肌酐较正常基线(<{ab} {u},{abs_} {si})升高 ≥{n} {u}({ns} {si}),或较异常基线升高 ≥{a} {u}"
          f"({as_} {si})时暂停唑来膦酸;肌酐恢复至基线 {pct}% 以内时按原剂量恢复(zoledronic-acid-renal-check)。")
    return en, zh


def _t_not_indicated(f, s):
    t = text(
        "Not covered by this plan, which is for active multiple myeloma: smouldering myeloma and MGUS are "
        "outside it. This is not a judgement against bone treatment: treat bone health (for example "
        "osteoporosis) on its own merits, and reassess with this plan if the disease progresses to active "
        "myeloma.",
        "本方案不涵盖(本方案仅针对活动性多发性骨髓瘤):冒烟型骨髓瘤和 MGUS 不在本方案范围内。这并非否定骨骼治疗:"
        "骨骼健康问题(如骨质疏松)应按其自身情况评估处理;若进展为活动性骨髓瘤,再按本方案重新评估。")
    if f["calcium_status"] in (HCM, HIGH):
        t = text(t["en"] + " Hypercalcaemia is a myeloma-defining event when it is attributable to the plasma-cell "
                 "disorder: reassess now whether the myeloma is active (myeloma-defining-events).",
                 t["zh"] + "高钙血症若可归因于浆细胞疾病即为骨髓瘤定义事件:请立即重新评估骨髓瘤是否为活动性"
                 "(myeloma-defining-events)。")
    return t


def _t_ask_active(f, s):
    return text(
        "Find out first whether this is active multiple myeloma (needing anti-myeloma therapy): if it is, bone "
        "protection starts now with that therapy; smouldering myeloma and MGUS are outside this plan. The answer "
        "was not given, and the plan does not guess it.",
        "请先明确是否为需要抗骨髓瘤治疗的活动性多发性骨髓瘤:如是,骨保护与抗骨髓瘤治疗同步立即启动;"
        "冒烟型骨髓瘤和 MGUS 不在本方案范围内。该项未作答,本方案不作推测。")


def _t_dental(f, s):
    if f["dental_exam_done"] is True:
        return text(
            "Dental examination done: complete any preventive dental treatment before the first dose. "
            "During treatment keep good oral hygiene and avoid invasive dental procedures (osteonecrosis of the jaw).",
            "口腔检查已完成:首剂前完成必要的预防性口腔处理。治疗期间保持口腔卫生,避免有创牙科操作(预防颌骨坏死)。")
    return text(
        "Before the first dose: a comprehensive dental examination and any preventive dental treatment, to "
        "reduce the risk of osteonecrosis of the jaw. During treatment keep good oral hygiene and avoid "
        "invasive dental procedures.",
        "首剂前:全面口腔检查及必要的预防性口腔处理,以降低颌骨坏死风险。治疗期间保持口腔卫生,避免有创牙科操作。")


def _t_volume(f) -> dict:
    """Fluids in hypercalcaemia of malignancy, by what the patient can excrete (zometa_label, elhajjfuleihan2023hypercalcemia):
    saline first only in a patient who passes urine; on dialysis or with anuria or oliguria, no saline load."""
    if f["dialysis"] is True or f["oliguria"] is True:
        return text(
            "No saline load: on dialysis, or with anuria or oliguria, the patient cannot excrete it; give fluids "
            "only by volume status. Haemodialysis with a low-calcium dialysate lowers calcium when the kidney "
            "cannot: arrange it with nephrology now. ",
            "不予生理盐水负荷:透析、无尿或少尿患者无法排出;仅按容量状态补液。肾脏无法排钙时,"
            "以低钙透析液进行血液透析可降低血钙:立即与肾内科安排。")
    if f["heart_failure"] is True:
        return text(
            "Heart failure: intravenous saline only cautiously, in small volumes guided by volume status, with close "
            "review; no loop diuretic before the hypovolaemia is corrected. ",
            "心力衰竭:仅谨慎静脉输注生理盐水,按容量状态小量给予并密切评估;低血容量纠正前不用袢利尿剂。")
    if f["dialysis"] is False and f["oliguria"] is False and f["heart_failure"] is False:
        return text(
            "Rehydrate with intravenous saline first, aiming at about 2 L of urine a day and avoiding overhydration; "
            "no loop diuretic before the hypovolaemia is corrected. ",
            "首先静脉输注生理盐水补液,目标尿量约每日 2 L,避免补液过量;低血容量纠正前不用袢利尿剂。")
    return text(
        "Rehydrate with intravenous saline first only if the patient passes urine and has no heart failure (not "
        "given: check now), aiming at about 2 L of urine a day; on dialysis or with anuria or oliguria, no saline "
        "load (fluids by volume status; haemodialysis with a low-calcium dialysate, with nephrology); no loop "
        "diuretic before the hypovolaemia is corrected. ",
        "仅在患者有尿且无心力衰竭时(未提供:请立即核实)先静脉输注生理盐水补液,目标尿量约每日 2 L;"
        "透析、无尿或少尿时不予生理盐水负荷(按容量状态补液;与肾内科安排低钙透析液血液透析);"
        "低血容量纠正前不用袢利尿剂。")


_LABEL_VS_GUIDELINE = text(
    "Denosumab: the Endocrine Society 2023 guideline suggests it rather than a bisphosphonate (conditional, low "
    "certainty), while its label (Xgeva) gives it for hypercalcaemia refractory to bisphosphonate, with loading "
    f"doses on days {DENOSUMAB_LOADING_DAYS[0]} and {DENOSUMAB_LOADING_DAYS[1]}. ",
    "地舒单抗:美国内分泌学会 2023 年指南建议优先于双膦酸盐使用(有条件推荐,证据确定性低);其说明书(Xgeva)"
    f"仅用于双膦酸盐治疗无效的高钙血症,并于第 {DENOSUMAB_LOADING_DAYS[0]} 天和第 {DENOSUMAB_LOADING_DAYS[1]} 天"
    "给予负荷剂量。")


def _t_hcm(f, s):
    ren = f["hcm_renal"]
    mg = U.write(HCM_ZA_MG)
    en = (f"Urgent: hypercalcaemia of malignancy (corrected calcium ≥ {_HCM_AT_LEAST_TEXT['mmol/L']} mmol/L, "
          f"≥ {_HCM_AT_LEAST_TEXT['mg/dL']} mg/dL): treat it now, before anything routine. ")
    zh = (f"紧急:恶性肿瘤相关高钙血症(校正血钙 ≥ {_HCM_AT_LEAST_TEXT['mmol/L']} mmol/L,≥ {_HCM_AT_LEAST_TEXT['mg/dL']} mg/dL):立即处理,先于一切常规步骤。")
    v = _t_volume(f)
    en, zh = en + v["en"], zh + v["zh"]
    if ren == "ok":
        en += (f"Then zoledronic acid {mg} mg IV over ≥{_ZA_INFUSION_MINUTES} min, a single dose, with no renal dose reduction "
               f"(serum creatinine below {_HCM_NO_RENAL_REDUCTION_TEXT['mg/dL']} mg/dL, {_HCM_NO_RENAL_REDUCTION_TEXT['µmol/L']} µmol/L; Zometa label). ")
        zh += (f"随后唑来膦酸 {mg} mg 单次静脉输注 ≥{_ZA_INFUSION_MINUTES} 分钟,不按肾功能减量(血清肌酐低于 "
               f"{_HCM_NO_RENAL_REDUCTION_TEXT['mg/dL']} mg/dL,{_HCM_NO_RENAL_REDUCTION_TEXT['µmol/L']} µmol/L;Zometa 说明书)。")
        en += _LABEL_VS_GUIDELINE["en"]
        zh += _LABEL_VS_GUIDELINE["zh"]
    elif ren == "unknown":
        en += (f"Measure serum creatinine now: below {_HCM_NO_RENAL_REDUCTION_TEXT['mg/dL']} mg/dL ({_HCM_NO_RENAL_REDUCTION_TEXT['µmol/L']} µmol/L) zoledronic "
               f"acid {mg} mg IV over ≥{_ZA_INFUSION_MINUTES} min is given without renal dose reduction (Zometa label); at or "
               "above it, or in severe renal impairment, only after weighing risks and benefits. ")
        zh += (f"立即检测血清肌酐:低于 {_HCM_NO_RENAL_REDUCTION_TEXT['mg/dL']} mg/dL({_HCM_NO_RENAL_REDUCTION_TEXT['µmol/L']} µmol/L)时唑来膦酸 {mg} mg 静脉输注 "
               f"≥{_ZA_INFUSION_MINUTES} 分钟,不按肾功能减量(Zometa 说明书);达到或超过该值,或重度肾功能损害时,须权衡利弊后方可使用。")
        en += _LABEL_VS_GUIDELINE["en"]
        zh += _LABEL_VS_GUIDELINE["zh"]
    else:
        en += (f"Severe renal impairment (serum creatinine ≥ {_HCM_NO_RENAL_REDUCTION_TEXT['mg/dL']} mg/dL, {_HCM_NO_RENAL_REDUCTION_TEXT['µmol/L']} µmol/L, CrCl "
               f"< {_SEVERE_RENAL_BELOW_TEXT} mL/min or dialysis): the Zometa label gives zoledronic acid here only after weighing risks "
               f"and benefits (its trials excluded creatinine above {_HCM_NO_RENAL_REDUCTION_TEXT['mg/dL']} mg/dL). Denosumab lowers calcium "
               "without the kidney: the Endocrine Society 2023 guideline suggests it (conditional), while its label "
               f"(Xgeva) gives it for hypercalcaemia refractory to bisphosphonate, with loading doses on days "
               f"{DENOSUMAB_LOADING_DAYS[0]} and {DENOSUMAB_LOADING_DAYS[1]}; hypocalcaemia risk is highest here, "
               "so check calcium closely. Decide with nephrology. ")
        zh += (f"重度肾功能损害(血清肌酐 ≥ {_HCM_NO_RENAL_REDUCTION_TEXT['mg/dL']} mg/dL,{_HCM_NO_RENAL_REDUCTION_TEXT['µmol/L']} µmol/L,肌酐清除率 < {_SEVERE_RENAL_BELOW_TEXT} mL/min "
               f"或透析):Zometa 说明书规定此时须权衡利弊后方可使用唑来膦酸(其临床试验排除了肌酐高于 {_HCM_NO_RENAL_REDUCTION_TEXT['mg/dL']} "
               "mg/dL 的患者)。地舒单抗降低血钙不依赖肾脏:美国内分泌学会 2023 年指南建议使用(有条件推荐),"
               f"其说明书(Xgeva)则仅用于双膦酸盐治疗无效的高钙血症,并于第 {DENOSUMAB_LOADING_DAYS[0]} 天和第 "
               f"{DENOSUMAB_LOADING_DAYS[1]} 天给予负荷剂量;此时低钙血症风险最高,须密切监测血钙。请与肾内科共同决定。")
    if f["current_agent"] in (ZA, PAM):
        en += (f"Already on a bisphosphonate: zoledronic acid again only if the last dose was at least "
               f"{HCM_RETREAT_AFTER_DAYS} days ago (Zometa label); hypercalcaemia despite a bisphosphonate is the "
               "situation in which the Xgeva label gives denosumab and the Endocrine Society 2023 guideline suggests "
               "it; it may signal progression: reassess the myeloma. ")
        zh += (f"已在使用双膦酸盐:仅当距上次给药至少 {HCM_RETREAT_AFTER_DAYS} 天时方可再次给予唑来膦酸(Zometa 说明书);"
               "双膦酸盐治疗下仍出现高钙血症,正是 Xgeva 说明书给予地舒单抗、美国内分泌学会 2023 年指南建议使用地舒单抗的情形;"
               "亦可能提示疾病进展:请重新评估骨髓瘤。")
    elif f["current_agent"] == DMAB:
        en += "Already on denosumab: hypercalcaemia despite it may signal progression: reassess the myeloma. "
        zh += "已在使用地舒单抗:仍出现高钙血症可能提示疾病进展:请重新评估骨髓瘤。"
    if f["onj"] == "active":
        en += ("Active osteonecrosis of the jaw: weigh the bisphosphonate or denosumab for this emergency with the "
               "specialist and the dental team. ")
        zh += "活动性颌骨坏死:此急症是否使用双膦酸盐或地舒单抗,请与专科医生及口腔科共同权衡。"
    if f["pregnancy_possible"] is True or (f["pregnancy_possible"] is None and f["sex"] == "female"):
        en += ("Pregnancy possible or not excluded: verify pregnancy status before zoledronic acid or denosumab, both "
               "of which may cause fetal harm (labels); in pregnancy decide with obstetrics. ")
        zh += ("可能妊娠或未排除妊娠:使用唑来膦酸或地舒单抗前核实妊娠状态,两者均可能致胎儿损害(说明书);"
               "如已妊娠,请与产科共同决定。")
    if f["severe_hypercalcaemia"]:
        sh = SEVERE_HYPERCALCAEMIA_ABOVE
        en += (f"Severe hypercalcaemia (above {U.write(sh['mmol/L'], 1)} mmol/L, {U.write(sh['mg/dL'])} mg/dL): the "
               "Endocrine Society 2023 guideline also suggests calcitonin, with the bisphosphonate or denosumab, as "
               "initial treatment (conditional). ")
        zh += (f"重度高钙血症(高于 {U.write(sh['mmol/L'], 1)} mmol/L,{U.write(sh['mg/dL'])} mg/dL):美国内分泌学会 2023 年指南"
               "建议初始治疗时在双膦酸盐或地舒单抗之外联用降钙素(有条件推荐)。")
    en += (f"No calcium or vitamin D supplements while calcium is high. Retreat only if calcium does not return to "
           f"or stay normal, not sooner than {HCM_RETREAT_AFTER_DAYS} days after the first dose and after checking "
           "renal function. Monitor calcium, phosphate, magnesium and creatinine. The dental examination does not "
           "delay this treatment; it belongs to the maintenance agent, which starts later.")
    zh += (f"血钙升高期间不补充钙剂和维生素 D。仅在血钙未恢复正常或未能维持正常时再次给药,且距首剂至少 "
           f"{HCM_RETREAT_AFTER_DAYS} 天、并先复查肾功能。监测血钙、血磷、血镁和肌酐。口腔检查不推迟此项治疗;"
           "口腔检查属于稍后开始的维持治疗。")
    if f["active_mm"] is not True:
        en += (" In a plasma-cell disorder this level of calcium is a myeloma-defining event when attributable to it: "
               "confirm the cause and whether the myeloma is active.")
        zh += "在浆细胞疾病中,此水平的血钙若可归因于该病即为骨髓瘤定义事件:请明确病因及骨髓瘤是否为活动性。"
    return text(en, zh)


def _shown_calcium(f) -> tuple[str, str]:
    return (f["shown_calcium"] or "", f["shown_calcium"] or "")


def _t_severe_hypo(f, s):
    g = f["calcium_ctcae_grade"]
    ca = f["shown_calcium"]
    sym_en = ", symptomatic" if f["hypocalcaemia_symptoms"] is True else ""
    sym_zh = ",有症状" if f["hypocalcaemia_symptoms"] is True else ""
    g_en = f", CTCAE grade {g}" if g else ""
    g_zh = f",CTCAE {g} 级" if g else ""
    ml, dil = CA_GLUCONATE_ML, CA_GLUCONATE_DILUENT_ML
    return text(
        f"Urgent: severe hypocalcaemia (corrected calcium {ca}{g_en}{sym_en}; severe below "
        f"{U.write(SEVERE_HYPOCALCAEMIA_BELOW_MMOL, 1)} mmol/L or with symptoms): a medical emergency. Give intravenous "
        f"calcium gluconate now: {ml[0]}–{ml[1]} mL of 10% calcium gluconate in {dil[0]}–{dil[1]} mL of 5% dextrose "
        f"over {CA_GLUCONATE_MINUTES} min with ECG monitoring, repeated until symptoms resolve, then a continuous "
        "infusion adjusted to the calcium. Check and correct magnesium; check phosphate, PTH, vitamin D and renal "
        "function. No bone-targeted agent until the calcium is corrected.",
        f"紧急:重度低钙血症(校正血钙 {ca}{g_zh}{sym_zh};低于 {U.write(SEVERE_HYPOCALCAEMIA_BELOW_MMOL, 1)} mmol/L "
        f"或有症状即为重度):属医疗急症。立即静脉补充葡萄糖酸钙:10% 葡萄糖酸钙 {ml[0]}–{ml[1]} mL 加入 5% 葡萄糖 "
        f"{dil[0]}–{dil[1]} mL,{CA_GLUCONATE_MINUTES} 分钟内输注,同时心电监护;症状未缓解可重复,随后持续静脉滴注并按血钙调整。"
        "检测并纠正血镁;检查血磷、PTH、维生素 D 和肾功能。血钙纠正前不用任何骨靶向药物。")


def _t_symptoms_measure(f, s):
    if f["symptoms_unclear"]:
        return text(
            f"Urgent: symptoms of hypocalcaemia with a corrected calcium of {f['shown_calcium']} and no laboratory lower "
            "limit given: compare it with your laboratory's range now (give the lower limit). Below it, this is severe "
            "hypocalcaemia, a medical emergency treated with intravenous calcium gluconate under ECG monitoring; check "
            "magnesium. No bone-targeted agent until this is settled.",
            f"紧急:有低钙血症症状,校正血钙 {f['shown_calcium']},未提供实验室正常下限:请立即与本实验室参考范围比较(填写正常下限)。"
            "如低于下限,即为重度低钙血症,属医疗急症,须在心电监护下静脉补充葡萄糖酸钙;检测血镁。明确之前不用任何骨靶向药物。")
    return text(
        "Urgent: symptoms of hypocalcaemia and no calcium given: measure calcium (and magnesium) now. Severe "
        "hypocalcaemia is a medical emergency treated with intravenous calcium gluconate under ECG monitoring.",
        "紧急:有低钙血症症状但未提供血钙:立即检测血钙(及血镁)。重度低钙血症属医疗急症,"
        "须在心电监护下静脉补充葡萄糖酸钙。")


def _t_ionised(f, s):
    lo = LOW_ALBUMIN_BELOW
    return text(
        f"Very low albumin (below {U.write(lo['g/L'])} g/L, {U.write(lo['g/dL'], 1)} g/dL): the albumin-corrected calcium can "
        "misstate the free calcium. Confirm with an ionised calcium before an emergency decision; do not delay "
        "treatment of a patient with symptoms.",
        f"白蛋白很低(低于 {U.write(lo['g/L'])} g/L,{U.write(lo['g/dL'], 1)} g/dL):白蛋白校正血钙可能不能准确反映游离钙。"
        "作出紧急决定前以离子钙确认;有症状者不因此推迟治疗。")


def _t_onj(f, s):
    if f["onj"] == "active":
        return text(
            "Active osteonecrosis of the jaw: do not start (or give) any bone-targeted agent until it has healed; "
            "manage it with the dental or oral surgery team. This is the plan's safe default: the labels and IMWG 2021 "
            "advise interrupting therapy, in wording not verified here.",
            "活动性颌骨坏死:在愈合前不启动(或不给予)任何骨靶向药物;由口腔科或口腔颌面外科处理。"
            "此为本方案的安全默认做法:说明书和 IMWG 2021 建议中断治疗,其具体措辞未在此核实。")
    return text(
        "Previous osteonecrosis of the jaw: before the first dose, the dental or oral surgery team confirms that it "
        "has healed; restarting is a specialist's decision, with the risk of recurrence discussed.",
        "既往颌骨坏死:首剂前由口腔科或口腔颌面外科确认已愈合;是否重新用药由专科医生决定,并讨论复发风险。")


def _t_pregnancy(f, s):
    m = DENOSUMAB_CONTRACEPTION_MONTHS
    if f["pregnancy_possible"] is True:
        head = text("Pregnancy possible: verify pregnancy status before any dose. ",
                    "可能妊娠:任何给药前核实妊娠状态。")
    else:
        head = text("If the patient is a woman of childbearing potential (not given): verify pregnancy status "
                    "before the first dose. ",
                    "如为育龄女性(未提供):首剂前核实妊娠状态。")
    return text(
        head["en"] + "Denosumab can cause fetal harm: not in pregnancy, and effective contraception during treatment "
        f"and for at least {m} months after the last dose (Xgeva label). Zoledronic acid may cause fetal harm and is "
        "not for use in pregnancy (Zometa label).",
        head["zh"] + f"地舒单抗可致胎儿损害:妊娠期不用,治疗期间及末次给药后至少 {m} 个月须有效避孕(Xgeva 说明书)。"
        "唑来膦酸可能致胎儿损害,妊娠期不用(Zometa 说明书)。")


def _t_ask_clearance(f, s):
    return text(
        "The creatinine clearance was not given (nor age, weight, creatinine and sex to calculate it): the agent "
        f"and its dose depend on it (below {_SEVERE_RENAL_BELOW_TEXT} mL/min, or on dialysis, no bisphosphonate). Give it before the first "
        "maintenance dose.",
        f"未提供肌酐清除率(也未提供可用于计算的年龄、体重、肌酐和性别):药物及剂量取决于此(低于 {_SEVERE_RENAL_BELOW_TEXT} mL/min 或透析时不用双膦酸盐)。"
        "维持治疗首剂前请提供。")


def _t_ask_current(f, s):
    return text(
        "If the patient is already on a bone-targeted agent, give which one and for how many months: duration, "
        "review and de-escalation then change the answer (BP-8).",
        "如患者已在使用骨靶向药物,请提供药物名称及已用月数:疗程、评估和降阶梯将据此改变(BP-8)。")


def _agent_name(agent_id, lang):
    return AGENT_NAMES[agent_id][lang] if agent_id in AGENT_NAMES else agent_id


def _t_continue(f, s):
    ag = f["current_agent"]
    months = f["months_on_agent"]
    en = f"Already on {_agent_name(ag, 'en').lower()}"
    zh = f"已在使用{_agent_name(ag, 'zh')}"
    if months is not None:
        en += f" for {U.write(months, 0, MONTHS_EDGES)} months"
        zh += f" {U.write(months, 0, MONTHS_EDGES)} 个月"
    en += ": this is not a first start. "
    zh += ":并非首次启动。"
    if f.get("timing", "now") != "now":
        en += "Hold the next dose for now, for the reason above; then: "
        zh += "因上述原因暂缓下一剂;之后:"
    if ag in (ZA, PAM) and f["severe_renal"]:
        en += (f"With CrCl < {_SEVERE_RENAL_BELOW_TEXT} mL/min or dialysis a bisphosphonate is not recommended: review the agent with "
               "nephrology (denosumab is the agent this plan gives in severe renal impairment). ")
        zh += (f"肌酐清除率 < {_SEVERE_RENAL_BELOW_TEXT} mL/min 或透析时不推荐双膦酸盐:请与肾内科重新评估用药(重度肾功能损害时本方案选用地舒单抗)。")
    elif ag in (ZA, PAM):
        en += ("Continue at the dose already established (the creatinine-rise rule governs later doses; not re-banded "
               "each cycle). ")
        zh += "按已确定的剂量继续(此后按肌酐升高规则给药,不每个周期重新分档)。"
    else:
        en += "Continue denosumab; do not stop it without a plan (rebound vertebral fractures). "
        zh += "继续地舒单抗;不可无计划停药(停药后反跳性椎体骨折)。"
    return text(en.strip(), zh)


def _t_duration_review(f, s):
    """BP-8 for a patient already on an agent: review at 12 months, de-escalate at VGPR or better, up to 2 years
    (IMWG 2021, ASCO 2018), and stopping denosumab with a plan (ECTS 2021 in osteoporosis; terpos2021bone, anderson2018asco, tsourdi2021ects)."""
    ag, months, resp = f["current_agent"], f["months_on_agent"], f["response"]
    r0, r1 = ZA_REDUCED_EVERY_MONTHS
    if months is None:
        en = (f"How long the patient has been on it was not given: review at {REVIEW_AT_MONTHS} months of monthly "
              f"therapy, and reconsider at {RECONSIDER_AT_MONTHS} months (2 years). ")
        zh = (f"未提供已用药时长:每月给药满 {REVIEW_AT_MONTHS} 个月时评估,满 {RECONSIDER_AT_MONTHS} 个月(2 年)时重新考虑。")
    elif months < REVIEW_AT_MONTHS:
        en = (f"Under {REVIEW_AT_MONTHS} months: continue monthly; review at {REVIEW_AT_MONTHS} months (IMWG 2021). ")
        zh = f"不足 {REVIEW_AT_MONTHS} 个月:继续每月给药;满 {REVIEW_AT_MONTHS} 个月时评估(IMWG 2021)。"
    elif resp == "vgpr-or-better":
        if ag == DMAB:
            en = ("At least 12 months and VGPR or better: de-escalation may be considered, but stopping denosumab "
                  "needs a plan against the rebound. ").replace("12", str(REVIEW_AT_MONTHS))
            zh = f"已满 {REVIEW_AT_MONTHS} 个月且达到 VGPR 或更好:可考虑降阶梯,但停用地舒单抗须有防止反跳的计划。"
        else:
            en = (f"At least {REVIEW_AT_MONTHS} months and VGPR or better: consider reducing to every {r0} or {r1} "
                  "months, or stopping (IMWG 2021). ")
            zh = (f"已满 {REVIEW_AT_MONTHS} 个月且达到 VGPR 或更好:可考虑减为每 {r0} 或 {r1} 个月一次,或停药(IMWG 2021)。")
    elif resp == "less-than-vgpr":
        en = f"At least {REVIEW_AT_MONTHS} months, response below VGPR: continue (IMWG 2021). "
        zh = f"已满 {REVIEW_AT_MONTHS} 个月,缓解未达 VGPR:继续用药(IMWG 2021)。"
    else:
        en = (f"At least {REVIEW_AT_MONTHS} months: give the depth of response; at VGPR or better de-escalation "
              "(less often, or stopping) may be considered, below it continue (IMWG 2021). ")
        zh = (f"已满 {REVIEW_AT_MONTHS} 个月:请提供缓解深度;达到 VGPR 或更好时可考虑降阶梯(减少频率或停药),"
              "未达则继续(IMWG 2021)。")
    if months is not None and months >= RECONSIDER_AT_MONTHS:
        en += f"At {RECONSIDER_AT_MONTHS} months (2 years) ASCO 2018 advises reconsidering whether to continue. "
        zh += f"满 {RECONSIDER_AT_MONTHS} 个月(2 年)时,ASCO 2018 建议重新考虑是否继续。"
    if ag == DMAB:
        en += ("Stopping denosumab: no trial defines how for the myeloma schedule; in osteoporosis a bisphosphonate "
               f"about {DENOSUMAB_FOLLOW_ON_MONTHS} months after the last injection is advised (ECTS 2021). Agree the "
               "plan with the specialist before any interruption.")
        zh += (f"停用地舒单抗:尚无试验确定骨髓瘤给药方案下的停药方法;骨质疏松中建议末次注射后约 {DENOSUMAB_FOLLOW_ON_MONTHS} "
               "个月给予双膦酸盐(ECTS 2021)。任何中断前须与专科医生商定方案。")
    return text(en.strip(), zh)


def _t_correct_ca(f, s):
    return text(
        f"Hypocalcaemia (corrected calcium below the laboratory's lower limit, or below {_HYPOCALCAEMIA_BELOW_TEXT['mmol/L']} mmol/L "
        f"({_HYPOCALCAEMIA_BELOW_TEXT['mg/dL']} mg/dL), CTCAE grade 2 or worse, whatever the limits): correct it first. The first dose of every "
        "bone-targeted agent waits until it is corrected: all of them lower calcium, denosumab most, and the "
        "denosumab label requires pre-existing hypocalcaemia to be corrected before starting (severe and fatal "
        "hypocalcaemia has been reported). Check magnesium and vitamin D, and that a total, not an ionised, calcium "
        "was entered. If it causes symptoms (tetany, paraesthesia, seizures, arrhythmia) it is severe: a medical "
        "emergency, treated with intravenous calcium gluconate under ECG monitoring.",
        f"低钙血症(校正血钙低于实验室正常下限,或低于 {_HYPOCALCAEMIA_BELOW_TEXT['mmol/L']} mmol/L({_HYPOCALCAEMIA_BELOW_TEXT['mg/dL']} mg/dL),"
        "无论参考范围如何均为 CTCAE ≥ 2 级):先予纠正。所有骨靶向药物的首剂均须待其纠正后给予:这些药物均可降低血钙,"
        "地舒单抗最明显;地舒单抗说明书要求开始治疗前纠正已有的低钙血症(曾有严重及致死性低钙血症报告)。"
        "请检查血镁和维生素 D,并核实输入的是总钙而非离子钙。如出现症状(手足搐搦、感觉异常、抽搐、心律失常)即为重度:"
        "属医疗急症,须在心电监护下静脉补充葡萄糖酸钙。")


def _t_measure_ca(f, s):
    return text(
        "Corrected calcium was not given: measure it before the first dose. A low calcium must be corrected first; "
        f"a calcium ≥ {_HCM_AT_LEAST_TEXT['mmol/L']} mmol/L ({_HCM_AT_LEAST_TEXT['mg/dL']} mg/dL) is urgent; a high calcium stops the supplements.",
        f"未提供校正血钙:首剂前检测。血钙偏低须先纠正;血钙 ≥ {_HCM_AT_LEAST_TEXT['mmol/L']} mmol/L({_HCM_AT_LEAST_TEXT['mg/dL']} mg/dL)"
        "须紧急处理;血钙偏高则暂停补钙。")


def _t_check_ca(f, s):
    if f["continuing"]:
        return text("Before the next denosumab dose, check corrected calcium against the laboratory's lower limit and "
                    "correct hypocalcaemia if present.",
                    "地舒单抗下一剂前,对照实验室正常下限检查校正血钙;如有低钙血症应先纠正。")
    return text(
        "Before the first denosumab dose, check corrected calcium against the laboratory's lower limit and "
        "correct hypocalcaemia if present.",
        "地舒单抗首剂前,对照实验室正常下限检查校正血钙;如有低钙血症应先纠正。")


def _t_check_ca_bp(f, s):
    return text(
        "Before the first dose, check corrected calcium against the laboratory's lower limit (not given) and correct "
        "hypocalcaemia if present: every bone-resorption inhibitor lowers calcium.",
        "首剂前,对照实验室正常下限(未提供)检查校正血钙;如有低钙血症应先纠正:所有骨吸收抑制剂均可降低血钙。")


def _t_renal_check(f, s):
    a, si = ZA_TRIALS_CREATININE_ABOVE["mg/dL"], ZA_TRIALS_CREATININE_ABOVE["µmol/L"]
    return text(
        "Before the next dose: compare today's serum creatinine with the baseline by the label's rule "
        "(zoledronic-acid-renal-check): withhold on a rise, resume at the same dose when it returns. Above "
        f"{U.write(a, 1)} mg/dL ({U.write(si)} µmol/L), or with CrCl < {_SEVERE_RENAL_BELOW_TEXT} mL/min, it is not a matter of the rise rule: review "
        "with nephrology.",
        "下一剂前:按说明书规则将当日血清肌酐与基线比较(zoledronic-acid-renal-check):升高则暂停,恢复后按原剂量继续。"
        f"高于 {U.write(a, 1)} mg/dL({U.write(si)} µmol/L)或肌酐清除率 < {_SEVERE_RENAL_BELOW_TEXT} mL/min 时,不适用升高规则:请与肾内科共同评估。")


def _t_dmab_stop_warning(f, s):
    return text(
        "Already on denosumab: whatever this plan decides, do not stop it without a plan: multiple vertebral fractures "
        "have been reported after stopping (rebound). Agree how and when to stop with the treating specialist.",
        "已在使用地舒单抗:无论本方案结论如何,均不可无计划停药:停药后曾报告多发椎体骨折(反跳)。请与主治专科医生商定停药方式和时机。")


_VIT_D_NOTE = text(
    " (Knowing the level is this plan's addition: the labels give vitamin D routinely or as needed, "
    "and a known level shows the need.)",
    "(了解维生素 D 水平为本方案的补充要求:说明书规定常规或按需补充维生素 D,已知水平可判断需要量。)")


def _t_vit_d(f, s):
    if f["hypercalcaemia"]:
        t = text("Vitamin D status: measure it, but give no vitamin D while calcium is high.",
                 "维生素 D 水平:可检测,但血钙升高期间不补充维生素 D。")
        return t
    if f["vitamin_d_known"] is True:
        t = text("Vitamin D status is known: correct any deficiency before the first dose.",
                 "维生素 D 水平已知:首剂前纠正缺乏。")
    elif f["severe_renal"]:
        t = text(f"Vitamin D status is not known: measure it before the first dose. With CrCl < {_SEVERE_RENAL_BELOW_TEXT} mL/min or "
                 "dialysis the risk of hypocalcaemia on denosumab is highest, so a deficiency should be found "
                 "and corrected first.",
                 f"维生素 D 水平未知:首剂前检测。肌酐清除率 < {_SEVERE_RENAL_BELOW_TEXT} mL/min 或透析时,地舒单抗所致低钙血症风险最高,"
                 "应先发现并纠正缺乏。")
    else:
        t = text("Vitamin D status is not known: measure it before the first dose, so that deficiency "
                 "can be corrected.",
                 "维生素 D 水平未知:首剂前检测,以便纠正缺乏。")
    return text(t["en"] + _VIT_D_NOTE["en"], t["zh"] + _VIT_D_NOTE["zh"])


def _t_hypercalcaemia(f, s):
    if f["calcium_status"] == HCM:
        return text(
            "After the urgent treatment: no calcium or vitamin D supplements while calcium is high; start them once "
            "it is no longer high.",
            "紧急处理之后:血钙升高期间不补充钙剂和维生素 D;待血钙不再升高后再开始补充。")
    if f["dialysis"] is True or f["oliguria"] is True:
        fluids = text("may be treated conservatively, with fluids by volume status (no saline load on dialysis or "
                      "with anuria or oliguria)",
                      "可保守治疗,按容量状态补液(透析、无尿或少尿时不予生理盐水负荷)")
    elif f["heart_failure"] is True:
        fluids = text("may be treated conservatively, with saline only cautiously, by volume status (heart failure)",
                      "可保守治疗,仅按容量状态谨慎给予生理盐水(心力衰竭)")
    elif f["dialysis"] is False and f["oliguria"] is False and f["heart_failure"] is False:
        fluids = text("may be treated conservatively with saline hydration",
                      "可采用生理盐水补液等保守治疗")
    else:
        fluids = text("may be treated conservatively with saline hydration only if the patient passes urine and has "
                      "no heart failure",
                      "仅在患者有尿且无心力衰竭时可采用生理盐水补液等保守治疗")
    return text(
        f"Corrected calcium is above {_HYPERCALCAEMIA_ABOVE_TEXT['mmol/L']} mmol/L ({_HYPERCALCAEMIA_ABOVE_TEXT['mg/dL']} mg/dL), the CRAB threshold, or above the "
        "laboratory's upper limit: hypercalcaemia, below the level of hypercalcaemia of malignancy "
        f"({_HCM_AT_LEAST_TEXT['mmol/L']} mmol/L, {_HCM_AT_LEAST_TEXT['mg/dL']} mg/dL). Do not give calcium or vitamin D supplements while it is "
        f"high. Mild or asymptomatic hypercalcaemia {fluids['en']}, and the "
        "bone-targeted agent of this plan lowers calcium; if it causes symptoms or keeps rising, treat it urgently.",
        f"校正血钙高于 CRAB 阈值 {_HYPERCALCAEMIA_ABOVE_TEXT['mmol/L']} mmol/L({_HYPERCALCAEMIA_ABOVE_TEXT['mg/dL']} mg/dL)或高于实验室正常上限:高钙血症,"
        f"但未达恶性肿瘤相关高钙血症水平({_HCM_AT_LEAST_TEXT['mmol/L']} mmol/L,{_HCM_AT_LEAST_TEXT['mg/dL']} mg/dL)。血钙升高期间不补充钙剂和"
        f"维生素 D。轻度或无症状高钙血症{fluids['zh']},本方案的骨靶向药物亦可降低血钙;"
        "如出现症状或持续升高,须紧急处理。")


def _t_provisional(f, s):
    if f["creatinine_stable"] is False:
        head = text("The creatinine is not stable (acute kidney injury, for example cast nephropathy): ",
                    "血清肌酐不稳定(急性肾损伤,如管型肾病):")
    else:
        head = text("Whether the creatinine is stable was not given: find out (acute kidney injury, for example "
                    "cast nephropathy?). ",
                    "未说明血清肌酐是否稳定:请明确(是否存在急性肾损伤,如管型肾病?)。")
    return text(
        head["en"] + "a Cockcroft–Gault clearance assumes a steady creatinine, so during acute kidney injury it does "
        "not describe lasting renal function. Re-estimate the clearance once creatinine is stable; the first "
        "zoledronic acid or pamidronate dose, whose dose the clearance sets, waits for it. Denosumab is not renally "
        "cleared and need not wait; if the clearance recovers, the choice can be revisited.",
        head["zh"] + "Cockcroft–Gault 清除率以肌酐处于稳态为前提,急性肾损伤期间的估算值不能反映持久的肾功能。"
        "待肌酐稳定后重新估算清除率;唑来膦酸或帕米膦酸的剂量由清除率决定,其首剂须等待重新估算。"
        "地舒单抗不经肾脏清除,无需等待;清除率恢复后可重新考虑药物选择。")


def _t_ask_dialysis(f, s):
    return text(
        "Whether the patient is on dialysis was not given: find out before the first dose. On dialysis, zoledronic "
        "acid and pamidronate are not recommended and the plan becomes denosumab, with the highest risk of "
        "hypocalcaemia.",
        "未说明患者是否透析:首剂前明确。如透析,不推荐唑来膦酸和帕米膦酸,方案改为地舒单抗,且低钙血症风险最高。")


def _t_ask_preference(f, s):
    return text(
        "Ask whether the patient is at high risk of skeletal-related events (for example a previous pathological "
        "fracture) or would rather have a subcutaneous injection: the interview then favours denosumab. Until "
        "then zoledronic acid, IMWG 2021's default, is shown.",
        "请询问患者是否为骨相关事件高风险(如既往病理性骨折)或更希望皮下注射:专家访谈此时倾向地舒单抗。"
        "在明确之前,显示 IMWG 2021 默认的唑来膦酸。")


def _t_severe_renal(f, s):
    return text(
        f"Severe renal impairment (CrCl < {_SEVERE_RENAL_BELOW_TEXT} mL/min or dialysis): denosumab is the agent the sources point to, "
        f"but there are no randomised data for it below {_SEVERE_RENAL_BELOW_TEXT} mL/min (the phase 3 trial excluded these patients). "
        "Before the first dose, assess CKD mineral and bone disorder with nephrology: intact PTH, calcium, "
        "25(OH) vitamin D and 1,25(OH)₂ vitamin D. " + (
            "No calcium or vitamin D supplements while calcium is high; check calcium weekly for the first month, then "
            "monthly (the advice for denosumab in advanced CKD)." if f["hypercalcaemia"] else
            "Give calcium and active vitamin D as needed, and check calcium weekly for the first month, then monthly "
            "(the advice for denosumab in advanced CKD)."),
        f"重度肾功能损害(肌酐清除率 < {_SEVERE_RENAL_BELOW_TEXT} mL/min 或透析):文献指向地舒单抗,但清除率 < {_SEVERE_RENAL_BELOW_TEXT} mL/min 时无随机对照数据"
        "(3 期试验排除了此类患者)。首剂前与肾内科共同评估慢性肾脏病矿物质和骨异常(CKD-MBD):全段 PTH、血钙、"
        "25(OH) 维生素 D 和 1,25(OH)₂ 维生素 D。" + (
            "血钙升高期间不补充钙剂和维生素 D;第一个月每周查血钙,此后每月一次(晚期慢性肾脏病使用地舒单抗的建议)。"
            if f["hypercalcaemia"] else
            "按需补充钙剂和活性维生素 D,第一个月每周查血钙,此后每月一次(晚期慢性肾脏病使用地舒单抗的建议)。"))


def _t_monitor_cr(f, s):
    try:
        rule_en, rule_zh = _renal_rule_text()
    except ImportError:  # pragma: no cover - the renal check module ships with the package
        rule_en = "Withhold for renal deterioration as the label says (zoledronic-acid-renal-check)."
        rule_zh = "出现肾功能恶化时按说明书暂停(zoledronic-acid-renal-check)。"
    return text(
        "Before each zoledronic acid or pamidronate dose: serum creatinine. The clearance before the first dose set "
        "the dose; later doses keep it and are governed by the rise in creatinine, not re-banded each cycle. "
        + rule_en + " Pamidronate: withhold until creatinine returns to baseline.",
        "每次唑来膦酸或帕米膦酸给药前:检测血清肌酐。剂量由首剂前的清除率决定;此后各次沿用该剂量,按肌酐升高情况处理,"
        "而非每个周期重新分档。" + rule_zh + "帕米膦酸:暂停至肌酐恢复至基线。")


def _t_monitor_ca(f, s):
    severe = SEVERE_RENAL.holds(f)
    if f["hypercalcaemia"]:
        en = ("Monitor calcium during denosumab treatment: no calcium or vitamin D supplements while it is high; once "
              "it is no longer high, give calcium, magnesium and vitamin D as needed. "
              f"Hypocalcaemia risk is highest with CrCl < {_SEVERE_RENAL_BELOW_TEXT} mL/min or dialysis.")
        zh = ("地舒单抗治疗期间监测血钙:血钙升高期间不补充钙剂和维生素 D;血钙不再升高后按需补充钙、镁和维生素 D。"
              f"肌酐清除率 < {_SEVERE_RENAL_BELOW_TEXT} mL/min 或透析时低钙血症风险最高。")
    else:
        en = ("Monitor calcium during denosumab treatment and give calcium, magnesium and vitamin D as needed. "
              f"Hypocalcaemia risk is highest with CrCl < {_SEVERE_RENAL_BELOW_TEXT} mL/min or dialysis, and with inadequate calcium "
              "supplementation.")
        zh = (f"地舒单抗治疗期间监测血钙,按需补充钙、镁和维生素 D。肌酐清除率 < {_SEVERE_RENAL_BELOW_TEXT} mL/min 或透析、钙补充不足时低钙血症风险最高。")
    if severe:
        en += " This patient is in that highest-risk group: calcium weekly for the first month, then monthly."
        zh += "该患者属于最高风险人群:第一个月每周查血钙,此后每月一次。"
    return text(en, zh)


# Why the maintenance agent waits (the resolution step's "timing"), in the headline's words.
_TIMING = {
    "after-acute-za": text(f"Maintenance (not today): from the next dose at the usual interval, {zad.INTERVAL[6:]} "
                           "after the acute zoledronic acid dose: ",
                           f"维持治疗(不在今日):于急性期唑来膦酸给药后按常规间隔({zad.INTERVAL_ZH[1:].strip()})给予下一剂起:"),
    "after-acute": text("Maintenance (not today): once the calcium is controlled after the urgent treatment: ",
                        "维持治疗(不在今日):紧急处理后血钙得到控制时开始:"),
    "after-calcium": text("Maintenance (not today): only after the calcium is corrected: ",
                          "维持治疗(不在今日):仅在血钙纠正后开始:"),
    "hold-onj": text("Hold: active osteonecrosis of the jaw: no bone-targeted agent until it has healed; then ",
                     "暂停:活动性颌骨坏死:愈合前不用任何骨靶向药物;之后"),
    "hold-onj-previous": text("Hold until the dental team confirms that the previous osteonecrosis of the jaw has "
                              "healed (a specialist's decision); then ",
                              "暂停:待口腔科确认既往颌骨坏死已愈合(由专科医生决定);之后"),
    "hold-pregnancy": text("Hold: pregnancy possible: verify pregnancy status first (neither agent in pregnancy); then ",
                           "暂停:可能妊娠:先核实妊娠状态(妊娠期两种药物均不用);之后"),
    "hold-renal": text(f"Hold the bisphosphonate: serum creatinine above {U.write(ZA_TRIALS_CREATININE_ABOVE['mg/dL'], 1)} "
                       f"mg/dL ({U.write(ZA_TRIALS_CREATININE_ABOVE['µmol/L'])} µmol/L), outside the zoledronic acid trials, "
                       f"or CrCl < {_SEVERE_RENAL_BELOW_TEXT} mL/min: confirm the creatinine and the clearance (they may not belong together) "
                       "and review with nephrology; denosumab is the alternative. Only if that review allows it: ",
                       f"暂停双膦酸盐:血清肌酐高于 {U.write(ZA_TRIALS_CREATININE_ABOVE['mg/dL'], 1)} mg/dL"
                       f"({U.write(ZA_TRIALS_CREATININE_ABOVE['µmol/L'])} µmol/L,超出唑来膦酸临床试验范围)或肌酐清除率 < {_SEVERE_RENAL_BELOW_TEXT} mL/min:"
                       "请核实肌酐和清除率(两者可能不属于同一患者)并与肾内科共同评估;地舒单抗为替代药物。仅在评估允许时:"),
    "hold-aki": text("Hold the bisphosphonate: the creatinine is not stable (acute kidney injury); its dose waits for a "
                     "clearance at a stable creatinine (denosumab need not wait); then ",
                     "暂停双膦酸盐:血清肌酐不稳定(急性肾损伤);其剂量须待肌酐稳定后的清除率确定(地舒单抗无需等待);之后"),
}


# A hold that outlasts an emergency, said with the maintenance start.
_HOLD_AFTER = {
    "hold-onj": text("then on hold while the osteonecrosis of the jaw is active; ",
                     "其后在颌骨坏死活动期间暂缓;"),
    "hold-onj-previous": text("then on hold until the dental team confirms that the previous osteonecrosis of the jaw "
                              "has healed; ", "其后暂缓,待口腔科确认既往颌骨坏死已愈合;"),
    "hold-pregnancy": text("then on hold until pregnancy status is verified; ", "其后暂缓,待核实妊娠状态;"),
    "hold-renal": text(f"then on hold: serum creatinine above {U.write(ZA_TRIALS_CREATININE_ABOVE['mg/dL'], 1)} mg/dL "
                       f"({U.write(ZA_TRIALS_CREATININE_ABOVE['µmol/L'])} µmol/L) or CrCl < {_SEVERE_RENAL_BELOW_TEXT} mL/min is outside the "
                       "zoledronic acid trials: review with nephrology (denosumab is the alternative); ",
                       f"其后暂缓:血清肌酐高于 {U.write(ZA_TRIALS_CREATININE_ABOVE['mg/dL'], 1)} mg/dL"
                       f"({U.write(ZA_TRIALS_CREATININE_ABOVE['µmol/L'])} µmol/L)或肌酐清除率 < {_SEVERE_RENAL_BELOW_TEXT} mL/min 超出唑来膦酸临床试验范围:"
                       "请与肾内科共同评估(地舒单抗为替代药物);"),
    "hold-aki": text("then on hold until the creatinine is stable (acute kidney injury); ",
                     "其后暂缓,待肌酐稳定(急性肾损伤);"),
}


def _timing(f: dict, starting: bool, favoured=None) -> str:
    """When the maintenance agent starts: the single resolution step that every phase reads.
    *favoured*: the agent the plan is about (the one the patient is on, or the tree's choice)."""
    if f["severe_hypocalcaemia"] or f["symptoms_no_calcium"] or f["symptoms_unclear"]:
        return "after-calcium"
    if f["calcium_status"] == HCM:
        return "after-acute-za" if f["hcm_renal"] == "ok" else "after-acute"
    if not starting:
        return "none"
    if f["onj"] == "active":
        return "hold-onj"
    if f["pregnancy_possible"] is True:
        return "hold-pregnancy"
    if f["onj"] == "previous":
        return "hold-onj-previous"
    if f["calcium_status"] == LOW:
        return "hold-calcium"
    bisphosphonate = favoured in (ZA, PAM)
    if bisphosphonate and (f["creatinine_above_trials"] or (f["continuing"] and f["severe_renal"])):
        return "hold-renal"
    if bisphosphonate and not f["continuing"] and f["creatinine_stable"] is False:
        return "hold-aki"
    if f["crcl"] is None and f["dialysis"] is not True and not f["continuing"]:
        return "no-agent"
    return "now"


def _t_start(f, s):
    t = f.get("timing", "now")
    if t == "now":
        return text(
            "Start bone protection now: at diagnosis, together with the anti-myeloma therapy, whether or not "
            "imaging shows bone disease.",
            "立即启动骨保护治疗:确诊并开始抗骨髓瘤治疗时同步启动,无论影像学是否发现骨病变。")
    if t == "no-agent":
        return text(
            "Bone protection is indicated now, with the anti-myeloma therapy, whatever the imaging; the agent and its "
            "dose wait for the creatinine clearance.",
            "骨保护治疗现已有指征,与抗骨髓瘤治疗同步,无论影像学结果如何;药物及剂量待肌酐清除率明确后确定。")
    if t in ("after-acute-za", "after-acute", "after-calcium"):
        return text(
            "Bone protection is indicated (active myeloma), but not today: the maintenance agent starts after the "
            "urgent treatment above, once the steps before its first dose are done.",
            "骨保护治疗有指征(活动性骨髓瘤),但不在今日:维持治疗药物在上述紧急处理之后、首剂前各项完成后开始。")
    return text(
        "Bone protection is indicated (active myeloma), but its first dose is on hold until the steps before the "
        "first maintenance dose are done.",
        "骨保护治疗有指征(活动性骨髓瘤),但首剂暂缓,待维持治疗首剂前各项完成后给予。")


# A maintenance agent is being started (not held back by the tree's start decision) and the patient is not
# already on one.
NEW_START = AllOf((STARTING, Cond("continuing", "is", False)))
CONTINUING = AllOf((STARTING, Cond("continuing", "is", True)))

ACTIONS: tuple[Action, ...] = (
    # --- now: emergencies, in the order of danger (NOW_ORDER) ---------------------------------------
    Action("severe-hypocalcaemia", "now", "BP-6", ("turner2016hypocalcaemia", "nci2017ctcae", "xgeva2025label"),
           Cond("severe_hypocalcaemia", "is", True), _t_severe_hypo),
    Action("symptoms-measure-calcium", "now", "BP-6", ("turner2016hypocalcaemia",),
           AnyOf((Cond("symptoms_no_calcium", "is", True), Cond("symptoms_unclear", "is", True))), _t_symptoms_measure),
    Action("hcm-urgent", "now", "BP-6",
           ("zometa_label", "elhajjfuleihan2023hypercalcemia", "xgeva2025label", "terpos2021bone"),
           Cond("calcium_status", "is", HCM), _t_hcm),
    Action("confirm-ionised-calcium", "now", "BP-6", ("payne1973calcium", "elhajjfuleihan2023hypercalcemia"),
           Cond("low_albumin_check", "is", True), _t_ionised),
    # --- before the first maintenance dose ---------------------------------------------------------
    Action("onj", "before-first-dose", "BP-5", ("xgeva2025label", "zometa_label", "terpos2021bone"),
           AllOf((STARTING, AnyOf((Cond("onj", "is", "active"), Cond("onj", "is", "previous"))))), _t_onj),
    Action("pregnancy", "before-first-dose", "BP-3", ("xgeva2025label", "zometa_label"),
           AllOf((STARTING, Cond("pregnancy_check", "is", True))), _t_pregnancy),
    Action("dental", "before-first-dose", "BP-5", ("song_interview", "zometa_smpc"), NEW_START, _t_dental),
    Action("correct-hypocalcaemia", "before-first-dose", "BP-6", ("xgeva2025label", "nci2017ctcae", "anderson2018asco"),
           AllOf((STARTING, Cond("calcium_status", "is", LOW))), _t_correct_ca),
    Action("measure-calcium", "before-first-dose", "BP-6", ("xgeva2025label", "zometa_label"),
           AllOf((STARTING, Cond("calcium_status", "is", NOT_MEASURED))), _t_measure_ca),
    Action("check-calcium-denosumab", "before-first-dose", "BP-6", ("xgeva2025label",),
           AllOf((HAS_DMAB, Cond("calcium_status", "is", NO_LIMIT))), _t_check_ca),
    Action("check-calcium-lln", "before-first-dose", "BP-6", ("xgeva2025label", "anderson2018asco"),
           AllOf((STARTING, HAS_BISPHOSPHONATE, Cond("calcium_status", "is", NO_LIMIT))), _t_check_ca_bp),
    Action("renal-check-before-dose", "before-first-dose", "BP-4", ("zometa_label",),
           AllOf((CONTINUING, HAS_BISPHOSPHONATE)), _t_renal_check),
    Action("ask-clearance", "before-first-dose", "BP-4", ("zometa_label", "zometa_smpc"),
           AllOf((STARTING, CLEARANCE_NOT_KNOWN)), _t_ask_clearance),
    Action("ask-dialysis", "before-first-dose", "BP-4", ("zometa_smpc", "xgeva2025label"),
           AllOf((STARTING, DIALYSIS_NOT_KNOWN)), _t_ask_dialysis),
    Action("provisional-clearance", "before-first-dose", "BP-4", ("cockcroft1976", "zometa_label"),
           AllOf((NEW_START, AnyOf((Cond("creatinine_stable", "is", False), Cond("creatinine_stable", "is", None))))),
           _t_provisional),
    Action("severe-renal-denosumab", "before-first-dose", "BP-4",
           ("raje2018denosumab", "fda2024prolia", "xgeva2025label"), AllOf((NEW_START, SEVERE_RENAL)),
           _t_severe_renal),
    # A project addition (see decisions): cited only for the "vitamin D as needed" it rests on.
    Action("vitamin-d-status", "before-first-dose", "BP-6", ("xgeva2025label",), NEW_START, _t_vit_d),
    # --- maintenance -------------------------------------------------------------------------------
    Action("not-indicated", "maintenance", "BP-1", ("terpos2021bone", "song_interview"),
           Cond("category", "is", NOT_INDICATED), _t_not_indicated),
    Action("ask-active", "maintenance", "BP-1", ("terpos2021bone", "song_interview"),
           Cond("category", "is", FIND_OUT), _t_ask_active),
    Action("start-now", "maintenance", "BP-1",
           ("song_interview", "csco2025mbdguideline", "terpos2021bone", "terpos2013imwg"), NEW_START, _t_start),
    Action("continue-therapy", "maintenance", "BP-8", ("terpos2021bone", "zometa_label", "xgeva2025label"),
           CONTINUING, _t_continue),
    Action("ask-current-therapy", "maintenance", "BP-8", ("terpos2021bone", "anderson2018asco"),
           AllOf((STARTING, Cond("current_agent", "is", None))), _t_ask_current),
    Action("agent-choice", "maintenance", "BP-3", ("song_interview", "terpos2021bone"), NEW_START, text(
        "Choose the agent for this patient: age, performance status, renal function, oral health, previous "
        "fractures, risk of skeletal-related events, and the preferred route and adherence.",
        "个体化选择药物:综合评估年龄、体能状态、肾功能、口腔健康状况、既往骨折史、骨相关事件风险以及对给药途径的偏好和依从性。")),
    Action("ask-preference", "maintenance", "BP-3", ("song_interview",),
           AllOf((NEW_START, Cond("favoured", "is", ZA), PREFERENCE_NOT_KNOWN)), _t_ask_preference),
    Action("hypercalcaemia", "maintenance", "BP-6", ("rajkumar2014imwg", "zometa_label"),
           AllOf((STARTING, _status_in(HIGH, HCM))), _t_hypercalcaemia),
    Action("calcium-vitamin-d", "maintenance", "BP-6", ("zometa_label", "song_interview"),
           AllOf((STARTING, _status_in(NOT_LOW, NO_LIMIT, LOW, NOT_MEASURED))),
           text(
        f"Calcium and vitamin D for everyone on bone-targeted therapy whose calcium is not high: calcium "
        f"{CALCIUM_SUPPLEMENT_MG} mg plus vitamin D {VITAMIN_D_SUPPLEMENT_IU} IU daily (zoledronic acid label), to "
        "supply bone and prevent treatment-related hypocalcaemia; none while the patient is hypercalcaemic.",
        f"血钙不高的骨保护治疗患者均补充钙剂和维生素 D:每日钙 {CALCIUM_SUPPLEMENT_MG} mg 加维生素 D "
        f"{VITAMIN_D_SUPPLEMENT_IU} IU(唑来膦酸说明书),为骨骼提供原料并预防治疗相关的低钙血症;高钙血症期间不补充。")),
    Action("lifestyle", "maintenance", "BP-7", ("song_interview",), STARTING, text(
        "Moderate weight-bearing exercise as the patient's condition allows, a balanced diet, no smoking and "
        "little alcohol.",
        "在身体条件允许时进行适度负重锻炼,均衡饮食,戒烟限酒。")),
    # --- monitoring and duration ---------------------------------------------------------------------
    Action("baseline-imaging", "monitoring", "BP-2", ("song_interview", "hillengass2019imaging"), NEW_START, text(
        "Baseline skeletal imaging (low-dose whole-body CT; whole-body MRI or PET-CT) and bone-turnover "
        "markers, as the reference for follow-up. Do not wait for the result to start bone protection.",
        "基线骨骼影像学检查(低剂量全身 CT;全身 MRI 或 PET-CT)及骨代谢标志物检测,作为随访对照。无需等待结果再启动骨保护。")),
    Action("monitor-creatinine", "monitoring", "BP-4",
           ("zometa_label", "zometa_smpc", "pamidronate_label"), AllOf((STARTING, HAS_BISPHOSPHONATE)),
           _t_monitor_cr),
    Action("monitor-calcium-denosumab", "monitoring", "BP-6", ("xgeva2025label", "fda2024prolia"), HAS_DMAB,
           _t_monitor_ca),
    Action("duration-review", "monitoring", "BP-8", ("terpos2021bone", "anderson2018asco", "tsourdi2021ects"),
           CONTINUING, _t_duration_review),
    Action("za-duration", "monitoring", "BP-8", ("terpos2021bone", "anderson2018asco"),
           AllOf((NEW_START, HAS_BISPHOSPHONATE)), text(
        f"Zoledronic acid (or pamidronate) monthly for at least {ZA_MIN_MONTHS} months, then review: at VGPR or "
        f"better, consider reducing to every {ZA_REDUCED_EVERY_MONTHS[0]} or {ZA_REDUCED_EVERY_MONTHS[1]} months or "
        f"stopping; without VGPR, continue (IMWG 2021). Reconsider at {RECONSIDER_AT_MONTHS} months, 2 years "
        "(ASCO 2018).",
        f"唑来膦酸(或帕米膦酸)每月一次,至少 {ZA_MIN_MONTHS} 个月后评估:达到非常好的部分缓解(VGPR)或更好时,可考虑减为每 "
        f"{ZA_REDUCED_EVERY_MONTHS[0]} 或 {ZA_REDUCED_EVERY_MONTHS[1]} 个月一次或停药;未达 VGPR 则继续(IMWG 2021)。"
        f"满 {RECONSIDER_AT_MONTHS} 个月(2 年)时重新考虑(ASCO 2018)。")),
    Action("denosumab-stopping", "monitoring", "BP-8", ("xgeva2025label", "terpos2021bone"),
           AllOf((HAS_DMAB, Cond("continuing", "is", False))), text(
        "Do not stop denosumab without a plan: multiple vertebral fractures have been reported after stopping "
        "(rebound). Agree how and when to stop with the treating specialist before any interruption.",
        "不可无计划停用地舒单抗:停药后曾报告多发椎体骨折(反跳)。任何中断前须与主治专科医生商定停药方式和时机。")),
    Action("denosumab-stop-warning", "monitoring", "BP-8", ("xgeva2025label", "tsourdi2021ects"),
           AllOf((Cond("current_agent", "is", DMAB), AnyOf((Cond("category", "is", NOT_INDICATED),
                                                            Cond("category", "is", FIND_OUT))))), _t_dmab_stop_warning),
    Action("restart-at-relapse", "monitoring", "BP-8", ("terpos2013imwg",), STARTING, text(
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


def _ask_phrase(action_id: str, f: dict) -> dict | None:
    """The short form of a step that must come before the first dose, for the headline."""
    if action_id == "provisional-clearance":
        if f["creatinine_stable"] is False:
            return text("re-estimate the clearance once creatinine is stable (acute kidney injury), before the first "
                        "zoledronic acid or pamidronate dose",
                        "待肌酐稳定后重新估算清除率(急性肾损伤),再给予唑来膦酸或帕米膦酸首剂")
        return text("find out whether creatinine is stable (a clearance during acute kidney injury is provisional)",
                    "明确血清肌酐是否稳定(急性肾损伤期间的清除率仅为暂定值)")
    if action_id == "pregnancy" and f["pregnancy_possible"] is not True:
        return text("verify pregnancy status if a woman of childbearing potential",
                    "如为育龄女性,核实妊娠状态")
    return {
        "measure-calcium": text("measure corrected calcium", "检测校正血钙"),
        "check-calcium-denosumab": text("check corrected calcium against the laboratory's lower limit",
                                        "对照实验室正常下限检查校正血钙"),
        "ask-dialysis": text("find out whether the patient is on dialysis (if so, denosumab only)",
                             "明确患者是否透析(如透析,仅用地舒单抗)"),
        "ask-clearance": text("give the creatinine clearance (or age, weight, creatinine and sex)",
                              "提供肌酐清除率(或年龄、体重、肌酐和性别)"),
        "check-calcium-lln": text("check corrected calcium against the laboratory's lower limit",
                                  "对照实验室正常下限检查校正血钙"),
        "renal-check-before-dose": text("compare the creatinine with the baseline by the label's rule",
                                        "按说明书规则将肌酐与基线比较"),
        "ask-current-therapy": text("find out whether the patient is already on a bone-targeted agent",
                                    "明确患者是否已在使用骨靶向药物"),
        "severe-renal-denosumab": text("assess CKD mineral and bone disorder with nephrology",
                                       "与肾内科共同评估慢性肾脏病矿物质和骨异常"),
        "vitamin-d-status": text("measure vitamin D", "检测维生素 D"),
    }.get(action_id)


def _hcm_headline(f: dict) -> dict:
    """The urgent treatment of hypercalcaemia of malignancy in one sentence, for the headline."""
    mg = U.write(HCM_ZA_MG)
    ca = f["shown_calcium"]
    head = text(f"Urgent: hypercalcaemia of malignancy (corrected calcium {ca}, at or above "
                f"{_HCM_AT_LEAST_TEXT['mmol/L']} mmol/L or {_HCM_AT_LEAST_TEXT['mg/dL']} mg/dL): ",
                f"紧急:恶性肿瘤相关高钙血症(校正血钙 {ca},达到或超过 {_HCM_AT_LEAST_TEXT['mmol/L']} mmol/L 或 {_HCM_AT_LEAST_TEXT['mg/dL']} mg/dL):")
    if f["dialysis"] is True or f["oliguria"] is True:
        fluid = text("no saline load (dialysis, anuria or oliguria: fluids by volume status; haemodialysis with a "
                     "low-calcium dialysate lowers calcium, with nephrology), then ",
                     "不予生理盐水负荷(透析、无尿或少尿:按容量状态补液;与肾内科安排低钙透析液血液透析降钙),随后")
    elif f["heart_failure"] is True:
        fluid = text("saline only cautiously, by volume status (heart failure; no loop diuretic before the "
                     "hypovolaemia is corrected), then ",
                     "仅按容量状态谨慎给予生理盐水(心力衰竭;低血容量纠正前不用袢利尿剂),随后")
    elif f["dialysis"] is False and f["oliguria"] is False and f["heart_failure"] is False:
        fluid = text("rehydrate with intravenous saline first (no loop diuretic before), then ",
                     "先静脉输注生理盐水补液(补液前不用袢利尿剂),随后")
    else:
        fluid = text("rehydrate with intravenous saline first if the patient passes urine and has no heart failure "
                     "(check now; no loop diuretic before), then ",
                     "如患者有尿且无心力衰竭,先静脉输注生理盐水补液(请立即核实;补液前不用袢利尿剂),随后")
    if f["hcm_renal"] == "ok":
        tail = text(f"zoledronic acid {mg} mg over ≥{_ZA_INFUSION_MINUTES} min without renal dose reduction",
                    f"唑来膦酸 {mg} mg 输注 ≥{_ZA_INFUSION_MINUTES} 分钟,不按肾功能减量")
    elif f["hcm_renal"] == "unknown":
        tail = text(f"zoledronic acid {mg} mg over ≥{_ZA_INFUSION_MINUTES} min once serum creatinine is known to be below "
                    f"{_HCM_NO_RENAL_REDUCTION_TEXT['mg/dL']} mg/dL ({_HCM_NO_RENAL_REDUCTION_TEXT['µmol/L']} µmol/L): measure it now",
                    f"确认血清肌酐低于 {_HCM_NO_RENAL_REDUCTION_TEXT['mg/dL']} mg/dL({_HCM_NO_RENAL_REDUCTION_TEXT['µmol/L']} µmol/L)后给予唑来膦酸 {mg} mg 输注 "
                    f"≥{_ZA_INFUSION_MINUTES} 分钟:立即检测肌酐")
    else:
        tail = text("with nephrology: zoledronic acid only after weighing risks and benefits (severe renal "
                    "impairment), or denosumab, which lowers calcium without the kidney",
                    "与肾内科共同决定:重度肾功能损害时唑来膦酸须权衡利弊后使用,或选用不依赖肾脏降钙的地舒单抗")
    en, zh = head["en"] + fluid["en"] + tail["en"], head["zh"] + fluid["zh"] + tail["zh"]
    if f["severe_hypercalcaemia"]:
        en += "; severe hypercalcaemia: the guideline also suggests calcitonin (conditional)"
        zh += ";重度高钙血症:指南亦建议加用降钙素(有条件推荐)"
    if f["current_agent"] in (ZA, PAM):
        en += f" (only if the last bisphosphonate dose was at least {HCM_RETREAT_AFTER_DAYS} days ago; despite it: denosumab)"
        zh += f"(仅当距上次双膦酸盐给药至少 {HCM_RETREAT_AFTER_DAYS} 天;双膦酸盐治疗下仍高钙:地舒单抗)"
    if f["onj"] == "active":
        en += "; active osteonecrosis of the jaw: weigh either drug with the dental team"
        zh += ";活动性颌骨坏死:与口腔科共同权衡用药"
    if f["pregnancy_possible"] is True or (f["pregnancy_possible"] is None and f["sex"] == "female"):
        en += "; verify pregnancy status before either drug"
        zh += ";用药前核实妊娠状态"
    return text(en + "; no calcium or vitamin D supplements. ", zh + ";不补充钙剂和维生素 D。")


def _severe_hypo_headline(f: dict) -> dict:
    g = f["calcium_ctcae_grade"]
    g_en = f", CTCAE grade {g}" if g else ""
    g_zh = f",CTCAE {g} 级" if g else ""
    sym_en = ", symptomatic" if f["hypocalcaemia_symptoms"] is True else ""
    sym_zh = ",有症状" if f["hypocalcaemia_symptoms"] is True else ""
    return text(f"Urgent: severe hypocalcaemia (corrected calcium {f['shown_calcium']}{g_en}{sym_en}), a medical "
                "emergency: intravenous calcium gluconate now with ECG monitoring; check and correct magnesium. ",
                f"紧急:重度低钙血症(校正血钙 {f['shown_calcium']}{g_zh}{sym_zh}),属医疗急症:立即在心电监护下静脉补充"
                "葡萄糖酸钙;检测并纠正血镁。")


def _now_headline(f: dict) -> tuple[str, str]:
    """The now phase, first and whole: every emergency in the order of danger."""
    en = zh = ""
    if f["severe_hypocalcaemia"]:
        h = _severe_hypo_headline(f)
        en, zh = en + h["en"], zh + h["zh"]
    if f["symptoms_no_calcium"]:
        en += "Urgent: symptoms of hypocalcaemia: measure calcium (and magnesium) now. "
        zh += "紧急:有低钙血症症状:立即检测血钙(及血镁)。"
    if f["symptoms_unclear"]:
        en += ("Urgent: symptoms of hypocalcaemia with a calcium that may be below your laboratory's range: compare it "
               "with the lower limit now; below it, treat as severe hypocalcaemia (intravenous calcium gluconate with ECG "
               "monitoring). ")
        zh += "紧急:有低钙血症症状,血钙可能低于本实验室参考范围:请立即与正常下限比较;如低于下限,按重度低钙血症处理(心电监护下静脉补充葡萄糖酸钙)。"
    if f["calcium_status"] == HCM:
        h = _hcm_headline(f)
        en, zh = en + h["en"], zh + h["zh"]
    if f["low_albumin_check"]:
        en += "Very low albumin: confirm the calcium with an ionised calcium. "
        zh += "白蛋白很低:以离子钙确认血钙。"
    return en, zh


def _agent_phrase(f: dict, agents: list, timing: str, continuing: bool) -> tuple[str, str]:
    """The maintenance agent and its dose, as the headline names it."""
    fav = next((a for a in agents if a["favoured"]), None)
    if fav is None:
        agent_en = "agent and dose once the creatinine clearance is known"
        agent_zh = "药物及剂量待肌酐清除率明确后确定"
    elif continuing:
        held = timing not in ("now", "hold-renal")
        agent_en = (f"hold the next {fav['name']['en'].lower()} dose, then continue" if held
                    else f"continue {fav['name']['en'].lower()}")
        agent_zh = f"暂缓下一剂{fav['name']['zh']},之后继续" if held else f"继续{fav['name']['zh']}"
        if fav["dose"] is not None and fav["agent"] == DMAB:
            agent_en += f" {fav['dose']['en']}"
            agent_zh += f" {fav['dose']['zh']}"
        elif fav["agent"] in (ZA, PAM):
            if f["severe_renal"] or f["creatinine_above_trials"]:
                agent_en += ", at the dose already established"
                agent_zh += ",按已确定的剂量"
            else:
                agent_en += f" at the dose already established, {zad.INTERVAL}"
                agent_zh += f",按已确定的剂量,{zad.INTERVAL_ZH}一次"
    else:
        agent_en = f"{fav['name']['en'].lower()} {fav['dose']['en']}" if fav["dose"] else fav["name"]["en"].lower()
        agent_zh = f"{fav['name']['zh']} {fav['dose']['zh']}" if fav["dose"] else fav["name"]["zh"]
    return agent_en, agent_zh


def _start_headline(f: dict, timing: str, agents: list, actions: list, pending: list, shown: dict,
                    continuing: bool, hcm: bool) -> tuple[str, str]:
    """The maintenance agent with its start, what comes before its first dose, and what to ask."""
    en = zh = ""
    agent_en, agent_zh = _agent_phrase(f, agents, timing, continuing)
    if timing == "hold-calcium":
        g = f["calcium_ctcae_grade"]
        g_en = f", CTCAE grade {g}" if g else ""
        g_zh = f",CTCAE {g} 级" if g else ""
        then_en = f"Then {agent_en}; " if continuing else f"Then start bone protection with {agent_en}; "
        then_zh = f"之后{agent_zh};" if continuing else f"之后启动骨保护:{agent_zh};"
        en += (f"Hypocalcaemia (corrected calcium {f['shown_calcium']}{g_en}): correct it first; the next dose of "
               "any bone-targeted agent waits until it is corrected. " if continuing else
               f"Hypocalcaemia (corrected calcium {f['shown_calcium']}{g_en}): correct it first; the first dose of "
               "any bone-targeted agent waits until it is corrected. ") + then_en
        zh += (f"低钙血症(校正血钙 {f['shown_calcium']}{g_zh}):先予纠正;任何骨靶向药物的"
               + ("下一剂" if continuing else "首剂") + "均须待其纠正后给予。" + then_zh)
    elif timing in _TIMING:
        en += _TIMING[timing]["en"] + agent_en + "; "
        zh += _TIMING[timing]["zh"] + agent_zh + ";"
        if timing.startswith("after-"):  # a hold that outlasts the emergency is said with it
            hold = _timing(dict(f, severe_hypocalcaemia=False, symptoms_no_calcium=False, symptoms_unclear=False,
                                calcium_status=NOT_LOW), True, shown.get("favoured"))
            if hold in _HOLD_AFTER:
                en += _HOLD_AFTER[hold]["en"]
                zh += _HOLD_AFTER[hold]["zh"]
    elif timing == "no-agent":
        en += f"Bone protection is indicated, with the anti-myeloma therapy: {agent_en}; "
        zh += f"骨保护治疗有指征(与抗骨髓瘤治疗同步):{agent_zh};"
    elif continuing:
        en += f"Already on bone-targeted therapy: {agent_en}; "
        zh += f"已在接受骨靶向治疗:{agent_zh};"
    else:
        en += f"Start bone protection now with {agent_en}; "
        zh += f"立即启动骨保护:{agent_zh};"
    if not continuing:
        if f["dental_exam_done"] is True:
            en += "dental examination done: complete any preventive dental treatment before the first dose; "
            zh += "口腔检查已完成:首剂前完成必要的预防性口腔处理;"
        else:
            en += "dental examination before the first maintenance dose; "
            zh += "维持治疗首剂前口腔检查;"
    if hcm:  # said in the urgent sentence
        en, zh = en.rstrip("; ") + ".", zh.rstrip(";") + "。"
    elif f["calcium_status"] == HIGH:
        en += "hypercalcaemia: no calcium or vitamin D supplements while calcium is high."
        zh += "高钙血症:血钙升高期间不补充钙剂和维生素 D。"
    else:
        en += "calcium and vitamin D."
        zh += "补充钙和维生素 D。"
    asks = [p for p in (_ask_phrase(i, f) for i in pending) if p is not None]
    if asks:
        en += (" Before the next dose: " if continuing else " Before the first maintenance dose: ") \
            + "; ".join(p["en"] for p in asks) + "."
        zh += ("下一剂前:" if continuing else "维持治疗首剂前:") + ";".join(p["zh"] for p in asks) + "。"
    if any(a["id"] == "ask-preference" for a in actions):
        en += (" Ask whether the patient is at high risk of skeletal-related events or prefers a subcutaneous "
               "injection (the interview then favours denosumab).")
        zh += "请询问患者是否为骨相关事件高风险或更希望皮下注射(专家访谈此时倾向地舒单抗)。"
    if continuing:
        dr = _t_duration_review(f, shown)
        en += " " + dr["en"]
        zh += dr["zh"]
    return en, zh


def headline(f: dict, decision: str, timing: str, agents: list, actions: list, pending: list, start: dict,
             shown: dict) -> dict:
    """The plan's headline in both languages: the now phase first and whole, then the maintenance agent
    with its start (or why the plan stops), then a warning that outlasts the plan."""
    starting = decision == START_NOW
    continuing = starting and f["continuing"]
    hcm = f["calcium_status"] == HCM
    en, zh = _now_headline(f)
    if starting:
        e, z = _start_headline(f, timing, agents, actions, pending, shown, continuing, hcm)
        en, zh = en + e, zh + z
    elif decision == FIND_OUT:
        en += ("Find out first whether the myeloma is active (needs anti-myeloma therapy): this plan depends on it "
               "and does not guess it.")
        zh += "请先明确骨髓瘤是否为活动性(需要抗骨髓瘤治疗):本方案取决于此,不作推测。"
    else:
        en += start["when"]["en"]
        zh += start["when"]["zh"]
        if hcm or f["calcium_status"] == HIGH:
            en += " Hypercalcaemia is a myeloma-defining event when attributable: reassess whether the myeloma is active."
            zh += "高钙血症若可归因于浆细胞疾病即为骨髓瘤定义事件:请重新评估骨髓瘤是否为活动性。"
    if not starting and f["current_agent"] == DMAB:
        t = _t_dmab_stop_warning(f, shown)
        en += " " + t["en"]
        zh += t["zh"]

    return text(en.strip(), zh)


def bone_protection_plan(active_mm=None, crcl=None, corrected_calcium=None, calcium_lln=None, dialysis=None,
                         dental_exam_done=None, high_sre_risk=None, prefers_subcutaneous=None,
                         vitamin_d_known=None, calcium_uln=None, creatinine=None,
                         creatinine_stable=None, sex=None, hypocalcaemia_symptoms=None, oliguria=None,
                         heart_failure=None, albumin=None, pregnancy_possible=None, onj=None, current_agent=None,
                         months_on_agent=None, response=None, needed=()) -> PlanResult:
    """The plan. *crcl* may be None (not given): the emergencies are still answered, and the agent waits for
    it. *needed*: inputs not given that the clearance needs (from the wrapper)."""
    if calcium_lln is not None or calcium_uln is not None:
        unit = (corrected_calcium or calcium_lln or calcium_uln).unit
        cc.check_limits(unit, None if calcium_lln is None else calcium_lln.to(unit),
                        None if calcium_uln is None else calcium_uln.to(unit))
    f = facts_of(dict(
        active_mm=active_mm, crcl=crcl, corrected_calcium=corrected_calcium, calcium_lln=calcium_lln,
        calcium_uln=calcium_uln, creatinine=creatinine, creatinine_stable=creatinine_stable,
        dialysis=dialysis, dental_exam_done=dental_exam_done, high_sre_risk=high_sre_risk,
        prefers_subcutaneous=prefers_subcutaneous, vitamin_d_known=vitamin_d_known, sex=sex,
        hypocalcaemia_symptoms=hypocalcaemia_symptoms, oliguria=oliguria, heart_failure=heart_failure,
        albumin=albumin, pregnancy_possible=pregnancy_possible, onj=onj, current_agent=current_agent,
        months_on_agent=months_on_agent, response=response))
    path, sets = TREE.walk(f)
    decision = sets["category"]
    starting = decision == START_NOW
    continuing = starting and f["continuing"]
    # the agent the plan is about: the one the patient is on, or the one the tree chose for a new start
    shown = dict(sets)
    if continuing:
        shown["favoured"] = f["current_agent"]
    # --- the single resolution step: when the maintenance agent starts, read by every phase ---------
    timing = _timing(f, starting, shown.get("favoured"))
    ctx = dict(f, category=decision, agents=shown.get("agents", ()), favoured=shown.get("favoured"), timing=timing)

    if starting and shown.get("favoured") is not None:
        favoured = shown["favoured"]
        order = (favoured,) + tuple(a for a in AGENT_ORDER if a != favoured)
        agents = [_agent(a, f, shown) for a in order]
    else:
        agents = []
    # by phase, then in table order (both written out: MicroPython's sort is not stable)
    applicable = [(PHASES.index(a.phase), i, a) for i, a in enumerate(ACTIONS) if a.applies.holds(ctx)]
    actions = [a.render(ctx, shown) for _, _, a in sorted(applicable, key=lambda t: t[:2])]
    for a in actions:
        a["phase_title"] = PHASE_TITLES[a["phase"]]

    # what must be done (or found out) before the first dose of the maintenance agent
    bisphosphonate = shown.get("favoured") in (ZA, PAM)
    gating = {"dental": f["dental_exam_done"] is not True, "correct-hypocalcaemia": True,
              "measure-calcium": True, "check-calcium-denosumab": True, "ask-dialysis": True,
              "ask-clearance": True, "severe-renal-denosumab": True, "onj": True, "pregnancy": True,
              "check-calcium-lln": True, "renal-check-before-dose": True, "ask-current-therapy": True,
              # a clearance from an unstable creatinine sets no bisphosphonate dose
              "provisional-clearance": bisphosphonate,
              # vitamin D (a project addition) gates the first dose only where hypocalcaemia risk is highest
              "vitamin-d-status": f["severe_renal"] and f["vitamin_d_known"] is not True}
    pending = [a["id"] for a in actions if gating.get(a["id"], False)] if starting else []
    hcm = f["calcium_status"] == HCM
    urgent_now = timing in ("after-calcium", "after-acute-za", "after-acute")
    if urgent_now:
        category = URGENT_FIRST
    elif starting and timing != "now":
        category = HOLD
    elif continuing:
        category = CONTINUE
    else:
        category = decision
    if starting:
        when = {
            "now": text("Now: at diagnosis, with the anti-myeloma therapy, whatever the imaging.",
                        "立即:确诊时与抗骨髓瘤治疗同步启动,无论影像学结果如何。"),
        }.get(timing) or _t_start(ctx, shown)
        if continuing and timing == "now":
            when = text("Already on bone-targeted therapy: continue, review and de-escalate as BP-8 says.",
                        "已在接受骨靶向治疗:按 BP-8 继续、评估和降阶梯。")
        elif continuing:
            when = text("Already on bone-targeted therapy: the next dose is held for the reason above; then continue, "
                        "review and de-escalate as BP-8 says.",
                        "已在接受骨靶向治疗:因上述原因暂缓下一剂;之后按 BP-8 继续、评估和降阶梯。")
        start = {"indicated": True, "recommendation": "BP-1", "when": when, "timing": timing,
                 "first_dose_after": pending,
                 "references": ["song_interview", "terpos2021bone", "terpos2013imwg"]}
    elif decision == FIND_OUT:
        start = {"indicated": None, "recommendation": "BP-1", "timing": timing,
                 "when": text("Not known yet: find out whether the myeloma is active (needs anti-myeloma therapy).",
                              "尚不确定:请先明确骨髓瘤是否为活动性(需要抗骨髓瘤治疗)。"),
                 "first_dose_after": [], "references": ["terpos2021bone", "song_interview"]}
    else:
        start = {"indicated": False, "recommendation": "BP-1", "timing": timing,
                 "when": text("Not covered by this plan (active multiple myeloma only): smouldering myeloma "
                              "and MGUS are outside it; treat bone health on its own merits.",
                              "本方案不涵盖(仅针对活动性多发性骨髓瘤):冒烟型骨髓瘤和 MGUS 不在本方案范围内;"
                              "骨骼健康按其自身情况处理。"),
                 "first_dose_after": [], "references": ["terpos2021bone", "song_interview"]}
    now_ids = [a["id"] for a in actions if a["phase"] == "now"]
    if now_ids:
        start["urgent"] = now_ids[0]

    explanation = headline(f, decision, timing, agents, actions, pending, start, shown)

    # --- what else is needed: inputs not given that would change this answer ---------------------------
    need = []
    if f["active_mm"] is None:
        need.append("active_mm")
    if f["crcl"] is None and f["dialysis"] is not True:
        need += [n for n in (needed or ("crcl",)) if n not in need]
    if hcm and f["hcm_renal"] == "unknown" and "creatinine" not in need:
        need.append("creatinine")
    if f["calcium_status"] == NOT_MEASURED:
        need.append("corrected_calcium")
    if f["dialysis"] is None:
        need.append("dialysis")
    if hcm:
        need += [n for n in ("oliguria", "heart_failure") if f[n] is None]
    if f["calcium_status"] == LOW and f["hypocalcaemia_symptoms"] is None and not f["severe_hypocalcaemia"]:
        need.append("hypocalcaemia_symptoms")
    if starting and f["pregnancy_check"] and f["pregnancy_possible"] is None:
        need.append("pregnancy_possible")
    if starting and f["current_agent"] is None and current_agent is None:
        need.append("current_agent")
    if continuing and f["months_on_agent"] is None:
        need.append("months_on_agent")
    if continuing and f["months_on_agent"] is not None and f["months_on_agent"] >= REVIEW_AT_MONTHS \
            and f["response"] is None:
        need.append("response")

    refs = []
    for item in [start] + agents + actions:
        refs += [k for k in item["references"] if k not in refs]
    recs = sorted({a["recommendation"] for a in actions} | ({"BP-3"} if agents else set()) | {"BP-1"})
    za = (zad.dose_for(f["crcl"]) if starting and not continuing and ZA in shown.get("agents", ())
          and f["dialysis"] is not True and f["crcl"] is not None else None)
    return PlanResult(
        calculator=ID, value=None, unit=None, category=category, explanation=explanation,
        references=tuple(refs), recommendations=tuple(recs),
        details={"favoured": shown.get("favoured"), "decision": decision, "timing": timing,
                 "agents": [a["agent"] for a in agents if a["suitable"]],
                 "zoledronic_acid_dose_mg": za, "calcium_status": f["calcium_status"],
                 "hypercalcaemia": f["hypercalcaemia"],
                 "hypercalcaemia_of_malignancy": hcm,
                 "severe_hypercalcaemia": f["severe_hypercalcaemia"],
                 "hcm_zoledronic_acid_mg": HCM_ZA_MG if hcm and f["hcm_renal"] == "ok" else None,
                 "hypocalcaemia": f["calcium_status"] == LOW,
                 "severe_hypocalcaemia": f["severe_hypocalcaemia"],
                 "calcium_ctcae": cc.ctcae_grade(corrected_calcium.value, corrected_calcium.unit,
                                                 None if calcium_lln is None else calcium_lln.to(corrected_calcium.unit),
                                                 None if calcium_uln is None else calcium_uln.to(corrected_calcium.unit))[0]
                 if corrected_calcium is not None else None,
                 "calcium_ctcae_grade": f["calcium_ctcae_grade"],
                 "severe_renal_impairment": SEVERE_RENAL.holds(f),
                 "continuing": continuing,
                 "needed": need,
                 "first_dose_after": pending},
        start=start, agents=agents, actions=actions, path=path,
    )


class _PlanFunction:
    """The plan's calculator function: the clearance, or age, weight, creatinine and sex to calculate it, as
    for every calculator that needs one (crcl_cockcroft_gault.resolve_clearance), except that nothing of it is
    required. Without a clearance the plan still answers what does not depend on it (an emergency, the start
    decision) and lists what is needed; the creatinine also serves on its own (hypercalcaemia of malignancy).
    A class, not a closure: MicroPython's closures carry no attributes."""

    def __init__(self, function):
        self.function = function
        self.__name__ = function.__name__
        self.__module__ = getattr(function, "__module__", None)
        self.__doc__ = getattr(function, "__doc__", None)
        self.__wrapped__ = function

    def __call__(self, crcl=None, age=None, weight=None, creatinine=None, sex=None, **others):
        source, needed = None, ()
        four = {"age": age, "weight": weight, "creatinine": creatinine, "sex": sex}
        if age is None and weight is None and sex is None:
            q = crcl  # a creatinine alone is the plan's own (hypercalcaemia), not a request to calculate
            cg.check_pair(crcl, creatinine)  # a creatinine and a clearance that cannot belong to one adult
        elif crcl is None and any(v is None for v in four.values()):
            q, needed = None, tuple(k for k in cg.CG_NAMES if four[k] is None)
        else:
            q, source = cg.resolve_clearance(crcl, age, weight, creatinine, sex)
        result = self.function(crcl=q, creatinine=creatinine, sex=sex, needed=needed, **others)
        if source is not None:
            result.details["clearance"] = source
        return result


def _choice(name, en, zh, choices, help_):
    """An optional choice whose last choice is "unknown"; not given is unknown too."""
    return Input(name, text(en, zh), kind="choice", required=False, default=None, choices=choices, help=help_)


# The plan's creatinine serves twice: with age, weight and sex it gives the clearance; on its own
# (with a clearance) it decides the zoledronic acid dose for hypercalcaemia of malignancy.
_CREATININE_HELP = text(
    "With age, weight and sex it gives the clearance (Cockcroft–Gault). Needed too when calcium is very high: "
    "the zoledronic acid dose for hypercalcaemia of malignancy depends on it.",
    "与年龄、体重和性别一起用于计算清除率(Cockcroft–Gault)。血钙很高时也需要:恶性肿瘤相关高钙血症的唑来膦酸用法取决于此。")

CALCULATOR = Calculator(
    id=ID,
    title=text("Bone protection plan", "骨保护治疗方案"),
    function=_PlanFunction(bone_protection_plan),
    equation="mmguide bone-protection decision tree (interview; IMWG 2021; Zometa, Xgeva and pamidronate labels)",
    purpose=text(
        "Says whether and when to start bone-targeted therapy in multiple myeloma, which agent at what dose, "
        "what to do first (urgent hypercalcaemia, hypocalcaemia, dental care, what is not yet known), and how to "
        "monitor, review and stop.",
        "判断多发性骨髓瘤患者是否及何时启动骨靶向治疗、选用何种药物及剂量、须先处理的事项(紧急高钙血症、低钙血症、"
        "口腔处理及尚未明确的信息),以及监测、评估和停药。",
    ),
    when_to_use=text(
        "At diagnosis of active multiple myeloma, when anti-myeloma therapy is planned; again at relapse.",
        "确诊活动性多发性骨髓瘤、计划抗骨髓瘤治疗时使用;复发时再次使用。",
    ),
    inputs=(
        yes_no("active_mm", "Active multiple myeloma (needs anti-myeloma therapy)", "活动性多发性骨髓瘤(需要抗骨髓瘤治疗)",
               text("No for smouldering myeloma or MGUS; if not known, the plan asks for it.",
                    "冒烟型骨髓瘤或 MGUS 选“否”;如未知,方案会提示先明确。"), unknown=True),
    ) + cg.clearance_inputs(  # the clearance, or age, weight, creatinine and sex to calculate it
            Input("crcl", text("Creatinine clearance (Cockcroft–Gault)", "肌酐清除率(Cockcroft–Gault)"),
                  analyte="crcl",
                  help=text("An eGFR in mL/min/1.73 m² is refused: the zoledronic acid label uses Cockcroft–Gault "
                            "clearance.", "不接受以 mL/min/1.73 m² 表示的 eGFR:唑来膦酸说明书使用 Cockcroft–Gault 清除率。")),
            help={"creatinine": _CREATININE_HELP},
    ) + (  # written as a sum of tuples: MicroPython has no * unpacking inside a literal
        yes_no("dialysis", "On dialysis", "正在透析", unknown=True),
        Input("corrected_calcium", text("Corrected serum calcium", "校正血钙"), analyte="calcium",
              required=False,
              help=text("Albumin-corrected (see corrected-calcium).", "白蛋白校正后的血钙(见 corrected-calcium)。")),
        Input("calcium_lln", text("Laboratory lower limit of normal for calcium", "实验室血钙正常下限"),
              analyte="calcium", required=False,
              help=text("Your laboratory's own lower reference limit; below it, or in any case below the CTCAE "
                        "grade 2 floor, the calcium is low.",
                        "本实验室的血钙正常下限;低于此值,或无论如何低于 CTCAE 2 级界值,即为低钙。")),
        yes_no("dental_exam_done", "Dental examination already done", "已完成口腔检查", unknown=True),
        yes_no("high_sre_risk", "High risk of skeletal-related events (e.g. previous pathological fracture)",
               "骨相关事件高风险(如既往病理性骨折)", unknown=True),
        yes_no("prefers_subcutaneous", "Prefers a subcutaneous injection (more convenient route)",
               "希望皮下注射(更便捷的给药方式)", unknown=True),
        yes_no("vitamin_d_known", "Vitamin D status known", "维生素 D 水平已知", unknown=True),
        Input("calcium_uln", text("Laboratory upper limit of normal for calcium", "实验室血钙正常上限"),
              analyte="calcium", required=False,
              help=text("Your laboratory's own upper reference limit; above it no calcium supplements are given.",
                        "本实验室的血钙正常上限;高于此值时不补充钙剂。")),
        yes_no("creatinine_stable", "Creatinine stable (no acute kidney injury)", "血清肌酐稳定(无急性肾损伤)",
               text("No during acute kidney injury (for example cast nephropathy): the clearance is then provisional.",
                    "急性肾损伤(如管型肾病)时选“否”:此时清除率仅为暂定值。"), unknown=True),
        yes_no("hypocalcaemia_symptoms", "Symptoms of hypocalcaemia (tetany, paraesthesia, seizures, arrhythmia)",
               "低钙血症症状(手足搐搦、感觉异常、抽搐、心律失常)",
               text("With a calcium below the reference range, symptoms make the hypocalcaemia severe: an emergency.",
                    "血钙低于参考范围时,出现症状即为重度低钙血症:属急症。"), unknown=True),
        yes_no("oliguria", "Anuria or oliguria", "无尿或少尿",
               text("Decides the fluids in hypercalcaemia: no saline load for a patient who cannot pass it.",
                    "决定高钙血症的补液方式:无法排尿的患者不予生理盐水负荷。"), unknown=True),
        yes_no("heart_failure", "Heart failure", "心力衰竭",
               text("Decides the fluids in hypercalcaemia: saline only cautiously, by volume status.",
                    "决定高钙血症的补液方式:仅按容量状态谨慎给予生理盐水。"), unknown=True),
        Input("albumin", text("Serum albumin", "血清白蛋白"), analyte="albumin", required=False,
              help=text("Very low albumin: the corrected calcium is confirmed with an ionised calcium.",
                        "白蛋白很低时,以离子钙确认校正血钙。")),
        yes_no("pregnancy_possible",
               "Pregnant or could become pregnant (woman of childbearing potential without effective contraception)",
               "已妊娠或可能妊娠(未有效避孕的育龄女性)",
               text("No for a man, a woman who cannot become pregnant, or one using effective contraception with "
                    "pregnancy excluded; if not known, the plan asks for the pregnancy check.",
                    "男性、无生育可能的女性,或已排除妊娠且有效避孕者选“否”;如未知,方案会要求核实妊娠状态。"), unknown=True),
        _choice("onj", "Osteonecrosis of the jaw", "颌骨坏死", ONJ_CHOICES,
                text("none, previous (healed) or active; active holds every bone-targeted agent.",
                     "无、既往(已愈合)或活动性;活动性时暂停所有骨靶向药物。")),
        _choice("current_agent", "Bone-targeted agent the patient is already on", "患者正在使用的骨靶向药物",
                CURRENT_AGENT_CHOICES,
                text("none for a first start; otherwise duration, review and de-escalation apply (BP-8).",
                     "首次启动选“无”;否则适用疗程、评估和降阶梯(BP-8)。")),
        Input("months_on_agent", text("Months on that agent", "该药物已用月数"), kind="integer", required=False,
              low=0, high=240, help=text("Review at 12 months; reconsider at 2 years.", "满 12 个月时评估;满 2 年时重新考虑。")),
        _choice("response", "Depth of response of the myeloma", "骨髓瘤缓解深度", RESPONSE_CHOICES,
                text("VGPR or better allows de-escalation after 12 months (IMWG 2021).",
                     "达到 VGPR 或更好时,12 个月后可考虑降阶梯(IMWG 2021)。")),
    ),
    output=Output(text("Bone protection plan", "骨保护方案"), categories=(
        Category(START_NOW, text("Start now", "立即启动")),
        Category(NOT_INDICATED, text("Not covered by this plan (active myeloma only)", "本方案不涵盖(仅限活动性骨髓瘤)")),
        Category(FIND_OUT, text("Find out first whether the myeloma is active", "先明确骨髓瘤是否为活动性")),
        Category(URGENT_FIRST, text("Urgent treatment first; maintenance later", "先紧急处理;维持治疗稍后")),
        Category(HOLD, text("On hold: act first, then start", "暂缓:先处理,再启动")),
        Category(CONTINUE, text("Already on treatment: continue and review", "已在治疗:继续并评估")),
    )),
    references=REFERENCES,
    recommendations=RECOMMENDATIONS,
    flowchart=TREE,
    decisions=(
        text("The answer is built in four phases: now (emergencies), before the first maintenance dose, maintenance, "
             "and monitoring and duration. One resolution step decides when the maintenance agent starts: after an "
             "acute zoledronic acid dose for hypercalcaemia, from the next dose at the usual interval; after any other "
             "urgent treatment, once calcium is controlled or corrected; on hold while hypocalcaemia, active or "
             "unconfirmed-healed osteonecrosis of the jaw or a possible pregnancy holds it. A held or deferred agent "
             "is never shown as 'Start now', hypercalcaemia removes every calcium and vitamin D sentence, and the "
             "dental examination belongs to the maintenance agent only.",
             "方案分四个阶段:立即(急症)、维持治疗首剂前、维持治疗、监测与疗程。由单一的统筹步骤决定维持治疗何时开始:"
             "高钙血症急性期给予唑来膦酸后,于常规间隔给予下一剂起;其他紧急处理后,待血钙得到控制或纠正;"
             "低钙血症、活动性或未确认愈合的颌骨坏死、可能妊娠时暂缓。暂缓或推迟的药物绝不显示为“立即启动”,"
             "高钙血症时删除所有补钙和维生素 D 的语句,口腔检查仅属于维持治疗。"),
        text("No input is required. A corrected calcium alone decides the emergencies; with a serum creatinine it "
             "gives the zoledronic acid dose for hypercalcaemia of malignancy. Without a clearance (or age, weight, "
             "creatinine and sex) the maintenance agent is not named and its first dose waits; the answer lists what "
             "else would change it.",
             "所有输入均非必填。仅凭校正血钙即可判断急症;加上血清肌酐即可给出恶性肿瘤相关高钙血症的唑来膦酸用法。"
             "未提供清除率(或年龄、体重、肌酐和性别)时不指定维持治疗药物,首剂等待;答案列出其余会改变结果的信息。"),
        text("Severe hypocalcaemia, a corrected calcium below 1.9 mmol/L or a low calcium with symptoms (Society for "
             "Endocrinology), is an emergency treated first with intravenous calcium gluconate under ECG monitoring; "
             "CTCAE grades 3-4 lie beyond it. A calcium in mg/dL is converted exactly and compared in mmol/L, the unit "
             "of the guidance.",
             "重度低钙血症(校正血钙低于 1.9 mmol/L,或血钙偏低且有症状;英国内分泌学会)属急症,首先在心电监护下"
             "静脉补充葡萄糖酸钙;CTCAE 3-4 级均在此范围内。以 mg/dL 表示的血钙精确换算后按该指南的单位 mmol/L 比较。"),
        text("Fluids in hypercalcaemia follow what the patient can excrete: saline first only for a patient who "
             "passes urine; no saline load on dialysis or with anuria or oliguria (haemodialysis with a low-calcium "
             "dialysate, with nephrology: the project's safe default, its nephrology source not yet verified); saline "
             "only cautiously in heart failure. Where the Xgeva label (denosumab for hypercalcaemia refractory to "
             "bisphosphonate) and the Endocrine Society 2023 guideline (denosumab suggested rather than a "
             "bisphosphonate; calcitonin as well above 14 mg/dL, 3.5 mmol/L) differ, both are shown, each attributed.",
             "高钙血症的补液取决于患者的排泄能力:仅对有尿者先予生理盐水;透析、无尿或少尿时不予生理盐水负荷"
             "(与肾内科安排低钙透析液血液透析:项目的安全默认做法,其肾内科文献尚未核实);心力衰竭时仅谨慎给予生理盐水。"
             "Xgeva 说明书(地舒单抗用于双膦酸盐治疗无效的高钙血症)与美国内分泌学会 2023 年指南(建议优先地舒单抗;"
             "高于 14 mg/dL、3.5 mmol/L 时加用降钙素)不同之处,两者均列出并注明出处。"),
        text("Very low albumin (below 25 g/L, a project decision: no source gives an edge) with a high or low "
             "calcium asks for an ionised calcium before an emergency decision. A possible pregnancy holds every "
             "agent; not known in a woman (or with sex not given) asks for the check before the first dose. Active "
             "osteonecrosis of the jaw holds every agent; a previous one waits for the dental team to confirm "
             "healing. A patient already on an agent is continued and reviewed (BP-8), never started again.",
             "白蛋白很低(低于 25 g/L,项目决定:文献未给出界值)且血钙偏高或偏低时,作出紧急决定前要求检测离子钙。"
             "可能妊娠时暂缓所有药物;女性(或未提供性别)妊娠状态未知时,首剂前须核实。活动性颌骨坏死时暂缓所有药物;"
             "既往颌骨坏死待口腔科确认愈合。已在用药的患者继续治疗并按 BP-8 评估,不再重新启动。"),
        text("Severe renal impairment is CrCl < 30 mL/min or dialysis; pamidronate's \"severe renal impairment\" "
             "is read as the same 30 mL/min.",
             "重度肾功能损害定义为肌酐清除率 < 30 mL/min 或透析;帕米膦酸说明书中的\u201c重度肾功能损害\u201d按同一 30 mL/min 理解。"),
        text("Exactly one agent is favoured. Denosumab when CrCl < 30 mL/min or dialysis (the agent the sources point "
             "to, without randomised data there; see below), "
             "or when the patient is at high risk of skeletal-related events or wants a subcutaneous injection "
             "(the interview's view: the randomised trial showed non-inferiority, not superiority). Otherwise "
             "zoledronic acid, IMWG 2021's default, at the label's renal dose; between 30 and 60 mL/min denosumab is "
             "shown as the alternative IMWG suggests in renal impairment.",
             "仅优先推荐一种药物:肌酐清除率 < 30 mL/min 或透析时选地舒单抗(文献指向的药物,但该人群无随机对照数据;见下文);骨相关事件高风险或希望皮下注射者亦优先地舒单抗"
             "(专家访谈观点:随机对照试验显示非劣效,而非优效)。其余情况按 IMWG 2021 默认首选唑来膦酸,按说明书肾功能剂量给药;"
             "清除率 30–60 mL/min 时列出地舒单抗作为 IMWG 建议的肾功能损害备选。"),
        text(f"Hypercalcaemia of malignancy is a corrected calcium ≥ {_HCM_AT_LEAST_TEXT['mmol/L']} mmol/L ({_HCM_AT_LEAST_TEXT['mg/dL']} mg/dL), the "
             "zoledronic acid label's definition. It is the tree's first decision and is treated now whatever the "
             "other answers: saline first, then zoledronic acid 4 mg without renal dose reduction while serum "
             f"creatinine is below {_HCM_NO_RENAL_REDUCTION_TEXT['mg/dL']} mg/dL ({_HCM_NO_RENAL_REDUCTION_TEXT['µmol/L']} µmol/L); with creatinine at or above it, "
             f"CrCl < {_SEVERE_RENAL_BELOW_TEXT} mL/min or dialysis, only after weighing risks and benefits; with no creatinine given, the "
             "plan asks for it. The sources name no symptom threshold, so symptoms do not move a lower calcium into "
             "this branch; the text says to treat urgently if it causes symptoms or keeps rising.",
             f"恶性肿瘤相关高钙血症定义为校正血钙 ≥ {_HCM_AT_LEAST_TEXT['mmol/L']} mmol/L({_HCM_AT_LEAST_TEXT['mg/dL']} mg/dL)(唑来膦酸说明书定义)。"
             "它是决策树的第一个判断,无论其他答案如何均立即处理:先补充生理盐水,血清肌酐低于 "
             f"{_HCM_NO_RENAL_REDUCTION_TEXT['mg/dL']} mg/dL({_HCM_NO_RENAL_REDUCTION_TEXT['µmol/L']} µmol/L)时唑来膦酸 4 mg 不按肾功能减量;肌酐达到或超过该值、"
             f"肌酐清除率 < {_SEVERE_RENAL_BELOW_TEXT} mL/min 或透析时,须权衡利弊后使用;未提供肌酐时,方案要求先检测。文献未给出症状界值,"
             "故症状不会使较低的血钙进入此分支;文字提示如出现症状或持续升高须紧急处理。"),
        text(f"Milder hypercalcaemia (corrected calcium above the CRAB threshold, {_HYPERCALCAEMIA_ABOVE_TEXT['mmol/L']} mmol/L or "
             f"{_HYPERCALCAEMIA_ABOVE_TEXT['mg/dL']} mg/dL in the unit measured, or above the laboratory's upper limit when given, but below "
             f"{_HCM_AT_LEAST_TEXT['mmol/L']} mmol/L) stops calcium and vitamin D supplements while it lasts (a project decision; "
             "the sources give supplements without addressing hypercalcaemia); the label allows conservative "
             "treatment with saline, and the usual plan follows.",
             f"较轻的高钙血症(校正血钙高于 CRAB 阈值 {_HYPERCALCAEMIA_ABOVE_TEXT['mmol/L']} mmol/L 或 {_HYPERCALCAEMIA_ABOVE_TEXT['mg/dL']} mg/dL(按实测单位),"
             f"或高于所提供的实验室正常上限,但低于 {_HCM_AT_LEAST_TEXT['mmol/L']} mmol/L)期间暂停钙剂和维生素 D 补充(项目决定;"
             "来源文献给出补充建议,但未涉及高钙血症);说明书允许以生理盐水保守治疗,其余按常规方案进行。"),
        text(f"Hypocalcaemia is a corrected calcium below the laboratory's lower limit, or in any case below "
             f"{_HYPOCALCAEMIA_BELOW_TEXT['mmol/L']} mmol/L ({_HYPOCALCAEMIA_BELOW_TEXT['mg/dL']} mg/dL), the CTCAE grade 2 floor. Then the first dose of every "
             "agent waits for it to be corrected: the denosumab label requires it, and every bone-resorption inhibitor "
             "lowers calcium (ASCO 2018). Without a calcium the plan asks for one before the first dose; with a "
             "calcium above the floor but no lower limit it asks for the check before the first denosumab dose.",
             f"低钙血症定义为校正血钙低于实验室正常下限,或无论如何低于 {_HYPOCALCAEMIA_BELOW_TEXT['mmol/L']} mmol/L({_HYPOCALCAEMIA_BELOW_TEXT['mg/dL']} mg/dL,"
             "CTCAE 2 级界值)。此时所有药物的首剂均须待其纠正:地舒单抗说明书有此要求,且所有骨吸收抑制剂均可降低血钙"
             "(ASCO 2018)。未提供血钙时,方案要求首剂前检测;血钙高于该界值但未提供正常下限时,要求地舒单抗首剂前对照检查。"),
        text("Yes/no answers that change the plan accept 'unknown', and an unanswered question is 'unknown', never "
             "'no': active myeloma not known stops the plan at 'find out first'; dialysis not known (with CrCl ≥ 30) "
             "and creatinine stability not known hold back the first dose until found out; not knowing the risk of "
             "skeletal-related events or the preferred route shows zoledronic acid and asks; an unknown dental "
             "examination or vitamin D status is asked for like a 'no'.",
             "会改变方案的是/否问题均接受“未知”,未作答即为“未知”,绝不视为“否”:是否为活动性骨髓瘤未知时方案停在“先明确”;"
             "是否透析未知(肌酐清除率 ≥ 30)及肌酐是否稳定未知时,首剂须等待明确;骨相关事件风险或给药途径偏好未知时显示唑来膦酸并提示询问;"
             "口腔检查或维生素 D 水平未知时按“否”一样要求完成。"),
        text("A Cockcroft–Gault clearance assumes a stable creatinine. When the creatinine is not stable (acute kidney "
             "injury, for example cast nephropathy) or its stability is not known, the clearance is provisional: the "
             "first zoledronic acid or pamidronate dose waits for a clearance re-estimated at a stable creatinine; "
             "denosumab, not renally cleared, does not wait.",
             "Cockcroft–Gault 清除率以肌酐稳定为前提。肌酐不稳定(急性肾损伤,如管型肾病)或稳定性未知时,清除率仅为暂定值:"
             "唑来膦酸或帕米膦酸首剂须等待肌酐稳定后重新估算的清除率;地舒单抗不经肾脏清除,无需等待。"),
        text(f"With CrCl < {_SEVERE_RENAL_BELOW_TEXT} mL/min or dialysis, denosumab stays the agent (no randomised data there), and the plan "
             "asks for a CKD mineral and bone disorder assessment with nephrology before the first dose and calcium "
             "weekly for the first month, then monthly: the FDA's 2024 advice for denosumab 60 mg in advanced CKD, "
             "applied to the 120 mg myeloma dose as a precaution (a project decision). Pamidronate over 4–6 h (ASCO "
             "2018) is shown as an off-label option with its caveat, not as a suitable agent.",
             f"肌酐清除率 < {_SEVERE_RENAL_BELOW_TEXT} mL/min 或透析时仍选地舒单抗(该人群无随机对照数据),方案要求首剂前与肾内科共同评估慢性肾脏病矿物质和骨异常,"
             "第一个月每周查血钙,此后每月一次:此为 FDA 2024 年针对晚期慢性肾脏病使用地舒单抗 60 mg 的建议,"
             "作为预防措施用于骨髓瘤的 120 mg 剂量(项目决定)。帕米膦酸输注 4–6 小时(ASCO 2018)作为超说明书选项列出并附注意事项,"
             "不列为适用药物。"),
        text(f"Knowing the vitamin D status is this plan's addition: the labels give "
             "vitamin D routinely (zoledronic acid) or as needed (denosumab) but do not ask for a level, and the "
             "interview asks for routine supplements. It is cited only to the denosumab label's 'as needed'. An "
             f"unknown status holds back the first dose only with CrCl < {_SEVERE_RENAL_BELOW_TEXT} mL/min or dialysis, where "
             "hypocalcaemia risk on denosumab is highest.",
             "了解维生素 D 水平为本方案的补充:说明书规定常规(唑来膦酸)或按需(地舒单抗)补充维生素 D,"
             "但未要求检测水平;专家访谈要求常规补充。本项仅引用地舒单抗说明书的“按需”。仅在肌酐清除率 < "
             f"{_SEVERE_RENAL_BELOW_TEXT} mL/min 或透析(地舒单抗低钙血症风险最高)时,维生素 D 水平未知才需在首剂前完成检测。"),
    ),
)
