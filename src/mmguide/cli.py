"""Command line: ``mmguide list`` and ``mmguide compute ID name=value ... [--json] [--lang zh]``.

Options may stand anywhere after ``compute``; an input given twice is refused.
"""

from __future__ import annotations

import argparse
import json
import sys

from . import calculators, compute
from .errors import InputError, MMGuideError


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


def _options_last(argv: list[str]) -> list[str]:
    """--json and --lang may stand anywhere on the line (before, between or after the inputs):
    move them to the end, where argparse expects them after the inputs."""
    rest, options = [], []
    i = 0
    while i < len(argv):
        tok = argv[i]
        if tok == "--json" or tok.startswith("--lang="):
            options.append(tok)
        elif tok == "--lang" and i + 1 < len(argv):
            options += [tok, argv[i + 1]]
            i += 1
        else:
            rest.append(tok)
        i += 1
    return rest + options


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(_options_last(sys.argv[1:] if argv is None else list(argv)))
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
        name = name.strip()
        if name in inputs:
            # "crcl=80 crcl=20" must not quietly become 20
            print(f"mmguide: {name} is given more than once ({inputs[name]!r} and {value.strip()!r}); give it once",
                  file=sys.stderr)
            return 2
        inputs[name] = value.strip()
    try:
        result = compute(args.id, **inputs)
    except InputError as e:
        from .presentation import widen

        print(f"mmguide: {e if args.lang == 'en' else widen(e.text[args.lang])}", file=sys.stderr)
        return 2
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
    from .presentation import answer_lines, headline_text, view, widen

    # the same view as the page and the note: its headline ("3.3 mg (Reduced dose)", "3.3 mg（减量）"; never a
    # category's code, never a number rounded onto a limit) and its lines, in the same words and numbers
    shown = view(result, args.lang)
    lines = [headline_text(shown, args.lang)] + answer_lines(shown, args.lang)
    for line in lines:
        if line:
            print(widen(line) if args.lang == "zh" else line)
    heading = "参考文献：" if args.lang == "zh" else "References: "
    print(heading + ", ".join(result.references))
    return 0
