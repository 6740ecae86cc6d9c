"""Reviewing a placement: read once, checked by `validate` later, shown as placed by `diff`."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import planner.loading.files as files
from planner.cli import app
from planner.schedule import schedule_file
from planner.validation import validate_file
from tests.schedule.test_schedule import TOUR


def test_the_programme_is_parsed_once(write_yaml, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    path = write_yaml(TOUR)
    parsed: Counter[str] = Counter()
    real = files.parse_yaml

    def counting(text: str, display: str, *args: Any, **kwargs: Any) -> Any:
        parsed[Path(display).name if Path(display).parent == path.parent else display] += 1
        return real(text, display, *args, **kwargs)

    monkeypatch.setattr(files, "parse_yaml", counting)
    result = schedule_file(path)
    assert result.ok, result.diagnostics
    # The input once; the edited text once more, to check it with the rules before writing.
    assert parsed[path.name] == 1
    assert sum(parsed.values()) == 2


def _placed_by_hand(write_yaml, start: str) -> Path:  # type: ignore[no-untyped-def]
    path = write_yaml(TOUR)
    result = CliRunner().invoke(app, ["schedule", "-f", str(path), "-o", str(path)])
    assert result.exit_code == 0, result.output
    text = path.read_text()
    assert '        start: "2016-10-11 10:45"' in text
    path.write_text(text.replace('start: "2016-10-11 10:45"', f'start: "{start}"'))
    return path


def test_validate_catches_a_placed_session_moved_out_of_its_window(write_yaml) -> None:  # type: ignore[no-untyped-def]
    path = _placed_by_hand(write_yaml, "2016-10-11 17:00")
    found = [d for d in validate_file(path).diagnostics if d.code == "outside-window"]
    assert [d.message for d in found] == [
        '"Pangyo visit" (2016-10-11 17:00-19:00 KST) runs 1 h past the end of its window '
        "(2016-10-11 09:00-18:00 KST)",
        # The talk was placed after the visit: now the visit ends after the talk starts.
        '"Talk" (2016-10-11 13:30-14:30 KST) must start after "Pangyo visit" ends '
        "(2016-10-11 19:00 KST), but starts 5 h 30 min before that",
    ]
    assert [d.location.line for d in found if d.location] == [25, 31]


def test_validate_accepts_what_schedule_wrote(write_yaml) -> None:  # type: ignore[no-untyped-def]
    path = _placed_by_hand(write_yaml, "2016-10-11 10:45")
    assert not [d for d in validate_file(path).diagnostics if d.code == "outside-window"]


def test_diff_of_a_placement_says_placed(write_yaml, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    before = write_yaml(TOUR, "old/events.yaml")
    after = write_yaml(TOUR, "new/events.yaml")
    assert CliRunner().invoke(app, ["schedule", "-f", str(after), "-o", str(after)]).exit_code == 0
    result = CliRunner().invoke(app, ["diff", str(before), str(after)])
    assert "2 sessions changed (2 placed)" in result.stdout
    assert "placed: Pangyo visit (tour/visit)" in result.stdout
    assert "removed" not in result.stdout and "added" not in result.stdout
    # and back: opening them again is not a removal either
    back = CliRunner().invoke(app, ["diff", str(after), str(before)])
    assert "2 sessions changed (2 opened)" in back.stdout
    assert "opened: Talk (tour/talk)" in back.stdout
