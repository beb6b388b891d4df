"""The guide's prose says what the checked sources say, and no more.

Each test is named after the rule of the text it guards: an attribution (whose opinion a
statement is), a safety statement a prescriber relies on, or a number that must come from a
calculator page rather than be typed into the prose."""

from __future__ import annotations

import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "guide"
DOC_PAGES = sorted(p for p in (ROOT / "docs").rglob("*.md") if "locales" not in p.parts)
REC_RE = re.compile(r"^```\{recommendation\}[ \t]*(?P<id>\S+)[ \t]*\n(?P<body>.*?)^```[ \t]*$", re.M | re.S)


def recommendation(rec_id: str) -> tuple[str, str, str]:
    """(statement, source, body) of one recommendation in the guide."""
    for page in GUIDE.glob("*.md"):
        for m in REC_RE.finditer(page.read_text(encoding="utf-8")):
            if m.group("id") == rec_id:
                body = m.group("body")
                opts = dict(re.findall(r"^:(\w+):[ \t]*(.*)$", body, re.M))
                return opts["statement"], opts["source"], body
    raise AssertionError(f"recommendation {rec_id} not found")


def page(name: str) -> str:
    return (GUIDE / f"{name}.md").read_text(encoding="utf-8")


def section(text: str, label: str) -> str:
    """The text of the section that starts at the MyST label `(label)=`, up to the next label."""
    start = text.index(f"({label})=")
    nxt = re.search(r"^\([\w-]+\)=$", text[start + 1:], re.M)
    return text[start:start + 1 + nxt.start()] if nxt else text[start:]


def test_bp3_attributes_the_high_sre_risk_preference_for_denosumab_to_the_interview():
    statement, source, body = recommendation("BP-3")
    assert "expert opinion" in statement and "non-inferiority, not superiority" in statement
    assert "expert opinion" in source and "non-inferiority" in source
    assert "strong choice for patients at high SRE risk" not in statement
    # The trial is cited for what it showed, never as support for choosing denosumab at high risk.
    assert "does not support choosing denosumab because SRE risk is high" in body


def test_no_page_calls_the_exploratory_pfs_result_unlikely_to_be_chance():
    offenders = [p.relative_to(ROOT).as_posix() for p in DOC_PAGES
                 if re.search(r"chance alone|unlikely to be (due to )?chance", p.read_text(encoding="utf-8"), re.I)]
    assert not offenders, offenders


def test_pfs_subgroup_finding_is_reported_as_exploratory_with_its_source():
    text = page("bone-targeted-agents")
    assert "{cite:p}`raje2021pfs`" in text
    assert "These subgroup results are exploratory as well" in text


def test_bp2_baseline_imaging_does_not_delay_the_first_dose():
    statement, _, body = recommendation("BP-2")
    assert statement.startswith("At diagnosis")
    assert "do not delay the first dose of bone protection while imaging is awaited" in statement
    assert "Before bone-targeted therapy starts" not in statement


def test_bp4_resumes_zoledronic_acid_within_10_percent_of_baseline():
    _, _, body = recommendation("BP-4")
    assert "within 10% of baseline" in body
    offenders = [p.name for p in DOC_PAGES if "close to baseline" in p.read_text(encoding="utf-8")]
    assert not offenders, offenders


def test_80_percent_bone_disease_figure_is_attributed_to_the_interview():
    text = page("bone-disease")
    assert "According to the interview, about 80% of patients with MM develop MBD" in text
    assert "not merely outpaced" in text  # bone formation is suppressed, not only outrun


def test_sustained_mrd_negativity_includes_imaging_as_the_imwg_defines_it():
    text = page("outlook")
    assert re.search(r"sustained MRD negativity means MRD negativity in the marrow, by NGF or NGS, and on imaging, "
                     r"confirmed at least one year apart", text)


def test_hypercalcaemia_prose_types_no_dose_limit_or_calcium_cut_off():
    """The hypercalcaemia dose, its creatinine limit and the calcium cut-off live in the package."""
    text = section(page("prescribing-safety"), "hypercalcaemia-of-malignancy")
    for typed in ("4.5 mg/dL", "400 µmol/L", "400 umol/L", "12 mg/dL", "3.0 mmol/L", "4 mg"):
        assert typed not in text, typed
    assert "{doc}`../calculators/bone-protection-plan`" in text
    assert "{doc}`../calculators/corrected-calcium`" in text


def test_hypercalcaemia_section_puts_rehydration_first_and_no_loop_diuretic_before_it():
    text = section(page("prescribing-safety"), "hypercalcaemia-of-malignancy")
    assert text.index("**Rehydrate first, if the patient can pass the fluid.**") < text.index("**Zoledronic acid without the renal dose reduction.**")
    assert "A loop diuretic is not given until hypovolaemia has been corrected" in text
    assert "no sooner than 7 days after the first" in text
    assert "refractory to bisphosphonate therapy" in text
    assert "does not let it delay the treatment of hypercalcaemia" in text


def test_severe_renal_impairment_section_says_what_a_prescriber_needs():
    text = section(page("prescribing-safety"), "severe-renal-impairment")
    assert "no randomised data" in text
    for needed in ("intact parathyroid hormone", "25-hydroxyvitamin D", "1,25-dihydroxyvitamin D",
                   "weekly during the first month and monthly thereafter", "active vitamin D", "nephrology",
                   "over 4–6 hours"):
        assert needed in text, needed


def test_clearance_during_acute_kidney_injury_is_re_estimated_once_creatinine_is_stable():
    text = section(page("prescribing-safety"), "acute-kidney-injury")
    assert "cast nephropathy" in text
    assert "estimate the clearance again once creatinine is stable before choosing the dose" in text


def test_stopping_denosumab_says_no_trial_defines_the_strategy_for_120_mg():
    text = section(page("prescribing-safety"), "stopping-denosumab")
    assert "no trial defines how to stop denosumab" in text
    assert "{cite:p}`tsourdi2021ects`" in text


def test_unverified_clinical_advice_is_declared_not_given():
    text = page("prescribing-safety")
    aff = section(text, "atypical-femoral-fractures")
    assert "{cite:p}`xgeva2025label`" in aff and "thigh, hip or groin" in aff
    assert "has not verified the corresponding warning in the zoledronic acid label" in aff
    assert "has not verified a source on corticosteroids" in text


def test_routine_calcium_is_not_given_while_hypercalcaemic():
    _, _, body = recommendation("BP-6")
    assert "Routine calcium and vitamin D are meant for patients without hypercalcaemia" in body
    giving = section(page("prescribing-safety"), "giving-zoledronic-acid")
    assert "but not while the patient is hypercalcaemic" in giving
