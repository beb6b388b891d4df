"""The calculators' entry points: the records (:func:`calculators`, :func:`calculator`) and
:func:`compute`, which reads a caller's inputs through each input's record and runs the
calculator. Layer: above the calculators, below the presentation of results and the CLI.
"""

from __future__ import annotations

from . import unit_table as U
from .clinical import ORDER as _ORDER, REGISTRY as _REGISTRY
from .errors import InputError, UnknownCalculatorError
from .records import Calculator, Result

__all__ = ["calculators", "calculator", "compute", "ids"]


def _registry():
    return _REGISTRY


def calculators() -> list[Calculator]:
    """The metadata records of every calculator, in the book's order."""
    return [_registry()[i] for i in _ORDER]


def ids() -> tuple[str, ...]:
    """Every calculator's id, in the book's order (no calculator module is loaded to list them)."""
    return _ORDER


def calculator(calculator_id: str) -> Calculator:
    """One calculator's record; UnknownCalculatorError (listing the known ids) if there is none."""
    reg = _registry()
    if calculator_id not in reg:
        raise UnknownCalculatorError(
            f"unknown calculator {repr(calculator_id)}; known calculators: {', '.join(_ORDER)}.")
    return reg[calculator_id]


def compute(calculator_id: str, **inputs) -> Result:
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
            zh=f"“{calc.title['zh']}”没有此输入项;可用的输入项:{'、'.join(i.name for i in calc.inputs)}。",
        )
    parsed = {}
    not_given = []
    try:
        for spec in calc.inputs:
            raw = inputs.get(spec.name)
            if raw is None or (isinstance(raw, str) and not raw.strip()):
                # a blank field is "not given", exactly as an omitted one
                if spec.required:
                    unit = f" ({spec.plausible_range()})" if spec.kind == "quantity" else ""
                    unit_zh = f"({U.zh_range(spec.analyte, spec.units)})" if spec.kind == "quantity" else ""
                    raise InputError(f"{spec.name}: this input is required{unit}.", spec.name,
                                     zh=f"此项为必填项{unit_zh}。")
                parsed[spec.name] = None  # no input has a default (HZ-71)
                not_given.append(spec.name)
                continue
            parsed[spec.name] = spec.parse(raw)
        result = calc.function(**parsed)
    except InputError as e:
        if e.label is None and e.field in known:
            e.label = calc.input(e.field).label
        raise
    result.inputs = {k: v for k, v in parsed.items() if v is not None}
    # Nothing is filled in silently: the result lists what was not given (so not assessed).
    if not_given:
        result.details.setdefault("not_given", not_given)
    return result
