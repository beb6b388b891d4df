"""One number writer (mmguide.numbers.write): every clinical number a reader sees is written by it, from its
exact value, with its quantity's declared decimals and edges, never rounded onto or across an edge.

The scan below fails on any other way of turning a number into text inside the package: the writer's old
names, format(), a format spec in an f-string, round(), or str()/float()/int() of a number in text. What
remains is listed in ALLOWED, each with its reason."""

from __future__ import annotations

import ast
import pathlib
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mmguide
from mmguide import numbers as N

SRC = pathlib.Path(__file__).resolve().parent.parent / "src" / "mmguide"

# Names of the writers the package had before mmguide.numbers (now aliases of write, kept for callers
# outside the package until they move).
OLD = {"fmt", "fmt_beside", "decimal_text", "exact_text", "show_crcl", "show_dose"}

# (file, what) -> why it may stay. "*" allows every finding of a kind in that file.
ALLOWED = {
    ("presentation.py", "str(t)"): "_pick: a text that is not a two-language dict, shown as it is",
    ("presentation.py", "str(result.category)"): "a category code with no label (never a number)",
    ("presentation.py", "str(v)"): "_carry: a Quantity written by Quantity.__str__ (numbers.write_given), or a "
                                   "value that is neither number nor text; list_text: a finding's id",
    ("presentation.py", "str(err)"): "an error's message text",
    ("presentation.py", "str(e)"): "an error's message text",
    ("clinical/corrected_calcium.py", "str(cca)"): "details['exact'], the exact value for programs, never shown",
    ("clinical/crcl_cockcroft_gault.py", "str(crcl)"): "details['exact'], the exact value for programs, never shown",
    ("clearance.py", "str(raw)"): "the reader's own typed text, quoted back as typed",
    ("cli.py", "{calc.id:<30}"): "pads a calculator's id in `mmguide list`, not a number",
    ("cli.py", "{spec.name:<}"): "pads an input's name in `mmguide inputs`, not a number",
    ("cli.py", "{word:<}"): "pads the word saying whether an input is required in `mmguide inputs`",
    ("cli.py", "str(value)"): "_typed: a worked example's value as the example file writes it, typed on a "
                              "command line (a quantity's text such as '2.4 mmol/L' is already text)",
    ("errors.py", "str(self)"): "an error's message text",
    ("records.py", "str(x)"): "a Quantity for JSON, written by Quantity.__str__ (numbers.write_given)",
    ("records.py", "str(k)"): "a dictionary key for JSON",
}


def findings(source: str) -> list[tuple[int, str]]:
    """Every place *source* turns a number into text other than through mmguide.numbers."""
    out = []
    for n in ast.walk(ast.parse(source)):
        if isinstance(n, ast.Call):
            f = n.func
            name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else None
            if name in OLD:
                out.append((n.lineno, name))
            elif isinstance(f, ast.Name) and name in ("format", "round"):
                out.append((n.lineno, name))
            elif isinstance(f, ast.Name) and name == "str" and n.args:
                out.append((n.lineno, f"str({ast.unparse(n.args[0])})"))
        elif isinstance(n, ast.FormattedValue):
            if n.format_spec is not None:
                spec = "".join(v.value for v in n.format_spec.values if isinstance(v, ast.Constant))
                out.append((n.lineno, "{" + ast.unparse(n.value) + ":" + spec + "}"))
            elif isinstance(n.value, ast.Call) and isinstance(n.value.func, ast.Name) \
                    and n.value.func.id in ("float", "int", "round", "str"):
                out.append((n.lineno, "{" + ast.unparse(n.value) + "}"))
        elif isinstance(n, ast.BinOp) and isinstance(n.op, ast.Mod) and isinstance(n.left, ast.Constant) \
                and isinstance(n.left.value, str):
            out.append((n.lineno, "%-formatting"))
    return out


def _allowed(rel: str, what: str) -> bool:
    return (rel, "*") in ALLOWED or (rel, what) in ALLOWED


def test_no_number_is_written_except_by_the_writer():
    bad = []
    seen = set()
    for p in sorted(SRC.rglob("*.py")):
        rel = p.relative_to(SRC).as_posix()
        if rel == "numbers.py":
            continue
        for line, what in findings(p.read_text(encoding="utf-8")):
            seen.add((rel, what))
            if not _allowed(rel, what):
                bad.append(f"{rel}:{line}: {what}")
    assert not bad, "write numbers with mmguide.numbers.write (or add to ALLOWED with a reason):\n" + "\n".join(bad)
    # the allow-list holds nothing that is no longer there
    stale = [k for k in ALLOWED if k[1] != "*" and k not in seen]
    assert not stale, stale


@pytest.mark.parametrize("source, found", [
    ("fmt(x)", "fmt"), ("U.fmt_beside(x, 2, e)", "fmt_beside"), ("zad.show_crcl(c)", "show_crcl"),
    ("format(x, '.2f')", "format"), ("round(x, 2)", "round"), ("str(crcl)", "str(crcl)"),
    ("f'{x:.1f} mL/min'", "{x:.1f}"), ("f'{float(x)} mg'", "{float(x)}"), ("'%.2f' % x", "%-formatting"),
])
def test_the_scan_finds_each_other_way_of_writing_a_number(source, found):
    assert [w for _, w in findings(source)] == [found]
    assert findings("write(x, 2, EDGES)") == [] and findings("f'{CLEARANCE(c)} mL/min'") == []


# --- the writer itself ------------------------------------------------------------------------------------

EDGES = (Fraction(30), Fraction(40), Fraction(50), Fraction(60))


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(EDGES), st.fractions(min_value=Fraction(-1, 10), max_value=Fraction(1, 10)),
       st.sampled_from([None, 0, 1, 2]))
