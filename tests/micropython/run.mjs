// Run mmguide's sources under MicroPython's WebAssembly build in Node (no browser).
//
//   node tests/micropython/run.mjs [--src DIR | --bundle FILE] [--cases FILE] [--out FILE] [--probe]
//
// The package's sources (default src/mmguide, or a copy given by --src) and the compatibility
// layer in runtime/micropython/ are written into MicroPython's file system (/lib), or, with
// --bundle, the files of a page's bundle (mmguide.json.gz, as the book's build writes it);
// the core is imported, and each case of --cases (a JSON list of {"calculator": id, "inputs": {...}})
// is computed. --out gets a JSON list, one outcome per case, in the shape
// tests/micropython/equality.py compares with CPython's:
//   {"result": as_dict()} | {"error": {"type", "message", "field"}} | {"crash": "Type: message"}.
// Inputs travel as JSON text and are read by MicroPython's json module, as a page's worker would.
// Outcomes come back as JSON text written by MicroPython (respond()'s page as the text a page
// gets); a sample of results also comes back through MicroPython's JS proxy, which keeps a
// float's exact bits, to prove the text does too (runCases below).
// --probe prints what MicroPython lacks that the core uses (the experiments behind the shims).
// Timings go to stderr.
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const MP_DIR = path.join(ROOT, "node_modules", "@micropython", "micropython-webassembly-pyscript");
const SHIMS = path.join(ROOT, "runtime", "micropython");

const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const SRC = path.resolve(opt("--src", path.join(ROOT, "src", "mmguide")));

// Every file of a directory tree, relative paths (no caches).
function walk(dir, rel = "") {
  const out = [];
  for (const name of readdirSync(path.join(dir, rel)).sort()) {
    if (name === "__pycache__") continue;
    const r = rel ? `${rel}/${name}` : name;
    if (statSync(path.join(dir, r)).isDirectory()) out.push(...walk(dir, r));
    else if (/\.(py|json|mpy|pysrc)$/.test(name)) out.push(r);
  }
  return out;
}

function writeTree(FS, from, to) {
  let bytes = 0;
  for (const rel of walk(from)) {
    const dest = `${to}/${rel}`;
    const parts = dest.split("/").slice(1, -1);
    for (let i = 1; i <= parts.length; i++) {
      const d = "/" + parts.slice(0, i).join("/");
      try { FS.mkdir(d); } catch { /* exists */ }
    }
    const data = readFileSync(path.join(from, rel));
    bytes += data.length;
    FS.writeFile(dest, data);
  }
  return bytes;
}

// The files of a page's bundle (sphinxext/mmguide_book/runtime.py: gzip'd JSON {path: text}),
// written as the page's worker (docs/_static/mmguide-worker.mjs) writes them.
function writeBundle(FS, file) {
  const files = JSON.parse(gunzipSync(readFileSync(file)).toString("utf8"));
  let bytes = 0;
  for (const [p, text] of Object.entries(files)) {
    const parts = p.split("/").slice(1, -1);
    for (let i = 1; i <= parts.length; i++) { try { FS.mkdir("/" + parts.slice(0, i).join("/")); } catch { /* exists */ } }
    FS.writeFile(p, text);
    bytes += text.length;
  }
  return bytes;
}

// HEAPSIZE: the same as the page's worker gives MicroPython.
export const HEAPSIZE = 32 * 1024 * 1024;

export async function startMicroPython({ src = SRC, bundle = opt("--bundle"), heapsize = HEAPSIZE, importPackage = true } = {}) {
  const t0 = performance.now();
  const { loadMicroPython } = await import(pathToFileURL(path.join(MP_DIR, "micropython.mjs")).href);
  const lines = [];
  const mp = await loadMicroPython({
    heapsize,
    stdout: (s) => lines.push(s),
    stderr: (s) => process.stderr.write(s + "\n"),
  });
  const tStart = performance.now();
  try { mp.FS.mkdir("/lib"); } catch { /* exists */ }
  const bytes = bundle ? writeBundle(mp.FS, bundle) : writeTree(mp.FS, SHIMS, "/lib") + writeTree(mp.FS, src, "/lib/mmguide");
  mp.runPython("import _builtins_extra");
  const tFiles = performance.now();
  if (importPackage) mp.runPython("import mmguide");
  const tImport = performance.now();
  return { mp, lines, timings: { start_ms: tStart - t0, files_ms: tFiles - tStart, import_ms: tImport - tFiles }, bytes };
}

