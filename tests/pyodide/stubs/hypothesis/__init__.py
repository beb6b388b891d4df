"""A stand-in for hypothesis under Pyodide, where the real one cannot load (its 6.1xx wheels
carry a compiled ``hypothesis._native``; no Pyodide build of it is vendored here).

``@given`` tests run their explicit ``@example`` cases and then skip the generated cases with
a clear reason; strategies are inert placeholders so that test modules import unchanged.
The property-based part runs under CPython (the ordinary pytest run).
"""

from __future__ import annotations

import functools
import inspect

from . import strategies  # noqa: F401

SKIP_REASON = "generated cases need the real hypothesis (native extension); explicit @example cases ran"


class HealthCheck:
    def __getattr__(self, name):
        return name

    @classmethod
    def all(cls):
        return []


HealthCheck = HealthCheck()  # noqa: F811


class Verbosity:
    quiet = normal = verbose = debug = None


class Phase:
    explicit = reuse = generate = target = shrink = explain = None


class settings:
    _profiles: dict = {}

    def __init__(self, *args, **kwargs):
        self.kwargs = kwargs

    def __call__(self, fn):
        return fn

    @classmethod
    def register_profile(cls, name, parent=None, **kwargs):
        cls._profiles[name] = kwargs

    @classmethod
    def load_profile(cls, name):
        pass

    @classmethod
    def get_profile(cls, name):
        return cls(**cls._profiles.get(name, {}))


def example(*args, **kwargs):
    def deco(fn):
        fn.__dict__.setdefault("_stub_examples", []).insert(0, (args, kwargs))
        return fn
    return deco


def assume(condition):
    import pytest

    if not condition:
        pytest.skip("assume() failed for an explicit example")
    return True


def note(*args, **kwargs):
    pass


def event(*args, **kwargs):
    pass


def target(*args, **kwargs):
    pass


def reject():
    import pytest

    pytest.skip("reject() in an explicit example")


def given(*given_args, **given_kwargs):
    def deco(fn):
        sig = inspect.signature(fn)
        params = list(sig.parameters.values())
        if given_args:
            drawn = [p.name for p in params[len(params) - len(given_args):]]
        else:
            drawn = list(given_kwargs)
        kept = [p for p in params if p.name not in drawn]

        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            import pytest

            cases = wrapper.__dict__.get("_stub_examples", []) + fn.__dict__.get("_stub_examples", [])
            for ex_args, ex_kwargs in cases:
                bound = dict(zip(drawn, ex_args))
                bound.update(ex_kwargs)
                fn(*args, **kwargs, **bound)
            pytest.skip(SKIP_REASON + f" ({len(cases)})")

        wrapper.__dict__.pop("_stub_examples", None)
        wrapper.__signature__ = sig.replace(parameters=kept)
        del wrapper.__wrapped__  # pytest must see the reduced signature
        wrapper.hypothesis_stub = True
        return wrapper
    return deco
