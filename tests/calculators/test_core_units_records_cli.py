"""The core the calculators rest on: unit parsing, input kinds, records and the CLI in-process."""

import json
import runpy
from decimal import Decimal
from fractions import Fraction

import pytest

import mmguide
from mmguide import InputError, cli
from mmguide import units as U
from mmguide.records import Input, Result, _jsonable, load_examples, text


def test_units_accept_common_spellings():
    assert U.canonical_unit("umol/l") == "µmol/L"
    assert U.canonical_unit("μmol / L") == "µmol/L"  # Greek mu, spaces round the slash
    assert U.canonical_unit("furlongs") is None
    assert U.ANALYTES["creatinine"].default_unit == "mg/dL"


def test_to_fraction_keeps_decimals_exact():
    assert U.to_fraction(1.2, "x") == Fraction(6, 5)
    assert U.to_fraction(Decimal("0.85"), "x") == Fraction(17, 20)
    assert U.to_fraction(Fraction(1, 3), "x") == Fraction(1, 3)
    assert U.to_fraction(" 2.5 ", "x") == Fraction(5, 2)
    with pytest.raises(InputError, match=r"^x: expected a finite number, got NaN\.$"):
        U.to_fraction(Decimal("NaN"), "x")
    with pytest.raises(InputError, match=r"^x: 'abc' is not a number\.$"):
        U.to_fraction("abc", "x")
    with pytest.raises(InputError, match=r"^x: expected a finite number, got 'inf'\.$"):
        U.to_fraction("inf", "x")
    with pytest.raises(InputError, match=r"^x: expected a number, got list \[1\]\.$"):
        U.to_fraction([1], "x")


def test_fmt_prints_floats_without_noise():
    assert U.fmt(0.1 + 0.2) == "0.3"
    assert U.fmt(Fraction(1, 3), 2) == "0.33"


def test_quantity_cannot_convert_to_a_foreign_unit():
    q = U.parse_quantity("creatinine", "1 mg/dL", "creatinine")
    with pytest.raises(InputError, match="cannot convert creatinine from mg/dL to kg"):
        q.to("kg")
    assert str(q) == "1 mg/dL"


def test_a_unit_of_the_analyte_outside_the_inputs_allowed_units_is_refused():
    with pytest.raises(InputError) as e:
        U.parse_quantity("crcl", "55 mL/min/1.73 m²", "renal_clearance", ("mL/min",))
    assert str(e.value) == ("crcl: 55 mL/min/1.73 m² is not accepted here; give it in mL/min. "
                            "An eGFR is not a creatinine clearance.")
    with pytest.raises(InputError, match=r"^a: 40 g/L is not accepted here; give it in g/dL\.$"):
        U.parse_quantity("a", "40 g/L", "albumin", ("g/dL",))


def test_a_string_without_a_number_shows_how_to_write_it():
    with pytest.raises(InputError) as e:
        mmguide.compute("zoledronic-acid-dose", crcl="about fifty")
    assert str(e.value) == "crcl: 'about fifty' is not a number with a unit; write it like '25.9 mL/min'."


def test_input_kinds_describe_their_ranges():
    choice = Input("route", text("Route", "途径"), kind="choice", choices=("iv", "sc"))
    assert choice.plausible_range() == "iv / sc" and choice.unit is None
    assert choice.parse(" sc ") == "sc"
    with pytest.raises(InputError, match=r"^route: expected one of iv, sc, got 'po'\.$"):
        choice.parse("po")
    assert choice.as_dict()["choices"] == ["iv", "sc"]
    assert choice.source_of_range() == "Defined by the scale or criterion itself."
    b = Input("flag", text("Flag", "标志"), kind="boolean")
    assert b.plausible_range() == "yes / no"
    s = Input("sex", text("Sex", "性别"), kind="sex")
    assert s.plausible_range() == "female / male" and s.parse("F") == "female"
    i = mmguide.calculator("imwg-frailty").input("adl")
    assert i.plausible_range() == "0–6" and i.parse("4") == 4 and i.as_dict()["high"] == 6
    with pytest.raises(InputError, match=r"^adl: expected a whole number 0–6, got 'four'\.$"):
        i.parse("four")
    q = mmguide.calculator("iss").input("beta2m")
    assert q.unit == "mg/L" and "Validation limit" in q.source_of_range()
    assert mmguide.calculator("imwg-frailty").input("age").source_of_range().startswith("Adults only")


