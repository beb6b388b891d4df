"""Mutation testing of the clinical core: do the fast tests notice a wrong threshold?

    python tools/mutation.py [--module NAME ...] [--jobs N] [--before REV] [--fresh] [--list] [--report]

Each mutant changes one thing in one module of src/mmguide (a comparison's boundary or sense, a
number ±1 or ±10 %, a conversion factor, `and`/`or`, a dropped `not`, a branch never taken, an
arithmetic operator) and runs that module's fast tests (MODULE_TESTS) against it. A mutant the
tests pass is a survivor: either a test is missing, or it is an equivalent mutant (it cannot change
any result), listed with a one-line reason in tools/mutation-equivalent.txt.

Mutants run one at a time in a forked child of a process that has imported pytest once; the
mutated module is written to a private copy of the package, never into src/. Results are kept in
_build/mutation/results.json, keyed by the module's and the tests' content, so an interrupted run
resumes where it stopped and a changed module is tested again. `--report` prints the score per
module, the score on clinical mutants (a constant, threshold, boundary or conversion factor of a
calculator or of the unit table, parsing and number writer) and every survivor that is not a reviewed equivalent. Exit status 1 if a
goal is missed (GOAL per module, 100 % of clinical mutants).

`--before REV` runs the same mutants against the tests as they were at git revision REV (only the
test files that existed there), for before/after figures.
"""

from __future__ import annotations

import argparse
import ast
import copy
import hashlib
import json
import os
import pathlib
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
PKG = ROOT / "src" / "mmguide"
OUT = ROOT / "_build" / "mutation"
EQUIVALENT = ROOT / "tools" / "mutation-equivalent.txt"
GOAL = 0.95
TIMEOUT_S = 60  # at most: a hanging mutant (an endless loop) is stopped after this
HANG_FACTOR = 3  # ... or after 3 times the unmutated package's run of the same tests (at least MIN_TIMEOUT_S)
MIN_TIMEOUT_S = 20

T = "tests/calculators/"
COMMON = [T + "test_published_examples.py"]
# the plan's three modules (tree, text, record and function) share the plan's tests
PLAN_TESTS = [T + "test_thresholds_staging_and_events.py", "tests/test_bone_protection_plan.py",
              T + "test_thresholds_bone_protection_plan.py", T + "test_plan_shown_numbers.py",
              T + "test_clinical_rules.py", T + "test_review_rules.py", "tests/test_clinical_safety.py",
              T + "test_clearance_composition.py", "tests/test_flowcharts.py", *COMMON]
