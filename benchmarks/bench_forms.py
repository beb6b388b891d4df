"""Benchmark of the in-page calculator forms in Debian's Chromium, against the Pyodide forms.

    python benchmarks/bench_forms.py [--site DIR] [--baseline-site DIR | --baseline-ref REF | --no-baseline]
                                     [--runs N] [--profiles phone,laptop] [--no-details] [--json]

Cold start (``cold()``, issue 15): the real calculator pages of the built site, under two
profiles, each run in a fresh browser context (empty HTTP and code caches):
- phone: 375x740 viewport at device scale 2, mobile and touch; CPU slowed 4x
  (CDP ``Emulation.setCPUThrottlingRate``) and network 10 Mbit/s both ways with 40 ms latency
  (CDP ``Network.emulateNetworkConditions``), both set before the page is opened;
- laptop: 1280x800, no throttling.
Per run: open the zoledronic acid dose page, wait for DOMContentLoaded, then act as a reader
(tap "I have a clearance", type 45): the time from that first tap or keystroke to the moment
the result shows "3.3 mg" (the label's dose for 45 mL/min). In the same context it then opens
the Cockcroft-Gault page and types age 60, weight 72, creatinine 1.0, sex male: time from the
first tap to "80.00 mL/min". Also recorded: the bytes the browser received (bodies and headers,
page and workers) until the first page answered, and the longest main-thread task (PerformanceObserver
'longtask', tasks over 50 ms; 0 when none) from the start of the page until it answered.
Both times and the task come from the page's own clock (``performance.now()``): a MutationObserver
marks the result, a capturing listener marks the first trusted pointerdown or keydown. The live
form computes once typing pauses (its debounce is part of the figure, as it is for a reader);
the time from the last input event to the result is given beside it, so typing speed and the
wait that is left can be told apart.

Worker CPU: CDP CPU throttling slows a page's main thread only. A worker started by the page is
attached through ``Target.setAutoAttach`` and sent ``Emulation.setCPUThrottlingRate`` too; Chromium
156 answers "Operation is only supported for pages, not workers", so a runtime in a dedicated worker
runs at full speed on the phone profile. Each run records the answer (``worker_cpu_throttle``).
The opt-in profile ``phone-all-threads`` (``--profiles phone,laptop,phone-all-threads``) is the
phone without CDP CPU throttling: ``RendererThrottle`` stops and continues the whole renderer
process (main thread and workers) so that it runs a quarter of each 100 ms. It is a rough
stand-in: on this shared machine (load average 8) it slowed a busy loop in a worker 2 to 2.7
times, not 4, because the unthrottled run does not get a whole core either; on an idle machine
check it with a known loop before trusting it.
The network conditions set on the page also hold for its workers' requests (checked: a 3 MB
fetch from a worker takes 2.9 s under them, 0.05 s without).

The baseline is the same measurement on the Pyodide forms of commit 383d5a9, built by that
revision's own tools/build.py from its own sources (``build_baseline``, reused from
_build/bench/baseline-<commit>/).

Details (``main()``, the figures benchmarks/run.py has reported since the forms came in):
bytes before and after the first result, first focus to first result cold and warm, time per
later calculation, and the runtime bytes a page without a calculator loads (goal: none).

Without ``--site`` the English edition of the working tree is built into _build/bench/current
with tools/build.py (with ``--site``, give the edition directory or the site root holding en/).
The test server sends files uncompressed, so byte counts are raw sizes.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import os
import pathlib
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
import zipfile

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

from mmguide_dev.browser import chromium, serve  # noqa: E402

CALC = "crcl-cockcroft-gault"
INPUTS = {"age": "60", "weight": "72", "creatinine": "1.0", "sex": "male"}
# what belongs to an in-page runtime, whichever one the forms load
RUNTIME_PARTS = ("/_static/pyodide/", "/_static/wheels/", "micropython", ".wasm")


def _build(out: pathlib.Path = ROOT / "_build" / "bench" / "current" / "html") -> pathlib.Path:
    """The English edition of the working tree, built into *out* (the edition directory is returned)."""
    cmd = [sys.executable, str(ROOT / "tools" / "build.py"), "--out", str(out), "--lang", "en", "--no-pdf", "-q"]
    init = (ROOT / "sphinxext" / "mmguide_book" / "__init__.py").read_text(encoding="utf-8")
    if "forms.setup(app)" not in init:  # until the book extension calls forms.setup
        import runpy

        exts = runpy.run_path(str(ROOT / "conf.py"))["extensions"]
        cmd += ["-D", "extensions=" + ",".join([*exts, "mmguide_book.forms"])]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if proc.returncode:
        raise SystemExit(f"building the English edition failed:\n{proc.stderr[-3000:]}")
    return out / "en"


def edition(site: pathlib.Path | None) -> pathlib.Path:
    """The English edition directory: *site* itself, its en/, or a fresh build of the working tree."""
    if site is None:
        return _build()
    site = pathlib.Path(site)
    return site / "en" if (site / "en").is_dir() else site


BASELINE_REF = "383d5a9"  # the last commit whose forms run Pyodide


def build_baseline(ref: str = BASELINE_REF, rebuild: bool = False) -> pathlib.Path:
    """The English edition of *ref*, built by that revision's own tools/build.py from that
    revision's own sources, into _build/bench/baseline-<ref>/html/en (reused when it exists).

    The archived tree's src/ goes first on PYTHONPATH, ahead of the venv's editable install of
    the working tree, and the build is refused unless the wheel the forms serve holds the
    archived mmguide/__init__.py byte for byte."""
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", ref], check=True,
                            capture_output=True, text=True).stdout.strip()
    base = ROOT / "_build" / "bench" / f"baseline-{commit}"
    tree, out = base / "tree", base / "html"
    site = out / "en"
    if site.is_dir() and not rebuild:
        return site
    shutil.rmtree(base, ignore_errors=True)
    tree.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    import baseline  # benchmarks/baseline.py: Pyodide, installed now if it is not yet

    (tree / "node_modules").symlink_to(baseline.node_modules())  # as benchmarks/baseline/package-lock.json pins it
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(tree / "src"), str(tree / "sphinxext")]),
               PYTHONDONTWRITEBYTECODE="1")
    where = subprocess.run([sys.executable, "-c", "import mmguide; print(mmguide.__file__)"], cwd=tree, env=env,
                           check=True, capture_output=True, text=True).stdout.strip()
    if not pathlib.Path(where).resolve().is_relative_to(tree.resolve()):
        raise SystemExit(f"baseline {commit}: mmguide imports from {where}, not from the archived tree")
    print(f"building the baseline {commit} (mmguide from {where})", file=sys.stderr, flush=True)
    proc = subprocess.run([sys.executable, str(tree / "tools" / "build.py"), "--out", str(out), "--lang", "en",
                           "--no-pdf", "-q"], cwd=tree, env=env, capture_output=True, text=True)
    if proc.returncode or not site.is_dir():
        shutil.rmtree(out, ignore_errors=True)
        raise SystemExit(f"baseline {commit} build failed:\n{proc.stderr[-3000:]}")
    expected = (tree / "src" / "mmguide" / "__init__.py").read_bytes()
    wheels = list((site / "_static" / "wheels").rglob("*.whl"))
    if len(wheels) != 1 or zipfile.ZipFile(wheels[0]).read("mmguide/__init__.py") != expected:
        shutil.rmtree(out, ignore_errors=True)
        raise SystemExit(f"baseline {commit}: the built wheel does not hold the archived sources ({wheels})")
    return site


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


# --- cold start, phone and laptop (issue 15) -----------------------------------------------

@dataclasses.dataclass(frozen=True)
class Profile:
    name: str
    context: dict
    cpu_rate: float = 1
    network: dict | None = None
    process_rate: float = 1  # RendererThrottle: every renderer thread, workers included


PROFILES = {
    "phone": Profile("phone", {"viewport": {"width": 375, "height": 740}, "device_scale_factor": 2,
                               "is_mobile": True, "has_touch": True},
                     cpu_rate=4, network={"offline": False, "latency": 40, "downloadThroughput": 1_250_000,
                                          "uploadThroughput": 1_250_000}),
    "laptop": Profile("laptop", {"viewport": {"width": 1280, "height": 800}}),
}
# the phone with the whole renderer slowed 4x instead of its main thread only (not in the default run)
PROFILES["phone-all-threads"] = dataclasses.replace(PROFILES["phone"], name="phone-all-threads", cpu_rate=1,
                                                    process_rate=4)


@dataclasses.dataclass(frozen=True)
class Case:
    """A reader's inputs on one calculator page: ("tap", radio suffix), ("type", field, text) or
    ("choose", field, option); *expect* is text the result's value must contain."""

    calculator: str
    steps: tuple
    expect: str


