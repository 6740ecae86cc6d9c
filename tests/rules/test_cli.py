"""`planner validate` with the rules: JSON fields, exit codes, --select/--ignore."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planner.cli import app
from tests.rules.conftest import FIXTURES


def _json(runner: CliRunner, *args: str) -> dict:  # type: ignore[type-arg]
    result = runner.invoke(app, ["validate", "--format", "json", *args])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_json_lists_sessions_people_and_related(runner: CliRunner) -> None:
    path = FIXTURES / "person-double-booked.yaml"
    report = _json(runner, str(path), "--select", "person-double-booked")
    first = report["diagnostics"][0]
    assert first["code"] == "person-double-booked" and first["severity"] == "error"
    assert (first["line"], first["column"]) == (31, 9)
    assert first["path"] == "events.exco.sessions[1]"
    assert first["sessions"] == ["exco/opening", "exco/briefing"]
    assert first["people"] == ["lee"]
    assert [(r["line"], r["column"]) for r in first["related"]] == [(30, 9)]
    assert "overlap by 30 min" in first["message"]


def test_rule_errors_fail_and_warnings_fail_only_under_strict(runner: CliRunner) -> None:
    hours = str(FIXTURES / "outside-venue-hours.yaml")
    assert runner.invoke(app, ["validate", hours, "--select", "outside-venue-hours"]).exit_code == 0
    strict = runner.invoke(app, ["validate", hours, "--select", "outside-venue-hours", "--strict"])
    assert strict.exit_code == 1
    booked = str(FIXTURES / "person-double-booked.yaml")
    assert runner.invoke(app, ["validate", booked]).exit_code == 1
    assert (
        runner.invoke(app, ["validate", booked, "--ignore", "person-double-booked"]).exit_code == 0
    )


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_an_unknown_code_on_the_command_line_is_a_usage_error(
    runner: CliRunner, option: str, tmp_path: Path
) -> None:
    result = runner.invoke(
        app, ["validate", str(FIXTURES / "weekend.yaml"), option, "weekend,wekend"]
    )
    assert result.exit_code == 2
    assert "there is no rule `wekend`; did you mean `weekend`?" in result.stderr
    assert result.stdout == ""
