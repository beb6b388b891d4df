"""Cold load of the bone protection plan's page on the phone profile, for two builds side by side.

    python benchmarks/bench_plan_page.py --site LABEL=DIR [--site LABEL=DIR ...] [--runs N]

Each run is a fresh browser context on the phone profile of bench_forms.py (375 px, CPU slowed
4x, 10 Mbit/s with 40 ms latency), opening the English plan page with one patient in its address
(so the form answers without typing). From the page's own clock: DOMContentLoaded, the load
event, the runtime ready, and the first answer shown; also the page's HTML bytes and its element
count. Runs alternate between the sites, so a change in the machine's speed falls on both.
Medians are printed, with each run's figures.
"""

from __future__ import annotations

import argparse
import contextlib
import pathlib
import statistics
import sys
import urllib.parse

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_forms import PROFILES  # noqa: E402
from mmguide_dev.browser import chromium, serve  # noqa: E402

PAGE = "en/docs/calculators/bone-protection-plan.html"
# a routine start: active myeloma, calcium normal, clearance 70 mL/min, not on dialysis (the plan's own input names)
PATIENT = {"active_mm": "yes", "corrected_calcium": "2.4 mmol/L", "crcl": "70 mL/min", "dialysis": "no"}


def cold_run(browser, base: str) -> dict:
    profile = PROFILES["phone"]
    context = browser.new_context(**profile.context)
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": profile.cpu_rate})
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", profile.network)
        page.goto(f"{base}/{PAGE}?{urllib.parse.urlencode(PATIENT)}", wait_until="load")
        page.wait_for_function("() => window.mmguideForms && window.mmguideForms.timing.firstResult !== null",
                               timeout=120_000)
        return page.evaluate("""() => { const n = performance.getEntriesByType('navigation')[0];
            const t = window.mmguideForms.timing;
            return {dom_ms: n.domContentLoadedEventEnd, load_ms: n.loadEventEnd, ready_ms: t.ready,
                    answer_ms: t.firstResult, elements: document.getElementsByTagName('*').length}; }""")
    finally:
        context.close()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--site", action="append", required=True, help="LABEL=DIR (a built site holding en/)")
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args(argv)
    sites = dict(s.split("=", 1) for s in a.site)
    runs: dict[str, list[dict]] = {k: [] for k in sites}
    with chromium() as browser, contextlib.ExitStack() as stack:
        bases = {k: stack.enter_context(serve(pathlib.Path(v))) for k, v in sites.items()}
        for _ in range(a.runs):
            for k in sites:
                runs[k].append(cold_run(browser, bases[k]))
    for k, rs in runs.items():
        size = (pathlib.Path(sites[k]) / PAGE).stat().st_size
        med = {f: round(statistics.median(r[f] for r in rs)) for f in ("dom_ms", "load_ms", "ready_ms", "answer_ms")}
        print(f"{k}: HTML {size:,} bytes, {rs[0]['elements']:,} elements; median of {len(rs)} cold runs (ms): {med}")
        for r in rs:
            print("   ", {f: round(v) for f, v in r.items()})
    return 0


if __name__ == "__main__":
    sys.exit(main())
