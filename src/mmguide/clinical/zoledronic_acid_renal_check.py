"""Zoledronic acid: withhold for renal deterioration, and when to resume (zometa_label, section 2 of the US label; zometa_smpc).

Before each dose the current serum creatinine is compared with the baseline (before the first
dose). Thresholds are applied in the unit the baseline was measured in: the US label writes
them in mg/dL, the EU SmPC in µmol/L, and the two are not exact conversions of each other.
"""

from fractions import Fraction as F

from ..decision import Branch, Cond, Fact, Node, Tree
from ..errors import InputError
from ..records import Band, Calculator, Category, Input, Output, Result, text, yes_no
from .. import unit_table as U
from ..numbers import Scale, write
from . import crcl_cockcroft_gault as cg
from .zoledronic_acid_bands import CLEARANCE, NOT_RECOMMENDED_BELOW

ID = "zoledronic-acid-renal-check"
TITLE = text("Zoledronic acid: renal deterioration check", "唑来膦酸:肾功能恶化评估")
REFERENCES = ("zometa_label", "zometa_smpc", "pamidronate_label")

# Normal baseline creatinine is below this; at or above it is abnormal (US trial description
# quoted in the pamidronate label: "≥1.4 mg/dL"; EU SmPC 124 µmol/L; pamidronate_label, zometa_smpc).
ABNORMAL_BASELINE_FROM = {"mg/dL": F("1.4"), "µmol/L": F(124)}
# Rise that counts as renal deterioration (zometa_label in mg/dL; zometa_smpc in µmol/L).
# Read "an increase of 0.5" as "an increase of at least 0.5" ([DECISION], the record's decisions say so).
RISE_IF_NORMAL = {"mg/dL": F("0.5"), "µmol/L": F(44)}
RISE_IF_ABNORMAL = {"mg/dL": F("1.0"), "µmol/L": F(88)}
# Resume only when creatinine has returned to within 10% of baseline (zometa_label, section 2).
RESUME_WITHIN = F("0.10")

# The rise rule is not the whole answer beyond the label's limits (zometa_label; docs/safety.md): the trials behind
# the label excluded a serum creatinine above 3.0 mg/dL (265 µmol/L), and zoledronic acid is not recommended
# with a creatinine clearance below 30 mL/min (zoledronic_acid_bands). A current creatinine strictly above
# the limit, compared in the baseline's unit as every threshold here (exactly 3.0 mg/dL is within it), or a re-estimated
# clearance below 30 is never answered "continue" or "resume".
TRIALS_EXCLUDED_CREATININE_ABOVE = {"mg/dL": F("3.0"), "µmol/L": F(265)}
BEYOND_RULE = "not-by-rise-rule"

CATEGORIES = (
    Category("continue", text("Continue: no renal deterioration", "继续给药:无肾功能恶化"), "ok"),
    Category("withhold", text("Withhold: renal deterioration", "暂停给药:肾功能恶化"), "stop"),
    Category("resume", text("May resume at the previous dose", "可按原剂量恢复给药"), "ok"),
    Category("keep-withholding", text("Keep withholding", "继续暂停"), "stop"),
    Category(BEYOND_RULE, text(
        f"Not by the rise rule: re-estimate the clearance; not recommended below {write(NOT_RECOMMENDED_BELOW)} mL/min",
        f"不能仅按肌酐升高规则判断:请重新估算清除率;清除率 < {write(NOT_RECOMMENDED_BELOW)} mL/min 时不推荐使用")),
)


# How a creatinine and a creatinine rise are written: 2 decimals, in the baseline's unit, never rounded onto
# or across the limit each is compared with (a result passes its own: the rise limit, the resume limit, the
# trials' limit).
CREATININE = Scale(2)
RISE = Scale(2)

def _show(v: F, unit: str) -> str:
    """One decimal place for mg/dL values (0.5, 1.0); whole numbers as written for µmol/L."""
    return write(v, 1) if unit == "mg/dL" else write(v)


