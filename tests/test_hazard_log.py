"""The hazard log (docs/safety.md) is data: every hazard has its fields and names tests that exist.

A hazard without a test is an open hazard, and a hazard whose test was renamed or deleted has lost
its evidence: both fail here, so `make test` fails.
"""

from __future__ import annotations

import ast
import re
from functools import lru_cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LOG = ROOT / "docs" / "safety.md"
FIELDS = ("Harm", "Cause", "Mitigation", "Residual risk", "Tests")
HEADING = re.compile(r"^## (HZ-(\d+)): (.+)$", re.M)
NODE_ID = re.compile(r"(tests/[\w/]+\.py)::(\w+)(\[[^\]\n]*\])?")


def parse(text: str) -> list[dict]:
    """The hazards of a hazard-log page: id, number, title, label, fields and the tests named."""
    out = []
    heads = list(HEADING.finditer(text))
    for i, m in enumerate(heads):
        body = text[m.end(): heads[i + 1].start() if i + 1 < len(heads) else len(text)]
        before = text[:m.start()].rstrip().splitlines()
        fields, current = {}, None
        for line in body.splitlines():
            if line in FIELDS:
                current = line
                fields[current] = ""
            elif current and (line.startswith(": ") or line.startswith("  ")):  # a definition, or its code block
                fields[current] += line[2:].strip() + "\n"
            elif line.strip() and not line.startswith("("):
                current = None
        out.append({"id": m.group(1), "n": int(m.group(2)), "title": m.group(3),
                    "label": before[-1] if before else "", "fields": fields,
                    "tests": NODE_ID.findall(fields.get("Tests", ""))})
    return out


@lru_cache(maxsize=None)
def _test_functions(path: str) -> frozenset[str]:
    file = ROOT / path
    if not file.is_file():
        return frozenset()
    tree = ast.parse(file.read_text(encoding="utf-8"))
    return frozenset(n.name for n in ast.walk(tree)
                     if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.name.startswith("test_"))


def problems(hazards: list[dict]) -> list[str]:
    """Everything wrong with a parsed hazard log (empty when it is sound)."""
    bad = []
    numbers = [h["n"] for h in hazards]
    # numbers run from HZ-1 without gaps or repeats (work done in parallel closes its numbers up when it lands;
    # a published number is never reused)
    if numbers != list(range(1, len(numbers) + 1)):
        bad.append(f"hazard numbers must run from HZ-1 without gaps or repeats: {numbers}")
    for h in hazards:
        if h["label"] != f"(hz-{h['n']})=":
            bad.append(f"{h['id']}: needs the stable label (hz-{h['n']})= above its heading")
        for f in FIELDS:
            if not h["fields"].get(f, "").strip():
                bad.append(f"{h['id']}: field '{f}' is missing or empty")
        if not h["tests"]:
            bad.append(f"{h['id']}: names no test (an open hazard)")
        for path, name, _ in h["tests"]:
            if name not in _test_functions(path):
                bad.append(f"{h['id']}: names {path}::{name}, which does not exist")
    return bad


def test_every_hazard_has_its_fields_and_names_tests_that_exist():
    hazards = parse(LOG.read_text(encoding="utf-8"))
    assert len(hazards) >= 20
    assert not problems(hazards), "\n".join(problems(hazards))


@pytest.mark.parametrize("broken,expected", [
    ("tests/test_clinical_safety.py::test_that_was_renamed", "does not exist"),
    ("tests/no_such_file.py::test_hypocalcaemia_floor_without_laboratory_limits_at_its_edge", "does not exist"),
    ("none yet", "names no test"),
])
def test_the_check_fails_when_a_hazard_names_a_missing_test_or_none(broken, expected):
    page = ("(hz-1)=\n## HZ-1: Example\n\nHarm\n: h\n\nCause\n: c\n\nMitigation\n: m\n\nResidual risk\n: r\n\n"
            f"Tests\n: ```text\n  {broken}\n  ```\n")
    assert any(expected in p for p in problems(parse(page)))


def test_the_check_accepts_a_parametrised_node_id_and_rejects_a_missing_field():
    ok = ("(hz-1)=\n## HZ-1: Example\n\nHarm\n: h\n\nCause\n: c\n\nMitigation\n: m\n\nResidual risk\n: r\n\n"
          "Tests\n: ```text\n  tests/test_clinical_safety.py::test_hypocalcaemia_floor_without_laboratory_limits_at_its_edge"
          "[1.99 mmol/L-True]\n  ```\n")
    assert problems(parse(ok)) == []
    assert any("'Cause'" in p for p in problems(parse(ok.replace("Cause\n: c\n", ""))))


def test_the_hazard_log_is_in_the_book():
    index = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    assert re.search(r"^safety$", index, re.M), "docs/safety.md must be in a toctree of docs/index.md"
