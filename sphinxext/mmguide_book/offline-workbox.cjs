// Writes one edition's service worker with Workbox's injectManifest (workbox-build from npm, pinned in
// package-lock.json). Called by sphinxext/mmguide_book/offline.py with a JSON request on stdin:
//   {globDirectory, swSrc, swDest, globPatterns, globIgnores, maximumFileSizeToCacheInBytes,
//    variants: {"_static/x.js": ["v=1a2b3c4d", ""]}}
// `variants` gives, for a file the pages request with a query (Sphinx's ?v=<checksum>), every form
// in which they request it ("" is the bare path): one precache entry per form, so a request matches
// its entry exactly. Entries are sorted by URL: the same files give the same service worker.
// Prints {count, size, warnings, urls} as JSON.
"use strict";
const { injectManifest } = require("workbox-build");

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", async () => {
  const { variants = {}, ...options } = JSON.parse(input);
  const byQuery = async (entries) => {
    const manifest = [];
    for (const e of entries) {
      const forms = variants[e.url];
      if (!forms || !forms.length) manifest.push(e);
      else for (const q of forms) manifest.push({ ...e, url: q ? `${e.url}?${q}` : e.url });
    }
    manifest.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
    return { manifest, warnings: [] };
  };
  try {
    const result = await injectManifest({ ...options, manifestTransforms: [byQuery] });
    const src = require("fs").readFileSync(options.swDest, "utf8");
    const urls = [];
    for (const m of src.matchAll(/"url":"([^"]*)"/g)) urls.push(m[1]);
    process.stdout.write(JSON.stringify({ count: result.count, size: result.size, warnings: result.warnings, urls }));
  } catch (err) {
    process.stderr.write(String((err && err.stack) || err) + "\n");
    process.exit(1);
  }
});
