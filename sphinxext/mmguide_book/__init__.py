"""Sphinx extension of the mmguide book.

Thin entry point; each module has one job:
- ``recommendations``: the ``recommendation`` directive, the ``rec`` role and the generated index;
- ``mathml``: math rendered to MathML at build time (no MathJax, no CDN);
- ``calculators``: a generated page per calculator, built from the package's records,
  whose verified-examples table is executed during the build;
- ``flowcharts``: decision flowcharts rendered to SVG by Graphviz at build time.
"""

from __future__ import annotations

from sphinx.application import Sphinx

from . import calculators, flowcharts, i18n, lean, mathml, recommendations


def setup(app: Sphinx) -> dict:
    i18n.setup(app)
    recommendations.setup(app)
    mathml.setup(app)
    calculators.setup(app)
    flowcharts.setup(app)
    lean.setup(app)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
