"""In-page calculator forms that run ``mmguide`` itself in the reader's browser (MicroPython).

``form_node(env, calc)`` builds the form from the calculator's record (called by the
``{calculator-page}`` directive): a labelled field per input, a unit menu for quantities with
several units, the plausible range as a hint, a result panel and, for readers without
JavaScript, a note that the tables below are the full reference.

``setup(app)``:
- adds ``mmguide-form.js`` and ``mmguide-form.css`` to the pages that have a form only;
- at ``build-finished`` copies MicroPython's WebAssembly build from ``node_modules`` (the npm
  package pinned in package-lock.json) into ``<outdir>/_static/micropython/`` and writes the
  bundle of ``src/mmguide`` and the compatibility layer (``runtime.bundle_bytes``) into
  ``<outdir>/_static/py/<digest>/`` (the digest of its bytes names the folder, so a browser never
  reuses a stale build). ``mmguide-worker.mjs`` (in ``docs/_static``) runs them.

The runtime starts when a form is on screen or the page is idle; pages without a form load none
of it (see ``docs/_static/mmguide-form.js``).
"""

from __future__ import annotations

import gzip
import html
import json
import pathlib
import re
import shutil

from docutils import nodes
from sphinx.util import logging

import mmguide

from . import runtime
from .i18n import lang, pick
from .strings import translate

logger = logging.getLogger(__name__)

PACKAGE_DIR = pathlib.Path(mmguide.__file__).resolve().parent
# folders of _static that earlier builds wrote for the Pyodide runtime: removed from an output
# directory that still has them
STALE = ("pyodide", "wheels")
MARKER = "data-mmguide-form"
RECS_PLACEHOLDER = "__MMGUIDE_RECOMMENDATION_LINKS__"
BIB_PLACEHOLDER = "__MMGUIDE_BIBLIOGRAPHY_LINK__"


# The plan's inputs in groups a clinician recognises (names not listed go to "Other").
GROUPS = (
    ("The disease", ("active_mm",)),
    ("Kidneys", ("crcl", "age", "weight", "creatinine", "sex", "dialysis")),
    ("Calcium and vitamin D", ("corrected_calcium", "calcium_lln", "vitamin_d_known")),
    ("Teeth", ("dental_exam_done",)),
    ("Risk and preferences", ("high_sre_risk", "prefers_subcutaneous")),
)
# A calculator declares on its record the inputs that may be given or computed from others
# (records.Composes: a clearance, or age, weight, creatinine and sex); its form offers the choice.


def _t(env, s: str) -> str:
    return translate(env, s, "form", general=False)


def _e(s) -> str:
    return html.escape(str(s), quote=True)


def preferred_units(config) -> tuple[str, ...]:
    """The edition's own units (``mmguide_units`` in conf.py, by language): a field offering one
    of them has it chosen in its unit menu; the menu stays visible so another can be chosen."""
    table = getattr(config, "mmguide_units", None) or {}
    return tuple(table.get(config.language or "en", ()))


def _unit_word(env, symbol: str) -> str:
    """A unit as the edition writes it ("years" is 岁 in Chinese)."""
    from mmguide.presentation import unit_text

    return unit_text(symbol, lang(env))


def _range_hint(env, d: dict) -> str:
    r = d["plausible_range"]
    if d["kind"] == "quantity":
        for u in d.get("units") or []:
            if u["symbol"]:
                r = r.replace(" " + u["symbol"], " " + _unit_word(env, u["symbol"]))
    return r


def _radios(env, fid, name, label, options, describedby, extra="", checked=None) -> str:
    """A labelled group of radio buttons (labels beside their buttons)."""
    items = "".join(
        f'<label class="mmguide-radio"><input type="radio" name="{_e(name)}" value="{_e(v)}" id="{fid}-{_e(v or "none")}"'
        f'{" checked" if v == checked else ""}> {_e(t)}</label>'
        for v, t in options)
    return (f'<fieldset class="mmguide-radios" id="{fid}" {describedby}{extra}><legend>{label}</legend>'
            f'<span class="mmguide-control mmguide-radio-row">{items}</span>')


