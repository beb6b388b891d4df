"""Decision data, and the flowcharts generated from it.

A calculator whose logic is a decision (who starts bone protection, which agent, what dose)
writes that logic once, as a :class:`Tree` of nodes and branches whose conditions are small
data records (:class:`Cond`, :class:`AnyOf`, :class:`AllOf`) built from the module's named
constants. The calculator's function walks the tree; this module draws the same tree
(:func:`to_dot`) and lists every path through it with a patient state that realises the path
(:func:`paths`), so a test can run each state through :func:`mmguide.compute` and check that
the code lands where the diagram says. The diagram cannot disagree with the code.

    >>> g = flowchart("bone-protection-plan")
    >>> g.calculator
    'bone-protection-plan'
    >>> sorted({n.kind for n in g.nodes})
    ['action', 'decision', 'outcome', 'start']

Standard library only (it runs under Pyodide). The calculator modules import the primitives
from here; the flowcharts themselves import the calculators lazily, so there is no cycle.
"""

from __future__ import annotations

import re
import textwrap
import unicodedata
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Callable

from .records import Text, text

__all__ = [
    "Cond", "AnyOf", "AllOf", "Branch", "Node", "Fact", "Tree", "Graph", "GraphNode",
    "GraphEdge", "Path", "FLOWCHARTS", "flowchart", "tree", "to_dot", "paths",
]

KINDS = ("start", "decision", "action", "outcome")


# --------------------------------------------------------------------------------------
# Conditions: data, so they can be evaluated, drawn and solved for an example patient.
# --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Cond:
    """``facts[fact] <op> value``; op is one of "is", "<", "<=", ">", ">=", "contains".

    A numeric comparison with an unknown (None) fact is false.
    """

    fact: str
    op: str
    value: Any

    def holds(self, facts: dict) -> bool:
        v = facts.get(self.fact)
        if self.op == "is":
            if isinstance(self.value, bool) or self.value is None:
                return v is self.value
            return v == self.value
        if v is None:
            return False
        if self.op == "contains":
            return self.value in v
        if self.op == "<":
            return v < self.value
        if self.op == "<=":
            return v <= self.value
        if self.op == ">":
            return v > self.value
        if self.op == ">=":
            return v >= self.value
        raise ValueError(f"unknown operator {self.op!r}")

    def dnf(self) -> list[list["Cond"]]:
        return [[self]]


@dataclass(frozen=True)
class AllOf:
    conds: tuple

    def holds(self, facts: dict) -> bool:
        return all(c.holds(facts) for c in self.conds)

    def dnf(self) -> list[list[Cond]]:
        out: list[list[Cond]] = [[]]
        for c in self.conds:
            out = [a + b for a in out for b in c.dnf()]
        return out


@dataclass(frozen=True)
class AnyOf:
    conds: tuple

    def holds(self, facts: dict) -> bool:
        return any(c.holds(facts) for c in self.conds)

    def dnf(self) -> list[list[Cond]]:
        return [conj for c in self.conds for conj in c.dnf()]


# --------------------------------------------------------------------------------------
# The tree
# --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Branch:
    """One way out of a decision: taken when ``when`` holds; ``sets`` is what taking it implies
    for the result (category, favoured agent, dose …)."""

    when: Any  # Cond | AllOf | AnyOf
    to: str
    label: Text
    sets: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Node:
    """kind "start" and "action" have ``next``; "decision" has ``branches``; "outcome" ends a path
    and ``sets`` what the result must be there. ``actions`` names the calculator's plan items the
    step stands for."""

    id: str
    kind: str
    label: Text
    branches: tuple[Branch, ...] = ()
    next: str | None = None
    sets: dict = field(default_factory=dict)
    recommendations: tuple[str, ...] = ()
    actions: tuple[str, ...] = ()


@dataclass(frozen=True)
class Fact:
    """A fact the conditions test, and how to turn a chosen value back into calculator inputs.

    default: the value used when a path does not constrain the fact (an example, not a threshold).
    step: the distance from a strict bound (``< 30`` → 30 − step) for an example value.
    realise(value, chosen) -> {input name: value}: the inputs that give this fact; *chosen* holds
    the facts already chosen (base facts are chosen before derived ones, in the tree's order).
    alternatives: further values to realise a fact with (e.g. a derived "not low" that is
    realised both by a normal calcium and by no calcium at all).
    """

    name: str
    default: Any
    realise: Callable[[Any, dict], list[dict]]
    step: Fraction = Fraction(1, 10)


