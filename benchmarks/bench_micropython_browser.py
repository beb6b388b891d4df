"""Browser benchmark: a minimal calculator page whose Web Worker runs mmguide under MicroPython,
beside the same page running it under Pyodide (the runtime the forms load today).

    .venv/bin/python benchmarks/bench_micropython_browser.py --src DIR [--runs 3] [--profiles phone,laptop]

DIR is the package directory to load (MicroPython needs the patched copy: see
tests/micropython/equality.py --patch). Both pages are built into a temporary directory and
served from 127.0.0.1 (uncompressed: the bytes are raw; benchmarks/bench_micropython.mjs gives
gzip sizes). The page starts the worker as soon as it has loaded (as a form would when it comes
into view), types into its field at once, and records when the first correct result arrives.
Each cold run is a fresh browser context (empty caches).
Profiles: laptop (no throttling) and phone (375 px viewport, CPU slowed 4x with CDP
Emulation.setCPUThrottlingRate, network 10 Mbit/s down with 40 ms latency with CDP
Network.emulateNetworkConditions).
Reported per runtime and profile: first keystroke to first result (median and each run), bytes
transferred, the longest main-thread task (PerformanceObserver 'longtask', 0 when none over 50 ms).
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import pathlib
import shutil
import statistics
import sys
import tempfile
import threading

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

from mmguide_dev.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

CASE = {"calculator": "zoledronic-acid-dose", "inputs": {"crcl": "45 mL/min"}}
EXPECTED_VALUE = 3.3

PAGE = """<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>bench</title></head><body>
<label>CrCl <input id="crcl" disabled></label> <output id="out">loading…</output>
<script>
const longest = {ms: 0};
try { new PerformanceObserver(l => { for (const e of l.getEntries()) longest.ms = Math.max(longest.ms, e.duration); })
  .observe({type: "longtask", buffered: true}); } catch (e) {}
