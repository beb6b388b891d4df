"""mmguide: clinical calculators for multiple myeloma whole-course management and bone protection.

    >>> import mmguide
    >>> mmguide.compute("crcl-cockcroft-gault", age=80, weight="72 kg",
    ...                 creatinine="1.0 mg/dL", sex="male").value
    60.0

Standard library only, so the same code runs in CPython and in the browser under MicroPython.
"""

from __future__ import annotations

from .errors import InputError, MMGuideError, UnknownCalculatorError
from .records import Calculator, Result
from .version import __version__

from .api import calculator, calculators, compute
from .presentation import note, view
__all__ = [
    "compute", "calculators", "calculator", "Result", "Calculator",
    "InputError", "MMGuideError", "UnknownCalculatorError", "__version__", "note", "view",
]
