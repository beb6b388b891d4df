"""mmguide's tests, run again under Pyodide in Node: the interpreter the book's forms use.

tests/pyodide/run_tests.mjs loads the wheel the book ships (plus pytest, offline), runs every
published worked example and every test module Pyodide can import, and ends with
"N passed, N failed".
"""

from __future__ import annotations

import pathlib
import re
import shutil
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
RUNNER = ROOT / "tests" / "pyodide" / "run_tests.mjs"


def test_mmguide_tests_pass_under_pyodide_in_node(tmp_path):
    if not (ROOT / "node_modules" / "pyodide" / "pyodide.mjs").is_file():
        pytest.skip("node_modules/pyodide is missing: run `npm ci` (package.json pins pyodide)")
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    proc = subprocess.run(
        [node, str(RUNNER)], cwd=ROOT, capture_output=True, text=True, timeout=900,
        env={"PATH": "/usr/bin:/bin", "PYTHON": sys.executable, "MMGUIDE_PYODIDE_WHEELS": str(tmp_path / "wheels")},
    )
    out = proc.stdout + proc.stderr
    last = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else ""
    m = re.fullmatch(r"(\d+) passed, (\d+) failed", last)
    assert m, f"no closing 'N passed, N failed' line (exit {proc.returncode}):\n{out[-4000:]}"
    passed, failed = map(int, m.groups())
    assert proc.returncode == 0 and failed == 0, out[-6000:]
    # every published example ran, so at least that many passed
    examples = sum(1 for _ in (ROOT / "src" / "mmguide" / "data" / "examples").glob("*.json"))
    assert passed >= examples > 0
