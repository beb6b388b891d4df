"""The bone protection plan's three modules keep one job each: the tree module decides and writes no action
text, the text module decides nothing, and every action of the actions table has exactly one text."""

import ast
import pathlib

from mmguide.clinical import bone_protection_plan as plan
from mmguide.clinical import bone_protection_plan_text as plan_text

SRC = pathlib.Path(plan.__file__).parent


def _imports(module: str) -> set[str]:
    tree = ast.parse((SRC / f"{module}.py").read_text(encoding="utf-8"))
    return {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}


def test_every_action_has_exactly_one_text_keyed_by_its_id():
    assert sorted(plan_text.ACTION_TEXT) == sorted(plan.ACTION_IDS)
    assert len(set(plan.ACTION_IDS)) == len(plan.ACTION_IDS)


def test_the_text_module_decides_nothing_and_the_tree_module_says_no_action():
    assert "decision" not in _imports("bone_protection_plan_text")  # no condition, branch or tree
    assert "bone_protection_plan_text" not in _imports("bone_protection_plan_tree")
    tree_functions = {n.name for n in ast.parse((SRC / "bone_protection_plan_tree.py").read_text(encoding="utf-8")).body
                      if isinstance(n, ast.FunctionDef)}
    assert not {f for f in tree_functions if f.startswith("_t_")}


def test_the_plans_names_stay_importable_from_its_module():
    for name in ("CALCULATOR", "TREE", "ACTIONS", "URGENT_FIRST", "START_NOW", "_TIMING", "PHASE_TITLES",
                 "AGENT_NAMES", "facts_of", "HYPERCALCAEMIA_ABOVE", "SEVERE_RENAL_BELOW"):
        assert hasattr(plan, name), name
