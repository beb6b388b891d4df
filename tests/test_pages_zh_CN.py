"""Every page of the Chinese edition in the browser: loads cleanly, fetches nothing from outside
127.0.0.1 and nothing the static weight does not count, passes axe-core in light and dark mode
and at phone width, fits a phone, is photographed; and the reader's checks: one visible search
control, formulas rendered within the screen, no missing icon glyph, sideways scrolling only
where explained.

The visit, its fixtures and the tests are in tests/site_visits.py (imported here whole); this file
names the edition. tests/test_pages_en.py does the same for the English edition, so each
edition's visit runs once, in the worker that takes its file.
"""

from __future__ import annotations

import pathlib
import sys

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
pytest.register_assert_rewrite("site_visits")  # its tests' failures explained as in a test file

from site_visits import *  # noqa: E402,F401,F403  (the fixtures and tests, for this edition)

EDITION = "zh_CN"
pytestmark = [pytest.mark.build, pytest.mark.browser]
