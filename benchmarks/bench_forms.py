"""Benchmark of the in-page calculator forms (mmguide under Pyodide in Debian's Chromium).

    python benchmarks/bench_forms.py [--site DIR] [--runs N] [--json]

Measures, on the built site served from 127.0.0.1:
- bytes a calculator page loads before the reader uses the form, and after the first result;
- time from first focus on the form to the first result, cold (empty cache, new browser
  context) and warm (same context, page reloaded: HTTP and compiled-WebAssembly caches);
- time per later calculation (submit to rendered result);
- bytes of Pyodide a page without a calculator loads (goal: zero).
Goals: first result within 3 s cold, later results under 100 ms, zero Pyodide bytes elsewhere.

``main()`` returns the rows (dicts: benchmark, value, unit, goal, ok) so benchmarks/run.py can
call it; run as a script it prints them. Without ``--site`` it builds the English edition
into a temporary directory with tools/build.py (with ``--site``, give the edition directory
or the site root holding en/).
"""

from __future__ import annotations

import argparse
import json
import pathlib
import statistics
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from browser import chromium, serve  # noqa: E402

CALC = "crcl-cockcroft-gault"
INPUTS = {"age": "60", "weight": "72", "creatinine": "1.0", "sex": "male"}
PYODIDE_PARTS = ("/_static/pyodide/", "/_static/wheels/")


def _build(tmp: pathlib.Path) -> pathlib.Path:
    out = tmp / "html"
    cmd = [sys.executable, str(ROOT / "tools" / "build.py"), "--out", str(out), "--lang", "en", "-q"]
    init = (ROOT / "sphinxext" / "mmguide_book" / "__init__.py").read_text(encoding="utf-8")
    if "forms.setup(app)" not in init:  # until the book extension calls forms.setup
        import runpy

        exts = runpy.run_path(str(ROOT / "conf.py"))["extensions"]
        cmd += ["-D", "extensions=" + ",".join([*exts, "mmguide_book.forms"])]
    subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True)
    return out / "en"


class Tracker:
    """Bytes received per response (body + headers), as Chromium reports them."""

    def __init__(self, page):
        self.responses = []
        page.on("requestfinished", self._done)

    def _done(self, request):
        try:
            sizes = request.sizes()
        except Exception:  # a request Chromium has already dropped
            return
        self.responses.append((request.url, sizes["responseBodySize"] + sizes["responseHeadersSize"]))

    def total(self, only=None):
        return sum(n for u, n in self.responses if only is None or any(p in u for p in only))


def _fill_and_calculate(page):
    form = page.locator(f"[data-mmguide-form='{CALC}']")
    page.focus(f"#mmguide-{CALC}-age")  # the first interaction: loading starts here
    for name, value in INPUTS.items():
        sel = f"#mmguide-{CALC}-{name}"
        if name == "sex":
            page.select_option(sel, value)
        else:
            page.fill(sel, value)
    form.locator("button[type=submit]").click()
    page.wait_for_function("el => el.getAttribute('data-state') === 'result'", arg=form.element_handle(),
                           timeout=120_000)
    t = page.evaluate("window.mmguideForms.timing")
    return (t["firstResult"] - t["interaction"]) / 1000


def main(site: pathlib.Path | None = None, runs: int = 3) -> list[dict]:
    tmp = None
    if site is None:
        tmp = tempfile.TemporaryDirectory()
        site = _build(pathlib.Path(tmp.name))
    site = pathlib.Path(site)
    if (site / "en").is_dir():
        site = site / "en"
    rows: list[dict] = []
    try:
        with serve(site) as base, chromium() as browser:
            url = f"{base}/docs/calculators/{CALC}.html"
            cold, warm, later = [], [], []
            before = after = pyodide_bytes = None
            for i in range(runs):
                context = browser.new_context()
                page = context.new_page()
                tracker = Tracker(page)
                page.goto(url)
                page.wait_for_load_state("networkidle")
                if i == 0:
                    before = tracker.total()
                cold.append(_fill_and_calculate(page))
                page.wait_for_load_state("networkidle")
                if i == 0:
                    after = tracker.total()
                    pyodide_bytes = tracker.total(PYODIDE_PARTS)
                    form = page.locator(f"[data-mmguide-form='{CALC}']")
                    for w in ("60", "61", "62", "63", "64", "65", "66", "67", "68", "69") * 2:
                        page.fill(f"#mmguide-{CALC}-weight", w)
                        n = page.evaluate("window.mmguideForms.timing.calculations.length")
                        form.locator("button[type=submit]").click()
                        page.wait_for_function(f"window.mmguideForms.timing.calculations.length > {n}")
                    calcs = page.evaluate("window.mmguideForms.timing.calculations")[1:]
                    later = [c["total"] for c in calcs]
                page.reload()
                page.wait_for_load_state("networkidle")
                warm.append(_fill_and_calculate(page))
                context.close()

            context = browser.new_context()
            page = context.new_page()
            tracker = Tracker(page)
            page.goto(f"{base}/docs/index.html")
            page.wait_for_load_state("networkidle")
            page.mouse.click(5, 5)
            page.keyboard.press("Tab")
            page.wait_for_timeout(500)
            plain_total, plain_pyodide = tracker.total(), tracker.total(PYODIDE_PARTS)
            context.close()
    finally:
        if tmp is not None:
            tmp.cleanup()

    def row(name, value, unit, goal=None, ok=None):
        rows.append({"benchmark": name, "value": value, "unit": unit, "goal": goal, "ok": ok})

    row("calculator page: bytes before the first calculation", before, "bytes")
    row("calculator page: bytes after the first result", after, "bytes")
    row("calculator page: Pyodide + wheel bytes on first use", pyodide_bytes, "bytes")
    row("first focus to first result, cold cache (median)", round(statistics.median(cold), 3), "s",
        "< 3 s", statistics.median(cold) < 3)
    row("first focus to first result, cold cache (each run)", [round(x, 3) for x in cold], "s")
    row("first focus to first result, warm cache (median)", round(statistics.median(warm), 3), "s",
        "< 3 s", statistics.median(warm) < 3)
    row("later calculation, submit to result (median)", round(statistics.median(later), 1), "ms",
        "< 100 ms", statistics.median(later) < 100)
    row("later calculation, submit to result (max)", round(max(later), 1), "ms", "< 100 ms", max(later) < 100)
    row("page without a calculator: bytes loaded", plain_total, "bytes")
    row("page without a calculator: Pyodide bytes", plain_pyodide, "bytes", "0", plain_pyodide == 0)
    return rows


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--site", type=pathlib.Path)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    result = main(a.site, a.runs)
    if a.json:
        print(json.dumps(result, indent=1))
    else:
        for r in result:
            flag = "" if r["ok"] is None else ("  ok" if r["ok"] else "  MISSED")
            goal = f"  (goal {r['goal']})" if r["goal"] else ""
            print(f"{r['benchmark']}: {r['value']} {r['unit']}{goal}{flag}")
