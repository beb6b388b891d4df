"""The in-page runtime gives what CPython gives: every case run under both, compared as JSON.

usage: .venv/bin/python tests/micropython/equality.py [--patch FILE] [--src DIR] [--n N] [--seed S]
                                                      [--show K] [--json FILE]

Cases: every worked example (src/mmguide/data/examples/*.json), every patient of every flowchart
path (mmguide.flowcharts.paths), N generated inputs from a fixed seed (valid values in every
accepted unit on both sides of the plausible range, yes/no/unknown, choices, missing inputs) and
the bad-input cases below. Each case is run by CPython (this interpreter) and by MicroPython's
WebAssembly build in Node (tests/micropython/run.mjs), on the same sources: src/mmguide, or a
copy of it with --patch applied (the proposed core changes). Outcomes are the result's
``as_dict()`` or the error's type, message and field; they are compared after a JSON round trip
(floats compare by value, so they must be the same double). Prints "N passed, N failed" last and
exits 1 on any difference.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import random
import shutil
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]

BAD_VALUES = [
    "", " ", "abc", "1,5", "1.2.3", "--1", "1e", "e5", ".", "+", "nan", "NaN", "inf", "-Infinity", "1e400", "1e-400", "1e999999", "9" * 5000,
    "0", "-0", "-5", "1e-400", "0x10", "1_000", "１２", "１．５ mg/dL", "1.5\u00a0mg/dL", "1.5\u3000mg/dL",
    "1.5 MG/DL", "1.5 ㎎/㎗", "88 μmol/L", "88 umol/l", "88 µmol/L", "88 ΜMOL/L", "3 g/dL", "3 furlongs",
    "70 kg kg", "1.5 mg / dL", "\t2\n", "\u200b2", "٣", "1/2", "½", "1.0 mg/dL;DROP", "x" * 200,
    True, False, None, [], {}, 1e308, -1e308, 0.1, 2.675, 88.4, 10**30, -(10**30),
    "yes", "no", "unknown", "?", "Yes", "TRUE", "female", "F", "male ", "other",
]


def _sample_number(rng: random.Random, low: float, high: float) -> str:
    """A decimal string near or inside [low, high], sometimes exactly on an edge."""
    pick = rng.random()
    if pick < 0.15:
        x = low
    elif pick < 0.3:
        x = high
    elif pick < 0.4:
        x = low - (high - low) * rng.random() * 0.2
    elif pick < 0.5:
        x = high + (high - low) * rng.random() * 0.2
    else:
        x = low + (high - low) * rng.random()
    places = rng.choice([0, 0, 1, 1, 2, 3])
    return f"{x:.{places}f}"


def generated_cases(mmguide, n: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    calcs = mmguide.calculators()
    cases = []
    for i in range(n):
        calc = calcs[i % len(calcs)]
        inputs = {}
        for spec in calc.inputs:
            if rng.random() < 0.05:
                continue  # missing: required ones must be asked for
            if rng.random() < 0.02:
                inputs[spec.name] = rng.choice(BAD_VALUES)
                continue
            d = spec.as_dict()
            if spec.kind == "quantity":
                u = rng.choice(d["units"])
                text = _sample_number(rng, u["low"], u["high"])
                inputs[spec.name] = f"{text} {u['symbol']}".strip() if rng.random() < 0.8 else text
            elif spec.kind == "boolean":
                inputs[spec.name] = rng.choice([True, False, "yes", "no"] + (["unknown"] if spec.unknown else []))
            elif spec.kind == "sex":
                inputs[spec.name] = rng.choice(["female", "male"])
            elif spec.kind == "integer":
                inputs[spec.name] = rng.randint(spec.low - 1, spec.high + 1)
            elif spec.kind == "choice":
                inputs[spec.name] = rng.choice(list(spec.choices))
        cases.append({"calculator": calc.id, "inputs": inputs, "source": f"generated[{i}]"})
    return cases


def all_cases(mmguide, n: int, seed: int) -> list[dict]:
    from mmguide import flowcharts

    cases = []
    examples = pathlib.Path(mmguide.__file__).parent / "data" / "examples"
    for f in sorted(examples.glob("*.json")):
        data = json.loads(f.read_text(encoding="utf-8"))
        for i, row in enumerate(data["rows"]):
            cases.append({"calculator": data.get("calculator") or f.stem, "inputs": row["inputs"],
                          "source": f"examples/{f.name}[{i}]"})
    for fid in flowcharts.FLOWCHARTS:
        for p in flowcharts.paths(fid):
            for j, patient in enumerate(p.patients if hasattr(p, "patients") else [p.inputs, *p.variants]):
                cases.append({"calculator": p.flowchart, "inputs": patient,
                              "source": f"path {fid}:{p.outcome}:{'/'.join(p.nodes)}[{j}]"})
    cases += generated_cases(mmguide, n, seed)
    for calc in mmguide.calculators():
        for spec in calc.inputs:
            for bad in BAD_VALUES:
                base = next((dict(r["inputs"]) for r in calc.examples), {})
                base[spec.name] = bad
                cases.append({"calculator": calc.id, "inputs": base, "source": f"bad {calc.id}.{spec.name}={bad!r}"})
        cases.append({"calculator": calc.id, "inputs": {"nope": 1}, "source": f"bad {calc.id}: unknown input"})
    cases.append({"calculator": "no-such-calculator", "inputs": {}, "source": "bad: unknown calculator"})
    # JSON is how a page sends inputs: drop what JSON cannot carry as it is (big ints stay)
    cases = [c for c in cases if _json_safe(c["inputs"])]
    # Each case once more as the page runs it (respond(): the view and the note as well), in the
    # two editions' languages in turn.
    # Bad inputs and flowchart patients: one in four and one in three (every kind of message and
    # every outcome is met many times over; compute() is compared on all of them above).
    page = [c for i, c in enumerate(cases) if not c["source"].startswith(("bad", "path")) or i % 4 == 0
            or (c["source"].startswith("path") and i % 3 == 0)]
    return cases + [dict(c, lang=("en", "zh")[i % 2], source="page " + c["source"]) for i, c in enumerate(page)]


def _json_safe(inputs) -> bool:
    """JSON, as a page's script carries it: integers beyond 2**53 would arrive as floats."""
    if any(isinstance(v, int) and abs(v) > 2 ** 53 for v in inputs.values()):
        return False
    try:
        return json.loads(json.dumps(inputs)) == inputs
    except (TypeError, ValueError):
        return False


