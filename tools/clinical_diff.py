"""What a change does for patients: the clinical diff between a git revision and the working tree.

    python tools/clinical_diff.py                  # BASE = merge base of HEAD with main
    python tools/clinical_diff.py --base HEAD~1    # any revision
    python tools/clinical_diff.py --base v0.1.0 --head v0.2.0   # between two revisions
    make clinical-diff BASE=HEAD~1

It writes ``_build/clinical-diff/report.md`` and ``report.html`` and prints the summary:

- recommendations added, removed, or with a changed statement, strength, certainty or grading;
- calculator records: every threshold (a module constant), band, dose, input range, formula
  and reference that changed, old -> new, with the module constant or record field it lives in
  and the record's reference keys;
- every published worked example, flowchart path and property sample (fixed seed, plus probes
  either side of every numeric constant) whose result changed: inputs, old result, new result;
- guide and tutorial sentences whose numbers changed (a reworded sentence with the same
  numbers is editorial and is not reported).

Nothing is stored: both revisions' packages are run side by side. The base revision's tree is
exported with ``git archive`` into a temporary directory (no worktree is registered, so an
interrupted run leaves nothing behind in the repository), and each revision's package is loaded
in its own ``python -I -S`` subprocess whose only package path is that revision's ``src``. The
subprocess uses public entry points (``mmguide.calculators()``, ``compute()``, the records'
``as_dict()``, and ``mmguide.flowcharts.paths()`` or ``mmguide.decision.paths()`` where they
exist), so a change of the package's layout between the revisions does not stop the report. The one
exception, the constants of the calculator modules, finds those modules in either folder they have lived
in (``mmguide/clinical/``, formerly ``mmguide/calculators/``) and names them by the current one.
"""

from __future__ import annotations

import argparse
import difflib
import html
import io
import json
import os
import pathlib
import random
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
REPO = ROOT  # the repository compared (--repo): this one unless told otherwise
SEED = 20261201
SAMPLES_PER_CALCULATOR = 60
TEXT_DIRS = ("docs", "notebooks")
SKIP_PARTS = {"locales", "_build", "_static", "_templates"}


# ------------------------------------------------------------------------------------------
# Run inside the subprocess: standard library only, the revision's package on sys.path.
# ------------------------------------------------------------------------------------------

