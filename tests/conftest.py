"""Shared fixtures, and the rule that keeps the fast lane fast.

Fixtures for a test of the built site or of a page in a browser (use these; do not build or
launch anything yourself):

``site_root``: the whole site, both editions, built once per test run exactly as
``make html`` builds it (``tools/build.py -W --keep-going -n``) into ``_build/html``:
``en/``, ``zh_CN/`` and the language-choosing root page. Set ``MMGUIDE_SITE`` to an
already-built site root to test that instead of building (``make test`` builds first and sets it).
Under pytest-xdist the workers share one build: the first to need it builds under a lock file,
the others wait for it and reuse it.

``built_site``: the English edition inside it (``site_root / "en"``).
``zh_site``: the site root, for tests of the Chinese edition.
``site_url``: ``site_root`` served on 127.0.0.1 (one server per worker), its base URL.
``browser``: Debian's Chromium (``tools/mmguide_dev/browser.py``), one per worker process.

A test whose fixtures (at any depth) include one of the site fixtures is marked ``build``,
and one that includes ``browser`` or ``site_url`` is marked ``browser`` as well, by
``pytest_collection_modifyitems`` below, whatever its own markers say: ``make test-fast``
(``-m "not build and not browser"``) can then never start the build or a browser because a
test forgot its marker. The same hook orders the files (``file_order``): the build starts first, and
the costliest files go before the small ones. A test that drives Chromium through ``mmguide_dev.browser.chromium()``
directly, without these fixtures, must carry ``@pytest.mark.browser`` itself.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
EDITIONS = ("en", "zh_CN")
sys.path.insert(0, str(ROOT / "tools"))

# A test using any of these (directly or through other fixtures) needs the built site ...
SITE_FIXTURES = frozenset({"site_root", "built_site", "zh_site", "site_url"})
# ... and one using any of these drives a browser.
BROWSER_FIXTURES = frozenset({"browser", "site_url"})


# Tests that run the package over thousands of generated or fuzzed inputs: they check behaviour
# over the whole input space, not which lines run, and under coverage's tracer (make test) they
# take three to ten times as long. Coverage (make test's report and its 95 % floor in pyproject.toml)
# is measured on every other test, which reach the same lines through the worked examples and the
# threshold tests; tests/test_test_lanes.py checks that each file named here exists.
EXHAUSTIVE = frozenset({
    "test_chinese_messages.py",         # every bad value into every input of every example
    "test_plan_safety_properties.py",   # the plan over a covering array of every input's edges
    "test_input_safety_properties.py",  # every input's unit and range edges
    "test_fuzz_records.py",             # fuzzed inputs into every calculator
    "test_exact_formatting.py",         # the number writer against Decimal on generated values
})


# What each test file cost in a full ``make test`` (worker-seconds on 2 cores, Chromium included;
# measured on 2026-12-07 from a fresh clone, in a slow hour of this shared machine: only the ratios
# matter; refresh with tools/test_costs.py from a JUnit report). Only the order matters: under
# pytest-xdist (``--dist loadfile``) a worker takes a whole file at a time from one queue, so the
# costliest files go first and the run ends on small ones, with both workers busy to the end.
# A file not listed counts as small (1). tests/test_test_lanes.py checks that every file named exists.
COST = {
    "test_pages_en.py": 160, "test_pages_zh_CN.py": 136, "test_bedside.py": 125, "test_forms.py": 130,
    "micropython/test_equality.py": 89, "test_offline.py": 50, "test_chinese_messages.py": 29,
    "test_reader_site.py": 18, "test_clinical_diff.py": 17, "calculators/test_fuzz_records.py": 14,
    "test_site.py": 14, "test_reproducible_build.py": 13, "test_recommendation_grading.py": 9,
    "test_notebooks.py": 8, "test_legible.py": 8, "test_search_zh.py": 8,
    "calculators/test_plan_safety_properties.py": 7, "test_flowcharts.py": 7,
    "test_calculator_pages.py": 6, "calculators/test_properties.py": 6,
}
# How long the site build keeps the worker that starts it busy (worker-seconds, in the same run; the
# first site test's setup: 102 s of test_forms.py's 232 in that run).
BUILD_COST = 100


def marks_for(fixturenames) -> set[str]:
    """The markers a test must carry given its fixture closure (``item.fixturenames``)."""
    names = set(fixturenames)
    return ({"build"} if names & SITE_FIXTURES else set()) | ({"browser"} if names & BROWSER_FIXTURES else set())


def file_order(files: list[str], needs_site: set[str], cost=lambda f: COST.get(f, 1)) -> list[str]:
    """The order in which whole files are handed to the workers (``files`` in collection order).

    First the costliest file that needs the site: the worker that takes it builds the site at once.
    Meanwhile the other worker takes the costliest files that need no site, about as much work as the
    build. Then every other file, costliest first (a stable sort: equal costs keep collection order)."""
    site = [f for f in files if f in needs_site]
    first = [max(site, key=cost)] if site else []
    during, busy = [], 0
    for f in sorted((f for f in files if f not in needs_site), key=cost, reverse=True):
        if not first or busy >= BUILD_COST:
            break
        during.append(f)
        busy += cost(f)
    rest = sorted((f for f in files if f not in first and f not in during), key=cost, reverse=True)
    return first + during + rest


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Mark site and browser tests by what they use, and order whole files by ``file_order``
    (``make test`` runs ``--dist loadfile --no-loadscope-reorder``: the workers take files in this order)."""
    for item in items:
        if item.path.name in EXHAUSTIVE:
            item.add_marker(pytest.mark.no_cover)
        for name in sorted(marks_for(getattr(item, "fixturenames", ()))):
            if item.get_closest_marker(name) is None:
                item.add_marker(getattr(pytest.mark, name))
    rel = {item: _rel(item.path) for item in items}
    files = list(dict.fromkeys(rel.values()))
    rank = {f: i for i, f in enumerate(file_order(files, {rel[i] for i in items if _needs_site(i)}))}
    items.sort(key=lambda item: rank[rel[item]])  # stable: the order within each file is kept