@dataclass(frozen=True)
class Tree:
    id: str
    calculator: str
    title: Text
    start: str
    nodes: tuple[Node, ...]
    facts: tuple[Fact, ...]
    facts_of: Callable[[dict], dict]  # parsed calculator inputs -> facts
    recommendations: tuple[str, ...] = ()

    def node(self, node_id: str) -> Node:
        for n in self.nodes:
            if n.id == node_id:
                return n
        raise KeyError(node_id)

    def walk(self, facts: dict) -> tuple[list[str], dict]:
        """The node ids visited from the start to an outcome, and what the path sets."""
        seen, sets = [], {}
        node = self.node(self.start)
        while True:
            seen.append(node.id)
            sets.update(node.sets)
            if node.kind == "outcome":
                return seen, sets
            if node.kind == "decision":
                for b in node.branches:
                    if b.when.holds(facts):
                        sets.update(b.sets)
                        node = self.node(b.to)
                        break
                else:  # pragma: no cover - the tests prove every decision exhaustive
                    raise RuntimeError(f"{self.id}: no branch of {node.id} holds for {facts}")
            else:
                node = self.node(node.next)


# --------------------------------------------------------------------------------------
# Graphs and paths
# --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class GraphNode:
    id: str
    kind: str
    label: Text
    recommendations: tuple[str, ...] = ()


@dataclass(frozen=True)
class GraphEdge:
    source: str
    target: str
    label: Text

    # the brief's names
    @property
    def from_(self) -> str:
        return self.source

    @property
    def to(self) -> str:
        return self.target


@dataclass(frozen=True)
class Graph:
    id: str
    calculator: str
    title: Text
    nodes: tuple[GraphNode, ...]
    edges: tuple[GraphEdge, ...]
    recommendations: tuple[str, ...]

    def as_dict(self) -> dict:
        return {
            "id": self.id, "calculator": self.calculator, "title": self.title,
            "recommendations": list(self.recommendations),
            "nodes": [{"id": n.id, "kind": n.kind, "label": n.label,
                       "recommendations": list(n.recommendations)} for n in self.nodes],
            "edges": [{"from": e.source, "to": e.target, "label": e.label} for e in self.edges],
        }


@dataclass
class Path:
    """One way from the start to an outcome.

    inputs: calculator inputs of a patient who takes this path; variants: other such patients
    (each side of a band edge, each alternative of an "or"). expected: what the result must be
    (category, and whatever the branches on the path set).
    """

    flowchart: str
    nodes: tuple[str, ...]
    edges: tuple[tuple[str, str], ...]
    outcome: str
    expected: dict
    inputs: dict
    variants: list[dict]
    description: Text = field(default_factory=dict)  # the path in words, {"en", "zh"}

    @property
    def states(self) -> list[dict]:
        return [self.inputs, *self.variants]


_EMPTY = text("", "")


def graph_of(t: Tree) -> Graph:
    nodes = tuple(GraphNode(n.id, n.kind, n.label, n.recommendations) for n in t.nodes)
    edges = []
    for n in t.nodes:
        if n.kind == "decision":
            edges += [GraphEdge(n.id, b.to, b.label) for b in n.branches]
        elif n.next is not None:
            edges.append(GraphEdge(n.id, n.next, _EMPTY))
    return Graph(t.id, t.calculator, t.title, nodes, tuple(edges), t.recommendations)


def _tree_paths(t: Tree) -> list[tuple[list[str], list[Any], dict]]:
    """(node ids, conditions taken, what the path sets) for every path, depth first."""
    out = []

    def go(node_id, seen, conds, sets):
        n = t.node(node_id)
        seen, sets = seen + [n.id], {**sets, **n.sets}
        if n.kind == "outcome":
            out.append((seen, conds, sets))
        elif n.kind == "decision":
            for b in n.branches:
                go(b.to, seen, conds + [b.when], {**sets, **b.sets})
        else:
            go(n.next, seen, conds, sets)

    go(t.start, [], [], {})
    return out


def _candidates(atoms: list[Cond], fact: Fact) -> list:
    if not atoms:
        return [fact.default]
    cands = []
    for a in atoms:
        if a.op in ("is", ">=", "<="):
            cands.append(a.value)
        elif a.op == ">":
            cands.append(a.value + fact.step)
        elif a.op == "<":
            cands.append(a.value - fact.step)
    ok = []
    for c in cands:
        if all(a.holds({fact.name: c}) for a in atoms) and c not in ok:
            ok.append(c)
    return ok


def _realise(t: Tree, choice: dict) -> list[dict]:
    """Calculator inputs for chosen fact values (several when a fact has alternatives)."""
    states = [({}, {})]  # (inputs, chosen facts)
    for f in t.facts:
        nxt = []
        for inputs, chosen in states:
            chosen2 = {**chosen, f.name: choice[f.name]}
            for extra in f.realise(choice[f.name], chosen2):
                nxt.append(({**inputs, **extra}, chosen2))
        states = nxt
    return [s[0] for s in states]


