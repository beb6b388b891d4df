"""The calculators, one module each; REGISTRY keeps the book's order."""

from . import (
    corrected_calcium,
    crcl_cockcroft_gault,
    egfr_ckd_epi_2021,
    imwg_frailty,
    imwg_response,
    iss,
    myeloma_defining_events,
    r2_iss,
    r_iss,
    simplified_frailty,
    zoledronic_acid_dose,
    zoledronic_acid_renal_check,
)
from . import bone_protection_plan

_MODULES = (
    crcl_cockcroft_gault,
    egfr_ckd_epi_2021,
    corrected_calcium,
    zoledronic_acid_dose,
    zoledronic_acid_renal_check,
    bone_protection_plan,
    myeloma_defining_events,
    iss,
    r_iss,
    r2_iss,
    imwg_frailty,
    simplified_frailty,
    imwg_response,
)

REGISTRY = {m.CALCULATOR.id: m.CALCULATOR for m in _MODULES}
# The book's order, kept apart from REGISTRY: a dict's order is not kept by every runtime (MicroPython).
ORDER = tuple(m.CALCULATOR.id for m in _MODULES)
