"""Write the wheels the Pyodide test run loads, offline, into one folder.

    python tests/pyodide/vendor_wheels.py OUTDIR

- mmguide: the same wheel the book ships (sphinxext/mmguide_book/forms.py ``build_wheel``);
- pytest and its pure-Python dependencies: re-packed from the files this
  virtual environment installed (their RECORD), so no index or network is needed.
hypothesis is not among them: its wheels carry a compiled ``hypothesis._native`` (x86-64), so
tests/pyodide/stubs/hypothesis stands in (explicit @example cases run, generated ones skip).
Prints the wheel paths, one a line.
"""

from __future__ import annotations

import importlib.metadata as md
import pathlib
import sys
import zipfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "sphinxext"), str(ROOT / "src")]

# pure-Python distributions the calculator tests need under Pyodide
VENDORED = ("pytest", "pluggy", "iniconfig", "packaging", "pygments")


def repack(name: str, outdir: pathlib.Path) -> pathlib.Path:
    dist = md.distribution(name)
    files = [f for f in (dist.files or []) if "__pycache__" not in f.parts and not str(f).endswith(".pyc")
             and not str(f).startswith("..")]
    norm = dist.metadata["Name"].replace("-", "_")
    target = outdir / f"{norm}-{dist.version}-py3-none-any.whl"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        for f in sorted(files, key=str):
            path = pathlib.Path(dist.locate_file(f))
            if path.is_file():
                z.write(path, str(f))
    return target


def main(argv: list[str]) -> int:
    outdir = pathlib.Path(argv[1] if len(argv) > 1 else ROOT / "_build" / "pyodide-wheels")
    outdir.mkdir(parents=True, exist_ok=True)
    for old in outdir.glob("*.whl"):
        old.unlink()
    from mmguide_book.forms import build_wheel

    name, data = build_wheel()
    (outdir / name).write_bytes(data)
    paths = [outdir / name] + [repack(n, outdir) for n in VENDORED]
    for p in paths:
        print(p)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