def test_a_written_number_keeps_the_side_of_every_edge(edge, offset, places):
    x = edge + offset
    shown = Fraction(N.write(x, places, EDGES))
    for e in EDGES:
        assert (shown < e) == (x < e) and (shown > e) == (x > e) and (shown == e) == (x == e)


@pytest.mark.parametrize("x, places, edges, shown", [
    (Fraction("29.999"), 2, (30,), "29.99"),        # the reproducer: never "30.00" beside "below 30"
    (Fraction("30.001"), 2, (30,), "30.01"),        # nor "30.00" just above it
    (Fraction("29.999"), 0, (30,), "29"),
    (Fraction("59.9999"), None, (60,), "59.9999"),
    (Fraction("60.00001"), None, (60,), "60.0001"),
    (Fraction(60), 2, (60,), "60.00"),              # on the edge: the edge, exactly
    (Fraction("1.3574"), 2, (Fraction("1.3574"),), "1.3574"),
    (Fraction("0.4989"), 2, (Fraction("0.5"),), "0.49"),
    (Fraction("45.678"), 2, (), "45.68"),           # far from an edge: ordinary rounding
    (Fraction(1, 100000), 2, (30,), "0.00001"),     # never "0.00" for a value that is not 0
])
def test_the_writer_at_and_near_an_edge(x, places, edges, shown):
    assert N.write(x, places, edges) == shown


def test_the_old_names_are_the_writer():
    from mmguide import units as U
    from mmguide.clinical import zoledronic_acid_bands as B

    for x in (Fraction("29.999"), Fraction("1.005"), Fraction(1, 3), 0.1, 4, Fraction("0.000123")):
        assert U.fmt(x) == N.write(x) and U.fmt(x, 1) == N.write(x, 1)
        assert U.fmt_beside(x, 2, EDGES) == N.write(x, 2, EDGES)
        assert B.show_crcl(Fraction(x)) == B.CLEARANCE(x) == N.write(x, 2, B.EDGES + B.PLAUSIBLE_LIMITS)
    assert N.write_given(Fraction("29.9999")) == "29.9999" and N.write_given(Fraction(1, 3)) == "0.3333"


def test_every_record_showing_a_clearance_declares_how_it_is_written():
    """A clearance is written one way, with 2 decimals and the label's dose-band edges (Zometa label:
    30, 40, 50, 60 mL/min) and the limits of the range mmguide accepts as a clearance (1 and 250 mL/min),
    wherever it is shown."""
    label_edges = {Fraction(30), Fraction(40), Fraction(50), Fraction(60), Fraction(1), Fraction(250)}
    for cid in ("crcl-cockcroft-gault", "zoledronic-acid-dose"):
        scale = mmguide.calculator(cid).numbers["crcl"]
        assert scale.places == 2 and set(scale.edges) == label_edges, cid
    assert mmguide.calculator("crcl-cockcroft-gault").output.places == 2
    assert set(mmguide.calculator("crcl-cockcroft-gault").output.edges) == label_edges


def test_the_records_declare_how_their_clinical_quantities_are_written():
    """Each quantity a calculator writes beside a limit is declared on its record with that limit: IMWG 2014 CRAB
    calcium above 2.75 mmol/L (11 mg/dL), hypercalcaemia of malignancy from 3.0 mmol/L (12 mg/dL; Zometa label),
    the renal myeloma-defining event's clearance below 40 (here an eGFR), and the dose table's clearance edges."""
    calcium = mmguide.calculator("corrected-calcium").numbers["corrected_calcium"]
    assert {Fraction("2.75"), Fraction(3)} <= set(calcium["mmol/L"].edges) and calcium["mmol/L"].places == 2
    assert {Fraction(11), Fraction(12)} <= set(calcium["mg/dL"].edges) and calcium["mg/dL"].places == 2
    assert Fraction(40) in mmguide.calculator("egfr-ckd-epi-2021").numbers["egfr"].edges
    renal = mmguide.calculator("zoledronic-acid-renal-check").numbers
    assert renal["rise"].places == renal["creatinine"].places == 2 and Fraction(30) in renal["crcl"].edges
    assert mmguide.calculator("zoledronic-acid-dose").numbers["dose"].places is None  # "4 mg", never "4.0 mg"


@pytest.mark.parametrize("x, limit", [("250.004", 250), ("249.996", 250), ("1.004", 1), ("0.996", 1)])
def test_a_clearance_beside_the_accepted_range_is_not_written_on_its_limit(x, limit):
    """A clearance outside 1-250 mL/min is refused as implausible: one of 250.004 must not read "250.00" beside
    the words "not a plausible clearance", nor one of 249.996 read as if it were the limit."""
    from mmguide.clinical import zoledronic_acid_bands as B

    shown = B.CLEARANCE(Fraction(x))
    assert Fraction(shown) != limit and (Fraction(shown) > limit) == (Fraction(x) > limit), shown


def test_a_value_exactly_on_an_edge_is_written_as_the_edge_is_however_many_decimals_it_needs():
    """A current creatinine equal to its resume limit (baseline 1.2345678 × 1.1 = 1.35802458 mg/dL, the label's
    10 % rule) reads as equal to the limit written beside it, not as a rounded number above it."""
    r = mmguide.compute("zoledronic-acid-renal-check", baseline_creatinine="1.2345678 mg/dL",
                        current_creatinine="1.35802458 mg/dL", withheld=True)
    assert r.category == "resume"
    assert "Current creatinine 1.35802458 mg/dL" in r.explanation["en"] and "limit 1.35802458 mg/dL" in r.explanation["en"]
    assert N.write(Fraction("1.35802458"), 2, (Fraction("1.35802458"),)) == "1.35802458"