MODULE_TESTS = {
    "unit_table.py": [T + "test_input_safety_properties.py", T + "test_hostile_input.py", T + "test_core_units_records_cli.py", T + "test_error_messages.py",
                 T + "test_thresholds_zoledronic_acid.py", T + "test_thresholds_imwg_response.py",
                 T + "test_thresholds_staging_and_events.py", T + "test_review_rules.py", T + "test_thresholds_units.py",
                 *COMMON],
    "parse.py": [T + "test_input_safety_properties.py", T + "test_hostile_input.py", T + "test_core_units_records_cli.py", T + "test_error_messages.py",
                 T + "test_thresholds_zoledronic_acid.py", T + "test_thresholds_imwg_response.py",
                 T + "test_thresholds_staging_and_events.py", T + "test_review_rules.py", T + "test_thresholds_units.py",
                 *COMMON],
    "numbers.py": [T + "test_number_edges.py", "tests/test_number_writer.py", T + "test_core_units_records_cli.py",
                   T + "test_thresholds_zoledronic_acid.py", T + "test_thresholds_imwg_response.py",
                   T + "test_thresholds_units.py", T + "test_review_rules.py", T + "test_exact_formatting.py", *COMMON],
    "clearance.py": [T + "test_input_safety_properties.py", T + "test_thresholds_cockcroft_gault.py",
                     T + "test_thresholds_zoledronic_acid.py", T + "test_clinical_rules.py", "tests/test_clinical_safety.py",
                     T + "test_clearance_composition.py", T + "test_error_messages.py", T + "test_hostile_input.py",
                     T + "test_number_edges.py", *COMMON],
    "clinical/zoledronic_acid_dose.py": [T + "test_thresholds_zoledronic_acid.py", T + "test_review_rules.py",
                                         T + "test_clinical_rules.py", *COMMON],
    "clinical/zoledronic_acid_bands.py": [T + "test_thresholds_zoledronic_acid.py", T + "test_clinical_rules.py",
                                          T + "test_review_rules.py", *COMMON],
    "clinical/zoledronic_acid_renal_check.py": [T + "test_thresholds_zoledronic_acid.py",
                                                T + "test_clinical_rules.py", T + "test_review_rules.py", *COMMON,
                                                "tests/test_flowcharts.py"],
    "clinical/crcl_cockcroft_gault.py": [T + "test_input_safety_properties.py", T + "test_thresholds_cockcroft_gault.py", T + "test_thresholds_zoledronic_acid.py",
                                         T + "test_clinical_rules.py", "tests/test_clinical_safety.py",
                                         T + "test_clearance_composition.py", T + "test_error_messages.py",
                                         T + "test_hostile_input.py", *COMMON],
    "clinical/egfr_ckd_epi_2021.py": [T + "test_input_safety_properties.py", T + "test_thresholds_scores.py", T + "test_thresholds_egfr.py",
                                      T + "test_clinical_rules.py", *COMMON],
    "clinical/corrected_calcium.py": [T + "test_input_safety_properties.py", T + "test_thresholds_corrected_calcium.py", T + "test_thresholds_staging_and_events.py", T + "test_clinical_rules.py",
                                      T + "test_review_rules.py", "tests/test_clinical_safety.py", *COMMON],
    "clinical/imwg_response.py": [T + "test_input_safety_properties.py", T + "test_thresholds_imwg_response.py", T + "test_thresholds_imwg_response_details.py",
                                  T + "test_clinical_rules.py",
                                  T + "test_review_rules.py", "tests/test_clinical_safety.py",
                                  T + "test_error_messages.py", T + "test_hostile_input.py", *COMMON],
    "clinical/myeloma_defining_events.py": [T + "test_input_safety_properties.py", T + "test_thresholds_myeloma_defining_events.py",
                                            T + "test_thresholds_staging_and_events.py",
                                            T + "test_clinical_rules.py", T + "test_review_rules.py",
                                            "tests/test_clinical_safety.py", T + "test_error_messages.py", *COMMON],
    "clinical/iss.py": [T + "test_thresholds_staging_and_events.py", T + "test_clinical_rules.py", *COMMON],
    "clinical/r_iss.py": [T + "test_thresholds_staging_and_events.py", T + "test_clinical_rules.py", *COMMON],
    "clinical/r2_iss.py": [T + "test_thresholds_staging_and_events.py", T + "test_thresholds_scores.py",
                           T + "test_clinical_rules.py", *COMMON],
    "clinical/imwg_frailty.py": [T + "test_thresholds_staging_and_events.py", T + "test_thresholds_scores.py",
                                 T + "test_clinical_rules.py", T + "test_hostile_input.py", *COMMON],
    "clinical/simplified_frailty.py": [T + "test_thresholds_staging_and_events.py", T + "test_clinical_rules.py",
                                       *COMMON],
    "clinical/bone_protection_plan.py": PLAN_TESTS,
    "clinical/bone_protection_plan_tree.py": PLAN_TESTS,
    "clinical/bone_protection_plan_text.py": PLAN_TESTS,
}

NUMBER_CALLS = {"F", "Fraction", "Decimal"}
COMPARE_SWAP = {ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt, ast.Eq: ast.NotEq,
                ast.NotEq: ast.Eq, ast.In: ast.NotIn, ast.NotIn: ast.In, ast.Is: ast.IsNot, ast.IsNot: ast.Is}
COMPARE_FLIP = {ast.Lt: ast.GtE, ast.LtE: ast.Gt, ast.Gt: ast.LtE, ast.GtE: ast.Lt}
BINOP_SWAP = {ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.Div, ast.Div: ast.Mult}
SYMBOL = {ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Eq: "==", ast.NotEq: "!=", ast.In: "in",
          ast.NotIn: "not in", ast.Is: "is", ast.IsNot: "is not", ast.Add: "+", ast.Sub: "-", ast.Mult: "*",
          ast.Div: "/"}


def _num_text(x) -> str:
    from decimal import Decimal
    from fractions import Fraction
    if isinstance(x, Fraction):
        d = Decimal(x.numerator) / Decimal(x.denominator)
        return format(d.normalize(), "f")
    return repr(x)


def _scaled(text: str):
    """±1 of a whole number, ±10 % of any other, written as text."""
    from fractions import Fraction
    v = Fraction(text)
    # a whole number moves by 1 (its edge); any other by 10 % (a factor or a fraction)
    out = [v + 1, v - 1] if v.denominator == 1 else [v * Fraction(9, 10), v * Fraction(11, 10)]
    seen = []
    for o in out:
        if o != v and o not in seen:
            seen.append(o)
    return seen


