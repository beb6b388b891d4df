#!/usr/bin/env python3
"""Regenerate the reviewed expected outputs of the tutorial notebooks.

    .venv/bin/python tools/regen_notebooks.py            # every notebook
    .venv/bin/python tools/regen_notebooks.py 02 05      # the notebooks whose names start so

Each MyST text notebook in ``notebooks/`` is converted with jupytext, executed exactly as
``tests/test_notebooks.py`` executes it (pytest-notebook's executor, nbclient underneath), and
written to ``tests/notebooks/expected/<name>.ipynb``. Those files are the regression baseline:
every number a notebook prints is compared with them on each test run, so regenerate only on
purpose (after a reviewed change to a notebook or to the package) and review the diff
(``git diff tests/notebooks/expected``) before committing it.

Volatile parts are normalised before writing so that the diff shows only what matters:
PNG payloads are replaced by a placeholder (figures are checked by the build, not by pixels),
execution counts and timings are dropped. The same settings (``DIFF_IGNORE``, ``DIFF_REPLACE``)
tell the test what to ignore; numbers are never ignored.
"""

from __future__ import annotations

import argparse
import pathlib
import sys

import jupytext
import nbformat

ROOT = pathlib.Path(__file__).resolve().parent.parent
NOTEBOOK_DIR = ROOT / "notebooks"
EXPECTED_DIR = ROOT / "tests" / "notebooks" / "expected"
TIMEOUT = 180  # seconds per cell, as nb_execution_timeout in conf.py

PNG_PLACEHOLDER = "<png: not compared; figures are checked by the Sphinx build>"
SVG_PLACEHOLDER = "<svg: not compared; figures are checked by the Sphinx build>"

# What the regression may ignore: volatile parts only. Never a text output, so never a number.
DIFF_IGNORE = (
    "/cells/*/outputs/*/traceback",
    "/cells/*/outputs/*/data/image/png",  # pixels differ between matplotlib/freetype builds
    "/cells/*/outputs/*/data/image/svg+xml",  # so do the paths of an SVG figure
    "/cells/*/execution_count",
    "/cells/*/outputs/*/execution_count",
    "/cells/*/metadata/execution",  # timings
    "/metadata/language_info",  # Python patch version
    "/metadata/widgets",
)
# Memory addresses ("<object at 0x7f...>") in text outputs are replaced before comparing.
DIFF_REPLACE = (
    ("/cells/*/outputs/*/text", r"0x[0-9a-fA-F]{6,}", "0xADDRESS"),
    ("/cells/*/outputs/*/data/text/plain", r"0x[0-9a-fA-F]{6,}", "0xADDRESS"),
)


def notebooks() -> list[pathlib.Path]:
    """The MyST text notebooks (Markdown files with a jupytext header and a kernelspec)."""
    out = []
    for p in sorted(NOTEBOOK_DIR.glob("*.md")):
        head = p.read_text(encoding="utf-8")[:2000]
        if head.startswith("---") and "kernelspec" in head and "jupytext" in head:
            out.append(p)
    return out


def expected_path(md: pathlib.Path) -> pathlib.Path:
    return EXPECTED_DIR / (md.stem + ".ipynb")


def to_notebook(md: pathlib.Path) -> nbformat.NotebookNode:
    """The MyST notebook as an (unexecuted) .ipynb, cell ids made stable (the cell's index)."""
    nb = jupytext.read(md, fmt="md:myst")
    nb.metadata.pop("jupytext", None)
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i:03d}"
    return nb


def normalise(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Drop what changes from run to run and is not content (see DIFF_IGNORE)."""
    nb.metadata.pop("language_info", None)
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        cell.execution_count = None
        cell.metadata.pop("execution", None)
        for out in cell.get("outputs", []):
            if "execution_count" in out:
                out["execution_count"] = None
            data = out.get("data", {})
            if "image/png" in data:
                data["image/png"] = PNG_PLACEHOLDER
            if "image/svg+xml" in data:
                data["image/svg+xml"] = SVG_PLACEHOLDER
    return nb


def execute(nb: nbformat.NotebookNode, cwd: pathlib.Path = NOTEBOOK_DIR) -> nbformat.NotebookNode:
    """Execute as the regression test does (pytest-notebook's executor, then coalesce_streams)."""
    from pytest_notebook.execution import execute_notebook
    from pytest_notebook.post_processors import load_processor

    res = execute_notebook(nb, cwd=str(cwd), timeout=TIMEOUT, allow_errors=False)
    if res.exec_error:
        raise res.exec_error
    nb, _ = load_processor("coalesce_streams")(res.notebook, {})
    return nb


def regenerate(md: pathlib.Path) -> pathlib.Path:
    nb = normalise(execute(to_notebook(md)))
    out = expected_path(md)
    out.parent.mkdir(parents=True, exist_ok=True)
    nbformat.validate(nb)
    with out.open("w", encoding="utf-8") as fh:
        nbformat.write(nb, fh)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("names", nargs="*", help="notebook name prefixes (default: all)")
    args = ap.parse_args(argv)
    chosen = [p for p in notebooks() if not args.names or any(p.stem.startswith(n) for n in args.names)]
    if not chosen:
        print(f"no notebook matches {args.names}", file=sys.stderr)
        return 1
    for md in chosen:
        out = regenerate(md)
        print(f"{md.relative_to(ROOT)} -> {out.relative_to(ROOT)}")
    print("Review the change with: git diff tests/notebooks/expected")
    return 0


if __name__ == "__main__":
    sys.exit(main())