def test_records_serialise_and_load_examples():
    assert load_examples("no-such-calculator") == []
    assert _jsonable({"s": {"b", "a"}, "f": Fraction(1, 4)}) == {"s": ["a", "b"], "f": 0.25}
    r = Result("x", None, None, None, text("e", "z"), ())
    assert r.as_dict()["value"] is None


def test_compute_records_the_parsed_inputs():
    r = mmguide.compute("zoledronic-acid-renal-check", withheld="no", baseline_creatinine="1.0 mg/dL", current_creatinine="1.2 mg/dL")
    assert r.inputs["withheld"] is False and str(r.inputs["baseline_creatinine"]) == "1 mg/dL"
    r = mmguide.compute("myeloma-defining-events", creatinine="1 mg/dL", calcium="")
    assert "calcium" not in r.inputs


def test_cli_in_process(capsys):
    assert cli.main(["list"]) == 0
    assert "imwg-response" in capsys.readouterr().out
    assert cli.main(["compute", "iss", "beta2m=3", "albumin=40", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["category"] == "I"
    assert cli.main(["compute", "crcl-cockcroft-gault", "age=80", "weight=72kg", "creatinine=1.0mg/dL",
                     "sex=male"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "60.00 mL/min"  # as the answer box and explanation write it
    assert cli.main(["compute", "myeloma-defining-events", "lytic_lesions=2"]) == 0
    assert capsys.readouterr().out.startswith("bone lesions (At least one myeloma-defining event)")
    assert cli.main(["compute", "iss", "beta2m=3.5 g/dL", "albumin=40"]) == 2
    assert "mg/L, not g/dL" in capsys.readouterr().err
    assert cli.main(["compute", "iss", "=3"]) == 2


def test_python_dash_m_entry_point(monkeypatch, capsys):
    monkeypatch.setattr("sys.argv", ["mmguide", "list"])
    with pytest.raises(SystemExit) as e:
        runpy.run_module("mmguide", run_name="__main__")
    assert e.value.code == 0 and "crcl-cockcroft-gault" in capsys.readouterr().out


def test_the_documented_example_prints_60():
    assert mmguide.compute("crcl-cockcroft-gault", age=80, weight="72 kg", creatinine="1.0 mg/dL",
                           sex="male").value == 60.0


@pytest.mark.parametrize("calc", mmguide.calculators(), ids=lambda c: c.id)
def test_cli_lists_a_calculators_inputs_and_its_example_line_runs(calc, capsys):
    """``mmguide inputs ID`` names every input compute takes, with its values or units, in the asked
    language; the command line it prints from the first worked example runs as printed."""
    import shlex

    assert cli.main(["inputs", calc.id]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"{calc.id}: {calc.title['en']}"
    for spec in calc.inputs:
        line = next((x for x in out if x.split()[:1] == [spec.name]), None)
        assert line is not None, spec.name
        assert spec.plausible_range() in line and spec.label["en"] in line, line
        need = ("required" if spec.required else "if known" if spec.default is None
                else f"default {'yes' if spec.default is True else 'no' if spec.default is False else spec.default}")
        assert need in line, line  # an input with a default says so: it is not "if known"
    if any(not spec.required and spec.default is None for spec in calc.inputs):
        assert any("left out is unknown, never no" in x for x in out), out
    example = [x for x in out if x.startswith("Example: ")]
    if calc.examples:
        words = shlex.split(example[0].removeprefix("Example: "))
        assert words[:3] == ["mmguide", "compute", calc.id]
        assert not any(w.endswith(("=True", "=False")) for w in words), words  # typed as yes or no
        assert cli.main(words[1:] + ["--json"]) == 0, example
        assert json.loads(capsys.readouterr().out)["calculator"] == calc.id
    assert cli.main(["inputs", calc.id, "--lang", "zh"]) == 0
    zh = capsys.readouterr().out
    from mmguide.presentation import widen

    assert widen(calc.title["zh"]) in zh
    assert all(("必填" if s.required else "如已知" if s.default is None else "默认") in zh for s in calc.inputs)


def test_cli_inputs_of_an_unknown_calculator_is_refused_and_compute_help_points_to_it(capsys):
    assert cli.main(["inputs", "no-such-calculator"]) == 2
    err = capsys.readouterr().err
    assert "unknown calculator" in err and "crcl-cockcroft-gault" in err
    with pytest.raises(SystemExit):
        cli.main(["compute", "--help"])
    assert "mmguide inputs ID" in capsys.readouterr().out
