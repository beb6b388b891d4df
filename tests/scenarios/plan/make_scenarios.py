"""Writes scenarios.json, the bone protection plan's clinical scenario library, from the rules of the
sources written out below (never from the package): each scenario holds a patient's inputs, the answer
class expected in each phase, the sources for that expectation and a one-line clinical reason.

Run it only when a rule of the sources changes (then review the diff of scenarios.json like any clinical
change): python tests/scenarios/plan/make_scenarios.py

Sources (fact sheet §§2–3, 12, 13): Zometa label (hypercalcaemia of malignancy ≥ 3.0 mmol/L, 12 mg/dL;
4 mg without renal reduction while creatinine < 4.5 mg/dL, 400 µmol/L; myeloma dose bands by CrCl; not
recommended below 30 mL/min); Xgeva label (denosumab 120 mg every 4 weeks; correct hypocalcaemia first;
pregnancy); Rajkumar 2014 (CRAB calcium above 2.75 mmol/L, 11 mg/dL); CTCAE v5.0 (below 2.0 mmol/L,
8.0 mg/dL, is hypocalcaemia); Society for Endocrinology 2016 (severe hypocalcaemia below 1.9 mmol/L or
symptomatic); Endocrine Society 2023 (calcitonin above 3.5 mmol/L, 14 mg/dL); IMWG 2021 and ASCO 2018
(duration and de-escalation); the interview (denosumab for high SRE risk or a wish for an injection).
"""

from __future__ import annotations

import json
import random
from fractions import Fraction
from pathlib import Path

HERE = Path(__file__).parent
MG_PER_MMOL = Fraction("4.008")

SRC = {
    "hcm": "Zometa label §1.1, §2.1 (fact sheet §12A): corrected calcium ≥ 3.0 mmol/L (12 mg/dL) is hypercalcaemia of malignancy, treated now",
    "hcm-dose": "Zometa label §2.1: 4 mg over ≥ 15 min without renal dose reduction while serum creatinine < 4.5 mg/dL (400 µmol/L)",
    "hcm-volume": "Zometa label; Endocrine Society 2023 (fact sheet §13A): saline only for a patient who can excrete it; dialysis with a low-calcium dialysate otherwise",
    "calcitonin": "Endocrine Society 2023 (fact sheet §13A): calcitonin with the bisphosphonate or denosumab when calcium > 14 mg/dL (3.5 mmol/L)",
    "severe-hypo": "Society for Endocrinology 2016 (fact sheet §13B): adjusted calcium < 1.9 mmol/L or symptomatic is severe hypocalcaemia, an emergency: IV calcium gluconate with ECG monitoring",
    "hypo": "CTCAE v5.0 (fact sheet §12B) and the Xgeva label: calcium below 2.0 mmol/L (8.0 mg/dL) or the laboratory's limit is corrected before the first dose",
    "crab": "Rajkumar 2014: calcium above 2.75 mmol/L (11 mg/dL) is hypercalcaemia; no supplements while high (project decision, fact sheet §3)",
    "albumin": "Fact sheet §13A: with very low albumin the corrected calcium is confirmed with an ionised calcium",
    "renal": "Zometa label / SmPC: zoledronic acid not recommended with CrCl < 30 mL/min; denosumab not renally cleared (Xgeva label)",
    "bands": "Zometa label renal dose table: > 60 mL/min 4.0 mg; 50–60 3.5 mg; 40–49 3.3 mg; 30–39 3.0 mg",
    "start": "IMWG 2021, the interview: bone protection starts with anti-myeloma therapy in active myeloma",
    "not-active": "IMWG 2021: the plan is for active myeloma; smouldering myeloma and MGUS are outside it",
    "onj": "Labels and IMWG 2021 (fact sheet §13D): active osteonecrosis of the jaw holds bone-targeted therapy until it heals",
    "pregnancy": "Xgeva label §5, §8; Zometa label (fact sheet §13C): no denosumab or zoledronic acid in pregnancy; verify status first",
    "duration": "IMWG 2021, ASCO 2018 (fact sheet §13D): review at 12 months, de-escalate at ≥ VGPR, reconsider at 2 years",
    "interview": "The interview: denosumab for patients at high risk of skeletal-related events or who want an injection",
    "clearance": "Zometa label: the dose is set by the creatinine clearance; without it the agent waits",
    "unknown": "Safe by default (hazard log HZ-7): an unanswered question that changes the answer is asked, never read as no",
    "symptoms": "Society for Endocrinology 2016 (fact sheet §13B): symptoms of hypocalcaemia are an emergency; the calcium is measured now",
    "za-creatinine": "Zometa label (fact sheet §13E): the trials excluded serum creatinine above 3.0 mg/dL (265 µmol/L); not recommended with CrCl < 30 mL/min",
    "aki": "Cockcroft and Gault 1976 (fact sheet §12C): a clearance during acute kidney injury does not set a bisphosphonate dose",
    "lln": "Fact sheet §12B: between 2.0 mmol/L (8.0 mg/dL) and the laboratory's lower limit, the limit decides: with symptoms it is asked for at once",
    "cockcroft": "Cockcroft and Gault 1976: clearance = (140 − age) × weight / (72 × creatinine in mg/dL), × 0.85 for a woman",
}

