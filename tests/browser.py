"""The browser helpers now live in tools/mmguide_dev/browser.py (tools and benchmarks use them
too); this module re-exports them so that ``from browser import chromium, serve`` keeps working.
New tests: use the ``browser`` and ``site_url`` fixtures of tests/conftest.py instead."""

from __future__ import annotations

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "tools"))

from mmguide_dev.browser import CHROMIUM, CHROMIUM_ARGS, chromium, serve  # noqa: E402,F401

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "chromium", "serve"]
