"""A yes/no input is declared by one helper, records.yes_no, so "unknown" and "not given" mean the same in
every calculator (a second helper once made an optional answer required, or "no" by default)."""

import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "mmguide"


def test_only_records_yes_no_declares_a_yes_no_input():
    offenders = []
    for path in sorted(SRC.rglob("*.py")):
        if path.name == "records.py":
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"kind\s*=\s*[\"']boolean[\"']", line):
                offenders.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert not offenders, "declare yes/no inputs with records.yes_no:\n" + "\n".join(offenders)


def test_an_unknown_capable_yes_no_input_is_optional_and_never_no_by_default():
    from mmguide.records import yes_no

    i = yes_no("x", "X", "X", required=True, default=False, unknown=True)
    assert (i.required, i.default, i.unknown) == (False, None, True)
    assert i.parse(None) is None and i.parse("unknown") is None and i.parse("no") is False
