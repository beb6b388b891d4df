"""A number shown beside a limit is never rounded onto or across it (hazard log HZ-63).

The reproducer: `mmguide compute crcl-cockcroft-gault age=80 weight=36kg creatinine=1.0000001mg/dL sex=male`
once printed "30 mL/min" as its value and "29.99 mL/min" in its explanation: below 30 zoledronic acid is not
recommended. Here that patient and its siblings at every edge of the label's dose table, of the renal check and
of the calcium limits, just below and just above, in every unit the quantity accepts, go through compute, the
view (both languages), the note and the command line; each number shown for the patient's value keeps the exact
value's side of the edge, and the headline and the explanation show the same number.

The edges and the side of each patient are the published ones (Zometa label: 30, 40, 50, 60 mL/min; a rise of
0.5 / 1.0 mg/dL, 44 / 88 µmol/L; IMWG 2014 CRAB calcium above 2.75 mmol/L, 11 mg/dL; hypercalcaemia of
malignancy from 12 mg/dL, 3.0 mmol/L), and each patient's exact value is computed here from the published
Cockcroft–Gault equation, not taken from the code.
"""

from __future__ import annotations

import contextlib
import io
import re
from fractions import Fraction as F

import pytest

import mmguide
from mmguide import cli

LB = F("0.45359237")
UMOL = F("88.4")
ZA_EDGES = (F(30), F(40), F(50), F(60))  # Zometa label renal dose table, mL/min
TINY = F(1, 10**7)


def _cg(age, kg, scr_mg_dl, female=False) -> F:
    """Cockcroft–Gault 1976, exactly."""
    c = (140 - F(age)) * kg / (72 * scr_mg_dl)
    return c * F("0.85") if female else c


def _dec(x: F, places: int = 9) -> str:
    """*x* as a typed decimal (cut to *places* decimals)."""
    q = x.numerator * 10**places // x.denominator
    s = str(q).rjust(places + 1, "0")
    return (s[:-places] + "." + s[-places:]).rstrip("0").rstrip(".")


def _patients(edge: F):
    """Cockcroft–Gault inputs giving a clearance just below and just above *edge*, with the creatinine in mg/dL
    and µmol/L and the weight in kg and lb: (inputs, exact clearance)."""
    out = []
    for weight, kg in (("72 kg", F(72)), ("160 lb", 160 * LB)):
        for unit, factor in (("mg/dL", 1), ("µmol/L", UMOL)):
            exact_scr = 60 * kg / (72 * edge)  # age 80: (140 − 80) × kg / (72 × scr) = edge
            for nudge in (TINY, -TINY):  # a higher creatinine gives a lower clearance
                typed = _dec((exact_scr + nudge) * factor)
                scr = F(typed) / factor
                out.append((dict(age=80, weight=weight, creatinine=f"{typed} {unit}", sex="male"), _cg(80, kg, scr)))
    # the issue's own patient
    out.append((dict(age=80, weight="36 kg", creatinine="1.0000001 mg/dL", sex="male"), _cg(80, F(36), F("1.0000001"))))
    return [(i, c) for i, c in out if abs(c - edge) < 1]


def _same_side(shown: F, exact: F, edge: F) -> bool:
    return (shown < edge) == (exact < edge) and (shown > edge) == (exact > edge)


def _cli(*argv) -> str:
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        cli.main(list(argv))
    return buf.getvalue()


def _args(inputs: dict) -> list[str]:
    return [f"{k}={str(v).replace(' ', '')}" for k, v in inputs.items()]


NUM = r"(\d+(?:\.\d+)?)"


def _clearances(text: str) -> list[F]:
    """Every clearance written with decimals in *text* (the patient's value: thresholds are whole numbers)."""
    return [F(m) for m in re.findall(r"(\d+\.\d+) mL/min(?!/1\.73)", text)]


def _all_text(r, lang) -> str:
    v = mmguide.view(r, lang)
    a = v["answer"]
    parts = [a["headline"] or "", *(a["lines"] or [])]
    if a.get("inline"):
        parts.append(str(a["inline"].get("value")))
    return "\n".join(parts)


@pytest.mark.parametrize("edge", ZA_EDGES)
def test_a_clearance_beside_a_dose_band_edge_is_shown_on_its_side(edge):
    for inputs, exact in _patients(edge):
        # the Cockcroft–Gault calculator: headline, explanation, note and command line show one number
        r = mmguide.compute("crcl-cockcroft-gault", **inputs)
        assert r.exact == exact  # the fixture is what it claims to be
        for lang in ("en", "zh"):
            head = mmguide.view(r, lang)["answer"]["headline"]
            shown = F(re.match(NUM + " mL/min", head).group(1))
            assert _same_side(shown, exact, edge), (inputs, head)
            expl = r.explanation[lang]
            assert F(re.search(NUM + " mL/min", expl).group(1)) == shown, (inputs, expl)
            assert all(_same_side(c, exact, edge) for c in _clearances(_all_text(r, lang)))
        note = mmguide.note(r)
        assert f"Result: {head}" in note and all(_same_side(c, exact, edge) for c in _clearances(note))
        out = _cli("compute", "crcl-cockcroft-gault", *_args(inputs))
        assert out.splitlines()[0] == head, out
        assert all(_same_side(c, exact, edge) for c in _clearances(out))
        # the dose from the same inputs: the clearance above the dose and in the explanation is one number
        d = mmguide.compute("zoledronic-acid-dose", **inputs)
        below = exact < 30
        assert (d.category == "not-recommended") is below
        for lang in ("en", "zh"):
            text = _all_text(d, lang)
            found = _clearances(text)
            assert found and len(set(found)) == 1 and _same_side(found[0], exact, edge), (inputs, text)
        for out in (mmguide.note(d), _cli("compute", "zoledronic-acid-dose", *_args(inputs), "--note")):
            found = _clearances(out)
            assert found and len(set(found)) == 1 and _same_side(found[0], exact, edge), out
        # a clearance typed with its unit (the only unit it accepts) is written back as typed, never rounded
        typed = _dec(exact, 7)
        d2 = mmguide.compute("zoledronic-acid-dose", crcl=f"{typed} mL/min")
        assert all(_same_side(c, F(typed), edge) for c in _clearances(_all_text(d2, "en")))


