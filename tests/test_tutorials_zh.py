"""The Chinese tutorials print Chinese: every code cell of every tutorial is run as the Chinese edition runs
it (MMGUIDE_LANG=zh_CN) and each printed line is searched for English words other than unit symbols,
abbreviations Chinese clinical writing keeps, drug and trial names in Latin letters and the package's version
line. (The English outputs are the reviewed baseline in tests/notebooks/expected.)"""

from __future__ import annotations

import contextlib
import io
import pathlib
import re

import jupytext
import pytest

from test_chinese_messages import KEPT

ROOT = pathlib.Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("0*.md"))
# Latin words a Chinese line may keep besides units and clinical abbreviations: names and notation.
NAMES = re.compile(r"\b(?:mmguide|HR|CI|SE|log|z|p|OS|PFS|MRD|SRE|CrCl|eGFR|CKD|EPI|sCR|CR|VGPR|PR|MR|SD|PD|"
                   r"InputError|crcl|Cockcroft|Gault|IMWG|ISS|R-ISS|R2-ISS|IgG|FLC|ECOG|ADL|IADL|Charlson|"
                   r"MBD|PTH|MGUS|II|III|IV|Mrs|Mr|Ms|[A-Z])\b\.?")


def _run(md: pathlib.Path) -> str:
    import matplotlib

    matplotlib.use("Agg")
    nb = jupytext.read(md)
    out = io.StringIO()
    scope: dict = {}
    with contextlib.redirect_stdout(out):
        for cell in nb.cells:
            if cell.cell_type == "code":
                source = "\n".join(line for line in cell.source.splitlines() if not line.startswith("%"))
                exec(compile(source, str(md), "exec"), scope)
    return out.getvalue()


@pytest.mark.parametrize("md", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_chinese_tutorial_prints_chinese(md, monkeypatch):
    monkeypatch.setenv("MMGUIDE_LANG", "zh_CN")
    bad = []
    for line in _run(md).splitlines():
        if line.startswith("mmguide "):
            continue
        words = re.findall(r"[A-Za-z]{3,}", NAMES.sub(" ", KEPT.sub(" ", line)))
        if words:
            bad.append(f"{words}: {line[:120]}")
    assert not bad, "English in the Chinese tutorial's output:\n" + "\n".join(bad[:30])
