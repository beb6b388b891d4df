"""Every message the package can give a Chinese reader is Chinese: no English fallback, no English unit word.

Each calculator is driven through each of its worked examples with each input replaced, in turn, by each
bad value of the fuzz corpus (tests/calculators/test_fuzz_records.py), and through the errors that only two
inputs together can raise (swapped laboratory limits, a limit without its value, a nadir above the baseline,
light-chain inputs alone, no input at all). The form's one call (``mmguide.presentation.respond``) is asked
for Chinese; the message must contain Chinese, never the fallback's marker "英文原文", and no English word
other than what the reader typed, a unit symbol or an abbreviation Chinese clinical writing keeps.
The command line with ``--lang zh`` is held to the same rule.
"""

from __future__ import annotations

import json
import pathlib
import re
import sys

import pytest

import mmguide
from mmguide import cli
from mmguide.errors import FALLBACK_ZH, InputError
from mmguide.presentation import respond

sys.path.insert(0, str(pathlib.Path(__file__).parent / "calculators"))
from test_fuzz_records import NASTY  # noqa: E402

BAD = list(NASTY) + [
    None, True, False, 0, -1, 10**30, 1e308, float("nan"), [1], {"a": 1},
    "45 furlongs", "1 mg/dL µmol/L", "999999 kg", "0.0001", "55 mL/min/1.73 m²", "3.5 g/dL", "1 g/L", "150", "1000",
]
# What may stay in Latin letters in a Chinese message: the reader's own typed value (quoted), Python type
# names of a value that is not text, unit symbols, and abbreviations or names Chinese clinical writing keeps.
KEPT = re.compile(
    r"'[^']*'|\"[^\"]*\"|\b(?:dict|list|bytes|complex|True|False|None|nan|inf|NaN|Infinity|sNaN)\b"
    r"|(?<![A-Za-z])(?:mL/min/1\.73 m²|mL/min|mg/24 h|g/24 h|mg/dL|µmol/L|mmol/L|g/dL|g/L|mg/L|µg/mL|kg|lb|mg|mm|h)(?![A-Za-z])"
    r"|\b(?:IMWG|CTCAE|CRAB|eGFR|Cockcroft|Gault|Zometa|Xgeva|Prolia|ISS|R-ISS|R2-ISS|LDH|ADL|IADL|ECOG|Charlson|Katz|Lawton"
    r"|FLC|MRI|CT|PET|CKD|EPI|iFISH|FISH|del|t|q|M|X|κ|λ|β2)\b"
)
ENGLISH = re.compile(r"[A-Za-z]{2,}")
# The edition writes ，；：？（） in Chinese prose (presentation.widen): a half-width mark right after Chinese
# is one the widening step missed.
HALF_WIDTH = re.compile(r"[\u4e00-\u9fff][,;:?()]")


def english_left(message: str) -> list[str]:
    """The English words of a Chinese message once what may stay in Latin letters is taken out."""
    return ENGLISH.findall(KEPT.sub(" ", message))


def _chinese_problem(message: str) -> str | None:
    if "英文原文" in message or FALLBACK_ZH in message:
        return "the English fallback"
    if not re.search(r"[\u4e00-\u9fff]", message):
        return "no Chinese at all"
    words = english_left(message)
    if words:
        return f"English words {words}"
    half = HALF_WIDTH.search(re.sub(r"'[^']*'|\"[^\"]*\"", " ", message))
    if half:
        return f"half-width punctuation in Chinese text: {half.group(0)!r}"
    return None


def _ask(calc_id: str, inputs: dict) -> dict:
    return json.loads(respond(calc_id, json.dumps(inputs, default=str), "zh"))


@pytest.mark.parametrize("calc", mmguide.calculators(), ids=lambda c: c.id)
def test_every_input_error_of_every_calculator_is_chinese(calc):
    problems, errors = {}, 0
    for example in calc.examples:
        for spec in calc.inputs:
            for bad in BAD:
                out = _ask(calc.id, {**example["inputs"], spec.name: bad})
                if out["ok"]:
                    continue
                errors += 1
                problem = _chinese_problem(out["message"])
                if problem:
                    problems.setdefault(out["message"], f"{calc.id}.{spec.name}={bad!r}: {problem}")
    assert errors, f"{calc.id}: no bad value was refused; the corpus no longer reaches its errors"
    assert not problems, "\n".join(f"{where}\n    {msg}" for msg, where in list(problems.items())[:30])


