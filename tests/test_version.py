"""The book's version lives in one place, mmguide.__version__; everything else reads it."""

from __future__ import annotations

import json
import pathlib
import re
import runpy
import tomllib
from importlib import metadata

import mmguide

ROOT = pathlib.Path(__file__).resolve().parent.parent


def test_the_version_is_a_release_number():
    assert re.fullmatch(r"\d+\.\d+\.\d+", mmguide.__version__)


def test_pyproject_reads_the_version_from_the_package():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"]
    assert project["project"]["dynamic"] == ["version"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "mmguide.version.__version__"}
    assert metadata.version("mmguide") == mmguide.__version__


def test_the_book_and_the_tooling_show_the_package_version():
    conf = runpy.run_path(str(ROOT / "conf.py"))
    assert conf["release"] == conf["version"] == mmguide.__version__
    assert conf["myst_substitutions"]["version"] == mmguide.__version__
    assert json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["version"] == mmguide.__version__
    about = (ROOT / "docs" / "about.md").read_text(encoding="utf-8")
    assert "Version {{ version }}" in about and mmguide.__version__ not in about


def test_the_release_notes_list_the_current_version():
    changes = (ROOT / "docs" / "changes.md").read_text(encoding="utf-8")
    assert re.search(rf"^## Version {re.escape(mmguide.__version__)}$", changes, re.M)
