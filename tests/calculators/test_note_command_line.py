"""``mmguide compute … --note`` prints the package's note (mmguide.note), run as a user would."""

import subprocess
import sys

from mmguide import compute, note

URL = "https://example.org/en/docs/calculators/zoledronic-acid-dose.html"


def za_from_creatinine():
    return compute("zoledronic-acid-dose", age=80, weight="72 kg", creatinine="1.5 mg/dL", sex="male")


def test_the_command_line_note_is_the_package_note():
    args = ["age=80", "weight=72kg", "creatinine=1.5mg/dL", "sex=male"]
    out = subprocess.run([sys.executable, "-m", "mmguide", "compute", "zoledronic-acid-dose", *args, "--note",
                          "--lang", "zh", "--url", URL], capture_output=True, text=True, check=True).stdout
    assert out == note(za_from_creatinine(), "zh", URL)