def threshold_rise(baseline) -> F:
    """The rise that counts as deterioration, in the baseline's unit."""
    u = baseline.unit
    return RISE_IF_ABNORMAL[u] if baseline.value >= ABNORMAL_BASELINE_FROM[u] else RISE_IF_NORMAL[u]


def beyond_rule(current_creatinine, crcl=None, unit: str | None = None) -> dict:
    """Why the rise rule cannot decide alone: {"creatinine": current above the trials' limit, in *unit*
    (the baseline's, as every threshold here; default the current creatinine's own), "clearance": a
    re-estimated clearance below 30 mL/min}, each True or False."""
    unit = unit or current_creatinine.unit
    limit = TRIALS_EXCLUDED_CREATININE_ABOVE[unit]
    return {"creatinine": current_creatinine.to(unit) > limit,
            "clearance": crcl is not None and crcl.value < NOT_RECOMMENDED_BELOW}


def _beyond_text(why: dict, current_creatinine, crcl, estimated: bool = False) -> dict:
    u = current_creatinine.unit
    lim = TRIALS_EXCLUDED_CREATININE_ABOVE[u]
    other = "µmol/L" if u == "mg/dL" else "mg/dL"
    lim_s = f"{_show(lim, u)} {u} ({_show(TRIALS_EXCLUDED_CREATININE_ABOVE[other], other)} {other})"
    lim_zh = f"{_show(lim, u)} {u}({_show(TRIALS_EXCLUDED_CREATININE_ABOVE[other], other)} {other})"
    en, zh = [], []
    if why["creatinine"]:
        cur_s = CREATININE(current_creatinine.value, (lim,))
        en.append(f"the current creatinine {cur_s} {u} is above {lim_s}, beyond the patients the label's trials "
                  "included")
        zh.append(f"当前肌酐 {cur_s} {u} 高于 {lim_zh},超出说明书所依据试验纳入的范围")
    if why["clearance"]:
        en.append(f"the clearance {CLEARANCE(crcl.value)} mL/min is below {write(NOT_RECOMMENDED_BELOW)} mL/min")
        zh.append(f"清除率 {CLEARANCE(crcl.value)} mL/min 低于 {write(NOT_RECOMMENDED_BELOW)} mL/min")
    redo = ("confirm this estimate once creatinine is stable" if estimated else
            "re-estimate the creatinine clearance (Cockcroft–Gault) with this creatinine once it is stable")
    redo_zh = "待肌酐稳定后复核此估算值" if estimated else "待肌酐稳定后用此肌酐重新估算肌酐清除率(Cockcroft–Gault)"
    return text(
        " But the rise rule cannot decide alone here: " + " and ".join(en) + f". Do not give the dose as routine: {redo}; "
        f"zoledronic acid is not recommended below {write(NOT_RECOMMENDED_BELOW)} mL/min (severe renal impairment).",
        "但此时不能仅按肌酐升高规则判断:" + ",且".join(zh) + f"。不可按常规给药:{redo_zh};"
        f"清除率 < {write(NOT_RECOMMENDED_BELOW)} mL/min(重度肾功能损害)时不推荐使用唑来膦酸。")


