"""The bone protection plan's text in both languages: what each action says (keyed by action id in
bone_protection_plan.ACTIONS), the reasons of the agents table, why the maintenance agent waits, and the
headline. It decides nothing: it reads the facts and the resolution step of bone_protection_plan_tree and
writes every number through units.write with the limits declared there.
"""

from __future__ import annotations

from fractions import Fraction as F

from ..records import text
from .. import units as U
from . import zoledronic_acid_dose as zad
from .bone_protection_plan_tree import (
    CA_GLUCONATE_DILUENT_ML, CA_GLUCONATE_MINUTES, CA_GLUCONATE_ML, CALCIUM_SUPPLEMENT_MG,
    DENOSUMAB_CONTRACEPTION_MONTHS, DENOSUMAB_EVERY_WEEKS, DENOSUMAB_FOLLOW_ON_MONTHS, DENOSUMAB_LOADING_DAYS,
    DENOSUMAB_MG, DMAB, FIND_OUT, HCM, _HCM_AT_LEAST_TEXT, _HCM_NO_RENAL_REDUCTION_TEXT, HCM_RETREAT_AFTER_DAYS,
    _HCM_ZA_MG_TEXT, HIGH, _HYPERCALCAEMIA_ABOVE_TEXT, _HYPOCALCAEMIA_BELOW_TEXT, _LOW_ALBUMIN_BELOW_TEXT,
    MONTHS_EDGES, NOT_LOW, PAM, PAMIDRONATE_INFUSION_HOURS, PAMIDRONATE_MG, _PAMIDRONATE_SEVERE_RENAL_HOURS_TEXT,
    RECONSIDER_AT_MONTHS, REVIEW_AT_MONTHS, _SEVERE_HYPERCALCAEMIA_ABOVE_TEXT, _SEVERE_HYPOCALCAEMIA_BELOW_TEXT,
    SEVERE_RENAL, _SEVERE_RENAL_BELOW_TEXT, START_NOW, _timing, VITAMIN_D_SUPPLEMENT_IU, ZA, _ZA_INFUSION_MINUTES,
    ZA_MIN_MONTHS, ZA_REDUCED_EVERY_MONTHS, _ZA_TRIALS_CREATININE_ABOVE_TEXT,
)

def _za_dose_text(dose: F) -> dict:
    mg = U.write(dose)
    return text(f"{mg} mg IV over ≥{_ZA_INFUSION_MINUTES} min, {zad.INTERVAL}",
                f"{mg} mg 静脉输注 ≥{_ZA_INFUSION_MINUTES} 分钟,{zad.INTERVAL_ZH}一次")


# ---------------------------------------------------------------------------------------
# Names, doses and phase titles
# ---------------------------------------------------------------------------------------

AGENT_NAMES = {
    ZA: text("Zoledronic acid", "唑来膦酸"),
    DMAB: text("Denosumab", "地舒单抗"),
    PAM: text("Pamidronate", "帕米膦酸"),
}


PHASE_TITLES = {
    "now": text("Now", "立即"),
    "before-first-dose": text("Before the first maintenance dose", "维持治疗首剂前"),
    "maintenance": text("Maintenance", "维持治疗"),
    "monitoring": text("Monitoring and duration", "监测与疗程"),
}


_RENAL_RULE = []  # the rule's text, written once (on first use: the renal check module loads only then)


