// Cold start in Node: MicroPython's WebAssembly build vs Pyodide (what the forms load today),
// each running mmguide's own sources: start the runtime, write the package into its file
// system, import mmguide, compute the first result. Also the bytes each runtime costs a page.
//
//   node benchmarks/bench_micropython.mjs [--runs N] [--src DIR] [--json]
//
// Each run is a fresh Node process (nothing cached but the OS's file cache). --src: the package
// directory to load (default src/mmguide; MicroPython needs the patched copy, see
// benchmarks/micropython-core.patch and tests/micropython/equality.py).
// Prints one line per runtime: median (and each run) of ready / import / first result, in ms;
// then bytes raw and gzip (level 6) of the runtime files and of the package sources.
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const RUNS = Number(opt("--runs", 5));
const SRC = path.resolve(opt("--src", path.join(ROOT, "src", "mmguide")));
const INPUTS = { calculator: "zoledronic-acid-dose", inputs: { crcl: "45 mL/min" } };
// Pyodide is the historical baseline, pinned apart and installed only when asked for (benchmarks/setup-baseline.sh).
const PYODIDE_DIR = path.join(ROOT, "benchmarks", "baseline", "node_modules", "pyodide");

function files(dir, rel = "", ext = /\.(py|json|mpy|pysrc)$/) {
  const out = [];
  for (const name of readdirSync(path.join(dir, rel)).sort()) {
    if (name === "__pycache__") continue;
    const r = rel ? `${rel}/${name}` : name;
    if (statSync(path.join(dir, r)).isDirectory()) out.push(...files(dir, r, ext));
    else if (ext.test(name)) out.push(r);
  }
  return out;
}

function writeTree(FS, from, to) {
  for (const rel of files(from)) {
    const dest = `${to}/${rel}`;
    const parts = dest.split("/").slice(1, -1);
    for (let i = 1; i <= parts.length; i++) {
      try { FS.mkdir("/" + parts.slice(0, i).join("/")); } catch { /* exists */ }
    }
    FS.writeFile(dest, readFileSync(path.join(from, rel)));
  }
}

// One cold run in this process: prints a JSON line of timings.
async function child(runtime) {
  const t0 = performance.now();
  let ready, imported, first, value;
  if (runtime === "micropython") {
    const dir = path.join(ROOT, "node_modules", "@micropython", "micropython-webassembly-pyscript");
    const { loadMicroPython } = await import(pathToFileURL(path.join(dir, "micropython.mjs")).href);
    const mp = await loadMicroPython({ heapsize: 8 * 1024 * 1024 });
    ready = performance.now();
    try { mp.FS.mkdir("/lib"); } catch { /* exists */ }
    writeTree(mp.FS, path.join(ROOT, "runtime", "micropython"), "/lib");
    writeTree(mp.FS, SRC, "/lib/mmguide");
    mp.runPython("import _builtins_extra\nimport json, mmguide");
    imported = performance.now();
    mp.runPython(`_value = mmguide.compute(${JSON.stringify(INPUTS.calculator)}, **json.loads(${JSON.stringify(JSON.stringify(INPUTS.inputs))})).as_dict()["value"]`);
    value = mp.globals.get("_value");
    first = performance.now();
  } else {
    const dir = PYODIDE_DIR;
    const { loadPyodide } = await import(pathToFileURL(path.join(dir, "pyodide.mjs")).href);
    const py = await loadPyodide({ indexURL: dir + path.sep });
    ready = performance.now();
    writeTree(py.FS, SRC, "/home/pyodide/mmguide");
    py.runPython("import json, mmguide");
    imported = performance.now();
    value = py.runPython(`mmguide.compute(${JSON.stringify(INPUTS.calculator)}, **json.loads(${JSON.stringify(JSON.stringify(INPUTS.inputs))})).as_dict()["value"]`);
    first = performance.now();
  }
  const cpu = process.cpuUsage();
  console.log(JSON.stringify({ ready: ready - t0, import: imported - ready, first: first - t0, cpu: (cpu.user + cpu.system) / 1000, value }));
}

function bytes(list) {
  let raw = 0, gz = 0;
  for (const f of list) {
    const data = readFileSync(f);
    raw += data.length;
    gz += gzipSync(data, { level: 6 }).length;
  }
  return { raw, gzip: gz };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const n = s.length; return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2; };

if (args[0] === "--child") {
  await child(args[1]);
} else {
  const result = { runs: RUNS, src: path.relative(ROOT, SRC) || SRC, runtimes: {} };
  const runtimes = args.includes("--micropython-only") ? ["micropython"] : ["micropython", "pyodide"];
  if (runtimes.includes("pyodide")) {
    const setup = spawnSync("bash", [path.join(ROOT, "benchmarks", "setup-baseline.sh")], { stdio: ["ignore", "inherit", "inherit"] });
    if (setup.status !== 0) process.exit(1);
  }
  for (const runtime of runtimes) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const p = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--child", runtime, "--src", SRC], { encoding: "utf8" });
      if (p.status !== 0) { console.error(p.stderr.slice(-2000)); process.exit(1); }
      runs.push(JSON.parse(p.stdout.trim().split("\n").pop()));
    }
    result.runtimes[runtime] = {
      ready_ms: median(runs.map((r) => r.ready)), import_ms: median(runs.map((r) => r.import)),
      first_result_ms: median(runs.map((r) => r.first)), each_first_result_ms: runs.map((r) => Math.round(r.first)),
      // CPU time of the whole process (Node's own start included): less sensitive than wall time
      // to other work on a shared machine
      cpu_ms: median(runs.map((r) => r.cpu)),
      value: runs[0].value,
    };
  }
  const mpDir = path.join(ROOT, "node_modules", "@micropython", "micropython-webassembly-pyscript");
  const pyDir = PYODIDE_DIR;
  result.bytes = {
    micropython_runtime: bytes(["micropython.mjs", "micropython.wasm"].map((f) => path.join(mpDir, f))),
    micropython_compat_layer: bytes(files(path.join(ROOT, "runtime", "micropython"), "", /\.py$/).map((f) => path.join(ROOT, "runtime", "micropython", f))),
    // what a form loads today: the runtime, its standard library and lock file (the wheel is the sources, below)
    pyodide_runtime: bytes(["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"].map((f) => path.join(pyDir, f))),
    package_sources: bytes(files(SRC, "", /\.(py|json)$/).map((f) => path.join(SRC, f))),
    package_mpy: bytes(files(SRC, "", /\.mpy$/).map((f) => path.join(SRC, f))),
  };
  if (args.includes("--json")) {
    console.log(JSON.stringify(result, null, 1));
  } else {
    for (const [name, r] of Object.entries(result.runtimes)) {
      console.log(`${name}: ready ${r.ready_ms.toFixed(0)} ms, import mmguide ${r.import_ms.toFixed(0)} ms, first result ${r.first_result_ms.toFixed(0)} ms (median of ${RUNS}; each: ${r.each_first_result_ms.join(", ")}), process CPU ${r.cpu_ms.toFixed(0)} ms, value ${r.value}`);
    }
    for (const [name, b] of Object.entries(result.bytes)) console.log(`${name}: ${b.raw} bytes raw, ${b.gzip} bytes gzip`);
  }
}