CALCIUM = {  # name: (value, unit)
    "normal": ("2.30", "mmol/L"), "crab-low-edge": ("2.76", "mmol/L"), "crab": ("2.99", "mmol/L"),
    "crab-mg": ("11.1", "mg/dL"), "hcm-edge": ("3.0", "mmol/L"), "hcm": ("3.2", "mmol/L"),
    "hcm-mg": ("12", "mg/dL"), "hcm-3.5": ("3.5", "mmol/L"), "hcm-severe": ("3.6", "mmol/L"),
    "hcm-severe-mg": ("14.1", "mg/dL"), "hypo-g2": ("1.95", "mmol/L"), "hypo-edge": ("1.9", "mmol/L"),
    "hypo-severe": ("1.89", "mmol/L"), "hypo-g4": ("1.2", "mmol/L"), "hypo-g3-mg": ("6.9", "mg/dL"),
    "hypo-mg": ("7.9", "mg/dL"), "not-low-mg": ("8.0", "mg/dL"), "none": None,
}
RENAL = {  # name: inputs
    "crcl-80": {"crcl": "80 mL/min"}, "crcl-60": {"crcl": "60 mL/min"}, "crcl-48": {"crcl": "48 mL/min"},
    "crcl-35": {"crcl": "35 mL/min"}, "crcl-30": {"crcl": "30 mL/min"}, "crcl-29.9": {"crcl": "29.9 mL/min"},
    "crcl-10-dialysis": {"crcl": "10 mL/min", "dialysis": True}, "dialysis-only": {"dialysis": True},
    "none": {},
}


def mmol(ca):
    v, u = Fraction(ca[0]), ca[1]
    return v if u == "mmol/L" else v / MG_PER_MMOL


def is_hcm(ca):
    return ca is not None and Fraction(ca[0]) >= (3 if ca[1] == "mmol/L" else 12)


def is_high(ca):
    return ca is not None and Fraction(ca[0]) > (Fraction("2.75") if ca[1] == "mmol/L" else 11)


def is_low(ca):
    return ca is not None and Fraction(ca[0]) < (2 if ca[1] == "mmol/L" else 8)


def is_severe_low(ca, symptoms):
    return ca is not None and is_low(ca) and (mmol(ca) < Fraction("1.9") or symptoms is True)