class Mutator(ast.NodeTransformer):
    """Walks a module in a fixed order; numbers every mutation point; applies one when asked."""

    def __init__(self, target: int | None = None):
        self.target = target
        self.points: list[dict] = []
        self.constant_names: list[str] = []  # the enclosing module-level assignment, if any
        self.skip_lines: set[int] = set()

    def _point(self, node, kind, desc, clinical):
        i = len(self.points)
        self.points.append({"id": i, "line": node.lineno, "col": node.col_offset, "kind": kind, "desc": desc,
                            "clinical": clinical})
        return i == self.target

    def _in_constant(self) -> bool:
        return bool(self.constant_names) and all(n.isupper() for n in self.constant_names[-1])

    def visit_Expr(self, node):  # docstrings and bare expressions: no mutation inside a docstring
        if isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            return node
        return self.generic_visit(node)

    def visit_Assign(self, node):
        names = [t.id for t in node.targets if isinstance(t, ast.Name)]
        self.constant_names.append(names)
        try:
            return self.generic_visit(node)
        finally:
            self.constant_names.pop()

    def visit_JoinedStr(self, node):  # text of messages: not mutated here
        return node

    def visit_Call(self, node):
        fn = node.func.id if isinstance(node.func, ast.Name) else None
        if (fn in NUMBER_CALLS and len(node.args) == 1 and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)):
            try:
                variants = _scaled(node.args[0].value)
            except (ValueError, ZeroDivisionError):
                variants = []
            for v in variants:
                if self._point(node, "number", f'{fn}("{node.args[0].value}") -> {fn}("{_num_text(v)}")', True):
                    new = copy.deepcopy(node)
                    new.args[0] = ast.Constant(_num_text(v))
                    return new
            return node
        return self.generic_visit(node)

    def visit_Constant(self, node):
        v = node.value
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            return node
        from fractions import Fraction
        for w in _scaled(repr(v) if isinstance(v, int) else str(Fraction(repr(v)))):
            new_v = int(w) if isinstance(v, int) and w.denominator == 1 else float(w)
            if self._point(node, "number", f"{v!r} -> {new_v!r}", self._in_constant() or isinstance(v, float)):
                return ast.copy_location(ast.Constant(new_v), node)
        return node

    def visit_Compare(self, node):
        node = self.generic_visit(node)
        for k, op in enumerate(node.ops):
            for table, kind in ((COMPARE_SWAP, "boundary"), (COMPARE_FLIP, "negation")):
                new_op = table.get(type(op))
                if new_op is None:
                    continue
                clinical = kind == "boundary" and type(op) in (ast.Lt, ast.LtE, ast.Gt, ast.GtE)
                if self._point(node, kind, f"{SYMBOL[type(op)]} -> {SYMBOL[new_op]}", clinical):
                    new = copy.deepcopy(node)
                    new.ops[k] = new_op()
                    return new
        return node

    def visit_BoolOp(self, node):
        node = self.generic_visit(node)
        other = ast.Or if isinstance(node.op, ast.And) else ast.And
        if self._point(node, "logic", f"{type(node.op).__name__.lower()} -> {other.__name__.lower()}", False):
            new = copy.deepcopy(node)
            new.op = other()
            return new
        return node

    def visit_UnaryOp(self, node):
        node = self.generic_visit(node)
        if isinstance(node.op, ast.Not) and self._point(node, "logic", "not x -> x", False):
            return node.operand
        return node

    def visit_BinOp(self, node):
        node = self.generic_visit(node)
        new_op = BINOP_SWAP.get(type(node.op))
        if new_op and not (isinstance(node.left, (ast.Constant, ast.JoinedStr)) and isinstance(node.left.value if isinstance(node.left, ast.Constant) else None, str)):
            if self._point(node, "arithmetic", f"{SYMBOL[type(node.op)]} -> {SYMBOL[new_op]}", False):
                new = copy.deepcopy(node)
                new.op = new_op()
                return new
        return node

    def visit_If(self, node):
        self.generic_visit(node)
        if self._point(node, "branch", "if-branch never taken", False):
            new = copy.deepcopy(node)
            new.test = ast.Constant(False)
            return new
        return node


