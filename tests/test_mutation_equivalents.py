"""The reviewed equivalent mutants (tools/mutation-equivalent.txt) name mutants that still exist.

An entry is keyed by the mutated code (module, the line's text without its comment, the mutation,
and which occurrence of that pair in the module), not by a line number, so it survives lines moving;
an entry that no mutant of the current source matches is stale (its code changed) and fails here,
to be reviewed again. Fast: it only parses the modules.
"""

from __future__ import annotations

import importlib.util
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("mmguide_mutation_tool", ROOT / "tools" / "mutation.py")
mutation = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(mutation)


def _keys(module: str, source: str | None = None) -> set:
    source = source if source is not None else (mutation.PKG / module).read_text(encoding="utf-8")
    return {mutation.key_of(module, p) for p in mutation.mutants(source)}


def test_every_listed_equivalent_matches_a_mutant_the_tool_generates():
    listed = mutation.load_equivalent()
    assert listed, "tools/mutation-equivalent.txt lists no equivalent mutant"
    generated = set().union(*(_keys(m) for m in {k[0] for k in listed}))
    stale = [k for k in listed if k not in generated]
    assert not stale, f"equivalent mutants that no longer exist (review them again): {stale}"


def test_every_listed_module_is_one_the_tool_mutates():
    assert {k[0] for k in mutation.load_equivalent()} <= set(mutation.MODULE_TESTS)


@pytest.mark.parametrize("module", ["units.py", "clinical/crcl_cockcroft_gault.py"])
def test_keys_survive_lines_moving(module):
    source = (mutation.PKG / module).read_text(encoding="utf-8")
    moved = "# a comment\n\n\n" + source.replace("\n", "\n\n", 3)
    assert _keys(module, moved) == _keys(module)
    points = mutation.mutants(source)
    assert len({mutation.key_of(module, p) for p in points}) == len(points), "two mutants share a key"


def test_a_changed_line_no_longer_matches():
    source = "X = 1\nif X < 2:\n    X = 3\n"
    before = {mutation.key_of("m.py", p) for p in mutation.mutants(source)}
    after = {mutation.key_of("m.py", p) for p in mutation.mutants(source.replace("X < 2", "X < 4"))}
    assert ("m.py", "if X < 2:", "< -> <=", 0) in before
    assert ("m.py", "if X < 2:", "< -> <=", 0) not in after
    assert ("m.py", "X = 1", "1 -> 2", 0) in before & after


def test_a_line_of_the_file_round_trips(tmp_path):
    point = mutation.mutants("A = 1  # note\n")[0]
    f = tmp_path / "eq.txt"
    f.write_text(mutation.equivalent_line("m.py", point, "why") + "\n", encoding="utf-8")
    assert mutation.load_equivalent(f) == {("m.py", "A = 1", point["desc"], 0): "why"}
