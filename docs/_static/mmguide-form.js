/* mmguide in-page calculator forms: mmguide itself, run in the reader's browser.
 *
 * Added by sphinxext/mmguide_book/forms.py to calculator pages only. The package's own sources
 * run in a Web Worker (mmguide-worker.mjs) under MicroPython's WebAssembly build (_static/
 * micropython/, vendored from npm), from one compressed bundle (_static/py/<digest>/); about
 * 0.3 MB compressed in all. The worker starts as soon as a form is on screen or the page is idle
 * (or at the reader's first touch), never on pages without a calculator; until it can answer, the
 * form says so with a progress bar and its button is disabled. Results are rendered from JSON with
 * DOM calls and textContent only (no innerHTML).
 *
 * At the bedside: whatever the package answers is shown at once, in its order (an urgent phase with
 * what is still needed under it); the address carries the inputs (history.replaceState as the reader
 * types, so a copied link or the note's link opens the same patient); Reset clears fields, answer and
 * address; an answer out of sight on a phone gets a compact bar that scrolls to it; screen readers
 * hear the answer once, when the reader pauses (not on every keystroke).
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var WORKER_URL = new URL(script.getAttribute("data-worker"), script.src).href;
  var BUNDLE_URL = script.getAttribute("data-bundle") ? new URL(script.getAttribute("data-bundle"), script.src).href : null;

  var LIVE_DELAY_MS = 350; // debounce: compute once the reader pauses typing

  var runtime = null;
  var listeners = []; // forms shown the start's progress
  var timing = { interaction: null, started: null, ready: null, firstResult: null, calculations: [] };

  function progress(step, of) { listeners.forEach(function (f) { f(step, of); }); }

  // The worker, started once per page; resolves to compute(id, inputs, lang, url, date) -> Promise of
  // the JSON mmguide.presentation.respond returns (result, view, note), parsed.
  function loadRuntime() {
    if (runtime) return runtime;
    var ids = [];
    document.querySelectorAll("[data-mmguide-form]").forEach(function (s) { ids.push(s.getAttribute("data-mmguide-form")); });
    runtime = new Promise(function (resolve, reject) {
      if (!BUNDLE_URL) throw new Error("the mmguide bundle is missing from this build");
      // started by the page's head while the page loaded (forms.py), or now
      var worker = window.mmguideWorker || new Worker(WORKER_URL, { type: "module" });
      var early = worker.early || null;
      timing.started = worker.started || performance.now();
      window.mmguideWorker = null; // a retry after a failure starts afresh
      var pending = {}, next = 0;
      function compute(id, inputs, lang, url, date) {
        return new Promise(function (ok, fail) {
          var n = ++next;
          pending[n] = { ok: ok, fail: fail };
          worker.postMessage({ id: n, calculator: id, inputs: inputs, lang: lang, url: url, date: date });
        });
      }
      worker.onmessage = function (ev) {
        var m = ev.data;
        if (m.progress) progress(m.progress, m.of);
        else if (m.ready) { timing.ready = performance.now(); resolve(compute); }
        else if (m.failed) reject(new Error(m.failed));
        else if (m.id && pending[m.id]) {
          var p = pending[m.id];
          delete pending[m.id];
          if (m.error) p.fail(new Error(m.error)); else p.ok(JSON.parse(m.out));
        }
      };
      worker.onerror = function (ev) { ev.preventDefault(); reject(new Error(ev.message || "the calculator's worker stopped")); };
      if (early) early.forEach(function (m) { worker.onmessage({ data: m }); });
      else worker.postMessage({ start: BUNDLE_URL, calculators: ids });
    });
    runtime.catch(function () { runtime = null; }); // a later interaction may retry
    return runtime;
  }

  // --- small DOM helpers ---------------------------------------------------------------
  function el(tag, attrs, children) {
    var n = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) {
      if (attrs[k] !== null && attrs[k] !== undefined) n.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) {
      if (c === null || c === undefined) return;
      n.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return n;
  }
  function clear(n) { while (n.firstChild) n.removeChild(n.firstChild); }
  function fmtNumber(v) {
    if (typeof v !== "number") return String(v);
    if (Number.isInteger(v)) return String(v);
    var s = v.toFixed(4);
    return s.indexOf(".") >= 0 ? s.replace(/0+$/, "").replace(/\.$/, "") : s;
  }

  // --- one form ------------------------------------------------------------------------
  function Form(section) {
    this.section = section;
    this.config = JSON.parse(section.querySelector("script.mmguide-form-config").textContent);
    this.S = this.config.strings;
    this.lang = this.config.lang;
    this.form = section.querySelector("form");
    this.result = section.querySelector("[data-mmguide-result]");
    this.status = section.querySelector("[data-mmguide-status]");
    this.formError = section.querySelector("p[data-mmguide-error]");
    this.submit = section.querySelector("button[type=submit]");
    this.touched = {};
    this.timer = null;
    this.seq = 0;
    this.note = null;
    this.shown = null; // the JSON of the answer on screen: an identical answer is not redrawn
    this.said = null; // the last summary announced to screen readers
    this.announce = section.querySelector("[data-mmguide-announce]");
    var self = this;

    clear(this.result);
    this.result.appendChild(el("p", { "class": "mmguide-placeholder" }, [
      this.S["Enter the values: the answer appears as you type. The calculation runs in your browser; nothing is sent anywhere."]]));
    this.submit.disabled = true; // until the calculator can answer
    this.bar = el("progress", { "class": "mmguide-progress", max: "3", value: "0", "aria-hidden": "true", hidden: "hidden" });
    this.status.parentNode.insertBefore(this.bar, this.status);
    listeners.push(function (step, of) { self.showProgress(step, of); });
    this.setState("idle");

    var warm = function () {
      if (timing.interaction === null) timing.interaction = performance.now();
      self.form.removeEventListener("focusin", warm);
      self.form.removeEventListener("pointerdown", warm);
      self.form.removeEventListener("input", warm);
      self.warmUp();
    };
    this.form.addEventListener("focusin", warm);
    this.form.addEventListener("pointerdown", warm);
    this.form.addEventListener("input", warm);
    this.form.addEventListener("submit", function (ev) { ev.preventDefault(); self.calculate(false); });
    // live: every change recomputes once the reader pauses
    var live = function (ev) {
      var f = ev.target.closest ? ev.target.closest(".mmguide-field") : null;
      if (f) self.touched[f.getAttribute("data-field")] = true;
      if (ev.target.name && /-kidney-source$/.test(ev.target.name)) self.showSource();
      clearTimeout(self.timer);
      self.timer = setTimeout(function () { self.calculate(true); }, LIVE_DELAY_MS);
      // once the calculator is ready an answer is shown at once; a message waits for the pause
      if (self.ready) self.calculate(true, true);
    };
    this.form.addEventListener("input", live);
    this.form.addEventListener("change", live);
    this.resetButton = el("button", { type: "button", "class": "mmguide-reset" }, [this.S["Reset"]]);
    this.resetButton.addEventListener("click", function () { self.reset(); });
    this.submit.parentNode.insertBefore(this.resetButton, this.submit.nextSibling);
    this.peek = this.makePeek();
    this.showSource();
    this.fromUrl();
  }

  Form.prototype.setState = function (s) { this.section.setAttribute("data-state", s); };

  // "I have a creatinine" / "I have a clearance": only the chosen set is shown and sent
  Form.prototype.source = function () {
    var r = this.section.querySelector("input[type=radio][name$='-kidney-source']:checked");
    return r ? r.value : null;
  };
  Form.prototype.showSource = function () {
    var chosen = this.source();
    this.section.querySelectorAll("[data-source]").forEach(function (g) {
      g.hidden = chosen !== null && g.getAttribute("data-source") !== chosen;
    });
  };

  // values carried over from another calculator's page (?name=value)
  Form.prototype.fromUrl = function () {
    var params = new URLSearchParams(window.location.search);
    var any = false, self = this;
    params.forEach(function (value, name) {
      var f = self.section.querySelector(".mmguide-field[data-field='" + CSS.escape(name) + "']");
      if (!f) return;
      var radio = f.querySelector("input[type=radio][value='" + CSS.escape(value) + "']");
      var control = f.querySelector("input[name='" + CSS.escape(name) + "']:not([type=radio]), select[name='" + CSS.escape(name) + "']");
      if (radio) radio.checked = true;
      else if (control && control.type === "checkbox") control.checked = /^(yes|true|1)$/i.test(value);
      else if (control) {
        // "<number> <unit>" (as this form writes the address): the number in the field, the unit in its menu
        var sel = f.querySelector("select.mmguide-unit"), m = /^\s*(\S+)\s+(.+?)\s*$/.exec(value);
        var opt = sel && m ? Array.prototype.filter.call(sel.options, function (o) { return o.value === m[2]; })[0] : null;
        if (opt) { control.value = m[1]; sel.value = opt.value; }
        else {
          control.value = value;
          // a number without its unit means the calculator's own unit (the menu's first), whatever
          // the edition's default: a link reads the same in both editions
          if (sel) sel.value = sel.options[0].value;
        }
      }
      else return;
      if (self.config.composes && name === self.config.composes.input) {
        var c = self.section.querySelector("input[type=radio][name$='-kidney-source'][value='" +
                                           CSS.escape(self.config.composes.input) + "']");
        if (c) { c.checked = true; self.showSource(); }
      }
      self.touched[name] = true;
      any = true;
    });
    if (any) this.calculate(true);
  };

  Form.prototype.showProgress = function (step, of) {
    if (this.ready) return;
    this.bar.hidden = false;
    this.bar.max = of;
    this.bar.value = step - 0.5; // the step under way, half done
    this.status.textContent = this.S["Loading the calculator…"] + " " + step + "/" + of;
  };

  Form.prototype.warmUp = function () {
    var self = this;
    var p = loadRuntime();
    if (!this.ready && !this.waiting) {
      this.waiting = true;
      if (this.section.getAttribute("data-state") === "idle") this.setState("loading");
      p.then(function () {
        self.ready = true;
        self.waiting = false;
        self.bar.hidden = true;
        self.submit.disabled = false;
        if (self.section.getAttribute("data-state") === "loading") self.setState("ready");
        if (self.status.textContent.indexOf(self.S["Loading the calculator…"]) === 0) self.status.textContent = "";
      }, function (err) {
        self.waiting = false;
        self.bar.hidden = true;
        self.submit.disabled = false; // pressing it tries again
        self.setState("failed");
        self.status.textContent = self.S["The calculator could not be loaded: "] + (err && err.message ? err.message : String(err));
      });
    }
    return p;
  };

  Form.prototype.values = function () {
    var inputs = {};
    this.section.querySelectorAll(".mmguide-field[data-field]").forEach(function (f) {
      if (f.closest("[hidden]")) return; // the set of kidney inputs not chosen
      var name = f.getAttribute("data-field"), kind = f.getAttribute("data-kind");
      if (f.hasAttribute("data-radios")) {
        var r = f.querySelector("input[type=radio]:checked");
        if (r && r.value) inputs[name] = r.value;
        return;
      }
      var control = f.querySelector("input[name='" + name + "'], select[name='" + name + "']");
      if (kind === "boolean") { inputs[name] = control.checked; return; }
      var v = control.value.trim();
      if (!v) return;
      if (kind === "quantity") {
        // a unit typed with the number is sent as typed ("45 mL/min", "1,2 mg/dL"); otherwise the
        // unit chosen in the menu; a field with one unit sends the number alone (its unit is the default)
        var typedUnit = /[^\s0-9.,+\-\uFF10-\uFF19\uFF0E\uFF0C]/.test(v);
        var sel = f.querySelector("select.mmguide-unit");
        inputs[name] = (!typedUnit && sel) ? v + " " + sel.value : v;
      } else {
        inputs[name] = v;
      }
    });
    return inputs;
  };

  Form.prototype.clearErrors = function () {
    this.section.querySelectorAll("[data-mmguide-error]").forEach(function (e) { e.hidden = true; e.textContent = ""; });
    this.section.querySelectorAll("[aria-invalid]").forEach(function (e) { e.removeAttribute("aria-invalid"); });
  };

  Form.prototype.showError = function (field, message) {
    var target = field ? this.section.querySelector("span[data-mmguide-error='" + CSS.escape(field) + "']") : null;
    if (target && !target.parentElement.closest("[hidden]")) {
      target.textContent = this.S["Check this value: "] + message;
      target.hidden = false;
      var control = this.section.querySelector("[name='" + CSS.escape(field) + "']");
      if (control) control.setAttribute("aria-invalid", "true");
    } else {
      this.formError.textContent = this.S["Check the inputs: "] + message;
      this.formError.hidden = false;
    }
  };

  // The page's address for these inputs: the inputs as query parameters (the form reads them back,
  // fromUrl), so one link is one patient. Only this form's fields are written; other parameters and
  // the fragment are kept.
  Form.prototype.addressFor = function (inputs) {
    var params = new URLSearchParams(window.location.search);
    var self = this;
    this.section.querySelectorAll(".mmguide-field[data-field]").forEach(function (f) { params.delete(f.getAttribute("data-field")); });
    Object.keys(inputs).forEach(function (k) {
      var v = inputs[k];
      params.set(k, v === true ? "yes" : v === false ? "no" : String(v));
    });
    var q = params.toString();
    return window.location.pathname + (q ? "?" + q : "") + window.location.hash;
  };
  Form.prototype.updateAddress = function (inputs) {
    var next = this.addressFor(inputs);
    var now = window.location.pathname + window.location.search + window.location.hash;
    // replaceState: no reload and no entry in the history per keystroke
    if (next !== now) { try { window.history.replaceState(window.history.state, "", next); } catch (e) { /* file:// */ } }
  };
  Form.prototype.pageUrl = function () { return window.location.href.split("#")[0]; };

  // Reset: fields to their first state, no answer, no inputs in the address
  Form.prototype.reset = function () {
    this.seq++; // an answer on its way is dropped
    clearTimeout(this.timer);
    this.form.reset();
    this.touched = {};
    this.note = null;
    this.shown = null;
    this.said = null;
    this.showSource();
    this.clearErrors();
    this.status.textContent = "";
    clear(this.result);
    this.result.appendChild(el("p", { "class": "mmguide-placeholder" }, [
      this.S["Enter the values: the answer appears as you type. The calculation runs in your browser; nothing is sent anywhere."]]));
    this.updateAddress(this.values());
    this.peek.hidden = true;
    if (this.announce) this.announce.textContent = "";
    this.setState(this.ready ? "ready" : "idle");
    var first = this.form.querySelector("input:not([type=radio]):not([type=hidden]), select");
    if (first) first.focus();
    this.section.dispatchEvent(new CustomEvent("mmguide:reset", { bubbles: true }));
  };

  // live: the reader is typing (a field not reached yet is named, not an error); quick: as a key is
  // pressed, show a result only (a message for a half-typed value waits for the debounced call)
  Form.prototype.calculate = async function (live, quick) {
    var started = performance.now();
    var seq = ++this.seq;
    if (this.ready && !quick) this.setState("calculating");
    var compute;
    try {
      compute = await this.warmUp();
    } catch (e) { return; }
    if (seq !== this.seq) return; // a newer calculation is on its way
    var inputs = this.values();
    this.updateAddress(inputs); // before computing: the note's link is this patient's
    var t0 = performance.now();
    var out;
    try {
      out = await compute(this.config.calculator, inputs, this.lang, this.pageUrl(), this.config.date);
    } catch (e) {
      out = { ok: false, field: null, message: String(e && e.message ? e.message : e) };
    }
    if (seq !== this.seq) return; // the reader typed on meanwhile
    if (quick && !out.ok) return;
    var t1 = performance.now();
    this.clearErrors();
    this.status.textContent = "";
    if (out.ok) {
      var json = JSON.stringify(out);
      // the same answer again (the change event on leaving a field): not redrawn, so a tap on Copy
      // that began before it still lands on its button
      if (json !== this.shown) {
        var before = this.result.querySelector(".mmguide-answer");
        var was = before ? before.getAttribute("data-summary") : null;
        this.render(out);
        this.shown = json;
        this.reveal(was);
      }
      if (!quick) this.say();
      this.setState("result");
    } else if (live && out.field && !this.touched[out.field] && !(out.field in inputs)) {
      // still typing: name what is missing instead of an error for a field not reached yet
      clear(this.result);
      // the composed input (a clearance) is missing while its parts are chosen: name the first part not
      // given on its own
      var comp = this.config.composes, missing = out.field;
      if (comp && out.field === comp.input && this.source() === "creatinine") {
        missing = comp.inputs.filter(function (n) { return comp.also_alone.indexOf(n) < 0; })[0] || out.field;
      }
      this.result.appendChild(el("p", { "class": "mmguide-placeholder" }, [
        this.S["Still needed: "] + (this.config.labels[missing] || missing)]));
      this.shown = null;
      this.peek.hidden = true;
      this.setState("incomplete");
    } else {
      this.showError(out.field, out.message);
      clear(this.result);
      this.shown = null;
      this.peek.hidden = true;
      this.setState("error");
    }
    var t2 = performance.now();
    if (timing.firstResult === null && out.ok) timing.firstResult = t2;
    timing.calculations.push({ compute: t1 - t0, total: t2 - started });
    this.section.dispatchEvent(new CustomEvent("mmguide:result", { bubbles: true, detail: out }));
  };

  Form.prototype.recLink = function (id) {
    var href = (this.config.recommendations || {})[id];
    return href ? el("a", { href: href, "class": "mmguide-rec" }, [id]) : el("span", { "class": "mmguide-rec" }, [id]);
  };
  Form.prototype.recLinks = function (ids) {
    var self = this, span = el("span", { "class": "mmguide-recs" });
    (ids || []).forEach(function (id, i) {
      if (!id) return;
      span.appendChild(document.createTextNode(i ? ", " : " "));
      span.appendChild(self.recLink(id));
    });
    return span;
  };

  Form.prototype.itemList = function (items, tag) {
    var self = this;
    return el(tag || "ul", null, (items || []).map(function (it) {
      var li = el("li", { "data-action": it.id || null, "data-agent": it.agent || null }, [it.text, self.recLinks(it.recommendations)]);
      if (it.details && it.details.length) li.appendChild(el("ul", null, it.details.map(function (d) { return el("li", null, [d]); })));
      return li;
    }));
  };

  Form.prototype.render = function (out) {
    var r = out.result, v = out.view, a = v.answer, S = this.S, self = this;
    this.note = out.note;
    clear(this.result);
    var box = el("div", { "class": "mmguide-answer", "data-tone": a.tone, "data-category": a.category || null,
                          "data-summary": this.summary(a), tabindex: "-1" });
    // urgent items first, in the package's order (the order of danger)
    if (a.urgent && a.urgent.length) {
      box.appendChild(el("ul", { "class": "mmguide-urgent" }, a.urgent.map(function (u) {
        return el("li", { "data-action": u.id || null }, [u.text, self.recLinks(u.recommendations),
          u.more ? el("details", { "class": "mmguide-more" }, [el("summary", null, [S["more"]]), u.more]) : null]);
      })));
    }
    // an answer decided before every input is in: what is still needed, under the urgent items
    var needed = a.needed || v.needed || [];
    if (needed.length) {
      box.appendChild(el("p", { "class": "mmguide-needed", "data-needed": needed.map(function (n) {
        return typeof n === "string" ? n : (n.name || ""); }).join(" ") }, [S["Still needed: "] + needed.map(function (n) {
        var name = typeof n === "string" ? n : n.name;
        return (typeof n !== "string" && n.label) || self.config.labels[name] || name;
      }).join(S[", "] || ", ")]));
    }
    var rawValue = Array.isArray(r.value) ? r.value.join(",") : (r.value === null || r.value === undefined ? null : String(r.value));
    var favoured = (r.agents || []).filter(function (x) { return x.favoured; })[0];
    var head = el("p", { "class": "mmguide-headline" }, [
      el("span", { "class": "mmguide-value", "data-value": rawValue, "data-agent": favoured ? favoured.agent : null }, [a.headline || ""]),
      a.label ? el("span", { "class": "mmguide-badge", "data-category": a.category || null }, [a.label]) : null]);
    box.appendChild(head);
    if (a.subheadline) box.appendChild(el("p", { "class": "mmguide-subheadline" }, [a.subheadline]));
    (a.lines || []).forEach(function (line, i) {
      box.appendChild(el("p", { "class": i === a.lines.length - 1 ? "mmguide-line mmguide-explanation" : "mmguide-line" }, [line]));
    });
    if (a.inline) {
      box.appendChild(el("p", { "class": "mmguide-inline", "data-tone": a.inline.tone }, [
        // Chinese punctuation in the Chinese edition (a full-width colon and parentheses)
        a.inline.label + (self.lang === "zh" ? "：" : ": "), el("strong", null, [a.inline.value]),
        a.inline.note ? (self.lang === "zh" ? "（" + a.inline.note + "）" : " (" + a.inline.note + ")") : null]));
    }
    if (a.checklist && a.checklist.length) {
      box.appendChild(el("p", { "class": "mmguide-checklist-title" }, [el("strong", null, [a.checklist_title])]));
      box.appendChild(el("ul", { "class": "mmguide-checklist" }, a.checklist.map(function (c) {
        return el("li", { "data-action": c.id, "data-pending": c.pending ? "1" : null }, [
          el("span", { "class": "mmguide-box", "aria-hidden": "true" }, ["☐ "]), c.text, self.recLinks(c.recommendations),
          c.more ? el("details", { "class": "mmguide-more" }, [el("summary", null, [S["more"]]), c.more]) : null]);
      })));
    }
    // onward: the next calculator with the values carried over, and the recommendations served
    var next = el("p", { "class": "mmguide-next" });
    (v.links || []).forEach(function (lk) {
      var q = new URLSearchParams(lk.params).toString();
      next.appendChild(el("a", { href: lk.calculator + ".html" + (q ? "?" + q : ""), "class": "mmguide-onward", "data-calculator": lk.calculator }, [lk.text + " →"]));
      next.appendChild(document.createTextNode(" "));
    });
    if (v.recommendations && v.recommendations.length) {
      next.appendChild(el("span", null, [(v.recommendations.length > 1 ? S["Recommendations"] : S["Recommendation"]) + ":"]));
      next.appendChild(this.recLinks(v.recommendations));
    }
    box.appendChild(next);
    var copy = el("button", { type: "button", "class": "mmguide-copy", "data-copy": "note" }, [S["Copy to note"]]);
    copy.addEventListener("click", function () { self.copyNote(); });
    var link = el("button", { type: "button", "class": "mmguide-copy-link", "data-copy": "link" }, [S["Copy link"]]);
    link.addEventListener("click", function () { self.copyLink(); });
    box.appendChild(el("div", { "class": "mmguide-copy-row" }, [copy, link, el("span", { "class": "mmguide-copy-status", role: "status" })]));
    this.result.appendChild(box);

    (v.sections || []).forEach(function (s) {
      var body;
      if (s.id === "evidence") {
        var refs = self.config.references || {};
        body = el("div", null, [
          el("ol", { "class": "mmguide-evidence" }, (s.references || []).map(function (k) {
            return el("li", null, [refs[k] || ""]);
          })),
          self.config.bibliography ? el("p", null, [el("a", { href: self.config.bibliography }, [S["Bibliography"]])]) : null]);
      } else {
        body = self.itemList(s.items);
      }
      self.result.appendChild(el("details", { "class": "mmguide-section", "data-section": s.id }, [
        el("summary", null, [s.title]), body]));
    });
  };

  // the headline and its badge in one line (the phone's bar, the screen reader's announcement)
  Form.prototype.summary = function (a) {
    return [a.headline || "", a.label || ""].filter(Boolean).join(" · ");
  };

  // An answer that appeared or changed out of sight (below the fold on a phone): the bar shows its
  // headline and tone, and a tap scrolls to it. Hidden again once the answer is in view.
  Form.prototype.makePeek = function () {
    var self = this;
    // its name is its visible text (headline, badge) after a hidden "Show the answer:"
    var peek = el("button", { type: "button", "class": "mmguide-peek", hidden: "hidden", "data-tone": "neutral" }, [
      el("span", { "class": "mmguide-announce" }, [this.S["Show the answer"] + ": "]),
      el("span", { "class": "mmguide-peek-text" }), el("span", { "class": "mmguide-badge" }),
      el("span", { "class": "mmguide-peek-go", "aria-hidden": "true" }, ["↓"])]);
    peek.addEventListener("click", function () {
      var box = self.result.querySelector(".mmguide-answer") || self.result;
      peek.hidden = true;
      box.scrollIntoView({ block: "start", behavior: "smooth" });
      box.focus({ preventScroll: true });
    });
    this.section.appendChild(peek);
    if ("IntersectionObserver" in window) {
      this.seen = new IntersectionObserver(function (entries) {
        if (entries.some(function (e) { return e.isIntersecting; })) peek.hidden = true;
      });
    }
    return peek;
  };
  Form.prototype.reveal = function (was) {
    var box = this.result.querySelector(".mmguide-answer");
    if (!box) { this.peek.hidden = true; return; }
    var now = box.getAttribute("data-summary");
    var r = box.getBoundingClientRect();
    var visible = r.top < window.innerHeight - 48 && r.bottom > 0;
    if (visible || now === was) { if (visible) this.peek.hidden = true; }
    else {
      this.peek.setAttribute("data-tone", box.getAttribute("data-tone") || "neutral");
      this.peek.querySelector(".mmguide-peek-text").textContent = box.querySelector(".mmguide-value") ?
        box.querySelector(".mmguide-value").textContent : now;
      var badge = box.querySelector(".mmguide-headline .mmguide-badge");
      var pb = this.peek.querySelector(".mmguide-badge");
      pb.textContent = badge ? badge.textContent : "";
      pb.hidden = !badge;
      this.peek.hidden = false;
    }
    if (this.seen) { this.seen.disconnect(); this.seen.observe(box); }
  };
  // once per answer, when the reader pauses: the summary, in a polite live region
  Form.prototype.say = function () {
    var box = this.result.querySelector(".mmguide-answer");
    if (!box || !this.announce) return;
    var urgent = box.querySelector(".mmguide-urgent li");
    var text = (urgent ? urgent.firstChild.textContent + " " : "") + box.getAttribute("data-summary");
    if (text === this.said) return;
    this.said = text;
    this.announce.textContent = text;
  };

  Form.prototype.copyLink = function () {
    var self = this, text = window.location.href;
    var status = this.section.querySelector(".mmguide-copy-status");
    this.section.setAttribute("data-link-copied", "1");
    var done = function () { status.textContent = self.S["Link copied: it opens this calculation with these values."]; };
    var fallback = function () {
      var input = el("input", { type: "text", readonly: "readonly", "class": "mmguide-note-text" });
      input.value = text;
      clear(status);
      status.appendChild(document.createTextNode(self.S["Select the text and copy it:"]));
      status.appendChild(input);
      input.select();
    };
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).then(done, fallback);
    else fallback();
  };

  Form.prototype.copyNote = function () {
    var text = this.note || "", self = this;
    var status = this.section.querySelector(".mmguide-copy-status");
    this.section.setAttribute("data-note-copied", "1");
    var fallback = function () {
      var ta = el("textarea", { readonly: "readonly", rows: "8", "class": "mmguide-note-text" });
      ta.value = text;
      clear(status);
      status.appendChild(document.createTextNode(self.S["Select the text and copy it:"]));
      status.appendChild(ta);
      ta.select();
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () {
        status.textContent = self.S["Copied: paste it into the note."];
      }, fallback);
    } else {
      fallback();
    }
  };

  // Start the runtime as soon as it helps: a form on screen, or the page idle, whichever is first.
  function startEarly(forms) {
    var go = function () { forms.forEach(function (f) { f.warmUp().catch(function () {}); }); };
    var started = false;
    var once = function () { if (!started) { started = true; go(); } };
    // a form already on screen (the calculator pages put it first): start now
    if (forms.some(function (f) { return f.section.getBoundingClientRect().top < window.innerHeight; })) { once(); return; }
    if ("IntersectionObserver" in window) {
      var io = new IntersectionObserver(function (entries) {
        if (entries.some(function (e) { return e.isIntersecting; })) { io.disconnect(); once(); }
      });
      forms.forEach(function (f) { io.observe(f.section); });
    }
    if ("requestIdleCallback" in window) window.requestIdleCallback(once, { timeout: 2000 });
    else setTimeout(once, 200);
  }

  function init() {
    var forms = [];
    document.querySelectorAll("[data-mmguide-form]").forEach(function (s) {
      try { forms.push(new Form(s)); } catch (e) { console.error("mmguide form", e); }
    });
    if (forms.length) startEarly(forms);
    // for tests and benchmarks
    window.mmguideForms = { forms: forms, timing: timing, load: loadRuntime };
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
