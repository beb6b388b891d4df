"""Regression tests of the tutorial notebooks: every number they print is compared with the
reviewed expected outputs in ``tests/notebooks/expected/``.

Each MyST notebook is converted with jupytext and must match, cell for cell, the source kept in
its expected notebook (so an edited tutorial cannot hide behind a stale baseline); the expected
notebook is then executed again (pytest-notebook, nbclient underneath) and its new outputs are
diffed against the stored ones. Only volatile parts are ignored (PNG pixels, execution counts,
timings, memory addresses): a change in any printed value, including one caused by a change of a
threshold in ``src/mmguide``, fails here until the baseline is regenerated on purpose with

    .venv/bin/python tools/regen_notebooks.py

and the diff (``git diff tests/notebooks/expected``) is reviewed.
"""

from __future__ import annotations

import pathlib
import sys

import nbformat
import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import regen_notebooks as R  # noqa: E402

pytest.importorskip("pytest_notebook")
from pytest_notebook.nb_regression import NBRegressionError, NBRegressionFixture  # noqa: E402

NOTEBOOKS = R.notebooks()
REGEN = "regenerate on purpose with: .venv/bin/python tools/regen_notebooks.py"


def _sources(nb):
    return [(c.cell_type, c.source, sorted(c.metadata.get("tags", []))) for c in nb.cells]


def test_there_are_tutorials():
    assert len(NOTEBOOKS) >= 5, [p.name for p in NOTEBOOKS]


def test_every_tutorial_is_listed_in_the_index():
    index = (R.NOTEBOOK_DIR / "index.md").read_text(encoding="utf-8")
    missing = [p.stem for p in NOTEBOOKS if p.stem not in index]
    assert not missing, f"notebooks/index.md does not list {missing}"


@pytest.mark.parametrize("md", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_expected_notebook_matches_its_source(md):
    expected = R.expected_path(md)
    assert expected.is_file(), f"no expected outputs for {md.name}; {REGEN}"
    nb_src = R.to_notebook(md)
    nb_exp = nbformat.read(expected, as_version=4)
    assert _sources(nb_exp) == _sources(nb_src), (
        f"{md.name} changed since {expected.relative_to(ROOT)} was generated; {REGEN}"
    )


@pytest.mark.parametrize("md", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_outputs_match_reviewed_expected(md):
    expected = R.expected_path(md)
    if not expected.is_file():
        pytest.fail(f"no expected outputs for {md.name}; {REGEN}")
    fixture = NBRegressionFixture(
        exec_timeout=R.TIMEOUT,
        exec_cwd=str(R.NOTEBOOK_DIR),
        diff_ignore=R.DIFF_IGNORE,
        diff_replace=R.DIFF_REPLACE,
        diff_use_color=False,
    )
    failure = None
    try:
        fixture.check(str(expected))
    except NBRegressionError as exc:  # carries the diff; execution errors propagate as they are
        failure = str(exc)
    if failure is not None:
        pytest.fail(
            f"{md.name}: outputs differ from the reviewed {expected.relative_to(ROOT)}:\n{failure}\n"
            f"If the change is intended, {REGEN}",
            pytrace=False,
        )
