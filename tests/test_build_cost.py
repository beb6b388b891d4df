"""Work the build does once per process instead of once per page, citation or edition, and the
same answer either way.

- pybtex's plugins are registered once (``mmguide_book.bibplugins``): a look-up by name no longer
  reads every installed package's metadata, and finds the class the entry point names;
- a flowchart's paths (seconds of searching for example patients) are computed once for both
  editions, and are the package's own paths.
"""

from __future__ import annotations

import pathlib
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "sphinxext"))
sys.path.insert(0, str(ROOT / "src"))


def test_pybtex_finds_every_registered_plugin_without_reading_package_metadata(monkeypatch):
    from importlib.metadata import entry_points

    import pybtex.plugin
    from mmguide_book import bibplugins

    bibplugins.register()
    expected = {(g, ep.name): ep.load() for g in bibplugins.GROUPS for ep in entry_points(group=g)}
    assert ("pybtex.backends", "plaintext") in expected  # what sphinxcontrib-bibtex asks for per citation
    assert ("pybtex.style.formatting", "unsrt") in expected  # conf.py's bibtex_default_style

    def no_metadata(*args, **kwargs):
        raise AssertionError("pybtex read the installed packages' metadata again")

    monkeypatch.setattr(pybtex.plugin, "entry_points", no_metadata)
    for (group, name), cls in expected.items():
        assert pybtex.plugin.find_plugin(group, name) is cls
    assert pybtex.plugin.find_plugin("pybtex.style.labels") is expected[("pybtex.style.labels", "number")]
    assert bibplugins.register() == 0, "registered once per process"


def test_a_flowcharts_paths_are_the_packages_and_computed_once():
    from mmguide import flowcharts as package
    from mmguide_book import flowcharts

    for fid in package.FLOWCHARTS:
        mine = flowcharts.paths(fid)
        assert [p.nodes for p in mine] == [p.nodes for p in package.paths(fid)]
        assert [p.description for p in mine] == [p.description for p in package.paths(fid)]
        assert flowcharts.paths(fid) is mine, "the second edition reuses the first one's paths"
        assert package.paths(fid) is mine, "and so does every test that walks them"



FLOWCHART_CONF = '''
import sys
sys.path.insert(0, {sphinxext!r})
sys.path.insert(0, {src!r})
project = "flowchart reuse check"
extensions = ["mmguide_book.flowcharts"]
root_doc = "index"
exclude_patterns = ["_build"]
'''


@pytest.mark.build
def test_a_build_from_another_builds_doctrees_still_writes_its_flowcharts(tmp_path):
    """HZ-70: the PDF's single page is built from a copy of the HTML build's doctrees, so no page
    is read again; the flowchart drawings must still be in its output, or the printed book shows
    its decision flowcharts as missing images."""
    import shutil
    import subprocess

    from mmguide import flowcharts as package

    fid = next(iter(package.FLOWCHARTS))
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(FLOWCHART_CONF.format(sphinxext=str(ROOT / "sphinxext"), src=str(ROOT / "src")),
                                 encoding="utf-8")
    (src / "index.rst").write_text(f"Check\n=====\n\n.. flowchart:: {fid}\n", encoding="utf-8")

    def build(builder: str, doctrees: pathlib.Path, out: pathlib.Path) -> str:
        proc = subprocess.run([sys.executable, "-m", "sphinx", "-b", builder, "-q", "-d", str(doctrees),
                               str(src), str(out)], capture_output=True, text=True, timeout=600)
        assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
        return proc.stdout + proc.stderr

    build("html", tmp_path / "doctrees", tmp_path / "html")
    drawn = sorted((tmp_path / "html" / "_images").glob(f"flowchart-{fid}-en-*.svg"))
    assert len(drawn) == 1
    shutil.copytree(tmp_path / "doctrees", tmp_path / "doctrees-single")
    build("singlehtml", tmp_path / "doctrees-single", tmp_path / "single")
    page = (tmp_path / "single" / "index.html").read_text(encoding="utf-8")
    assert f"_images/{drawn[0].name}" in page
    copy = tmp_path / "single" / "_images" / drawn[0].name
    assert copy.is_file(), "the single page links a flowchart drawing its build did not write"
    assert copy.read_bytes() == drawn[0].read_bytes()