def _code_lines(source: str) -> list[str]:
    """Each source line without its comment, whitespace collapsed (the text a mutant is keyed by)."""
    import io
    import tokenize
    lines = source.splitlines()
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type == tokenize.COMMENT:
            row, col = tok.start
            lines[row - 1] = lines[row - 1][:col]
    return [" ".join(line.split()) for line in lines]


def mutants(source: str) -> list[dict]:
    """Every mutation point, in a fixed order. Besides its line, each carries the key reviewed
    equivalents are listed by, which survives lines moving: ``code`` (its line's text, comment
    dropped), ``desc`` (the mutation) and ``occurrence`` (0 for the first point of that code and
    mutation in the module, 1 for the next, ...)."""
    m = Mutator()
    m.visit(ast.parse(source))
    code = _code_lines(source)
    seen: dict[tuple[str, str], int] = {}
    for p in m.points:
        p["code"] = code[p["line"] - 1]
        p["occurrence"] = seen.get((p["code"], p["desc"]), 0)
        seen[(p["code"], p["desc"])] = p["occurrence"] + 1
    return m.points


def key_of(module: str, point: dict) -> tuple[str, str, str, int]:
    """What identifies a mutant in tools/mutation-equivalent.txt: not its line number."""
    return (module, point["code"], point["desc"], point["occurrence"])


def equivalent_line(module: str, point: dict, reason: str) -> str:
    """A line of tools/mutation-equivalent.txt."""
    return f"{module} | {point['desc']} | {point['code']} | {point['occurrence']}  # {reason}"


def mutate(source: str, target: int) -> str:
    m = Mutator(target)
    tree = m.visit(ast.parse(source))
    ast.fix_missing_locations(tree)
    return ast.unparse(tree)


def _digest(*parts: bytes) -> str:
    h = hashlib.sha256()
    for p in parts:
        h.update(p)
    return h.hexdigest()[:16]


_EQUIVALENT_LINE = re.compile(r"^(?P<module>\S+) \| (?P<desc>.+?) \| (?P<code>.*) \| (?P<occurrence>\d+)  # (?P<reason>.*)$")


def load_equivalent(path: pathlib.Path = EQUIVALENT) -> dict[tuple[str, str, str, int], str]:
    """(module, code, description, occurrence) -> reason; every line of the file is
    'module | description | code | occurrence  # reason' (see :func:`equivalent_line`)."""
    out = {}
    if not path.is_file():
        return out
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        m = _EQUIVALENT_LINE.match(raw)
        if not m:
            raise SystemExit(f"{path.name}: not 'module | description | code | occurrence  # reason': {raw}")
        if not m["reason"].strip():
            raise SystemExit(f"{path.name}: an equivalent mutant needs a reason: {raw}")
        key = (m["module"], " ".join(m["code"].split()), m["desc"].strip(), int(m["occurrence"]))
        if key in out:
            raise SystemExit(f"{path.name}: listed twice: {raw}")
        out[key] = m["reason"].strip()
    return out


def _tests_at(rev: str | None, tests: list[str], workdir: pathlib.Path) -> list[str]:
    """The test files to run: the current ones, or those that existed at *rev*.

    For *rev* the whole tree at that revision is unpacked into *workdir* (tests read data beside
    them); the package under test still comes from the mutated copy first on sys.path.
    """
    if rev is None:
        return [str(ROOT / t) for t in tests]
    if not (workdir / ".unpacked").is_file():
        workdir.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(["git", "archive", rev], cwd=ROOT, capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(workdir)], input=archive, check=True)
        (workdir / ".unpacked").write_text(rev)
    return [str(workdir / t) for t in tests if (workdir / t).is_file()]


def _save(path: pathlib.Path, results: dict) -> None:
    """Write atomically: a report read during a run never sees half a file."""
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(results, indent=0))
    os.replace(tmp, path)


def _start_child(copy_src: pathlib.Path, test_files: list[str], timeout: int = TIMEOUT_S) -> int:
    """Fork a child that runs the tests against the package copy: first the module's own threshold
    tests (the first file), and only if they pass, the rest. Exit 0 means the mutant survived."""
    pid = os.fork()
    if pid == 0:  # child
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            sys.path.insert(0, str(copy_src))
            signal.alarm(timeout)
            import pytest
            # no plugin autoload (xdist, cov, notebook plugins cost seconds a run) and plain asserts
            os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
            args = ["-x", "-q", "-p", "no:cacheprovider", "--no-header", "-o", "addopts=", "-W", "ignore",
                    "--assert=plain"]
            code = pytest.main(args + test_files[:1])
            if code == 0 and test_files[1:]:
                code = pytest.main(args + test_files[1:])
            os._exit(0 if code == 0 else 1)
        except BaseException:  # noqa: BLE001 - any crash of the mutant counts as killed
            os._exit(1)
    return pid