def cpython_outcomes(mmguide, cases: list[dict]) -> list[dict]:
    """Each case's outcome under CPython (this interpreter, the package under test), after the
    JSON round trip MicroPython's outcomes make."""
    from mmguide.errors import MMGuideError

    def outcome(case):
        if "lang" in case:  # what the page shows: respond(), the in-page form's entry point
            try:
                return {"page": json.loads(mmguide.presentation.respond(
                    case["calculator"], case["inputs"], case["lang"], "https://example.org/p.html",
                    "2026-12-01"))}
            except Exception as e:
                return {"crash": type(e).__name__ + ": " + str(e)}
        try:
            return {"result": mmguide.compute(case["calculator"], **case["inputs"]).as_dict()}
        except MMGuideError as e:
            return {"error": {"type": type(e).__name__, "message": str(e), "field": getattr(e, "field", None)}}
        except Exception as e:
            return {"crash": type(e).__name__ + ": " + str(e)}

    return json.loads(json.dumps([outcome(c) for c in cases], ensure_ascii=False))


def prepare_source(patch: pathlib.Path | None, src: pathlib.Path | None, work: pathlib.Path) -> pathlib.Path:
    """The package directory to test: src/mmguide, --src, or a copy with --patch applied."""
    if patch is None:
        return src or ROOT / "src" / "mmguide"
    tree = work / "tree"
    for part in ("src", "tests"):  # the patch changes the package and the tests that pin its behaviour
        shutil.copytree(ROOT / part, tree / part, ignore=shutil.ignore_patterns("__pycache__"))
    subprocess.run(["patch", "-s", "-p1", "-d", str(tree), "-i", str(patch.resolve())], check=True)
    return tree / "src" / "mmguide"


