"""Two clean builds of the same sources give byte-identical pages and notebook downloads.

Two full builds of both editions take many minutes, so the build-to-build check builds a small
book twice from scratch: one tutorial (executed afresh each time, not from a cache) with the
book's theme, MyST-NB, the notebook-download extension and the offline extension (service
worker and manifest), in two fresh directories. Every
file of the two outputs must be identical (the doctree pickles excepted: not published).
The unit test below pins the notebook normalisation itself.
"""

from __future__ import annotations

import filecmp
import json
import pathlib
import shutil
import subprocess
import sys

import pytest
import sphinx  # noqa: F401 - this module needs Sphinx (installed from requirements.lock)

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "sphinxext"))

TUTORIAL = "02-kidney-and-bone-agents"


def _nb(ids, times):
    return json.dumps({
        "nbformat": 4, "nbformat_minor": 5, "metadata": {"kernelspec": {"name": "python3"}},
        "cells": [
            {"id": ids[0], "cell_type": "markdown", "metadata": {}, "source": "# Title"},
            {"id": ids[1], "cell_type": "code", "metadata": {"execution": {"iopub.execute_input": times[0]}},
             "execution_count": 1, "outputs": [], "source": "import mmguide"},
            {"id": ids[2], "cell_type": "code", "metadata": {"tags": ["hide-input"]}, "execution_count": 2,
             "outputs": [], "source": "import mmguide"},
        ],
    })


def test_notebook_download_has_stable_cell_ids_and_no_timestamps():
    from mmguide_book.notebook_downloads import stable_notebook

    a = stable_notebook(_nb(["3f2a", "9c1e", "77aa"], ["2026-12-01T10:00:00Z"]), "notebooks/x")
    b = stable_notebook(_nb(["b0b0", "1234", "abcd"], ["2026-12-02T11:11:11Z"]), "notebooks/x")
    assert a == b
    cells = json.loads(a)["cells"]
    ids = [c["id"] for c in cells]
    assert len(set(ids)) == 3  # identical sources still get distinct ids
    assert all(1 <= len(i) <= 64 and all(ch.isalnum() or ch in "-_" for ch in i) for i in ids)
    assert "execution" not in cells[1]["metadata"] and cells[2]["metadata"] == {"tags": ["hide-input"]}
    # a changed cell changes its own id only
    c = json.loads(stable_notebook(_nb(["x", "y", "z"], ["t"]).replace('"# Title"', '"# Other"'), "notebooks/x"))
    assert [x["id"] for x in c["cells"]][1:] == ids[1:] and c["cells"][0]["id"] != ids[0]


CONF = '''
import sys
sys.path.insert(0, {sphinxext!r})
project = "reproducibility check"
extensions = ["myst_nb", "mmguide_book.notebook_downloads", "mmguide_book.offline"]
html_theme = "sphinx_book_theme"
nb_execution_mode = "force"
nb_execution_raise_on_error = True
nb_execution_timeout = 180
nb_ipywidgets_js = {{}}
root_doc = "index"
exclude_patterns = ["_build"]
mmguide_node_modules = {node_modules!r}  # Workbox, for the service worker (this conf.py is not at the root)
'''


def _build(where: pathlib.Path) -> pathlib.Path:
    src = where / "src"
    (src / "notebooks").mkdir(parents=True)
    shutil.copy(ROOT / "notebooks" / f"{TUTORIAL}.md", src / "notebooks" / f"{TUTORIAL}.md")
    (src / "index.md").write_text(f"# Check\n\n```{{toctree}}\nnotebooks/{TUTORIAL}\n```\n", encoding="utf-8")
    (src / "conf.py").write_text(CONF.format(sphinxext=str(ROOT / "sphinxext"), node_modules=str(ROOT / "node_modules")), encoding="utf-8")
    out = where / "html"
    proc = subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", "-q", "-E", "-d", str(where / "doctrees"),
                           str(src), str(out)], cwd=where, capture_output=True, text=True, timeout=600,
                          env={**__import__("os").environ, "SOURCE_DATE_EPOCH": "1767225600"})
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return out


def _differences(a: pathlib.Path, b: pathlib.Path) -> list[str]:
    files_a = sorted(p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file())
    if files_a != files_b:
        return [f"file lists differ: {sorted(set(files_a) ^ set(files_b))[:10]}"]
    return [f for f in files_a if not filecmp.cmp(a / f, b / f, shallow=False)]


@pytest.mark.build
def test_two_clean_builds_give_byte_identical_pages_and_notebooks(tmp_path):
    first = _build(tmp_path / "one")
    second = _build(tmp_path / "two")
    downloads = list(first.rglob(f"{TUTORIAL}.ipynb"))
    assert downloads, "the tutorial's .ipynb download was not written"
    assert json.loads(downloads[0].read_text(encoding="utf-8"))["cells"][0]["id"].startswith("cell-0-")
    # the service worker (mmguide_book.offline): revisions are content hashes, nothing depends on the time
    assert (first / "sw.js").is_file() and (first / "manifest.webmanifest").is_file()
    assert _differences(first, second) == []