def _baseline_passes(copy_src: pathlib.Path, test_files: list[str]) -> float | None:
    """Seconds the unmutated package takes to pass all the tests, or None if it fails them."""
    t0 = time.time()
    _, status = os.waitpid(_start_child(copy_src, test_files), 0)
    return time.time() - t0 if _outcome(status) == "survived" else None


def _outcome(status: int) -> str:
    if os.WIFSIGNALED(status):
        return "timeout" if os.WTERMSIG(status) == signal.SIGALRM else "killed"
    return "survived" if os.WEXITSTATUS(status) == 0 else "killed"


def run(modules: list[str], rev: str | None, fresh: bool, limit: int | None, jobs: int) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    results_path = OUT / (f"results-before-{rev}.json" if rev else "results.json")
    results = {} if fresh or not results_path.is_file() else json.loads(results_path.read_text())
    sys.dont_write_bytecode = True
    os.environ["PYTHONDONTWRITEBYTECODE"] = "1"
    os.environ.setdefault("HYPOTHESIS_STORAGE_DIRECTORY", str(OUT / "hypothesis"))
    import pytest  # noqa: F401 - imported once, before forking
    import hypothesis  # noqa: F401
    with tempfile.TemporaryDirectory(prefix="mmguide-mutation-") as tmp:
        tmp = pathlib.Path(tmp)
        slots = []
        for j in range(jobs):  # one private copy of the package per concurrent child
            copy_src = tmp / f"src{j}"
            shutil.copytree(PKG, copy_src / "mmguide", ignore=shutil.ignore_patterns("__pycache__"))
            slots.append(copy_src)
        for module in modules:
            path = PKG / module
            source = path.read_text(encoding="utf-8")
            test_files = _tests_at(rev, MODULE_TESTS[module], tmp / "old")
            tests_digest = _digest(*(pathlib.Path(t).read_bytes() for t in test_files))
            key = f"{module}@{_digest(source.encode())}@{tests_digest}"
            done = results.setdefault(key, {})
            points = mutants(source)
            todo = [p for p in points if str(p["id"]) not in done][:limit]
            # the unmutated package must pass the tests, or every mutant would look killed
            baseline = _baseline_passes(slots[0], test_files) if todo and test_files else 0.0
            if baseline is None:
                print(f"{module}: the tests fail on the unmutated package: not run", flush=True)
                results.pop(key, None)
                continue
            # a mutant that runs far longer than the unmutated package is hanging (an endless loop)
            timeout = min(TIMEOUT_S, max(MIN_TIMEOUT_S, int(HANG_FACTOR * baseline) + 1))
            print(f"{module}: {len(points)} mutants, {len(done)} done, {len(todo)} to run "
                  f"(baseline {baseline:.1f} s, timeout {timeout} s)", flush=True)
            t0, n = time.time(), 0
            free, running = list(slots), {}
            queue = list(todo)
            while queue or running:
                while queue and free:
                    p, copy_src = queue.pop(0), free.pop()
                    (copy_src / "mmguide" / module).write_text(mutate(source, p["id"]), encoding="utf-8")
                    if not test_files:
                        done[str(p["id"])] = {**p, "outcome": "survived"}
                        free.append(copy_src)
                        continue
                    running[_start_child(copy_src, test_files, timeout)] = (p, copy_src)
                if not running:
                    continue
                pid, status = os.wait()
                p, copy_src = running.pop(pid)
                (copy_src / "mmguide" / module).write_text(source, encoding="utf-8")
                free.append(copy_src)
                done[str(p["id"])] = {**p, "outcome": _outcome(status)}
                n += 1
                if n % 10 == 0 or n == len(todo):
                    _save(results_path, results)
                    print(f"  {n}/{len(todo)} ({(time.time() - t0) / n:.1f} s each)", flush=True)
            _save(results_path, results)


