"""Property tests (hypothesis): monotonicity, unit round-trips, finiteness, refusal of the implausible."""

import math
from decimal import Decimal
from fractions import Fraction

from hypothesis import example, given, settings
from hypothesis import strategies as st

import mmguide
from mmguide import InputError, compute
from mmguide.units import ANALYTES, CREATININE_UMOL_PER_MG_DL

settings.register_profile("mmguide", max_examples=150, deadline=None)
settings.load_profile("mmguide")


def decimals(low, high, places=2):
    """Decimal numbers with at most *places* decimals in [low, high], as a clinician would type them."""
    scale = 10 ** places
    return st.integers(int(low * scale), int(high * scale)).map(lambda n: Decimal(n) / scale)


def creatinine_mg_dl():
    """Plausible serum creatinine in mg/dL (0.1–20), to two decimals."""
    return decimals(Decimal("0.1"), Decimal(20))


def creatinine_both_units():
    """Creatinine in mg/dL that is plausible in both units (9 µmol/L is 0.102 mg/dL, so from 0.11)."""
    return decimals(Decimal("0.11"), Decimal(20))


def ages():
    """Adult ages in whole years (18–120)."""
    return st.integers(18, 120)


def weights():
    """Plausible body weights in kg (25–300), one decimal."""
    return decimals(25, 300, 1)


def sexes():
    """Either sex."""
    return st.sampled_from(["female", "male"])


def in_umol(scr: Decimal) -> str:
    """The same creatinine written in µmol/L (× 88.4 is exact in decimal)."""
    factor = Decimal(CREATININE_UMOL_PER_MG_DL.numerator) / Decimal(CREATININE_UMOL_PER_MG_DL.denominator)
    return f"{scr * factor} µmol/L"


@given(age=ages(), weight=weights(), sex=sexes(), a=creatinine_mg_dl(), b=creatinine_mg_dl())
@example(age=80, weight=Decimal(72), sex="male", a=Decimal("1.0"), b=Decimal("1.5"))
def test_clearance_falls_as_creatinine_rises(age, weight, sex, a, b):
    lo, hi = sorted((a, b))
    if age >= 140:  # pragma: no cover - ages stop at 120
        return
    c_lo = compute("crcl-cockcroft-gault", age=age, weight=f"{weight} kg", creatinine=f"{lo} mg/dL", sex=sex)
    c_hi = compute("crcl-cockcroft-gault", age=age, weight=f"{weight} kg", creatinine=f"{hi} mg/dL", sex=sex)
    assert c_hi.value <= c_lo.value
    e_lo = compute("egfr-ckd-epi-2021", age=age, creatinine=f"{lo} mg/dL", sex=sex)
    e_hi = compute("egfr-ckd-epi-2021", age=age, creatinine=f"{hi} mg/dL", sex=sex)
    assert e_hi.value <= e_lo.value


@given(age=ages(), weight=weights(), sex=sexes(), scr=creatinine_both_units())
@example(age=80, weight=Decimal(72), sex="male", scr=Decimal("1.5"))
def test_micromoles_and_mg_dl_give_the_same_clearance(age, weight, sex, scr):
    a = compute("crcl-cockcroft-gault", age=age, weight=f"{weight} kg", creatinine=f"{scr} mg/dL", sex=sex)
    b = compute("crcl-cockcroft-gault", age=age, weight=f"{weight} kg", creatinine=in_umol(scr), sex=sex)
    assert a.details["exact"] == b.details["exact"]  # exactly, not approximately


@given(age=ages(), sex=sexes(), scr=creatinine_both_units())
@example(age=40, sex="female", scr=Decimal("0.7"))
def test_micromoles_and_mg_dl_give_the_same_egfr(age, sex, scr):
    a = compute("egfr-ckd-epi-2021", age=age, creatinine=f"{scr} mg/dL", sex=sex)
    b = compute("egfr-ckd-epi-2021", age=age, creatinine=in_umol(scr), sex=sex)
    assert a.value == b.value and math.isfinite(a.value) and a.value > 0