def _field_html(env, calc_id: str, d: dict) -> str:
    T = lambda s: _t(env, s)  # noqa: E731
    name, kind = d["name"], d["kind"]
    fid = f"mmguide-{calc_id}-{name}"
    hint_id, err_id = f"{fid}-hint", f"{fid}-error"
    label = pick(env, d["label"])
    optional = "" if d["required"] else f' <span class="mmguide-optional">({_e(T("optional"))})</span>'
    describedby = f'aria-describedby="{hint_id} {err_id}"'
    attrs = f'data-field="{_e(name)}" data-kind="{_e(kind)}" data-label="{_e(label)}"'
    default = d.get("default")
    hint = f'<span class="mmguide-hint" id="{hint_id}">{_e(T("Plausible range"))}: {_e(_range_hint(env, d))}</span>'
    error = f'<span class="mmguide-error" id="{err_id}" data-mmguide-error="{_e(name)}" hidden></span>'
    req = " required" if d["required"] else ""
    if kind == "quantity":
        units = d.get("units") or []
        value = "" if default is None else _e(str(default).split()[0])
        control = (f'<input type="text" inputmode="decimal" autocomplete="off" id="{fid}" name="{_e(name)}" '
                   f'{describedby}{req} value="{value}">')
        if len(units) > 1 or d.get("unit_required"):  # a menu: its unit is sent with the number
            symbols = [u["symbol"] for u in units]
            chosen = next((s for s in preferred_units(env.config) if s in symbols), symbols[0])
            opts = "".join(f'<option value="{_e(u["symbol"])}"{" selected" if u["symbol"] == chosen else ""}>'
                           f'{_e(_unit_word(env, u["symbol"]))}</option>' for u in units)
            unit = (f'<select class="mmguide-unit" id="{fid}-unit" name="{_e(name)}-unit" '
                    f'aria-label="{_e(T("Unit of"))} {_e(label)}">{opts}</select>')
        else:
            sym = units[0]["symbol"] if units else ""
            unit = f'<span class="mmguide-unit" data-unit="{_e(sym)}">{_e(_unit_word(env, sym))}</span>' if sym else \
                '<span class="mmguide-unit" data-unit=""></span>'
        body = f'<span class="mmguide-control">{control}{unit}</span>'
        return (f'<div class="mmguide-field" {attrs}><label for="{fid}">{_e(label)}{optional}</label>'
                f"{body}{hint}{error}</div>")
    if kind == "boolean":
        if d.get("unknown") or d["required"] or default is None:
            # an explicit answer: yes / no (/ unknown where the calculator accepts it)
            opts = [("yes", T("yes")), ("no", T("no"))]
            if d.get("unknown"):
                opts.append(("unknown", T("unknown")))
            elif not d["required"]:
                opts.append(("", T("not assessed")))
            return (f'<div class="mmguide-field" {attrs} data-radios="1">'
                    + _radios(env, fid, name, f"{_e(label)}{optional}", opts, f'aria-describedby="{err_id}"')
                    + f"{error}</fieldset></div>")
        checked = " checked" if default is True else ""
        return (f'<div class="mmguide-field mmguide-check" {attrs}>'
                f'<input type="checkbox" id="{fid}" name="{_e(name)}" value="yes" aria-describedby="{err_id}"{checked}>'
                f'<label for="{fid}">{_e(label)}</label>{error}</div>')
    if kind in ("sex", "choice"):
        choices = ["female", "male"] if kind == "sex" else list(d.get("choices") or [])
        first = f'<option value="">{_e(T("choose…") if d["required"] else T("not assessed"))}</option>'
        opts = "".join(
            f'<option value="{_e(c)}"{" selected" if c == default else ""}>{_e(T(c) if kind == "sex" else c)}</option>'
            for c in choices)
        return (f'<div class="mmguide-field" {attrs}><label for="{fid}">{_e(label)}{optional}</label>'
                f'<span class="mmguide-control"><select id="{fid}" name="{_e(name)}" {describedby}{req}>{first}{opts}</select></span>'
                f"{error}</div>")
    if kind == "integer":
        value = "" if default is None else _e(default)
        control = (f'<input type="text" inputmode="numeric" autocomplete="off" id="{fid}" name="{_e(name)}" '
                   f'{describedby}{req} value="{value}">')
        return (f'<div class="mmguide-field" {attrs}><label for="{fid}">{_e(label)}{optional}</label>'
                f'<span class="mmguide-control">{control}</span>{hint}{error}</div>')
    raise ValueError(f"unknown input kind {kind!r} in calculator {calc_id}")  # pragma: no cover