def report(modules: list[str], rev: str | None, markdown: bool = False) -> int:
    results_path = OUT / (f"results-before-{rev}.json" if rev else "results.json")
    results = json.loads(results_path.read_text()) if results_path.is_file() else {}
    equivalent = load_equivalent()
    ok = True
    rows = []
    clinical_total = clinical_killed = 0
    survivors = []
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="mmguide-mutation-report-"))
    for module in modules:
        source = (PKG / module).read_text(encoding="utf-8")
        test_files = _tests_at(rev, MODULE_TESTS[module], tmp / "old")
        key = f"{module}@{_digest(source.encode())}@{_digest(*(pathlib.Path(t).read_bytes() for t in test_files))}"
        done = results.get(key)
        points = mutants(source)
        keys = {str(p["id"]): key_of(module, p) for p in points}
        if not done or len(done) < len(points):
            rows.append((module, len(points), len(done or {}), None, None, None, None))
            ok = False
            continue
        killed = eq = mod_clinical = mod_clinical_killed = 0
        for i, p in done.items():
            is_eq = keys.get(i) in equivalent
            if p["outcome"] != "survived":
                killed += 1
            elif is_eq:
                eq += 1
            else:
                survivors.append(f"{module}:{p['line']}: {p['desc']}  [{p['kind']}]\n"
                                 f"    as an equivalent: {equivalent_line(module, points[int(i)], '<reason>')}")
            if p["clinical"] and not is_eq:
                clinical_total += 1
                clinical_killed += p["outcome"] != "survived"
                mod_clinical += 1
                mod_clinical_killed += p["outcome"] != "survived"
        score = killed / (len(done) - eq) if len(done) > eq else 1.0
        rows.append((module, len(points), killed, eq, len(done) - killed - eq, score,
                     f"{mod_clinical_killed}/{mod_clinical}"))
        ok &= score >= GOAL
    shutil.rmtree(tmp, ignore_errors=True)
    if markdown:
        print("| module | mutants | killed | equivalent | survived | score | clinical killed |\n"
              "|---|---:|---:|---:|---:|---:|---:|")
        for module, n, killed, eq, surv, score, clin in rows:
            if score is None:
                print(f"| {module} | {n} | (incomplete: {killed} run) | | | | |")
            else:
                print(f"| {module} | {n} | {killed} | {eq} | {surv} | {score:.1%} | {clin} |")
        if clinical_total:
            print(f"| clinical constants, thresholds, boundaries, factors | {clinical_total} | {clinical_killed} | | "
                  f"{clinical_total - clinical_killed} | {clinical_killed / clinical_total:.1%} | |")
        return 0 if ok else 1
    print(f"{'module':45} {'mutants':>7} {'killed':>6} {'equiv':>5} {'survived':>8} {'score':>7}")
    for module, n, killed, eq, surv, score, _ in rows:
        if score is None:
            print(f"{module:45} {n:>7} {'(incomplete: ' + str(killed) + ' run)':>30}")
        else:
            print(f"{module:45} {n:>7} {killed:>6} {eq:>5} {surv:>8} {score:>6.1%}")
    if clinical_total:
        print(f"clinical constants, thresholds, boundaries, factors: {clinical_killed}/{clinical_total} killed "
              f"({clinical_killed / clinical_total:.1%})")
        ok &= clinical_killed == clinical_total
    if survivors:
        print("\nsurvivors (add a test, or list an equivalent mutant with its reason in tools/mutation-equivalent.txt):")
        for s in survivors:
            print("  " + s)
    return 0 if ok else 1


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--module", action="append", help="module path under src/mmguide (default: all)")
    ap.add_argument("--before", metavar="REV", help="use the tests as they were at this git revision")
    ap.add_argument("--fresh", action="store_true", help="forget earlier results")
    ap.add_argument("--limit", type=int, help="run at most this many new mutants per module")
    ap.add_argument("--jobs", type=int, default=1, help="mutants run at once (default 1)")
    ap.add_argument("--list", action="store_true", help="list the mutants and exit")
    ap.add_argument("--report", action="store_true", help="only print the report")
    ap.add_argument("--markdown", action="store_true", help="print the report as a Markdown table")
    a = ap.parse_args(argv)
    modules = a.module or list(MODULE_TESTS)
    for m in modules:
        if m not in MODULE_TESTS:
            raise SystemExit(f"unknown module {m}; known: {', '.join(MODULE_TESTS)}")
    if a.list:
        for m in modules:
            for p in mutants((PKG / m).read_text(encoding="utf-8")):
                print(f"{m}:{p['line']}: {p['desc']}  [{p['kind']}{', clinical' if p['clinical'] else ''}]  "
                      f"(key: {p['code']} | {p['occurrence']})")
        return 0
    if not a.report:
        run(modules, a.before, a.fresh, a.limit, a.jobs)
    return report(modules, a.before, a.markdown)


if __name__ == "__main__":
    sys.exit(main())