# The errors only two inputs together raise, each with the calculator, the inputs and a word the Chinese
# message must contain (so that a test cannot pass on the wrong error).
PLAN = dict(active_mm="yes", crcl="60 mL/min", corrected_calcium="2.4 mmol/L")
CROSS_FIELD = [
    ("swapped laboratory limits", "corrected-calcium",
     dict(calcium="2.4 mmol/L", albumin="40 g/L", calcium_lln="2.6 mmol/L", calcium_uln="2.2 mmol/L"), "填反"),
    ("a lower limit above the CRAB threshold", "corrected-calcium",
     dict(calcium="2.4 mmol/L", albumin="40 g/L", calcium_lln="2.9 mmol/L"), "CRAB"),
    ("an upper limit below 2.0 mmol/L", "corrected-calcium",
     dict(calcium="2.4 mmol/L", albumin="40 g/L", calcium_uln="1.9 mmol/L"), "正常上限不可能"),
    ("swapped limits in the plan", "bone-protection-plan",
     dict(PLAN, calcium_lln="2.6 mmol/L", calcium_uln="2.2 mmol/L"), "填反"),
    ("nadir above baseline (serum)", "imwg-response",
     dict(baseline_serum_m="2.0 g/dL", current_serum_m="1.0 g/dL", nadir_serum_m="3.0 g/dL",
          baseline_urine_m="0 mg/24 h", current_urine_m="0 mg/24 h"), "最低值"),
    ("a negative immunofixation with a measurable M-protein", "imwg-response",
     dict(baseline_serum_m="2.0 g/dL", current_serum_m="0.5 g/dL", baseline_urine_m="0 mg/24 h",
          current_urine_m="0 mg/24 h", immunofixation_negative="yes"), "免疫固定"),
    ("a calcium limit without its value", "myeloma-defining-events", dict(calcium_uln="2.6 mmol/L"), "血钙"),
    ("a haemoglobin limit without its value", "myeloma-defining-events",
     dict(hemoglobin_lln="120 g/L", creatinine="1.0 mg/dL"), "血红蛋白"),
    ("the FLC ratio alone", "myeloma-defining-events", dict(flc_ratio="150"), "轻链"),
    ("the involved FLC alone", "myeloma-defining-events", dict(involved_flc="150 mg/L"), "轻链"),
    ("no input at all", "myeloma-defining-events", dict(), "至少"),
]


@pytest.mark.parametrize("what, calc_id, inputs, word", CROSS_FIELD, ids=[c[0] for c in CROSS_FIELD])
def test_errors_of_two_inputs_together_are_chinese(what, calc_id, inputs, word):
    out = _ask(calc_id, inputs)
    assert not out["ok"], f"{what}: accepted, expected a refusal"
    assert _chinese_problem(out["message"]) is None, out["message"]
    assert word in out["message"], out["message"]


def test_the_fallback_itself_holds_no_english():
    e = InputError("x: something new.", "x")
    assert e.text["zh"] == "x:" + FALLBACK_ZH
    assert not ENGLISH.search(FALLBACK_ZH)


@pytest.mark.parametrize("message, left", [
    ("年龄:1.5 years 超出合理范围 18–120 years。", ["years", "years"]),
    ("年龄:1.5 岁 超出合理范围 18–120 岁。", []),
    ("血清肌酐:'150 furlongs' 无法识别", []),
    ("输入有误(英文原文:the upper limit)", ["the", "upper", "limit"]),
    ("肌酐清除率 30 mL/min,eGFR 不是肌酐清除率", []),
])
def test_english_word_check_itself(message, left):
    assert english_left(message) == left


def test_cli_in_chinese_prints_no_english_heading(capsys):
    # with its unit: a bare 45 may be a clearance or a creatinine in µmol/L, and is asked (units.Analyte.bare_also)
    assert cli.main(["compute", "zoledronic-acid-dose", "crcl=45 mL/min", "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert "References" not in out and "参考文献" in out


def test_cli_error_in_chinese_names_age_in_years_as_chinese(capsys):
    assert cli.main(["compute", "crcl-cockcroft-gault", "--lang", "zh", "age=1.5", "weight=70", "creatinine=1",
                     "sex=male"]) == 2
    err = capsys.readouterr().err
    assert "years" not in err and "岁" in err, err


def test_reviewed_chinese_explanations_say_what_the_english_says():
    # "more than" is 高出 >, never 以上 (which a Chinese reader takes as inclusive); a score has its 分
    import mmguide
    cc = mmguide.compute("corrected-calcium", calcium="1.8 mmol/L", albumin="30 g/L").explanation["zh"]
    assert "比实验室正常上限高出 > 0.25 mmol/L 或 > 1 mg/dL" in cc and "以上" not in cc
    r2 = mmguide.compute("r2-iss", beta2m="3 mg/L", albumin="40 g/L", ldh_high=False, del17p=False,
                         t_4_14=False, gain_1q=False).explanation["zh"]
    assert r2.startswith("R2-ISS 评分 0 分(")
