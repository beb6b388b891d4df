"""The flowcharts: every calculator that decides by a tree, as language-neutral graphs and paths.

Each such calculator declares its decision tree beside its function (its record's
``flowchart`` field, built with :mod:`mmguide.decision`); this registry is built from those
records, not from a hand-kept list. For each flowchart it gives the graph the book draws
(:func:`flowchart`) and every path through it with example patients that take it
(:func:`paths`), so a test can run each patient through :func:`mmguide.compute` and check that
the code lands where the diagram says. Drawing (Graphviz) is the book extension's job.

    >>> g = flowchart("bone-protection-plan")
    >>> g.calculator
    'bone-protection-plan'
    >>> sorted({n.kind for n in g.nodes})
    ['action', 'decision', 'outcome', 'start']

Layer: above the calculators (it reads their records); standard library only.
"""

from __future__ import annotations

from .clinical import REGISTRY
from .decision import KINDS, Graph, Path, Tree, graph_of, tree_paths

__all__ = ["KINDS", "FLOWCHARTS", "flowchart", "tree", "paths"]

# flowchart id (= the calculator's id) -> its tree, in the book's order of the calculators
FLOWCHARTS: dict[str, Tree] = {c.id: c.flowchart for c in REGISTRY.values() if c.flowchart is not None}


def tree(flowchart_id: str) -> Tree:
    try:
        return FLOWCHARTS[flowchart_id]
    except KeyError:
        raise KeyError(f"unknown flowchart {repr(flowchart_id)}; known: {', '.join(FLOWCHARTS)}") from None


def flowchart(flowchart_id: str) -> Graph:
    """The graph (nodes, edges, calculator, recommendations) of one flowchart."""
    return graph_of(tree(flowchart_id))


def _parser(calculator_id: str):
    """How the calculator reads an example patient's raw inputs (an absent input is None: not given)."""
    calc = REGISTRY[calculator_id]

    def parse(inputs: dict) -> dict:
        parsed = {}
        for spec in calc.inputs:
            raw = inputs.get(spec.name)
            parsed[spec.name] = spec.parse(raw) if raw is not None else None  # no input has a default
        return parsed

    return parse


_PATHS: dict[str, tuple[Path, ...]] = {}


def paths(flowchart_id: str) -> tuple[Path, ...]:
    """Every path from the start to an outcome, each with patients that take it.

    Computed once per process (a dict, not functools, which MicroPython lacks): finding the
    example patients takes over a second for the plan, and the answer depends only on the
    package, which a process never reloads. Shared by every caller: read the paths, do not
    change them."""
    found = _PATHS.get(flowchart_id)
    if found is None:
        t = tree(flowchart_id)
        found = _PATHS[flowchart_id] = tuple(tree_paths(t, _parser(t.calculator)))
    return found
