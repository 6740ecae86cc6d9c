"""`planner validate --format sarif`: SARIF 2.1.0 that code scanning accepts."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft4Validator  # type: ignore[import-untyped]
from typer.testing import CliRunner

from planner.cli import app
from planner.codes import CODES
from planner.diagnostics import Diagnostic, Location, Severity
from planner.exporters import registry
from planner.reporting.formats import SarifReport
from planner.reporting.sarif import SARIF_SCHEMA, render_sarif, sarif_log
from planner.rules.registry import RULES
from planner.validation import validate_file
from tests.conftest import DATA

SCHEMA = json.loads((DATA / "sarif-2.1.0-subset.schema.json").read_text(encoding="utf-8"))
INVALID = sorted((DATA / "invalid").glob("*.yaml"))


def _check(log: dict[str, Any]) -> None:
    errors = [error.message for error in Draft4Validator(SCHEMA).iter_errors(log)]
    assert errors == []


def _log_of(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[list[Diagnostic], dict[str, Any]]:
    monkeypatch.chdir(path.parent)  # file names relative to the "repository", as in CI
    diagnostics = list(validate_file(path.name).diagnostics)
    return diagnostics, json.loads(render_sarif(diagnostics, [path.name]))


def test_sarif_is_a_report_format() -> None:
    assert registry.get("report", "sarif").exporter() is SarifReport


@pytest.mark.parametrize("path", INVALID, ids=lambda path: path.stem)
def test_every_broken_file_gives_valid_sarif_on_the_right_line(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    diagnostics, log = _log_of(path, monkeypatch)
    _check(log)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [(r["ruleId"], r["level"]) for r in run["results"]] == [
        (d.code, {"error": "error", "warning": "warning", "info": "note"}[d.severity])
        for d in diagnostics
    ]
    for result, diagnostic in zip(run["results"], diagnostics, strict=True):
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        physical = result["locations"][0]["physicalLocation"]
        assert diagnostic.location is not None
        assert physical["artifactLocation"] == {
            "uri": diagnostic.location.file,
            "uriBaseId": "%SRCROOT%",
        }
        assert physical["region"]["startLine"] == diagnostic.location.line
        assert physical["region"]["startColumn"] == diagnostic.location.column


def test_the_header_names_the_format_and_the_tool() -> None:
    log = sarif_log([], ["events.yaml"])
    _check(log)
    assert log["$schema"] == SARIF_SCHEMA and log["version"] == "2.1.0"
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["name"] == "planner" and re.fullmatch(r"\d+\.\d+\.\d+.*", driver["version"])
    assert {rule["id"] for rule in driver["rules"]} == set(CODES)
    assert log["runs"][0]["results"] == []


def test_registered_rules_carry_their_documentation_as_help() -> None:
    rules = {rule["id"]: rule for rule in sarif_log([], [])["runs"][0]["tool"]["driver"]["rules"]}
    double_booked = rules["person-double-booked"]
    assert double_booked["shortDescription"]["text"] == RULES["person-double-booked"].summary
    assert double_booked["help"]["markdown"].startswith("## `person-double-booked`")
    assert double_booked["defaultConfiguration"] == {"level": "error"}


def test_every_code_in_the_corpus_is_described() -> None:
    expected = {path.with_suffix(".out") for path in INVALID}
    codes = {
        match
        for out in expected
        for match in re.findall(r" (?:error|warning|info) ([a-z-]+):", out.read_text("utf-8"))
    }
    assert codes <= set(CODES)


def test_codes_not_described_yet_get_a_rule_and_related_locations() -> None:
    found = Diagnostic(
        "not-a-rule-yet",
        Severity.ERROR,
        "Lee is in two sessions at once",
        Location("events.yaml", 30, 9, "events.e.sessions[1]"),
        related=(Location("events.yaml", 20, 9, "events.e.sessions[0]"),),
    )
    log = sarif_log([found], ["events.yaml"])
    _check(log)
    rules = {rule["id"]: rule for rule in log["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["not-a-rule-yet"]["shortDescription"] == {"text": "Not a rule yet."}
    (result,) = log["runs"][0]["results"]
    related = result["relatedLocations"][0]
    assert related["id"] == 1 and related["physicalLocation"]["region"]["startLine"] == 20
    assert result["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == (
        "events.e.sessions[1]"
    )


def test_the_fingerprint_ignores_the_line_so_alerts_survive_edits_above() -> None:
    def at(line: int) -> str:
        found = Diagnostic("schema", Severity.ERROR, "bad", Location("events.yaml", line, 3, "a.b"))
        fingerprints = sarif_log([found], ["events.yaml"])["runs"][0]["results"][0]
        return str(fingerprints["partialFingerprints"])

    assert at(3) == at(40)


def test_a_diagnostic_without_a_location_points_at_the_file_checked() -> None:
    found = Diagnostic("include-error", Severity.ERROR, "cannot read the file")
    log = sarif_log([found], ["programme/events.yaml"])
    _check(log)
    physical = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"]["uri"] == "programme/events.yaml"
    assert physical["region"] == {"startLine": 1, "startColumn": 1}


def test_names_with_spaces_become_uri_references() -> None:
    found = Diagnostic("schema", Severity.ERROR, "bad", Location("my programme/events.yaml", 2, 1))
    log = sarif_log([found], [])
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "my%20programme/events.yaml"


def test_the_cli_writes_sarif_and_fails_on_errors(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(DATA / "invalid")
    result = runner.invoke(app, ["validate", "unknown-reference.yaml", "--format", "sarif"])
    assert result.exit_code == 1
    _check(json.loads(result.stdout))
