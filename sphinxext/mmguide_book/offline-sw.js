/* mmguide's service worker for one edition: the source that sphinxext/mmguide_book/offline.py hands
 * to Workbox's injectManifest (workbox-build, pinned in package-lock.json), which writes it as
 * <edition>/sw.js with the precache manifest injected where this file asks for it. The edition's line below
 * is filled in by offline.py.
 *
 * - Precache (Workbox, content-hashed revisions): the edition's pages, search index, scripts, styles,
 *   images, the calculators' runtime (MicroPython and the package's bundle) and the tutorials'
 *   downloads. Installed in full before this worker takes over, then the previous edition's entries
 *   are removed.
 * - Pages (navigations): network first (revalidated with the server, never a copy from the browser's
 *   HTTP cache), for at most the edition's timeout, so that a corrected page reaches a reader who is
 *   online; then the page of this edition from the precache. Pages fetched
 *   from the network are not stored: what is read offline is always one whole edition.
 * - Other precached files: from the precache (cache first), matched with the query the pages use
 *   (Sphinx's ?v=<checksum>), so a newer page never gets an older script or style.
 * - The PDFs: network first, kept after the first request (they are large: never precached).
 * - A page may ask whether it was served from the precache ({type: "mmguide-source"}): the answer
 *   carries the edition's date, which the page shows ("Offline: this page is from the edition of …").
 *
 * The Workbox runtime is the pinned npm package's own files, copied into the site by offline.py
 * (_static/workbox/): nothing is loaded from outside the site.
 */
importScripts("_static/workbox/workbox-sw.js");
workbox.setConfig({ modulePathPrefix: "_static/workbox/", debug: false });

const EDITION = "__MMGUIDE_EDITION__";

// every module is loaded while the worker starts (a worker may not import scripts later)
const { core, precaching, routing, strategies } = workbox;

core.setCacheNameDetails({ prefix: "mmguide", suffix: EDITION.language });
self.skipWaiting();
core.clientsClaim();

precaching.precache(self.__WB_MANIFEST);
precaching.cleanupOutdatedCaches();

const fromPrecache = new Set(); // ids of the pages (clients) this worker served from the precache

function pageKey(url) {
  const u = new URL(url);
  u.search = "";
  u.hash = "";
  if (u.pathname.endsWith("/")) u.pathname += "index.html";
  return u.href;
}

const samePlace = (url) => url.origin === self.location.origin && url.pathname.startsWith(new URL(self.registration.scope).pathname);

// the PDFs: network first, kept once fetched (first registered: a download may be a navigation)
routing.registerRoute(
  ({ url }) => samePlace(url) && url.pathname.endsWith(".pdf"),
  new strategies.NetworkFirst({ cacheName: "mmguide-pdf-" + EDITION.language }),
);

// pages: network first within the timeout, then this edition's page from the precache
routing.registerRoute(
  ({ request, url }) => request.mode === "navigate" && samePlace(url),
  new strategies.NetworkFirst({
    cacheName: "mmguide-pages-" + EDITION.language,
    networkTimeoutSeconds: EDITION.networkTimeoutSeconds,
    plugins: [{
      // ask the server every time (a copy in the browser's HTTP cache may be older than the site);
      // a redirect is left to the browser, as for any navigation
      requestWillFetch: async ({ request }) =>
        new Request(request.url, { cache: "no-cache", credentials: "same-origin", redirect: "manual" }),
      cacheWillUpdate: async () => null,
      cachedResponseWillBeUsed: async ({ request, cachedResponse, event }) => {
        const page = cachedResponse || (await precaching.matchPrecache(pageKey(request.url)));
        if (page && event && event.resultingClientId) fromPrecache.add(event.resultingClientId);
        return page;
      },
    }],
  }),
);

// everything else the edition precached: cache first
precaching.addRoute({ ignoreURLParametersMatching: [/^utm_/], directoryIndex: "index.html", cleanURLs: false });

self.addEventListener("message", (event) => {
  if (!event.data || event.data.type !== "mmguide-source" || !event.source) return;
  const id = event.source.id;
  event.source.postMessage({
    type: "mmguide-source", fromPrecache: fromPrecache.has(id),
    version: EDITION.version, built: EDITION.built,
  });
  fromPrecache.delete(id);
});
