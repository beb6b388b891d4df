"""What each test file cost in a run, for ``COST`` in tests/conftest.py (the order in which pytest-xdist
workers take whole files: costliest first).

    make test PYTEST_ARGS="--junitxml=_build/junit.xml"
    .venv/bin/python tools/test_costs.py _build/junit.xml [--min 5]

Prints one ``"file": seconds`` line per file costing at least --min seconds (setup, call and teardown
of its tests, as JUnit XML records them), costliest first. The site build is part of the setup of
the first site test: subtract it (``BUILD_COST``) from that file's figure.
"""

from __future__ import annotations

import argparse
import collections
import pathlib
import sys
import xml.etree.ElementTree as ET


def costs(junit: pathlib.Path) -> dict[str, float]:
    """Seconds per test file (relative to tests/), from a JUnit XML report, costliest first."""
    total: collections.Counter[str] = collections.Counter()
    for case in ET.parse(junit).getroot().iter("testcase"):
        module = case.get("classname", "")
        parts = module.split(".")
        # classname is "tests.calculators.test_x" or "tests.test_x.TestClass": keep up to the test_ module
        upto = next((i for i, p in enumerate(parts) if p.startswith("test_")), len(parts) - 1)
        name = "/".join(parts[1:upto + 1] if parts[0] == "tests" else parts[:upto + 1]) + ".py"
        total[name] += float(case.get("time", "0") or 0)
    return dict(total.most_common())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("junit", type=pathlib.Path)
    ap.add_argument("--min", type=float, default=5.0, help="leave out files cheaper than this (seconds)")
    a = ap.parse_args(argv)
    for name, seconds in costs(a.junit).items():
        if seconds >= a.min:
            print(f'    "{name}": {round(seconds)},')
    return 0


if __name__ == "__main__":
    sys.exit(main())
