"""Checks on the book's sources that need no build: recommendations, references, calculator
pages and the rule that thresholds live only in src/mmguide."""

from __future__ import annotations

import pathlib
import re
import shutil
import subprocess

import pytest
from pybtex.database import parse_file

import mmguide

ROOT = pathlib.Path(__file__).resolve().parent.parent
PAGES = sorted(p for p in (ROOT / "docs").rglob("*.md") if "locales" not in p.parts) + sorted(
    (ROOT / "notebooks").glob("*.md")
)
REC_RE = re.compile(r"^(?P<fence>`{3,}|:{3,})\{recommendation\}[ \t]*(?P<id>\S*)[ \t]*\n(?P<body>.*?)^(?P=fence)[ \t]*$",
                    re.M | re.S)
CITE_RE = re.compile(r"\{(?:cite|cite:p|cite:t|cite:ps|cite:ts|footcite|footcite:p|footcite:t)\}`([^`]+)`")


def bib_keys() -> set[str]:
    return set(parse_file(str(ROOT / "references.bib")).entries.keys())


def recommendations() -> list[dict]:
    out = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for m in REC_RE.finditer(text):
            opts = dict(re.findall(r"^:(\w+):[ \t]*(.*)$", m.group("body"), re.M))
            out.append({"id": m.group("id"), "page": page.relative_to(ROOT).as_posix(), **opts})
    return out


def test_the_book_has_recommendations():
    recs = recommendations()
    assert len(recs) >= 10, [r["id"] for r in recs]


def test_every_recommendation_has_an_id_statement_source_and_citation():
    keys = bib_keys()
    bad = []
    for r in recommendations():
        if not re.fullmatch(r"[A-Z]{2,4}-\d{1,2}", r["id"] or ""):
            bad.append(f"{r['page']}: recommendation without a stable ID ({r['id']!r})")
        for opt in ("statement", "source", "cite"):
            if not r.get(opt, "").strip():
                bad.append(f"{r['page']}: {r['id']} has no :{opt}:")
        for key in (k.strip() for k in r.get("cite", "").split(",") if k.strip()):
            if key not in keys:
                bad.append(f"{r['page']}: {r['id']} cites unknown key {key}")
    assert not bad, "\n".join(bad)


def test_recommendation_ids_are_unique():
    seen: dict[str, str] = {}
    dups = []
    for r in recommendations():
        if r["id"] in seen:
            dups.append(f"{r['id']} in {seen[r['id']]} and {r['page']}")
        seen[r["id"]] = r["page"]
    assert not dups, dups


def test_every_recommendation_a_calculator_serves_is_in_the_book():
    defined = {r["id"] for r in recommendations()}
    missing = [(c.id, rec) for c in mmguide.calculators() for rec in c.recommendations if rec not in defined]
    assert not missing, missing


def test_every_citation_key_in_the_pages_exists_in_references_bib():
    keys = bib_keys()
    unknown = []
    for page in PAGES:
        for m in CITE_RE.finditer(page.read_text(encoding="utf-8")):
            for key in m.group(1).split(","):
                if key.strip() and key.strip() not in keys:
                    unknown.append(f"{page.relative_to(ROOT)}: {key.strip()}")
    assert not unknown, unknown


def test_every_calculator_record_cites_existing_references():
    keys = bib_keys()
    missing = [(c.id, k) for c in mmguide.calculators() for k in c.references if k not in keys]
    assert not missing, missing


def test_references_bib_entries_have_a_doi_or_say_why_not():
    """Each entry carries its DOI, or is a label/manual, or says it is not verified."""
    bib = parse_file(str(ROOT / "references.bib"))
    bad = []
    for key, e in bib.entries.items():
        f = {k.lower(): v for k, v in e.fields.items()}
        if "doi" in f:
            assert re.fullmatch(r"10\.\d{4,9}/\S+", f["doi"]), (key, f["doi"])
            continue
        if e.type in ("manual", "misc") or "NOT VERIFIED" in f.get("note", "") or "No DOI" in f.get("note", ""):
            continue
        bad.append(key)
    assert not bad, bad


def test_the_interview_reference_list_is_deduplicated_and_unverified_entries_are_marked():
    bib = parse_file(str(ROOT / "references.bib"))
    titles = [e.fields["title"].lower() for e in bib.entries.values()]
    assert sum("bone disease in multiple myeloma" in t for t in titles) == 1  # [2] and [5] are one work
    assert "NOT VERIFIED" in bib.entries["nejm2022editorial_unidentified"].fields["note"]  # [11]
    assert bib.entries["moreau2022teclistamab"].fields["pages"] == "495--505"  # [10] had no pages


