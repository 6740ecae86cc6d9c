"""`planner validate --format github`: a pull request gets an annotation on the right line."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planner.cli import app

PLANNER = str(Path(sys.executable).with_name("planner"))
ANNOTATION = re.compile(
    r"^::(error|warning|notice) file=([^,]+),line=(\d+),col=(\d+),title=([^:]+)::"
)

TYPO = """\
version: 1
programme: {name: Typo, timezone: Asia/Seoul}
venues:
  hall: {name: Hall, timezone: Asia/Seoul}
people:
  lee: {name: Lee}
events:
  e:
    title: E
    venue: hal
    sessions:
      - {id: a, title: A, start: "2024-01-01 10:00", end: "2024-01-01 11:00", speakers: [lee]}
"""

DOUBLE_BOOKED = """\
version: 1
programme: {name: Double booking, timezone: Asia/Seoul}
venues:
  hall: {name: Hall, timezone: Asia/Seoul}
  annex: {name: Annex, timezone: Asia/Seoul}
people:
  lee: {name: Lee Kyong-yul}
events:
  summit:
    title: Summit
    venue: hall
    sessions:
      - id: keynote
        title: Keynote
        date: 2024-04-18
        time: "10:00-11:00"
        speakers: [lee]
      - id: panel
        title: Panel
        date: 2024-04-18
        time: "10:30-11:30"
        venue: annex
        speakers: [lee]
"""
PANEL_LINES = range(18, 24)  # the panel, which makes the clash: `- id: panel` to `speakers`


def _annotations(output: str) -> list[tuple[str, str, int, int, str]]:
    found = []
    for line in output.splitlines():
        match = ANNOTATION.match(line)
        if match:
            level, file, row, column, code = match.groups()
            found.append((level, file, int(row), int(column), code))
    return found


def test_a_wrong_reference_is_annotated_on_its_line(tmp_path: Path) -> None:
    (tmp_path / "events.yaml").write_text(TYPO, encoding="utf-8")
    result = subprocess.run(
        [PLANNER, "validate", "events.yaml", "--format", "github"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert _annotations(result.stdout) == [("error", "events.yaml", 10, 12, "unknown-reference")]


def test_an_error_in_an_included_file_is_annotated_in_that_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner
) -> None:
    (tmp_path / "programmes").mkdir()
    root = "version: 1\nprogramme: {name: X, timezone: Asia/Seoul}\ninclude: [programmes/*.yaml]\n"
    (tmp_path / "events.yaml").write_text(root, encoding="utf-8")
    people = "people:\n  lee: {name: Lee, organisation: nowhere}\n"
    (tmp_path / "programmes/people.yaml").write_text(people, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["validate", "events.yaml", "--format", "github"])
    assert _annotations(result.stdout) == [
        ("error", "programmes/people.yaml", 2, 34, "unknown-reference")
    ]


def test_a_double_booked_speaker_is_annotated_on_the_session_that_clashes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner
) -> None:
    (tmp_path / "events.yaml").write_text(DOUBLE_BOOKED, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["validate", "events.yaml", "--format", "github"])
    assert result.exit_code == 1
    found = [a for a in _annotations(result.stdout) if a[4] == "person-double-booked"]
    assert len(found) == 1, result.stdout
    level, file, line, _, _ = found[0]
    assert (level, file) == ("error", "events.yaml")
    assert line in PANEL_LINES
