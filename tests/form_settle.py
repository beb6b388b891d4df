"""Waiting for a calculator form to settle, instead of sleeping for it (tests/test_forms.py,
tests/test_bedside.py).

The form (docs/_static/mmguide-form.js) answers in two steps: at each key it may show an answer at
once (the "quick" call, result only), and once the reader has paused for ``LIVE_DELAY_MS`` it
calculates again (the debounced call), which alone shows a message for a half-typed value. Each
calculation that completes dispatches ``mmguide:result``; one overtaken by newer typing does not.

``SETTLE_SCRIPT`` (given to ``context.add_init_script``) records, in page time, when the reader last
typed or changed a field (``input``/``change``, caught on the way down, before the form sees them)
and when the form last answered. The debounced call after the last change starts no earlier than
``LIVE_DELAY_MS`` after it, so an answer later than that is the answer to every field: that is what
``wait_settled`` waits for. A page opened with the inputs in its address computes once, with no
typing: its first answer is the settled one.
"""

from __future__ import annotations

import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent
# the form's debounce, read from the form's script so that the wait follows it
LIVE_DELAY_MS = int(re.search(r"LIVE_DELAY_MS\s*=\s*(\d+)",
                              (ROOT / "docs" / "_static" / "mmguide-form.js").read_text(encoding="utf-8")).group(1))

SETTLE_SCRIPT = """(() => {
  window.__mmguideTyped = -Infinity;
  window.__mmguideAnswered = -Infinity;
  const typed = () => { window.__mmguideTyped = performance.now(); };
  document.addEventListener('input', typed, true);
  document.addEventListener('change', typed, true);
  document.addEventListener('mmguide:result', () => { window.__mmguideAnswered = performance.now(); }, true);
})();"""

SETTLED = "delay => window.__mmguideAnswered > window.__mmguideTyped + delay"


def wait_settled(page, timeout_ms: float) -> None:
    """Wait until the form has answered after the debounced call that follows the last change
    (needs ``SETTLE_SCRIPT`` in the page's context)."""
    assert page.evaluate("typeof window.__mmguideTyped") == "number", "SETTLE_SCRIPT is not installed in this context"
    page.wait_for_function(SETTLED, arg=LIVE_DELAY_MS, timeout=timeout_ms)
