"""The bone protection plan's hazards as properties over the whole input space.

Each property is a statement about every answer the plan can give (inputs → result, the answer box,
its sections and the clinical note, in English and in Chinese), not about one example. It is checked
over a grid built from every input's edges (each threshold and its neighbours, both units, "unknown",
not given), using every 3-way combination of input values (a covering array, built below) plus seeded
random patients. An input refused with an InputError is an acceptable outcome for every property.

The hazard log (docs/safety.md) names each property as the evidence of its mitigation. Thresholds are
the published ones, typed here from the sources (fact sheet §12–13), never read from the package:
hypercalcaemia of malignancy at ≥ 3.0 mmol/L (12 mg/dL, Zometa label); CRAB hypercalcaemia above
2.75 mmol/L (11 mg/dL, Rajkumar 2014); severe hypocalcaemia below 1.9 mmol/L or symptomatic (Society
for Endocrinology); CTCAE grade 3–4 below 1.75 mmol/L (7.0 mg/dL).
"""

from __future__ import annotations

import itertools
import operator
import random
import re
from fractions import Fraction

import pytest

import mmguide
from mmguide import InputError
from mmguide.presentation import note, view

PLAN = "bone-protection-plan"

# --- the grid: every input's edges --------------------------------------------------------------------

LEVELS = {
    "active_mm": [True, False, None, "unknown"],
    # the clearance: given (each side of 30 and of the dose bands), not given, or computed (Cockcroft-Gault)
    "renal": [None, "10 mL/min", "29.9 mL/min", "30 mL/min", "39.9 mL/min", "60 mL/min", "60.1 mL/min", "80 mL/min",
              "cg-female-35", "cg-male-70", "cg-partial"],
    "dialysis": [True, False, None],
    "corrected_calcium": [None, "1.2 mmol/L", "1.74 mmol/L", "1.75 mmol/L", "1.89 mmol/L", "1.9 mmol/L",
                          "1.99 mmol/L", "2.0 mmol/L", "2.3 mmol/L", "2.76 mmol/L", "2.99 mmol/L", "3.0 mmol/L",
                          "3.5 mmol/L", "3.51 mmol/L", "6.9 mg/dL", "7.6 mg/dL", "8.0 mg/dL", "11.1 mg/dL",
                          "12 mg/dL", "14.1 mg/dL"],
    "calcium_lln": [None, "2.10 mmol/L"],
    "calcium_uln": [None, "2.60 mmol/L"],
    "creatinine": [None, "1.0 mg/dL", "4.49 mg/dL", "4.5 mg/dL", "399 µmol/L", "400 µmol/L"],
    "creatinine_stable": [True, False, None],
    "oliguria": [True, False, None],
    "heart_failure": [True, False, None],
    "hypocalcaemia_symptoms": [True, False, None],
    "albumin": [None, "24.9 g/L", "25 g/L", "2.4 g/dL"],
    "pregnancy_possible": [True, False, None],
    "onj": [None, "none", "previous", "active", "unknown"],
    "current_agent": [None, "none", "zoledronic-acid", "denosumab", "pamidronate", "unknown"],
    "months_on_agent": [None, 11, 12, 23, 24],
    "response": [None, "vgpr-or-better", "less-than-vgpr", "unknown"],
    "dental_exam_done": [True, False, None],
    "high_sre_risk": [True, False, None],
    "prefers_subcutaneous": [True, False, None],
    "vitamin_d_known": [True, False, None],
}
FACTORS = list(LEVELS)
_RENAL = {
    "cg-female-35": {"age": 35, "weight": "60 kg", "sex": "female"},  # creatinine from its own factor
    "cg-male-70": {"age": 70, "weight": "80 kg", "sex": "male"},
    "cg-partial": {"age": 35, "sex": "female"},  # weight not given: the clearance is asked for
}


def inputs_of(row: dict) -> dict:
    """A grid row as the plan's inputs (a value None is "not given")."""
    out = {}
    for k, v in row.items():
        if v is None:
            continue
        if k == "renal":
            if v in _RENAL:
                out.update(_RENAL[v])
                if v != "cg-partial" and row.get("creatinine") is None:
                    out["creatinine"] = "1.0 mg/dL"
            else:
                out["crcl"] = v
        else:
            out[k] = v
    return out