def zoledronic_acid_renal_check(baseline_creatinine, current_creatinine, withheld, crcl=None,
                                age=None, weight=None, sex=None) -> Result:
    source = None
    if age is None and weight is None and sex is None:
        cg.check_pair(crcl, current_creatinine)  # a clearance that cannot go with this creatinine is refused
    else:  # re-estimated from the current creatinine (and compared with a clearance given too)
        try:
            crcl, source = cg.resolve_clearance(crcl, age, weight, current_creatinine, sex)
        except InputError as e:
            if e.field != "creatinine":
                raise
            # here the creatinine of the equation is the current creatinine: name that input
            raise InputError("current_creatinine: " + e.detail, "current_creatinine", zh=e.zh) from None
    why = beyond_rule(current_creatinine, crcl, baseline_creatinine.unit)
    beyond = why["creatinine"] or why["clearance"]
    unit = baseline_creatinine.unit
    base = baseline_creatinine.value
    cur = current_creatinine.value if current_creatinine.unit == unit else current_creatinine.to(unit)
    rise = cur - base
    abnormal = base >= ABNORMAL_BASELINE_FROM[unit]
    limit = threshold_rise(baseline_creatinine)
    resume_limit = base * (1 + RESUME_WITHIN)
    details = {
        "unit": unit, "baseline": float(base), "current_in_baseline_unit": float(cur),
        "rise": float(rise), "baseline_abnormal": abnormal, "rise_threshold": float(limit),
        "resume_limit": float(resume_limit),
    }
    # the baseline is written on its side of the normal/abnormal limit it was compared with (1.396 mg/dL is
    # not shown as a "normal baseline of 1.40 mg/dL")
    base_s = CREATININE(base, (ABNORMAL_BASELINE_FROM[unit],))
    b_en = "abnormal" if abnormal else "normal"
    b_zh = "异常" if abnormal else "正常"
    if withheld:
        ok = cur <= resume_limit
        cat = "resume" if ok else "keep-withholding"
        # shown without crossing the limit it is compared with (1.1004 is not shown as "1.10")
        cur_s = CREATININE(cur, (resume_limit,))
        # the limit written exactly when up to 7 decimals can (1.234 × 1.10 = 1.3574, not "1.357"), so a
        # creatinine exactly on it reads as equal to it
        limit_s = write(resume_limit, 3, (resume_limit,))
        en = (
            f"Current creatinine {cur_s} {unit} is {'within' if ok else 'more than'} "
            f"{write(RESUME_WITHIN * 100)}% {'of' if ok else 'above'} the baseline {base_s} {unit} "
            f"(limit {limit_s} {unit}): "
            + (("by the rise rule it could be resumed." if beyond else
                "zoledronic acid may be resumed at the dose given before it was withheld.")
               if ok else "keep withholding zoledronic acid and recheck creatinine.")
        )
        zh = (
            f"当前肌酐 {cur_s} {unit}{'在' if ok else '超出'}基线 {base_s} {unit} 的 {write(RESUME_WITHIN * 100)}% 范围"
            f"{'内' if ok else ''}(上限 {limit_s} {unit}):"
            + (("按肌酐升高规则本可恢复给药。" if beyond else "可按暂停前的剂量恢复唑来膦酸。")
               if ok else "继续暂停唑来膦酸并复查肌酐。")
        )
    else:
        bad = rise >= limit
        cat = "withhold" if bad else "continue"
        rise_s = RISE(rise, (limit,))  # never shown across the limit (0.4989 is not "0.50")
        article = "an" if abnormal else "a"
        moved, moved_zh = ("rose", "升高") if rise >= 0 else ("fell", "下降")
        en = (
            f"Creatinine {moved} by {rise_s.lstrip('-')} {unit} from {article} {b_en} baseline of "
            f"{base_s} {unit}; a rise of "
            f"{_show(limit, unit)} {unit} or more counts as renal deterioration. "
            + ("Withhold zoledronic acid until creatinine returns to within "
               f"{write(RESUME_WITHIN * 100)}% of baseline." if bad else
               "No renal deterioration by the rise rule." if beyond else "No renal deterioration: continue.")
        )
        zh = (
            f"肌酐较{b_zh}基线 {base_s} {unit} {moved_zh} {rise_s.lstrip('-')} {unit};升高 ≥ {_show(limit, unit)} {unit} 视为肾功能恶化。"
            + (f"暂停唑来膦酸,直至肌酐恢复至基线的 {write(RESUME_WITHIN * 100)}% 以内。" if bad else
               "按肌酐升高规则无肾功能恶化。" if beyond else "无肾功能恶化:继续给药。")
        )
    details["beyond_rule"] = [k for k in ("creatinine", "clearance") if why[k]]
    if cat in ("continue", "resume") and beyond:  # never "continue" beyond the label's limits
        cat = BEYOND_RULE
        more = _beyond_text(why, U.Quantity(cur, unit, "creatinine"), crcl, source is not None)
        en, zh = en + more["en"], zh + more["zh"]
    if source is not None:
        details["clearance"] = source
    return Result(
        calculator=ID, value=float(rise), unit=unit, category=cat, explanation=text(en, zh),
        references=REFERENCES, details=details, recommendations=("BP-4",),
        exact=rise, edges=(limit,),
    )


