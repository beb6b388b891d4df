"""A static server on 127.0.0.1 and Debian's Chromium, for the tests, tools/pdf.py,
tools/screenshots.py and the benchmarks.

Chromium is Debian's (/usr/bin/chromium), driven by Playwright's Python client; Playwright's
own browser download is never used. The flags keep the browser from calling any outside host.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import http.server
import pathlib
import threading

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass


@contextlib.contextmanager
def serve(root: pathlib.Path):
    """Serve *root* on 127.0.0.1 (an ephemeral port); yields the base URL."""
    handler = functools.partial(_Quiet, directory=str(root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    t = threading.Thread(target=httpd.serve_forever, daemon=True)
    t.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


_PLAYWRIGHT = None
_BROWSER = None


def _close() -> None:
    global _PLAYWRIGHT, _BROWSER
    if _BROWSER is not None:
        _BROWSER.close()
    if _PLAYWRIGHT is not None:
        _PLAYWRIGHT.stop()
    _PLAYWRIGHT = _BROWSER = None


@contextlib.contextmanager
def chromium():
    """One Chromium for the whole process: Playwright's sync API cannot run two at once, so
    every test module (and each tool) in a process shares it; it closes when the process ends."""
    global _PLAYWRIGHT, _BROWSER
    if _BROWSER is None or not _BROWSER.is_connected():
        from playwright.sync_api import sync_playwright

        _PLAYWRIGHT = sync_playwright().start()
        _BROWSER = _PLAYWRIGHT.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        atexit.register(_close)
    yield _BROWSER