def _rel(path: pathlib.Path) -> str:
    try:
        return path.relative_to(ROOT / "tests").as_posix()
    except ValueError:
        return path.as_posix()


@pytest.hookimpl(tryfirst=True)
def pytest_sessionstart(session):
    """In a pytest-xdist worker, stop the coverage that pytest-cov starts for the *controller* before it
    knows it is in a worker (its ``DistMaster``, started when the worker reads ``-n`` from the shared
    options). Its worker coverage starts next and stacks on top; pausing that one for a ``no_cover``
    test then resumed the controller's underneath, which traced the test at full cost and saved
    nothing. Stopped here, a ``no_cover`` test in a worker runs with no tracer at all
    (tests/test_test_lanes.py checks it)."""
    plugin = session.config.pluginmanager.getplugin("_cov")
    controller = getattr(plugin, "cov_controller", None)
    if hasattr(session.config, "workerinput") and type(controller).__name__ == "DistMaster":
        controller.cov.stop()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item):
    """pytest-cov's ``no_cover`` pauses coverage for a test's call only; an exhaustive test's grid is
    often computed by its fixtures, so their setup is left out as well."""
    plugin = item.config.pluginmanager.getplugin("_cov")
    controller = getattr(plugin, "cov_controller", None)
    pause = controller is not None and getattr(controller, "started", False) and item.get_closest_marker("no_cover")
    if pause:
        _import_the_package()  # its modules' own lines, run at import, are measured whatever the order
        controller.pause()
    try:
        yield
    finally:
        if pause:
            controller.resume()


_IMPORTED: list[bool] = []


def _import_the_package() -> None:
    """Import every module of mmguide once, with coverage on: a module first imported during a test that
    runs without coverage would leave its module-level lines unmeasured in that worker, so the report
    (and its 95 % floor) would depend on which test a worker ran first."""
    if _IMPORTED:
        return
    import importlib
    import pkgutil

    import mmguide

    for info in pkgutil.walk_packages(mmguide.__path__, "mmguide."):
        if not info.name.endswith("__main__"):  # the command line's entry point runs on import
            importlib.import_module(info.name)
    _IMPORTED.append(True)


def _needs_site(item) -> bool:
    return bool(set(getattr(item, "fixturenames", ())) & SITE_FIXTURES)


def _given_site() -> pathlib.Path | None:
    given = os.environ.get("MMGUIDE_SITE")
    if not given:
        return None
    site = pathlib.Path(given).resolve()
    missing = [e for e in EDITIONS if not (site / e / "docs" / "index.html").exists()]
    assert not missing, f"MMGUIDE_SITE={given}: no built edition {missing} there"
    return site


def build_site(out: pathlib.Path) -> str | None:
    """Build both editions into *out* as ``make html`` does; the failure's text, or None."""
    cmd = [sys.executable, str(ROOT / "tools" / "build.py"), "--out", str(out), "-W", "--keep-going", "-n"]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if proc.returncode == 0:
        return None
    output = (proc.stdout + proc.stderr).splitlines()
    warnings = [line for line in output if "WARNING" in line or "ERROR" in line]
    return f"the -W build failed (exit {proc.returncode}): {' '.join(cmd)}\n" + "\n".join(warnings or output[-40:])


@contextlib.contextmanager
def _locked(path: pathlib.Path):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)  # released when the file closes, even if the worker dies
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


@pytest.fixture(scope="session")
def site_root() -> pathlib.Path:
    given = _given_site()
    if given:
        return given
    out = ROOT / "_build" / "html"
    testrun_uid = os.environ.get("PYTEST_XDIST_TESTRUNUID")  # set in each pytest-xdist worker
    if not testrun_uid:  # no xdist: this process alone builds
        failure = build_site(out)
    else:  # xdist: one build per run (testrun_uid), shared by every worker
        done = ROOT / "_build" / ".site-build-result"
        with _locked(ROOT / "_build" / ".site-build.lock"):
            record = done.read_text(encoding="utf-8").split("\n", 1) if done.exists() else ["", ""]
            if record[0] == testrun_uid:
                failure = record[1] or None
            else:
                failure = build_site(out)
                done.write_text(f"{testrun_uid}\n{failure or ''}", encoding="utf-8")
    if failure:
        pytest.fail(failure, pytrace=False)
    return out


@pytest.fixture(scope="session")
def built_site(site_root: pathlib.Path) -> pathlib.Path:
    return site_root / "en"


@pytest.fixture(scope="session")
def zh_site(site_root: pathlib.Path) -> pathlib.Path:
    """The site root (holding zh_CN/), for tests of the Chinese edition."""
    return site_root


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, one per worker process (shared with every module that asks); its contexts
    block the service worker unless a test passes ``service_workers="allow"``."""
    from browser import chromium  # tests/browser.py

    with chromium() as b:
        yield b


@pytest.fixture(scope="session")
def site_url(site_root):
    """The base URL of ``site_root`` served on 127.0.0.1."""
    from mmguide_dev.browser import serve

    with serve(site_root) as url:
        yield url
