"""The fast lane cannot start the build: a test that uses a site or browser fixture is marked
``build``/``browser`` by tests/conftest.py whatever its own markers say, so
``make test-fast`` (``-m "not build and not browser"``) deselects it."""

from __future__ import annotations

import os
import pathlib
import shutil
import subprocess
import sys

from conftest import EXHAUSTIVE, marks_for

ROOT = pathlib.Path(__file__).resolve().parent.parent
FAST = "not build and not browser"

# Tests written as a contributor might forget to mark them: none carries a marker.
UNMARKED = '''
import pytest


def test_needs_nothing():
    pass


def test_reads_the_english_edition(built_site):
    pass


@pytest.fixture
def a_page(site_url):
    return site_url + "/en/docs/index.html"


def test_through_a_fixture_of_its_own(a_page):
    pass


def test_drives_chromium(browser):
    pass


@pytest.mark.parametrize("edition", ["en", "zh_CN"])
def test_reads_both_editions(site_root, edition):
    pass
'''


# (Installed plugins are not loaded: the hook is pytest's own, and starting them takes seconds.)
# Prints each collected test with the markers it ends up with, in the order it will run.
REPORT = '''
def pytest_collection_finish(session):
    for item in session.items:
        print("ITEM", item.name, ",".join(sorted(m.name for m in item.iter_markers() if m.name in ("build", "browser"))))
'''


def _collect(tmp_path: pathlib.Path, *args: str) -> list[tuple[str, str]]:
    tests = tmp_path / "tests"
    tests.mkdir(exist_ok=True)
    shutil.copy(ROOT / "tests" / "conftest.py", tests / "conftest.py")
    (tests / "test_unmarked.py").write_text(UNMARKED, encoding="utf-8")
    (tmp_path / "report_marks.py").write_text(REPORT, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-p", "report_marks", "--collect-only",
                           "-q", "-s", *args, str(tests)], cwd=tmp_path, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(tmp_path), "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"})
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return [tuple((line.split(" ") + [""])[1:3]) for line in proc.stdout.splitlines() if line.startswith("ITEM ")]


def test_the_fast_lane_deselects_every_test_that_uses_a_site_or_browser_fixture(tmp_path):
    assert _collect(tmp_path, "-m", FAST) == [("test_needs_nothing", "")]


def test_site_and_browser_tests_are_marked_and_the_first_site_file_starts_the_run(tmp_path):
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_zz_more.py").write_text(
        "def test_plain():\n    pass\n\n\ndef test_zh(zh_site):\n    pass\n", encoding="utf-8")
    assert _collect(tmp_path) == [
        # the first file's site tests: the worker that takes them builds the site at once
        ("test_reads_the_english_edition", "build"),
        ("test_through_a_fixture_of_its_own", "browser,build"),
        ("test_reads_both_editions[en]", "build"),
        ("test_reads_both_editions[zh_CN]", "build"),
        # meanwhile the other worker: slow tests that need no site, then the rest
        ("test_drives_chromium", "browser"),
        ("test_needs_nothing", ""),
        ("test_plain", ""),
        # the other site tests last
        ("test_zh", "build"),
    ]


def test_markers_follow_the_fixture_closure():
    assert marks_for(["tmp_path", "request"]) == set()
    assert marks_for(["zh_site", "site_root"]) == {"build"}
    assert marks_for(["a_page", "site_url", "site_root"]) == {"build", "browser"}
    assert marks_for(["browser"]) == {"browser"}


def test_every_file_left_out_of_coverage_exists():
    """A renamed exhaustive test file would silently be measured again (and slow make test down)."""
    found = {p.name for p in (ROOT / "tests").rglob("test_*.py")}
    assert EXHAUSTIVE <= found, sorted(EXHAUSTIVE - found)
