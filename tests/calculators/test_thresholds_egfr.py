"""CKD-EPI 2021: the eGFR is shown as a whole number, as laboratories report it (fact sheet §11C:
1.2 mg/dL, 55 years, male is 71.4178 and rounds to 71, the kidney.org example)."""

import pytest

from mmguide import compute


@pytest.mark.parametrize("scr, age, sex, shown", [
    ("1.2 mg/dL", 55, "male", "71"), ("0.9 mg/dL", 55, "female", "75"), ("1.0 mg/dL", 50, "male", "92"),
])
def test_egfr_is_shown_as_a_whole_number(scr, age, sex, shown):
    en = compute("egfr-ckd-epi-2021", age=age, creatinine=scr, sex=sex).explanation["en"]
    assert en.startswith(f"Estimated GFR (CKD-EPI 2021, race-free) is {shown} mL/min/1.73 m², ")
