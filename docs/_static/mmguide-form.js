/* mmguide in-page calculator forms: mmguide itself, run in the reader's browser by Pyodide.
 *
 * Added by sphinxext/mmguide_book/forms.py to calculator pages only. Nothing else is fetched
 * until the reader first focuses or uses a form; then Pyodide (vendored from npm into
 * _static/pyodide/) and the mmguide wheel (_static/wheels/) are loaded once per page.
 * Results are rendered from JSON with DOM calls and textContent only (no innerHTML).
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var PYODIDE_URL = new URL(script.getAttribute("data-pyodide"), script.src).href;
  var WHEEL_URL = script.getAttribute("data-wheel") ? new URL(script.getAttribute("data-wheel"), script.src).href : null;

  // Python side: one call in, one JSON string out; InputError keeps its .field.
  var PY = [
    "import json, mmguide",
    "def _mmguide_compute(calculator_id, payload):",
    "    try:",
    "        r = mmguide.compute(calculator_id, **json.loads(payload))",
    "    except mmguide.InputError as e:",
    "        return json.dumps({'ok': False, 'field': e.field, 'message': str(e)}, ensure_ascii=False)",
    "    except mmguide.MMGuideError as e:",
    "        return json.dumps({'ok': False, 'field': None, 'message': str(e)}, ensure_ascii=False)",
    "    return json.dumps({'ok': True, 'result': r.as_dict()}, ensure_ascii=False)",
  ].join("\n");

  var runtime = null;
  var timing = { interaction: null, ready: null, firstResult: null, calculations: [] };

  function loadRuntime() {
    if (runtime) return runtime;
    if (timing.interaction === null) timing.interaction = performance.now();
    runtime = (async function () {
      if (!WHEEL_URL) throw new Error("the mmguide wheel is missing from this build");
      var mod = await import(PYODIDE_URL);
      var pyodide = await mod.loadPyodide({
        indexURL: new URL(".", PYODIDE_URL).href,
        stdout: function () {},
        stderr: function (s) { console.warn(s); },
      });
      await pyodide.loadPackage(WHEEL_URL, { messageCallback: function () {}, errorCallback: console.warn });
      pyodide.runPython(PY);
      var fn = pyodide.globals.get("_mmguide_compute");
      timing.ready = performance.now();
      return function (id, inputs) { return JSON.parse(fn(id, JSON.stringify(inputs))); };
    })();
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
    var self = this;

    clear(this.result);
    this.result.appendChild(el("p", { "class": "mmguide-placeholder" }, [
      this.S["Enter the values and press Calculate. The calculation runs in your browser; nothing is sent anywhere."]]));
    this.submit.disabled = false;
    this.setState("idle");

    var warm = function () {
      self.form.removeEventListener("focusin", warm);
      self.form.removeEventListener("pointerdown", warm);
      self.form.removeEventListener("input", warm);
      self.warmUp();
    };
    this.form.addEventListener("focusin", warm);
    this.form.addEventListener("pointerdown", warm);
    this.form.addEventListener("input", warm);
    this.form.addEventListener("submit", function (ev) { ev.preventDefault(); self.calculate(); });
  }

  Form.prototype.setState = function (s) { this.section.setAttribute("data-state", s); };
  Form.prototype.text = function (t) { return (t && typeof t === "object") ? (t[this.lang] || t.en || "") : (t || ""); };

  Form.prototype.warmUp = function () {
    var self = this;
    var pending = runtime === null;
    var p = loadRuntime();
    if (pending) {
      this.setState("loading");
      this.status.textContent = this.S["Loading the calculator (once, about 14 MB)…"];
    }
    p.then(function () {
      if (self.section.getAttribute("data-state") === "loading") self.setState("ready");
      if (self.status.textContent === self.S["Loading the calculator (once, about 14 MB)…"]) self.status.textContent = "";
    }, function (err) {
      self.setState("failed");
      self.status.textContent = self.S["The calculator could not be loaded: "] + (err && err.message ? err.message : String(err));
    });
    return p;
  };

  Form.prototype.values = function () {
    var inputs = {};
    this.section.querySelectorAll(".mmguide-field").forEach(function (f) {
      var name = f.getAttribute("data-field"), kind = f.getAttribute("data-kind");
      var control = f.querySelector("input[name='" + name + "'], select[name='" + name + "']");
      if (kind === "boolean") {
        if (f.hasAttribute("data-tristate")) {
          if (control.value) inputs[name] = control.value === "yes";
        } else {
          inputs[name] = control.checked;
        }
        return;
      }
      var v = control.value.trim();
      if (!v) return;
      if (kind === "quantity") {
        var sel = f.querySelector("select.mmguide-unit");
        var unit = sel ? sel.value : (f.querySelector(".mmguide-unit").getAttribute("data-unit") || "");
        inputs[name] = unit ? v + " " + unit : v;
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
    if (target) {
      target.textContent = this.S["Check this value: "] + message;
      target.hidden = false;
      var control = this.section.querySelector("[name='" + CSS.escape(field) + "']");
      if (control) control.setAttribute("aria-invalid", "true");
    } else {
      this.formError.textContent = this.S["Check the inputs: "] + message;
      this.formError.hidden = false;
    }
  };

  Form.prototype.calculate = async function () {
    var self = this;
    var started = performance.now();
    var compute;
    try {
      compute = await this.warmUp();
    } catch (e) { return; }
    this.status.textContent = this.S["Calculating…"];
    var t0 = performance.now();
    var out;
    try {
      out = compute(this.config.calculator, this.values());
    } catch (e) {
      out = { ok: false, field: null, message: String(e && e.message ? e.message : e) };
    }
    var t1 = performance.now();
    this.clearErrors();
    this.status.textContent = "";
    if (out.ok) {
      this.render(out.result);
      this.setState("result");
    } else {
      this.showError(out.field, out.message);
      clear(this.result);
      this.setState("error");
    }
    var t2 = performance.now();
    if (timing.firstResult === null) timing.firstResult = t2;
    timing.calculations.push({ compute: t1 - t0, total: t2 - started });
    this.section.dispatchEvent(new CustomEvent("mmguide:result", { bubbles: true, detail: out }));
  };

  Form.prototype.render = function (r) {
    var S = this.S, self = this, C = this.config;
    clear(this.result);
    this.result.appendChild(el("h3", null, [S["Result"]]));
    if (r.value !== null && r.value !== undefined) {
      var shown;
      if (Array.isArray(r.value)) shown = r.value.length ? r.value.join(", ") : S["(none)"];
      else shown = fmtNumber(r.value) + (r.unit ? " " + r.unit : "");
      this.result.appendChild(el("p", { "class": "mmguide-value", "data-value": Array.isArray(r.value) ? r.value.join(",") : String(r.value) }, [
        (C.output && C.output.label ? C.output.label + ": " : ""), el("strong", null, [shown])]));
    }
    if (r.category) {
      this.result.appendChild(el("p", { "class": "mmguide-category", "data-category": r.category }, [
        S["Category"] + ": ", el("strong", null, [C.categories[r.category] || r.category])]));
    }
    this.result.appendChild(el("p", { "class": "mmguide-explanation" }, [this.text(r.explanation)]));

    if (r.start && r.start.when) {
      var first = (r.start.first_dose_after || []);
      this.result.appendChild(el("p", { "class": "mmguide-start" }, [
        el("strong", null, [S["When to start"] + ": "]), this.text(r.start.when),
        first.length ? " (" + S["First dose after"] + ": " + first.join(", ") + ")" : null]));
    }
    if (Array.isArray(r.agents) && r.agents.length) {
      var agents = el("ul", { "class": "mmguide-agents" });
      r.agents.forEach(function (a) {
        var flags = a.favoured ? " (" + S["favoured"] + ")" : (a.suitable === false ? " (" + S["not suitable"] + ")" : "");
        var reasons = el("ul", null, (a.reasons || []).map(function (x) { return el("li", null, [self.text(x)]); }));
        agents.appendChild(el("li", { "data-agent": a.agent }, [
          el("strong", null, [self.text(a.name) || a.agent]), flags,
          a.dose ? el("span", { "class": "mmguide-dose" }, [" — " + S["Dose"] + ": " + self.text(a.dose)]) : null,
          a.recommendation ? " " : null, a.recommendation ? self.recLink(a.recommendation) : null,
          reasons]));
      });
      this.result.appendChild(el("h4", null, [S["Agents"]]));
      this.result.appendChild(agents);
    }
    if (Array.isArray(r.actions) && r.actions.length) {
      var actions = el("ol", { "class": "mmguide-actions-list" });
      r.actions.forEach(function (a) {
        actions.appendChild(el("li", { "data-action": a.id || null }, [
          a.recommendation ? self.recLink(a.recommendation) : null, a.recommendation ? " " : null,
          self.text(a.text),
          (a.references && a.references.length) ? el("span", { "class": "mmguide-refs" }, [" [" + a.references.join(", ") + "]"]) : null]));
      });
      this.result.appendChild(el("h4", null, [S["Actions"]]));
      this.result.appendChild(actions);
    }
    if (r.recommendations && r.recommendations.length) {
      var recs = el("p", { "class": "mmguide-recs" }, [S["Recommendations"] + ": "]);
      r.recommendations.forEach(function (id, i) {
        if (i) recs.appendChild(document.createTextNode(", "));
        recs.appendChild(self.recLink(id));
      });
      this.result.appendChild(recs);
    }
    if (r.references && r.references.length) {
      this.result.appendChild(el("p", { "class": "mmguide-references" }, [S["References"] + ": " + r.references.join(", ")]));
    }
    var details = r.details || {};
    var keys = Object.keys(details);
    if (keys.length) {
      var dl = el("dl");
      keys.forEach(function (k) {
        var v = details[k];
        var t = (v !== null && typeof v === "object") ? JSON.stringify(v) : (typeof v === "number" ? fmtNumber(v) : String(v));
        dl.appendChild(el("dt", null, [k]));
        dl.appendChild(el("dd", null, [t]));
      });
      this.result.appendChild(el("details", { "class": "mmguide-details" }, [el("summary", null, [S["Details"]]), dl]));
    }
  };

  Form.prototype.recLink = function (id) {
    var href = (this.config.recommendations || {})[id];
    return href ? el("a", { href: href, "class": "mmguide-rec" }, [id]) : el("span", { "class": "mmguide-rec" }, [id]);
  };

  function init() {
    var forms = [];
    document.querySelectorAll("[data-mmguide-form]").forEach(function (s) {
      try { forms.push(new Form(s)); } catch (e) { console.error("mmguide form", e); }
    });
    // for tests and benchmarks
    window.mmguideForms = { forms: forms, timing: timing, load: loadRuntime };
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
