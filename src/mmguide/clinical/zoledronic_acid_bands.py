"""The zoledronic acid label's renal dose table (zometa_label), on its own.

The Cockcroft–Gault calculator shows a clearance so that no value is rounded across one of
these band edges, and the zoledronic acid dose calculator takes the Cockcroft–Gault inputs:
the table sits below both, so neither imports the other in a circle.
"""

from fractions import Fraction as F

from ..numbers import Scale
from ..unit_table import ANALYTES

# The label's table, as half-open bands on Cockcroft–Gault clearance (mL/min).
# The label writes integer bands (>60, 50–60, 40–49, 30–39, <30); the gaps between
# 49 and 50 and between 39 and 40 are closed downwards ([DECISION], the dose calculator's record says so):
#   CrCl > 60        -> 4 mg
#   50 <= CrCl <= 60 -> 3.5 mg
#   40 <= CrCl < 50  -> 3.3 mg
#   30 <= CrCl < 40  -> 3 mg
#   CrCl < 30        -> not recommended
FULL_DOSE_ABOVE = F(60)
DOSE_BANDS = (  # (lowest clearance of the band, inclusive; dose in mg), highest band first
    (F(50), F("3.5")),
    (F(40), F("3.3")),
    (F(30), F("3.0")),
)
FULL_DOSE = F("4.0")
NOT_RECOMMENDED_BELOW = F(30)
# Every clearance at which the label's answer changes; a clearance shown next to one of them is
# never rounded across it (29.97 is shown as 29.97, never "30.0 … below 30").
EDGES = (NOT_RECOMMENDED_BELOW,) + tuple(low for low, _ in DOSE_BANDS) + (FULL_DOSE_ABOVE,)
CRCL_PLACES = 2  # decimals shown for a clearance
# How a clearance is written wherever it is shown (value, explanation, answer box, note): 2 decimals,
# never on the other side of a band edge. Every calculator that shows a clearance declares it.
# The limits of what mmguide accepts as a clearance (the crcl analyte's range, 1-250 mL/min) are
# edges too: a computed clearance of 250.004 is refused as implausible and must not read "250.00".
PLAUSIBLE_LIMITS = (ANALYTES["crcl"].units[0].low, ANALYTES["crcl"].units[0].high)
CLEARANCE = Scale(CRCL_PLACES, EDGES + PLAUSIBLE_LIMITS)
# How a dose is written: "4 mg", never "4.0 mg" (a trailing zero after a whole-number dose can be
# misread tenfold, ISMP's list of error-prone dose designations); 3.5 and 3.3 keep their decimal.
DOSE = Scale()


def show_crcl(crcl: F) -> str:
    """Deprecated: CLEARANCE(crcl)."""
    return CLEARANCE(crcl)


def show_dose(mg: F) -> str:
    """Deprecated: DOSE(mg)."""
    return DOSE(mg)


def dose_for(crcl: F) -> F | None:
    """The label's dose in mg for a Cockcroft–Gault clearance, or None below 30 mL/min."""
    if crcl > FULL_DOSE_ABOVE:
        return FULL_DOSE
    for low, dose in DOSE_BANDS:
        if crcl >= low:
            return dose
    return None
