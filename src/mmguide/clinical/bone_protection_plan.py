"""Bone protection plan for multiple myeloma: whether and when to start, which agent at what
dose, what to do before the first dose, supportive care, monitoring, duration and stopping.

The logic is DATA, in three modules with one job each: bone_protection_plan_tree holds what is decided
(the named thresholds, the typed facts, the decision :data:`TREE`: urgent hypercalcaemia of malignancy
first, then the start decision, calcium, the stability of the creatinine, agent choice, zoledronic acid dose
band; the phases and the resolution step that says when the maintenance agent starts);
bone_protection_plan_text says it in both languages (each action's text, the headline); this module holds
the agents table, the :data:`ACTIONS` table (which action applies, in which phase, from which source), the
function that walks the tree and reads the tables, and the record, which declares the same tree as its
``flowchart`` (the book draws it, so the flowchart cannot disagree with this code). Every name of the other
two modules is importable from here too.

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

from ..decision import AllOf, AnyOf, Cond
from ..records import Calculator, Category, Input, Output, Result, View, text, yes_no
from .. import units as U
from . import corrected_calcium as cc
from . import crcl_cockcroft_gault as cg
from . import zoledronic_acid_dose as zad
from .bone_protection_plan_tree import (  # noqa: F401 - every name stays importable from here
    AGENT_ORDER, ALL_AGENTS, _band_branches, CA_GLUCONATE_DILUENT_ML, CA_GLUCONATE_MINUTES, CA_GLUCONATE_ML,
    CALCIUM_EDGES, calcium_edges, CALCIUM_PLACES, _calcium_status, CALCIUM_STATUSES, _CALCIUM_STEP,
    CALCIUM_SUPPLEMENT_MG, _CALCIUM_WINDOWS, CLEARANCE_EDGES, CLEARANCE_NOT_KNOWN, CLEARANCE_PLACES, CONTINUE,
    CONTINUING, CURRENT_AGENT_CHOICES, DENOSUMAB_CONTRACEPTION_MONTHS, DENOSUMAB_EVERY_WEEKS,
    DENOSUMAB_FOLLOW_ON_MONTHS, DENOSUMAB_LOADING_DAYS, DENOSUMAB_MG, DIALYSIS_NOT_KNOWN, DMAB, _EXAMPLE,
    _EXAMPLE_LLN, _EXAMPLE_ULN, facts_of, FIND_OUT, HAS_BISPHOSPHONATE, HAS_DMAB, HCM, HCM_AT_LEAST,
    _HCM_AT_LEAST_TEXT, HCM_NO_RENAL_REDUCTION_BELOW, _HCM_NO_RENAL_REDUCTION_TEXT, _hcm_renal,
    HCM_RETREAT_AFTER_DAYS, HCM_ZA_MG, _HCM_ZA_MG_TEXT, HIGH, HOLD, HYPERCALCAEMIA_ABOVE,
    _HYPERCALCAEMIA_ABOVE_TEXT, HYPOCALCAEMIA_BELOW, _HYPOCALCAEMIA_BELOW_TEXT, ID, LOW, LOW_ALBUMIN_BELOW,
    _LOW_ALBUMIN_BELOW_TEXT, MONTHS_EDGES, NEW_START, NO, NO_DENOSUMAB_WISH, NO_LIMIT, _NODES, NOT_INDICATED,
    NOT_KNOWN, NOT_LOW, NOT_MEASURED, NOT_SEVERE_RENAL, NOW_ORDER, _one_adult, ONJ_CHOICES, PAM,
    PAMIDRONATE_INFUSION_HOURS, PAMIDRONATE_MG, PAMIDRONATE_SEVERE_RENAL_HOURS,
    _PAMIDRONATE_SEVERE_RENAL_HOURS_TEXT, PHASES, PREFERENCE_NOT_KNOWN, _realise_bool, _realise_calcium,
    _realise_crcl, _realise_hcm_renal, _realise_severe_hypo, RECOMMENDATIONS, RECONSIDER_AT_MONTHS, REFERENCES,
    RESPONSE_CHOICES, REVIEW_AT_MONTHS, SEVERE_HYPERCALCAEMIA_ABOVE, _SEVERE_HYPERCALCAEMIA_ABOVE_TEXT,
    SEVERE_HYPOCALCAEMIA_BELOW_MMOL, _SEVERE_HYPOCALCAEMIA_BELOW_TEXT, SEVERE_RENAL, SEVERE_RENAL_BELOW,
    _SEVERE_RENAL_BELOW_TEXT, START_NOW, STARTING, _status_in, _timing, TREE, URGENT_FIRST,
    VITAMIN_D_SUPPLEMENT_IU, WANTS_DENOSUMAB, YES, ZA, _ZA_INFUSION_MINUTES, ZA_MIN_MONTHS, _za_outcomes,
    ZA_REDUCED_EVERY_MONTHS, ZA_TRIALS_CREATININE_ABOVE, _ZA_TRIALS_CREATININE_ABOVE_TEXT,
)
from .bone_protection_plan_text import (  # noqa: F401 - every name stays importable from here
    ACTION_TEXT, _agent_name, AGENT_NAMES, _agent_phrase, AGENT_REASON_TEXT, _ask_phrase, DENOSUMAB_DOSE_TEXT,
    _hcm_headline, headline, _HOLD_AFTER, _LABEL_VS_GUIDELINE, _now_headline, PAMIDRONATE_DOSE_TEXT, PHASE_TITLES,
    reduced_dose_reason, _RENAL_RULE, _renal_rule, _renal_rule_text, _severe_hypo_headline, _shown_calcium,
    _start_headline, _t_ask_active, _t_ask_clearance, _t_ask_current, _t_ask_dialysis, _t_ask_preference,
    _t_check_ca, _t_check_ca_bp, _t_continue, _t_correct_ca, _t_dental, _t_dmab_stop_warning, _t_duration_review,
    _t_hcm, _t_hypercalcaemia, _t_ionised, _t_measure_ca, _t_monitor_ca, _t_monitor_cr, _t_not_indicated, _t_onj,
    _t_pregnancy, _t_provisional, _t_renal_check, _t_severe_hypo, _t_severe_renal, _t_start, _t_symptoms_measure,
    _t_vit_d, _t_volume, _TIMING, _VIT_D_NOTE, ZA_CONTINUING_DOSE_TEXT, _za_dose_text,
)

# ---------------------------------------------------------------------------------------
# Agents table
# ---------------------------------------------------------------------------------------


def _agent(agent_id: str, f: dict, sets: dict) -> dict:
    """One row of the "agents" list: dose, reasons (each with its source), favoured. It decides which reasons
    apply; what they say is bone_protection_plan_text's."""
    suitable = agent_id in sets.get("agents", ())
    favoured = sets.get("favoured") == agent_id
    reasons, refs = [], []

    def why(reason, *keys):  # a reason's id (its text: AGENT_REASON_TEXT), or a text written for this patient
        reasons.append(dict(AGENT_REASON_TEXT[reason]) if isinstance(reason, str) else reason)
        refs.extend(k for k in keys if k not in refs)

    severe = SEVERE_RENAL.holds(f)
    crcl = f["crcl"]
    dose = None
    if agent_id == ZA:
        d = zad.dose_for(crcl) if f["dialysis"] is not True and crcl is not None else None
        if f["continuing"] and f["current_agent"] == ZA and (severe or f["creatinine_above_trials"]):
            why("za-held-outside-trials", "zometa_label", "zometa_smpc")
        elif f["continuing"] and f["current_agent"] == ZA:
            dose = dict(ZA_CONTINUING_DOSE_TEXT)
            why("za-already-on-it", "zometa_label")
        elif crcl is None and not severe:
            why("za-clearance-not-given", "zometa_label")
        elif suitable and d is not None:
            dose = _za_dose_text(d)
            why("za-imwg-preferred", "terpos2021bone")
            if d != zad.FULL_DOSE:
                shown_crcl = U.write(crcl, CLEARANCE_PLACES, CLEARANCE_EDGES)
                why(reduced_dose_reason(shown_crcl), "zometa_label")
            why("za-first-clearance-sets-dose", "zometa_label")
            why("za-renally-excreted", "zometa_label", "song_interview")
        else:
            why("za-not-recommended" if severe else "not-recommended-here", "zometa_smpc", "zometa_label")
    elif agent_id == DMAB:
        if suitable:
            dose = dict(DENOSUMAB_DOSE_TEXT)
        if f["high_sre_risk"] is True or f["prefers_subcutaneous"] is True:
            why("denosumab-interview-view", "song_interview")
        why("denosumab-not-renally-cleared", "xgeva2025label", "terpos2021bone")
        why("denosumab-non-inferior", "raje2018denosumab")
        if severe:
            why("denosumab-no-data-severe-renal", "raje2018denosumab")
        why("denosumab-hypocalcaemia-precaution", "xgeva2025label")
    else:  # pamidronate
        if suitable:
            dose = dict(PAMIDRONATE_DOSE_TEXT)
            why("pamidronate-alternative", "pamidronate_label", "terpos2021bone")
        elif crcl is None and not severe:
            why("pamidronate-clearance-not-given", "pamidronate_label")
        elif severe:
            why("pamidronate-label-severe-renal", "pamidronate_label")
            why("pamidronate-asco-severe-renal", "anderson2018asco")
        else:
            why("not-recommended-here", "pamidronate_label")
    return {
        "agent": agent_id, "name": AGENT_NAMES[agent_id], "suitable": suitable, "favoured": favoured,
        "dose": dose, "reasons": reasons, "references": refs, "recommendation": "BP-3",
    }


