"""Shared fixtures.

``site_root``: the whole site, both editions, built once per test session exactly as
``make html`` builds it (``tools/build.py -W --keep-going -n``) into ``_build/html``:
``en/``, ``zh_CN/`` and the language-choosing root page. Set ``MMGUIDE_SITE`` to an
already-built site root to test that instead of building.

``built_site``: the English edition inside it (``site_root / "en"``).
"""

from __future__ import annotations

import os
import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
EDITIONS = ("en", "zh_CN")


@pytest.fixture(scope="session")
def site_root() -> pathlib.Path:
    given = os.environ.get("MMGUIDE_SITE")
    if given:
        site = pathlib.Path(given).resolve()
        missing = [e for e in EDITIONS if not (site / e / "docs" / "index.html").exists()]
        assert not missing, f"MMGUIDE_SITE={given}: no built edition {missing} there"
        return site
    out = ROOT / "_build" / "html"
    cmd = [sys.executable, str(ROOT / "tools" / "build.py"), "--out", str(out), "-W", "--keep-going", "-n"]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if proc.returncode != 0:
        output = (proc.stdout + proc.stderr).splitlines()
        warnings = [line for line in output if "WARNING" in line or "ERROR" in line]
        pytest.fail(
            f"the -W build failed (exit {proc.returncode}): {' '.join(cmd)}\n"
            + "\n".join(warnings or output[-40:]),
            pytrace=False,
        )
    return out


@pytest.fixture(scope="session")
def built_site(site_root: pathlib.Path) -> pathlib.Path:
    return site_root / "en"


@pytest.fixture(scope="session")
def zh_site(site_root: pathlib.Path) -> pathlib.Path:
    """The site root (holding zh_CN/), for tests of the Chinese edition."""
    return site_root
