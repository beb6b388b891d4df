"""Chromium for the tests: the helpers of tools/mmguide_dev/browser.py (tools and benchmarks use
them too), with one difference: a test's contexts and pages block the book's service worker unless
the test asks for it (``service_workers="allow"``, as tests/test_offline.py does). A test of a page's
content or form then does not have each new context download and store the edition's offline copy
(about 5 MB per edition), which is tested where it matters.
New tests: use the ``browser`` and ``site_url`` fixtures of tests/conftest.py."""

from __future__ import annotations

import contextlib
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "tools"))

from mmguide_dev import browser as _tools_browser  # noqa: E402
from mmguide_dev.browser import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402,F401

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "chromium", "serve", "NoOfflineCopy"]


class NoOfflineCopy:
    """A Playwright Browser whose new contexts and pages block service workers by default."""

    def __init__(self, browser):
        self._browser = browser

    def new_context(self, **options):
        options.setdefault("service_workers", "block")
        return self._browser.new_context(**options)

    def new_page(self, **options):
        options.setdefault("service_workers", "block")
        return self._browser.new_page(**options)

    def __getattr__(self, name):
        return getattr(self._browser, name)


@contextlib.contextmanager
def chromium():
    """tools/mmguide_dev/browser.py's shared Chromium, its contexts without the offline copy."""
    with _tools_browser.chromium() as b:
        yield NoOfflineCopy(b)
