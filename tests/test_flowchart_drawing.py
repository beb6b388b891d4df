"""The book draws each flowchart from the package's language-neutral graph (Graphviz DOT in
the book extension): legible, told apart by shape, rendered by Graphviz. CPython only (the
book extension is not part of the package that runs in the browser)."""

from __future__ import annotations

import pathlib
import re
import shutil
import subprocess
import sys

import pytest

from mmguide import flowcharts as fc

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "sphinxext"))
from mmguide_book import flowcharts as draw  # noqa: E402
from mmguide_book.flowcharts import to_dot  # noqa: E402

IDS = list(fc.FLOWCHARTS)
PLAN = "bone-protection-plan"


def test_zoledronic_acid_band_edges_are_drawn_as_the_label_bands():
    # fact sheet §2: >60 → 4.0; 50–60 → 3.5; 40–49 → 3.3; 30–39 → 3.0; <30 not recommended
    dot = to_dot(fc.flowchart(PLAN))
    for lab in ("> 60 mL/min", "50–60 mL/min", "40–<50 mL/min", "30–<40 mL/min", "< 30 mL/min"):
        assert lab in dot


@pytest.mark.parametrize("fid", IDS)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_dot_renders_with_graphviz(fid, lang):
    dot = to_dot(fc.flowchart(fid), lang)
    assert 'fontname="Noto Sans CJK SC"' in dot and "rankdir=TB" in dot
    assert "http" not in dot and "image=" not in dot
    if shutil.which("dot") is None:
        pytest.skip("Graphviz dot is not installed")
    out = subprocess.run(["dot", "-Tsvg"], input=dot.encode(), capture_output=True, timeout=60)
    assert out.returncode == 0, out.stderr.decode()
    assert out.stdout.lstrip().startswith(b"<?xml") or b"<svg" in out.stdout


def test_dot_kinds_are_told_apart_by_shape_not_colour_alone():
    styles = {k: re.sub(r'(fill)?color="[^"]*"', "", v) for k, v in draw.STYLE.items()}
    assert len(set(styles.values())) == len(styles)


def test_dot_lines_are_short_for_a_phone_screen():
    for fid in IDS:
        for lang in ("en", "zh"):
            for label in re.findall(r'label="((?:[^"\\]|\\.)*)"', to_dot(fc.flowchart(fid), lang)):
                for line in label.split("\\n"):
                    assert draw._width(line) <= 2 * draw.WRAP_ZH + 16, line


def test_unknown_flowchart_and_language_are_refused():
    with pytest.raises(KeyError, match="known"):
        fc.flowchart("nope")
    with pytest.raises(ValueError, match="lang"):
        to_dot(fc.flowchart(PLAN), "fr")
