// Run mmguide's own tests under Pyodide in Node (no browser): the code the book's forms run.
//
//   node tests/pyodide/run_tests.mjs [pytest args...]
//
// 1. Wheels, offline: the mmguide wheel the book ships plus pytest and its pure-Python
//    dependencies re-packed from the project's venv (tests/pyodide/vendor_wheels.py,
//    into _build/pyodide-wheels/), loaded with pyodide.loadPackage(local paths). No micropip.
// 2. Every published worked example (src/mmguide/data/examples/*.json) is run and compared
//    with its expected value/category/agents, as the book's build does.
// 3. pytest runs every tests/test_*.py whose imports Pyodide has (the standard library,
//    mmguide, pytest, hypothesis); the others (build, browser, notebook tests) are listed as
//    not run. hypothesis cannot load in Pyodide (compiled extension): tests/pyodide/stubs
//    stands in, running each @given test's explicit @example cases and skipping the generated
//    ones (they run under CPython). The repository is mounted read-only in spirit at /repo (nothing is written:
//    no bytecode, no pytest cache, no hypothesis database).
// Prints "N passed, N failed" last; exits 1 on any failure.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const PYODIDE_DIR = path.join(ROOT, "node_modules", "pyodide");
const WHEELS = process.env.MMGUIDE_PYODIDE_WHEELS || path.join(ROOT, "_build", "pyodide-wheels");
const PYTHON = process.env.PYTHON || path.join(ROOT, ".venv", "bin", "python");

if (!existsSync(path.join(PYODIDE_DIR, "pyodide.mjs"))) {
  console.error(`Pyodide is not installed (${PYODIDE_DIR}); run npm ci.`);
  process.exit(2);
}

// (1) wheels
const vendor = spawnSync(PYTHON, [path.join(ROOT, "tests", "pyodide", "vendor_wheels.py"), WHEELS], { encoding: "utf8" });
if (vendor.status !== 0) {
  console.error("could not prepare the wheels:\n" + vendor.stdout + vendor.stderr);
  process.exit(2);
}
const wheels = vendor.stdout.trim().split("\n").filter(Boolean);

const { loadPyodide } = await import(pathToFileURL(path.join(PYODIDE_DIR, "pyodide.mjs")).href);
const t0 = performance.now();
const pyodide = await loadPyodide({ indexURL: PYODIDE_DIR + path.sep });
// pass Python's output through unchanged (pytest writes progress without newlines)
pyodide.setStdout({ write: (buf) => { process.stdout.write(buf); return buf.length; } });
pyodide.setStderr({ write: (buf) => { process.stderr.write(buf); return buf.length; } });
await pyodide.loadPackage(wheels, { messageCallback: () => {} });
pyodide.mountNodeFS("/repo", ROOT);
console.log(`Pyodide ${pyodide.version} (Python ${pyodide.runPython("import sys; sys.version.split()[0]")}) ready in ${Math.round(performance.now() - t0)} ms`);

const testFiles = [
  ...readdirSync(path.join(ROOT, "tests")).filter((f) => /^test_.*\.py$/.test(f)).sort(),
  ...readdirSync(path.join(ROOT, "tests", "calculators")).filter((f) => /^test_.*\.py$/.test(f)).sort()
    .map((f) => `calculators/${f}`),
];
pyodide.globals.set("TEST_FILES", pyodide.toPy(testFiles));
pyodide.globals.set("PYTEST_ARGS", pyodide.toPy(process.argv.slice(2)));

