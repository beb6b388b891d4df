"""Inert strategies: every constructor returns a placeholder that supports chaining."""

from __future__ import annotations


class SearchStrategy:
    def __init__(self, *args, **kwargs):
        pass

    def __getattr__(self, name):  # .map, .filter, .flatmap, ...
        return lambda *a, **k: SearchStrategy()

    def __or__(self, other):
        return SearchStrategy()

    def example(self):
        raise NotImplementedError("hypothesis stub: no data generation under Pyodide")


def composite(fn):
    def build(*args, **kwargs):
        return SearchStrategy()
    return build


def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError(name)
    return lambda *a, **k: SearchStrategy()
