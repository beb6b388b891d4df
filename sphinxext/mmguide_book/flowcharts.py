"""Decision flowcharts: the language-neutral graphs of ``mmguide.flowcharts`` (the calculators'
own decision trees) drawn as Graphviz DOT here and rendered to static SVG at build time (no
JavaScript).

``{flowchart} ID`` places one chart, with alt text and a text version of every path for
readers who cannot see the picture.
"""

from __future__ import annotations

import hashlib
import html
import os
import posixpath
import re
import shutil
import subprocess
import textwrap
import unicodedata

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.errors import SphinxError
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from .i18n import _t, lang, pick
from .strings import translate

logger = logging.getLogger(__name__)
DOCNAME = "docs/flowcharts"
IMAGE_DIR = "_images"


def _module():
    try:
        from mmguide import flowcharts
    except ImportError:  # pragma: no cover - the package always ships it
        return None
    return flowcharts


def ids() -> list[str]:
    m = _module()
    return list(m.FLOWCHARTS) if m else []


def paths(fid: str) -> tuple:
    """Every path of a flowchart: ``mmguide.flowcharts.paths``, which computes them once per
    process (finding example patients for each path takes seconds); both editions, built in one
    process by tools/build.py, list the same paths, each in its own language."""
    return _module().paths(fid)


def flowcharts_for(rec_id: str):
    m = _module()
    if not m:
        return []
    out = []
    for fid in m.FLOWCHARTS:
        g = m.flowchart(fid)
        if rec_id in getattr(g, "recommendations", ()):
            out.append((fid, g))
    return out


def flowcharts_for_calculator(calc_id: str) -> list[str]:
    m = _module()
    if not m:
        return []
    return [fid for fid in m.FLOWCHARTS if getattr(m.flowchart(fid), "calculator", None) == calc_id]


def title(env_or_app, fid: str) -> str:
    env = getattr(env_or_app, "env", env_or_app)
    g = _module().flowchart(fid)
    t = getattr(g, "title", None)
    if t:
        return pick(env, t)
    import mmguide

    return pick(env, mmguide.calculator(g.calculator).title)


def describe(env, g) -> str:
    """Alt text: what the chart decides and the outcomes it can reach."""
    decisions = [pick(env, n.label).replace("\n", " ") for n in g.nodes if n.kind == "decision"]
    outcomes = [pick(env, n.label).replace("\n", " ") for n in g.nodes if n.kind == "outcome"]
    sep = ";" if lang(env) == "zh" else "; "
    return translate(env, "Flowchart. Decisions, in order: {decisions}. Possible outcomes: {outcomes}.", "flowchart",
                     general=False).format(decisions=sep.join(decisions), outcomes=sep.join(outcomes))


# --------------------------------------------------------------------------------------
# DOT
# --------------------------------------------------------------------------------------

FONT = "Noto Sans CJK SC"
# Okabe–Ito colours (colour-blind safe), as light tints for fills and full strength for
# borders; every kind also differs in shape and border, so nothing is told by colour alone:
# start = oval; decision = rounded box with a thick border and a question; action = plain
# box; outcome = box with a double border and bold text.
STYLE = {
    "start": 'shape=oval, style="filled,bold", fillcolor="#E8E8E8", color="#000000"',
    "decision": 'shape=box, style="rounded,filled", fillcolor="#FCEBC2", color="#E69F00", penwidth=2.5',
    "action": 'shape=box, style="filled", fillcolor="#D5ECF7", color="#0072B2"',
    "outcome": ('shape=box, style="filled,bold", peripheries=2, fillcolor="#CDEBE0", '
                'color="#009E73", penwidth=2'),
}
WRAP_EN = 22  # characters per line: a phone-width SVG stays legible
WRAP_ZH = 11  # full-width characters per line


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


_TOKEN = re.compile(r"[A-Za-z0-9.,+\\-–<>=≥≤/%·µ()]+|\\s+|.")
_NO_LINE_START = set(",。;:、)!?》") | set(",.;:)!?")


def _wrap(label: str, lang: str) -> list[str]:
    """Short lines for a phone-width diagram: English by words; Chinese by width, keeping
    Latin words and numbers whole and never starting a line with closing punctuation."""
    lines = []
    for para in label.split("\n"):
        if not any(_width(c) == 2 for c in para):
            lines += textwrap.wrap(para, WRAP_EN, break_on_hyphens=False) or [""]
            continue
        line = ""
        for tok in _TOKEN.findall(para):
            if line and _width(line + tok) > 2 * WRAP_ZH and tok not in _NO_LINE_START and not tok.isspace():
                lines.append(line.rstrip())
                line = ""
            if not line and tok.isspace():
                continue
            line += tok
        lines.append(line.rstrip())
    return lines