# the zoledronic acid dose from a clearance of 45 mL/min: the label's 3.3 mg (worked example
# "45.37 mL/min" in src/mmguide/data/examples/zoledronic-acid-dose.json falls in the same band)
FIRST = Case("zoledronic-acid-dose", (("tap", "kidney-source-crcl"), ("type", "crcl", "45")), "3.3 mg")
# the next page: Cockcroft-Gault, (140 - 60) x 72 / (72 x 1.0) = 80 mL/min
NEXT = Case("crcl-cockcroft-gault", (("type", "age", "60"), ("type", "weight", "72"),
                                     ("type", "creatinine", "1.0"), ("choose", "sex", "male")), "80.00 mL/min")

# in every document of the context, before the page's scripts: the first trusted tap or key,
# the result (a MutationObserver on the value element), and the main thread's long tasks
PROBE = """(() => {
  const b = window.__mmbench = {t0: null, tLast: null, tResult: null, text: null, expect: null, tasks: [], observer: null};
  try {
    new PerformanceObserver(l => { for (const e of l.getEntries()) b.tasks.push([e.startTime, e.duration]); })
      .observe({type: "longtask", buffered: true});
  } catch (e) { b.observer = String(e); }
  for (const type of ["pointerdown", "mousedown", "keydown"]) {
    addEventListener(type, e => { if (e.isTrusted && b.t0 === null) b.t0 = e.timeStamp; }, true);
  }
  // the reader's last change to the form before the result (typing, or a menu choice)
  for (const type of ["input", "change"]) {
    addEventListener(type, e => { if (b.tResult === null) b.tLast = performance.now(); }, true);
  }
  const check = () => {
    if (b.tResult !== null || b.expect === null) return;
    const v = document.querySelector("[data-mmguide-result] .mmguide-value");
    if (v && v.textContent.includes(b.expect)) { b.tResult = performance.now(); b.text = v.textContent; }
  };
  b.check = check;
  new MutationObserver(check).observe(document, {subtree: true, childList: true, characterData: true});
})();"""


