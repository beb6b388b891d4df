"""Command line: ``mmguide list``, ``mmguide inputs ID [--lang zh]`` (what a calculator asks for) and
``mmguide compute ID name=value ... [--json] [--lang zh]``.

Options may stand anywhere after ``compute``; an input given twice is refused.
"""

from __future__ import annotations

import argparse
import json
import sys

from . import calculator, calculators, compute
from .errors import InputError, MMGuideError


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="mmguide", description="Multiple myeloma clinical calculators.")
    sub = p.add_subparsers(dest="command", required=True)
    sub.add_parser("list", help="list the calculators")
    i = sub.add_parser("inputs", help="list what one calculator asks for: each input's name, values and units")
    i.add_argument("id", help="calculator id (see 'mmguide list')")
    i.add_argument("--lang", choices=("en", "zh"), default="en", help="language of the labels")
    c = sub.add_parser("compute", help="run one calculator",
                       epilog="The inputs of a calculator, with their values and units: mmguide inputs ID")
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
    if args.command == "inputs":
        return _inputs(args.id, args.lang)
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


def _inputs(calc_id: str, lang: str) -> int:
    """Each input of the calculator as ``compute`` takes it: its name, whether it is required, the
    values or units it accepts (with the plausible range) and its label in *lang*; then a command
    line made from the calculator's first worked example."""
    import shlex

    try:
        calc = calculator(calc_id)
    except MMGuideError as e:
        print(f"mmguide: {e}", file=sys.stderr)
        return 2
    from .presentation import widen

    zh = lang == "zh"
    out = [f"{calc.id}: {calc.title[lang]}"]
    width = max(len(spec.name) for spec in calc.inputs)
    for spec in calc.inputs:
        out.append(f"  {spec.name:<{width}}  {_need(spec, zh)}  {spec.plausible_range()}  {spec.label[lang]}")
    if not all(spec.required for spec in calc.inputs):
        out.append("标为“如已知”的输入未填写时视为不详，绝不当作“否”：它影响结论时，结果会要求补充。" if zh else
                   "An input marked 'if known' and left out is unknown, never no: where it changes the answer, "
                   "the result asks for it.")
    if calc.examples:
        given = calc.examples[0].get("inputs", {})
        out.append(("示例：" if zh else "Example: ") + " ".join(
            ["mmguide compute", calc.id] + [shlex.quote(f"{k}={_typed(v)}") for k, v in given.items()]))
    for line in out:
        print(widen(line) if zh else line)
    return 0


def _need(spec, zh: bool) -> str:
    """Whether an input must be given: required, or if known (left out, it is unknown: no input has a
    default, HZ-71)."""
    word = ("必填" if zh else "required") if spec.required else ("如已知" if zh else "if known")
    return f"{word:<{6 if zh else 11}}"


def _typed(value) -> str:
    """A worked example's value as it is typed on the command line (a yes/no answer as yes or no)."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)
