"""The decision engine: decision trees written as data, walked, and enumerated path by path.

A calculator whose logic is a decision (who starts bone protection, which agent, what dose)
writes that logic once, as a :class:`Tree` of nodes and branches whose conditions are small
data records (:class:`Cond`, :class:`AnyOf`, :class:`AllOf`) built from the module's named
constants, and declares the tree beside its function (the record's ``flowchart`` field). The
function walks the tree (:meth:`Tree.walk`); :func:`graph_of` gives the language-neutral graph
the book draws; :func:`tree_paths` lists every path through the tree with example patients that
take it, so a test can run each one through the calculator and check that the code lands where
the diagram says.

Layer: below the calculators (it imports only :mod:`mmguide.records`); standard library only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Callable

from .records import Text, text

__all__ = [
    "KINDS", "Cond", "AnyOf", "AllOf", "Branch", "Node", "Fact", "Tree", "Graph", "GraphNode",
    "GraphEdge", "Path", "graph_of", "tree_paths",
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
        raise ValueError(f"unknown operator {repr(self.op)}")

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
        return [self.inputs] + list(self.variants)


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


def _with(d: dict, key, value) -> dict:
    """A copy of *d* with *key* set to *value*."""
    out = dict(d)
    out[key] = value
    return out


def _tree_paths(t: Tree) -> list[tuple[list[str], list[Any], dict]]:
    """(node ids, conditions taken, what the path sets) for every path, depth first."""
    out = []

    def go(node_id, seen, conds, sets):
        n = t.node(node_id)
        seen, sets = seen + [n.id], dict(sets, **n.sets)
        if n.kind == "outcome":
            out.append((seen, conds, sets))
        elif n.kind == "decision":
            for b in n.branches:
                go(b.to, seen, conds + [b.when], dict(sets, **b.sets))
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
            chosen2 = dict(chosen)
            chosen2[f.name] = choice[f.name]
            for extra in f.realise(choice[f.name], chosen2):
                nxt.append((dict(inputs, **extra), chosen2))
        states = nxt
    return [s[0] for s in states]


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


def tree_paths(t: Tree, parse: Callable[[dict], dict]) -> list[Path]:
    """Every path from the start to an outcome, each with example patients that take it.

    parse(inputs) -> parsed inputs: how the tree's calculator reads an example patient's raw
    inputs (the calculator's own input records), so each example is checked to take its path.
    """
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
            choices = [base] + [_with(base, k, c) for k, v in cands.items() for c in v[1:]]
            for ch in choices:
                for s in _realise(t, ch):
                    if s not in states:
                        states.append(s)
        if not states:
            # the path's conditions contradict each other (a fact tested at two decisions, e.g. calcium
            # high at one and low at the next): no patient can take it, so it is not a path
            continue
        # keep only the states that really take this path (a derived fact may interact)
        good = [s for s in states if t.walk(t.facts_of(parse(s)))[0] == seen]
        if not good:  # pragma: no cover - data error
            raise ValueError(f"{t.id}: no example patient takes the path {' → '.join(seen)}")
        edges = tuple(zip(seen, seen[1:]))
        result.append(Path(t.id, tuple(seen), edges, seen[-1], sets, good[0], good[1:], _describe(t, seen)))
    return result