def _renal_rule() -> tuple[str, str]:
    if not _RENAL_RULE:
        _RENAL_RULE.append(_renal_rule_text())
    return _RENAL_RULE[0]


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
    mg = _HCM_ZA_MG_TEXT
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
        sh = _SEVERE_HYPERCALCAEMIA_ABOVE_TEXT
        en += (f"Severe hypercalcaemia (above {sh['mmol/L']} mmol/L, {sh['mg/dL']} mg/dL): the "
               "Endocrine Society 2023 guideline also suggests calcitonin, with the bisphosphonate or denosumab, as "
               "initial treatment (conditional). ")
        zh += (f"重度高钙血症(高于 {sh['mmol/L']} mmol/L,{sh['mg/dL']} mg/dL):美国内分泌学会 2023 年指南"
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
        f"{_SEVERE_HYPOCALCAEMIA_BELOW_TEXT} mmol/L or with symptoms): a medical emergency. Give intravenous "
        f"calcium gluconate now: {ml[0]}–{ml[1]} mL of 10% calcium gluconate in {dil[0]}–{dil[1]} mL of 5% dextrose "
        f"over {CA_GLUCONATE_MINUTES} min with ECG monitoring, repeated until symptoms resolve, then a continuous "
        "infusion adjusted to the calcium. Check and correct magnesium; check phosphate, PTH, vitamin D and renal "
        "function. No bone-targeted agent until the calcium is corrected.",
        f"紧急:重度低钙血症(校正血钙 {ca}{g_zh}{sym_zh};低于 {_SEVERE_HYPOCALCAEMIA_BELOW_TEXT} mmol/L "
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
    lo = _LOW_ALBUMIN_BELOW_TEXT
    return text(
        f"Very low albumin (below {lo['g/L']} g/L, {lo['g/dL']} g/dL): the albumin-corrected calcium can "
        "misstate the free calcium. Confirm with an ionised calcium before an emergency decision; do not delay "
        "treatment of a patient with symptoms.",
        f"白蛋白很低(低于 {lo['g/L']} g/L,{lo['g/dL']} g/dL):白蛋白校正血钙可能不能准确反映游离钙。"
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
        m = U.write(months, 0, MONTHS_EDGES)
        en += f" for {m} months"
        zh += f" {m} 个月"
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
            en = (f"At least {REVIEW_AT_MONTHS} months and VGPR or better: de-escalation may be considered, but "
                  "stopping denosumab needs a plan against the rebound. ")
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
    a, si = _ZA_TRIALS_CREATININE_ABOVE_TEXT["mg/dL"], _ZA_TRIALS_CREATININE_ABOVE_TEXT["µmol/L"]
    return text(
        "Before the next dose: compare today's serum creatinine with the baseline by the label's rule "
        "(zoledronic-acid-renal-check): withhold on a rise, resume at the same dose when it returns. Above "
        f"{a} mg/dL ({si} µmol/L), or with CrCl < {_SEVERE_RENAL_BELOW_TEXT} mL/min, it is not a matter of the rise rule: review "
        "with nephrology.",
        "下一剂前:按说明书规则将当日血清肌酐与基线比较(zoledronic-acid-renal-check):升高则暂停,恢复后按原剂量继续。"
        f"高于 {a} mg/dL({si} µmol/L)或肌酐清除率 < {_SEVERE_RENAL_BELOW_TEXT} mL/min 时,不适用升高规则:请与肾内科共同评估。")


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
        rule_en, rule_zh = _renal_rule()
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
    "hold-renal": text(f"Hold the bisphosphonate: serum creatinine above {_ZA_TRIALS_CREATININE_ABOVE_TEXT['mg/dL']} "
                       f"mg/dL ({_ZA_TRIALS_CREATININE_ABOVE_TEXT['µmol/L']} µmol/L), outside the zoledronic acid trials, "
                       f"or CrCl < {_SEVERE_RENAL_BELOW_TEXT} mL/min: confirm the creatinine and the clearance (they may not belong together) "
                       "and review with nephrology; denosumab is the alternative. Only if that review allows it: ",
                       f"暂停双膦酸盐:血清肌酐高于 {_ZA_TRIALS_CREATININE_ABOVE_TEXT['mg/dL']} mg/dL"
                       f"({_ZA_TRIALS_CREATININE_ABOVE_TEXT['µmol/L']} µmol/L,超出唑来膦酸临床试验范围)或肌酐清除率 < {_SEVERE_RENAL_BELOW_TEXT} mL/min:"
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
    "hold-renal": text(f"then on hold: serum creatinine above {_ZA_TRIALS_CREATININE_ABOVE_TEXT['mg/dL']} mg/dL "
                       f"({_ZA_TRIALS_CREATININE_ABOVE_TEXT['µmol/L']} µmol/L) or CrCl < {_SEVERE_RENAL_BELOW_TEXT} mL/min is outside the "
                       "zoledronic acid trials: review with nephrology (denosumab is the alternative); ",
                       f"其后暂缓:血清肌酐高于 {_ZA_TRIALS_CREATININE_ABOVE_TEXT['mg/dL']} mg/dL"
                       f"({_ZA_TRIALS_CREATININE_ABOVE_TEXT['µmol/L']} µmol/L)或肌酐清除率 < {_SEVERE_RENAL_BELOW_TEXT} mL/min 超出唑来膦酸临床试验范围:"
                       "请与肾内科共同评估(地舒单抗为替代药物);"),
    "hold-aki": text("then on hold until the creatinine is stable (acute kidney injury); ",
                     "其后暂缓,待肌酐稳定(急性肾损伤);"),
}


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
    mg = _HCM_ZA_MG_TEXT
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


# What each action of bone_protection_plan.ACTIONS says, keyed by the action's id: a fixed text, or a
# function of the facts and of what the tree's path set.
ACTION_TEXT = {
    "severe-hypocalcaemia": _t_severe_hypo,
    "symptoms-measure-calcium": _t_symptoms_measure,
    "hcm-urgent": _t_hcm,
    "confirm-ionised-calcium": _t_ionised,
    "onj": _t_onj,
    "pregnancy": _t_pregnancy,
    "dental": _t_dental,
    "correct-hypocalcaemia": _t_correct_ca,
    "measure-calcium": _t_measure_ca,
    "check-calcium-denosumab": _t_check_ca,
    "check-calcium-lln": _t_check_ca_bp,
    "renal-check-before-dose": _t_renal_check,
    "ask-clearance": _t_ask_clearance,
    "ask-dialysis": _t_ask_dialysis,
    "provisional-clearance": _t_provisional,
    "severe-renal-denosumab": _t_severe_renal,
    "vitamin-d-status": _t_vit_d,
    "not-indicated": _t_not_indicated,
    "ask-active": _t_ask_active,
    "start-now": _t_start,
    "continue-therapy": _t_continue,
    "ask-current-therapy": _t_ask_current,
    "agent-choice": text(
        "Choose the agent for this patient: age, performance status, renal function, oral health, previous "
        "fractures, risk of skeletal-related events, and the preferred route and adherence.",
        "个体化选择药物:综合评估年龄、体能状态、肾功能、口腔健康状况、既往骨折史、骨相关事件风险以及对给药途径的偏好和依从性。"),
    "ask-preference": _t_ask_preference,
    "hypercalcaemia": _t_hypercalcaemia,
    "calcium-vitamin-d": text(
        f"Calcium and vitamin D for everyone on bone-targeted therapy whose calcium is not high: calcium "
        f"{CALCIUM_SUPPLEMENT_MG} mg plus vitamin D {VITAMIN_D_SUPPLEMENT_IU} IU daily (zoledronic acid label), to "
        "supply bone and prevent treatment-related hypocalcaemia; none while the patient is hypercalcaemic.",
        f"血钙不高的骨保护治疗患者均补充钙剂和维生素 D:每日钙 {CALCIUM_SUPPLEMENT_MG} mg 加维生素 D "
        f"{VITAMIN_D_SUPPLEMENT_IU} IU(唑来膦酸说明书),为骨骼提供原料并预防治疗相关的低钙血症;高钙血症期间不补充。"),
    "lifestyle": text(
        "Moderate weight-bearing exercise as the patient's condition allows, a balanced diet, no smoking and "
        "little alcohol.",
        "在身体条件允许时进行适度负重锻炼,均衡饮食,戒烟限酒。"),
    "baseline-imaging": text(
        "Baseline skeletal imaging (low-dose whole-body CT; whole-body MRI or PET-CT) and bone-turnover "
        "markers, as the reference for follow-up. Do not wait for the result to start bone protection.",
        "基线骨骼影像学检查(低剂量全身 CT;全身 MRI 或 PET-CT)及骨代谢标志物检测,作为随访对照。无需等待结果再启动骨保护。"),
    "monitor-creatinine": _t_monitor_cr,
    "monitor-calcium-denosumab": _t_monitor_ca,
    "duration-review": _t_duration_review,
    "za-duration": text(
        f"Zoledronic acid (or pamidronate) monthly for at least {ZA_MIN_MONTHS} months, then review: at VGPR or "
        f"better, consider reducing to every {ZA_REDUCED_EVERY_MONTHS[0]} or {ZA_REDUCED_EVERY_MONTHS[1]} months or "
        f"stopping; without VGPR, continue (IMWG 2021). Reconsider at {RECONSIDER_AT_MONTHS} months, 2 years "
        "(ASCO 2018).",
        f"唑来膦酸(或帕米膦酸)每月一次,至少 {ZA_MIN_MONTHS} 个月后评估:达到非常好的部分缓解(VGPR)或更好时,可考虑减为每 "
        f"{ZA_REDUCED_EVERY_MONTHS[0]} 或 {ZA_REDUCED_EVERY_MONTHS[1]} 个月一次或停药;未达 VGPR 则继续(IMWG 2021)。"
        f"满 {RECONSIDER_AT_MONTHS} 个月(2 年)时重新考虑(ASCO 2018)。"),
    "denosumab-stopping": text(
        "Do not stop denosumab without a plan: multiple vertebral fractures have been reported after stopping "
        "(rebound). Agree how and when to stop with the treating specialist before any interruption.",
        "不可无计划停用地舒单抗:停药后曾报告多发椎体骨折(反跳)。任何中断前须与主治专科医生商定停药方式和时机。"),
    "denosumab-stop-warning": _t_dmab_stop_warning,
    "restart-at-relapse": text(
        "Restart bone-targeted therapy at relapse.", "疾病复发时重新启动骨靶向治疗。"),
}


# The doses the agents table shows.
ZA_CONTINUING_DOSE_TEXT = text(f"the dose already established, {zad.INTERVAL} (not re-banded; the creatinine-rise rule "
                               "before each dose)", f"沿用已确定的剂量,{zad.INTERVAL_ZH}一次(不重新分档;每次给药前按肌酐升高规则)")
DENOSUMAB_DOSE_TEXT = text(f"{DENOSUMAB_MG} mg SC every {DENOSUMAB_EVERY_WEEKS} weeks (no loading doses in myeloma; "
                           "no renal dose adjustment)",
                           f"{DENOSUMAB_MG} mg 皮下注射,每 {DENOSUMAB_EVERY_WEEKS} 周一次(骨髓瘤无需负荷剂量;无需按肾功能调整剂量)")
PAMIDRONATE_DOSE_TEXT = text(f"{PAMIDRONATE_MG} mg IV over {PAMIDRONATE_INFUSION_HOURS} h, monthly",
                             f"{PAMIDRONATE_MG} mg 静脉输注 {PAMIDRONATE_INFUSION_HOURS} 小时,每月一次")


# Why an agent suits this patient or not (bone_protection_plan._agent gives the reason's id and its sources).
AGENT_REASON_TEXT = {
    "za-held-outside-trials": text(
        f"Held: serum creatinine above {_ZA_TRIALS_CREATININE_ABOVE_TEXT['mg/dL']} mg/dL "
        f"({_ZA_TRIALS_CREATININE_ABOVE_TEXT['µmol/L']} µmol/L) or CrCl < {_SEVERE_RENAL_BELOW_TEXT} mL/min lies outside the label's "
        "trials and use: review with nephrology before any further dose.",
        f"暂停:血清肌酐高于 {_ZA_TRIALS_CREATININE_ABOVE_TEXT['mg/dL']} mg/dL"
        f"({_ZA_TRIALS_CREATININE_ABOVE_TEXT['µmol/L']} µmol/L)或肌酐清除率 < {_SEVERE_RENAL_BELOW_TEXT} mL/min,超出说明书试验及适用范围:"
        "再次给药前请与肾内科共同评估。"),
    "za-already-on-it": text(
        "Already on it: the dose set before the first dose is kept; each later dose follows the label's "
        "creatinine-rise rule (zoledronic-acid-renal-check).",
        "已在使用:沿用首剂前确定的剂量;此后每次给药按说明书的肌酐升高规则(zoledronic-acid-renal-check)。"),
    "za-clearance-not-given": text(
        "The creatinine clearance was not given: whether it suits this patient, and its dose, depend on it "
        "(label renal dose table).",
        "未提供肌酐清除率:是否适用及剂量均取决于此(说明书肾功能剂量表)。"),
    "za-imwg-preferred": text(
        "IMWG 2021: the preferred bone-targeted agent in newly diagnosed myeloma, with or without "
        "bone disease on imaging.",
        "IMWG 2021:新诊断多发性骨髓瘤(无论影像学有无骨病)首选的骨靶向药物。"),
    "za-first-clearance-sets-dose": text(
        "The clearance before the first dose sets the dose; later doses keep it and follow the "
        "creatinine-rise rule (withhold, then resume at the same dose), not a new dose band each cycle.",
        "首剂前的清除率决定剂量;此后各次沿用该剂量,并按肌酐升高规则处理(暂停,恢复时按原剂量),"
        "而非每个周期重新按剂量表分档。"),
    "za-renally-excreted": text(
        "Renally excreted: serum creatinine before every dose; watch for acute-phase reactions "
        "and osteonecrosis of the jaw.",
        "双膦酸盐经肾脏排泄:每次给药前查血清肌酐;警惕急性期反应和颌骨坏死。"),
    "za-not-recommended": text(
        f"Not recommended: CrCl below {_SEVERE_RENAL_BELOW_TEXT} mL/min or dialysis (severe renal impairment).",
        f"不推荐:肌酐清除率低于 {_SEVERE_RENAL_BELOW_TEXT} mL/min 或透析(重度肾功能损害)。"),
    "denosumab-interview-view": text(
        "The interview's view: denosumab for patients at high risk of skeletal-related events or who "
        "want a more convenient route. This is expert opinion; the randomised trial showed "
        "non-inferiority to zoledronic acid, not superiority.",
        "专家访谈观点:骨相关事件高风险或希望更便捷给药方式的患者选用地舒单抗。此为专家意见;"
        "随机对照试验显示其非劣于唑来膦酸,而非优于。"),
    "denosumab-not-renally-cleared": text(
        "Cleared by the reticuloendothelial system, not the kidney; IMWG 2021 suggests it particularly "
        "in renal impairment.",
        "经网状内皮系统清除,不依赖肾功能;IMWG 2021 建议尤其用于肾功能损害患者。"),
    "denosumab-non-inferior": text(
        "Non-inferior to zoledronic acid for time to first skeletal-related event in newly diagnosed "
        "myeloma (superiority was not shown); progression-free survival longer in an exploratory analysis.",
        "在新诊断多发性骨髓瘤中,至首次骨相关事件时间非劣于唑来膦酸(未显示优效);探索性分析显示无进展生存期延长。"),
    "denosumab-no-data-severe-renal": text(
        f"No randomised data below CrCl {_SEVERE_RENAL_BELOW_TEXT} mL/min: the phase 3 trial excluded these patients.",
        f"肌酐清除率 < {_SEVERE_RENAL_BELOW_TEXT} mL/min 时无随机对照数据:3 期试验排除了此类患者。"),
    "denosumab-hypocalcaemia-precaution": text(
        "Hypocalcaemia precaution: correct low calcium before the first dose; risk highest at CrCl "
        f"< {_SEVERE_RENAL_BELOW_TEXT} mL/min or dialysis. Do not stop without a plan (rebound vertebral fractures).",
        f"低钙血症预防:首剂前纠正低血钙;肌酐清除率 < {_SEVERE_RENAL_BELOW_TEXT} mL/min 或透析时风险最高。不可无计划停药(停药后反跳性多发椎体骨折)。"),
    "pamidronate-alternative": text(
        "An alternative bisphosphonate; zoledronic acid is the IMWG 2021 preferred agent. "
        "Serum creatinine before each dose.",
        "可选的双膦酸盐;IMWG 2021 首选唑来膦酸。每次给药前查血清肌酐。"),
    "pamidronate-clearance-not-given": text(
        "The creatinine clearance was not given: whether it suits this patient depends on it.",
        "未提供肌酐清除率:是否适用取决于此。"),
    "pamidronate-label-severe-renal": text(
        "Not recommended by its label in severe renal impairment.",
        "说明书不推荐用于重度肾功能损害。"),
    "pamidronate-asco-severe-renal": text(
        f"ASCO 2018 gives {PAMIDRONATE_MG} mg over {_PAMIDRONATE_SEVERE_RENAL_HOURS_TEXT} h for extensive bone disease with severe "
        "renal impairment: outside the label, with little data; only as a specialist's decision when "
        "denosumab cannot be used, with creatinine before each dose.",
        f"ASCO 2018 指南对广泛骨病合并重度肾功能损害者给予 {PAMIDRONATE_MG} mg、输注 {_PAMIDRONATE_SEVERE_RENAL_HOURS_TEXT} 小时:"
        "超出说明书范围,数据很少;仅在无法使用地舒单抗时由专科医生决定,每次给药前查肌酐。"),
    "not-recommended-here": text(
        "Not recommended here.",
        "此处不推荐。"),
}


def reduced_dose_reason(shown_crcl: str) -> dict:
    """Why the zoledronic acid dose is reduced, with the clearance as written (units.write, with its edges)."""
    return text(f"Reduced dose for CrCl {shown_crcl} mL/min (label renal dose table).",
                f"肌酐清除率 {shown_crcl} mL/min,按说明书肾功能剂量表减量。")