def expect(p: dict) -> tuple[dict, list[str], list[str]]:
    """The expected answer, by phase, from the rules of the sources; the sources and the reasons."""
    ca = p.get("_ca")
    sym = p.get("hypocalcaemia_symptoms")
    crcl = p.get("crcl")
    crcl_v = Fraction(crcl.split()[0]) if crcl else None
    if crcl is None and all(k in p for k in ("age", "weight", "creatinine", "sex")):
        cr = Fraction(p["creatinine"].split()[0])
        cr = cr if p["creatinine"].endswith("mg/dL") else cr / Fraction("88.4")
        crcl_v = (140 - p["age"]) * Fraction(p["weight"].split()[0]) / (72 * cr)
        crcl_v *= Fraction("0.85") if p["sex"] == "female" else 1
    dialysis = p.get("dialysis")
    severe_renal = dialysis is True or (crcl_v is not None and crcl_v < 30)
    active = p.get("active_mm")
    cur = p.get("current_agent")
    src, why = [], []
    now = []
    hcm = is_hcm(ca)
    severe_hypo = is_severe_low(ca, sym)
    unclear = (ca is not None and sym is True and not is_low(ca) and not is_high(ca) and "calcium_lln" not in p)
    if (ca is None and sym is True) or unclear:
        now.append("symptoms-measure-calcium")
        src.append(SRC["symptoms"] if ca is None else SRC["lln"])
        why.append("symptoms of hypocalcaemia: calcium (or its lower limit) now")
    if severe_hypo:
        now.append("severe-hypocalcaemia")
        src.append(SRC["severe-hypo"])
        why.append("severe hypocalcaemia: IV calcium gluconate now")
    if hcm:
        now.append("hcm-urgent")
        src += [SRC["hcm"], SRC["hcm-volume"]]
        why.append("hypercalcaemia of malignancy treated now")
        if Fraction(ca[0]) > (Fraction("3.5") if ca[1] == "mmol/L" else 14):
            src.append(SRC["calcitonin"])
    alb = p.get("albumin")
    if alb and Fraction(alb.split()[0]) < (25 if alb.endswith("g/L") and "dL" not in alb else Fraction("2.5")) and (
            hcm or is_high(ca) or is_low(ca)):
        now.append("confirm-ionised-calcium")
        src.append(SRC["albumin"])
    exp = {"now": now, "forbid": [], "require_pending": [], "phases_in_order": True}
    if hcm or is_high(ca):
        exp["forbid"].append("calcium-vitamin-d")
        if not hcm:
            src.append(SRC["crab"])
    if active is True:
        if severe_renal:
            fav = "denosumab"
            src.append(SRC["renal"])
            why.append("severe renal impairment: denosumab")
        elif crcl_v is None:
            fav = None
            src.append(SRC["clearance"])
            why.append("no clearance: the agent waits")
        elif p.get("high_sre_risk") is True or p.get("prefers_subcutaneous") is True:
            fav = "denosumab"
            src.append(SRC["interview"])
        else:
            fav = "zoledronic-acid"
            src.append(SRC["bands"])
        continuing = cur in ("zoledronic-acid", "denosumab", "pamidronate")
        if continuing:
            fav = cur
            src.append(SRC["duration"])
            why.append(f"already on {cur}")
        exp["favoured"] = fav
        cr = p.get("creatinine")
        cr_high = cr is not None and Fraction(cr.split()[0]) > (3 if cr.endswith("mg/dL") else 265)
        bp = fav in ("zoledronic-acid", "pamidronate")
        if severe_hypo or hcm or (ca is None and sym is True) or unclear:
            cat = "urgent-first"
        elif bp and (cr_high or (continuing and severe_renal)):
            cat = "hold"
            src.append(SRC["za-creatinine"])
            why.append("bisphosphonate held: creatinine above the trials' limit or severe renal impairment")
        elif bp and not continuing and p.get("creatinine_stable") is False and not (
                is_low(ca) or p.get("onj") in ("active", "previous") or p.get("pregnancy_possible") is True):
            cat = "hold"
            src.append(SRC["aki"])
            why.append("acute kidney injury: the bisphosphonate waits")
        elif is_low(ca) or p.get("onj") in ("active", "previous") or p.get("pregnancy_possible") is True or (
                crcl_v is None and dialysis is not True):
            cat = "hold"
        elif continuing:
            cat = "continue"
        else:
            cat = "start-now"
            src.append(SRC["start"])
        if is_low(ca):
            exp["require_pending"].append("correct-hypocalcaemia")
            if not severe_hypo:
                src.append(SRC["hypo"])
                why.append("hypocalcaemia corrected before the first dose")
        if p.get("onj") in ("active", "previous"):
            exp["require_pending"].append("onj")
            src.append(SRC["onj"])
            why.append(f"{p['onj']} osteonecrosis of the jaw: hold")
        if p.get("pregnancy_possible") is True:
            exp["require_pending"].append("pregnancy")
            src.append(SRC["pregnancy"])
            why.append("pregnancy possible: hold")
        if severe_renal and not continuing:
            exp["forbid"].append("za-duration")
        if not continuing and fav is not None and p.get("dental_exam_done") is not True:
            exp["require_pending"].append("dental")
        if continuing:
            exp["forbid"].append("dental")
    elif active is False:
        cat = "urgent-first" if (severe_hypo or hcm or (ca is None and sym is True) or unclear) else "not-indicated"
        exp["favoured"] = None
        src.append(SRC["not-active"])
        why.append("not active myeloma: outside the plan")
        exp["forbid"].append("dental")
    else:
        cat = "urgent-first" if (severe_hypo or hcm or (ca is None and sym is True) or unclear) else "find-out-first"
        exp["favoured"] = None
        src.append(SRC["unknown"])
        why.append("active myeloma not known: asked")
        exp["forbid"].append("dental")
    exp["category"] = cat
    if cat in ("urgent-first", "hold"):
        exp["forbid"].append("start-now-text")
    return exp, src, why


