"""The benchmarks' historical baseline: Pyodide, pinned in benchmarks/baseline/package-lock.json
and installed on first use into benchmarks/baseline/node_modules (benchmarks/setup-baseline.sh).
``make setup`` never installs it; only a benchmark that compares with it does."""

from __future__ import annotations

import pathlib
import subprocess

HERE = pathlib.Path(__file__).resolve().parent
NODE_MODULES = HERE / "baseline" / "node_modules"
PYODIDE = NODE_MODULES / "pyodide"


def node_modules() -> pathlib.Path:
    """benchmarks/baseline/node_modules with Pyodide in it, installed if missing or stale."""
    subprocess.run(["bash", str(HERE / "setup-baseline.sh")], check=True)
    return NODE_MODULES
