"""The fast lane cannot start the build: a test that uses a site or browser fixture is marked
``build``/``browser`` by tests/conftest.py whatever its own markers say, so
``make test-fast`` (``-m "not build and not browser"``) deselects it."""

from __future__ import annotations

import os
import pathlib
import shutil
import subprocess
import sys

from conftest import BUILD_COST, COST, EXHAUSTIVE, file_order, marks_for

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


def test_site_and_browser_tests_are_marked_and_whole_files_are_ordered(tmp_path):
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_zz_more.py").write_text(
        "def test_plain():\n    pass\n\n\ndef test_zh(zh_site):\n    pass\n", encoding="utf-8")
    # neither file has a cost: the first that needs the site starts the run, whole, and the other follows
    assert _collect(tmp_path) == [
        ("test_needs_nothing", ""),
        ("test_reads_the_english_edition", "build"),
        ("test_through_a_fixture_of_its_own", "browser,build"),
        ("test_drives_chromium", "browser"),
        ("test_reads_both_editions[en]", "build"),
        ("test_reads_both_editions[zh_CN]", "build"),
        ("test_plain", ""),
        ("test_zh", "build"),
    ]


def test_the_build_starts_first_beside_about_as_much_work_that_needs_no_site_then_costliest_first():
    cost = {"site_big.py": 180, "site_small.py": 5, "site_mid.py": 100,
            "plain_big.py": 90, "plain_mid.py": 40, "plain_small.py": 2, "plain_tiny.py": 1}.get
    files = ["plain_tiny.py", "site_small.py", "plain_mid.py", "site_big.py", "plain_small.py", "site_mid.py", "plain_big.py"]
    needs_site = {"site_big.py", "site_small.py", "site_mid.py"}
    assert 90 < BUILD_COST <= 130  # the figures below assume it
    assert file_order(files, needs_site, cost) == [
        "site_big.py",                  # its worker builds the site, then runs it
        "plain_big.py", "plain_mid.py",  # meanwhile, on the other worker: 130 worker-seconds, at least BUILD_COST
        "site_mid.py", "site_small.py", "plain_small.py", "plain_tiny.py",  # then costliest first
    ]
    # no site needed (make test-fast): costliest first
    assert file_order(["a.py", "b.py", "c.py"], set(), {"a.py": 1, "b.py": 9, "c.py": 5}.get) == ["b.py", "c.py", "a.py"]


def test_every_file_given_a_cost_exists():
    """A renamed costly file would silently be handed out last and end the run on one worker."""
    missing = [f for f in COST if not (ROOT / "tests" / f).is_file()]
    assert not missing, missing


def test_markers_follow_the_fixture_closure():
    assert marks_for(["tmp_path", "request"]) == set()
    assert marks_for(["zh_site", "site_root"]) == {"build"}
    assert marks_for(["a_page", "site_url", "site_root"]) == {"build", "browser"}
    assert marks_for(["browser"]) == {"browser"}


def test_every_file_left_out_of_coverage_exists():
    """A renamed exhaustive test file would silently be measured again (and slow make test down)."""
    found = {p.name for p in (ROOT / "tests").rglob("test_*.py")}
    assert EXHAUSTIVE <= found, sorted(EXHAUSTIVE - found)


def test_the_cost_of_each_file_is_read_from_a_junit_report(tmp_path):
    sys.path.insert(0, str(ROOT / "tools"))
    from test_costs import costs

    report = tmp_path / "junit.xml"
    report.write_text(
        '<testsuites><testsuite name="pytest">'
        '<testcase classname="tests.test_site" name="test_a" time="100.5"/>'
        '<testcase classname="tests.test_site" name="test_b" time="0.5"/>'
        '<testcase classname="tests.calculators.test_fuzz_records" name="test_c[x]" time="26"/>'
        '<testcase classname="tests.test_forms.TestForm" name="test_d" time="119"/>'
        '</testsuite></testsuites>', encoding="utf-8")
    assert costs(report) == {"test_forms.py": 119.0, "test_site.py": 101.0, "calculators/test_fuzz_records.py": 26.0}


def test_a_no_cover_test_in_a_worker_runs_without_a_tracer_and_the_others_with_one(tmp_path):
    """pytest-cov starts the controller's coverage in each worker before the worker's own; unless
    tests/conftest.py stops it, pausing the worker's coverage for an EXHAUSTIVE test resumes that one,
    and the test runs traced (three to six times slower) with nothing recorded."""
    tests = tmp_path / "tests"
    tests.mkdir()
    shutil.copy(ROOT / "tests" / "conftest.py", tests / "conftest.py")
    (tests / "test_probe.py").write_text(
        "import pathlib\nimport sys\nimport pytest\n\nOUT = pathlib.Path(__file__).parent\n\n\n"
        "@pytest.mark.no_cover\ndef test_exhaustive():\n"
        "    (OUT / 'exhaustive.txt').write_text('off' if sys.gettrace() is None else 'on')\n\n\n"
        "def test_other():\n    (OUT / 'other.txt').write_text('off' if sys.gettrace() is None else 'on')\n",
        encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-p", "xdist.plugin", "-p", "pytest_cov",
                           "-n", "1", "--cov=probe_nothing", "--cov-report=", "-q", str(tests)],
                          cwd=tmp_path, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"})
    assert "2 passed" in proc.stdout, proc.stdout + proc.stderr
    assert (tests / "exhaustive.txt").read_text() == "off"
    assert (tests / "other.txt").read_text() == "on"