def describe(p: dict) -> str:
    parts = []
    for k, v in p.items():
        if k.startswith("_"):
            continue
        parts.append(f"{k}={v if not isinstance(v, bool) else ('yes' if v else 'no')}")
    return ", ".join(parts)


# A clearance and a creatinine that cannot belong to one adult are refused (hazard log: the impossible pair):
# by Cockcroft-Gault no adult has clearance x creatinine (mg/dL) above that of an 18-year-old man of 150 kg.
PAIR_LIMIT = Fraction(140 - 18) * 150 / 72


def impossible_pair(p: dict) -> bool:
    crcl, cr = p.get("crcl"), p.get("creatinine")
    if not crcl or not cr or any(k in p for k in ("age", "weight", "sex")):
        return False
    v = Fraction(cr.split()[0].replace("mg/dL", "").replace("µmol/L", ""))
    mg = v if "mg/dL" in cr else v / Fraction("88.4")
    return Fraction(crcl.split()[0].replace("mL/min", "")) * mg > PAIR_LIMIT


def scenario(sid: str, p: dict, note: str = "") -> dict:
    if impossible_pair(p):
        inputs = {k: v for k, v in p.items() if not k.startswith("_")}
        reason = (note + " (" if note else "") + "a clearance and a creatinine no adult can have together: asked, not answered" + (")" if note else "")
        return {"id": sid, "inputs": inputs, "expected": {"refused": "crcl"},
                "sources": [SRC["cockcroft"]], "reason": reason}
    exp, src, why = expect(p)
    inputs = {k: v for k, v in p.items() if not k.startswith("_")}
    reason = "; ".join(why) or "routine start"
    if note:
        reason = note + " (" + reason + ")"
    return {"id": sid, "inputs": inputs, "expected": exp, "sources": src, "reason": reason}


def with_calcium(p, name):
    ca = CALCIUM[name]
    p = dict(p)
    if ca is not None:
        p["corrected_calcium"] = f"{ca[0]} {ca[1]}"
        p["_ca"] = ca
    return p


