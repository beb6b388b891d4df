"""The calculators, one module each; REGISTRY keeps the book's order."""

from . import crcl_cockcroft_gault, zoledronic_acid_dose

_MODULES = (
    crcl_cockcroft_gault,
    zoledronic_acid_dose,
)

REGISTRY = {m.CALCULATOR.id: m.CALCULATOR for m in _MODULES}