def _parse(calculator_id: str, inputs: dict) -> dict:
    from . import calculator

    calc = calculator(calculator_id)
    parsed = {}
    for spec in calc.inputs:
        raw = inputs.get(spec.name)
        parsed[spec.name] = (spec.parse(raw) if raw is not None
                             else spec.default if spec.default is None else spec.parse(spec.default))
    return parsed


def _describe(t: Tree, seen: list[str]) -> Text:
    """The path in words: each step's label, and the answer taken at each decision."""
    out = {}
    for lang in ("en", "zh"):
        parts = []
        for a, b in zip(seen, seen[1:] + [None]):
            n = t.node(a)
            step = n.label[lang].replace("\n", " ")
            if n.kind == "decision":
                br = next(x for x in n.branches if x.to == b)
                step += f" [{br.label[lang]}]" if lang == "en" else f"【{br.label[lang]}】"
            parts.append(step)
        out[lang] = " → ".join(parts)
    return out


def tree_paths(t: Tree) -> list[Path]:
    result = []
    for seen, conds, sets in _tree_paths(t):
        conjunctions = AllOf(tuple(conds)).dnf()
        states: list[dict] = []
        for conj in conjunctions:
            by_fact: dict[str, list[Cond]] = {}
            for a in conj:
                by_fact.setdefault(a.fact, []).append(a)
            unknown = set(by_fact) - {f.name for f in t.facts}
            if unknown:  # pragma: no cover - data error
                raise ValueError(f"{t.id}: conditions on undeclared facts {sorted(unknown)}")
            cands = {f.name: _candidates(by_fact.get(f.name, []), f) for f in t.facts}
            if any(not c for c in cands.values()):
                continue  # this alternative of an "or" cannot be taken on this path
            base = {k: v[0] for k, v in cands.items()}
            choices = [base] + [{**base, k: c} for k, v in cands.items() for c in v[1:]]
            for ch in choices:
                for s in _realise(t, ch):
                    if s not in states:
                        states.append(s)
        if not states:
            # the path's conditions contradict each other (a fact tested at two decisions, e.g. calcium
            # high at one and low at the next): no patient can take it, so it is not a path
            continue
        # keep only the states that really take this path (a derived fact may interact)
        good = [s for s in states if t.walk(t.facts_of(_parse(t.calculator, s)))[0] == seen]
        if not good:  # pragma: no cover - data error
            raise ValueError(f"{t.id}: no example patient takes the path {' → '.join(seen)}")
        edges = tuple(zip(seen, seen[1:]))
        result.append(Path(t.id, tuple(seen), edges, seen[-1], sets, good[0], good[1:], _describe(t, seen)))
    return result


# --------------------------------------------------------------------------------------
# Registry
# --------------------------------------------------------------------------------------

def _plan_tree() -> Tree:
    from .calculators import bone_protection_plan

    return bone_protection_plan.TREE


def _renal_check_tree() -> Tree:
    from .calculators import zoledronic_acid_renal_check as rc

    return _renal_tree(rc)


FLOWCHARTS: dict[str, Callable[[], Tree]] = {
    "bone-protection-plan": _plan_tree,
    "zoledronic-acid-renal-check": _renal_check_tree,
}


def tree(flowchart_id: str) -> Tree:
    try:
        build = FLOWCHARTS[flowchart_id]
    except KeyError:
        raise KeyError(f"unknown flowchart {flowchart_id!r}; known: {', '.join(FLOWCHARTS)}") from None
    return build()


def flowchart(flowchart_id: str) -> Graph:
    """The graph (nodes, edges, calculator, recommendations) of one flowchart."""
    return graph_of(tree(flowchart_id))


def paths(flowchart_id: str) -> list[Path]:
    """Every path from the start to an outcome, each with patients that take it."""
    return tree_paths(tree(flowchart_id))


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


def to_dot(flowchart_id: str, lang: str = "en") -> str:
    """Graphviz DOT for one flowchart in English ("en") or Chinese ("zh"); top to bottom."""
    lang = lang.split("_")[0].split("-")[0]  # "zh_CN" → "zh"
    if lang not in ("en", "zh"):
        raise ValueError(f"lang must be 'en' or 'zh', got {lang!r}")
    g = flowchart(flowchart_id)
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


# --------------------------------------------------------------------------------------
# The zoledronic acid renal check (label withhold / resume rule), drawn from the constants of
# the calculator module that implements it; see _renal_tree's docstring.
# --------------------------------------------------------------------------------------

