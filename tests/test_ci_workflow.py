"""The CI workflow is linted here, offline, so that a broken workflow fails before it reaches the forge.

check-jsonschema validates it against the GitHub Actions workflow schema it vendors (pinned in
requirements.lock); the tests below add what a schema cannot see.
"""

from __future__ import annotations

import pathlib
import re
import subprocess
import sys

import pytest
from ruamel.yaml import YAML

ROOT = pathlib.Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
CI = ROOT / ".github" / "workflows" / "ci.yml"


def _lint(paths) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
                           *map(str, paths)], capture_output=True, text=True, timeout=120)


def _load(path: pathlib.Path) -> dict:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def test_there_is_a_ci_workflow():
    assert CI in WORKFLOWS


def test_every_workflow_matches_the_github_actions_schema():
    proc = _lint(WORKFLOWS)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_the_linter_catches_a_broken_workflow():
    # the same vendored schema the linter uses, in-process (quicker than a second linter run)
    import json
    from importlib import resources

    import jsonschema

    schema = json.loads((resources.files("check_jsonschema") / "builtin_schemas" / "vendor" / "github-workflows.json")
                        .read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)
    assert validator.is_valid(_load(CI))
    broken = YAML(typ="safe").load(CI.read_text(encoding="utf-8").replace("runs-on:", "run-on:", 1))
    assert not validator.is_valid(broken)


def _steps(wf: dict):
    for job_id, job in wf["jobs"].items():
        for step in job.get("steps", []):
            yield job_id, step


def test_every_action_is_pinned_to_a_release():
    loose = [f"{job}: {s['uses']}" for wf in map(_load, WORKFLOWS) for job, s in _steps(wf)
             if "uses" in s and not re.search(r"@(v\d+(\.\d+)*|[0-9a-f]{40})$", s["uses"])]
    assert not loose, loose


def test_every_make_target_the_workflow_runs_exists():
    targets = set(re.findall(r"^([A-Za-z][\w-]*):", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M))
    called = {m for wf in map(_load, WORKFLOWS) for _, s in _steps(wf)
              for m in re.findall(r"^\s*make ([\w-]+)", s.get("run", ""), re.M)}
    assert called and called <= targets, called - targets


def test_pull_requests_run_make_test_publish_the_site_and_the_clinical_diff():
    wf = _load(CI)
    on = wf.get("on", wf.get(True))  # YAML 1.1 reads a bare `on` as true
    assert "pull_request" in on and on["push"]["branches"] == ["main"]
    steps = [s for _, s in _steps({"jobs": {"test": wf["jobs"]["test"]}})]
    runs = "\n".join(s.get("run", "") for s in steps)
    assert re.search(r"^make test( TEST_JOBS=\w+)?$", runs, re.M)
    assert "make clinical-diff" in runs and "$GITHUB_STEP_SUMMARY" in runs
    uploads = [s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@")]
    assert any(s["with"]["path"] == "_build/html" for s in uploads)
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0  # the merge base must be in the clone


def test_the_fast_lane_runs_first_and_the_full_suite_only_after_it():
    wf = _load(CI)
    fast = "\n".join(s.get("run", "") for _, s in _steps({"jobs": {"fast": wf["jobs"]["fast"]}}))
    assert re.search(r"^make test-fast( TEST_JOBS=\w+)?$", fast, re.M)
    assert "make test\n" not in fast + "\n" and not re.search(r"^make test( |$)", fast, re.M)
    assert wf["jobs"]["test"]["needs"] in ("fast", ["fast"])
    assert wf["jobs"]["fast"]["if"] == wf["jobs"]["test"]["if"]  # both run on the same events


def test_only_a_push_to_main_deploys_to_pages_and_only_that_job_may_write():
    wf = _load(CI)
    assert wf["permissions"] == {"contents": "read"}
    deploy = wf["jobs"]["deploy"]
    assert "refs/heads/main" in deploy["if"] and "push" in deploy["if"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert [j for j, job in wf["jobs"].items() if "permissions" in job] == ["deploy"]


@pytest.mark.parametrize("needle", ["python:3.11-bookworm"])
def test_ci_runs_the_python_the_lock_was_made_with(needle):
    assert needle in CI.read_text(encoding="utf-8")
    assert "Python 3.11" in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines()[0]
