"""Names the core uses in annotations only (MicroPython discards annotations)."""


class _Any:
    def __getitem__(self, item):
        return self

    def __repr__(self):
        return "typing.Any"


Any = _Any()
Callable = _Any()
Optional = _Any()
