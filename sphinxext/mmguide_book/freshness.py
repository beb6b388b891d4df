"""Rebuild what depends on the package when the package changes.

Sphinx re-reads a page only when its source changes; a calculator page, a flowchart or a
notebook also changes when ``src/mmguide`` (or this extension) does. The digest of both is
kept in the environment, and when it differs every page is read again (MyST-NB's cache is
already keyed on the package digest in conf.py, so notebooks re-execute too).
"""

from __future__ import annotations

import hashlib
import pathlib

from sphinx.application import Sphinx

HERE = pathlib.Path(__file__).resolve().parent


def digest(root: pathlib.Path) -> str:
    h = hashlib.sha256()
    for base in (root / "src" / "mmguide", HERE):
        for p in sorted(base.rglob("*")):
            if p.is_file() and p.suffix in {".py", ".json"}:
                h.update(p.name.encode())
                h.update(p.read_bytes())
    return h.hexdigest()


def _outdated(app: Sphinx, env, added, changed, removed):
    current = digest(pathlib.Path(app.srcdir))
    previous = getattr(env, "mmguide_code_digest", None)
    env.mmguide_code_digest = current
    if previous is not None and previous != current:
        return sorted(env.found_docs - set(added) - set(changed))
    return []


def setup(app: Sphinx) -> None:
    app.connect("env-get-outdated", _outdated)
