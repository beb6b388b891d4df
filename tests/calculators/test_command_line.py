"""The command line, run as a subprocess exactly as a user would."""

import json
import subprocess
import sys

import mmguide


def run(*args):
    return subprocess.run([sys.executable, "-m", "mmguide", *args], capture_output=True, text=True,
                          encoding="utf-8", timeout=60)


def test_list_prints_every_calculator_in_order():
    p = run("list")
    assert p.returncode == 0
    ids = [line.split()[0] for line in p.stdout.splitlines()]
    assert ids == [c.id for c in mmguide.calculators()]


def test_compute_with_json_gives_the_fact_sheet_value():
    p = run("compute", "crcl-cockcroft-gault", "age=80", "weight=72kg", "creatinine=1.0mg/dL", "sex=male", "--json")
    assert p.returncode == 0, p.stderr
    d = json.loads(p.stdout)
    assert d["value"] == 60.0 and d["unit"] == "mL/min" and d["references"] == ["cockcroft1976", "zometa_label"]


def test_compute_text_output_for_a_list_valued_calculator():
    p = run("compute", "myeloma-defining-events", "calcium=2.8 mmol/L", "hemoglobin=95 g/L")
    assert p.returncode == 0, p.stderr
    assert p.stdout.splitlines()[0] == "anaemia, hypercalcaemia (At least one myeloma-defining event)"
    p = run("compute", "myeloma-defining-events", "bm_plasma_cells=10")
    # no event met: the category is the answer, as the page's answer box shows it
    assert p.stdout.splitlines()[0] == "No myeloma-defining event found in the values given"


def test_compute_in_chinese():
    p = run("compute", "iss", "beta2m=5.5", "albumin=4.2g/dL", "--lang", "zh")
    assert p.returncode == 0 and p.stdout.startswith("III 期\nISS 分期 III 期")


def test_plain_output_names_the_category_in_the_readers_words_never_its_code():
    p = run("compute", "zoledronic-acid-dose", "crcl=45mL/min", "--lang", "zh")
    assert p.returncode == 0 and p.stdout.splitlines()[0] == "3.3 mg（减量）"
    p = run("compute", "zoledronic-acid-dose", "crcl=45mL/min")
    assert p.returncode == 0 and p.stdout.splitlines()[0] == "3.3 mg (Reduced dose)"
    p = run("compute", "myeloma-defining-events", "calcium=2.8 mmol/L", "hemoglobin=95 g/L", "--lang", "zh")
    assert p.stdout.splitlines()[0] == "贫血、高钙血症（至少一项骨髓瘤定义事件）"
    p = run("compute", "imwg-frailty", "age=70", "charlson=1", "adl=6", "iadl=8", "--lang", "zh")
    assert p.stdout.splitlines()[0] == "0 分（体能良好）"


def test_bad_input_exits_2_with_the_message():
    p = run("compute", "crcl-cockcroft-gault", "age=80", "weight=72kg", "creatinine=150mg/dL", "sex=male")
    assert p.returncode == 2 and p.stdout == ""
    assert p.stderr == ("mmguide: creatinine: 150 mg/dL is outside the plausible range 0.1–20 mg/dL. "
                        "Did you mean µmol/L?\n")


def test_unknown_calculator_exits_2():
    p = run("compute", "no-such-thing")
    assert p.returncode == 2 and "known calculators: crcl-cockcroft-gault" in p.stderr


def test_argument_without_equals_sign_exits_2():
    p = run("compute", "iss", "beta2m")
    assert p.returncode == 2 and p.stderr == "mmguide: expected name=value, got 'beta2m'\n"
