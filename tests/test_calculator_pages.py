"""Calculator pages are written for clinicians: nothing of the code's plumbing is shown.

No code name of an input, no calculator id, no ``facts.md`` section, no ``[DECISION]`` tag
and no reference key appears in the text of a built calculator page, in either edition; the
validation section comes last and its tables stack on a phone.
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

import mmguide

pytestmark = pytest.mark.build

EDITIONS = ("en", "zh_CN")
BIB_KEYS = re.findall(r"@\w+\{([^,\s]+),", (pytest.importorskip("pathlib").Path(__file__).resolve().parents[1]
                                             / "references.bib").read_text(encoding="utf-8"))


def _visible_text(path) -> str:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    main = soup.select_one("article") or soup.body
    for tag in main.find_all(["script", "style", "noscript", "math"]):
        tag.decompose()
    for tag in main.select(".mmguide-print-only"):  # printed only: not on the reader's screen
        tag.decompose()
    return main.get_text(" ")


def _code_names():
    names = set()
    for calc in mmguide.calculators():
        names |= {i.name for i in calc.inputs if "_" in i.name or i.name == "crcl"}
    return names


@pytest.mark.parametrize("edition", EDITIONS)
def test_calculator_pages_show_no_code_names_fact_sheet_tags_or_reference_keys(site_root, edition):
    names = _code_names()
    ids = {c.id for c in mmguide.calculators()}
    problems = []
    for calc in mmguide.calculators():
        page = site_root / edition / "docs" / "calculators" / f"{calc.id}.html"
        text = _visible_text(page)
        for bad in ("facts.md", "[DECISION]", "Fact sheet", "§11", "details[", "行动项"):
            if bad in text:
                problems.append((calc.id, bad))
        for key in BIB_KEYS:
            if re.search(rf"(?<![\w-]){re.escape(key)}(?![\w-])", text):
                problems.append((calc.id, key))
        for n in names:
            if re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", text):
                problems.append((calc.id, n))
        for other in ids:
            if re.search(rf"(?<![\w/-]){re.escape(other)}(?![\w-]|\.html)", text):
                problems.append((calc.id, other))
        for code in _result_codes():
            if re.search(rf"(?<![\w/-]){re.escape(code)}(?![\w-])", text):
                problems.append((calc.id, code))
    assert not problems, problems


def _result_codes():
    """Code names of what a calculator finds: event ids, hyphenated category ids and the plan's action ids
    (those that are not plain English words)."""
    from mmguide.clinical import bone_protection_plan as bpp
    from mmguide.clinical import myeloma_defining_events as mde

    codes = {e for e in mde.EVENTS if "-" in e} | {a.id for a in bpp.ACTIONS if "-" in a.id}
    codes |= {k.id for c in mmguide.calculators() for k in c.output.categories if "-" in k.id}
    return codes - {"non-frail"}


@pytest.mark.parametrize("edition", EDITIONS)
def test_validation_comes_last_and_stacks_on_a_phone(site_root, edition):
    for calc in mmguide.calculators():
        if not calc.examples:
            continue
        soup = BeautifulSoup((site_root / edition / "docs" / "calculators" / f"{calc.id}.html")
                             .read_text(encoding="utf-8"), "html.parser")
        headings = [h.get_text(" ", strip=True).rstrip("#").strip() for h in soup.select("article section > h2")
                    if not h.find_parent(class_="mmguide-print-only")]  # the printed reference list
        assert headings[-1] == ("验证" if edition == "zh_CN" else "Validation"), (calc.id, headings)
        table = soup.select_one("table.mmguide-examples")
        assert "mmguide-stack" in table["class"]
        cells = table.select("tbody td")
        assert cells and all(td.get("data-label") for td in cells), calc.id