def _strings(env) -> dict:
    keys = ["Computation needs JavaScript; the tables below are the full reference.",
            "Enter the values: the answer appears as you type. The calculation runs in your browser; nothing is sent anywhere.",
            "Loading the calculator…", "Calculating…", "The calculator could not be loaded: ",
            "Check this value: ", "Check the inputs: ", "Result", "Recommendations", "Recommendation",
            "Copy to note", "Copied: paste it into the note.", "Select the text and copy it:", "Still needed: ",
            "Next", "more", "References (numbered as in the bibliography):", "Bibliography", "(none)", "yes", "no",
            "Reset", "Copy link", "Link copied: it opens this calculation with these values.", "Show the answer",
            ", "]
    return {k: _t(env, k) for k in keys}


def _composes(calc) -> dict | None:
    """The record's declaration of an input given or computed from others (records.Composes), as the form's
    script reads it: {"input", "calculator", "inputs", "also_alone"}; None when it declares none."""
    for c in getattr(calc, "composes", ()):
        return {"input": c.input, "calculator": c.calculator, "inputs": list(c.inputs),
                "also_alone": list(c.also_alone)}
    return None


def _fields_html(env, cid: str, d: dict, composes: dict | None = None) -> str:
    T = lambda s: _t(env, s)  # noqa: E731
    by_name = {i["name"]: i for i in d["inputs"]}

    def block(names):
        out = []
        names = [n for n in names if n in by_name]
        if composes and composes["input"] in names:
            into, parts, alone = composes["input"], tuple(composes["inputs"]), tuple(composes["also_alone"])
            # "I have a creatinine" (default) / "I have a clearance": one set is sent, never both; an input the
            # calculator also uses on its own (the plan's creatinine) is shown and sent with either
            choice = _radios(env, f"mmguide-{cid}-kidney-source", f"{cid}-kidney-source", _e(T("Kidney function from")),
                             [("creatinine", T("I have a creatinine")), (into, T("I have a clearance"))], "",
                             checked="creatinine") + "</fieldset>"
            shared = "".join(_field_html(env, cid, by_name[n]) for n in parts if n in alone)
            # within the chosen set every input is needed: none is marked optional
            cg = "".join(_field_html(env, cid, dict(by_name[n], required=True)) for n in parts if n not in alone)
            out.append(f'<div class="mmguide-field mmguide-source-choice" data-source-choice="1">{choice}</div>'
                       f'{shared}'
                       f'<div class="mmguide-source" data-source="creatinine">{cg}</div>'
                       f'<div class="mmguide-source" data-source="{_e(into)}" hidden>'
                       f'{_field_html(env, cid, dict(by_name[into], required=True))}</div>')
            names = [n for n in names if n not in parts + (into,)]
        out += [_field_html(env, cid, by_name[n]) for n in names]
        return "".join(out)

    grouped = [(title, [n for n in names if n in by_name]) for title, names in GROUPS]
    grouped = [(t, ns) for t, ns in grouped if ns]
    placed = {n for _, ns in grouped for n in ns}
    if len(grouped) >= 3:  # the plan: inputs in groups
        rest = [i["name"] for i in d["inputs"] if i["name"] not in placed]
        if rest:
            grouped.append(("Other", rest))
        return "".join(f'<fieldset class="mmguide-group"><legend>{_e(T(t))}</legend>'
                       f'<div class="mmguide-fields">{block(ns)}</div></fieldset>' for t, ns in grouped)
    return f'<div class="mmguide-fields">{block([i["name"] for i in d["inputs"]])}</div>'


def _bibliography(env) -> dict:
    """Every reference as the bibliography page renders it (pybtex, the book's style), by key."""
    cache = getattr(env, "_mmguide_formatted_refs", None)
    if cache is not None:
        return cache
    try:
        from pybtex.database import parse_file
        from pybtex.plugin import find_plugin

        files = [pathlib.Path(env.srcdir) / f for f in env.config.bibtex_bibfiles]
        style = find_plugin("pybtex.style.formatting", env.config.bibtex_default_style)()
        text = find_plugin("pybtex.backends", "plaintext")()  # render_as("text"), found once, not per entry
        out = {}
        for f in files:
            bib = parse_file(str(f))
            for e in style.format_entries(bib.entries.values()):
                out[e.key] = e.text.render(text)
    except Exception as exc:  # pragma: no cover - reported, and the keys are then not shown at all
        logger.warning("could not format the references for the forms: %s", exc, type="mmguide", subtype="forms")
        out = {}
    env._mmguide_formatted_refs = out
    return out


