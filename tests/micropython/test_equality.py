"""The in-page runtime answers as CPython does: tests/micropython/equality.py runs every worked
example, every flowchart path's patients, 2,000 generated inputs (fixed seed) and the bad-input
cases through the bundle a page loads, under MicroPython's WebAssembly build in Node, and compares
each outcome (compute()'s result or error, and respond()'s page in English and Chinese) with
CPython's as JSON. One difference fails the build."""

from __future__ import annotations

import pathlib
import shutil
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
MP = ROOT / "node_modules" / "@micropython" / "micropython-webassembly-pyscript" / "micropython.mjs"

pytestmark = pytest.mark.build  # about two minutes: make test, not make test-fast


def test_micropython_gives_what_cpython_gives_on_every_case():
    assert MP.is_file(), "node_modules is missing MicroPython: run tools/setup-node.sh (make setup)"
    assert shutil.which("node"), "node is not installed"
    proc = subprocess.run([sys.executable, str(ROOT / "tests" / "micropython" / "equality.py"), "--n", "2000"],
                          cwd=ROOT, capture_output=True, text=True, timeout=1500)
    last = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else ""
    assert proc.returncode == 0 and last.endswith(" 0 failed"), proc.stdout[-4000:] + proc.stderr[-2000:]
    passed = int(last.split()[0])
    assert passed > 10_000, last  # every kind of case was run, not an empty list
