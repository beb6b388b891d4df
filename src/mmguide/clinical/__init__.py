"""The calculators, one module each, imported when first asked for: a page that shows one
calculator loads only the modules that calculator needs (the in-page runtime starts faster).

``ORDER`` is the book's order; ``REGISTRY`` maps each id to its record, in that order.
Each module's record carries its own id; ``tests/test_architecture.py`` checks that the ids
below are the records' ids, so the two cannot drift apart.
"""

import sys

# (calculator id, module) in the book's order
_MODULES = (
    ("crcl-cockcroft-gault", "crcl_cockcroft_gault"),
    ("egfr-ckd-epi-2021", "egfr_ckd_epi_2021"),
    ("corrected-calcium", "corrected_calcium"),
    ("zoledronic-acid-dose", "zoledronic_acid_dose"),
    ("zoledronic-acid-renal-check", "zoledronic_acid_renal_check"),
    ("bone-protection-plan", "bone_protection_plan"),
    ("myeloma-defining-events", "myeloma_defining_events"),
    ("iss", "iss"),
    ("r-iss", "r_iss"),
    ("r2-iss", "r2_iss"),
    ("imwg-frailty", "imwg_frailty"),
    ("simplified-frailty", "simplified_frailty"),
    ("imwg-response", "imwg_response"),
)
ORDER = tuple(cid for cid, _ in _MODULES)
_MODULE_OF = dict(_MODULES)


def module_of(calculator_id: str):
    """The module of a calculator (imported on first use); KeyError for an unknown id."""
    name = __name__ + "." + _MODULE_OF[calculator_id]
    if name not in sys.modules:
        __import__(name)
    return sys.modules[name]


class _Registry:
    """{id: record} in the book's order, each module imported only when its record is asked for."""

    def __getitem__(self, calculator_id):
        if not isinstance(calculator_id, str):
            raise KeyError(calculator_id)
        return module_of(calculator_id).CALCULATOR

    def __contains__(self, calculator_id) -> bool:
        return isinstance(calculator_id, str) and calculator_id in _MODULE_OF

    def __iter__(self):
        return iter(ORDER)

    def __len__(self) -> int:
        return len(ORDER)

    def keys(self):
        return list(ORDER)

    def values(self):
        return [self[cid] for cid in ORDER]

    def items(self):
        return [(cid, self[cid]) for cid in ORDER]


REGISTRY = _Registry()