def covering_array(levels: dict, strength: int = 3, seed: int = 2026) -> list[dict]:
    """Rows that together contain every combination of *strength* input values (a covering array).

    Greedy: for each combination not yet covered, a row is built with it and the other inputs chosen,
    among a few random candidates, to cover the most combinations not yet covered."""
    rng = random.Random(seed)
    names = list(levels)
    index = {n: i for i, n in enumerate(names)}
    # each group of *strength* (≥ 2) inputs with what picks its values out of a row as a tuple (in C)
    groups = [(g, operator.itemgetter(*g)) for g in itertools.combinations(range(len(names)), strength)]
    uncovered = set()
    for g, _ in groups:
        for vals in itertools.product(*(range(len(levels[names[i]])) for i in g)):
            uncovered.add((g, vals))

    def covers(row):
        return [(g, pick(row)) for g, pick in groups]

    rows = []
    for g, vals in sorted(uncovered, key=repr):
        if (g, vals) not in uncovered:
            continue
        best, gain = None, -1
        for _ in range(6):
            row = [rng.randrange(len(levels[n])) for n in names]
            for i, v in zip(g, vals):
                row[i] = v
            c = len(uncovered.intersection(covers(row)))
            if c > gain:
                best, gain = row, c
        uncovered.difference_update(covers(best))
        rows.append({n: levels[n][best[index[n]]] for n in names})
    return rows