def test_every_calculator_has_a_generated_page():
    pages = {p.stem for p in (ROOT / "docs" / "calculators").glob("*.md")} - {"index"}
    ids = {c.id for c in mmguide.calculators()}
    assert ids <= pages, f"calculators without a page: {sorted(ids - pages)}"
    assert pages <= ids, f"pages without a calculator: {sorted(pages - ids)}"
    for calc_id in ids:
        text = (ROOT / "docs" / "calculators" / f"{calc_id}.md").read_text(encoding="utf-8")
        assert f"{{calculator-page}} {calc_id}" in text


def _record_thresholds() -> set[str]:
    """Every number with a laboratory unit that appears in a record's interpretation bands.

    Percentages are left out: band percentages (a 50% fall in M-protein) collide with the
    trial statistics the prose must quote (renal adverse events in 10% of patients)."""
    found = set()
    for c in mmguide.calculators():
        for b in c.bands:
            for m in re.finditer(r"(\d+(?:\.\d+)?)\s*(mL/min|mg/dL|µmol/L|mmol/L|g/dL|g/L|mg/L)", b.condition["en"]):
                found.add(f"{m.group(1)} {m.group(2)}")
    return found


def test_calculator_and_flowchart_pages_type_no_number_by_hand():
    """Generated pages hold only their directive: every number shown comes from the package."""
    pages = list((ROOT / "docs" / "calculators").glob("*.md")) + [ROOT / "docs" / "flowcharts.md"]
    offenders = []
    for page in pages:
        for line in page.read_text(encoding="utf-8").splitlines():
            if line.startswith("```{calculator-page}"):
                continue
            if re.search(r"\d", line):
                offenders.append(f"{page.relative_to(ROOT)}: {line}")
    assert not offenders, offenders


# Prose may repeat a record's threshold only in a sentence that cites its source (STYLE: numbers
# in prose come from the package or cite it), or where the number is a patient's value that
# happens to equal a threshold. Each such patient value is listed here with its reason.
PATIENT_VALUES = {
    ("notebooks/02-kidney-and-bone-agents.md", "creatinine of 1.0 mg/dL"): "the worked patient's creatinine",
    ("notebooks/02-kidney-and-bone-agents.md", "exactly 40 mL/min"): "the exercise patient's clearance",
    ("notebooks/02-kidney-and-bone-agents.md", "baseline creatinine is 1.4 mg/dL"): "the exercise patient's baseline",
}
# A threshold the recommendations themselves state, allowed wherever it appears, with the reason.
ALLOWED_IN_PROSE = {
    "30 mL/min": "BP-4 states it: zoledronic acid is not given below this clearance (and the phase 3 trial excluded such patients)",
}
CITED = re.compile(r"\{(?:cite(?::\w+)?|glue(?::\w+)?|rec)\}`")


def test_prose_does_not_retype_calculator_thresholds():
    thresholds = _record_thresholds() - set(ALLOWED_IN_PROSE)
    assert thresholds, "no thresholds found in the records: the check would pass vacuously"
    offenders = []
    for page in PAGES:
        if page.parent.name == "calculators":
            continue
        rel = page.relative_to(ROOT).as_posix()
        in_code = False
        for line in page.read_text(encoding="utf-8").splitlines():
            if line.startswith("```"):
                in_code = line.startswith("```{code-cell}") or (in_code and False)
                continue
            if in_code or CITED.search(line):
                continue
            if any(rel == f and snippet in line for f, snippet in PATIENT_VALUES):
                continue
            for t in thresholds:
                num, unit = t.split(" ", 1)
                if re.search(rf"(?<![\d.]){re.escape(num)}\s*{re.escape(unit)}", line):
                    offenders.append(f"{rel}: {t}: {line.strip()[:100]}")
    assert not offenders, (
        "thresholds typed into prose without a citation (cite the source, glue the value from the "
        "package, or link the calculator page):\n" + "\n".join(offenders))


SEED_OVERLAP = ROOT.parent / "shared" / "tools" / "seed-overlap"


@pytest.mark.skipif(not SEED_OVERLAP.exists(), reason="the seed-overlap checker is not beside this checkout")
def test_no_passage_repeats_the_source_interview_word_for_word():
    proc = subprocess.run([shutil.which("python3") or "python3", str(SEED_OVERLAP), str(ROOT)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
