"""mmguide: clinical calculators for multiple myeloma whole-course management and bone protection.

    >>> import mmguide
    >>> mmguide.compute("crcl-cockcroft-gault", age=80, weight="72 kg",
    ...                 creatinine="1.0 mg/dL", sex="male").value
    60.0

Standard library only, so the same code runs in CPython and in the browser under Pyodide.
"""

from __future__ import annotations

from .errors import InputError, MMGuideError, UnknownCalculatorError
from .records import Calculator, Result

# Importing the subpackage binds the name ``mmguide.calculators`` to it; the function of the
# same name defined below must come after this import so that it wins.
from .calculators import REGISTRY as _REGISTRY  # noqa: E402

__version__ = "0.1.0"
__all__ = [
    "compute", "calculators", "calculator", "Result", "Calculator",
    "InputError", "MMGuideError", "UnknownCalculatorError", "__version__", "note", "view",
]


def _registry() -> dict[str, Calculator]:
    return _REGISTRY


def calculators() -> list[Calculator]:
    """The metadata records of every calculator, in the book's order."""
    return list(_registry().values())


def calculator(calculator_id: str) -> Calculator:
    """One calculator's record; UnknownCalculatorError (listing the known ids) if there is none."""
    reg = _registry()
    try:
        return reg[calculator_id]
    except (KeyError, TypeError):
        raise UnknownCalculatorError(
            f"unknown calculator {calculator_id!r}; known calculators: {', '.join(reg)}."
        ) from None


def compute(calculator_id: str, /, **inputs) -> Result:
    """Run one calculator on the given inputs.

    Inputs are numbers in the input's default unit or strings with a unit
    ("88.4 µmol/L", "1.0 mg/dL", "72 kg"). Raises InputError on any input it cannot
    interpret, never returning a silent default.
    """
    calc = calculator(calculator_id)
    known = {i.name for i in calc.inputs}
    unknown = sorted(set(inputs) - known)
    if unknown:
        raise InputError(
            f"{calc.id}: unknown input{'s' if len(unknown) > 1 else ''} {', '.join(unknown)}; "
            f"accepted inputs: {', '.join(i.name for i in calc.inputs)}.",
            unknown[0],
        )
    parsed = {}
    for spec in calc.inputs:
        raw = inputs.get(spec.name)
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            if spec.required:
                unit = f" ({spec.plausible_range()})" if spec.kind == "quantity" else ""
                raise InputError(f"{spec.name}: this input is required{unit}.", spec.name)
            parsed[spec.name] = spec.default if spec.default is None else spec.parse(spec.default)
            continue
        parsed[spec.name] = spec.parse(raw)
    result = calc.function(**parsed)
    result.inputs = {k: v for k, v in parsed.items() if v is not None}
    return result


def note(result: Result, lang: str = "en", url: str | None = None, date: str | None = None) -> str:
    """A plain-text summary of *result* for a clinical note, in English or Chinese (see presentation)."""
    from .presentation import note as _note

    return _note(result, lang, url, date)


def view(result: Result, lang: str = "en") -> dict:
    """What a reader sees of *result*: the answer box, the sections under it, onward links (see presentation)."""
    from .presentation import view as _view

    return _view(result, lang)
