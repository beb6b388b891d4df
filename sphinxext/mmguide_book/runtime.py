"""The in-page runtime's files: MicroPython's WebAssembly build and one gzip-compressed JSON
bundle holding the package's own sources and the small compatibility layer.

Standard library only, and no Sphinx: the equality check (tests/micropython/equality.py) loads
the very bundle a page loads, made by the same function, and compares every answer with CPython's.

- ``MP_DIR``/``MP_FILES``: the runtime, from the npm package pinned in package-lock.json
  (``@micropython/micropython-webassembly-pyscript``), served from the site as it is.
- ``bundle_files(package_dir)``: ``{"/lib/<path>": text}`` for every ``.py`` of the layer
  (``runtime/micropython/``) and every ``.py``/``.json`` of the package (``/lib/mmguide/…``) but the
  worked examples (``NOT_IN_BUNDLE``).
- ``bundle_bytes(package_dir)``: those files as compact JSON, gzip-compressed with a fixed
  timestamp, so two builds of the same sources give the same bytes (and the same digest, which
  names the folder the bundle is served from: a browser never reuses a stale one).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]
PACKAGE_DIR = ROOT / "src" / "mmguide"
LAYER_DIR = ROOT / "runtime" / "micropython"
MP_DIR = ROOT / "node_modules" / "@micropython" / "micropython-webassembly-pyscript"
MP_FILES = ("micropython.mjs", "micropython.wasm")
BUNDLE_NAME = "mmguide.json.gz"
# The worked examples are printed on the calculator pages at build time; nothing a page's worker
# runs reads them (compute, view, note and respond do not), so they stay out of what a reader loads.
NOT_IN_BUNDLE = ("data/examples/",)


def _files(base: pathlib.Path, suffixes: tuple[str, ...]) -> list[pathlib.Path]:
    return sorted(p for p in base.rglob("*")
                  if p.is_file() and p.suffix in suffixes and "__pycache__" not in p.parts)


def bundle_files(package_dir: pathlib.Path = PACKAGE_DIR, layer_dir: pathlib.Path = LAYER_DIR) -> dict[str, str]:
    """Every file the in-page interpreter needs, by its path in MicroPython's file system (the
    build passes conf.py's ``mmguide_runtime_layer``; the defaults serve the tests)."""
    files = {}
    for p in _files(layer_dir, (".py",)):
        files["/lib/" + p.relative_to(layer_dir).as_posix()] = p.read_text(encoding="utf-8")
    for p in _files(package_dir, (".py", ".json")):
        rel = p.relative_to(package_dir).as_posix()
        if rel.startswith(NOT_IN_BUNDLE):
            continue
        files["/lib/mmguide/" + rel] = p.read_text(encoding="utf-8")
    return files


def bundle_bytes(package_dir: pathlib.Path = PACKAGE_DIR, layer_dir: pathlib.Path = LAYER_DIR) -> bytes:
    text = json.dumps(bundle_files(package_dir, layer_dir), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def bundle_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:12]
