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

# Importing the subpackage binds the name ``mmguide.calculators`` to it; the function of the
# same name imported below must come after it so that it wins.
from . import calculators as _calculators_package  # noqa: E402,F401
from .api import calculator, calculators, compute  # noqa: E402
from .presentation import note, view  # noqa: E402
__all__ = [
    "compute", "calculators", "calculator", "Result", "Calculator",
    "InputError", "MMGuideError", "UnknownCalculatorError", "__version__", "note", "view",
]
