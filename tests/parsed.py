"""Built pages parsed once per test process, shared by the tests that read them.

BeautifulSoup's ``html.parser`` tree builder is pure Python: the flowcharts page alone takes about a
second, and half a dozen tests read every page of both editions. ``soup(path)`` parses a page the
first time a test asks for it and hands the same tree to every later test of the process (a page
rewritten since, by its modification time and size, is parsed again). The trees are shared:
read them, do not change them; a test that edits a page's tree parses its own copy.
"""

from __future__ import annotations

import functools
import os
import pathlib

from bs4 import BeautifulSoup


@functools.lru_cache(maxsize=None)
def _parse(path: str, stamp: tuple[int, int]) -> BeautifulSoup:
    return BeautifulSoup(pathlib.Path(path).read_text(encoding="utf-8"), "html.parser")


def soup(path: os.PathLike | str) -> BeautifulSoup:
    """The page at *path*, parsed once per process (see the module's docstring)."""
    st = os.stat(path)
    return _parse(os.fspath(path), (st.st_mtime_ns, st.st_size))