def form_html(env, calc) -> str:
    """The form's HTML (a string: the directive wraps it in a raw node)."""
    import datetime

    T = lambda s: _t(env, s)  # noqa: E731
    d = calc.as_dict()
    cid = calc.id
    config = {
        "calculator": cid,
        "lang": lang(env),
        "strings": _strings(env),
        "labels": {i["name"]: pick(env, i["label"]) for i in d["inputs"]},
        "recommendations": RECS_PLACEHOLDER,
        "references": _bibliography(env),
        "bibliography": BIB_PLACEHOLDER,
        "date": datetime.date.today().isoformat(),
        "composes": _composes(calc),
    }
    # JSON inside <script>: "</" must not end the element
    data = json.dumps(config, ensure_ascii=False).replace("</", "<\\/")
    fields = _fields_html(env, cid, d, _composes(calc))
    nojs = _e(T("Computation needs JavaScript; the tables below are the full reference."))
    heading_id = f"mmguide-{cid}-form-title"
    return (
        f'<section class="mmguide-form" {MARKER}="{_e(cid)}" data-state="static" aria-labelledby="{heading_id}">'
        f'<h2 id="{heading_id}">{_e(T("Calculator"))}</h2>'
        f'<noscript><p class="mmguide-nojs">{nojs}</p></noscript>'
        f'<script type="application/json" class="mmguide-form-config">{data}</script>'
        f'<form class="mmguide-inputs-form" novalidate autocomplete="off">'
        f'{fields}'
        f'<p class="mmguide-form-error" data-mmguide-error="" role="alert" hidden></p>'
        f'<div class="mmguide-actions"><button type="submit" class="mmguide-submit" disabled>{_e(T("Calculate"))}</button>'
        f'<span class="mmguide-status" data-mmguide-status role="status"></span></div>'
        f"</form>"
        # the answer is redrawn as the reader types; screen readers hear its summary once, from
        # this region, when the reader pauses (mmguide-form.js), not the whole box at every key
        f'<div class="mmguide-result" data-mmguide-result>'
        f'<p class="mmguide-placeholder">{nojs}</p></div>'
        f'<p class="mmguide-announce" data-mmguide-announce role="status" aria-live="polite" aria-atomic="true"></p>'
        f"</section>"
    )


def form_node(env, calc) -> nodes.raw:
    env.note_dependency(__file__)
    raw = form_html(env, calc)
    return nodes.raw("", raw, format="html", classes=["mmguide-form-raw"])


# --- build hooks -------------------------------------------------------------------------------

def _has_form(doctree) -> bool:
    if doctree is None:
        return False
    return any(MARKER in n.astext() for n in doctree.findall(nodes.raw))


def _doctree_resolved(app, doctree, docname) -> None:
    """Give each form the links to the recommendations (known only once every page is read)."""
    raws = [n for n in doctree.findall(nodes.raw) if RECS_PLACEHOLDER in n.astext()]
    if not raws:
        return
    store = getattr(app.env, "mmguide_recs", {}) or {}
    links = {}
    bib = ""
    if app.builder.format == "html":
        for rec_id, rec in store.items():
            try:
                links[rec_id] = app.builder.get_relative_uri(docname, rec["docname"]) + "#" + rec["label"]
            except Exception:  # pragma: no cover - a builder without relative URIs
                continue
        try:
            bib = app.builder.get_relative_uri(docname, "docs/bibliography")
        except Exception:  # pragma: no cover
            bib = ""
    encoded = json.dumps(links, ensure_ascii=False).replace("</", "<\\/")
    for n in raws:
        text = n.astext().replace(f'"{RECS_PLACEHOLDER}"', encoded).replace(BIB_PLACEHOLDER, bib)
        n.replace_self(nodes.raw("", text, format="html", classes=n.get("classes", [])))


_FORM_ID = re.compile(MARKER + r'="([a-z0-9-]+)"')

