"""IMWG uniform response criteria (Kumar 2016), for what serum and urine M-protein can decide.

Decides sCR, CR, VGPR, PR, MR, SD and PD from the serum and 24-hour urine M-protein at baseline,
now and at the nadir, with immunofixation and marrow results for CR and sCR. Responses judged on
free light chains, marrow plasma cells alone, plasmacytoma size, imaging or MRD are outside it;
when what was given cannot decide the category it says 'not-evaluable' and why.
"""

from fractions import Fraction as F

from ..errors import InputError
from ..records import Band, Calculator, Category, Input, Output, Result, text, yes_no
from ..numbers import write

ID = "imwg-response"
REFERENCES = ("kumar2016imwg",)

# Kumar, Lancet Oncol 2016 (kumar2016imwg). Reductions are fractions of the baseline value.
VGPR_SERUM_REDUCTION = F("0.90")  # ≥ 90% reduction in serum M-protein ...
VGPR_URINE_BELOW = F(100)  # ... with urine M-protein < 100 mg/24 h
PR_SERUM_REDUCTION = F("0.50")  # ≥ 50% reduction in serum M-protein ...
PR_URINE_REDUCTION = F("0.90")  # ... and urine reduced by ≥ 90% ...
PR_URINE_BELOW = F(200)  # ... or to < 200 mg/24 h
MR_SERUM_REDUCTION = F("0.25")  # ≥ 25% (and < 50%: [DECISION] closes the 49–50% gap) ...
MR_URINE_REDUCTION = F("0.50")  # ... and urine reduced by 50–89%
CR_BMPC_BELOW = F(5)  # CR: < 5% plasma cells in the marrow
# PD: ≥ 25% increase from the lowest confirmed value, with an absolute increase of
PD_RISE = F("0.25")
PD_SERUM_ABSOLUTE = F("0.5")  # g/dL
PD_SERUM_ABSOLUTE_HIGH_NADIR = F(1)  # g/dL, when the serum nadir is ≥ 5 g/dL
PD_HIGH_NADIR_FROM = F(5)  # g/dL
PD_URINE_ABSOLUTE = F(200)  # mg/24 h
# Measurable disease at baseline (Kumar 2016 and Durie 2006 reproduced tables; kumar2016imwg): serum
# M-protein ≥ 1 g/dL or urine M-protein ≥ 200 mg/24 h; only when neither, an involved FLC ≥ 10 mg/dL with
# an abnormal ratio (FLC criteria, outside this calculator). Without measurable M-protein the serum and
# urine percentages define no response.
MEASURABLE_SERUM_AT_LEAST = F(1)  # g/dL
MEASURABLE_URINE_AT_LEAST = F(200)  # mg/24 h
MEASURABLE_FLC_AT_LEAST = F(10)  # mg/dL, involved FLC with an abnormal ratio
# Disease measurable only by free light chains (kumar2016imwg): PR is a fall of at least 50% in the
# difference between involved and uninvolved FLC (dFLC); PD a rise of at least 25% from its nadir with an
# absolute rise of more than 10 mg/dL (strict).
FLC_PR_REDUCTION = F("0.50")
PD_DFLC_ABSOLUTE_ABOVE = F(10)  # mg/dL
# What an M-protein-only result has not looked at; any of them can make the disease progressive
# (IMWG progression also counts new or enlarging bone lesions or plasmacytomas, and marrow plasma
# cells; kumar2016imwg).
NOT_ASSESSED_HERE = text("new or enlarging bone lesions, plasmacytomas and the marrow",
                         "新发或增大的骨病变、浆细胞瘤及骨髓")

# Kumar 2016: a response category or progression is called only when confirmed on consecutive
# assessments (stated without a count here: the sources checked here do not give it).
CONFIRM = text("IMWG calls a response or progression only when it is confirmed on consecutive assessments; "
               "this result is from the values of one assessment.",
               "IMWG 要求疗效或进展须经连续评估确认后方可判定;本结果仅基于一次评估的数值。")

CATEGORY_IDS = ("sCR", "CR", "VGPR", "PR", "MR", "SD", "PD", "not-evaluable")
CATEGORY_LABELS = {
    "sCR": text("Stringent complete response", "严格意义的完全缓解"),
    "CR": text("Complete response", "完全缓解"),
    "VGPR": text("Very good partial response", "非常好的部分缓解"),
    "PR": text("Partial response", "部分缓解"),
    "MR": text("Minimal response", "微小缓解"),
    "SD": text("Stable disease", "疾病稳定"),
    "PD": text("Progressive disease", "疾病进展"),
    "not-evaluable": text("Not evaluable from the values given", "所给数据无法评估"),
}
CATEGORY_TONES = {"PD": "stop", "not-evaluable": "caution"}  # the others are classes without a judgement


# Reductions at which a category changes; a percentage shown next to them is never rounded across
# one (a 49.96% fall, which is not PR, is not shown as "50%").
REDUCTION_EDGES = tuple(x * 100 for x in (MR_SERUM_REDUCTION, PR_SERUM_REDUCTION, VGPR_SERUM_REDUCTION,
                                          MR_URINE_REDUCTION, PR_URINE_REDUCTION))


def _pct(x: F) -> str:
    return write(x * 100, 1, REDUCTION_EDGES).rstrip("0").rstrip(".")


