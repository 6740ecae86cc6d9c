"""docs/ci.md: its GitHub Actions, GitLab CI and pre-commit examples work as written.

Every `planner ...` command in the examples' scripts is run with bash through the installed
console script, in a checkout of the repository's own events.yaml (see conftest.workspace),
with the variables GitHub and GitLab would set; the sites `planner build` writes are opened
and their subscribe links checked against the documented address.
"""

from __future__ import annotations

import json
import re
import shlex
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from planner.diff import MARKDOWN_MARKER
from tests.ci.conftest import BIN, environment
from tests.ci.test_annotations import TYPO
from tests.conftest import ROOT

DOC = ROOT / "docs" / "ci.md"
FENCE = re.compile(r"^```(\w+)\n(.*?)^```", re.MULTILINE | re.DOTALL)
ACTION_INPUTS = set(yaml.safe_load((ROOT / "action.yml").read_text("utf-8"))["inputs"])
HOOKS = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))}

# What GitHub and GitLab would set for a pull/merge request against main.
CI_VARIABLES = {
    "BASE_REF": "main",
    "PR_NUMBER": "1",
    "CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main",
    "CI_PAGES_URL": "https://example.gitlab.io/programme",
}


def _blocks(language: str) -> list[str]:
    return [body for lang, body in FENCE.findall(DOC.read_text("utf-8")) if lang == language]


def _documents() -> list[dict[str, Any]]:
    return [yaml.safe_load(body) for body in _blocks("yaml")]


def _is_github(document: dict[Any, Any]) -> bool:
    # PyYAML reads the key `on` as True (YAML 1.1); either spelling marks a workflow.
    return "jobs" in document and ("on" in document or True in document)


def _scripts(document: dict[str, Any]) -> list[str]:
    if _is_github(document):
        steps = [step for job in document["jobs"].values() for step in job["steps"]]
        return [step["run"] for step in steps if "run" in step]
    jobs = [job for job in document.values() if isinstance(job, dict) and "script" in job]
    return [line for job in jobs for line in job["script"]]


def _planner_commands() -> list[str]:
    commands = []
    for document in _documents():
        if "repos" in document:
            continue
        for script in _scripts(document):
            joined = script.replace("\\\n", " ")
            commands += [
                line.strip() for line in joined.splitlines() if line.startswith("planner ")
            ]
    return commands


COMMANDS = list(dict.fromkeys(_planner_commands()))  # the same command is run once


def test_the_page_has_github_gitlab_and_pre_commit_examples() -> None:
    documents = _documents()
    assert sum(map(_is_github, documents)) >= 2
    assert any("stages" in document for document in documents)
    assert any("repos" in document for document in documents)
    assert {c.split()[1] for c in COMMANDS} >= {"validate", "diff", "build"}


def test_examples_use_only_inputs_the_action_has() -> None:
    for document in filter(_is_github, _documents()):
        for job in document["jobs"].values():
            for step in job["steps"]:
                if step.get("uses", "").startswith("OWNER/planner@"):
                    assert set(step.get("with", {})) <= ACTION_INPUTS


@pytest.mark.parametrize("command", COMMANDS)
def test_each_documented_command_runs(command: str, workspace: Path, tmp_path: Path) -> None:
    assert "${{" not in command, "pass values through env:, not ${{ }} in scripts"
    env = environment(GITHUB_STEP_SUMMARY=str(tmp_path / "summary.md"), **CI_VARIABLES)
    result = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", command],
        cwd=workspace,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    _check_report(command, workspace)


def _check_report(command: str, workspace: Path) -> None:
    """The files the commands write are what the page says they are."""
    if "> planner.sarif" in command:
        assert json.loads((workspace / "planner.sarif").read_text("utf-8"))["version"] == "2.1.0"
    if "> programme-changes.md" in command:
        report = (workspace / "programme-changes.md").read_text("utf-8")
        assert report.startswith(MARKDOWN_MARKER)
        assert "**Retitled**" in report  # the change the workspace's pull request makes
    if command.startswith("planner build"):
        _check_site(command, workspace)


def _check_site(command: str, workspace: Path) -> None:
    """The folder named by -o holds the site, its feeds subscribed at the --base-url given."""
    words = shlex.split(command)
    site = workspace / words[words.index("-o") + 1]
    index = (site / "index.html").read_text("utf-8")
    base = re.sub(r"\$(\w+)", lambda m: CI_VARIABLES[m[1]], words[words.index("--base-url") + 1])
    host_and_path = base.split("://", 1)[1].rstrip("/")
    assert f'href="webcal://{host_and_path}/ics/programme.ics"' in index
    assert (site / "ics" / "programme.ics").is_file()
    assert json.loads((site / "diagnostics.json").read_text("utf-8"))["summary"]["errors"] == 0


def test_the_pre_commit_examples_run_the_hook(workspace: Path) -> None:
    for document in _documents():
        for repo in document.get("repos", []):
            for use in repo["hooks"]:
                hook = {**HOOKS[use["id"]], **use}
                files = [] if hook["pass_filenames"] is False else ["events.yaml"]
                assert re.search(hook["files"], "events.yaml")
                entry = shlex.split(hook["entry"])
                command = [str(BIN / entry[0]), *entry[1:], *hook.get("args", []), *files]
                result = subprocess.run(command, cwd=workspace, capture_output=True, text=True)
                assert result.returncode == 0, result.stdout + result.stderr


def test_the_annotation_shown_is_what_validate_prints(tmp_path: Path) -> None:
    (example,) = [body for body in _blocks("text") if body.startswith("::error")]
    (tmp_path / "events.yaml").write_text(TYPO, encoding="utf-8")
    result = subprocess.run(
        [str(BIN / "planner"), "validate", "events.yaml", "--format", "github"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.stdout == example