def main():
    out = []
    # the reproducers of issue 22 that concern the plan
    out.append(scenario("issue22-hcm-on-dialysis", with_calcium(
        {"active_mm": True, "crcl": "10 mL/min", "dialysis": True, "creatinine": "600 µmol/L",
         "creatinine_stable": True}, "hcm") | {"corrected_calcium": "3.3 mmol/L", "_ca": ("3.3", "mmol/L")},
        "Hypercalcaemia on dialysis: no saline load, low-calcium dialysate and denosumab named"))
    out.append(scenario("issue22-two-doses-at-once", with_calcium(
        {"active_mm": True, "crcl": "48 mL/min", "creatinine": "1.4 mg/dL"}, "hcm"),
        "CrCl 48 with calcium 3.2 mmol/L: the acute 4 mg dose now, maintenance 3.3 mg not today"))
    out.append(scenario("issue22-calcium-and-creatinine-only",
                        {"corrected_calcium": "3.5 mmol/L", "_ca": ("3.5", "mmol/L"), "creatinine": "2.0 mg/dL"},
                        "Calcium and creatinine alone decide the hypercalcaemia dose"))
    out.append(scenario("issue22-calcium-alone", {"corrected_calcium": "3.2 mmol/L", "_ca": ("3.2", "mmol/L")},
                        "Calcium alone gives the hypercalcaemia advice"))
    out.append(scenario("issue22-severe-hypercalcaemia-calcitonin",
                        with_calcium({"active_mm": True, "crcl": "70 mL/min", "creatinine": "1.0 mg/dL"}, "hcm-severe"),
                        "Calcium above 3.5 mmol/L: calcitonin named"))
    out.append(scenario("issue22-grade-4-hypocalcaemia",
                        with_calcium({"active_mm": True, "crcl": "60 mL/min"}, "hypo-g4"),
                        "Grade 4 hypocalcaemia (1.2 mmol/L) is an emergency, not a before-the-first-dose item"))
    out.append(scenario("issue22-low-albumin", with_calcium(
        {"active_mm": True, "crcl": "70 mL/min", "creatinine": "1.0 mg/dL", "albumin": "22 g/L"}, "hcm"),
        "Albumin below 25 g/L: confirm with ionised calcium"))
    out.append(scenario("issue22-pregnancy-woman-35", {
        "active_mm": True, "age": 35, "weight": "60 kg", "creatinine": "0.7 mg/dL", "sex": "female",
        "high_sre_risk": True}, "A woman of 35 starting denosumab: the pregnancy check before the first dose"))
    out[-1]["expected"]["favoured"] = "denosumab"
    out[-1]["expected"]["require_pending"].append("pregnancy")
    out.append(scenario("issue22-active-onj", {"active_mm": True, "crcl": "70 mL/min", "onj": "active"},
                        "Active osteonecrosis of the jaw: never Start now"))
    out.append(scenario("issue22-24-months-in-remission", {
        "active_mm": True, "crcl": "70 mL/min", "current_agent": "zoledronic-acid", "months_on_agent": 24,
        "response": "vgpr-or-better"}, "24 months of zoledronic acid in VGPR: review and de-escalation, not Start now"))
    out.append(scenario("issue22-hcm-and-severe-renal-supplements", with_calcium(
        {"active_mm": True, "crcl": "20 mL/min", "creatinine": "3.0 mg/dL"}, "hcm"),
        "Hypercalcaemia with severe renal impairment: no calcium or active vitamin D advice anywhere"))

    # the adversarial review of the plan (review 22): every answer it found unacceptable, as a scenario
    def review(pid, raw, note, require_pending=(), require_actions=()):
        p = {}
        for tok in raw.split():
            k, v = tok.split("=", 1)
            if v in ("yes", "no"):
                v = v == "yes"
            elif k in ("age", "months_on_agent"):
                v = int(v)
            elif k not in ("current_agent", "onj", "response"):
                for u in ("mmol/L", "mg/dL", "umol/L", "kg", "mL/min"):
                    if v.endswith(u):
                        v = v[:-len(u)] + " " + (u if u != "umol/L" else "µmol/L")
            p[k] = v
        if "corrected_calcium" in p:
            num, unit = p["corrected_calcium"].split()
            p["_ca"] = (num, unit)
        sc = scenario(f"review22-{pid}", p, note)
        if "refused" in sc["expected"]:
            out.append(sc)
            return
        sc["expected"]["require_pending"] += [x for x in require_pending if x not in sc["expected"]["require_pending"]]
        sc["expected"]["require_actions"] = list(require_actions)
        out.append(sc)

    base = ("active_mm=yes sex=male age=68 weight=75kg dialysis=no oliguria=no heart_failure=no creatinine_stable=yes "
            "onj=none pregnancy_possible=no")
    review("P25", base + " current_agent=none dental_exam_done=yes creatinine=1.0mg/dL corrected_calcium=2.05mmol/L "
           "hypocalcaemia_symptoms=yes", "Symptoms of hypocalcaemia with calcium 2.05 mmol/L and no lower limit: asked at once",
           require_actions=["symptoms-measure-calcium"])
    review("P142", base + " current_agent=none dental_exam_done=yes creatinine=1.0mg/dL vitamin_d_known=yes "
           "corrected_calcium=2.15mmol/L hypocalcaemia_symptoms=yes", "Symptoms with calcium 2.15 mmol/L, no lower limit",
           require_actions=["symptoms-measure-calcium"])
    review("P72", "active_mm=yes sex=male age=66 weight=80kg dialysis=no oliguria=no heart_failure=no creatinine_stable=yes "
           "current_agent=zoledronic-acid onj=none dental_exam_done=yes creatinine=3.5mg/dL corrected_calcium=2.4mmol/L "
           "vitamin_d_known=yes pregnancy_possible=no months_on_agent=13 response=vgpr-or-better",
           "On zoledronic acid, creatinine now 3.5 mg/dL (CrCl 23): held for nephrology, not continued")
    review("P89", "active_mm=yes dialysis=no oliguria=no heart_failure=no creatinine_stable=yes current_agent=none onj=none "
           "dental_exam_done=yes corrected_calcium=2.4mmol/L vitamin_d_known=yes pregnancy_possible=no creatinine=5mg/dL "
           "crcl=80mL/min", "Creatinine 5 mg/dL beside a clearance of 80: the bisphosphonate held, the pair to be confirmed")
    review("P30", base + " current_agent=denosumab dental_exam_done=yes creatinine=1.0mg/dL corrected_calcium=1.7mmol/L "
           "hypocalcaemia_symptoms=no months_on_agent=3 response=less-than-vgpr",
           "Severe hypocalcaemia on denosumab: the next dose held, not continued")
    review("P32", base + " current_agent=none dental_exam_done=yes creatinine=1.0mg/dL corrected_calcium=8.0mg/dL "
           "hypocalcaemia_symptoms=no", "Calcium 8.0 mg/dL with no lower limit: the limit checked before the first dose",
           require_pending=["check-calcium-lln"])
    review("P44", "active_mm=yes sex=female age=32 weight=60kg dialysis=no oliguria=no heart_failure=no creatinine_stable=yes "
           "current_agent=none onj=none dental_exam_done=yes creatinine=0.7mg/dL corrected_calcium=3.3mmol/L "
           "vitamin_d_known=yes pregnancy_possible=yes", "Possible pregnancy with hypercalcaemia: pregnancy verified before the drug",
           require_pending=["pregnancy"])
    review("P54", "active_mm=yes sex=male age=66 weight=80kg dialysis=no oliguria=no heart_failure=no creatinine_stable=yes "
           "current_agent=none onj=active dental_exam_done=yes creatinine=1.0mg/dL corrected_calcium=3.4mmol/L "
           "vitamin_d_known=yes pregnancy_possible=no", "Active ONJ with hypercalcaemia: the drug weighed with the dental team, "
           "maintenance on hold", require_pending=["onj"])
    review("P71", base.replace("age=68 weight=75kg", "age=66 weight=80kg") + " current_agent=unknown dental_exam_done=yes "
           "creatinine=1.0mg/dL corrected_calcium=2.4mmol/L vitamin_d_known=yes",
           "Current agent unknown: asked before the first dose", require_pending=["ask-current-therapy"])
    review("P73", "active_mm=yes sex=male age=66 weight=80kg dialysis=no oliguria=no heart_failure=no creatinine_stable=yes "
           "current_agent=zoledronic-acid onj=none dental_exam_done=yes creatinine=2.0mg/dL corrected_calcium=2.4mmol/L "
           "vitamin_d_known=yes pregnancy_possible=no months_on_agent=6 response=less-than-vgpr",
           "On zoledronic acid, creatinine 2.0 mg/dL: the rise rule against baseline before the next dose, no new band",
           require_pending=["renal-check-before-dose"])
    review("P74", "active_mm=no sex=male age=66 weight=80kg dialysis=no oliguria=no heart_failure=no creatinine_stable=yes "
           "current_agent=denosumab onj=none dental_exam_done=yes creatinine=1.0mg/dL corrected_calcium=2.4mmol/L "
           "vitamin_d_known=yes pregnancy_possible=no months_on_agent=24 response=vgpr-or-better",
           "On denosumab, outside the plan: never stopped without a plan", require_actions=["denosumab-stop-warning"])
    review("P93", "active_mm=yes sex=male age=80 weight=72kg dialysis=no oliguria=no heart_failure=no creatinine_stable=no "
           "current_agent=none onj=none dental_exam_done=yes corrected_calcium=2.4mmol/L vitamin_d_known=yes "
           "pregnancy_possible=no creatinine=1.0mg/dL", "Acute kidney injury: the bisphosphonate held, not Start now",
           require_pending=["provisional-clearance"])
    for pid, cr, ca in (("P95", "4.5mg/dL", "3.2mmol/L"), ("P96", "4.4mg/dL", "3.2mmol/L")):
        review(pid, f"active_mm=yes sex=male age=20 weight=150kg dialysis=no oliguria=no heart_failure=no "
               f"creatinine_stable=yes current_agent=none onj=none dental_exam_done=yes corrected_calcium={ca} "
               f"vitamin_d_known=yes pregnancy_possible=no creatinine={cr}",
               f"Creatinine {cr} with hypercalcaemia: the acute step by the label, maintenance zoledronic acid held")
    for pid, cr in (("P97", "3.2mg/dL"), ("P98", "280umol/L")):
        review(pid, f"active_mm=yes sex=male age=45 weight=110kg dialysis=no oliguria=no heart_failure=no "
               f"creatinine_stable=yes current_agent=none onj=none dental_exam_done=yes corrected_calcium=2.4mmol/L "
               f"vitamin_d_known=yes pregnancy_possible=no creatinine={cr}",
               f"Creatinine {cr} (above 3.0 mg/dL) at a first start: zoledronic acid held")
    review("P99", "active_mm=yes sex=male age=45 weight=110kg dialysis=no oliguria=no heart_failure=no creatinine_stable=yes "
           "current_agent=zoledronic-acid onj=none dental_exam_done=yes corrected_calcium=2.4mmol/L vitamin_d_known=yes "
           "pregnancy_possible=no months_on_agent=8 response=less-than-vgpr creatinine=3.4mg/dL",
           "On zoledronic acid with creatinine 3.4 mg/dL: held, not continued")
    review("P124", "active_mm=yes sex=male age=70 weight=70kg dialysis=no oliguria=no heart_failure=no creatinine_stable=yes "
           "current_agent=zoledronic-acid onj=none dental_exam_done=yes creatinine=1.0mg/dL corrected_calcium=3.3mmol/L "
           "vitamin_d_known=yes pregnancy_possible=no months_on_agent=6 response=less-than-vgpr",
           "Hypercalcaemia on monthly zoledronic acid: the 7-day interval, denosumab and progression named")

    # a systematic library: calcium states × renal states × the other answers, each with its expectation
    rng = random.Random(22)
    n = 0
    for cname in CALCIUM:
        for rname in RENAL:
            p = dict(RENAL[rname])
            p["active_mm"] = rng.choice([True, True, True, False, None])
            p = with_calcium(p, cname)
            if rng.random() < 0.5:
                p["creatinine"] = rng.choice(["1.0 mg/dL", "4.49 mg/dL", "4.5 mg/dL", "399 µmol/L", "400 µmol/L"])
            for k in ("oliguria", "heart_failure", "hypocalcaemia_symptoms", "pregnancy_possible",
                      "dental_exam_done", "high_sre_risk", "prefers_subcutaneous"):
                if rng.random() < 0.3:
                    p[k] = rng.choice([True, False])
            if rng.random() < 0.15:
                p["onj"] = rng.choice(["none", "previous", "active"])
            if rng.random() < 0.15:
                p["current_agent"] = rng.choice(["none", "zoledronic-acid", "denosumab"])
                p["months_on_agent"] = rng.choice([6, 12, 24])
                p["response"] = rng.choice(["vgpr-or-better", "less-than-vgpr"])
            if rng.random() < 0.1:
                p["albumin"] = rng.choice(["22 g/L", "30 g/L"])
            n += 1
            out.append(scenario(f"grid-{cname}-{rname}", p))
    data = {"calculator": "bone-protection-plan",
            "about": ("Clinical scenarios for the bone protection plan: inputs, the expected answer class per "
                      "phase (category; the now phase in order of danger; the maintenance agent; what must be "
                      "done before its first dose; what must not appear), the sources of the expectation and a "
                      "one-line reason. Written by make_scenarios.py from the sources' rules, not from the package."),
            "scenarios": out}
    (HERE / "scenarios.json").write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(len(out), "scenarios")


if __name__ == "__main__":
    main()