def _change(r: F, what_en: str, what_zh: str) -> tuple[str, str]:
    """"serum M-protein reduced by 20%", or "increased by 20%" for a rise (never "reduced by -20%")."""
    if r >= 0:
        return f"{what_en} reduced by {_pct(r)}%", f"{what_zh}下降 {_pct(r)}%"
    return f"{what_en} increased by {_pct(-r)}%", f"{what_zh}上升 {_pct(-r)}%"


def _progression(base, cur, nadir, absolute, high_nadir_from=None, high_absolute=None):
    """(progressed, nadir, high-nadir rule used).

    The rise from the nadir must meet both the relative (≥ 25%) and the absolute criterion; when the
    nadir is at or above *high_nadir_from*, a rise of *high_absolute* suffices on its own (Kumar 2016
    footnote; kumar2016imwg).
    """
    n = min(base, cur) if nadir is None else nadir
    rise = cur - n
    if high_nadir_from is not None and n >= high_nadir_from:
        return rise >= high_absolute, n, True
    return rise >= PD_RISE * n and rise >= absolute, n, False


def _flc_only(result, baseline_involved_flc, flc_ratio_abnormal_at_baseline, baseline_dflc, current_dflc,
              nadir_dflc):
    """The response of disease measurable only by free light chains (kumar2016imwg), or None when
    no light-chain values were given."""
    if baseline_dflc is None and current_dflc is None and baseline_involved_flc is None:
        return None
    mf = write(MEASURABLE_FLC_AT_LEAST)
    missing = [n for n, v in (("baseline_involved_flc", baseline_involved_flc), ("baseline_dflc", baseline_dflc),
                              ("current_dflc", current_dflc)) if v is None]
    if missing:
        raise InputError(f"{missing[0]}: disease measurable only by free light chains is judged on the involved FLC "
                         "at baseline and the difference between involved and uninvolved FLC (dFLC) at baseline and "
                         "now; give all three.", missing[0],
                         zh="仅游离轻链可测量的病灶依据基线受累游离轻链及基线和当前的受累与非受累游离轻链差值(dFLC)判断;"
                            "请填写这三项。")
    inv, b, c = baseline_involved_flc.to("mg/dL"), baseline_dflc.to("mg/dL"), current_dflc.to("mg/dL")
    n = min(b, c) if nadir_dflc is None else nadir_dflc.to("mg/dL")
    if b > inv:
        raise InputError("baseline_dflc: the dFLC (involved minus uninvolved) cannot exceed the involved FLC.",
                         "baseline_dflc", zh="dFLC(受累减非受累)不可能大于受累游离轻链。")
    if n > b:
        raise InputError("nadir_dflc: the nadir is the lowest value since treatment began, so it cannot exceed the "
                         "baseline.", "nadir_dflc", zh="最低值是治疗开始以来的最低值,不可能高于基线值。")
    if inv < MEASURABLE_FLC_AT_LEAST or flc_ratio_abnormal_at_baseline is False:
        return result(
            "not-evaluable",
            f"The baseline disease is not measurable by free light chains either (measurable: involved FLC at least "
            f"{mf} mg/dL with an abnormal ratio; here {write(inv)} mg/dL"
            + (", ratio normal" if flc_ratio_abnormal_at_baseline is False else "") + "): use the marrow and imaging.",
            f"基线病灶按游离轻链也不可测量(可测量标准:受累游离轻链 ≥ {mf} mg/dL 且比值异常;此处为 {write(inv)} mg/dL"
            + (",比值正常" if flc_ratio_abnormal_at_baseline is False else "") + "):请采用骨髓及影像学评估。",
            reason="baseline not measurable by M-protein or free light chains", judged_on="free light chains")
    if flc_ratio_abnormal_at_baseline is None:
        return result(
            "not-evaluable",
            f"The involved FLC at baseline is at least {mf} mg/dL: the disease is measurable by free light chains only "
            "if the FLC ratio was abnormal at baseline; say whether it was.",
            f"基线受累游离轻链 ≥ {mf} mg/dL:仅当基线游离轻链比值异常时,病灶才可按游离轻链测量;请说明比值是否异常。",
            reason="FLC ratio at baseline not given", judged_on="free light chains")
    r = (b - c) / b if b > 0 else F(0)
    rise = c - n
    where_en = (f"dFLC {write(c)} mg/dL now against {write(b)} mg/dL at baseline; judged on the free light chains, the "
                f"only disease measurable at baseline (involved FLC {write(inv)} mg/dL, at least {mf}, ratio abnormal)")
    where_zh = (f"当前 dFLC {write(c)} mg/dL,基线 {write(b)} mg/dL;仅依据游离轻链判断,它是基线时唯一可测量的病灶"
                f"(受累游离轻链 {write(inv)} mg/dL,≥ {mf},比值异常)")
    details = {"judged_on": "free light chains", "dflc_reduction_percent": float(r * 100), "dflc_nadir": float(n)}
    if rise >= PD_RISE * n and rise > PD_DFLC_ABSOLUTE_ABOVE:
        return result("PD", f"Progressive disease: the dFLC rose by at least {_pct(PD_RISE)}% and by more than "
                            f"{write(PD_DFLC_ABSOLUTE_ABOVE)} mg/dL from its nadir of {write(n)} mg/dL; {where_en}.",
                      f"疾病进展:dFLC 较最低值 {write(n)} mg/dL 升高至少 {_pct(PD_RISE)}% 且超过 "
                      f"{write(PD_DFLC_ABSOLUTE_ABOVE)} mg/dL;{where_zh}。", **details)
    if r >= FLC_PR_REDUCTION:
        return result("PR", f"Partial response by free light chains: dFLC reduced by {_pct(r)}% (at least "
                            f"{_pct(FLC_PR_REDUCTION)}%); {where_en}. A deeper response (VGPR, CR) needs immunofixation "
                            "and the marrow, which this light-chain result does not judge.",
                      f"按游离轻链判断为部分缓解:dFLC 下降 {_pct(r)}%(≥ {_pct(FLC_PR_REDUCTION)}%);{where_zh}。"
                      "更深的缓解(VGPR、CR)需免疫固定电泳及骨髓检查,本游离轻链结果不作判断。", **details)
    return result("SD", f"Stable disease (no response and no progression) by free light chains: dFLC reduced by "
                        f"{_pct(r) if r >= 0 else 0}%; {where_en}. {NOT_ASSESSED_HERE['en'][0].upper()}"
                        f"{NOT_ASSESSED_HERE['en'][1:]} were not assessed, and any of them can make the disease progressive.",
                  f"按游离轻链判断为疾病稳定(未缓解亦未进展):dFLC 下降 {_pct(r) if r >= 0 else 0}%;{where_zh}。"
                  f"{NOT_ASSESSED_HERE['zh']}均未评估,其中任何一项均可判定为疾病进展。", **details)


