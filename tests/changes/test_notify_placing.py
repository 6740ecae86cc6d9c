"""Notices for a session ``planner schedule`` placed, and for one given back to it: they say
that it got (or lost) its time, in the reader's language, never "new" or "removed"."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from planner.cli import app
from tests.changes.conftest import STAMPS

OLD = """\
version: 1
programme: {name: Change tour, timezone: Asia/Seoul, uid_domain: changes.example.org}
venues:
  pangyo: {name: Pangyo Techno Valley, timezone: Asia/Seoul}
people:
  kim: {name: Kim Min-jun, email: kim@example.org, timezone: Asia/Seoul}
  ada: {name: Ada Obi, email: ada@example.org, timezone: Africa/Lagos, language: fr}
events:
  tour:
    title: Tour
    venue: pangyo
    sessions:
      - id: visit
        title: Pangyo visit
        duration: 2h
        window: {from: "2016-10-11 09:00", to: "2016-10-12 18:00"}
        participants: [kim]
      - id: talk
        title: Opening talk
        start: "2016-10-11 09:00"
        duration: 1h
        window: {from: "2016-10-11 09:00", to: "2016-10-12 18:00"}
        participants: [ada]
"""
NEW = OLD.replace(
    "      - id: visit\n        title: Pangyo visit\n",
    '      - id: visit\n        title: Pangyo visit\n        start: "2016-10-11 14:00"\n',
).replace('        start: "2016-10-11 09:00"\n', "")


@pytest.fixture(autouse=True)
def _epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(STAMPS[1]))


def test_placed_and_opened_sessions_are_told_as_such(runner: CliRunner, tmp_path: Path) -> None:
    old, new, out = tmp_path / "old.yaml", tmp_path / "new.yaml", tmp_path / "notices"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    result = runner.invoke(app, ["notify", str(old), str(new), "-o", str(out)])
    assert result.exit_code == 0, result.output
    kim = (out / "people" / "kim.txt").read_text(encoding="utf-8")
    assert "* Pangyo visit (Tour): placed" in kim and "This session now has a time." in kim
    assert "New session." not in kim
    ada = (out / "people" / "ada.txt").read_text(encoding="utf-8")  # Ada reads French
    assert "horaire à fixer" in ada
    assert (
        "elle sera reprogrammée." in ada and "pour l\N{RIGHT SINGLE QUOTATION MARK}instant" in ada
    )
    assert "retirée du programme" not in ada
