"""A renamed page leaves a redirect at its old address, and a wrong redirect fails the build."""

from __future__ import annotations

import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent


def _project(tmp: pathlib.Path, redirects: dict) -> pathlib.Path:
    src = tmp / "src"
    (src / "guide").mkdir(parents=True)
    (src / "conf.py").write_text(
        "import sys\n"
        f"sys.path.insert(0, {str(ROOT / 'sphinxext')!r})\n"
        "extensions = ['mmguide_book.redirects']\n"
        f"mmguide_redirects = {redirects!r}\n",
        encoding="utf-8",
    )
    (src / "index.rst").write_text("Home\n====\n\n.. toctree::\n\n   guide/new-name\n", encoding="utf-8")
    (src / "guide" / "new-name.rst").write_text("New\n===\n\n.. _dose-table:\n\nDoses\n-----\n\nText.\n", encoding="utf-8")
    return src


def _build(src: pathlib.Path, out: pathlib.Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", "-W", "-q", "-E", str(src), str(out)],
                          capture_output=True, text=True, timeout=300)


def test_a_renamed_page_leaves_a_redirect_to_its_new_address(tmp_path):
    src = _project(tmp_path, {"guide/old-name": "guide/new-name", "old-top": "guide/new-name#doses"})
    proc = _build(src, tmp_path / "out")
    assert proc.returncode == 0, proc.stderr
    page = (tmp_path / "out" / "guide" / "old-name.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=new-name.html">' in page
    assert '<a href="new-name.html">' in page
    top = (tmp_path / "out" / "old-top.html").read_text(encoding="utf-8")
    assert 'url=guide/new-name.html#doses"' in top
    assert (tmp_path / "out" / "guide" / "new-name.html").exists()


@pytest.mark.parametrize("redirects", [{"guide/old-name": "guide/missing"}, {"guide/new-name": "index"}])
def test_a_redirect_to_a_missing_page_or_over_a_live_page_fails_the_build(tmp_path, redirects):
    proc = _build(_project(tmp_path, redirects), tmp_path / "out")
    assert proc.returncode != 0
    assert "redirect" in proc.stderr


def test_the_book_declares_its_redirects_in_conf():
    import runpy

    conf = runpy.run_path(str(ROOT / "conf.py"))
    assert isinstance(conf["mmguide_redirects"], dict)
