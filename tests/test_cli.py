"""The CLI through its real entry point: exit codes, formats, help."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.main import get_command

from planner.cli import app
from planner.loading.sourcemap import SourceMap
from planner.loading.yaml12 import parse_yaml
from tests.conftest import DATA, EVENTS_YAML, ROOT

BROKEN = DATA / "invalid" / "unknown-speaker.yaml"


def _events_data() -> Any:
    """The bundled programme as YAML 1.2 data (PyYAML's safe_load would read dates as dates)."""
    text = EVENTS_YAML.read_text(encoding="utf-8")
    return parse_yaml(text, "events.yaml", SourceMap()).data


def test_the_bundled_programme_is_valid(runner) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["validate", str(EVENTS_YAML)])
    assert result.exit_code == 0, result.output
    assert "is valid: 0 errors" in result.output


def test_validate_defaults_to_events_yaml_in_the_working_directory(runner, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 0
    assert result.output.endswith("events.yaml is valid: " + result.output.split("is valid: ")[1])


def test_errors_exit_1_with_file_line_column(runner) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["validate", str(BROKEN)])
    assert result.exit_code == 1
    assert (
        f"{BROKEN}:22:20: error unknown-reference: there is no person or group with the id `le`; did you mean `lee`?"
        in result.output
    )


def test_json_format_lists_diagnostics_and_a_summary(runner) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["validate", str(BROKEN), "--format", "json"])
    assert result.exit_code == 1
    document = json.loads(result.output)
    (diagnostic,) = [d for d in document["diagnostics"] if d["code"] == "unknown-reference"]
    assert {key: diagnostic[key] for key in ("line", "column", "severity")} == {
        "line": 22, "column": 20, "severity": "error",
    }  # fmt: skip
    assert diagnostic["file"] == str(BROKEN)
    assert diagnostic["path"] == "events.kickoff.sessions[0].speakers[0]"
    assert document["summary"]["errors"] >= 1


def test_github_format_annotates_the_line(runner) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["validate", str(BROKEN), "--format", "github"])
    assert (
        f"::error file={BROKEN},line=22,col=20,title=unknown-reference::there is no person"
        in result.output
    )


def test_warnings_fail_only_under_strict(runner) -> None:  # type: ignore[no-untyped-def]
    path = DATA / "invalid" / "ambiguous-time.yaml"
    assert runner.invoke(app, ["validate", str(path), "--select", "weekend"]).exit_code == 0
    assert (
        runner.invoke(app, ["validate", str(path), "--strict", "--select", "weekend"]).exit_code
        == 1
    )


def test_usage_problems_exit_2(runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    missing = runner.invoke(app, ["validate", str(tmp_path / "nope.yaml")])
    assert missing.exit_code == 2
    assert "no such file" in missing.output
    assert runner.invoke(app, ["validate", "--format", "xml"]).exit_code == 2
    assert runner.invoke(app, ["validate", str(tmp_path)]).exit_code == 2


def test_python_dash_m_runs_the_same_cli() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "planner", "validate", str(BROKEN)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 1
    assert "unknown-reference" in done.stdout
    assert "Traceback" not in done.stdout + done.stderr


def test_schema_is_draft_2020_12_and_accepts_the_bundled_programme(runner) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["schema"])
    schema = json.loads(result.output)
    jsonschema.Draft202012Validator.check_schema(schema)
    programme = _events_data()
    jsonschema.Draft202012Validator(schema).validate(programme)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_schema_rejects_an_unknown_session_key(runner) -> None:  # type: ignore[no-untyped-def]
    schema = json.loads(runner.invoke(app, ["schema"]).output)
    programme = _events_data()
    first_event = next(iter(programme["events"].values()))
    first_event["sessions"][0]["titel"] = "typo"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(programme)


@pytest.mark.parametrize("kind", ["events", "sessions", "people", "venues", "groups"])
def test_list_prints_a_table_or_json(runner, kind: str) -> None:  # type: ignore[no-untyped-def]
    table = runner.invoke(app, ["list", kind, "-f", str(EVENTS_YAML)])
    assert table.exit_code == 0
    rows = json.loads(
        runner.invoke(app, ["list", kind, "-f", str(EVENTS_YAML), "--format", "json"]).output
    )
    assert rows and all("id" in row for row in rows)
    assert rows[0]["id"] in table.output


def test_list_counts_match_the_programme(runner) -> None:  # type: ignore[no-untyped-def]
    import planner

    programme = planner.load(EVENTS_YAML)
    rows = json.loads(
        runner.invoke(app, ["list", "sessions", "-f", str(EVENTS_YAML), "--format", "json"]).output
    )
    assert len(rows) == len(programme.sessions)


def _commands() -> list[tuple[str, Any]]:
    group: Any = get_command(app)
    return sorted(group.commands.items())


@pytest.mark.parametrize(("name", "command"), _commands(), ids=[name for name, _ in _commands()])
def test_every_command_is_documented_with_an_example(name: str, command: Any) -> None:
    assert command.help and len(command.help.split()) >= 5, f"{name} has no help text"
    assert "Example:" in command.help, f"{name}'s help has no example"