class RendererThrottle:
    """Slows every thread of this process's Chromium renderers, workers included, to about
    1/*rate* of the CPU, as cpulimit does: SIGSTOP and SIGCONT in periods of 20 ms, running
    20/rate ms of each. Only descendants of this Python process with ``--type=renderer`` are
    touched, and all are continued when it stops. The "phone-all-threads" profile uses it in
    place of CDP throttling, because Chromium will not slow a worker (see the module doc)."""

    def __init__(self, rate: float, period_s: float = 0.1):
        self.rate, self.period = rate, period_s
        self.stopping = threading.Event()
        self.thread: threading.Thread | None = None
        self.pids: set[int] = set()

    @staticmethod
    def renderers() -> set[int]:
        children: dict[int, list[int]] = {}
        for d in pathlib.Path("/proc").iterdir():
            if not d.name.isdigit():
                continue
            try:
                ppid = int((d / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(ppid, []).append(int(d.name))
        found, todo = set(), [os.getpid()]
        while todo:
            pid = todo.pop()
            for c in children.get(pid, ()):
                todo.append(c)
                try:
                    if b"--type=renderer" in pathlib.Path(f"/proc/{c}/cmdline").read_bytes():
                        found.add(c)
                except OSError:
                    pass
        return found

    def _signal(self, sig) -> None:
        for pid in list(self.pids):
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                self.pids.discard(pid)

    def _loop(self) -> None:
        run, pause = self.period / self.rate, self.period * (1 - 1 / self.rate)
        n = 0
        while not self.stopping.is_set():
            self._signal(signal.SIGCONT)
            time.sleep(run)
            if self.stopping.is_set():
                break
            self._signal(signal.SIGSTOP)
            t = time.perf_counter()
            if n % 5 == 0:  # look for new renderers while the known ones are stopped
                self.pids = self.renderers()
                self._signal(signal.SIGSTOP)
            n += 1
            time.sleep(max(0.0, pause - (time.perf_counter() - t)))
        self._signal(signal.SIGCONT)

    def __enter__(self):
        self.pids = self.renderers()
        self.thread = threading.Thread(target=self._loop, daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        if self.thread:
            self.thread.join()
        self._signal(signal.SIGCONT)


def _throttle_workers(cdp, rate: float, log: list) -> None:
    """Ask for every worker the page starts to be attached (non-flat: messages go through
    Target.sendMessageToTarget, since Playwright cannot address a flat child session) and send
    it the CPU throttling rate; *log* gets Chromium's answers."""
    def attached(ev):
        if ev["targetInfo"]["type"] not in ("worker", "shared_worker"):
            return
        msg = {"id": 1, "method": "Emulation.setCPUThrottlingRate", "params": {"rate": rate}}
        cdp.send("Target.sendMessageToTarget", {"sessionId": ev["sessionId"], "message": json.dumps(msg)})

    def received(ev):
        m = json.loads(ev["message"])
        if m.get("id") == 1:
            log.append("applied" if "error" not in m else m["error"].get("message", "refused"))

    cdp.on("Target.attachedToTarget", attached)
    cdp.on("Target.receivedMessageFromTarget", received)
    cdp.send("Target.setAutoAttach", {"autoAttach": True, "waitForDebuggerOnStart": False, "flatten": False})


def _answer(page, base: str, case: Case, received: list, timeout_s: float) -> dict:
    """Open *case*'s page, act as the reader, wait for the expected result; times in seconds."""
    del received[:]
    page.goto(f"{base}/docs/calculators/{case.calculator}.html", wait_until="domcontentloaded")
    page.evaluate("e => { window.__mmbench.expect = e; window.__mmbench.check(); }", case.expect)
    try:  # the forms' script sets this up at DOMContentLoaded, under either runtime
        page.wait_for_function("window.mmguideForms !== undefined", timeout=10_000)
    except Exception:
        pass
    prefix = f"#mmguide-{case.calculator}-"
    for step in case.steps:
        kind, name = step[0], step[1]
        loc = page.locator(prefix + name)
        if kind == "tap":
            loc.click(timeout=timeout_s * 1000)
        elif kind == "type":
            loc.click(timeout=timeout_s * 1000)
            loc.press_sequentially(step[2])
        else:
            loc.select_option(step[2], timeout=timeout_s * 1000)
    try:
        page.wait_for_function("window.__mmbench.tResult !== null", polling=50, timeout=timeout_s * 1000)
    except Exception as e:  # no correct result in time: say what the page showed instead
        shown = page.evaluate("(() => { const v = document.querySelector('[data-mmguide-result]');"
                              " return v ? v.textContent.slice(0, 200) : null; })()")
        raise RuntimeError(f"{case.calculator}: no {case.expect!r} within {timeout_s:.0f} s; "
                           f"the result shows {shown!r}") from e
    b = page.evaluate("(() => { const b = window.__mmbench;"
                      " return {t0: b.t0, tLast: b.tLast, t: b.tResult, text: b.text, tasks: b.tasks,"
                      " observer: b.observer}; })()")
    longest = max((d for start, d in b["tasks"] if start <= b["t"]), default=0)
    return {"s": (b["t"] - b["t0"]) / 1000, "after_last_input_s": (b["t"] - (b["tLast"] or b["t0"])) / 1000,
            "text": b["text"], "bytes": sum(received),
            "longest_task_ms": round(longest), "longtask_observer": b["observer"] or "ok"}


def cold_run(browser, base: str, profile: Profile, timeout_s: float = 300) -> dict:
    """One cold run: a fresh context, the first calculator page, then the next one."""
    context = browser.new_context(**profile.context)
    try:
        context.add_init_script(PROBE)
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        worker_log: list = []
        if profile.cpu_rate != 1:
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": profile.cpu_rate})
            _throttle_workers(cdp, profile.cpu_rate, worker_log)
        if profile.network:
            cdp.send("Network.enable")
            cdp.send("Network.emulateNetworkConditions", profile.network)
        received: list[int] = []

        def finished(request):
            try:
                s = request.sizes()
            except Exception:  # a request Chromium has already dropped
                return
            received.append(s["responseBodySize"] + s["responseHeadersSize"])

        context.on("requestfinished", finished)
        slow = RendererThrottle(profile.process_rate) if profile.process_rate != 1 else contextlib.nullcontext()
        with slow:
            first = _answer(page, base, FIRST, received, timeout_s)
            nxt = _answer(page, base, NEXT, received, timeout_s)
        if profile.process_rate != 1:
            worker_log.append(f"whole renderer slowed {profile.process_rate:g}x (SIGSTOP/SIGCONT)")
        return {"first_s": round(first["s"], 3), "next_s": round(nxt["s"], 3),
                "first_after_input_s": round(first["after_last_input_s"], 3),
                "next_after_input_s": round(nxt["after_last_input_s"], 3), "bytes": first["bytes"],
                "next_bytes": nxt["bytes"], "longest_task_ms": first["longest_task_ms"],
                "next_longest_task_ms": nxt["longest_task_ms"], "first_text": first["text"],
                "next_text": nxt["text"], "longtask_observer": first["longtask_observer"],
                "worker_cpu_throttle": (sorted(set(worker_log)) or ["no worker"])
                if profile.cpu_rate != 1 or profile.process_rate != 1 else ["-"]}
    finally:
        context.close()


def cold(site: pathlib.Path, runs: int = 3, profiles=("phone", "laptop"), label: str = "") -> dict[str, list[dict]]:
    """*runs* cold runs per profile on the English edition *site*: {profile: [run, ...]}."""
    out: dict[str, list[dict]] = {}
    with serve(site) as base, chromium() as browser:
        for name in profiles:
            out[name] = []
            for i in range(runs):
                try:
                    r = cold_run(browser, base, PROFILES[name])
                except RuntimeError as e:
                    print(f"  {label} {name} run {i + 1}: FAILED {e}", file=sys.stderr, flush=True)
                    out[name].append({"failed": str(e)})
                    continue
                print(f"  {label} {name} run {i + 1}: first {r['first_s']:.3f} s, next {r['next_s']:.3f} s, "
                      f"{r['bytes']:,} bytes, longest task {r['longest_task_ms']} ms", file=sys.stderr, flush=True)
                out[name].append(r)
    return out


def compare(current: dict, baseline: dict) -> list[dict]:
    """Rows of the comparison: per profile and measure, both sides' runs and medians, and the
    ratio baseline / current of the medians."""
    rows = []
    measures = (("first_s", "cold: first keystroke to first result", "s"),
                ("first_after_input_s", "… of which after the last keystroke", "s"),
                ("next_s", "next calculator page: first keystroke to result", "s"),
                ("next_after_input_s", "… of which after the last input", "s"),
                ("bytes", "bytes received until the first result", "bytes"),
                ("longest_task_ms", "longest main-thread task until the first result", "ms"))
    for profile in current:
        for key, label, unit in measures:
            cur = [r[key] for r in current[profile] if "failed" not in r]
            base = [r[key] for r in baseline.get(profile, []) if "failed" not in r]
            mc = statistics.median(cur) if cur else None
            mb = statistics.median(base) if base else None
            rows.append({"profile": profile, "measure": label, "unit": unit, "current": cur, "current_median": mc,
                         "baseline": base, "baseline_median": mb,
                         "ratio": (mb / mc) if mb is not None and mc else None})  # None: no ratio of 0
    return rows


def _fmt(v, unit: str) -> str:
    if v is None:
        return "-"
    if unit == "s":
        return f"{v:.2f} s"
    if unit == "bytes":
        return f"{v / 1e6:.2f} MB" if v >= 100_000 else f"{v / 1e3:.0f} KB"
    return f"{v:.0f} ms"


def comparison_table(rows: list[dict], baseline_label: str = "Pyodide (383d5a9)",
                     current_label: str = "current tree") -> str:
    head = (f"| profile | measure | {current_label}: median (runs) | {baseline_label}: median (runs) "
            f"| ratio {baseline_label.split(' ')[0]} / current |")
    lines = [head, "|---|---|---|---|---:|"]
    for r in rows:
        def cell(med, runs):
            return f"{_fmt(med, r['unit'])} ({'; '.join(_fmt(x, r['unit']) for x in runs)})" if runs else "-"
        ratio = f"{r['ratio']:.1f}×" if r["ratio"] is not None else "-"
        lines.append(f"| {r['profile']} | {r['measure']} | {cell(r['current_median'], r['current'])} "
                     f"| {cell(r['baseline_median'], r['baseline'])} | {ratio} |")
    return "\n".join(lines)


def run_comparison(site=None, baseline_site=None, baseline_ref: str = BASELINE_REF, runs: int = 3,
                   profiles=("phone", "laptop"), with_baseline: bool = True) -> tuple[list[dict], dict]:
    """Both sides (or the current one only), one profile after the other; returns (rows, raw runs
    and notes)."""
    cur_site = edition(site)
    base_site = None
    if with_baseline:
        base_site = edition(baseline_site) if baseline_site else build_baseline(baseline_ref)
    print(f"forms: current {cur_site}, baseline {base_site or '-'}", file=sys.stderr, flush=True)
    current = cold(cur_site, runs, profiles, "current ")
    baseline = cold(base_site, runs, profiles, "baseline") if base_site else {}
    wrong = [f"{side} {p}: {r['failed']}" for side, d in (("current", current), ("baseline", baseline))
             for p, rs in d.items() for r in rs if "failed" in r]
    throttle = [f"{p}: {', '.join(sorted({x for r in rs for x in r.get('worker_cpu_throttle', ())}))}"
                for p, rs in current.items() if PROFILES[p].cpu_rate != 1 or PROFILES[p].process_rate != 1]
    notes = {"current_site": str(cur_site), "baseline_site": str(base_site), "wrong": wrong,
             "worker_cpu_throttle_current": throttle,
             "load_average": os.getloadavg(), "runs": {"current": current, "baseline": baseline}}
    return compare(current, baseline), notes


def main(site: pathlib.Path | None = None, runs: int = 3) -> list[dict]:
    site = edition(site)
    rows: list[dict] = []
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
                pyodide_bytes = tracker.total(RUNTIME_PARTS)
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
        plain_total, plain_pyodide = tracker.total(), tracker.total(RUNTIME_PARTS)
        context.close()

    def row(name, value, unit, goal=None, ok=None):
        rows.append({"benchmark": name, "value": value, "unit": unit, "goal": goal, "ok": ok})

    row("calculator page: bytes before the first calculation", before, "bytes")
    row("calculator page: bytes after the first result", after, "bytes")
    row("calculator page: runtime bytes on first use", pyodide_bytes, "bytes")
    row("first focus to first result, cold cache (median)", round(statistics.median(cold), 3), "s",
        "< 3 s", statistics.median(cold) < 3)
    row("first focus to first result, cold cache (each run)", [round(x, 3) for x in cold], "s")
    row("first focus to first result, warm cache (median)", round(statistics.median(warm), 3), "s",
        "< 3 s", statistics.median(warm) < 3)
    row("later calculation, submit to result (median)", round(statistics.median(later), 1), "ms",
        "< 100 ms", statistics.median(later) < 100)
    row("later calculation, submit to result (max)", round(max(later), 1), "ms", "< 100 ms", max(later) < 100)
    row("page without a calculator: bytes loaded", plain_total, "bytes")
    row("page without a calculator: runtime bytes", plain_pyodide, "bytes", "0", plain_pyodide == 0)
    return rows


def cli(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--site", type=pathlib.Path, help="built site or its en/ (default: build the working tree)")
    ap.add_argument("--baseline-site", type=pathlib.Path, help="built baseline site (default: build --baseline-ref)")
    ap.add_argument("--baseline-ref", default=BASELINE_REF)
    ap.add_argument("--no-baseline", action="store_true", help="only the current forms")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--profiles", default="phone,laptop", help=f"of {', '.join(PROFILES)}")
    ap.add_argument("--no-details", action="store_true", help="only the cold-start comparison")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    site = edition(a.site)
    rows, notes = run_comparison(site, a.baseline_site, a.baseline_ref, a.runs, tuple(a.profiles.split(",")),
                                 not a.no_baseline)
    details = [] if a.no_details else main(site, a.runs)
    if a.json:
        print(json.dumps({"comparison": rows, "notes": notes, "details": details}, indent=1))
        return 0
    print(comparison_table(rows, f"Pyodide ({a.baseline_ref})"))
    print(f"worker CPU throttling: {'; '.join(notes['worker_cpu_throttle_current']) or '-'}; "
          f"load average {', '.join(f'{x:.1f}' for x in notes['load_average'])}")
    for w in notes["wrong"]:
        print(f"FAILED RUN {w}")
    for r in details:
        flag = "" if r["ok"] is None else ("  ok" if r["ok"] else "  MISSED")
        goal = f"  (goal {r['goal']})" if r["goal"] else ""
        print(f"{r['benchmark']}: {r['value']} {r['unit']}{goal}{flag}")
    return 1 if notes["wrong"] else 0


if __name__ == "__main__":
    sys.exit(cli())