def _bands():
    rows = []
    for u in ("mg/dL", "µmol/L"):
        ab = write(ABNORMAL_BASELINE_FROM[u])
        n, a = _show(RISE_IF_NORMAL[u], u), _show(RISE_IF_ABNORMAL[u], u)
        rows.append(Band(
            text(f"baseline < {ab} {u} and rise ≥ {n} {u}", f"基线 < {ab} {u} 且升高 ≥ {n} {u}"),
            text("Renal deterioration: withhold", "肾功能恶化:暂停"), "withhold"))
        rows.append(Band(
            text(f"baseline ≥ {ab} {u} and rise ≥ {a} {u}", f"基线 ≥ {ab} {u} 且升高 ≥ {a} {u}"),
            text("Renal deterioration: withhold", "肾功能恶化:暂停"), "withhold"))
    pct = write(RESUME_WITHIN * 100)
    rows.append(Band(
        text(f"withheld and current ≤ baseline × {write(1 + RESUME_WITHIN, 2)} (within {pct}%)",
             f"已暂停且当前值 ≤ 基线 × {write(1 + RESUME_WITHIN, 2)}(在 {pct}% 以内)"),
        text("Resume at the previous dose", "按原剂量恢复"), "resume"))
    rows.append(Band(
        text(f"withheld and current > baseline × {write(1 + RESUME_WITHIN, 2)}",
             f"已暂停且当前值 > 基线 × {write(1 + RESUME_WITHIN, 2)}"),
        text("Keep withholding", "继续暂停"), "keep-withholding"))
    return tuple(rows)


_AB = {u: write(v) for u, v in ABNORMAL_BASELINE_FROM.items()}
_N = {u: _show(v, u) for u, v in RISE_IF_NORMAL.items()}
_A = {u: _show(v, u) for u, v in RISE_IF_ABNORMAL.items()}
_PCT, _F = write(RESUME_WITHIN * 100), write(1 + RESUME_WITHIN, 2)

# ---------------------------------------------------------------------------------------
# The rule as a decision tree (drawn as the book's flowchart; its paths are tested against
# the function above), built from the constants above: no second copy of any number.
# ---------------------------------------------------------------------------------------