def imwg_response(baseline_serum_m, current_serum_m, baseline_urine_m, current_urine_m, nadir_serum_m=None,
                  nadir_urine_m=None, immunofixation_negative=None, bm_plasma_cells=None,
                  soft_tissue_plasmacytoma=None, flc_ratio_normal=None, marrow_clonal_cells_absent=None,
                  baseline_involved_flc=None, flc_ratio_abnormal_at_baseline=None, baseline_dflc=None,
                  current_dflc=None, nadir_dflc=None) -> Result:
    bs, cs = baseline_serum_m.to("g/dL"), current_serum_m.to("g/dL")
    bu, cu = baseline_urine_m.to("mg/24 h"), current_urine_m.to("mg/24 h")
    ns = None if nadir_serum_m is None else nadir_serum_m.to("g/dL")
    nu = None if nadir_urine_m is None else nadir_urine_m.to("mg/24 h")
    for nadir, base, name, unit in ((ns, bs, "nadir_serum_m", "g/dL"), (nu, bu, "nadir_urine_m", "mg/24 h")):
        if nadir is not None and nadir > base:
            raise InputError(
                f"{name}: the nadir {write(nadir)} {unit} is above the baseline {write(base)} {unit}; the nadir is the "
                "lowest value since treatment began, so it cannot exceed the baseline.", name,
                zh=f"最低值 {write(nadir)} {unit} 高于基线值 {write(base)} {unit}；最低值是治疗开始以来的最低测定值，"
                   "不可能高于基线值。")
    rs = (bs - cs) / bs if bs > 0 else None
    ru = (bu - cu) / bu if bu > 0 else None
    details = {
        "serum_reduction_percent": None if rs is None else float(rs * 100),
        "urine_reduction_percent": None if ru is None else float(ru * 100),
    }
    value = None if rs is None else float(rs * 100)

    warn = None
    if bs == 0 and bu > 0:
        warn = text("No serum M-protein at baseline: the response rests on the urine alone; check that the baseline "
                    "urine M-protein is measurable by the IMWG definition.",
                    "基线无血清 M 蛋白:疗效仅依据尿液判断;请核实基线尿 M 蛋白符合 IMWG 可测量病灶的定义。")
    elif bu == 0 and bs > 0:
        warn = text("No urine M-protein at baseline: the response rests on the serum alone; check that the baseline "
                    "serum M-protein is measurable by the IMWG definition.",
                    "基线无尿 M 蛋白:疗效仅依据血清判断;请核实基线血清 M 蛋白符合 IMWG 可测量病灶的定义。")
    details["measurability_warning"] = warn

    def result(cat, en, zh, **extra):
        details.update(extra)
        if cat != "not-evaluable":
            en, zh = en + " " + CONFIRM["en"], zh + CONFIRM["zh"]
        if warn is not None:
            en, zh = en + " " + warn["en"], zh + warn["zh"]
        return Result(calculator=ID, value=value, unit="%", category=cat, explanation=text(en, zh),
                      references=REFERENCES, details=details, recommendations=("RS-1",))

    if bs == 0 and bu == 0:
        flc = _flc_only(result, baseline_involved_flc, flc_ratio_abnormal_at_baseline, baseline_dflc, current_dflc,
                        nadir_dflc)
        if flc is not None:
            flc.value = None  # the serum reduction is not the measure of this response
            return flc
        return result(
            "not-evaluable",
            "Neither serum nor urine M-protein was present at baseline, so response cannot be judged from them; "
            "use the free light chain or marrow criteria, which this calculator does not cover.",
            "基线时血清和尿液均无 M 蛋白,无法据此评估疗效;请采用游离轻链或骨髓标准(本计算器未涵盖)。",
            reason="no measurable M-protein at baseline")
    details["baseline_measurable"] = bs >= MEASURABLE_SERUM_AT_LEAST or bu >= MEASURABLE_URINE_AT_LEAST
    if not details["baseline_measurable"]:
        flc = _flc_only(result, baseline_involved_flc, flc_ratio_abnormal_at_baseline, baseline_dflc, current_dflc,
                        nadir_dflc)
        if flc is not None:
            flc.value = None  # the serum reduction is not the measure of this response
            return flc
        ms, mu, mf = write(MEASURABLE_SERUM_AT_LEAST), write(MEASURABLE_URINE_AT_LEAST), write(MEASURABLE_FLC_AT_LEAST)
        return result(
            "not-evaluable",
            f"The baseline disease is not measurable by M-protein (serum {write(bs)} g/dL, below {ms} g/dL; urine "
            f"{write(bu)} mg/24 h, below {mu} mg/24 h), so serum and urine percentages define no response here. Use "
            f"the free light chain criteria (measurable when the involved FLC is at least {mf} mg/dL with an abnormal "
            "ratio) or the marrow and imaging, which this calculator does not cover.",
            f"基线病灶按 M 蛋白不可测量(血清 {write(bs)} g/dL,低于 {ms} g/dL;尿液 {write(bu)} mg/24 h,低于 "
            f"{mu} mg/24 h),血清和尿液的变化百分比在此不能判定疗效。请采用游离轻链标准(受累游离轻链 ≥ {mf} mg/dL "
            "且比值异常时可测量),或骨髓及影像学评估(本计算器未涵盖)。",
            reason="baseline not measurable by M-protein")

    pd_s, n_s, high_s = _progression(bs, cs, ns, PD_SERUM_ABSOLUTE, PD_HIGH_NADIR_FROM, PD_SERUM_ABSOLUTE_HIGH_NADIR)
    pd_u, n_u, _ = _progression(bu, cu, nu, PD_URINE_ABSOLUTE)
    details.update(serum_nadir=float(n_s), urine_nadir=float(n_u))
    if pd_s or pd_u:
        why_en, why_zh = [], []
        if pd_s and high_s:
            why_en.append(f"the serum M-protein rose by at least {write(PD_SERUM_ABSOLUTE_HIGH_NADIR)} g/dL from a nadir of "
                          f"{write(n_s)} g/dL (a nadir of {write(PD_HIGH_NADIR_FROM)} g/dL or more: that absolute rise "
                          "suffices on its own)")
            why_zh.append(f"血清 M 蛋白较最低值 {write(n_s)} g/dL 升高至少 {write(PD_SERUM_ABSOLUTE_HIGH_NADIR)} g/dL"
                          f"(最低值 ≥ {write(PD_HIGH_NADIR_FROM)} g/dL 时,该绝对升高即足以判定)")
        elif pd_s:
            why_en.append(f"the serum M-protein rose by at least {_pct(PD_RISE)}% and at least "
                          f"{write(PD_SERUM_ABSOLUTE)} g/dL from its nadir of {write(n_s)} g/dL")
            why_zh.append(f"血清 M 蛋白较最低值 {write(n_s)} g/dL 升高至少 {_pct(PD_RISE)}% 且至少 {write(PD_SERUM_ABSOLUTE)} g/dL")
        if pd_u:
            why_en.append(f"the urine M-protein rose by at least {_pct(PD_RISE)}% and at least "
                          f"{write(PD_URINE_ABSOLUTE)} mg/24 h from its nadir of {write(n_u)} mg/24 h")
            why_zh.append(f"尿 M 蛋白较最低值 {write(n_u)} mg/24 h 升高至少 {_pct(PD_RISE)}% 且至少 {write(PD_URINE_ABSOLUTE)} mg/24 h")
        return result(
            "PD", "Progressive disease: " + "; and ".join(why_en) + ".", "疾病进展:" + ";且".join(why_zh) + "。",
            progression={"serum": pd_s, "urine": pd_u}, high_nadir_rule=high_s)

    if immunofixation_negative and (cs > 0 or cu > 0):
        raise InputError(
            f"immunofixation_negative: immunofixation is given as negative but the current M-protein is "
            f"{write(cs)} g/dL in serum and {write(cu)} mg/24 h in urine; an M-protein measurable by electrophoresis is "
            "immunofixation-positive.", "immunofixation_negative",
            zh=f"免疫固定电泳填为阴性，但当前 M 蛋白为血清 {write(cs)} g/dL、尿 {write(cu)} mg/24 h；"
               "电泳可测得的 M 蛋白必然免疫固定电泳阳性。")

    note_en = note_zh = ""
    if immunofixation_negative:
        if bm_plasma_cells is None or soft_tissue_plasmacytoma is None:
            missing_en = [m for m, v in (("bone-marrow plasma cells", bm_plasma_cells),
                                         ("whether a soft-tissue plasmacytoma remains", soft_tissue_plasmacytoma))
                          if v is None]
            missing_zh = [m for m, v in (("骨髓浆细胞比例", bm_plasma_cells), ("是否仍有软组织浆细胞瘤", soft_tissue_plasmacytoma))
                          if v is None]
            return result(
                "not-evaluable",
                "Immunofixation is negative, so the response is at least VGPR, but CR also needs "
                f"{' and '.join(missing_en)}.",
                f"免疫固定电泳阴性,疗效至少为 VGPR;但判定 CR 还需要{'和'.join(missing_zh)}。",
                reason="CR needs marrow and plasmacytoma status", at_least="VGPR")
        if bm_plasma_cells.value < CR_BMPC_BELOW and not soft_tissue_plasmacytoma:
            if flc_ratio_normal and marrow_clonal_cells_absent:
                return result(
                    "sCR",
                    "Stringent complete response: negative immunofixation, marrow plasma cells below "
                    f"{write(CR_BMPC_BELOW)}%, no soft-tissue plasmacytoma, a normal FLC ratio and no clonal cells in "
                    "the marrow.",
                    f"严格意义的完全缓解:免疫固定电泳阴性,骨髓浆细胞 < {write(CR_BMPC_BELOW)}%,无软组织浆细胞瘤,FLC 比值正常,"
                    "骨髓无克隆性细胞。")
            unknown = flc_ratio_normal is None or marrow_clonal_cells_absent is None
            return result(
                "CR",
                "Complete response: negative serum and urine immunofixation, marrow plasma cells below "
                f"{write(CR_BMPC_BELOW)}% and no soft-tissue plasmacytoma."
                + (" Stringent CR was not assessed (give the FLC ratio and marrow clonality)." if unknown else ""),
                f"完全缓解:血清和尿液免疫固定电泳阴性,骨髓浆细胞 < {write(CR_BMPC_BELOW)}%,无软组织浆细胞瘤。"
                + ("未评估严格意义的完全缓解(请提供 FLC 比值及骨髓克隆性)。" if unknown else ""))
        note_en = " Immunofixation is negative, but the marrow or plasmacytoma criterion for CR is not met."
        note_zh = "免疫固定电泳阴性,但未满足 CR 的骨髓或浆细胞瘤标准。"

    # Only what was measurable at baseline is followed (kumar2016imwg): with urine-only
    # measurable disease the serum M-protein, present but below the measurable level, takes no part in
    # VGPR, PR or MR, which are then judged by their urine criteria alone ([DECISION]); it still counts
    # towards progression above.
    urine_only = bs < MEASURABLE_SERUM_AT_LEAST and bu >= MEASURABLE_URINE_AT_LEAST
    details["judged_on"] = "urine" if urine_only else "serum and urine"
    if urine_only:
        value = None  # the serum reduction is not the measure of this response

    def serum_reduced(level):
        if urine_only:
            return True
        return rs >= level if rs is not None else cs == 0

    urine_pr = (ru is not None and ru >= PR_URINE_REDUCTION) or cu < PR_URINE_BELOW
    urine_mr = urine_pr or (ru is not None and ru >= MR_URINE_REDUCTION)
    s_en, s_zh = ("no serum M-protein at baseline", "基线无血清 M 蛋白") if rs is None else \
        _change(rs, "serum M-protein", "血清 M 蛋白")
    u_en = f"urine {write(cu)} mg/24 h"
    u_zh = f"尿液 {write(cu)} mg/24 h"
    if ru is not None:
        c_en, c_zh = _change(ru, "", "")
        u_en += f" ({c_en.strip()})"
        u_zh += f"({c_zh})"
    what_en, what_zh = f"{s_en}, {u_en}", f"{s_zh},{u_zh}"
    if urine_only:
        ms, mu = write(MEASURABLE_SERUM_AT_LEAST), write(MEASURABLE_URINE_AT_LEAST)
        what_en = (f"urine {write(cu)} mg/24 h" + (f" ({_change(ru, '', '')[0].strip()})" if ru is not None else "")
                   + f"; judged on the urine M-protein alone, the only disease measurable at baseline (urine "
                   f"{write(bu)} mg/24 h, at least {mu}; serum {write(bs)} g/dL, below {ms} g/dL, is not followed "
                   "for response)")
        what_zh = (f"尿液 {write(cu)} mg/24 h" + (f"({_change(ru, '', '')[1]})" if ru is not None else "")
                   + f";仅依据尿 M 蛋白判断,它是基线时唯一可测量的病灶(尿液 {write(bu)} mg/24 h,≥ {mu};"
                   f"血清 {write(bs)} g/dL,低于 {ms} g/dL,不用于疗效评估)")

    if serum_reduced(VGPR_SERUM_REDUCTION) and cu < VGPR_URINE_BELOW:
        if cs == 0 and cu == 0 and immunofixation_negative is None:
            return result(
                "not-evaluable",
                "No M-protein is detectable by electrophoresis, so the response is at least VGPR; immunofixation "
                "(and, if negative, the marrow) is needed to tell VGPR from CR.",
                "电泳未检出 M 蛋白,疗效至少为 VGPR;需免疫固定电泳(若阴性还需骨髓检查)以区分 VGPR 与 CR。",
                reason="immunofixation needed to tell VGPR from CR", at_least="VGPR")
        return result("VGPR", f"Very good partial response: {what_en}.{note_en}",
                      f"非常好的部分缓解:{what_zh}。{note_zh}")
    if serum_reduced(PR_SERUM_REDUCTION) and urine_pr:
        return result("PR", f"Partial response: {what_en}.{note_en}", f"部分缓解:{what_zh}。{note_zh}")
    if serum_reduced(MR_SERUM_REDUCTION) and urine_mr:
        return result("MR", f"Minimal response: {what_en}.{note_en}", f"微小缓解:{what_zh}。{note_zh}")
    return result("SD", f"Stable disease (no response and no progression) by M-protein: {what_en}.{note_en} "
                  f"Judged on M-protein only: {NOT_ASSESSED_HERE['en']} were not assessed, and any of them can make "
                  "the disease progressive.",
                  f"按 M 蛋白判断为疾病稳定(未缓解亦未进展):{what_zh}。{note_zh}仅依据 M 蛋白判断:"
                  f"{NOT_ASSESSED_HERE['zh']}均未评估,其中任何一项均可判定为疾病进展。",
                  not_assessed=["bone lesions", "plasmacytomas", "marrow"])