def random_rows(n: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    return [{k: rng.choice(v) for k, v in LEVELS.items()} for _ in range(n)]


# --- reading a result -------------------------------------------------------------------------------

def _ca_mmol(inputs) -> Fraction | None:
    """The corrected calcium in mmol/L (4.008 mg/dL per mmol/L), typed here from the sources."""
    raw = inputs.get("corrected_calcium")
    if raw is None:
        return None
    num, unit = raw.split()
    v = Fraction(num)
    return v if unit == "mmol/L" else v / Fraction("4.008")


def _texts(d: dict, views: dict, notes: dict, lang: str) -> list[str]:
    """Every sentence a reader of *lang* can see: the explanation, each action, each agent's dose and
    reasons, the answer box, the sections and the note."""
    out = [d["explanation"][lang]]
    out += [a["text"][lang] for a in d["actions"]]
    for a in d["agents"]:
        out += [r[lang] for r in a["reasons"]]
        if a["dose"]:
            out.append(a["dose"][lang])
    v = views[lang]
    ans = v["answer"]
    out += [ans["headline"] or "", ans.get("subheadline") or "", ans.get("label") or ""] + list(ans["lines"])
    for u in ans["urgent"] + ans["checklist"]:
        out += [u["text"], u.get("more") or ""]
    for s in v["sections"]:
        for i in s.get("items", []):
            out += [i["text"]] + list(i.get("details", []))
    out.append(notes[lang])
    return out


def _sentences(texts: list[str]) -> list[str]:
    out = []
    for t in texts:
        out += [s for s in re.split(r"(?<=[.;:])\s+|[。;\n]", t) if s.strip()]
    return out


_EN_NEG = ("no calcium", "no vitamin d", "not ", "none ", "do not", "no longer", "without", "once ")
_EN_ADVICE = re.compile(r"\b(give|supplement\w*|daily|as needed|correct any deficiency)\b|calcium and vitamin d\.?$")


def supplement_advice(sentences: list[str], lang: str) -> list[str]:
    """Sentences that advise calcium or vitamin D (a supplement), without saying not to give it."""
    bad = []
    for s in sentences:
        low = s.lower().strip()
        if lang == "en":
            if ("calcium" in low or "vitamin d" in low) and _EN_ADVICE.search(low) and not any(n in low for n in _EN_NEG):
                bad.append(s)
        else:
            if ("钙" in s or "维生素 D" in s) and "补充" in s and not any(
                    n in s for n in ("不补充", "不予", "暂停", "不再升高后", "期间不", "血钙不高")):
                bad.append(s)
    return bad


_SALINE_QUALIFIED_EN = ("no saline load", "only if", "only cautiously", "if the patient passes urine",
                        "saline first if passing urine")
_SALINE_QUALIFIED_ZH = ("不予生理盐水负荷", "仅在", "谨慎", "如患者有尿", "有尿者")


def unqualified_saline(sentences: list[str], lang: str) -> list[str]:
    if lang == "en":
        return [s for s in sentences if "saline" in s.lower() and not any(q in s.lower() for q in _SALINE_QUALIFIED_EN)]
    return [s for s in sentences if "生理盐水" in s and not any(q in s for q in _SALINE_QUALIFIED_ZH)]


def run(row: dict):
    """(inputs, result dict, views, notes), or None when the plan refuses the input (an InputError)."""
    inputs = inputs_of(row)
    try:
        r = mmguide.compute(PLAN, **inputs)
    except InputError:
        return None
    views = {lang: view(r, lang) for lang in ("en", "zh")}
    notes = {lang: note(r, lang, date="2026-12-06") for lang in ("en", "zh")}
    return inputs, r.as_dict(), views, notes


# --- the properties, one function each (named in the hazard log) -------------------------------------

def hypercalcaemia_gives_no_supplement_advice(inputs, d, views, notes):
    if d["details"]["calcium_status"] not in ("high", "hcm"):
        return
    for lang in ("en", "zh"):
        bad = supplement_advice(_sentences(_texts(d, views, notes, lang)), lang)
        assert not bad, bad


def dialysis_or_anuria_gets_no_unqualified_saline(inputs, d, views, notes):
    if inputs.get("dialysis") is not True and inputs.get("oliguria") is not True:
        return
    for lang in ("en", "zh"):
        bad = unqualified_saline(_sentences(_texts(d, views, notes, lang)), lang)
        assert not bad, bad


def an_acute_dose_marks_no_maintenance_dose_for_today(inputs, d, views, notes):
    ca = _ca_mmol(inputs)
    acute = d["details"]["hypercalcaemia_of_malignancy"] or d["details"]["severe_hypocalcaemia"]
    if ca is not None and (ca >= 3 if "mmol" in inputs["corrected_calcium"] else Fraction(
            inputs["corrected_calcium"].split()[0]) >= 12):
        assert d["details"]["hypercalcaemia_of_malignancy"]
    if not acute:
        return
    assert d["category"] == "urgent-first"
    assert d["start"]["timing"] != "now"
    assert "Start bone protection now" not in d["explanation"]["en"]
    assert "立即启动骨保护" not in d["explanation"]["zh"]
    for a in d["actions"]:
        assert not a["text"]["en"].startswith("Start bone protection now"), a["id"]
    for lang in ("en", "zh"):
        label = views[lang]["answer"]["label"] or ""
        assert label not in ("Start now", "立即启动")
        # the now phase comes first, whole
        assert views[lang]["answer"]["urgent"][0]["id"] in ("severe-hypocalcaemia", "hcm-urgent")


def hypercalcaemia_of_malignancy_is_answered_now_from_the_calcium_alone(inputs, d, views, notes):
    raw = inputs.get("corrected_calcium")
    if raw is None:
        return
    v, unit = Fraction(raw.split()[0]), raw.split()[1]
    if v < (3 if unit == "mmol/L" else 12):  # Zometa label: >= 3.0 mmol/L, 12 mg/dL
        assert "hcm-urgent" not in [a["id"] for a in d["actions"]]
        return
    assert d["actions"][0]["id"] == "hcm-urgent" and d["category"] == "urgent-first"
    for lang in ("en", "zh"):
        assert views[lang]["answer"]["urgent"][0]["id"] == "hcm-urgent"
        assert views[lang]["answer"]["tone"] == "stop"


def severe_hypocalcaemia_has_an_urgent_headline(inputs, d, views, notes):
    ca = _ca_mmol(inputs)
    if ca is None:
        return
    # below the reference range: below the CTCAE grade 2 floor (2.0 mmol/L, 8.0 mg/dL, in the unit measured) or
    # below the laboratory's lower limit
    v = Fraction(inputs["corrected_calcium"].split()[0])
    si = "mmol" in inputs["corrected_calcium"]
    lln = Fraction(inputs["calcium_lln"].split()[0]) if inputs.get("calcium_lln") else None
    below_range = v < (2 if si else 8) or (lln is not None and ca < lln)
    grade_3_4 = ca < Fraction("1.75") if "mmol" in inputs["corrected_calcium"] else \
        Fraction(inputs["corrected_calcium"].split()[0]) < 7
    severe = ca < Fraction("1.9") or (below_range and inputs.get("hypocalcaemia_symptoms") is True)
    if grade_3_4:
        assert severe
    if not severe:
        assert not d["details"]["severe_hypocalcaemia"]
        return
    assert d["details"]["severe_hypocalcaemia"] is True and d["category"] == "urgent-first"
    assert d["explanation"]["en"].startswith("Urgent: severe hypocalcaemia")
    assert d["explanation"]["zh"].startswith("紧急:重度低钙血症")
    for lang in ("en", "zh"):
        first = views[lang]["answer"]["urgent"][0]
        assert first["id"] == "severe-hypocalcaemia"
        assert ("calcium gluconate" in first["text"]) if lang == "en" else ("葡萄糖酸钙" in first["text"])
        assert ("ECG monitoring" in first["text"]) if lang == "en" else ("心电监护" in first["text"])


def active_onj_is_never_start_now(inputs, d, views, notes):
    if inputs.get("onj") != "active":
        return
    assert d["category"] != "start-now"
    if d["start"]["indicated"]:
        assert "onj" in d["start"]["first_dose_after"]


def pregnancy_possible_is_checked_before_denosumab(inputs, d, views, notes):
    woman = inputs.get("sex") == "female" or "sex" not in inputs
    preg = inputs.get("pregnancy_possible")
    if not d["start"]["indicated"]:
        return
    if preg is True:
        assert d["category"] != "start-now"
        assert "pregnancy" in d["start"]["first_dose_after"]
    elif preg is None and woman:
        assert "pregnancy" in d["start"]["first_dose_after"]


def a_held_agent_is_never_start_now(inputs, d, views, notes):
    held = (d["details"]["calcium_status"] == "low" or inputs.get("onj") in ("active", "previous")
            or inputs.get("pregnancy_possible") is True)
    if held and d["start"]["indicated"]:
        assert d["category"] in ("hold", "urgent-first")
        for lang in ("en", "zh"):
            assert (views[lang]["answer"]["label"] or "") not in ("Start now", "立即启动")


def the_dental_examination_belongs_to_the_maintenance_agent(inputs, d, views, notes):
    for a in d["actions"]:
        if a["phase"] == "now":
            t = a["text"]["en"]
            assert "dental examination" not in t or "does not delay" in t, a["id"]
    if not d["start"]["indicated"]:
        assert "dental" not in [a["id"] for a in d["actions"]]


def no_bisphosphonate_is_dosed_in_severe_renal_impairment(inputs, d, views, notes):
    if not d["details"]["severe_renal_impairment"]:
        return
    assert d["details"]["zoledronic_acid_dose_mg"] is None
    for a in d["agents"]:
        if a["agent"] in ("zoledronic-acid", "pamidronate") and not d["details"]["continuing"]:
            assert not a["suitable"] and a["dose"] is None


def unknown_is_asked_never_read_as_no(inputs, d, views, notes):
    if d["category"] == "start-now":
        # a routine start: nothing that changes the first dose is unknown
        assert inputs.get("dialysis") is not None or "ask-dialysis" in d["start"]["first_dose_after"] \
            or d["details"]["severe_renal_impairment"]
        assert inputs.get("onj") not in ("active", "previous")


def every_answer_is_in_both_languages(inputs, d, views, notes):
    han = re.compile(r"[\u4e00-\u9fff]")
    assert han.search(d["explanation"]["zh"]) and han.search(notes["zh"])
    for a in d["actions"]:
        assert a["text"]["en"] and han.search(a["text"]["zh"]), a["id"]


PROPERTIES = [
    hypercalcaemia_gives_no_supplement_advice,
    dialysis_or_anuria_gets_no_unqualified_saline,
    an_acute_dose_marks_no_maintenance_dose_for_today,
    hypercalcaemia_of_malignancy_is_answered_now_from_the_calcium_alone,
    severe_hypocalcaemia_has_an_urgent_headline,
    active_onj_is_never_start_now,
    pregnancy_possible_is_checked_before_denosumab,
    a_held_agent_is_never_start_now,
    the_dental_examination_belongs_to_the_maintenance_agent,
    no_bisphosphonate_is_dosed_in_severe_renal_impairment,
    unknown_is_asked_never_read_as_no,
    every_answer_is_in_both_languages,
]


@pytest.fixture(scope="module")
def answers():
    rows = covering_array(LEVELS) + random_rows(400)
    out = [run(r) for r in rows]
    return [a for a in out if a is not None], len(rows)


def test_the_grid_covers_every_3_way_combination_of_input_edges():
    rows = covering_array({"a": [1, 2, 3], "b": [1, 2], "c": [1, 2, 3], "d": [1, 2]})
    seen = {(i, j, k, tuple(r[n] for n in (i, j, k))) for r in rows for i, j, k in itertools.combinations("abcd", 3)}
    assert len(seen) == 3 * 2 * 3 + 3 * 2 * 2 + 3 * 3 * 2 + 2 * 3 * 2


def test_most_of_the_grid_is_answered_not_refused(answers):
    got, total = answers
    assert len(got) > 0.7 * total


@pytest.mark.parametrize("prop", PROPERTIES, ids=[p.__name__ for p in PROPERTIES])
def test_plan_property(prop, answers):
    got, _ = answers
    for inputs, d, views, notes in got:
        try:
            prop(inputs, d, views, notes)
        except AssertionError as e:
            raise AssertionError(f"{prop.__name__} fails for {inputs}: {e}") from None


def test_the_supplement_and_saline_detectors_see_what_they_look_for():
    # the detectors are not vacuous: a normocalcaemic start advises supplements; an unqualified saline is seen
    r = mmguide.compute(PLAN, active_mm=True, crcl=70, corrected_calcium="2.3 mmol/L")
    v = {lang: view(r, lang) for lang in ("en", "zh")}
    n = {lang: note(r, lang, date="2026-12-06") for lang in ("en", "zh")}
    for lang in ("en", "zh"):
        assert supplement_advice(_sentences(_texts(r.as_dict(), v, n, lang)), lang)
    assert unqualified_saline(["Rehydrate with intravenous saline first."], "en")
    assert unqualified_saline(["首先静脉输注生理盐水补液"], "zh")