const DRIVER = `
import io, json, sys, mmguide
from mmguide.errors import MMGuideError

def _where(e):
    buf = io.StringIO()
    sys.print_exception(e, buf)
    frames = [l.strip() for l in buf.getvalue().split(chr(10)) if l.strip().startswith("File ")]
    return frames[-1] if frames else ""

def _outcome(case):
    if "lang" in case:  # what the page shows: respond()'s JSON text, as the page's script gets it
        try:
            return '{"page": ' + mmguide.presentation.respond(
                case["calculator"], case["inputs"], case["lang"], "https://example.org/p.html",
                "2026-12-01") + "}"
        except Exception as e:
            return json.dumps({"crash": type(e).__name__ + ": " + str(e), "at": _where(e)})
    try:
        result = mmguide.compute(case["calculator"], **case["inputs"]).as_dict()
    except MMGuideError as e:
        return json.dumps({"error": {"type": type(e).__name__, "message": str(e), "field": getattr(e, "field", None)}})
    except Exception as e:
        return json.dumps({"crash": type(e).__name__ + ": " + str(e), "at": _where(e)})
    _proxied.append(result) if len(_outcomes) % PROXY_EVERY == 0 else None
    return json.dumps({"result": result})

_cases = []
_outcomes = []
_proxied = []

def load_cases(text):
    global _cases
    _cases = json.loads(text)
    return len(_cases)

def run_chunk(start, stop):
    """The outcomes of cases[start:stop] as one JSON array text, and the results kept for the
    transport check (below) as they are."""
    _outcomes.clear()
    _proxied.clear()
    for case in _cases[start:stop]:
        _outcomes.append(_outcome(case))
    return "[" + ",".join(_outcomes) + "]", _proxied
`;

// Outcomes come back as JSON text written by MicroPython's json module (one string per chunk of
// cases, so the heap holds one chunk's outcomes at a time), not as proxied objects: converting
// the outcomes object by object through the JS proxy cost more than computing them. The text
// carries floats exactly when MicroPython writes each float with enough digits to read back the
// same double; every PROXY_EVERY-th computed result is also taken through the proxy (which keeps
// the exact bits) and compared with what its text reads back as, so a float written inexactly
// fails the run instead of hiding a difference. respond()'s page is its JSON text as it is: that
// text is what the page's script parses.
export const PROXY_EVERY = 8;
const CHUNK = 250;

function sameValue(a, b) {
  if (typeof a === "number" || typeof b === "number") return Object.is(a, b) || (a === b && a !== 0);
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a), kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && sameValue(a[k], b[k]));
}

export function runCases(mp, cases) {
  mp.runPython(`PROXY_EVERY = ${PROXY_EVERY}\n` + DRIVER);
  const n = mp.globals.get("load_cases")(JSON.stringify(cases));
  const runChunk = mp.globals.get("run_chunk");
  const parts = [];
  let checked = 0;
  for (let start = 0; start < n; start += CHUNK) {
    const [text, proxied] = mp.PyProxy.toJs(runChunk(start, Math.min(start + CHUNK, n)));
    const outs = JSON.parse(text);
    let k = 0;
    outs.forEach((o, i) => {
      if (!("result" in o) || i % PROXY_EVERY !== 0) return;
      if (!sameValue(o.result, proxied[k])) {
        throw new Error(`MicroPython's JSON text of case ${start + i} does not read back as its result: ${JSON.stringify(proxied[k]).slice(0, 500)}`);
      }
      k++;
    });
    if (k !== proxied.length) throw new Error(`transport check: ${proxied.length} results proxied, ${k} compared`);
    checked += k;
    parts.push(...outs);
  }
  return { outcomes: parts, checked };
}

