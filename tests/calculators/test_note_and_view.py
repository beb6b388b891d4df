"""The note for a clinical record and the answer at a glance, in both languages (the in-page form
calls the same functions under MicroPython: tests/micropython/equality.py compares them).

The clinical values asserted are the fact sheet's (§11A: 80 y, 72 kg, creatinine 1.5 mg/dL,
male -> 40 mL/min -> 3.3 mg), never the package's own output."""

import re

import pytest

import mmguide
from mmguide import compute, note, view

HAN = re.compile(r"[\u4e00-\u9fff]")
URL = "https://example.org/en/docs/calculators/zoledronic-acid-dose.html"


def za_from_creatinine():
    return compute("zoledronic-acid-dose", age=80, weight="72 kg", creatinine="1.5 mg/dL", sex="male")


def test_the_note_for_a_zoledronic_acid_dose_from_creatinine_names_inputs_result_recommendations_version_and_page():
    t = note(za_from_creatinine(), "en", URL, "2026-12-01")
    lines = t.splitlines()
    assert lines[0] == "Zoledronic acid dose by creatinine clearance"
    assert "- Age: 80 years" in lines and "- Body weight (actual): 72 kg" in lines
    assert "- Serum creatinine: 1.5 mg/dL" in lines and "- Sex: male" in lines
    assert "Result: 3.3 mg (Reduced dose)" in lines
    assert any(line.startswith("CrCl 40.00 mL/min by Cockcroft–Gault") for line in lines)
    assert "Recommendations: BP-4" in lines
    assert f"Computed with mmguide {mmguide.__version__} (2026-12-01)" in lines
    assert lines[-1] == f"Source: {URL}"


def test_the_chinese_note_has_no_english_words_but_units_and_ids():
    t = note(za_from_creatinine(), "zh", URL, "2026-12-01")
    assert "年龄：80 岁" in t and "years" not in t
    assert "结果：3.3 mg（减量）" in t
    assert "推荐意见：BP-4" in t
    body = t.replace(URL, "")
    words = set(re.findall(r"[A-Za-z]{3,}", body)) - {"mmguide", "Cockcroft", "Gault", "CrCl", "eGFR", "IMWG", "min"}
    assert not words, words


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_note_of_a_severe_renal_plan_says_the_renal_stop_beside_the_agent_and_lists_the_first_dose_checks(lang):
    # CrCl 25 mL/min: below 30, no zoledronic acid or pamidronate; denosumab (Zometa and Xgeva labels). The
    # renal stop is about the maintenance agent, not an emergency: it sits with the agent, not in the urgent list
    r = compute("bone-protection-plan", active_mm=True, crcl="25 mL/min")
    v = view(r, lang)
    assert v["answer"]["headline"] == ("Denosumab" if lang == "en" else "地舒单抗")
    assert not v["answer"]["urgent"]
    assert any(("No zoledronic acid or pamidronate" if lang == "en" else "不用唑来膦酸和帕米膦酸") in line
               for line in v["answer"]["lines"])
    ids = [c["id"] for c in v["answer"]["checklist"]]
    assert "dental" in ids and "measure-calcium" in ids and "severe-renal-denosumab" in ids
    t = note(r, lang)
    assert "[ ]" in t and "! " not in t


def test_the_plan_says_nothing_twice():
    r = compute("bone-protection-plan", active_mm=True, crcl="45 mL/min", corrected_calcium="2.9 mmol/L")
    v = view(r, "en")
    texts = [u["text"] for u in v["answer"]["urgent"]] + v["answer"]["lines"] + [c["text"] for c in v["answer"]["checklist"]]
    for s in v["sections"]:
        texts += [i["text"] for i in s["items"]]
    assert len(texts) == len(set(texts)), [t for t in texts if texts.count(t) > 1]
    assert [s["id"] for s in v["sections"]][0] == "why" and v["sections"][-1]["id"] == "evidence"
    other = next(s for s in v["sections"] if s["id"] == "other-agents")
    assert {i["agent"] for i in other["items"]} == {"denosumab", "pamidronate"}