# Started from the page's head, before the rest of the page is read: the worker fetches and starts
# the runtime while the page loads. Its first messages wait in `early` for mmguide-form.js.
_EARLY_START = (
    "(function(){if(!window.Worker)return;try{"
    "var w=new Worker(new URL(%(worker)s,document.baseURI),{type:'module'});w.early=[];w.started=performance.now();"
    "w.onmessage=function(e){w.early.push(e.data);};"
    "w.postMessage({start:new URL(%(bundle)s,document.baseURI).href,calculators:%(ids)s});"
    "window.mmguideWorker=w;}catch(e){}})();"
)


def _page_context(app, pagename, templatename, context, doctree) -> None:
    if not _has_form(doctree):
        return
    bundle = getattr(app.builder, "mmguide_bundle", None)
    app.add_css_file("mmguide-form.css")
    ids = sorted({m for n in doctree.findall(nodes.raw) for m in _FORM_ID.findall(n.astext())})
    if bundle:
        pathto = context["pathto"]
        app.add_js_file(None, body=_EARLY_START % {
            "worker": json.dumps(pathto("_static/mmguide-worker.mjs", 1)),
            "bundle": json.dumps(pathto(f"_static/py/{bundle}", 1)),
            "ids": json.dumps(ids)}, priority=200)
    app.add_js_file("mmguide-form.js", loading_method="defer", **{
        "data-worker": "mmguide-worker.mjs",
        "data-bundle": f"py/{bundle}" if bundle else "",
    })


def _builder_inited(app) -> None:
    if app.builder.format != "html":
        return
    data = runtime.bundle_bytes(PACKAGE_DIR, pathlib.Path(app.confdir, app.config.mmguide_runtime_layer))
    app.builder.mmguide_bundle = f"{runtime.bundle_digest(data)}/{runtime.BUNDLE_NAME}"
    app.builder.mmguide_bundle_bytes = data


def _copy_if_changed(src: pathlib.Path, dst: pathlib.Path) -> None:
    if dst.exists() and dst.stat().st_size == src.stat().st_size and dst.stat().st_mtime >= src.stat().st_mtime:
        return
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(src, dst)


def _build_finished(app, exception) -> None:
    if exception is not None or app.builder.format != "html" or not hasattr(app.builder, "mmguide_bundle"):
        return
    static = pathlib.Path(app.outdir) / "_static"
    for stale in STALE:
        if (static / stale).is_dir():
            shutil.rmtree(static / stale)
    folder = static / "py"
    target = folder / app.builder.mmguide_bundle
    if folder.is_dir():  # keep only the current bundle
        for old in folder.iterdir():
            if old.is_dir() and old.name != target.parent.name:
                shutil.rmtree(old)
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists() or target.read_bytes() != app.builder.mmguide_bundle_bytes:
        target.write_bytes(app.builder.mmguide_bundle_bytes)
        # for browsers without DecompressionStream (mmguide-worker.mjs): the same bytes, uncompressed
        target.with_suffix("").write_bytes(gzip.decompress(app.builder.mmguide_bundle_bytes))
    mp_dir = pathlib.Path(app.confdir, app.config.mmguide_micropython_dir)
    missing = [f for f in runtime.MP_FILES if not (mp_dir / f).is_file()]
    if missing:
        logger.warning("MicroPython is not installed (%s missing in %s): the calculator forms cannot compute. "
                       "Run `npm ci` (tools/setup-node.sh) and build again.", ", ".join(missing), mp_dir,
                       type="mmguide", subtype="runtime")
        return
    for f in runtime.MP_FILES:
        _copy_if_changed(mp_dir / f, static / "micropython" / f)


def setup(app) -> dict:
    # where the runtime's files come from, relative to conf.py: the compatibility layer bundled
    # with the package's sources, and MicroPython's WebAssembly build (npm, package-lock.json)
    app.add_config_value("mmguide_runtime_layer", "runtime/micropython", "env", types=(str,))
    app.add_config_value("mmguide_micropython_dir", "node_modules/@micropython/micropython-webassembly-pyscript",
                         "html", types=(str,))
    # {language: [unit symbols]}: the units each edition's readers' laboratories report (conf.py)
    app.add_config_value("mmguide_units", {}, "env", types=[dict])
    app.connect("builder-inited", _builder_inited)
    app.connect("doctree-resolved", _doctree_resolved)
    app.connect("html-page-context", _page_context)
    app.connect("build-finished", _build_finished)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