@given(base=decimals(Decimal("0.2"), Decimal(10)), cur=decimals(Decimal("0.2"), Decimal(10)), withheld=st.booleans())
@example(base=Decimal("1.0"), cur=Decimal("1.5"), withheld=False)
@example(base=Decimal("0.63"), cur=Decimal("1.13"), withheld=False)
def test_renal_check_is_the_same_in_mg_dl_and_in_micromoles_when_the_baseline_is_mg_dl(base, cur, withheld):
    a = compute("zoledronic-acid-renal-check", baseline_creatinine=f"{base} mg/dL",
                current_creatinine=f"{cur} mg/dL", withheld=withheld)
    b = compute("zoledronic-acid-renal-check", baseline_creatinine=f"{base} mg/dL",
                current_creatinine=in_umol(cur), withheld=withheld)
    assert (a.category, a.value) == (b.category, b.value)


@given(base=decimals(Decimal("0.2"), Decimal(10)), rise=decimals(0, 3))
def test_a_larger_rise_never_turns_withhold_into_continue(base, rise):
    small = compute("zoledronic-acid-renal-check", withheld="no", baseline_creatinine=f"{base} mg/dL",
                    current_creatinine=f"{base + rise} mg/dL")
    big = compute("zoledronic-acid-renal-check", withheld="no", baseline_creatinine=f"{base} mg/dL",
                  current_creatinine=f"{base + rise + Decimal('0.01')} mg/dL")
    assert not (small.category == "withhold" and big.category == "continue")


@given(scr=creatinine_mg_dl())
@example(scr=Decimal("2.0"))
@example(scr=Decimal("2.01"))
def test_renal_event_in_mg_dl_follows_the_2_mg_dl_edge(scr):
    r = compute("myeloma-defining-events", creatinine=f"{scr} mg/dL")
    assert (r.value == ["renal"]) == (scr > 2)


@given(umol=decimals(9, 1768, 1))
@example(umol=Decimal(177))
@example(umol=Decimal("176.9"))
def test_renal_event_in_micromoles_follows_the_177_edge(umol):
    r = compute("myeloma-defining-events", creatinine=f"{umol} µmol/L")
    assert (r.value == ["renal"]) == (umol > 177)


@given(scr=creatinine_both_units())
@example(scr=Decimal("2.002"))
def test_renal_event_agrees_across_units_away_from_the_gap(scr):
    """The two written edges (2 mg/dL, 177 µmol/L = 2.0023 mg/dL) differ; outside that gap the units agree."""
    a = compute("myeloma-defining-events", creatinine=f"{scr} mg/dL").value
    b = compute("myeloma-defining-events", creatinine=in_umol(scr)).value
    if not (2 < scr <= Decimal(177) / Decimal("88.4")):
        assert a == b


@given(crcl=decimals(1, 250, 2))
@example(crcl=Decimal(30))
@example(crcl=Decimal("49.99"))
def test_zoledronic_acid_dose_never_rises_as_clearance_falls(crcl):
    lower = max(Decimal(1), crcl - Decimal("0.01"))
    order = {None: 0, 3.0: 1, 3.3: 2, 3.5: 3, 4.0: 4}
    assert order[compute("zoledronic-acid-dose", crcl=f"{lower} mL/min").value] <= \
        order[compute("zoledronic-acid-dose", crcl=f"{crcl} mL/min").value]


def plausible_quantities(analyte):
    """A plausible value of *analyte*, written with one of its accepted units."""
    units = ANALYTES[analyte].units

    def one(u):
        lo, hi = u.low, u.high
        return st.fractions(lo, hi, max_denominator=100).map(lambda f: f"{float(f)!r} {u.symbol}".strip())
    return st.one_of(*[one(u) for u in units]).filter(lambda s: _inside(s, analyte))


def _inside(s, analyte):
    number, _, unit = s.partition(" ")
    u = ANALYTES[analyte].unit(unit or "")
    return u.low <= Fraction(number) <= u.high


@given(ca=plausible_quantities("calcium"), alb=plausible_quantities("albumin"))
def test_every_plausible_calcium_and_albumin_gives_a_finite_answer(ca, alb):
    r = compute("corrected-calcium", calcium=ca, albumin=alb)
    assert math.isfinite(r.value) and r.category


@given(b2m=plausible_quantities("beta2m"), alb=plausible_quantities("albumin"), flags=st.lists(st.booleans(), min_size=4,
                                                                                               max_size=4))
def test_every_plausible_staging_input_gives_a_stage(b2m, alb, flags):
    ldh, d17, t414, q = flags
    assert compute("iss", beta2m=b2m, albumin=alb).category in ("I", "II", "III")
    assert compute("r-iss", beta2m=b2m, albumin=alb, ldh_high=ldh, del17p=d17, t_4_14=t414,
                   t_14_16=q).category in ("I", "II", "III")
    r = compute("r2-iss", beta2m=b2m, albumin=alb, ldh_high=ldh, del17p=d17, t_4_14=t414, gain_1q=q)
    assert 0 <= r.value <= 5 and r.category in ("I", "II", "III", "IV")