def _bands():
    p = _pct
    rows = (
        ("sCR", "CR, and a normal FLC ratio and no clonal cells in the marrow", "CR,且 FLC 比值正常、骨髓无克隆性细胞"),
        ("CR", f"negative serum and urine immunofixation, no soft-tissue plasmacytoma, marrow plasma cells "
               f"< {write(CR_BMPC_BELOW)}%",
         f"血清和尿液免疫固定电泳阴性,无软组织浆细胞瘤,骨髓浆细胞 < {write(CR_BMPC_BELOW)}%"),
        ("VGPR", f"serum M-protein reduced ≥ {p(VGPR_SERUM_REDUCTION)}% and urine < {write(VGPR_URINE_BELOW)} mg/24 h "
                 "(includes M-protein seen only by immunofixation)",
         f"血清 M 蛋白下降 ≥ {p(VGPR_SERUM_REDUCTION)}% 且尿液 < {write(VGPR_URINE_BELOW)} mg/24 h(包括仅免疫固定电泳可检出者)"),
        ("PR", f"serum M-protein reduced ≥ {p(PR_SERUM_REDUCTION)}% and urine reduced ≥ {p(PR_URINE_REDUCTION)}% "
               f"or < {write(PR_URINE_BELOW)} mg/24 h",
         f"血清 M 蛋白下降 ≥ {p(PR_SERUM_REDUCTION)}%,且尿液下降 ≥ {p(PR_URINE_REDUCTION)}% 或 < {write(PR_URINE_BELOW)} mg/24 h"),
        ("MR", f"serum M-protein reduced ≥ {p(MR_SERUM_REDUCTION)}% (and < {p(PR_SERUM_REDUCTION)}%, or more when the "
               f"urine criterion of PR fails) and urine reduced ≥ {p(MR_URINE_REDUCTION)}%",
         f"血清 M 蛋白下降 ≥ {p(MR_SERUM_REDUCTION)}%(且 < {p(PR_SERUM_REDUCTION)}%,或尿液未达 PR 标准时更多),"
         f"且尿液下降 ≥ {p(MR_URINE_REDUCTION)}%"),
        ("SD", "none of the above and not PD", "不符合以上任何一项且非 PD"),
        ("PD", f"rise ≥ {p(PD_RISE)}% from the nadir with an absolute rise ≥ {write(PD_SERUM_ABSOLUTE)} g/dL in serum "
               f"or ≥ {write(PD_URINE_ABSOLUTE)} mg/24 h in urine; or, if the serum nadir was ≥ "
               f"{write(PD_HIGH_NADIR_FROM)} g/dL, a serum rise ≥ {write(PD_SERUM_ABSOLUTE_HIGH_NADIR)} g/dL alone",
         f"较最低值升高 ≥ {p(PD_RISE)}%,且血清绝对升高 ≥ {write(PD_SERUM_ABSOLUTE)} g/dL 或尿液绝对升高 "
         f"≥ {write(PD_URINE_ABSOLUTE)} mg/24 h;或血清最低值 ≥ {write(PD_HIGH_NADIR_FROM)} g/dL 时,血清升高 "
         f"≥ {write(PD_SERUM_ABSOLUTE_HIGH_NADIR)} g/dL 即可"),
    )
    return tuple(Band(text(en, zh), CATEGORY_LABELS[c], c) for c, en, zh in rows)