def _tree() -> Tree:
    """The label's rule before each dose as a decision tree over the constants above.

    The function applies the thresholds in the unit of the baseline; the tree is drawn and its
    example patients are written in mg/dL, with the SmPC's µmol/L figures shown alongside.
    """
    mg, um = "mg/dL", "µmol/L"
    ab = ABNORMAL_BASELINE_FROM
    rise_n, rise_a = RISE_IF_NORMAL, RISE_IF_ABNORMAL
    within = 1 + RESUME_WITHIN
    pct = write(RESUME_WITHIN * 100)

    def both(d, places=None):
        return f"{write(d[mg], places)} {mg} ({write(d[um])} {um})"

    def facts_of(inputs: dict) -> dict:
        base = inputs["baseline_creatinine"].to(mg)
        cur = inputs["current_creatinine"].to(mg)
        why = beyond_rule(inputs["current_creatinine"], inputs.get("crcl"), inputs["baseline_creatinine"].unit)
        return {"withheld": bool(inputs.get("withheld")), "baseline": base,
                "rise": cur - base, "ratio": cur / base, "beyond": why["creatinine"] or why["clearance"]}

    def realise_beyond(v, chosen):
        if not v:
            return [{}]
        # a clearance just below the limit (the creatinine above its limit is drawn in the node's label)
        return [{"crcl": f"{write(NOT_RECOMMENDED_BELOW - step)} mL/min"}]

    def realise_current(kind):
        def realise(v, chosen):
            if v is None:
                if kind == "ratio" and chosen.get("rise") is None:
                    return [{"current_creatinine": f"{write(chosen['baseline'])} {mg}"}]
                return [{}]
            cur = chosen["baseline"] + v if kind == "rise" else chosen["baseline"] * v
            return [{"current_creatinine": f"{write(cur)} {mg}"}]
        return realise

    yes, no = text("yes", "是"), text("no", "否")
    lim_label = text(
        f"Current creatinine > {write(TRIALS_EXCLUDED_CREATININE_ABOVE[mg], 1)} {mg} "
        f"({write(TRIALS_EXCLUDED_CREATININE_ABOVE[um])} {um}), or CrCl < {write(NOT_RECOMMENDED_BELOW)} mL/min?",
        f"当前肌酐 > {write(TRIALS_EXCLUDED_CREATININE_ABOVE[mg], 1)} {mg}"
        f"({write(TRIALS_EXCLUDED_CREATININE_ABOVE[um])} {um}),或清除率 < {write(NOT_RECOMMENDED_BELOW)} mL/min?")
    n = (
        Node("start", "start", text("Before each zoledronic acid dose: creatinine vs baseline",
                                    "每次唑来膦酸给药前:肌酐与基线比较"), next="withheld"),
        Node("withheld", "decision", text("Zoledronic acid withheld now?", "唑来膦酸目前暂停?"),
             branches=(
                 Branch(Cond("withheld", "is", False), "baseline", no),
                 Branch(Cond("withheld", "is", True), "recovered", yes),
             )),
        Node("baseline", "decision",
             text(f"Baseline creatinine < {both(ab)}?", f"基线肌酐 < {both(ab)}?"),
             branches=(
                 Branch(Cond("baseline", "<", ab[mg]), "rise-normal", text("yes (normal)", "是(正常)")),
                 Branch(Cond("baseline", ">=", ab[mg]), "rise-abnormal", text("no (abnormal)", "否(异常)")),
             )),
        Node("rise-normal", "decision",
             text(f"Rise ≥ {both(rise_n, 1)}?", f"升高 ≥ {both(rise_n, 1)}?"),
             branches=(
                 Branch(Cond("rise", ">=", rise_n[mg]), "withhold", yes),
                 Branch(Cond("rise", "<", rise_n[mg]), "limits-continue", no),
             )),
        Node("rise-abnormal", "decision",
             text(f"Rise ≥ {both(rise_a, 1)}?", f"升高 ≥ {both(rise_a, 1)}?"),
             branches=(
                 Branch(Cond("rise", ">=", rise_a[mg]), "withhold", yes),
                 Branch(Cond("rise", "<", rise_a[mg]), "limits-continue", no),
             )),
        Node("recovered", "decision",
             text(f"Creatinine within {pct}% of baseline?", f"肌酐在基线的 {pct}% 以内?"),
             branches=(
                 Branch(Cond("ratio", "<=", within), "limits-resume", yes),
                 Branch(Cond("ratio", ">", within), "keep-withholding", no),
             )),
        Node("limits-continue", "decision", lim_label, branches=(
            Branch(Cond("beyond", "is", True), BEYOND_RULE, yes),
            Branch(Cond("beyond", "is", False), "continue", no),
        )),
        Node("limits-resume", "decision", lim_label, branches=(
            Branch(Cond("beyond", "is", True), BEYOND_RULE, yes),
            Branch(Cond("beyond", "is", False), "resume", no),
        )),
        Node("continue", "outcome", text("Continue: give the dose", "继续:按计划给药"),
             sets={"category": "continue"}),
        Node("withhold", "outcome", text("Withhold: renal deterioration", "暂停:肾功能恶化"),
             sets={"category": "withhold"}),
        Node("resume", "outcome", text("Resume at the previous dose", "按原剂量恢复"),
             sets={"category": "resume"}),
        Node("keep-withholding", "outcome", text("Keep withholding; recheck creatinine", "继续暂停;复查肌酐"),
             sets={"category": "keep-withholding"}),
        Node(BEYOND_RULE, "outcome",
             text(f"Not by the rise rule: re-estimate the clearance;\nnot recommended below {write(NOT_RECOMMENDED_BELOW)} mL/min",
                  f"不能仅按升高规则判断:重新估算清除率;\n< {write(NOT_RECOMMENDED_BELOW)} mL/min 时不推荐"),
             sets={"category": BEYOND_RULE}),
    )
    n = tuple(Node(x.id, x.kind, x.label, x.branches, x.next, x.sets, ("BP-4",) if x.kind == "decision" else (),
                   x.actions) for x in n)
    step = F(1, 100)
    return Tree(
        id=ID, calculator=ID, title=TITLE, start="start", nodes=n,
        facts=(
            Fact("withheld", False, lambda v, c: [{"withheld": v}]),
            Fact("baseline", F(1), lambda v, c: [{"baseline_creatinine": f"{write(v)} {mg}"}], step),
            Fact("rise", None, realise_current("rise"), step),
            Fact("ratio", None, realise_current("ratio"), step),
            Fact("beyond", False, realise_beyond),
        ),
        facts_of=facts_of, recommendations=("BP-4",),
    )