def _jsonable(x):
    from fractions import Fraction

    if isinstance(x, Fraction):
        return float(x)
    if isinstance(x, dict):
        return {str(k): _jsonable(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [_jsonable(v) for v in x]
    if isinstance(x, (set, frozenset)):
        return sorted((_jsonable(v) for v in x), key=str)
    if x is None or isinstance(x, (bool, int, float, str)):
        return x
    return str(x)


def _constants(module) -> dict:
    """A calculator module's named constants: upper-case names holding numbers, texts or tuples of them."""
    from fractions import Fraction

    def plain(v, depth=0):
        if isinstance(v, (bool, int, float, Fraction, str)):
            return True
        if isinstance(v, (tuple, list)) and depth < 3:
            return all(plain(i, depth + 1) for i in v)
        return False

    out = {}
    for name, value in vars(module).items():
        if name.isupper() and name not in ("ID", "REFERENCES") and plain(value):
            out[name] = _jsonable(value)
    return out


def _flowchart_paths(mm) -> dict:
    """Every flowchart path with its example patients, through whichever public module has them."""
    import importlib

    for modname in ("mmguide.flowcharts", "mmguide.decision"):
        try:
            mod = importlib.import_module(modname)
        except Exception:  # noqa: BLE001 - a revision without this module
            continue
        paths = getattr(mod, "paths", None)
        if not callable(paths):
            continue
        ids = list(getattr(mod, "FLOWCHARTS", {}) or [c.id for c in mm.calculators()])
        out = {}
        for fc_id in ids:
            try:
                found = paths(fc_id)
            except Exception:  # noqa: BLE001 - not a flowchart in this revision
                continue
            calc = fc_id
            graph = getattr(mod, "flowchart", None)
            if callable(graph):
                try:
                    calc = graph(fc_id).calculator
                except Exception:  # noqa: BLE001
                    pass
            out[fc_id] = [{
                "calculator": calc, "nodes": list(p.nodes), "outcome": p.outcome,
                "expected": _jsonable(p.expected),
                "states": [_jsonable(s) for s in [p.inputs, *p.variants]],
            } for p in found]
        return {"module": modname, "flowcharts": out}
    return {"module": None, "flowcharts": {}}


def _words_to_numbers(x):
    """Texts ({"en", "zh"}) reduced to their numbers: a reworded explanation is not a clinical change."""
    if isinstance(x, dict):
        if set(x) >= {"en", "zh"} and all(isinstance(v, str) for v in x.values()):
            return {"numbers": numbers_in(x["en"])}
        return {k: _words_to_numbers(v) for k, v in x.items()}
    if isinstance(x, list):
        return [_words_to_numbers(v) for v in x]
    return x


def _outcome(mm, case: dict) -> dict:
    try:
        result = mm.compute(case["calculator"], **case["inputs"])
    except Exception as exc:  # noqa: BLE001 - an error is an outcome too (InputError, unknown calculator)
        return {"error": type(exc).__name__}
    d = result.as_dict()
    return _words_to_numbers({k: d.get(k) for k in ("value", "unit", "category", "recommendations", "details")})


# The calculator modules' package: ``mmguide.clinical`` now; ``mmguide.calculators`` before it was renamed
# (then a subpackage beside the function of the same name). Modules are reported under the current name, so
# the rename itself is no clinical change.
CALCULATOR_PACKAGE = "mmguide.clinical"
CALCULATOR_PACKAGES = (CALCULATOR_PACKAGE, "mmguide.calculators")


def _calculator_package():
    """The revision's package of calculator modules, in whichever folder the revision keeps it."""
    import importlib

    for name in CALCULATOR_PACKAGES:
        try:
            pkg = importlib.import_module(name)
        except ImportError:
            continue
        if hasattr(pkg, "__path__"):
            return pkg
    raise SystemExit(f"no package of calculator modules found (looked for {', '.join(CALCULATOR_PACKAGES)})")


def dump(src: str, mode: str, cases_file: str | None) -> None:
    import importlib
    import pkgutil

    sys.path.insert(0, src)
    import mmguide as mm

    if mode == "records":
        pkg = _calculator_package()

        def named(module_name):
            """A calculator module under its current name, whichever folder this revision keeps it in."""
            prefix = pkg.__name__ + "."
            return CALCULATOR_PACKAGE + module_name[len(pkg.__name__):] if module_name.startswith(prefix) \
                else module_name

        calcs = {}
        for c in mm.calculators():
            d = _jsonable(c.as_dict())
            module = sys.modules.get(getattr(c.function, "__module__", ""), None)
            d["constants"] = _constants(module) if module else {}
            d["module"] = named(module.__name__) if module else None
            calcs[c.id] = d
        # constants of calculator modules without a record of their own (shared tables)
        shared = {}
        # a constant a record's module shows under the same name with the same value is listed there once (a
        # calculator split into modules, or a shared table it re-exports); a change to it shows in that row
        covered = {(k, json.dumps(v, sort_keys=True)) for d in calcs.values() for k, v in d["constants"].items()}
        for info in pkgutil.iter_modules(pkg.__path__):
            mod = importlib.import_module(f"{pkg.__name__}.{info.name}")
            if not any(d.get("module") == named(mod.__name__) for d in calcs.values()):
                shared[named(mod.__name__)] = {k: v for k, v in _constants(mod).items()
                                               if (k, json.dumps(v, sort_keys=True)) not in covered}
        out = {"version": getattr(mm, "__version__", None), "calculators": calcs, "shared_constants": shared,
               "flowcharts": _flowchart_paths(mm)}
    else:
        cases = json.loads(pathlib.Path(cases_file).read_text(encoding="utf-8"))
        out = [_outcome(mm, case) for case in cases]
    sys.stdout.write(json.dumps(out, ensure_ascii=False, sort_keys=True))


# ------------------------------------------------------------------------------------------
# The driver
# ------------------------------------------------------------------------------------------

NUMBER_RE = re.compile(r"(?<![\w.])[-−]?\d+(?:[.,·]\d+)*(?:\s?%)?")
ROLE_RE = re.compile(r"\{[\w:-]+\}`[^`]*`")
REC_ID_RE = re.compile(r"\b[A-Z]{2,4}-\d{1,2}\b")
LINK_RE = re.compile(r"\]\([^)]*\)|\(\s*[\w-]+\s*\)=")


def numbers_in(text: str) -> list[str]:
    """The numbers a reader reads in a sentence (not citation keys, roles, link targets or IDs)."""
    text = ROLE_RE.sub(" ", text)
    text = LINK_RE.sub(" ", text)
    text = REC_ID_RE.sub(" ", text)
    return [n.replace(" ", "").replace("−", "-") for n in NUMBER_RE.findall(text)]


def git(*args, binary=False):
    proc = subprocess.run(["git", *args], cwd=REPO, capture_output=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"git {' '.join(args)} failed: {proc.stderr.decode(errors='replace').strip()}")
    return proc.stdout if binary else proc.stdout.decode().strip()


def default_base() -> str:
    for ref in ("main", "origin/main"):
        proc = subprocess.run(["git", "merge-base", "HEAD", ref], cwd=REPO, capture_output=True, text=True)
        if proc.returncode == 0 and proc.stdout.strip():
            return proc.stdout.strip()
    raise SystemExit("no branch 'main' or 'origin/main' to take the merge base with: give --base")


def export(rev: str, into: pathlib.Path) -> pathlib.Path:
    """The revision's tree (src, docs, notebooks) in a directory of its own."""
    data = git("archive", "--format=tar", rev, binary=True)
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        members = [m for m in tar.getmembers() if m.name.split("/")[0] in ("src", *TEXT_DIRS)]
        if hasattr(tarfile, "data_filter"):  # Python >= 3.11.4
            tar.extractall(into, members=members, filter="data")
        else:  # pragma: no cover
            tar.extractall(into, members=members)
    return into


def run_side(tree: pathlib.Path, mode: str, cases: pathlib.Path | None = None):
    cmd = [sys.executable, "-I", "-S", str(pathlib.Path(__file__).resolve()), "--dump", str(tree / "src"), mode]
    if cases:
        cmd.append(str(cases))
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=tree, timeout=600,
                          env={"PATH": os.environ.get("PATH", ""), "PYTHONHASHSEED": "0", "LANG": "C.UTF-8"})
    if proc.returncode != 0:
        raise SystemExit(f"loading the package of {tree} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout)


# --- recommendations ------------------------------------------------------------------------

REC_RE = re.compile(r"^```\{recommendation\}[ \t]+(?P<id>\S+)[ \t]*\n(?P<body>.*?)^```[ \t]*$", re.M | re.S)
REC_FIELDS = ("statement", "strength", "certainty", "grading", "source", "cite", "reviewed", "changed")
CLINICAL_REC_FIELDS = ("statement", "strength", "certainty")
FRONT_MATTER_RE = re.compile(r"\A---\n.*?\n---\n", re.S)  # notebook metadata (jupytext version …), not prose


def text_files(tree: pathlib.Path):
    for d in TEXT_DIRS:
        base = tree / d
        if not base.is_dir():
            continue
        for p in sorted(base.rglob("*.md")):
            if not SKIP_PARTS & set(p.relative_to(tree).parts):
                yield p.relative_to(tree).as_posix(), FRONT_MATTER_RE.sub("", p.read_text(encoding="utf-8"), count=1)


def recommendations(tree: pathlib.Path) -> dict:
    out = {}
    for rel, text in text_files(tree):
        for m in REC_RE.finditer(text):
            opts = dict(re.findall(r"^:(\w+):[ \t]*(.*)$", m.group("body"), re.M))
            out[m.group("id")] = {"page": rel, **{k: opts.get(k, "").strip() for k in REC_FIELDS}}
    return out


def diff_recommendations(old: dict, new: dict) -> list[dict]:
    rows = []
    for rid in sorted(set(old) | set(new)):
        if rid not in old:
            rows.append({"id": rid, "change": "added", "field": "statement", "old": "", "new": new[rid]["statement"]})
        elif rid not in new:
            rows.append({"id": rid, "change": "removed", "field": "statement", "old": old[rid]["statement"], "new": ""})
        else:
            for f in REC_FIELDS:
                if old[rid][f] != new[rid][f]:
                    rows.append({"id": rid, "change": "changed", "field": f, "old": old[rid][f], "new": new[rid][f],
                                 "clinical": f in CLINICAL_REC_FIELDS})
    return rows


# --- calculator records --------------------------------------------------------------------

# Record fields whose every change is clinical; texts elsewhere count only when a number changes.
CLINICAL_KEYS = ("bands", "formula", "equation", "inputs", "output", "references", "recommendations", "constants")
TEXT_KEYS = {"label", "help", "title", "purpose", "when_to_use", "meaning_text", "decisions"}


def flatten(x, prefix=""):
    if isinstance(x, dict):
        for k, v in x.items():
            yield from flatten(v, f"{prefix}.{k}" if prefix else str(k))
    elif isinstance(x, list):
        for i, v in enumerate(x):
            yield from flatten(v, f"{prefix}[{i}]")
    else:
        yield prefix, x


def _is_text_path(path: str) -> bool:
    parts = set(re.split(r"[.\[\]]+", path))
    return bool(parts & TEXT_KEYS) or path.endswith(".zh")


def diff_records(old: dict, new: dict) -> list[dict]:
    rows = []
    for cid in sorted(set(old["calculators"]) | set(new["calculators"])):
        o, n = old["calculators"].get(cid), new["calculators"].get(cid)
        refs = ", ".join((n or o).get("references", []))
        if o is None or n is None:
            rows.append({"calculator": cid, "field": "(calculator)", "old": "absent" if o is None else "present",
                         "new": "absent" if n is None else "present", "source": refs})
            continue
        module = n.get("module") or o.get("module") or cid
        o = {k: v for k, v in o.items() if k not in ("examples", "module")}
        n = {k: v for k, v in n.items() if k not in ("examples", "module")}
        fo, fn = dict(flatten(o)), dict(flatten(n))
        for path in sorted(set(fo) | set(fn)):
            a, b = fo.get(path), fn.get(path)
            if a == b:
                continue
            if path.endswith(".zh"):
                continue  # the Chinese twin of an English text: reported through the English
            if _is_text_path(path) and isinstance(a, str) and isinstance(b, str) and numbers_in(a) == numbers_in(b):
                continue  # reworded, same numbers: editorial
            if not path.split(".")[0].split("[")[0] in CLINICAL_KEYS and not _is_text_path(path):
                if isinstance(a, str) and isinstance(b, str) and numbers_in(a) == numbers_in(b):
                    continue
            where = f"{module}.{path[len('constants.'):]}" if path.startswith("constants.") else f"record: {path}"
            rows.append({"calculator": cid, "field": where, "old": a, "new": b, "source": refs})
    so, sn = old.get("shared_constants", {}), new.get("shared_constants", {})
    for mod in sorted(set(so) | set(sn)):
        fo, fn = dict(flatten(so.get(mod, {}))), dict(flatten(sn.get(mod, {})))
        for path in sorted(set(fo) | set(fn)):
            if fo.get(path) != fn.get(path):
                rows.append({"calculator": mod, "field": f"{mod}.{path}", "old": fo.get(path), "new": fn.get(path),
                             "source": mod})
    return rows


# --- cases run on both sides -----------------------------------------------------------------

# A calculator that needs a creatinine clearance takes either the clearance or the four inputs it is
# computed from (Cockcroft–Gault); a patient given both at random would only meet the disagreement
# error, so each sample takes one of the two.
CLEARANCE, CLEARANCE_FROM = "crcl", ("age", "weight", "creatinine", "sex")


def _sample_inputs(rng: random.Random, inputs: list[dict], probe: tuple[str, float] | None = None) -> dict:
    out = {}
    names = {spec["name"] for spec in inputs}
    skip: set[str] = set()
    if CLEARANCE in names and set(CLEARANCE_FROM) <= names:
        if probe and probe[0] == CLEARANCE or (not (probe and probe[0] in CLEARANCE_FROM) and rng.random() < 0.5):
            skip = set(CLEARANCE_FROM)
        else:
            skip = {CLEARANCE}
    for spec in inputs:
        name, kind = spec["name"], spec["kind"]
        if name in skip:
            continue
        chosen = name == CLEARANCE or name in CLEARANCE_FROM or (probe is not None and probe[0] == name)
        if not spec.get("required", True) and not chosen and rng.random() < 0.3:
            continue
        if kind == "quantity":
            unit = spec["units"][0]
            lo, hi = unit["low"], unit["high"]
            if probe and probe[0] == name:
                v = probe[1]
            else:
                v = round(rng.uniform(lo, hi), 2)
            out[name] = f"{v:g} {unit['symbol']}"
        elif kind == "integer":
            out[name] = rng.randint(spec["low"], spec["high"])
        elif kind == "boolean":
            out[name] = rng.choice(["yes", "no", "unknown"] if spec.get("unknown") else ["yes", "no"])
        elif kind == "sex":
            out[name] = rng.choice(["female", "male"])
        elif kind == "choice":
            out[name] = rng.choice(spec["choices"])
    return out


def _numeric_constants(constants: dict) -> list[float]:
    vals = set()
    for _, v in flatten(constants):
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            vals.add(float(v))
    return sorted(vals)


def property_cases(old: dict, new: dict) -> list[dict]:
    """Random patients from a fixed seed, plus probes just below, at and above every numeric constant."""
    cases = []
    for cid in sorted(set(old["calculators"]) | set(new["calculators"])):
        rec = new["calculators"].get(cid) or old["calculators"][cid]
        rng = random.Random(f"{SEED}:{cid}")
        for _ in range(SAMPLES_PER_CALCULATOR):
            cases.append({"calculator": cid, "inputs": _sample_inputs(rng, rec["inputs"]), "kind": "sample"})
        consts = _numeric_constants(old["calculators"].get(cid, {}).get("constants", {})) + \
            _numeric_constants(new["calculators"].get(cid, {}).get("constants", {}))
        for spec in rec["inputs"]:
            if spec["kind"] != "quantity":
                continue
            lo, hi = spec["units"][0]["low"], spec["units"][0]["high"]
            for c in sorted(set(consts)):
                for v in (c - 0.01, c, c + 0.01):
                    if lo <= v <= hi:
                        cases.append({"calculator": cid, "inputs": _sample_inputs(rng, rec["inputs"], (spec["name"], round(v, 4))),
                                      "kind": "probe"})
    return cases


def example_cases(old: dict, new: dict) -> list[dict]:
    cases, seen = [], set()
    for side in (old, new):
        for cid, rec in side["calculators"].items():
            for i, row in enumerate(rec.get("examples") or []):
                key = (cid, json.dumps(row.get("inputs"), sort_keys=True))
                if key not in seen:
                    seen.add(key)
                    cases.append({"calculator": cid, "inputs": row.get("inputs") or {}, "kind": "example",
                                  "label": row.get("source", "")})
    return cases


def path_cases(old: dict, new: dict) -> list[dict]:
    cases, seen = [], set()
    for side in (old, new):
        for fc_id, paths in side["flowcharts"]["flowcharts"].items():
            for p in paths:
                for state in p["states"]:
                    key = (fc_id, json.dumps(state, sort_keys=True))
                    if key not in seen:
                        seen.add(key)
                        cases.append({"calculator": p["calculator"], "inputs": state, "kind": "path",
                                      "label": f"{fc_id}: {' → '.join(p['nodes'])}"})
    return cases


# --- guide sentences ---------------------------------------------------------------------

def diff_sentences(old_tree: pathlib.Path, new_tree: pathlib.Path) -> list[dict]:
    old, new = dict(text_files(old_tree)), dict(text_files(new_tree))
    rows = []
    for rel in sorted(set(old) | set(new)):
        a = [line for line in old.get(rel, "").split("\n") if not line.startswith(":")]
        b = [line for line in new.get(rel, "").split("\n") if not line.startswith(":")]
        sm = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
        for tag, i1, i2, j1, j2 in sm.get_opcodes():
            if tag == "equal":
                continue
            na = sorted(n for line in a[i1:i2] for n in numbers_in(line))
            nb = sorted(n for line in b[j1:j2] for n in numbers_in(line))
            if na != nb:
                rows.append({"file": rel, "old": "\n".join(line for line in a[i1:i2] if line.strip()),
                             "new": "\n".join(line for line in b[j1:j2] if line.strip())})
    return rows


# --- the report ----------------------------------------------------------------------------

def _cell(x) -> str:
    if x is None or x == "":
        return "—"
    s = x if isinstance(x, str) else json.dumps(x, ensure_ascii=False, sort_keys=True)
    return s.replace("|", "\\|").replace("\n", "<br>")


def _table(head: list[str], rows: list[list], limit: int = 200) -> list[str]:
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows[:limit]:
        out.append("| " + " | ".join(_cell(c) for c in r) + " |")
    if len(rows) > limit:
        out.append(f"\n… and {len(rows) - limit} more.")
    return out


def compare(cases: list[dict], old_out: list, new_out: list) -> list[dict]:
    return [{**c, "old": o, "new": n} for c, o, n in zip(cases, old_out, new_out) if o != n]


def build_report(base_label: str, head_label: str, old: dict, new: dict, recs: list, records: list,
                 results: dict, sentences: list, counts: dict) -> tuple[str, dict]:
    clinical_recs = [r for r in recs if r.get("clinical", True)]
    summary = {
        "recommendations added": sum(r["change"] == "added" for r in recs),
        "recommendations removed": sum(r["change"] == "removed" for r in recs),
        "recommendations with a changed statement, strength or certainty": len({r["id"] for r in clinical_recs if r["change"] == "changed"}),
        "calculator record changes (thresholds, bands, doses, ranges, formulas)": len(records),
        "worked examples with a changed result": len(results["example"]),
        "flowchart paths with a changed result": len(results["path"]),
        "property samples with a changed result": len(results["sample"]) + len(results["probe"]),
        "guide sentences with a changed number": len(sentences),
    }
    clinical = any(summary.values())
    lines = [f"# Clinical diff: {base_label} → {head_label}", ""]
    lines.append("**What changes for patients.**" if clinical else "**No clinical change.**")
    lines.append("")
    lines.append(f"Package version {old.get('version')} → {new.get('version')}.")
    lines.append("")
    lines += _table(["", "count"], [[k, str(v)] for k, v in summary.items()])
    lines.append("")
    lines.append(f"Checked: {counts['example']} worked examples, {counts['path']} flowchart example patients "
                 f"(flowcharts from {old['flowcharts']['module'] or 'none'} → {new['flowcharts']['module'] or 'none'}), "
                 f"{counts['sample']} property samples (seed {SEED}) and {counts['probe']} probes either side of "
                 "every numeric constant, on both revisions.")
    if recs:
        lines += ["", "## Recommendations", ""]
        lines += _table(["ID", "change", "field", "old", "new"],
                        [[r["id"], r["change"] + ("" if r.get("clinical", True) else " (editorial)"), r["field"], r["old"], r["new"]] for r in recs])
    if records:
        lines += ["", "## Calculator records", ""]
        lines += _table(["calculator", "where", "old", "new", "source"],
                        [[r["calculator"], r["field"], r["old"], r["new"], r["source"]] for r in records])
    titles = {"example": "Worked examples", "path": "Flowchart paths", "sample": "Property samples",
              "probe": "Probes either side of the constants"}
    for kind in ("example", "path", "sample", "probe"):
        rows = results[kind]
        if rows:
            lines += ["", f"## {titles[kind]} with a changed result", ""]
            head = ["calculator", "inputs", "old result", "new result"] + (["path"] if kind == "path" else [])
            lines += _table(head, [[r["calculator"], r["inputs"], r["old"], r["new"]] + ([r.get("label")] if kind == "path" else [])
                                   for r in rows], limit=50)
    if sentences:
        lines += ["", "## Guide sentences with a changed number", ""]
        lines += _table(["file", "old", "new"], [[r["file"], r["old"], r["new"]] for r in sentences])
    return "\n".join(lines) + "\n", summary


def to_html(markdown_text: str, title: str) -> str:
    try:
        from markdown_it import MarkdownIt

        body = MarkdownIt("commonmark", {"html": False}).enable("table").render(markdown_text)
    except ImportError:  # pragma: no cover - the book's environment has markdown-it (MyST)
        body = f"<pre>{html.escape(markdown_text)}</pre>"
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{html.escape(title)}</title><style>"
            "body{font-family:system-ui,sans-serif;max-width:80rem;margin:1rem auto;padding:0 1rem;line-height:1.45}"
            "table{border-collapse:collapse;display:block;overflow-x:auto}td,th{border:1px solid #bbb;padding:.25rem .5rem;"
            "vertical-align:top;font-size:.9rem}th{background:#eee}td:nth-child(1){white-space:nowrap}"
            "</style></head><body>\n" + body + "</body></html>\n")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--base", default=None, help="git revision to compare with (default: merge base with main)")
    ap.add_argument("--head", default=None, help="git revision to compare (default: the working tree)")
    ap.add_argument("--repo", default=str(ROOT), help="the repository (default: this one)")
    ap.add_argument("--out", default=None, help="output directory (default: _build/clinical-diff)")
    ap.add_argument("--json", action="store_true", help="also print the summary as JSON")
    args = ap.parse_args(argv)
    global REPO
    REPO = pathlib.Path(args.repo).resolve()
    base = args.base or default_base()
    base_sha = git("rev-parse", "--short", f"{base}^{{commit}}")
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="mmguide-clinical-diff-"))
    try:
        old_tree = export(base, tmp / "base")
        if args.head:
            head_sha = git("rev-parse", "--short", f"{args.head}^{{commit}}")
            new_tree, head_label = export(args.head, tmp / "head"), f"{args.head} ({head_sha})"
        else:
            new_tree, head_label = REPO, "working tree"
        old, new = run_side(old_tree, "records"), run_side(new_tree, "records")
        groups = {"example": example_cases(old, new), "path": path_cases(old, new)}
        props = property_cases(old, new)
        groups["sample"] = [c for c in props if c["kind"] == "sample"]
        groups["probe"] = [c for c in props if c["kind"] == "probe"]
        every = [c for k in ("example", "path", "sample", "probe") for c in groups[k]]
        cases_file = tmp / "cases.json"
        cases_file.write_text(json.dumps([{"calculator": c["calculator"], "inputs": c["inputs"]} for c in every]),
                              encoding="utf-8")
        old_out, new_out = run_side(old_tree, "compute", cases_file), run_side(new_tree, "compute", cases_file)
        changed = compare(every, old_out, new_out)
        results = {k: [c for c in changed if c["kind"] == k] for k in groups}
        details = {
            "base": f"{base} ({base_sha})", "head": head_label,
            "versions": [old.get("version"), new.get("version")],
            "recommendations": diff_recommendations(recommendations(old_tree), recommendations(new_tree)),
            "records": diff_records(old, new), "results": results, "sentences": diff_sentences(old_tree, new_tree),
        }
        report, summary = build_report(
            details["base"], head_label, old, new, details["recommendations"], details["records"], results,
            details["sentences"], {k: len(v) for k, v in groups.items()},
        )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    out = pathlib.Path(args.out or REPO / "_build" / "clinical-diff")
    out.mkdir(parents=True, exist_ok=True)
    (out / "report.md").write_text(report, encoding="utf-8")
    (out / "report.html").write_text(to_html(report, f"Clinical diff {base_sha}"), encoding="utf-8")
    (out / "summary.json").write_text(json.dumps(summary, indent=1), encoding="utf-8")
    (out / "changes.json").write_text(json.dumps(details, indent=1, ensure_ascii=False, default=str), encoding="utf-8")
    head = report.split("\n## ")[0]
    print(head.rstrip())
    print(f"\nReport: {out / 'report.md'} and {out / 'report.html'}")
    if args.json:
        print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--dump":
        dump(sys.argv[2], sys.argv[3], sys.argv[4] if len(sys.argv) > 4 else None)
    else:
        sys.exit(main())
