"""The publishing workflow cannot run here; this checks that it parses and calls make targets that exist."""

from __future__ import annotations

import re

import yaml

from guide.paths import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"


def make_targets() -> set[str]:
    return set(re.findall(r"^([a-z][\w-]*):", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M))


def run_steps() -> list[dict]:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return [step for job in workflow["jobs"].values() for step in job.get("steps", []) if "run" in step]


def test_the_workflow_parses_and_publishes_on_pushes_to_main() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert triggers["push"]["branches"] == ["main"]
    uses = [step.get("uses", "") for job in workflow["jobs"].values() for step in job["steps"]]
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)


def test_the_workflow_calls_only_make_targets_that_exist() -> None:
    called = {target for step in run_steps() for target in re.findall(r"\bmake (\w[\w-]*)", step["run"])}
    assert called >= {"test", "build"}
    assert called <= make_targets()


def test_the_published_build_sets_its_address() -> None:
    build = next(step for step in run_steps() if "make build" in step["run"])
    assert {"SITE_URL", "REPO_URL"} <= set(build["env"])