# ---------------------------------------------------------------------------------------
# Actions table: (id, phase, recommendation, references, applies(f, sets), text(f, sets)); the texts are
# bone_protection_plan_text's
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Action:
    id: str
    phase: str
    recommendation: str
    references: tuple[str, ...]
    applies: object  # Cond / AllOf / AnyOf over facts + what the path set, or None (always)
    extra: dict = field(default_factory=dict)

    def render(self, f: dict, sets: dict) -> dict:
        t = ACTION_TEXT[self.id]  # what it says: bone_protection_plan_text, keyed by the action's id
        t = t(f, sets) if callable(t) else t
        return {"id": self.id, "phase": self.phase, "recommendation": self.recommendation,
                "text": t, "references": list(self.references)}


ACTIONS: tuple[Action, ...] = (
    # --- now: emergencies, in the order of danger (NOW_ORDER) ---------------------------------------
    Action("severe-hypocalcaemia", "now", "BP-6", ("turner2016hypocalcaemia", "nci2017ctcae", "xgeva2025label"),
           Cond("severe_hypocalcaemia", "is", True)),
    Action("symptoms-measure-calcium", "now", "BP-6", ("turner2016hypocalcaemia",),
           AnyOf((Cond("symptoms_no_calcium", "is", True), Cond("symptoms_unclear", "is", True)))),
    Action("hcm-urgent", "now", "BP-6",
           ("zometa_label", "elhajjfuleihan2023hypercalcemia", "xgeva2025label", "terpos2021bone"),
           Cond("calcium_status", "is", HCM)),
    Action("confirm-ionised-calcium", "now", "BP-6", ("payne1973calcium", "elhajjfuleihan2023hypercalcemia"),
           Cond("low_albumin_check", "is", True)),
    # --- before the first maintenance dose ---------------------------------------------------------
    Action("onj", "before-first-dose", "BP-5", ("xgeva2025label", "zometa_label", "terpos2021bone"),
           AllOf((STARTING, AnyOf((Cond("onj", "is", "active"), Cond("onj", "is", "previous")))))),
    Action("pregnancy", "before-first-dose", "BP-3", ("xgeva2025label", "zometa_label"),
           AllOf((STARTING, Cond("pregnancy_check", "is", True)))),
    Action("dental", "before-first-dose", "BP-5", ("song_interview", "zometa_smpc"), NEW_START),
    Action("correct-hypocalcaemia", "before-first-dose", "BP-6", ("xgeva2025label", "nci2017ctcae", "anderson2018asco"),
           AllOf((STARTING, Cond("calcium_status", "is", LOW)))),
    Action("measure-calcium", "before-first-dose", "BP-6", ("xgeva2025label", "zometa_label"),
           AllOf((STARTING, Cond("calcium_status", "is", NOT_MEASURED)))),
    Action("check-calcium-denosumab", "before-first-dose", "BP-6", ("xgeva2025label",),
           AllOf((HAS_DMAB, Cond("calcium_status", "is", NO_LIMIT)))),
    Action("check-calcium-lln", "before-first-dose", "BP-6", ("xgeva2025label", "anderson2018asco"),
           AllOf((STARTING, HAS_BISPHOSPHONATE, Cond("calcium_status", "is", NO_LIMIT)))),
    Action("renal-check-before-dose", "before-first-dose", "BP-4", ("zometa_label",),
           AllOf((CONTINUING, HAS_BISPHOSPHONATE))),
    Action("ask-clearance", "before-first-dose", "BP-4", ("zometa_label", "zometa_smpc"),
           AllOf((STARTING, CLEARANCE_NOT_KNOWN))),
    Action("ask-dialysis", "before-first-dose", "BP-4", ("zometa_smpc", "xgeva2025label"),
           AllOf((STARTING, DIALYSIS_NOT_KNOWN))),
    Action("provisional-clearance", "before-first-dose", "BP-4", ("cockcroft1976", "zometa_label"),
           AllOf((NEW_START, AnyOf((Cond("creatinine_stable", "is", False), Cond("creatinine_stable", "is", None)))))),
    Action("severe-renal-denosumab", "before-first-dose", "BP-4",
           ("raje2018denosumab", "fda2024prolia", "xgeva2025label"), AllOf((NEW_START, SEVERE_RENAL))),
    # A project addition (see decisions): cited only for the "vitamin D as needed" it rests on.
    Action("vitamin-d-status", "before-first-dose", "BP-6", ("xgeva2025label",), NEW_START),
    # --- maintenance -------------------------------------------------------------------------------
    Action("not-indicated", "maintenance", "BP-1", ("terpos2021bone", "song_interview"),
           Cond("category", "is", NOT_INDICATED)),
    Action("ask-active", "maintenance", "BP-1", ("terpos2021bone", "song_interview"),
           Cond("category", "is", FIND_OUT)),
    Action("start-now", "maintenance", "BP-1",
           ("song_interview", "csco2025mbdguideline", "terpos2021bone", "terpos2013imwg"), NEW_START),
    Action("continue-therapy", "maintenance", "BP-8", ("terpos2021bone", "zometa_label", "xgeva2025label"),
           CONTINUING),
    Action("ask-current-therapy", "maintenance", "BP-8", ("terpos2021bone", "anderson2018asco"),
           AllOf((STARTING, Cond("current_agent", "is", None)))),
    Action("agent-choice", "maintenance", "BP-3", ("song_interview", "terpos2021bone"), NEW_START),
    Action("ask-preference", "maintenance", "BP-3", ("song_interview",),
           AllOf((NEW_START, Cond("favoured", "is", ZA), PREFERENCE_NOT_KNOWN))),
    Action("hypercalcaemia", "maintenance", "BP-6", ("rajkumar2014imwg", "zometa_label"),
           AllOf((STARTING, _status_in(HIGH, HCM)))),
    Action("calcium-vitamin-d", "maintenance", "BP-6", ("zometa_label", "song_interview"),
           AllOf((STARTING, _status_in(NOT_LOW, NO_LIMIT, LOW, NOT_MEASURED)))),
    Action("lifestyle", "maintenance", "BP-7", ("song_interview",), STARTING),
    # --- monitoring and duration ---------------------------------------------------------------------
    Action("baseline-imaging", "monitoring", "BP-2", ("song_interview", "hillengass2019imaging"), NEW_START),
    Action("monitor-creatinine", "monitoring", "BP-4",
           ("zometa_label", "zometa_smpc", "pamidronate_label"), AllOf((STARTING, HAS_BISPHOSPHONATE))),
    Action("monitor-calcium-denosumab", "monitoring", "BP-6", ("xgeva2025label", "fda2024prolia"), HAS_DMAB),
    Action("duration-review", "monitoring", "BP-8", ("terpos2021bone", "anderson2018asco", "tsourdi2021ects"),
           CONTINUING),
    Action("za-duration", "monitoring", "BP-8", ("terpos2021bone", "anderson2018asco"),
           AllOf((NEW_START, HAS_BISPHOSPHONATE))),
    Action("denosumab-stopping", "monitoring", "BP-8", ("xgeva2025label", "terpos2021bone"),
           AllOf((HAS_DMAB, Cond("continuing", "is", False)))),
    Action("denosumab-stop-warning", "monitoring", "BP-8", ("xgeva2025label", "tsourdi2021ects"),
           AllOf((Cond("current_agent", "is", DMAB), AnyOf((Cond("category", "is", NOT_INDICATED),
                                                            Cond("category", "is", FIND_OUT)))))),
    Action("restart-at-relapse", "monitoring", "BP-8", ("terpos2013imwg",), STARTING),
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

def _arrange_view(result, lang, calc, kit):
    """The plan's answer arranged for a reader: bone_protection_plan_view.arrange, imported when an answer is
    first shown (a caller that only computes never loads it), given the plan's codes it reads."""
    from .bone_protection_plan_view import arrange

    return arrange(result, lang, calc, kit, URGENT_FIRST, START_NOW, _TIMING)


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
        Category(START_NOW, text("Start now", "立即启动"), "ok"),
        Category(NOT_INDICATED, text("Not covered by this plan (active myeloma only)", "本方案不涵盖(仅限活动性骨髓瘤)")),
        Category(FIND_OUT, text("Find out first whether the myeloma is active", "先明确骨髓瘤是否为活动性")),
        Category(URGENT_FIRST, text("Urgent treatment first; maintenance later", "先紧急处理;维持治疗稍后"), "stop"),
        Category(HOLD, text("On hold: act first, then start", "暂缓:先处理,再启动"), "stop"),
        Category(CONTINUE, text("Already on treatment: continue and review", "已在治疗:继续并评估"), "ok"),
    )),
    references=REFERENCES,
    recommendations=RECOMMENDATIONS,
    flowchart=TREE,
    view=View(arrange=_arrange_view, urgent_despite=True),
    # the clearance or the four inputs it comes from; the creatinine also serves alone (the acute dose, renal holds)
    composes=(cg.C.composes(also_alone=("creatinine",)),),
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
