"""action.yml (the composite GitHub Action) and .pre-commit-hooks.yaml: shape and scripts.

The action's shell steps are run here with bash, as the runner would, with the variables
GitHub provides set by hand and `gh` replaced by a recorder, so the scripts themselves are
tested and not only their YAML.
"""

from __future__ import annotations

import re
import shlex
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.ci.conftest import RETITLED, environment
from tests.conftest import ROOT

ACTION: dict[str, Any] = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
HOOKS: list[dict[str, Any]] = yaml.safe_load(
    (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
)
STEPS: list[dict[str, Any]] = ACTION["runs"]["steps"]
MARKER = "<!-- planner-diff -->"


def _step(name: str) -> dict[str, Any]:
    return next(step for step in STEPS if step.get("name") == name)


def _run_step(
    name: str, folder: Path, tmp_path: Path, **variables: str
) -> tuple[subprocess.CompletedProcess[str], dict[str, str]]:
    """Run one `run:` step with bash -e -o pipefail (GitHub's default) and its outputs."""
    step = _step(name)
    outputs = tmp_path / "github_output"
    outputs.write_text("")
    env = environment(
        GITHUB_OUTPUT=str(outputs),
        GITHUB_STEP_SUMMARY=str(tmp_path / "summary.md"),
        RUNNER_TEMP=str(tmp_path),
        **variables,
    )
    result = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    found = dict(line.split("=", 1) for line in outputs.read_text().splitlines() if "=" in line)
    return result, found


# -- the shape of action.yml ----------------------------------------------------------------


def test_the_action_is_composite_with_the_documented_inputs() -> None:
    assert ACTION["runs"]["using"] == "composite"
    assert ACTION["name"] and ACTION["description"]
    expected = {"file", "python-version", "build", "base-url", "upload-artifact", "comment-diff"}
    assert expected <= set(ACTION["inputs"])
    for name, spec in ACTION["inputs"].items():
        assert spec.get("description"), name
        assert isinstance(spec.get("default", ""), str), f"{name}: inputs are strings"


def test_every_run_step_names_its_shell_and_keeps_expressions_out_of_scripts() -> None:
    for step in STEPS:
        if "run" in step:
            assert step.get("shell") == "bash", step.get("name")
            # Values reach scripts through env: `${{ }}` in a script is an injection risk.
            assert "${{" not in step["run"], step.get("name")


def test_every_input_and_step_referred_to_exists() -> None:
    text = (ROOT / "action.yml").read_text(encoding="utf-8")
    assert set(re.findall(r"inputs\.([a-z-]+)", text)) <= set(ACTION["inputs"])
    ids = {step["id"] for step in STEPS if "id" in step}
    assert set(re.findall(r"steps\.([a-z-]+)\.", text)) <= ids
    for output in ACTION["outputs"].values():
        assert re.fullmatch(r"\$\{\{ steps\.[a-z-]+\.outputs\.[a-z]+ \}\}", output["value"])


def test_the_action_installs_itself_and_uses_the_documented_commands() -> None:
    uses = [step["uses"].split("@")[0] for step in STEPS if "uses" in step]
    assert uses == ["actions/setup-python", "actions/upload-artifact"]
    install = _step("Install planner")
    assert install["env"]["ACTION_PATH"] == "${{ github.action_path }}"
    assert 'pip install --disable-pip-version-check --quiet "$ACTION_PATH"' in install["run"]
    assert 'planner build "${args[@]}"' in _step("Build the site")["run"]
    assert "--base-url" in _step("Build the site")["run"]
    diff = _step("Describe the changes")
    assert diff["if"] == "github.event_name == 'pull_request' && inputs.comment-diff == 'true'"


# -- the action's scripts, run -----------------------------------------------------------


def test_validate_records_the_result_instead_of_failing_at_once(
    workspace: Path, tmp_path: Path
) -> None:
    ok, outputs = _run_step(
        "Validate", workspace, tmp_path, PLANNER_FILE="events.yaml", PLANNER_STRICT="false"
    )
    assert ok.returncode == 0, ok.stderr
    assert outputs == {"valid": "true"}
    broken = tmp_path / "broken.yaml"
    broken.write_text("version: 1\nprogramme: {name: X, timezone: Nowhere/City}\n")
    failed, outputs = _run_step(
        "Validate", tmp_path, tmp_path, PLANNER_FILE="broken.yaml", PLANNER_STRICT="true"
    )
    assert failed.returncode == 0, failed.stderr
    assert outputs == {"valid": "false"}
    assert "::error file=broken.yaml,line=2," in failed.stdout


@pytest.mark.parametrize(
    ("base_url", "link"),
    [
        ("", 'href="ics/programme.ics" download'),
        ("https://x.org/p/", 'href="webcal://x.org/p/ics/'),
    ],
    ids=["download-links", "subscribe-links"],
)
def test_build_writes_the_site_and_names_its_folder(
    workspace: Path, tmp_path: Path, base_url: str, link: str
) -> None:
    site = tmp_path / "site"
    result, outputs = _run_step(
        "Build the site",
        workspace,
        tmp_path,
        PLANNER_FILE="events.yaml",
        PLANNER_OUTPUT=str(site),
        PLANNER_BASE_URL=base_url,
    )
    assert result.returncode == 0, result.stderr
    assert outputs == {"site": str(site)}
    assert link in (site / "index.html").read_text(encoding="utf-8")


def test_describe_fetches_the_base_branch_and_writes_the_report(
    workspace: Path, tmp_path: Path
) -> None:
    result, outputs = _run_step(
        "Describe the changes", workspace, tmp_path, PLANNER_FILE="events.yaml", BASE_REF="main"
    )
    assert result.returncode == 0, result.stderr
    report = Path(outputs["report"]).read_text(encoding="utf-8")
    assert report.startswith(MARKER + "\n")
    assert "From `origin/main:events.yaml` to `events.yaml`." in report
    assert RETITLED in report
    assert (tmp_path / "summary.md").read_text(encoding="utf-8") == report


def test_describe_gives_up_quietly_when_the_base_has_no_programme(
    workspace: Path, tmp_path: Path
) -> None:
    result, outputs = _run_step(
        "Describe the changes", workspace, tmp_path, PLANNER_FILE="new.yaml", BASE_REF="main"
    )
    assert result.returncode == 0
    assert "report" not in outputs
    assert "::notice title=planner diff::" in result.stdout


def _fake_gh(folder: Path, listing: str) -> Path:
    """A `gh` that prints ``listing`` for the comment search and logs every call."""
    log = folder / "gh.log"
    script = folder / "bin" / "gh"
    script.parent.mkdir()
    script.write_text(
        "#!/bin/sh\n"
        f'echo "$*" >> {shlex.quote(str(log))}\n'
        f'case "$*" in *--paginate*) printf "%s" {shlex.quote(listing)} ;; esac\n'
    )
    script.chmod(0o755)
    return log


@pytest.mark.parametrize(
    ("listing", "expected"),
    [
        ("", "api --method POST repos/o/r/issues/7/comments -F body=@"),
        ("1001\n1002\n", "api --method PATCH repos/o/r/issues/comments/1002 -F body=@"),
    ],
    ids=["first-comment", "edits-its-comment"],
)
def test_comment_posts_once_then_edits_in_place(
    tmp_path: Path, listing: str, expected: str
) -> None:
    log = _fake_gh(tmp_path, listing)
    report = tmp_path / "report.md"
    report.write_text(MARKER + "\nchanges\n")
    variables = {"REPORT": str(report), "PR_NUMBER": "7", "REPOSITORY": "o/r", "GH_TOKEN": "x"}
    step = _step("Comment on the pull request")
    env = environment(**variables)
    env["PATH"] = f"{tmp_path / 'bin'}:{env['PATH']}"
    result = subprocess.run(
        ["bash", "-eo", "pipefail", "-c", step["run"]], env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    calls = log.read_text().splitlines()
    assert calls[0] == "api user --jq .login"
    assert calls[1].startswith("api repos/o/r/issues/7/comments --paginate --jq")
    # Only its own comment: the token's author (here the default token's) and the marker.
    assert '.user.login == "github-actions[bot]"' in calls[1]
    assert 'startswith("<!-- planner-diff -->")' in calls[1]
    assert calls[2] == expected + str(report)


# -- .pre-commit-hooks.yaml ---------------------------------------------------------------


def test_the_pre_commit_hook_validates_programme_files() -> None:
    (hook,) = HOOKS
    assert hook["id"] == "planner-validate"
    assert hook["entry"] == "planner validate"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is True
    files = re.compile(hook["files"])
    assert all(files.search(p) for p in ("events.yaml", "events.yml", "conf/events.yaml"))
    assert not any(files.search(p) for p in ("myevents.yaml", "events.yaml.bak", "a/b.yaml"))