def test_cockcroft_gault_shows_its_zoledronic_acid_dose_and_links_to_it_with_the_inputs():
    r = compute("crcl-cockcroft-gault", age=80, weight="72 kg", creatinine="1.5 mg/dL", sex="male")
    v = view(r, "en")
    assert v["answer"]["headline"] == "40.00 mL/min"
    assert v["answer"]["inline"]["value"] == "3.3 mg"
    link = v["links"][0]
    assert link["calculator"] == "zoledronic-acid-dose"
    assert compute("zoledronic-acid-dose", **link["params"]).value == 3.3


def test_corrected_calcium_links_to_the_plan_with_its_value():
    r = compute("corrected-calcium", **mmguide.calculator("corrected-calcium").examples[0]["inputs"])
    v = view(r, "en")
    link = next(lk for lk in v["links"] if lk["calculator"] == "bone-protection-plan")
    assert link["params"]["corrected_calcium"].startswith(mmguide.units.fmt(r.value))


def test_every_calculator_has_an_answer_box_in_both_languages():
    for calc in mmguide.calculators():
        r = compute(calc.id, **calc.examples[0]["inputs"])
        for lang in ("en", "zh"):
            v = view(r, lang)
            assert v["answer"]["headline"], (calc.id, lang)
            assert v["answer"]["tone"] in ("ok", "caution", "stop", "info")
            assert v["sections"][-1]["id"] == "evidence"
            if lang == "zh":
                assert HAN.search(note(r, "zh")), calc.id
                assert "years" not in note(r, "zh")


def test_form_errors_name_the_field_as_the_form_labels_it():
    import json

    from mmguide.presentation import respond

    out = json.loads(respond("zoledronic-acid-dose", json.dumps({"crcl": "1.4"}), "zh"))
    assert out["ok"] is False and out["field"] == "crcl"
    assert out["message"].startswith("肌酐清除率（Cockcroft–Gault）：") and "血清肌酐" in out["message"]
    out = json.loads(respond("zoledronic-acid-dose", json.dumps({"crcl": "1.4"}), "en"))
    assert out["message"].startswith("Creatinine clearance (Cockcroft–Gault): 1.4 looks like a serum creatinine")


def _texts(x):
    if isinstance(x, str):
        yield x
    elif isinstance(x, list):
        for v in x:
            yield from _texts(v)
    elif isinstance(x, dict):
        for k, v in x.items():
            if k not in ("id", "agent", "calculator", "category", "tone", "references", "recommendations", "params"):
                yield from _texts(v)


def test_what_readers_see_names_no_calculator_by_its_code_name():
    ids = [c.id for c in mmguide.calculators()]
    for calc in mmguide.calculators():
        for row in calc.examples:
            r = compute(calc.id, **row["inputs"])
            for lang in ("en", "zh"):
                v = view(r, lang)
                shown = " ".join(_texts({"answer": v["answer"], "sections": v["sections"]})) + note(r, lang)
                assert not [i for i in ids if re.search(rf"(?<![\w/-]){re.escape(i)}(?![\w-])", shown)], (calc.id, lang)