const out = await pyodide.runPythonAsync(`
import ast, json, math, os, sys
sys.dont_write_bytecode = True
os.chdir("/tmp")  # hypothesis and pytest write nothing into the repository
import mmguide
assert mmguide.__file__.startswith(sys.prefix) or "site-packages" in mmguide.__file__, mmguide.__file__

passed = failed = 0
failures = []

# (2) every published worked example
from importlib import resources
for f in sorted((resources.files("mmguide") / "data" / "examples").iterdir(), key=lambda p: p.name):
    if not f.name.endswith(".json"):
        continue
    data = json.loads(f.read_text(encoding="utf-8"))
    cid = data.get("calculator") or f.name[:-5]
    for i, row in enumerate(data["rows"]):
        label = f"examples/{f.name}[{i}]"
        try:
            r = mmguide.compute(cid, **row["inputs"])
            d = r.as_dict()
            e = row.get("expected", {})
            ok = bool(e)
            if "value" in e:
                ev, rv = e["value"], r.value
                if isinstance(ev, (int, float)) and not isinstance(ev, bool) and isinstance(rv, (int, float)):
                    ok &= math.isfinite(rv) and abs(rv - ev) <= float(row.get("tolerance", 0)) + 1e-12
                else:
                    ok &= (list(ev) if isinstance(ev, (list, tuple)) else ev) == (list(rv) if isinstance(rv, (list, tuple)) else rv)
            if "category" in e:
                ok &= e["category"] == r.category
            if "agents" in e:  # suitable agents, the favoured one first (as the book's table checks)
                agents = [a["agent"] for a in sorted(d.get("agents", []), key=lambda a: not a.get("favoured"))
                          if a.get("suitable", True)]
                ok &= list(e["agents"]) == agents
            why = f"expected {e}, got value={r.value!r} category={r.category!r}"
        except Exception as exc:  # an example must compute
            ok, why = False, f"{type(exc).__name__}: {exc}"
        if ok:
            passed += 1
        else:
            failed += 1
            failures.append(f"{label}: {why}")
print(f"worked examples: {passed} passed, {failed} failed")

# (3) the test modules Pyodide can import
# Pyodide has no processes: a module that starts one (the command-line tests) runs in CPython only
AVAILABLE = (set(sys.stdlib_module_names) - {"subprocess"}) | {"mmguide", "pytest", "hypothesis", "_pytest", "__future__"}
def runnable(path):
    tree = ast.parse(open(path, encoding="utf-8").read())
    for node in tree.body:  # module-level imports: an import inside a test runs only if the test does
        if isinstance(node, ast.Import):
            roots = [a.name.split(".")[0] for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots = [node.module.split(".")[0]]
        else:
            continue
        missing = [r for r in roots if r not in AVAILABLE]
        if missing:
            return missing[0]
    return None

selected, not_run = [], []
for name in TEST_FILES:
    why = runnable(f"/repo/tests/{name}")
    (not_run.append(f"{name} (needs {why})") if why else selected.append(f"/repo/tests/{name}"))
print("run under Pyodide:", ", ".join(s.rsplit("/", 1)[1] for s in selected) or "none")
print("not run under Pyodide:", ", ".join(not_run) or "none")

sys.path.insert(0, "/repo/tests/pyodide/stubs")  # hypothesis stand-in (see its docstring)
import pytest

class Count:
    def __init__(self):
        self.passed = self.failed = self.skipped = 0
        self.failures = []
    def pytest_runtest_logreport(self, report):
        if report.failed:
            self.failed += 1
            self.failures.append(report.nodeid)
        elif report.when == "call" and report.passed:
            self.passed += 1
        elif report.skipped:
            self.skipped += 1
    def pytest_collectreport(self, report):
        if report.failed:
            self.failed += 1
            self.failures.append(f"collecting {report.nodeid}")

count = Count()
conftest = "/repo/tests/conftest.py"
args = ["-q", "-p", "no:cacheprovider", "-p", "no:faulthandler", "--rootdir=/repo", "-o", "addopts=",
        "-W", "ignore::pytest.PytestConfigWarning"]
if os.path.exists(conftest) and runnable(conftest):
    args.append("--noconftest")  # the shared conftest needs what Pyodide lacks (build, browser)
rc = pytest.main(args + list(PYTEST_ARGS) + selected, plugins=[count]) if selected else 0
passed += count.passed
failed += count.failed
failures += count.failures
if count.skipped:
    print(f"pytest skipped {count.skipped}")
if rc not in (0, 5) and not count.failed:  # an internal or usage error is a failure too
    failed += 1
    failures.append(f"pytest exited with {rc}")
json.dumps({"passed": passed, "failed": failed, "failures": failures})
`);
const res = JSON.parse(out);
for (const f of res.failures) console.log("FAILED " + f);
console.log(`${res.passed} passed, ${res.failed} failed`);
process.exit(res.failed ? 1 : 0);
