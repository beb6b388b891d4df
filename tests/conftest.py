"""Shared fixtures.

``built_site``: the HTML site, built once per test session with the same strict options as
``make html`` (``-W --keep-going -n``) into ``_build/html``. Set ``MMGUIDE_SITE`` to an
already-built site directory to test that instead of building.
"""

from __future__ import annotations

import os
import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def built_site() -> pathlib.Path:
    given = os.environ.get("MMGUIDE_SITE")
    if given:
        site = pathlib.Path(given).resolve()
        assert (site / "index.html").exists() or any(site.rglob("index.html")), f"MMGUIDE_SITE={given}: no built site there"
        return site
    out = ROOT / "_build" / "html"
    cmd = [sys.executable, "-m", "sphinx", "-b", "html", "-W", "--keep-going", "-n", str(ROOT), str(out)]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if proc.returncode != 0:
        warnings = [line for line in proc.stderr.splitlines() if "WARNING" in line or "ERROR" in line]
        pytest.fail(
            f"sphinx build failed (exit {proc.returncode}): {' '.join(cmd)}\n"
            + "\n".join(warnings or proc.stderr.splitlines()[-40:]),
            pytrace=False,
        )
    return out
