"""The calculators, one module each; REGISTRY keeps the book's order."""

from . import crcl_cockcroft_gault, zoledronic_acid_dose
from . import bone_protection_plan

_MODULES = (
    crcl_cockcroft_gault,
    zoledronic_acid_dose,
    bone_protection_plan,
)

REGISTRY = {m.CALCULATOR.id: m.CALCULATOR for m in _MODULES}