@pytest.mark.parametrize("current, unit", [("29.9999999", "below"), ("30.0000001", "above")])
def test_the_renal_check_writes_a_clearance_below_30_on_its_side(current, unit):
    r = mmguide.compute("zoledronic-acid-renal-check", withheld="no", baseline_creatinine="1.0 mg/dL",
                        current_creatinine="1.2 mg/dL", crcl=f"{current} mL/min")
    found = _clearances(r.explanation["en"] + r.explanation["zh"])
    assert all(_same_side(c, F(current), F(30)) for c in found)
    assert (r.category == "not-by-rise-rule") is (unit == "below")


# the label's rise rule: a rise of 0.5 mg/dL (44 µmol/L) from a normal baseline, 1.0 mg/dL (88 µmol/L) from an
# abnormal one (from 1.4 mg/dL, 124 µmol/L)
RISES = [("1.0", "mg/dL", F("0.5")), ("2.0", "mg/dL", F("1.0")), ("88", "µmol/L", F(44)), ("150", "µmol/L", F(88))]


@pytest.mark.parametrize("baseline, unit, limit", RISES)
@pytest.mark.parametrize("nudge", [-TINY, TINY])
def test_a_creatinine_rise_beside_the_label_limit_is_shown_on_its_side(baseline, unit, limit, nudge):
    current = F(baseline) + limit + nudge
    r = mmguide.compute("zoledronic-acid-renal-check", withheld="no", baseline_creatinine=f"{baseline} {unit}",
                        current_creatinine=f"{_dec(current, 9)} {unit}")
    rise = current - F(baseline)
    assert (r.category == "withhold") is (rise >= limit)
    for lang in ("en", "zh"):
        head = mmguide.view(r, lang)["answer"]["headline"]
        shown = F(re.search(r"-?" + NUM, head).group(0))
        assert _same_side(shown, rise, limit), head
        assert re.search(re.escape(mmguide.view(r, lang)["answer"]["headline"].split()[0].lstrip("-")),
                         r.explanation[lang]), (head, r.explanation[lang])
    out = _cli("compute", "zoledronic-acid-renal-check", "withheld=no", f"baseline_creatinine={baseline}{unit}",
               f"current_creatinine={_dec(current, 9)}{unit}")
    assert _same_side(F(re.search(r"-?" + NUM, out).group(0)), rise, limit), out


# IMWG 2014 CRAB hypercalcaemia: above 2.75 mmol/L (11 mg/dL); hypercalcaemia of malignancy (Zometa label):
# from 3.0 mmol/L (12 mg/dL). With albumin 40 g/L the corrected calcium is the measured one.
CALCIUM_EDGES = [(F("2.75"), "mmol/L"), (F(11), "mg/dL"), (F("3.0"), "mmol/L"), (F(12), "mg/dL")]


@pytest.mark.parametrize("edge, unit", CALCIUM_EDGES)
@pytest.mark.parametrize("nudge", [-TINY, TINY])
def test_a_corrected_calcium_beside_a_limit_is_shown_on_its_side(edge, unit, nudge):
    ca = edge + nudge
    r = mmguide.compute("corrected-calcium", calcium=f"{_dec(ca, 9)} {unit}", albumin="40 g/L")
    assert r.exact == ca
    for lang in ("en", "zh"):
        head = mmguide.view(r, lang)["answer"]["headline"]
        shown = F(re.match(NUM, head).group(1))
        assert _same_side(shown, ca, edge), head
        assert f"{re.match(NUM, head).group(1)} {unit}" in r.explanation[lang]
    out = _cli("compute", "corrected-calcium", f"calcium={_dec(ca, 9)}{unit}", "albumin=40g/L")
    assert _same_side(F(re.match(NUM, out).group(1)), ca, edge), out


# the label's normal/abnormal baseline limit: 1.4 mg/dL (124 µmol/L); the baseline is written on its side
@pytest.mark.parametrize("limit, unit", [(F("1.4"), "mg/dL"), (F(124), "µmol/L")])
@pytest.mark.parametrize("nudge", [-F("0.004"), -F("0.0001"), F("0.0001"), F("0.004")])
@pytest.mark.parametrize("withheld", ["no", "yes"])
def test_a_baseline_beside_the_abnormal_limit_is_shown_on_its_side(limit, unit, nudge, withheld):
    base = limit + nudge
    r = mmguide.compute("zoledronic-acid-renal-check", baseline_creatinine=f"{_dec(base, 9)} {unit}",
                        current_creatinine=f"{_dec(base, 9)} {unit}", withheld=withheld)
    assert r.details["baseline_abnormal"] is (base >= limit)
    for lang, pattern in (("en", r"baseline (?:of )?(" + NUM + ")"), ("zh", r"基线 (" + NUM + ")")):
        shown = F(re.search(pattern, r.explanation[lang]).group(1))
        assert _same_side(shown, base, limit), (lang, r.explanation[lang])
