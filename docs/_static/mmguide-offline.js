/* Offline reading (sphinxext/mmguide_book/offline.py): registers the edition's service worker
 * (<edition>/sw.js) and tells the reader which edition the page is from.
 *
 * - Only over http(s), in a browser with service workers: from file:// or without them the site
 *   reads as it always did, and nothing here runs.
 * - "A newer edition is available — reload": when a newer edition's worker takes over a page that
 *   an older one served (checked when the page opens, when it comes back into view and when the
 *   network returns). The button reloads the page from the newer edition.
 * - "Offline: this page is from the edition of <date>": when the worker served the page from the
 *   edition stored on the device (the network was cut or too slow); the date is the page's own
 *   build date, as in its footer.
 * The texts come from the script's data attributes, in the edition's language (offline.py).
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
  var text = script.dataset;
  var root = new URL("../", script.src); // the edition's folder (this script is in _static/)
  var sw = navigator.serviceWorker;
  var servedBy = sw.controller; // the worker that served this page, if any
  var styled = null;
  var shown = {}; // each banner once

  // the banners' stylesheet, loaded only when a banner is shown (most pages never show one)
  function withStyle() {
    if (!styled) {
      styled = new Promise(function (resolve) {
        var link = document.createElement("link");
        link.rel = "stylesheet";
        link.href = new URL("mmguide-offline.css", script.src).href;
        link.onload = link.onerror = function () { resolve(); };
        document.head.appendChild(link);
      });
    }
    return styled;
  }

  function area() {
    var box = document.getElementById("mmguide-offline-notices");
    if (!box) {
      box = document.createElement("div");
      box.id = "mmguide-offline-notices";
      box.className = "mmguide-offline-notices";
      document.body.appendChild(box);
    }
    return box;
  }

  function editionDate() {
    var t = document.querySelector(".mmguide-edition time");
    return t ? t.getAttribute("datetime") || t.textContent.trim() : "";
  }

  function showNewer() {
    if (shown.newer) return;
    shown.newer = true;
    var bar = document.createElement("div");
    bar.id = "mmguide-newer-edition";
    bar.className = "mmguide-offline-banner mmguide-newer-edition";
    bar.setAttribute("role", "alert");
    var words = document.createElement("span");
    words.textContent = text.newer + " ";
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = text.reload;
    button.addEventListener("click", function () { location.reload(); });
    bar.appendChild(words);
    bar.appendChild(button);
    withStyle().then(function () { area().appendChild(bar); });
  }

  function showOffline(date) {
    if (shown.offline) return;
    shown.offline = true;
    var bar = document.createElement("div");
    bar.id = "mmguide-offline-copy";
    bar.className = "mmguide-offline-banner mmguide-offline-copy";
    bar.setAttribute("role", "status");
    bar.textContent = text.offline.replace("{date}", date);
    withStyle().then(function () { area().appendChild(bar); });
  }

  sw.addEventListener("message", function (event) {
    var d = event.data || {};
    if (d.type === "mmguide-source" && d.fromPrecache) showOffline(editionDate() || d.built);
  });
  // a newer edition's worker takes over: this page came from an older one
  sw.addEventListener("controllerchange", function () {
    if (servedBy) showNewer();
    servedBy = sw.controller;
  });
  if (servedBy) servedBy.postMessage({ type: "mmguide-source" });

  sw.register(new URL("sw.js", root).href, { scope: root.href }).then(function (reg) {
    function check() { reg.update().catch(function () { /* offline: checked again later */ }); }
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "visible") check();
    });
    window.addEventListener("online", check);
  }).catch(function () { /* no worker: the page reads as before */ });
})();
