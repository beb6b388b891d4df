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

