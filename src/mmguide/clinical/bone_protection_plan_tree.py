"""The bone protection plan's rules: its named thresholds (each with its source), the facts it tests
(typed, from the parsed inputs), the decision tree the book draws as its flowchart, the phases and the single
resolution step that says when the maintenance agent starts. What is decided lives here; how it is said lives
in bone_protection_plan_text; the record and the function are bone_protection_plan (which re-exports every
name below).
"""

from __future__ import annotations

from fractions import Fraction as F

from ..decision import AllOf, AnyOf, Branch, Cond, Fact, Node, Tree
from ..records import text
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


# Every calcium, per unit, that the plan compares a corrected calcium measured in that unit with: the limits
# above and the CTCAE grade edges shown beside it (severe hypocalcaemia converted exactly).
CALCIUM_EDGES = {
    u: (HCM_AT_LEAST[u], HYPERCALCAEMIA_ABOVE[u], SEVERE_HYPERCALCAEMIA_ABOVE[u],
        U.Quantity(SEVERE_HYPOCALCAEMIA_BELOW_MMOL, "mmol/L", "calcium").to(u))
    + tuple(g[u] for g in cc.HYPO_GRADE_BELOW.values()) + tuple(g[u] for g in cc.HYPER_GRADE_ABOVE.values())
    for u in HCM_AT_LEAST
}


# Rounding to CALCIUM_PLACES decimals moves a value by less than one step, so only an edge within a step of it
# can be reached or crossed: each edge's window, computed once.
_CALCIUM_STEP = F(1, 10 ** CALCIUM_PLACES)
_CALCIUM_WINDOWS = {u: tuple((e - _CALCIUM_STEP, e + _CALCIUM_STEP, e) for e in edges)
                    for u, edges in CALCIUM_EDGES.items()}


def calcium_edges(unit: str, lln=None, uln=None, near=None) -> tuple:
    """The calcium edges of *unit* and the laboratory's own limits (already in *unit*) when given; with *near*,
    only those within one step of it (the only ones its writing could reach: the same text, written faster)."""
    labs = tuple(x for x in (lln, uln) if x is not None)
    if near is None:
        return CALCIUM_EDGES[unit] + labs
    return (tuple(e for lo, hi, e in _CALCIUM_WINDOWS[unit] if lo <= near <= hi)
            + tuple(e for e in labs if e - _CALCIUM_STEP <= near <= e + _CALCIUM_STEP))


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
        shown = f"{U.write(cca.value, CALCIUM_PLACES, calcium_edges(u, lln_u, uln_u, near=cca.value))} {u}"
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
_SEVERE_HYPOCALCAEMIA_BELOW_TEXT = U.write(SEVERE_HYPOCALCAEMIA_BELOW_MMOL, 1)
_SEVERE_HYPERCALCAEMIA_ABOVE_TEXT = {"mmol/L": U.write(SEVERE_HYPERCALCAEMIA_ABOVE["mmol/L"], 1),
                                     "mg/dL": U.write(SEVERE_HYPERCALCAEMIA_ABOVE["mg/dL"])}
_LOW_ALBUMIN_BELOW_TEXT = {"g/L": U.write(LOW_ALBUMIN_BELOW["g/L"]), "g/dL": U.write(LOW_ALBUMIN_BELOW["g/dL"], 1)}
_ZA_TRIALS_CREATININE_ABOVE_TEXT = {"mg/dL": U.write(ZA_TRIALS_CREATININE_ABOVE["mg/dL"], 1),
                                    "µmol/L": U.write(ZA_TRIALS_CREATININE_ABOVE["µmol/L"])}
_HCM_ZA_MG_TEXT = U.write(HCM_ZA_MG)
_PAMIDRONATE_SEVERE_RENAL_HOURS_TEXT = f"{PAMIDRONATE_SEVERE_RENAL_HOURS[0]}–{PAMIDRONATE_SEVERE_RENAL_HOURS[1]}"
YES, NO = text("yes", "是"), text("no", "否")
NOT_KNOWN = text("not known", "未知")


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
         text(f"NOW · Severe hypocalcaemia: corrected calcium < {_SEVERE_HYPOCALCAEMIA_BELOW_TEXT} mmol/L, or "
              "low with symptoms?",
              f"立即 · 重度低钙血症:校正血钙 < {_SEVERE_HYPOCALCAEMIA_BELOW_TEXT} mmol/L,或偏低且有症状?"),
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
              f"{_HCM_ZA_MG_TEXT} mg over ≥{_ZA_INFUSION_MINUTES} min, no renal dose reduction; dental examination does not "
              "delay it",
              f"立即:按排泄能力补液(有尿者先予生理盐水;补液前不用袢利尿剂);随后唑来膦酸 {_HCM_ZA_MG_TEXT} mg 输注 ≥{_ZA_INFUSION_MINUTES} 分钟,"
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
              f"before zoledronic acid {_HCM_ZA_MG_TEXT} mg",
              f"立即:按排泄能力补液(有尿者先予生理盐水);唑来膦酸 {_HCM_ZA_MG_TEXT} mg 给药前检测血清肌酐"),
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
# Phases, the conditions the actions test, and the resolution step (when the maintenance agent starts)
# ---------------------------------------------------------------------------------------

# The plan's four phases, in the order a reader acts on them. Every action belongs to one; a single
# resolution step (_timing below) decides what each phase shows, so that one state's
# action cannot contradict another's: an emergency defers the maintenance start, hypercalcaemia removes
# every supplement sentence, a held agent is never "Start now", the dental examination belongs to the
# maintenance agent only.
PHASES = ("now", "before-first-dose", "maintenance", "monitoring")


# Within "now", the order of danger (the answer box shows them in this order, whole).
NOW_ORDER = ("severe-hypocalcaemia", "symptoms-measure-calcium", "hcm-urgent", "confirm-ionised-calcium")


STARTING = Cond("category", "is", START_NOW)
# Agent-specific steps follow the favoured agent (the one the plan starts with).
HAS_DMAB = Cond("favoured", "is", DMAB)
HAS_BISPHOSPHONATE = AnyOf((Cond("favoured", "is", ZA), Cond("favoured", "is", PAM)))


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


# A maintenance agent is being started (not held back by the tree's start decision) and the patient is not
# already on one.
NEW_START = AllOf((STARTING, Cond("continuing", "is", False)))
CONTINUING = AllOf((STARTING, Cond("continuing", "is", True)))
