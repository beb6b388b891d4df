/* mmguide: Chinese search as Chinese readers type (Chinese edition's search page only;
   sphinxext/mmguide_book/search.py).

   Chinese is typed without spaces ("唑来膦酸剂量"), but the index holds the words jieba cut the
   pages into, with the book's own dictionary (docs/locales/zh_CN/jieba-userdict.txt). A run of
   Chinese characters in the query is cut here into words of that same index (its vocabulary is
   the dictionary as the pages use it): the cut with the fewest characters left over, then the
   fewest words (longest words first). Question and function words (怎么, 如何, 的 …) are dropped,
   like English stop words; a run with no word of the index is kept as typed. Nothing is
   downloaded: the index is already on the page. */
(function () {
  "use strict";
  if (typeof Search === "undefined") return;

  var HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
  // asked, not searched for: question and function words a reader adds to a query
  var STOP = {};
  ("怎么 怎样 怎么办 如何 什么 哪些 哪个 为什么 是否 是不是 可以 能否 需要 应该 吗 呢 吧 啊 的 了 和 与 及 或 " +
   "在 是 有 用 要 时 对 把 被 请问 一下 多少 几").split(" ").forEach(function (w) { STOP[w] = 1; });

  var vocab = null, longest = 1;
  function words() {
    if (vocab) return vocab;
    var index = Search._index;
    if (!index) return null;
    vocab = Object.create(null);
    [index.terms || {}, index.titleterms || {}].forEach(function (t) {
      Object.keys(t).forEach(function (w) {
        if (HAN.test(w)) { vocab[w] = 1; if (w.length > longest) longest = w.length; }
      });
    });
    return vocab;
  }

  // the best cut of one run of Chinese characters into index words (dynamic programming)
  function cut(run) {
    var v = words();
    if (!v) return [run];
    var n = run.length, best = [{ left: 0, count: 0, prev: -1, word: null }];
    for (var i = 1; i <= n; i++) {
      var b = null;
      var consider = function (c) {
        if (!b || c.left < b.left || (c.left === b.left && c.count < b.count)) b = c;
      };
      // one character the index does not know: left over
      consider({ left: best[i - 1].left + 1, count: best[i - 1].count, prev: i - 1, word: null });
      for (var L = Math.min(longest, i); L >= 1; L--) {
        var w = run.slice(i - L, i);
        if (v[w] || (STOP[w] && L > 0)) {
          consider({ left: best[i - L].left, count: best[i - L].count + 1, prev: i - L, word: w });
        }
      }
      best[i] = b;
    }
    var out = [];
    for (var k = n; k > 0; k = best[k].prev) if (best[k].word) out.unshift(best[k].word);
    out = out.filter(function (w) { return !STOP[w]; });
    return out.length ? out : [run];
  }

  // the query's words: Chinese runs cut into index words, other words as Sphinx splits them
  function segment(query) {
    var out = [];
    String(query).split(/[^\p{Letter}\p{Number}_\p{Emoji_Presentation}]+/gu).forEach(function (term) {
      if (!term) return;
      var parts = term.split(/([\u3400-\u9fff\uf900-\ufaff]+)/);
      parts.forEach(function (p) {
        if (!p) return;
        if (HAN.test(p)) out.push.apply(out, cut(p));
        else out.push(p);
      });
    });
    return out;
  }

  // Every Chinese word is required. (Sphinx lets words under three letters go missing, because its
  // English index drops them; Chinese words of two characters are indexed, and "高钙血症 处理"
  // must not list every page that says 处理.) If no page holds them all, Sphinx's own list stays.
  function holds(table, word, file) {
    var f = Object.prototype.hasOwnProperty.call(table, word) ? table[word] : undefined;
    if (f !== undefined && (f === file || (f.indexOf && f.indexOf(file) !== -1))) return true;
    if (word.length > 2 && f === undefined) {
      return Object.keys(table).some(function (t) {
        var g = table[t];
        return t.indexOf(word) !== -1 && (g === file || (g.indexOf && g.indexOf(file) !== -1));
      });
    }
    return false;
  }
  var termsSearch = Search.performTermsSearch;
  Search.performTermsSearch = function (searchTerms, excludedTerms) {
    var results = termsSearch(searchTerms, excludedTerms);
    var han = Array.from(searchTerms).filter(function (w) { return HAN.test(w); });
    if (han.length < 2) return results;
    var index = Search._index, files = index.docnames;
    var all = results.filter(function (r) {
      var file = files.indexOf(r[0]);
      return han.every(function (w) { return holds(index.terms, w, file) || holds(index.titleterms, w, file); });
    });
    all = all.length ? all : results;
    // a section whose title holds the query's Chinese words (恶性肿瘤相关高钙血症 for
    // 高钙血症怎么处理): listed itself, scored by how much of its title they cover (a title holding
    // them all gets mmguide-search.js's bonus on top, so it adds less here)
    var words = Array.from(searchTerms).filter(function (w) { return HAN.test(w); });
    var back = [];
    try { back = JSON.parse(document.getElementById("mmguide-search-config").textContent).back || []; } catch (e) { back = []; }
    Object.entries(index.alltitles || {}).forEach(function (e) {
      var title = e[0], covered = 0, whole = true;
      words.forEach(function (w) { if (title.indexOf(w) !== -1) covered += w.length; else whole = false; });
      if (covered < 3) return; // a long word or several: not one short common word
      e[1].forEach(function (found) {
        var file = found[0], id = found[1];
        // a page's own title is scored by Sphinx; the book's pages about itself are not sections to go to
        if (id === null || back.indexOf(index.docnames[file]) !== -1) return;
        all.push([index.docnames[file], index.titles[file] + " > " + title, "#" + id, null,
                  Math.round(Scorer.title * covered / title.length) + (whole ? 5 : 10), index.filenames[file],
                  typeof SearchResultKind !== "undefined" ? SearchResultKind.title : "title"]);
      });
    });
    return all;
  };

  window.mmguideSegment = segment;
  // searchtools.js calls the global splitQuery when the index is loaded: ours cuts Chinese
  window.splitQuery = segment;
})();