def _q(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _label(label: Text, lang: str, wrap: bool = True) -> str:
    s = label.get(lang) or label["en"]
    lines = _wrap(s, lang) if wrap else s.split("\n")
    return '"' + "\\n".join(x.replace("\\", "\\\\").replace('"', '\\"') for x in lines) + '"'


def to_dot(g, lang: str = "en") -> str:
    """Graphviz DOT for one flowchart graph (``mmguide.flowcharts.flowchart(id)``) in English
    ("en") or Chinese ("zh"); top to bottom."""
    lang = lang.split("_")[0].split("-")[0]  # "zh_CN" → "zh"
    if lang not in ("en", "zh"):
        raise ValueError(f"lang must be 'en' or 'zh', got {lang!r}")
    out = [
        f"digraph {_q(g.id)} {{",
        f'  graph [rankdir=TB, fontname={_q(FONT)}, nodesep=0.25, ranksep=0.35, '
        f'bgcolor="white", label={_label(g.title, lang)}, labelloc=t, fontsize=14];',
        f'  node [fontname={_q(FONT)}, fontsize=12, margin="0.12,0.06"];',
        f'  edge [fontname={_q(FONT)}, fontsize=11, color="#333333", arrowsize=0.7];',
    ]
    for n in g.nodes:
        lab = n.label
        if n.recommendations:
            rec = " · ".join(n.recommendations)
            lab = {k: f"{v}\n[{rec}]" for k, v in lab.items()}
        out.append(f"  {_q(n.id)} [label={_label(lab, lang)}, {STYLE[n.kind]}];")
    for e in g.edges:
        attrs = f" [label={_label(e.label, lang)}]" if (e.label.get(lang) or e.label["en"]) else ""
        out.append(f"  {_q(e.source)} -> {_q(e.target)}{attrs};")
    out.append("}")
    return "\n".join(out) + "\n"


def render_svg(dot_source: str) -> str:
    dot = shutil.which("dot")
    if not dot:
        raise SphinxError("Graphviz 'dot' is not installed: run 'make setup' (tools/setup-system.sh).")
    proc = subprocess.run([dot, "-Tsvg"], input=dot_source.encode(), capture_output=True, timeout=60)
    if proc.returncode != 0:
        raise SphinxError(f"Graphviz failed: {proc.stderr.decode(errors='replace')}")
    return proc.stdout.decode()


# --- Presentation: the chart at a legible size, a full-screen view, a step-by-step version ---

VIEW_WORDS = {"full": "Full screen", "exit": "Exit full screen", "open": "Open the chart on its own",
              "steps": "Step by step: answer one question at a time", "then": "then", "view": "Flowchart"}


def view_text(lg: str) -> dict[str, str]:
    """The controls' words in language *lg* ("en" or "zh"; Chinese from strings.py)."""
    return {k: translate(lg, v, "flowchart", general=False) for k, v in VIEW_WORDS.items()}
_PT = re.compile(r'<svg\b[^>]*\bwidth="([\d.]+)pt"')
_PT_HEIGHT = re.compile(r'<svg\b[^>]*\bheight="([\d.]+)pt"')

# one small script per page (a guard keeps it from running twice): the full-screen button
# and, on phones, the step-by-step version opened in place of the picture
_SCRIPT = """<script>(function () {
  if (window.mmguideFlowcharts) return; window.mmguideFlowcharts = true;
  document.addEventListener("click", function (e) {
    var b = e.target.closest && e.target.closest(".mmguide-fc-full"); if (!b) return;
    var f = b.closest("figure");
    if (document.fullscreenElement) document.exitFullscreen(); else if (f.requestFullscreen) f.requestFullscreen();
  });
  document.addEventListener("fullscreenchange", function () {
    document.querySelectorAll(".mmguide-fc-full").forEach(function (b) {
      b.textContent = document.fullscreenElement === b.closest("figure") ? b.dataset.exit : b.dataset.full; });
  });
  function phone() { if (window.matchMedia("(max-width: 599.98px)").matches)
    document.querySelectorAll("details.mmguide-flowchart-steps").forEach(function (d) { d.open = true; }); }
  // first view: a chart wider than its box opens scrolled to its start (data-start-x: the start
  // node's centre as a fraction of the chart's width), not at its left edge
  function start() {
    document.querySelectorAll(".mmguide-flowchart-view[data-start-x]").forEach(function (v) {
      var img = v.querySelector("img"); if (!img) return;
      var go = function () {
        if (v.dataset.started || img.offsetWidth <= v.clientWidth) return;
        v.scrollLeft = Math.max(0, parseFloat(v.dataset.startX) * img.offsetWidth - v.clientWidth / 2);
        v.dataset.started = "1";
      };
      go(); img.addEventListener("load", go); // a lazy image has no height, so no scroll, until it loads
    });
  }
  function ready() { phone(); start(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready); else ready();
})();</script>"""


_TRANSLATE = re.compile(r'<g id="graph0"[^>]*translate\(([-\d.]+) ')
_VIEWBOX = re.compile(r'viewBox="[-\d.]+ [-\d.]+ ([\d.]+) ')


def start_x(svg: str, node_id: str) -> float | None:
    """Where the start node's centre sits across the chart, as a fraction of its width."""
    m = re.search(r"<title>" + re.escape(html.escape(node_id, quote=False)) + r'</title>\s*<(?:ellipse|polygon|path)[^>]*?'
                  r'(?:cx="([-\d.]+)"|points="([-\d.]+),|d="M([-\d.]+),)', svg)
    t, vb = _TRANSLATE.search(svg), _VIEWBOX.search(svg)
    if not (m and t and vb):
        return None
    x = float(next(g for g in m.groups() if g is not None)) + float(t.group(1))
    return round(min(max(x / float(vb.group(1)), 0.0), 1.0), 4)


def figure_html(lg: str, rel: str, svg: str, alt: str, caption: str, fig_id: str, start: str | None = None) -> str:
    """The chart in a box that scrolls, at three quarters of Graphviz's natural size (labels
    about 14 px: legible at 1280 px without zooming), with a full-screen button and a link
    to the SVG alone (the browser zooms it). Below 600 px the picture gives way to the
    step-by-step version (lean.css)."""
    t = view_text(lg)
    m = _PT.search(svg)
    width = f' width="{round(float(m.group(1)))}"' if m else ""
    h = _PT_HEIGHT.search(svg)
    if m and h:  # its box is laid out (and scrollable) before the lazy image arrives
        width += f' height="{round(float(h.group(1)))}"'
    sx = start_x(svg, start) if start else None
    focus = f' data-start-x="{sx}"' if sx is not None else ""
    return (
        f'<figure class="mmguide-flowchart"{fig_id}>'
        f'<div class="mmguide-flowchart-tools">'
        f'<button type="button" class="btn btn-sm mmguide-fc-full pst-js-only" data-full="{t["full"]}" '
        f'data-exit="{t["exit"]}">{t["full"]}</button>'
        f'<a class="btn btn-sm mmguide-fc-open" href="{rel}">{t["open"]}</a></div>'
        f'<div class="mmguide-flowchart-view"{focus} tabindex="0" role="region" aria-label="{html.escape(t["view"])}: '
        f'{html.escape(caption)}"><img src="{rel}" alt="{html.escape(alt)}"{width} loading="lazy"></div>'
        f"<figcaption>{html.escape(caption)}</figcaption></figure>{_SCRIPT}"
    )


def steps_html(env, g) -> str:
    """The chart as nested questions: each decision lists its answers, each answer opens
    the next step, down to an outcome (the every-path view, navigable)."""
    t = view_text(lang(env))
    by_id = {n.id: n for n in g.nodes}
    out_edges: dict[str, list] = {}
    targets = set()
    for e in g.edges:
        out_edges.setdefault(e.source, []).append(e)
        targets.add(e.target)
    starts = [n.id for n in g.nodes if n.kind == "start"] or [n.id for n in g.nodes if n.id not in targets][:1]

    def text(n) -> str:
        return html.escape(pick(env, n.label).replace("\n", " "))

    def walk(node_id: str, depth: int) -> str:
        n = by_id[node_id]
        step = f'<p class="mmguide-step mmguide-step-{html.escape(n.kind)}">{text(n)}</p>'
        edges = out_edges.get(node_id, [])
        if depth > 60 or not edges:
            return step
        if len(edges) == 1 and not pick(env, edges[0].label):
            return step + walk(edges[0].target, depth + 1)
        items = "".join(
            f'<li><details><summary>{html.escape(pick(env, e.label) or t["then"])}</summary>'
            f"{walk(e.target, depth + 1)}</details></li>"
            for e in edges)
        return step + f'<ul class="mmguide-choices">{items}</ul>'

    body = "".join(walk(s, 0) for s in starts)
    return (f'<details class="mmguide-flowchart-steps"><summary>{t["steps"]}</summary>'
            f'<div class="mmguide-steps">{body}</div></details>')


class FlowchartDirective(SphinxDirective):
    """``{flowchart} ID``: the drawing, then its text versions (step by step, and every path).

    With ``:no-label:`` (a second copy, e.g. on a calculator page) the figure gets no
    cross-reference label, so the flowcharts page stays the link target, and comes without the
    text versions: the page that places it links to them on the flowcharts page instead. On the
    bone protection plan they are about 1,500 nested answers (660 KB), which made the
    calculator page six times heavier for every reader, at the bedside and on a phone."""

    required_arguments = 1
    has_content = False
    option_spec = {"no-label": directives.flag}

    def run(self):
        fid = self.arguments[0].strip()
        m = _module()
        if m is None or fid not in m.FLOWCHARTS:
            logger.warning("unknown flowchart %r; known: %s", fid, ", ".join(ids()),
                           location=(self.env.docname, self.lineno), type="mmguide", subtype="flowchart")
            return []
        self.env.note_dependency(m.__file__)
        lg = lang(self.env)
        g = m.flowchart(fid)
        svg = render_svg(to_dot(g, lang=lg))
        digest = hashlib.sha256(svg.encode()).hexdigest()[:10]
        fname = f"flowchart-{fid}-{lg}-{digest}.svg"
        # written into the output by _write_svgs on every build, from the environment: a build
        # that starts from another build's doctrees (the PDF's single page) reads no page again
        _svgs(self.env).setdefault(self.env.docname, {})[fname] = svg
        rel = posixpath.relpath(f"{IMAGE_DIR}/{fname}", posixpath.dirname(self.env.docname) or ".")
        alt = describe(self.env, g)
        caption = title(self.env, fid)
        fig_id = "" if "no-label" in self.options else f' id="flowchart-{fid}"'
        if "no-label" not in self.options:
            label = f"flowchart-{fid}"
            self.env.get_domain("std").note_hyperlink_target(label, self.env.docname, label, caption)
        first = next((n.id for n in g.nodes if n.kind == "start"), None)
        out = [nodes.raw("", figure_html(lg, rel, svg, alt, caption, fig_id, start=first), format="html")]
        if "no-label" in self.options:
            return out
        out.append(nodes.raw("", steps_html(self.env, g), format="html"))
        # a text version of every path, for screen readers, print and anyone who prefers words
        summary = translate(lg, "Every path, as text", "flowchart", general=False)
        items = "".join(
            f"<li>{html.escape(pick(self.env, p.description) if hasattr(p, 'description') else str(p))}</li>"
            for p in paths(fid)
        )
        out.append(nodes.raw(
            "", f'<details class="mmguide-flowchart-paths"><summary>{summary}</summary><ol>{items}</ol></details>',
            format="html",
        ))
        return out


def _svgs(env) -> dict[str, dict[str, str]]:
    """``{docname: {file name: SVG}}``: the drawings of each page's flowcharts, kept in the
    environment (pickled with the doctrees), not only written while the page is read."""
    store = getattr(env, "mmguide_flowchart_svgs", None)
    if store is None:
        store = env.mmguide_flowchart_svgs = {}
    return store


def _purge(app: Sphinx, env, docname: str) -> None:
    _svgs(env).pop(docname, None)


def _merge(app: Sphinx, env, docnames, other) -> None:
    mine, theirs = _svgs(env), _svgs(other)
    for docname in docnames:
        if docname in theirs:
            mine[docname] = theirs[docname]


def _write_svgs(app: Sphinx, exception) -> None:
    """Every flowchart drawing into ``_images/`` of this build's output, before the offline step
    lists the files (its build-finished hook runs later). Before, the directive wrote them while
    reading the page, so a build that read no page (the PDF's single page, built from a copy of
    the HTML build's doctrees) printed the flowcharts as missing images."""
    if exception is not None or app.builder.format != "html":
        return
    folder = os.path.join(app.outdir, IMAGE_DIR)
    for files in _svgs(app.env).values():
        for fname, svg in sorted(files.items()):
            path = os.path.join(folder, fname)
            data = svg.encode("utf-8")
            if os.path.isfile(path):
                with open(path, "rb") as f:
                    if f.read() == data:
                        continue
            os.makedirs(folder, exist_ok=True)
            with open(path, "wb") as f:
                f.write(data)


def setup(app: Sphinx) -> None:
    app.add_directive("flowchart", FlowchartDirective)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("build-finished", _write_svgs, priority=400)  # before offline.py's (900) lists the files