const PROBES = [
  ["dataclasses, fractions, decimal, typing, unicodedata, __future__, importlib, enum",
   `out = []
for m in ("dataclasses", "fractions", "decimal", "typing", "unicodedata", "__future__", "importlib", "enum"):
    try:
        __import__(m)
    except ImportError:
        out.append(m)
print("missing modules:", out)`],
  ["class annotations", `class A:
    x: int
    y: str = "s"
print("__annotations__:", getattr(A, "__annotations__", None), "| names in class dict:", [k for k in A.__dict__ if not k.startswith("__")])`],
  ["math.gcd", `import math; print("math.gcd:", hasattr(math, "gcd"))`],
  ["format builtin", `print("format builtin:", "format" in dir(__import__("builtins")))`],
  ["str.format_map", `print("str.format_map:", hasattr(str, "format_map"))`],
  ["round at halves", `print("round(2.675, 2) =", round(2.675, 2), "| round(0.5) =", round(0.5), "| round(2.5) =", round(2.5), "| f'{2.5:.0f}' =", f"{2.5:.0f}", "| f'{0.125:.2f}' =", f"{0.125:.2f}")`],
  ["float repr", `print("repr(88.4) =", repr(88.4), "| float('88.4') == 442/5:", float("88.4") == 442 / 5)`],
  ["str repr of non-ASCII", `print("repr('µmol/L') =", repr("µmol/L"), "| repr('κ/λ') =", repr("κ/λ"))`],
  ["str.lower beyond ASCII", `print("'ΜMOL/L'.lower() =", "ΜMOL/L".lower(), "| 'Ä'.lower() =", "Ä".lower())`],
  ["str.strip of Unicode spaces", `print("'\\u00a01\\u3000'.strip() =", repr("\\u00a01\\u3000".strip()))`],
  ["isinstance(True, int)", `print("isinstance(True, int):", isinstance(True, int))`],
  ["reflected comparison", `class Q:
    def __gt__(self, o): return True
try:
    print("1 < Q():", 1 < Q())
except TypeError as e:
    print("1 < Q(): TypeError:", e)`],
  ["exception with two builtin bases", `class Base(Exception): pass
try:
    class Both(ValueError, Base): pass
    print("class Both(ValueError, Base): ok")
except TypeError as e:
    print("class Both(ValueError, Base): TypeError:", e)`],
  ["positional-only parameters", `try:
    exec("def f(a, /, **kw): return kw")
    print("def f(a, /): ok")
except SyntaxError as e:
    print("def f(a, /): SyntaxError")`],
  ["re \\\\d on non-ASCII digits", `import re; print("re \\\\d matches '١':", re.match(r"\\d", "١") is not None)`],
  ["math.floor calls __floor__", `import math
class X:
    def __float__(self): return 2.5
    def __floor__(self): return 7
print("math.floor(X()) =", math.floor(X()), "(7 if __floor__ is used)")`],
];

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (args.includes("--probe")) {
    const { loadMicroPython } = await import(pathToFileURL(path.join(MP_DIR, "micropython.mjs")).href);
    const mp = await loadMicroPython({ stdout: (s) => console.log(s) });
    for (const [name, code] of PROBES) {
      try { mp.runPython(code); } catch (e) { console.log(`${name}: ${String(e.message).trim().split("\n").pop()}`); }
    }
    process.exit(0);
  }
  process.on("uncaughtException", (e) => {
    // a Python error: its traceback only (not the minified runtime around it)
    console.error(e && e.name === "PythonError" ? `MicroPython: ${e.message}` : String(e && e.stack || e).slice(0, 2000));
    process.exit(1);
  });
  const { mp, timings, bytes } = await startMicroPython();
  console.error(`MicroPython started in ${timings.start_ms.toFixed(1)} ms, ${bytes} bytes of sources written in ${timings.files_ms.toFixed(1)} ms, import mmguide ${timings.import_ms.toFixed(1)} ms`);
  const casesFile = opt("--cases");
  if (casesFile) {
    const cases = JSON.parse(readFileSync(casesFile === "-" ? 0 : casesFile, "utf8"));
    const t = performance.now();
    const { outcomes, checked } = runCases(mp, cases);
    console.error(`${cases.length} cases in ${(performance.now() - t).toFixed(0)} ms; ${checked} results also compared through the proxy`);
    const text = JSON.stringify(outcomes);
    const outFile = opt("--out");
    if (outFile) writeFileSync(outFile, text); else process.stdout.write(text + "\n");
  }
}
