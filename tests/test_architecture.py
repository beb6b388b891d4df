"""The clinical core is a stack without knots: errors → numbers → unit table → parse → records → decision, clearance →
clinical (the calculator modules) → flowcharts / compute (api) → presentation → the package's face → CLI. Each module imports only from the layers below it,
so a change to a rule is made in one room and the drawing never reaches into the logic."""

from __future__ import annotations

import ast
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "mmguide"

# Layer of each module (lower imports nothing from higher); the calculators are one layer.
LAYERS = {
    "mmguide.version": 0,
    "mmguide.errors": 0,
    "mmguide.numbers": 1,
    "mmguide.unit_table": 2,
    "mmguide.parse": 3,
    "mmguide.units": 4,  # the three above under the name callers outside the package use
    "mmguide.records": 5,
    "mmguide.decision": 6,
    "mmguide.clearance": 6,
    "mmguide.clinical": 7,
    "mmguide.flowcharts": 8,
    "mmguide.api": 8,
    "mmguide.presentation": 9,
    "mmguide": 10,
    "mmguide.cli": 11,
    "mmguide.__main__": 12,
}


def _module_name(path: pathlib.Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _imports(path: pathlib.Path) -> set[str]:
    return _imports_of(_module_name(path), path.name == "__init__.py", path.read_text(encoding="utf-8"))


def _imports_of(name: str, is_package: bool, source: str) -> set[str]:
    """Every mmguide module the source imports, at any depth (lazy imports count too)."""
    package = name if is_package else name.rpartition(".")[0]
    out = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.split(".")[0] == "mmguide"}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            if mod.split(".")[0] != "mmguide":
                continue
            for a in node.names:  # "from . import units" imports the module mmguide.units
                sub = f"{mod}.{a.name}"
                out.add(sub if _exists(sub) else mod)
    return out - {name}


def _exists(module: str) -> bool:
    rel = pathlib.Path(*module.split(".")[1:])
    return (SRC / rel).with_suffix(".py").is_file() or (SRC / rel / "__init__.py").is_file()


GRAPH = {_module_name(p): _imports(p) for p in SRC.rglob("*.py")}


def _layer(module: str) -> int:
    if module.startswith("mmguide.clinical"):
        return LAYERS["mmguide.clinical"]
    return LAYERS[module]


def _unplaced(modules) -> list[str]:
    """Modules that belong to no layer (a new module must be given one in LAYERS)."""
    return sorted(m for m in modules if m not in LAYERS and not m.startswith("mmguide.clinical."))


def test_every_module_has_a_layer():
    assert len(GRAPH) > len(LAYERS)  # the walk found the package (calculators included), not an empty folder
    assert _unplaced(GRAPH) == []
    # the check itself: a module missing from LAYERS is reported, a calculator module is placed
    assert _unplaced(["mmguide.units", "mmguide.new_module", "mmguide.clinical.iss"]) == ["mmguide.new_module"]


def test_the_core_has_no_import_cycle():
    state: dict[str, int] = {}

    def visit(m, stack):
        state[m] = 1
        for d in sorted(GRAPH.get(m, ())):
            if state.get(d) == 1:
                pytest.fail("import cycle: " + " → ".join(stack[stack.index(d):] + [d]))
            if d not in state:
                visit(d, stack + [d])
        state[m] = 2

    for m in sorted(GRAPH):
        if m not in state:
            visit(m, [m])


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_modules_import_only_from_layers_below(module):
    above = sorted(d for d in GRAPH[module]
                   if _layer(d) > _layer(module)
                   or (_layer(d) == _layer(module) and not module.startswith("mmguide.clinical")))
    assert not above, f"{module} imports {above}, which sit above it"


def test_the_decision_engine_knows_no_calculator():
    assert not {d for d in GRAPH["mmguide.decision"] if d.startswith("mmguide.clinical")}
    assert GRAPH["mmguide.decision"] <= {"mmguide.records"}


def test_the_walker_sees_lazy_and_relative_imports():
    # a lazy "from .. import compute" inside a calculator reaches the package itself (upward);
    # "from ..decision import Tree" and "from . import zoledronic_acid_dose" resolve to modules
    src = ("from ..decision import Tree\nfrom . import zoledronic_acid_dose\n"
           "def f():\n    from .. import compute\n")
    got = _imports_of("mmguide.clinical.example", False, src)
    assert got == {"mmguide.decision", "mmguide.clinical.zoledronic_acid_dose", "mmguide"}
    assert max(_layer(d) for d in got) > _layer("mmguide.clinical.example")


def test_the_lazy_registry_names_each_module_by_its_records_id_in_the_books_order():
    """clinical/__init__.py lists (id, module) so that a page imports only what it shows; each
    id there must be the id the module's own record carries, and every calculator module is listed."""
    import importlib

    C = importlib.import_module("mmguide.clinical")
    for cid, module in C._MODULES:
        assert C.module_of(cid).CALCULATOR.id == cid, module
    modules = {p.stem for p in (SRC / "clinical").glob("*.py")
               if p.stem != "__init__" and "CALCULATOR = " in p.read_text(encoding="utf-8")}
    assert modules == {m for _, m in C._MODULES}
    assert list(C.REGISTRY) == list(C.ORDER) == [c.id for c in C.REGISTRY.values()]


def test_a_calculator_is_computed_without_importing_the_others():
    import subprocess
    import sys

    code = ("import sys, mmguide; mmguide.presentation.respond('iss', '{\"beta2m\": 2, \"albumin\": 40}', 'en', None, "
            "'2026-12-01'); print(sorted(m.rsplit('.', 1)[1] for m in sys.modules if m.startswith('mmguide.clinical.')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "['iss']", out


TOOLS_AND_BENCHMARKS = sorted((ROOT / "tools").rglob("*.py")) + sorted((ROOT / "benchmarks").rglob("*.py"))
TEST_MODULES = {p.stem for p in (ROOT / "tests").rglob("*.py")} | {"tests"}


def _imports_from_tests(source: str) -> list[str]:
    """What a tool or benchmark takes from tests/: an import of a module that lives there, or
    tests/ put on sys.path."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.split(".")[0] in TEST_MODULES]
        elif isinstance(node, ast.ImportFrom) and not node.level and (node.module or "").split(".")[0] in TEST_MODULES:
            found.append(node.module)
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("insert", "append")
              and "sys.path" in ast.unparse(node.func.value)
              and any(isinstance(c, ast.Constant) and c.value == "tests" for a in node.args for c in ast.walk(a))):
            found.append(ast.unparse(node))
    return found


def test_tools_and_benchmarks_stand_without_the_tests():
    assert len(TOOLS_AND_BENCHMARKS) > 5 and "browser" in TEST_MODULES
    bad = {p.relative_to(ROOT).as_posix(): f for p in TOOLS_AND_BENCHMARKS
           if (f := _imports_from_tests(p.read_text(encoding="utf-8")))}
    assert not bad, f"tools/ and benchmarks/ must not import from tests/ (use tools/mmguide_dev): {bad}"


def test_the_tests_import_check_catches_each_way_in():
    assert _imports_from_tests("from browser import chromium") == ["browser"]
    assert _imports_from_tests("import tests.conftest") == ["tests.conftest"]
    assert _imports_from_tests('import sys\nsys.path.insert(0, str(ROOT / "tests"))')
    assert _imports_from_tests("from mmguide_dev.browser import chromium\nimport sys") == []