def _differences(c, m, where="") -> list[tuple[str, object, object]]:
    """Where two outcomes differ: (path, CPython's, MicroPython's), leaves first."""
    if isinstance(c, dict) and isinstance(m, dict) and c.keys() == m.keys():
        return [d for k in c for d in _differences(c[k], m[k], f"{where}.{k}")]
    if isinstance(c, list) and isinstance(m, list) and len(c) == len(m):
        return [d for i, (x, y) in enumerate(zip(c, m)) for d in _differences(x, y, f"{where}[{i}]")]
    return [] if c == m else [(where or ".", c, m)]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--patch", type=pathlib.Path)
    ap.add_argument("--src", type=pathlib.Path)
    ap.add_argument("--n", type=int, default=3000, help="generated inputs (default 3000)")
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--show", type=int, default=10, help="differences to print")
    ap.add_argument("--json", type=pathlib.Path, help="write every difference here")
    a = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="mmguide-mp-") as tmp:
        work = pathlib.Path(tmp)
        pkg = prepare_source(a.patch, a.src, work)
        # Build the cases with the package under test (its records and paths).
        sys.path.insert(0, str(pkg.parent))
        for m in [m for m in sys.modules if m == "mmguide" or m.startswith("mmguide.")]:
            del sys.modules[m]
        import mmguide

        cases = all_cases(mmguide, a.n, a.seed)
        (work / "cases.json").write_text(json.dumps(cases, ensure_ascii=False), encoding="utf-8")
        # MicroPython gets the bundle a page gets, made by the book's own function from the same sources
        sys.path.insert(0, str(ROOT / "sphinxext"))
        from mmguide_book.runtime import bundle_bytes

        (work / "bundle.json.gz").write_bytes(bundle_bytes(pkg))
        # CPython's half runs here while Node runs MicroPython's
        mp = subprocess.Popen(["node", str(ROOT / "tests" / "micropython" / "run.mjs"), "--bundle", str(work / "bundle.json.gz"),
                               "--cases", str(work / "cases.json"), "--out", str(work / "micropython.json")],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        cp = cpython_outcomes(mmguide, cases)
        mp_err = mp.communicate()[1]
        sys.stderr.write(mp_err[-3000:])
        if mp.returncode != 0:
            print(f"MicroPython could not run the package ({pkg}):")
            print(f"0 passed, {len(cases)} failed")
            return 1
        mpo = json.loads((work / "micropython.json").read_text(encoding="utf-8"))
    diffs = []
    kinds: dict[str, int] = {}
    crashes = []
    for case, c, m in zip(cases, cp, mpo):
        m.pop("at", None)  # where MicroPython crashed: shown, not compared
        if "crash" in c:
            crashes.append((case, c))
        if c != m:
            diffs.append({"case": case, "cpython": c, "micropython": m})
            kind = case["source"].split(" ")[0].split("[")[0].split(":")[0]
            kinds[kind] = kinds.get(kind, 0) + 1
    by_kind = {}
    for case in cases:
        kind = case["source"].split(" ")[0].split("[")[0].split(":")[0]
        by_kind[kind] = by_kind.get(kind, 0) + 1
    for d in diffs[: a.show]:
        print(d["case"]["source"], json.dumps(d["case"]["inputs"], ensure_ascii=False)[:200])
        for where, c, m in _differences(d["cpython"], d["micropython"])[:3]:
            print(f"  {where}: CPython {json.dumps(c, ensure_ascii=False)[:300]}")
            print(f"  {' ' * len(where)}  MicroPython {json.dumps(m, ensure_ascii=False)[:300]}")
    if a.json:
        a.json.write_text(json.dumps(diffs, ensure_ascii=False, indent=1), encoding="utf-8")
    for case, c in crashes:
        print(f"defect (not a difference): CPython crashes on {case['source']}: {c['crash']}")
    for kind, total in by_kind.items():
        print(f"{kind}: {total - kinds.get(kind, 0)} of {total} equal")
    print(f"{len(cases) - len(diffs)} passed, {len(diffs)} failed")
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
