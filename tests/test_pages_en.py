"""Every page of the English edition in the browser: loads cleanly, fetches nothing from outside
127.0.0.1 and nothing the static weight does not count, passes axe-core in light and dark mode
and at phone width, fits a phone, is photographed; and the reader's checks: one visible search
control, formulas rendered within the screen, no missing icon glyph, sideways scrolling only
where explained.

The pages are visited once per width by ``browser_visits`` (tests/site_visits.py, which holds the
tests, imported here by name); tests/test_pages_zh_CN.py does the same for the Chinese edition,
so each edition's visit runs once, in the worker that takes its file.
"""

from __future__ import annotations

import pathlib
import sys

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
pytest.register_assert_rewrite("site_visits")  # its tests' failures explained as in a test file

import site_visits  # noqa: E402
from site_visits import (  # noqa: E402,F401  (the tests, collected here for this edition)
    test_axe_no_serious_or_critical_violations,
    test_browser_requests_are_within_measured_weight,
    test_every_page_has_one_visible_search_control_at_both_widths,
    test_fewer_than_five_pages_scroll_sideways_on_a_phone_each_for_a_reason,
    test_formulas_rendered_and_within_the_screen_on_every_calculator_page,
    test_no_missing_glyph_icons,
    test_no_request_leaves_127_0_0_1,
    test_nothing_overflows_at_phone_width,
    test_pages_are_loaded_in_each_stored_colour_mode,
    test_pages_load_cleanly,
    test_screenshots_written,
)

EDITION = "en"
pytestmark = [pytest.mark.build, pytest.mark.browser]


@pytest.fixture(scope="module")
def browser_visits(site_root, site_url, browser) -> dict[str, site_visits.Visit]:
    return site_visits.visit_edition(site_root, EDITION, site_url, browser)


@pytest.fixture(scope="module")
def weights(site_root):
    return site_visits.edition_weights(site_root, EDITION)
