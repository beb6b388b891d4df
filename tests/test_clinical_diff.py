"""The clinical diff shows a reviewer what a change does for patients, and stays quiet about prose typos.

Each test makes throwaway commits in a temporary clone of this repository and runs
tools/clinical_diff.py on it, as a reviewer would run ``make clinical-diff BASE=HEAD~1``.
"""

from __future__ import annotations

import json
import pathlib
import re
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
TOOL = ROOT / "tools" / "clinical_diff.py"
GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false"]


@pytest.fixture(scope="module")
def clone(tmp_path_factory) -> pathlib.Path:
    repo = tmp_path_factory.mktemp("clone") / "mmguide"
    subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", str(ROOT), str(repo)], check=True)
    return repo


def _commit(repo: pathlib.Path, message: str) -> None:
    subprocess.run([*GIT, "commit", "--quiet", "-am", message], cwd=repo, check=True)


def _edit(path: pathlib.Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path}: {old!r} not found"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _diff(repo: pathlib.Path, out: pathlib.Path) -> tuple[str, dict]:
    proc = subprocess.run([sys.executable, str(TOOL), "--repo", str(repo), "--base", "HEAD~1", "--out", str(out)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert (out / "report.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    return (out / "report.md").read_text(encoding="utf-8"), json.loads((out / "summary.json").read_text())


def test_clinical_diff_reports_a_moved_dose_band_edge_and_a_reworded_recommendation(clone, tmp_path):
    module = clone / "src" / "mmguide" / "clinical" / "zoledronic_acid_bands.py"
    _edit(module, "FULL_DOSE_ABOVE = F(60)", "FULL_DOSE_ABOVE = F(55)")
    page = clone / "docs" / "guide" / "recommendations.md"
    statement = re.search(r"^:statement: (Start bone-targeted therapy at diagnosis.*)$", page.read_text(encoding="utf-8"), re.M)
    assert statement, "BP-1's statement not found"
    _edit(page, statement.group(1), "Start bone-targeted therapy only once imaging shows bone lesions.")
    _commit(clone, "move a band edge and change a statement")
    report, summary = _diff(clone, tmp_path / "out")
    assert "**What changes for patients.**" in report
    # the band edge: the constant and the record's band text, old -> new, with the source key
    assert re.search(r"\| zoledronic-acid-dose \| mmguide\.clinical\.zoledronic_acid_dose\.FULL_DOSE_ABOVE \| 60(\.0)? \| 55(\.0)? \| zometa_label", report), report
    assert "CrCl > 60 mL/min" in report and "CrCl > 55 mL/min" in report
    # a patient between the old and the new edge now gets another dose: some probe shows it
    assert summary["property samples with a changed result"] > 0
    # the recommendation, old and new text side by side
    assert re.search(r"\| BP-1 \| changed \| statement \| Start bone-targeted therapy at diagnosis.* \| Start bone-targeted therapy only once imaging shows bone lesions\. \|", report), report
    assert summary["recommendations with a changed statement, strength or certainty"] == 1


def test_clinical_diff_reports_no_clinical_change_for_a_prose_typo(clone, tmp_path):
    page = clone / "docs" / "guide" / "bone-disease.md"
    text = page.read_text(encoding="utf-8")
    word = re.search(r"\b(skeleton|patients|treatment)\b", text).group(1)
    _edit(page, word, word[:2] + word[3:])  # a dropped letter: an editorial slip, no number changes
    _commit(clone, "typo")
    report, summary = _diff(clone, tmp_path / "out")
    assert "**No clinical change.**" in report, report
    assert not any(summary.values()), summary


def test_clinical_diff_across_the_rename_of_the_calculator_modules_shows_no_clinical_change(clone, tmp_path):
    """Older revisions keep the calculator modules in mmguide/calculators/ (a subpackage beside the function
    mmguide.calculators()); the report must still load their constants and name them as today."""
    src = clone / "src" / "mmguide"
    subprocess.run(["git", "mv", "src/mmguide/clinical", "src/mmguide/calculators"], cwd=clone, check=True)
    for name in ("api.py", "flowcharts.py"):
        _edit(src / name, "from .clinical import", "from .calculators import")
    _commit(clone, "the old layout")
    subprocess.run([*GIT, "revert", "--quiet", "--no-edit", "HEAD"], cwd=clone, check=True)
    assert (src / "clinical" / "zoledronic_acid_dose.py").exists() and not list((src / "calculators").glob("*.py"))
    report, summary = _diff(clone, tmp_path / "out")
    assert "**No clinical change.**" in report, report
    assert not any(summary.values()), summary
    assert "mmguide.calculators." not in report


def test_clinical_diff_sees_a_changed_number_in_a_guide_sentence():
    import importlib.util

    spec = importlib.util.spec_from_file_location("clinical_diff", TOOL)
    cd = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(cd)
    assert cd.numbers_in("ONJ occurred in 4% of patients {cite:p}`raje2018denosumab` (see {rec}`BP-6`).") == ["4%"]
    assert cd.numbers_in("Give it every 3–4 weeks.") == ["3", "4"]


def test_release_notes_draft_names_each_clinical_change_and_says_so_when_there_is_none():
    sys.path.insert(0, str(ROOT / "tools"))
    import release_notes

    details = {
        "recommendations": [{"id": "BP-1", "change": "changed", "field": "statement", "old": "A.", "new": "B.", "clinical": True},
                            {"id": "BP-2", "change": "changed", "field": "reviewed", "old": "2026-01-01", "new": "2026-02-01", "clinical": False}],
        "records": [{"calculator": "zoledronic-acid-dose", "field": "mmguide.clinical.zoledronic_acid_dose.FULL_DOSE_ABOVE",
                     "old": 60.0, "new": 55.0, "source": "zometa_label, zometa_smpc"}],
        "results": {"example": [], "path": [], "sample": [{"calculator": "zoledronic-acid-dose"}], "probe": []},
        "sentences": [],
    }
    text = release_notes.draft("v0.2.0", details, "2026-12-01")
    assert text.startswith("## Version 0.2.0\n\nReleased 2026-12-01.")
    assert "BP-1: statement changed from “A.” to “B.”" in text
    assert "BP-2" not in text  # a new review date is not a clinical change
    assert "FULL_DOSE_ABOVE changed from 60.0 to 55.0 (source: zometa_label" in text
    assert "1 sample patients now get a different answer (zoledronic-acid-dose)" in text
    empty = release_notes.draft("v0.2.1", {"recommendations": [], "records": [], "results": {}, "sentences": []}, "2026-12-02")
    assert "No clinical change" in empty