window.bench = {longest, t_key: null, t_result: null, result: null, progress: []};
const worker = new Worker("worker.mjs", {type: "module"});
worker.onmessage = (ev) => {
  const m = ev.data;
  if (m.progress) { bench.progress.push([m.progress, performance.now()]); if (m.progress === "ready") document.getElementById("crcl").disabled = false; }
  if (m.result !== undefined) { bench.t_result = performance.now(); bench.result = m.result; document.getElementById("out").textContent = JSON.stringify(m.result.value); }
  if (m.error) { bench.result = {error: m.error}; bench.t_result = performance.now(); }
};
// the reader types at once: the keystroke is queued until the worker can answer
bench.t_key = performance.now();
worker.postMessage({compute: CASE});
</script></body></html>
"""

WORKER_MP = """
import { loadMicroPython } from "./rt/micropython.mjs";
let mp = null, queue = [];
onmessage = (ev) => { if (mp) run(ev.data.compute); else queue.push(ev.data.compute); };
function run(c) {
  try {
    mp.globals.set("_case", JSON.stringify(c));
    mp.runPython("_out = json.dumps(_compute(json.loads(_case)))");
    postMessage({result: JSON.parse(mp.globals.get("_out"))});
  } catch (e) { postMessage({error: String(e.message || e)}); }
}
postMessage({progress: "runtime"});
const [m, files] = await Promise.all([loadMicroPython({heapsize: 8 * 1024 * 1024}), fetch("bundle.json").then(r => r.json())]);
postMessage({progress: "files"});
for (const [p, text] of Object.entries(files)) {
  const parts = p.split("/").slice(1, -1);
  for (let i = 1; i <= parts.length; i++) { try { m.FS.mkdir("/" + parts.slice(0, i).join("/")); } catch (e) {} }
  m.FS.writeFile(p, text);
}
m.runPython("import _builtins_extra\\nimport json, mmguide\\ndef _compute(c):\\n    return mmguide.compute(c['calculator'], **c['inputs']).as_dict()");
mp = m;
postMessage({progress: "ready"});
for (const c of queue) run(c);
"""

WORKER_PYODIDE = """
import { loadPyodide } from "./rt/pyodide.mjs";
let py = null, queue = [];
onmessage = (ev) => { if (py) run(ev.data.compute); else queue.push(ev.data.compute); };
function run(c) {
  try {
    py.globals.set("_case", JSON.stringify(c));
    postMessage({result: JSON.parse(py.runPython("json.dumps(_compute(json.loads(_case)))"))});
  } catch (e) { postMessage({error: String(e.message || e)}); }
}
postMessage({progress: "runtime"});
const [p, files] = await Promise.all([loadPyodide({indexURL: new URL("./rt/", import.meta.url).href}), fetch("bundle.json").then(r => r.json())]);
postMessage({progress: "files"});
for (const [path, text] of Object.entries(files)) {
  const parts = path.split("/").slice(1, -1);
  for (let i = 1; i <= parts.length; i++) { try { p.FS.mkdir("/" + parts.slice(0, i).join("/")); } catch (e) {} }
  p.FS.writeFile(path, text);
}
p.runPython("import sys\\nsys.path.insert(0, '/lib')\\nimport json, mmguide\\ndef _compute(c):\\n    return mmguide.compute(c['calculator'], **c['inputs']).as_dict()");
py = p;
postMessage({progress: "ready"});
for (const c of queue) run(c);
"""


def _bundle(src: pathlib.Path, with_shims: bool) -> dict[str, str]:
    files = {}
    if with_shims:
        shims = ROOT / "runtime" / "micropython"
        for f in sorted(shims.rglob("*.py")):
            files["/lib/" + f.relative_to(shims).as_posix()] = f.read_text(encoding="utf-8")
    for f in sorted(src.rglob("*")):
        if f.suffix in (".py", ".json") and "__pycache__" not in f.parts:
            files["/lib/mmguide/" + f.relative_to(src).as_posix()] = f.read_text(encoding="utf-8")
    return files


def build(site: pathlib.Path, src: pathlib.Path) -> None:
    page = PAGE.replace("CASE", json.dumps(CASE))
    mp_dir = ROOT / "node_modules" / "@micropython" / "micropython-webassembly-pyscript"
    import baseline  # benchmarks/baseline.py: Pyodide, installed now if it is not yet

    py_dir = baseline.node_modules() / "pyodide"
    for name, worker, rt, files, shims in (
        ("micropython", WORKER_MP, mp_dir, ("micropython.mjs", "micropython.wasm"), True),
        ("pyodide", WORKER_PYODIDE, py_dir,
         ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"), False),
    ):
        d = site / name
        (d / "rt").mkdir(parents=True)
        for f in files:
            shutil.copy(rt / f, d / "rt" / f)
        (d / "index.html").write_text(page, encoding="utf-8")
        (d / "worker.mjs").write_text(worker, encoding="utf-8")
        (d / "bundle.json").write_text(json.dumps(_bundle(src, shims)), encoding="utf-8")


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".mjs": "text/javascript", ".wasm": "application/wasm", ".json": "application/json"}

    def log_message(self, *args):
        pass


def run_once(browser, url: str, profile: str) -> dict:
    ctx = browser.new_context(viewport={"width": 375, "height": 740} if profile == "phone" else {"width": 1280, "height": 800})
    page = ctx.new_page()
    cdp = ctx.new_cdp_session(page)
    if profile == "phone":
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", {
            "offline": False, "latency": 40, "downloadThroughput": 10_000_000 / 8, "uploadThroughput": 5_000_000 / 8})
    received = []
    page.on("requestfinished", lambda r: received.append(r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"]))
    page.goto(url)
    page.wait_for_function("window.bench && window.bench.t_result !== null", timeout=180_000)
    b = page.evaluate("({key: bench.t_key, result: bench.t_result, value: bench.result && bench.result.value,"
                      " error: bench.result && bench.result.error, longest: bench.longest.ms, progress: bench.progress})")
    page.wait_for_timeout(200)
    ctx.close()
    return {"first_result_s": (b["result"] - b["key"]) / 1000, "value": b["value"], "error": b["error"],
            "bytes": sum(received), "longest_task_ms": b["longest"], "progress": b["progress"]}


def main(argv=None) -> list[dict]:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--src", type=pathlib.Path, default=ROOT / "src" / "mmguide")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--profiles", default="laptop,phone")
    ap.add_argument("--runtimes", default="micropython,pyodide")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory(prefix="mmguide-bench-") as tmp:
        site = pathlib.Path(tmp)
        build(site, a.src.resolve())
        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Handler, directory=str(site)))
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{httpd.server_address[1]}"
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            for profile in a.profiles.split(","):
                for runtime in a.runtimes.split(","):
                    runs = [run_once(browser, f"{base}/{runtime}/index.html", profile) for _ in range(a.runs)]
                    ok = all(r["value"] == EXPECTED_VALUE and not r["error"] for r in runs)
                    row = {"runtime": runtime, "profile": profile, "ok": ok,
                           "first_result_s_median": statistics.median(r["first_result_s"] for r in runs),
                           "first_result_s_each": [round(r["first_result_s"], 3) for r in runs],
                           "bytes": runs[0]["bytes"], "longest_main_thread_task_ms": max(r["longest_task_ms"] for r in runs),
                           "errors": [r["error"] for r in runs if r["error"]]}
                    rows.append(row)
                    print(json.dumps(row) if a.json else
                          f"{runtime:12} {profile:7} first result {row['first_result_s_median']:.3f} s median "
                          f"(each {row['first_result_s_each']}), {row['bytes']} bytes, longest main-thread task "
                          f"{row['longest_main_thread_task_ms']:.0f} ms, correct: {ok} {row['errors'] or ''}", flush=True)
            browser.close()
        httpd.shutdown()
    return rows


if __name__ == "__main__":
    main()
