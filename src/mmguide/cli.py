"""Command line: ``mmguide list`` and ``mmguide compute ID name=value ... [--json]``."""

from __future__ import annotations

import argparse
import json
import sys

from . import calculators, compute
from .errors import MMGuideError


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="mmguide", description="Multiple myeloma clinical calculators.")
    sub = p.add_subparsers(dest="command", required=True)
    sub.add_parser("list", help="list the calculators")
    c = sub.add_parser("compute", help="run one calculator")
    c.add_argument("id", help="calculator id (see 'mmguide list')")
    c.add_argument("inputs", nargs="*", metavar="name=value",
                   help="inputs, e.g. age=80 weight=72kg creatinine=1.0mg/dL sex=male")
    c.add_argument("--json", action="store_true", help="print the result as JSON")
    c.add_argument("--lang", choices=("en", "zh"), default="en", help="language of the explanation")
    c.add_argument("--note", action="store_true",
                   help="print a plain-text summary for a clinical note (in --lang)")
    c.add_argument("--url", default=None, help="with --note: the page the note refers to")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "list":
        for calc in calculators():
            print(f"{calc.id:<30} {calc.title['en']}")
        return 0
    inputs = {}
    for item in args.inputs:
        name, sep, value = item.partition("=")
        if not sep or not name:
            print(f"mmguide: expected name=value, got {item!r}", file=sys.stderr)
            return 2
        inputs[name.strip()] = value.strip()
    try:
        result = compute(args.id, **inputs)
    except MMGuideError as e:
        print(f"mmguide: {e}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
        return 0
    if args.note:
        from .presentation import note

        sys.stdout.write(note(result, args.lang, args.url))
        return 0
    line = []
    if isinstance(result.value, list):  # myeloma-defining-events: the events met
        line.append(", ".join(result.value) or "none")
    elif result.value is not None:
        line.append(f"{result.value:g} {result.unit or ''}".strip())
    if result.category is not None:
        line.append(f"[{result.category}]")
    print(" ".join(line))
    print(result.explanation[args.lang])
    print("References: " + ", ".join(result.references))
    return 0