def _m(name, en, zh, analyte, required=True):
    return Input(name, text(en, zh), analyte=analyte, required=required)


CALCULATOR = Calculator(
    id=ID,
    title=text("IMWG response category", "IMWG 疗效评估"),
    function=imwg_response,
    equation="IMWG uniform response criteria (Kumar 2016)",
    purpose=text(
        "Assigns the IMWG response category from serum and urine M-protein, immunofixation and marrow results.",
        "根据血清和尿液 M 蛋白、免疫固定电泳及骨髓结果判定 IMWG 疗效类别。",
    ),
    when_to_use=text("At each response assessment during and after treatment, in measurable disease.",
                     "治疗期间及治疗后每次疗效评估时(可测量病灶)。"),
    inputs=(
        _m("baseline_serum_m", "Serum M-protein at baseline", "基线血清 M 蛋白", "serum_mprotein"),
        _m("current_serum_m", "Serum M-protein now", "当前血清 M 蛋白", "serum_mprotein"),
        _m("baseline_urine_m", "24-hour urine M-protein at baseline", "基线 24 小时尿 M 蛋白", "urine_mprotein"),
        _m("current_urine_m", "24-hour urine M-protein now", "当前 24 小时尿 M 蛋白", "urine_mprotein"),
        _m("nadir_serum_m", "Lowest confirmed serum M-protein (nadir)", "经确认的血清 M 蛋白最低值", "serum_mprotein", False),
        _m("nadir_urine_m", "Lowest confirmed urine M-protein (nadir)", "经确认的尿 M 蛋白最低值", "urine_mprotein", False),
        yes_no("immunofixation_negative", "Serum and urine immunofixation both negative", "血清和尿液免疫固定电泳均阴性",
               required=False),
        _m("bm_plasma_cells", "Bone-marrow plasma cells", "骨髓浆细胞比例", "percent", False),
        yes_no("soft_tissue_plasmacytoma", "A soft-tissue plasmacytoma is still present", "仍有软组织浆细胞瘤",
               required=False),
        yes_no("flc_ratio_normal", "Serum FLC ratio normal", "血清游离轻链比值正常", required=False),
        _m("baseline_involved_flc", "Involved free light chain at baseline (only if M-protein is not measurable)",
           "基线受累游离轻链(仅在 M 蛋白不可测量时)", "flc", False),
        yes_no("flc_ratio_abnormal_at_baseline", "FLC ratio abnormal at baseline", "基线游离轻链比值异常", unknown=True),
        _m("baseline_dflc", "dFLC at baseline (involved minus uninvolved FLC)", "基线游离轻链差值(受累减非受累游离轻链)",
           "flc", False),
        _m("current_dflc", "dFLC now", "当前游离轻链差值", "flc", False),
        _m("nadir_dflc", "Lowest confirmed dFLC (nadir)", "游离轻链差值最低确认值", "flc", False),
        yes_no("marrow_clonal_cells_absent", "No clonal plasma cells in the marrow (immunohistochemistry)",
               "骨髓免疫组化无克隆性浆细胞", required=False),
    ),
    output=Output(text("Serum M-protein reduction from baseline", "血清 M 蛋白较基线下降"), unit="%",
                  categories=tuple(Category(c, CATEGORY_LABELS[c], CATEGORY_TONES.get(c, "info")) for c in CATEGORY_IDS), edges=REDUCTION_EDGES),
    bands=_bands(),
    references=REFERENCES,
    recommendations=("RS-1",),
    decisions=(
        text(
            f"MR is {_pct(MR_SERUM_REDUCTION)}% ≤ serum reduction < {_pct(PR_SERUM_REDUCTION)}%, closing the sources' "
            "49–50% gap.",
            f"MR 定义为 {_pct(MR_SERUM_REDUCTION)}% ≤ 血清下降 < {_pct(PR_SERUM_REDUCTION)}%,以填补原文 49–50% 的空隙。",
        ),
        text(
            f"A serum reduction of {_pct(PR_SERUM_REDUCTION)}% or more whose urine fails the PR criterion is called MR "
            f"if the urine fell by at least {_pct(MR_URINE_REDUCTION)}%, otherwise SD: each category needs all of its "
            "criteria, and the best category whose criteria are all met is given. Likewise a urine reduction of "
            f"{_pct(PR_URINE_REDUCTION)}% or more (or urine below {write(PR_URINE_BELOW)} mg/24 h) satisfies the MR urine "
            "criterion.",
            f"血清下降 ≥ {_pct(PR_SERUM_REDUCTION)}% 但尿液未达 PR 标准时,若尿液下降 ≥ {_pct(MR_URINE_REDUCTION)}% 判为 MR,"
            f"否则判为 SD:每一类别须满足其全部标准,取全部标准均满足的最佳类别。同理,尿液下降 ≥ {_pct(PR_URINE_REDUCTION)}%"
            f"(或 < {write(PR_URINE_BELOW)} mg/24 h)也满足 MR 的尿液标准。",
        ),
        text(
            "If no nadir is given, the nadir is taken as the lower of baseline and current: give the nadir if the "
            f"M-protein was lower in between. A PD rise is inclusive (≥ {_pct(PD_RISE)}% and ≥ the absolute amount).",
            "未提供最低值时,以基线值与当前值中较低者作为最低值;若期间 M 蛋白曾更低,请提供最低值。"
            f"PD 的升高采用 ≥(≥ {_pct(PD_RISE)}% 且 ≥ 绝对值)。",
        ),
        text(
            f"When the serum nadir is {write(PD_HIGH_NADIR_FROM)} g/dL or more, a serum rise of at least "
            f"{write(PD_SERUM_ABSOLUTE_HIGH_NADIR)} g/dL is read as progression on its own, without the "
            f"{_pct(PD_RISE)}% relative rise (Kumar 2016 footnote: an increase of "
            f"{write(PD_SERUM_ABSOLUTE_HIGH_NADIR)} g/dL suffices at that level); a nadir of exactly "
            f"{write(PD_HIGH_NADIR_FROM)} g/dL counts.",
            f"血清最低值 ≥ {write(PD_HIGH_NADIR_FROM)} g/dL 时,血清升高至少 {write(PD_SERUM_ABSOLUTE_HIGH_NADIR)} g/dL "
            f"即判为进展,无需同时满足 {_pct(PD_RISE)}% 的相对升高(Kumar 2016 脚注:此时升高 "
            f"{write(PD_SERUM_ABSOLUTE_HIGH_NADIR)} g/dL 即足够);最低值恰为 {write(PD_HIGH_NADIR_FROM)} g/dL 时适用。",
        ),
        text(
            "Each result is from one assessment: IMWG requires confirmation on consecutive assessments, which the "
            "calculator cannot see. A baseline that is not measurable by M-protein (serum below "
            f"{write(MEASURABLE_SERUM_AT_LEAST)} g/dL and urine below {write(MEASURABLE_URINE_AT_LEAST)} mg/24 h) is "
            "not evaluable: the percentages define no response there. A baseline with no M-protein in serum or in "
            "urine is also flagged in the explanation.",
            "每个结果仅基于一次评估:IMWG 要求经连续评估确认,本计算器无法得知。基线按 M 蛋白不可测量(血清低于 "
            f"{write(MEASURABLE_SERUM_AT_LEAST)} g/dL 且尿液低于 {write(MEASURABLE_URINE_AT_LEAST)} mg/24 h)时结论为"
            "“无法评估”:此时变化百分比不能判定疗效。基线血清或尿液无 M 蛋白时,亦在说明中提示。",
        ),
        text(
            "With no M-protein at baseline in serum (urine-only disease), the serum criteria count as met while the serum "
            "stays at 0; with none in urine, the urine criteria are judged on the current urine value alone.",
            "若基线血清无 M 蛋白(仅尿液可测),血清保持为 0 时视为满足血清标准;若基线尿液无 M 蛋白,尿液标准仅按当前尿液值判断。",
        ),
        text(
            "CR and sCR need negative immunofixation, the marrow plasma-cell percentage and the plasmacytoma status; when "
            "electrophoresis shows no M-protein but these are missing, the answer is not evaluable (at least VGPR). "
            "Responses judged on FLC, marrow alone, plasmacytoma size, imaging or MRD are outside this calculator.",
            "CR 和 sCR 需免疫固定电泳阴性、骨髓浆细胞比例及浆细胞瘤状态;电泳未检出 M 蛋白但缺少上述结果时,结论为\u201c无法评估\u201d(至少 VGPR)。"
            "基于游离轻链、单纯骨髓、浆细胞瘤大小、影像学或 MRD 的疗效评估不在本计算器范围内。",
        ),
        text(
            f"Only what was measurable at baseline is followed: with urine-only measurable disease (urine M-protein "
            f"at least {write(MEASURABLE_URINE_AT_LEAST)} mg/24 h, serum below {write(MEASURABLE_SERUM_AT_LEAST)} g/dL) "
            f"VGPR is a urine M-protein below {write(VGPR_URINE_BELOW)} mg/24 h, PR a urine reduction of at least "
            f"{_pct(PR_URINE_REDUCTION)}% or to below {write(PR_URINE_BELOW)} mg/24 h, and MR a urine reduction of at least "
            f"{_pct(MR_URINE_REDUCTION)}%: the urine criteria of each category, without the serum one; a rise in the "
            "serum M-protein still counts towards progression.",
            f"只评估基线时可测量的指标:仅尿液可测量的病灶(尿 M 蛋白 ≥ {write(MEASURABLE_URINE_AT_LEAST)} mg/24 h,血清 "
            f"< {write(MEASURABLE_SERUM_AT_LEAST)} g/dL)中,VGPR 为尿 M 蛋白 < {write(VGPR_URINE_BELOW)} mg/24 h,PR 为尿液下降 "
            f"≥ {_pct(PR_URINE_REDUCTION)}% 或 < {write(PR_URINE_BELOW)} mg/24 h,MR 为尿液下降 ≥ {_pct(MR_URINE_REDUCTION)}%:"
            "即各类别的尿液标准,不含血清标准;血清 M 蛋白升高仍计入疾病进展。",
        ),
        text(
            "Disease measurable only by free light chains (neither M-protein measurable; involved FLC at least "
            f"{write(MEASURABLE_FLC_AT_LEAST)} mg/dL with an abnormal ratio) is judged on the difference between involved "
            f"and uninvolved FLC (dFLC): PR a fall of at least {_pct(FLC_PR_REDUCTION)}%, PD a rise of at least "
            f"{_pct(PD_RISE)}% from the nadir and of more than {write(PD_DFLC_ABSOLUTE_ABOVE)} mg/dL, otherwise stable "
            "disease; VGPR and CR are not judged from light chains here.",
            f"仅游离轻链可测量的病灶(M 蛋白均不可测量;受累游离轻链 ≥ {write(MEASURABLE_FLC_AT_LEAST)} mg/dL 且比值异常)"
            f"依据受累与非受累游离轻链差值(dFLC)判断:下降 ≥ {_pct(FLC_PR_REDUCTION)}% 为 PR,较最低值升高 ≥ "
            f"{_pct(PD_RISE)}% 且超过 {write(PD_DFLC_ABSOLUTE_ABOVE)} mg/dL 为 PD,其余为疾病稳定;此处不依据轻链判定 VGPR 和 CR。",
        ),
    ),
)
