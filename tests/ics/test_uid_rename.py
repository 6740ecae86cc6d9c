"""Calendar UIDs survive renaming the programme and its file; without `uid_domain` a warning
says how to pin them."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from planner.cli import app
from planner.validation import validate_file
from tests.conftest import SMALL_PROGRAMME


def _uids(path: Path) -> list[str]:
    result = CliRunner().invoke(app, ["ics", "-f", str(path)])
    assert result.exit_code == 0, result.output
    return re.findall(r"^UID:(.*)\r?$", result.stdout, re.MULTILINE)


def test_renaming_the_programme_and_its_file_keeps_every_uid(tmp_path: Path) -> None:
    first = tmp_path / "events.yaml"
    first.write_text(SMALL_PROGRAMME, encoding="utf-8")
    renamed = tmp_path / "seoul-2024.yaml"
    renamed.write_text(
        SMALL_PROGRAMME.replace("name: Small programme", "name: Seoul study tour 2024"),
        encoding="utf-8",
    )
    assert _uids(first) == _uids(renamed) == ["visit.tour@planner.invalid"]


def test_a_missing_uid_domain_is_a_warning_saying_how_to_pin_it(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    path.write_text(SMALL_PROGRAMME, encoding="utf-8")
    (warning,) = validate_file(path).diagnostics
    assert (warning.code, warning.severity, warning.location.line if warning.location else 0) == (
        "uid-domain-missing",
        "warning",
        2,
    )
    assert "`uid_domain: " in warning.message and "under `programme:`" in warning.message
    pinned = SMALL_PROGRAMME.replace(
        "timezone: Asia/Seoul}", "timezone: Asia/Seoul,\n  uid_domain: tours.example.org}", 1
    )
    path.write_text(pinned, encoding="utf-8")
    assert validate_file(path).diagnostics == ()
    assert _uids(path) == ["visit.tour@tours.example.org"]
