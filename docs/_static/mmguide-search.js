/* mmguide search page (loaded after Sphinx's searchtools.js; sphinxext/mmguide_book/search.py).
   1. Snippets come from the article text, not from the page's controls.
   2. Ranking: a page whose title holds every word of the query moves up, calculator pages
      most; a drug's name (alone or with "dose") puts its dose calculator first. */
(function () {
  "use strict";
  if (typeof Search === "undefined" || typeof Scorer === "undefined") return;

  var CONTROLS = ".headerlink, script, style, noscript, nav, button, form, math, svg, " +
    ".bd-header-article, .d-print-none, .prev-next-area, .mmguide-print-only, .mmguide-form";

  Search.htmlToText = function (htmlString, anchor) {
    var doc = new DOMParser().parseFromString(htmlString, "text/html");
    var root = doc.querySelector("article.bd-article") || doc.querySelector('[role="main"]');
    if (!root) return "";
    root.querySelectorAll(CONTROLS).forEach(function (el) { el.remove(); });
    if (anchor) {
      var part = null;
      try { part = root.querySelector(anchor); } catch (e) { part = null; }
      if (part) return part.textContent;
    }
    return root.textContent;
  };

  var config = {};
  try {
    config = JSON.parse(document.getElementById("mmguide-search-config").textContent);
  } catch (e) { config = {}; }
  var dose = config.dose || {};
  var STOP = {the: 1, of: 1, by: 1, and: 1, for: 1, a: 1, an: 1, to: 1, in: 1, "的": 1};
  var query = (new URLSearchParams(window.location.search).get("q") || "").toLowerCase();
  var words = null;
  // the query's words, once the index is loaded: the Chinese edition cuts unspaced Chinese into the
  // index's own words (mmguide-search-zh.js)
  function queryWords() {
    if (words) return words;
    var split = window.mmguideSegment ? window.mmguideSegment(query) : query.split(/[\s,;:()\-–]+/);
    words = split.filter(function (w) { return w && !STOP[w]; });
    return words;
  }

  Scorer.score = function (result) {
    var words = queryWords();
    var docname = result[0], title = String(result[1] || "").toLowerCase(), anchor = result[2];
    var score = result[4];
    if (!words.length) return score;
    var page = !anchor;
    var calculator = docname.indexOf("docs/calculators/") === 0 && docname !== "docs/calculators/index";
    var allInTitle = words.every(function (w) { return title.indexOf(w) !== -1; });
    if (allInTitle) {
      score += (calculator && page) ? 40 : 15;
      // the more of the title the query's words cover, the closer the match (国际分期 → ISS before R-ISS)
      var covered = words.reduce(function (n, w) { return n + w.length; }, 0);
      score += Math.round(10 * Math.min(covered, title.length) / Math.max(title.length, 1));
    }
    // the book about itself (hazard log, changes, references, about) after the clinical pages
    if ((config.back || []).indexOf(docname) !== -1) score -= 20;
    words.forEach(function (w) { if (page && dose[w] === docname) score += 60; });
    return score;
  };
})();
