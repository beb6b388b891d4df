"""`dataclass`, `field` and `asdict` for MicroPython.

MicroPython discards annotations: a class body's `name: str` leaves no `__annotations__` and no
attribute, so a decorator cannot see which fields a class has (tests/micropython/run.mjs
--probe shows it).
This shim reads them where they are written: the class's own source file, which is in
MicroPython's file system beside the compiled module.
A field is a line `name: annotation` or `name: annotation = default` directly in the class body,
before its first method; defaults come from the class attributes, as in CPython.
It needs the sources (for a precompiled X.mpy, the source X.pysrc beside it); the equality check compares every record's
output with CPython's, so a field read wrongly shows as a difference.
"""

import sys

_MISSING = object()


class _Field:
    def __init__(self, default=_MISSING, default_factory=_MISSING):
        self.default = default
        self.default_factory = default_factory


def field(default=_MISSING, default_factory=_MISSING, **_ignored):
    return _Field(default, default_factory)


_SOURCES = {}


def _field_names(cls):
    module = sys.modules[cls.__module__]
    path = module.__file__
    if path.endswith(".mpy"):  # precompiled: its source is kept beside it as .pysrc
        path = path[:-4] + ".pysrc"
    lines = _SOURCES.get(path)
    if lines is None:
        with open(path) as f:
            lines = _SOURCES[path] = f.read().split("\n")
    header = "class " + cls.__name__
    names = []
    inside = in_docstring = False
    for line in lines:
        if not inside:
            if line.startswith(header) and line[len(header)] in "(:":
                inside = True
            continue
        if line.count('"""') % 2:
            in_docstring = not in_docstring
            continue
        if in_docstring:
            continue
        if line and not line.startswith(" "):
            break  # the class body has ended
        body = line[4:] if line.startswith("    ") and not line.startswith("     ") else None
        if body is None:
            continue
        if body.startswith(("def ", "@", "class ")):
            break  # fields come before the first method
        name, colon, _ = body.partition(":")
        name = name.strip()
        if colon and _identifier(name):
            names.append(name)
    return names


def _identifier(s):
    return bool(s) and not s[0].isdigit() and all(c.isalpha() or c.isdigit() or c == "_" for c in s)


def _make(cls, frozen, eq):
    names, defaults = [], {}
    for base in cls.__bases__:  # inherited fields first, as in CPython
        for n in getattr(base, "__dataclass_fields__", ()):
            if n not in names:
                names.append(n)
        defaults.update(getattr(base, "__dataclass_defaults__", {}))
    for n in _field_names(cls):
        if n not in names:
            names.append(n)
        if n in cls.__dict__:
            defaults[n] = cls.__dict__[n]
    cls.__dataclass_fields__ = tuple(names)
    cls.__dataclass_defaults__ = defaults

    def __init__(self, *args, **kwargs):
        if len(args) > len(names):
            raise TypeError("%s() takes %d positional arguments" % (cls.__name__, len(names)))
        values = dict(zip(names, args))
        for k, v in kwargs.items():
            if k not in names or k in values:
                raise TypeError("%s() got an unexpected or repeated argument %r" % (cls.__name__, k))
            values[k] = v
        for n in names:
            if n not in values:
                d = defaults.get(n, _MISSING)
                if isinstance(d, _Field):
                    d = d.default_factory() if d.default_factory is not _MISSING else d.default
                if d is _MISSING:
                    raise TypeError("%s() missing required argument: %r" % (cls.__name__, n))
                values[n] = d
            setattr(self, n, values[n])
        post = getattr(self, "__post_init__", None)
        if post is not None:
            post()

    def __repr__(self):
        return "%s(%s)" % (cls.__name__, ", ".join("%s=%r" % (n, getattr(self, n)) for n in names))

    cls.__init__ = __init__
    if "__repr__" not in cls.__dict__:
        cls.__repr__ = __repr__
    if eq:
        def __eq__(self, other):
            if other.__class__ is not self.__class__:
                return NotImplemented
            return all(getattr(self, n) == getattr(other, n) for n in names)

        cls.__eq__ = __eq__
        if frozen:
            cls.__hash__ = lambda self: hash(tuple(getattr(self, n) for n in names))
    for n, d in defaults.items():
        if isinstance(d, _Field) and n in cls.__dict__:
            delattr(cls, n)  # as CPython: a default_factory leaves no class attribute
    return cls


def dataclass(cls=None, frozen=False, eq=True, **_ignored):
    # frozen is not enforced here: the core never assigns to a frozen record (CPython checks it).
    if cls is None:
        return lambda c: _make(c, frozen, eq)
    return _make(cls, frozen, eq)


def fields(obj):
    return obj.__dataclass_fields__


def asdict(obj):
    if hasattr(obj, "__dataclass_fields__"):
        return {n: asdict(getattr(obj, n)) for n in obj.__dataclass_fields__}
    if isinstance(obj, (list, tuple)):
        return type(obj)(asdict(v) for v in obj)
    if isinstance(obj, dict):
        return {asdict(k): asdict(v) for k, v in obj.items()}
    return obj