TREE = _tree()


CALCULATOR = Calculator(
    id=ID,
    title=TITLE,
    function=zoledronic_acid_renal_check,
    equation="Zometa label §2 renal deterioration rule",
    purpose=text(
        "Says whether a rise in serum creatinine since baseline means zoledronic acid must be withheld, "
        "and, once withheld, whether it may be resumed.",
        "判断血清肌酐较基线的升高是否需要暂停唑来膦酸,以及暂停后能否恢复给药。",
    ),
    when_to_use=text(
        "Before every dose of zoledronic acid, with the creatinine measured before the first dose as baseline.",
        "每次唑来膦酸给药前使用,以首剂前测得的肌酐为基线。",
    ),
    inputs=(
        Input("baseline_creatinine", text("Baseline serum creatinine (before the first dose)", "基线血清肌酐(首剂前)"),
              analyte="creatinine"),
        Input("current_creatinine", text("Current serum creatinine", "当前血清肌酐"), analyte="creatinine"),
        # asked, never taken as no: a withheld patient is held until creatinine is back within 10% of
        # baseline, a stricter test than the rise rule (1.0 to 1.3 mg/dL: continue if not withheld, keep
        # withholding if withheld), so a box left unticked could give a dose the label holds (HZ-71)
        yes_no("withheld", "Zoledronic acid is currently withheld", "唑来膦酸目前处于暂停状态",
               help=text("Yes if doses are on hold for renal deterioration now; the answer depends on it.",
                         "如目前因肾功能恶化暂停给药，请选“是”；结论取决于此项。")),
        cg.ClearanceInput(
            "crcl", text("Creatinine clearance now (Cockcroft–Gault), if re-estimated",
                         "当前肌酐清除率(Cockcroft–Gault,如已重新估算)"),
            analyte="crcl", required=False,
            help=text(f"Or give age, weight and sex: the clearance is re-estimated from the current creatinine. Below "
                      f"{write(NOT_RECOMMENDED_BELOW)} mL/min zoledronic acid is not recommended, whatever the rise.",
                      "或填写年龄、体重和性别,由当前肌酐重新估算清除率。清除率 < "
                      f"{write(NOT_RECOMMENDED_BELOW)} mL/min 时不推荐使用唑来膦酸,无论肌酐升高多少。")),
    ) + tuple(i for i in cg.clearance_inputs(cg.CALCULATOR.input("age"))[1:] if i.name != "creatinine"),
    output=Output(text("Rise in creatinine since baseline, in the baseline's unit", "肌酐较基线的升高(单位与基线肌酐相同)"),
                  unit=None, categories=CATEGORIES, places=2),
    bands=_bands(),
    numbers={"creatinine": CREATININE, "rise": RISE, "crcl": CLEARANCE},
    references=REFERENCES,
    recommendations=("BP-4",),
    flowchart=TREE,
    decisions=(
        text(
            f"\"An increase of {_N['mg/dL']} mg/dL\" is read as an increase of at least {_N['mg/dL']} mg/dL, and a "
            f"baseline of exactly {_AB['mg/dL']} mg/dL counts as abnormal (the US trial wording ≥ {_AB['mg/dL']}; "
            "the EU SmPC leaves it open).",
            f"将\u201c升高 {_N['mg/dL']} mg/dL\u201d理解为升高至少 {_N['mg/dL']} mg/dL;基线恰为 {_AB['mg/dL']} mg/dL 视为异常"
            f"(美国试验表述为 ≥ {_AB['mg/dL']};欧盟说明书未明确)。",
        ),
        text(
            "Thresholds are applied in the unit of the baseline: a µmol/L baseline uses the EU SmPC's µmol/L thresholds "
            f"({_AB['µmol/L']}, {_N['µmol/L']}, {_A['µmol/L']}), a mg/dL baseline the US label's "
            f"({_AB['mg/dL']}, {_N['mg/dL']}, {_A['mg/dL']}). If the current creatinine is in the other "
            "unit it is converted exactly to the baseline's unit (1 mg/dL = 88.4 µmol/L).",
            "阈值按基线的单位执行:基线以 µmol/L 表示时采用欧盟说明书的 µmol/L 阈值"
            f"({_AB['µmol/L']}、{_N['µmol/L']}、{_A['µmol/L']}),以 mg/dL 表示时采用美国说明书的阈值"
            f"({_AB['mg/dL']}、{_N['mg/dL']}、{_A['mg/dL']})。若当前肌酐单位不同,则精确换算为基线单位(1 mg/dL = 88.4 µmol/L)。",
        ),
        text(
            f"\"Within {_PCT}% of baseline\" is read as current ≤ baseline × {_F}, computed exactly.",
            f"将\u201c恢复至基线的 {_PCT}% 以内\u201d理解为当前值 ≤ 基线 × {_F},精确计算。",
        ),
        text(
            "The rise rule does not decide alone beyond the label's limits: with a current creatinine above "
            f"{_show(TRIALS_EXCLUDED_CREATININE_ABOVE['mg/dL'], 'mg/dL')} mg/dL "
            f"({write(TRIALS_EXCLUDED_CREATININE_ABOVE['µmol/L'])} µmol/L), the highest creatinine the label's trials "
            "included, compared in the baseline's unit (exactly the limit is within it), or a clearance below "
            f"{write(NOT_RECOMMENDED_BELOW)} mL/min, given or re-estimated from the current creatinine with age, weight "
            "and sex, the answer is never continue or resume but 're-estimate the clearance; not recommended below "
            f"{write(NOT_RECOMMENDED_BELOW)} mL/min'. A rise that withholds still withholds.",
            f"超出说明书界限时不能仅按升高规则判断:当前肌酐高于 {_show(TRIALS_EXCLUDED_CREATININE_ABOVE['mg/dL'], 'mg/dL')} mg/dL"
            f"({write(TRIALS_EXCLUDED_CREATININE_ABOVE['µmol/L'])} µmol/L,说明书所依据试验纳入的最高肌酐,按基线单位比较,"
            f"恰为该值视为在范围内),或清除率(直接填写,或由当前肌酐结合年龄、体重和性别重新估算)低于 "
            f"{write(NOT_RECOMMENDED_BELOW)} mL/min 时,结果绝不是“继续”或“恢复”,而是“重新估算清除率;清除率 < "
            f"{write(NOT_RECOMMENDED_BELOW)} mL/min 时不推荐”。达到暂停标准的升高仍判定为暂停。",
        ),
    ),
)