def _renal_tree(rc) -> Tree:
    """The label's rule before each zoledronic acid dose, as a tree over the constants of
    :mod:`mmguide.calculators.zoledronic_acid_renal_check` (no second copy of any number).

    The calculator applies the thresholds in the unit of the baseline; the graph is drawn and
    its example patients are written in mg/dL, with the SmPC's µmol/L figures shown alongside.
    """
    from .units import fmt

    mg, um = "mg/dL", "µmol/L"
    ab = rc.ABNORMAL_BASELINE_FROM
    rise_n, rise_a = rc.RISE_IF_NORMAL, rc.RISE_IF_ABNORMAL
    within = 1 + rc.RESUME_WITHIN
    pct = fmt(rc.RESUME_WITHIN * 100)

    def both(d, places=None):
        return f"{fmt(d[mg], places)} {mg} ({fmt(d[um])} {um})"

    def facts_of(inputs: dict) -> dict:
        base = inputs["baseline_creatinine"].to(mg)
        cur = inputs["current_creatinine"].to(mg)
        return {"withheld": bool(inputs.get("withheld")), "baseline": base,
                "rise": cur - base, "ratio": cur / base}

    def realise_current(kind):
        def realise(v, chosen):
            if v is None:
                if kind == "ratio" and chosen.get("rise") is None:
                    return [{"current_creatinine": f"{fmt(chosen['baseline'])} {mg}"}]
                return [{}]
            cur = chosen["baseline"] + v if kind == "rise" else chosen["baseline"] * v
            return [{"current_creatinine": f"{fmt(cur)} {mg}"}]
        return realise

    yes, no = text("yes", "是"), text("no", "否")
    n = (
        Node("start", "start", text("Before each zoledronic acid dose: creatinine vs baseline",
                                    "每次唑来膦酸给药前:肌酐与基线比较"), next="withheld"),
        Node("withheld", "decision", text("Zoledronic acid withheld now?", "唑来膦酸目前暂停?"),
             branches=(
                 Branch(Cond("withheld", "is", False), "baseline", no),
                 Branch(Cond("withheld", "is", True), "recovered", yes),
             )),
        Node("baseline", "decision",
             text(f"Baseline creatinine < {both(ab)}?", f"基线肌酐 < {both(ab)}?"),
             branches=(
                 Branch(Cond("baseline", "<", ab[mg]), "rise-normal", text("yes (normal)", "是(正常)")),
                 Branch(Cond("baseline", ">=", ab[mg]), "rise-abnormal", text("no (abnormal)", "否(异常)")),
             )),
        Node("rise-normal", "decision",
             text(f"Rise ≥ {both(rise_n, 1)}?", f"升高 ≥ {both(rise_n, 1)}?"),
             branches=(
                 Branch(Cond("rise", ">=", rise_n[mg]), "withhold", yes),
                 Branch(Cond("rise", "<", rise_n[mg]), "continue", no),
             )),
        Node("rise-abnormal", "decision",
             text(f"Rise ≥ {both(rise_a, 1)}?", f"升高 ≥ {both(rise_a, 1)}?"),
             branches=(
                 Branch(Cond("rise", ">=", rise_a[mg]), "withhold", yes),
                 Branch(Cond("rise", "<", rise_a[mg]), "continue", no),
             )),
        Node("recovered", "decision",
             text(f"Creatinine within {pct}% of baseline?", f"肌酐在基线的 {pct}% 以内?"),
             branches=(
                 Branch(Cond("ratio", "<=", within), "resume", yes),
                 Branch(Cond("ratio", ">", within), "keep-withholding", no),
             )),
        Node("continue", "outcome", text("Continue: give the dose", "继续:按计划给药"),
             sets={"category": "continue"}),
        Node("withhold", "outcome", text("Withhold: renal deterioration", "暂停:肾功能恶化"),
             sets={"category": "withhold"}),
        Node("resume", "outcome", text("Resume at the previous dose", "按原剂量恢复"),
             sets={"category": "resume"}),
        Node("keep-withholding", "outcome", text("Keep withholding; recheck creatinine", "继续暂停;复查肌酐"),
             sets={"category": "keep-withholding"}),
    )
    n = tuple(Node(x.id, x.kind, x.label, x.branches, x.next, x.sets, ("BP-4",) if x.kind == "decision" else (),
                   x.actions) for x in n)
    step = Fraction(1, 100)
    return Tree(
        id=rc.ID, calculator=rc.ID, title=rc.CALCULATOR.title, start="start", nodes=n,
        facts=(
            Fact("withheld", False, lambda v, c: [{"withheld": v}]),
            Fact("baseline", Fraction(1), lambda v, c: [{"baseline_creatinine": f"{fmt(v)} {mg}"}], step),
            Fact("rise", None, realise_current("rise"), step),
            Fact("ratio", None, realise_current("ratio"), step),
        ),
        facts_of=facts_of, recommendations=("BP-4",),
    )
