/* mmguide's in-page runtime: the package's own Python sources, run by MicroPython's WebAssembly
 * build in a Web Worker, so that the page's thread never waits for it.
 *
 * Started by mmguide-form.js on calculator pages only, with the URL of the bundle
 * (sphinxext/mmguide_book/runtime.py: gzip-compressed JSON {path: source text}, the package and
 * the compatibility layer in runtime/micropython/). tests/micropython/equality.py runs the same
 * bundle in the same runtime in Node and compares every answer with CPython's.
 *
 * Messages in:  {start: bundleUrl, calculators: [ids on the page]} once (those calculators'
 *               modules are imported while starting, so the first answer waits for nothing),
 *               then {id, calculator, inputs, lang, url, date}.
 * Messages out: {progress: step, of: steps} while starting, {ready: true},
 *               {id, out: JSON text from mmguide.presentation.respond} or {id, error}, {failed}.
 */
import { loadMicroPython } from "./micropython/micropython.mjs";

const STEPS = 3;
const HEAPSIZE = 32 * 1024 * 1024; // as tests/micropython/run.mjs gives it
let mp = null;
const queue = [];

function answer(m) {
  try {
    // encoded once here, decoded once in Python: respond() takes the inputs as they are
    mp.globals.set("_mmguide_args", JSON.stringify([m.calculator, m.inputs, m.lang, m.url, m.date]));
    mp.runPython("_mmguide_out = _mmguide_respond(*json.loads(_mmguide_args))");
    postMessage({ id: m.id, out: mp.globals.get("_mmguide_out") });
  } catch (e) {
    postMessage({ id: m.id, error: String((e && e.message) || e).trim().split("\n").pop() });
  }
}

// gzip bytes, unless a server has already decoded them (Content-Encoding)
async function bundleText(response) {
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return new TextDecoder().decode(bytes);
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return await new Response(stream).text();
}

async function start(url, calculators) {
  postMessage({ progress: 1, of: STEPS });
  // a browser that cannot decompress (Safari before 16.4) fetches the uncompressed copy beside it
  if (typeof DecompressionStream === "undefined") url = url.replace(/\.gz$/, "");
  const fetched = fetch(url).then(function (r) {
    if (!r.ok) throw new Error(r.status + " " + url);
    return bundleText(r);
  });
  const runtime = await loadMicroPython({ heapsize: HEAPSIZE, stdout: function () {}, stderr: function () {} });
  const files = JSON.parse(await fetched);
  postMessage({ progress: 2, of: STEPS });
  for (const [p, text] of Object.entries(files)) {
    const parts = p.split("/").slice(1, -1);
    for (let i = 1; i <= parts.length; i++) {
      try { runtime.FS.mkdir("/" + parts.slice(0, i).join("/")); } catch (e) { /* exists */ }
    }
    runtime.FS.writeFile(p, text);
  }
  runtime.runPython("import _builtins_extra");
  postMessage({ progress: 3, of: STEPS });
  runtime.globals.set("_mmguide_page", JSON.stringify(calculators || []));
  runtime.runPython("import json\nfrom mmguide.presentation import respond as _mmguide_respond\n" +
    "from mmguide.api import calculator as _mmguide_calculator\n" +
    "for _id in json.loads(_mmguide_page):\n    _mmguide_calculator(_id)");
  mp = runtime;
  postMessage({ ready: true });
  while (queue.length) answer(queue.shift());
}

onmessage = function (ev) {
  const m = ev.data;
  if (m.start) {
    start(m.start, m.calculators).catch(function (e) { postMessage({ failed: String((e && e.message) || e).trim().split("\n").pop() }); });
  } else if (mp) {
    answer(m);
  } else {
    queue.push(m);
  }
};