@given(age=ages(), cci=st.integers(0, 37), adl=st.integers(0, 6), iadl=st.integers(0, 8), ecog=st.integers(0, 4))
def test_every_plausible_frailty_input_gives_a_score_in_range(age, cci, adl, iadl, ecog):
    assert 0 <= compute("imwg-frailty", age=age, charlson=cci, adl=adl, iadl=iadl).value <= 5
    assert 0 <= compute("simplified-frailty", age=age, charlson=cci, ecog=ecog).value <= 5


@given(bs=decimals(0, 15, 1), cs=decimals(0, 15, 1), bu=decimals(0, 30000, 0), cu=decimals(0, 30000, 0))
@example(bs=Decimal(0), cs=Decimal(0), bu=Decimal(0), cu=Decimal(0))
def test_every_plausible_response_input_gives_a_category(bs, cs, bu, cu):
    r = compute("imwg-response", baseline_serum_m=f"{bs} g/dL", current_serum_m=f"{cs} g/dL",
                baseline_urine_m=f"{bu} mg/24 h", current_urine_m=f"{cu} mg/24 h")
    assert r.category in ("VGPR", "PR", "MR", "SD", "PD", "not-evaluable")
    assert r.value is None or math.isfinite(r.value)


def implausible(analyte):
    """A value just outside the plausible range of one of the analyte's units (above or below)."""
    units = [u for u in ANALYTES[analyte].units]

    def one(u):
        below = st.fractions(u.low - 1000, u.low, max_denominator=10).filter(lambda f: f < u.low)
        above = st.fractions(u.high, u.high * 10 + 10, max_denominator=10).filter(lambda f: f > u.high)
        return st.one_of(below, above).map(lambda f: f"{float(f)!r} {u.symbol}".strip())
    return st.one_of(*[one(u) for u in units])


@given(scr=implausible("creatinine"))
@example(scr="150 mg/dL")
@example(scr="0.05 mg/dL")
def test_every_implausible_creatinine_is_an_input_error(scr):
    for cid, kw in (("crcl-cockcroft-gault", dict(age=60, weight="70 kg", sex="male", creatinine=scr)),
                    ("egfr-ckd-epi-2021", dict(age=60, sex="male", creatinine=scr)),
                    ("zoledronic-acid-renal-check", dict(baseline_creatinine="1.0 mg/dL", current_creatinine=scr)),
                    ("myeloma-defining-events", dict(creatinine=scr))):
        try:
            compute(cid, **kw)
        except InputError as e:
            assert "outside the plausible range" in str(e)
        else:
            raise AssertionError(f"{cid} accepted {scr}")


@given(analyte=st.sampled_from(["calcium", "albumin", "hemoglobin", "beta2m", "weight"]), data=st.data())
def test_every_implausible_quantity_is_an_input_error(analyte, data):
    value = data.draw(implausible(analyte))
    calc = {"calcium": ("corrected-calcium", "calcium", dict(albumin="40 g/L")),
            "albumin": ("corrected-calcium", "albumin", dict(calcium="2.4 mmol/L")),
            "hemoglobin": ("myeloma-defining-events", "hemoglobin", {}),
            "beta2m": ("iss", "beta2m", dict(albumin="40 g/L")),
            "weight": ("crcl-cockcroft-gault", "weight", dict(age=60, creatinine=1, sex="female"))}[analyte]
    cid, name, rest = calc
    try:
        compute(cid, **{name: value}, **rest)
    except InputError as e:
        assert e.field == name and "outside the plausible range" in str(e)
    else:
        raise AssertionError(f"{cid} accepted {name}={value}")


@given(st.sampled_from([float("nan"), float("inf"), "nan", "Infinity", "-inf"]))
def test_non_finite_numbers_are_input_errors(value):
    try:
        compute("zoledronic-acid-dose", crcl=value)
    except InputError as e:
        assert e.field == "crcl" and ("finite" in str(e) or "not a number" in str(e))
    else:
        raise AssertionError(value)


def test_all_calculators_are_covered_by_some_property():
    assert {c.id for c in mmguide.calculators()} >= {"crcl-cockcroft-gault", "imwg-response"}