@pytest.mark.parametrize("lang, words", [
    ("en", ("hypercalcaemia of malignancy", "saline first", "no loop diuretic", "4 mg", "Measure serum creatinine now")),
    ("zh", ("恶性肿瘤相关高钙血症", "生理盐水", "袢利尿剂", "4 mg", "立即检测血清肌酐")),
])
def test_hypercalcaemia_of_malignancy_is_first_and_whole_in_the_answer_box(lang, words):
    """Corrected calcium 3.3 mmol/L (>= 3.0 mmol/L, Zometa label; fact sheet §12): the box a reader sees
    first must carry the urgent treatment (saline before anything, no loop diuretic before rehydration,
    zoledronic acid 4 mg once creatinine is known), above the maintenance dose, not only under a tap."""
    r = compute("bone-protection-plan", active_mm="yes", crcl="45 mL/min", corrected_calcium="3.3 mmol/L")
    urgent = view(r, lang)["answer"]["urgent"]
    assert urgent and urgent[0]["id"] == "hcm-urgent", urgent
    for w in words:
        assert w in urgent[0]["text"], (w, urgent[0]["text"])
    # below 3.0 mmol/L there is no urgent treatment to show
    r = compute("bone-protection-plan", active_mm="yes", crcl="45 mL/min", corrected_calcium="2.9 mmol/L")
    assert "hcm-urgent" not in [u["id"] for u in view(r, lang)["answer"]["urgent"]]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_form_shows_an_emergency_as_soon_as_it_is_decided_with_what_else_is_needed(lang):
    """Issue 23: with a corrected calcium of 3.2 mmol/L alone, the urgent treatment shows at once (no age,
    weight or sex needed), what else would change the answer is listed under it, and a field that cannot
    be read yet does not hide the emergency (its message comes first)."""
    import json as _json

    from mmguide.presentation import respond

    out = _json.loads(respond("bone-protection-plan", _json.dumps({"corrected_calcium": "3.2 mmol/L"}), lang))
    a = out["view"]["answer"]
    assert out["ok"] and a["urgent"][0]["id"] == "hcm-urgent" and a["tone"] == "stop"
    assert any(line.startswith("Still needed: " if lang == "en" else "尚需填写：") for line in a["lines"])
    out = _json.loads(respond("bone-protection-plan", _json.dumps({"corrected_calcium": "3.2 mmol/L", "age": "7"}), lang))
    assert out["ok"] and out["partial"] and out["field"] == "age"
    assert out["view"]["answer"]["urgent"][0]["id"] == "hcm-urgent"
    assert out["view"]["answer"]["lines"][0] == out["message"]
    # without an emergency, an unreadable field is the answer, as before
    out = _json.loads(respond("bone-protection-plan", _json.dumps({"corrected_calcium": "2.3 mmol/L", "age": "7"}), lang))
    assert not out["ok"] and out["field"] == "age"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_maintenance_agent_under_an_acute_treatment_is_labelled_as_maintenance_with_its_start(lang):
    r = compute("bone-protection-plan", active_mm="yes", crcl="48 mL/min", corrected_calcium="3.2 mmol/L",
                creatinine="1.4 mg/dL")
    a = view(r, lang)["answer"]
    # the emergency is the headline; the agent is maintenance, not today, in the line under it
    assert a["headline"] == ("Hypercalcaemia of malignancy: treat now" if lang == "en" else "恶性肿瘤相关高钙血症：立即处理")
    assert a["subheadline"].startswith("Maintenance, not today: Zoledronic acid 3.3 mg" if lang == "en"
                                       else "维持治疗（不在今日）：唑来膦酸 3.3 mg")
    assert a["label"] not in ("Start now", "立即启动") and a["category"] == "urgent-first"
    assert ("not today" if lang == "en" else "不在今日") in a["lines"][0]


def test_the_emergency_shows_when_the_clearance_inputs_are_incomplete():
    """Review finding P16: calcium 3.1 mmol/L with a clearance and age, weight and sex but no creatinine: the
    clearance's group cannot be read, and the urgent treatment still shows, with the message first."""
    import json as _json

    from mmguide.presentation import respond

    payload = {"active_mm": "yes", "sex": "male", "age": "68", "weight": "75 kg", "corrected_calcium": "3.1 mmol/L",
               "crcl": "25 mL/min"}
    out = _json.loads(respond("bone-protection-plan", _json.dumps(payload), "en"))
    assert out["ok"] and out["partial"]
    assert out["view"]["answer"]["urgent"][0]["id"] == "hcm-urgent"
    assert out["view"]["answer"]["lines"][0] == out["message"]
