"""`planner diff` through the command line: help, formats and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from planner.cli import app
from planner.cli.diff import diff
from planner.diff import MARKDOWN_MARKER

CASES = Path(__file__).resolve().parent / "cases"
OLD, NEW = str(CASES / "changes/old.yaml"), str(CASES / "changes/new.yaml")


def test_help_explains_the_versions_and_ends_with_an_example(runner: CliRunner) -> None:
    result = runner.invoke(app, ["diff", "--help"])
    assert result.exit_code == 0
    assert "REV:PATH" in result.output
    assert "Example: planner diff main:events.yaml events.yaml" in result.output
    assert (diff.__doc__ or "").strip().splitlines()[-1].strip().startswith("Example: planner")


def test_diff_is_a_listed_command(runner: CliRunner) -> None:
    assert " diff " in runner.invoke(app, ["--help"]).output


def test_text_says_who_is_affected(runner: CliRunner) -> None:
    result = runner.invoke(app, ["diff", OLD, NEW])
    assert result.exit_code == 0
    assert "moved: Pangyo visit (tour/pangyo-visit)" in result.stdout
    assert "2 affected: Kim Min-jun, Lee Seo-yeon" in result.stdout


def test_markdown_starts_with_the_marker_the_action_looks_for(runner: CliRunner) -> None:
    result = runner.invoke(app, ["diff", OLD, NEW, "--format", "markdown"])
    assert result.stdout.startswith(MARKDOWN_MARKER + "\n")


def test_json_is_one_document(runner: CliRunner) -> None:
    result = runner.invoke(app, ["diff", OLD, NEW, "--format", "json"])
    document = json.loads(result.stdout)
    assert document["summary"]["sessions_changed"] == 12
    assert document["changed"] is True


def test_exit_code_option_is_like_git_diff(runner: CliRunner) -> None:
    assert runner.invoke(app, ["diff", "--exit-code", OLD, NEW]).exit_code == 1
    assert runner.invoke(app, ["diff", "--exit-code", OLD, OLD]).exit_code == 0
    assert runner.invoke(app, ["diff", OLD, NEW]).exit_code == 0


def test_a_version_that_does_not_load_exits_1(runner: CliRunner) -> None:
    broken = str(CASES / "broken/new.yaml")
    result = runner.invoke(app, ["diff", OLD, broken])
    assert result.exit_code == 1
    assert "does not load (1 error)" in result.stdout
    assert "unknown-reference" in result.stdout


def test_a_folder_is_refused(runner: CliRunner) -> None:
    result = runner.invoke(app, ["diff", str(CASES), NEW])
    assert result.exit_code == 2
    assert "is a folder" in result.stderr
