"""The machine-readable edition (mmguide.json) follows its JSON Schema, in both editions, and says
what the pages say: every recommendation with its grade, every calculator record, the version."""

from __future__ import annotations

import copy
import json
import pathlib

import jsonschema
import pytest
from bs4 import BeautifulSoup

import mmguide

ROOT = pathlib.Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "schema" / "mmguide.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def test_the_schema_is_a_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def _doc() -> dict:
    from mmguide.records import _jsonable

    calcs = [{**_jsonable(c.as_dict()), "url": f"docs/calculators/{c.id}.html"} for c in mmguide.calculators()]
    rec = {"id": "BP-1", "statement": "S.", "statement_en": "S.", "strength": "not graded", "certainty": "not assessed",
           "grading": "Not graded: expert opinion from the interview.", "grading_shown": "Not graded: expert opinion.",
           "reviewed": "2026-11-25", "changed": "First published.", "changed_shown": "First published.",
           "sources": {"text": "Interview", "references": ["song_interview"]},
           "url": "docs/guide/recommendations.html#rec-bp-1", "calculators": ["bone-protection-plan"]}
    return {"name": "mmguide", "version": mmguide.__version__, "language": "en", "text_language": "en",
            "built": "2026-12-01", "recommendations": [rec], "calculators": calcs}


def test_every_calculator_record_of_the_package_fits_the_schema():
    assert not [e.message for e in VALIDATOR.iter_errors(_doc())]


@pytest.mark.parametrize("path,value", [
    (("recommendations", 0, "strength"), "weak"),  # not a strength of the vocabulary
    (("recommendations", 0, "certainty"), "high"),  # a certainty for a recommendation nobody graded
    (("recommendations", 0, "reviewed"), "25 Nov 2026"),
    (("recommendations", 0, "id"), "bp1"),
    (("calculators", 0, "inputs", 0, "units"), []),  # a quantity without its units and ranges
    (("version",), "latest"),
])
def test_the_schema_refuses_an_invented_grade_a_bad_date_or_a_quantity_without_units(path, value):
    doc = copy.deepcopy(_doc())
    target = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    assert list(VALIDATOR.iter_errors(doc))


@pytest.mark.build
@pytest.mark.parametrize("edition", ["en", "zh_CN"])
def test_mmguide_json_is_built_for_each_edition_and_validates_against_its_published_schema(site_root, edition):
    from test_book_sources import recommendations

    out = site_root / edition
    data = json.loads((out / "mmguide.json").read_text(encoding="utf-8"))
    assert not [f"{list(e.absolute_path)}: {e.message}" for e in VALIDATOR.iter_errors(data)]
    assert json.loads((out / "mmguide.schema.json").read_text(encoding="utf-8")) == SCHEMA
    assert data["version"] == mmguide.__version__
    assert data["language"] == edition
    assert [c["id"] for c in data["calculators"]] == [c.id for c in mmguide.calculators()]
    sources = {r["id"]: r for r in recommendations()}
    assert {r["id"] for r in data["recommendations"]} == set(sources)
    for r in data["recommendations"]:
        s = sources[r["id"]]
        assert (r["statement_en"], r["strength"], r["certainty"], r["reviewed"]) == (
            s["statement"], s["strength"], s["certainty"], s["reviewed"])
        page, anchor = r["url"].split("#")
        soup = BeautifulSoup((out / page).read_text(encoding="utf-8"), "html.parser")
        assert soup.find(id=anchor) is not None, r["url"]
        if edition == "zh_CN":
            assert r["statement"] != r["statement_en"], r["id"]  # the Chinese statement, not the English
