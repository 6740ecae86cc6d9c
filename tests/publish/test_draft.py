"""Drafts: ``--draft``, ``--select`` and ``--ignore`` on the commands that publish."""

from __future__ import annotations

from pathlib import Path

import pytest
from icalendar import Calendar
from typer.testing import CliRunner

from planner.cli import app

CLASHING = """\
version: 1
programme: {name: Nairobi course, timezone: Africa/Nairobi, uid_domain: course.example.org}
venues:
  hotel: {name: Hotel, timezone: Africa/Nairobi}
people:
  wanjiru: {name: Wanjiru Kamau}
events:
  course:
    title: Course
    venue: hotel
    participants: [wanjiru]
    sessions:
      - {id: opening, title: Opening, date: 2024-03-05, time: "09:00-10:00"}
      - {id: panel, title: Panel, date: 2024-03-05, time: "09:30-11:00"}
"""
ENV = {"SOURCE_DATE_EPOCH": "1700000000"}


@pytest.fixture
def clashing(tmp_path: Path) -> Path:
    source = tmp_path / "events.yaml"
    source.write_text(CLASHING, encoding="utf-8")
    return source


def _run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, list(args), env=ENV)


def test_ics_refuses_and_says_how_to_publish_a_draft(clashing: Path, tmp_path: Path) -> None:
    target = tmp_path / "feed.ics"
    result = _run("ics", "-f", str(clashing), "-o", str(target))
    assert result.exit_code == 1 and not target.exists()
    lines = result.stderr.splitlines()
    assert lines[-1] == (
        f"planner: nothing written; {clashing}: 2 errors (1 person-double-booked, "
        "1 room-double-booked); to publish it anyway as a draft: planner ics --draft; "
        "to skip a rule: planner ics --ignore CODE"
    )
    assert sum(" error " in line for line in lines) == 2


def test_ics_draft_names_every_calendar_a_draft(clashing: Path, tmp_path: Path) -> None:
    result = _run("ics", "-f", str(clashing), "--draft", "--all", "-o", str(tmp_path / "ics"))
    assert result.exit_code == 0, result.output
    assert "publishing a draft despite 2 errors" in result.stderr
    for feed in (tmp_path / "ics").rglob("*.ics"):
        calendar = Calendar.from_ical(feed.read_bytes())
        assert str(calendar["X-WR-CALNAME"]).startswith("DRAFT: "), feed


def test_draft_keeps_uids(clashing: Path, tmp_path: Path) -> None:
    _run("ics", "-f", str(clashing), "--draft", "-o", str(tmp_path / "draft.ics"))
    _run(
        "ics",
        "-f",
        str(clashing),
        "--ignore",
        "person-double-booked,room-double-booked",
        "-o",
        str(tmp_path / "final.ics"),
    )
    uids = [
        sorted(str(e["UID"]) for e in Calendar.from_ical(p.read_bytes()).walk("VEVENT"))
        for p in (tmp_path / "draft.ics", tmp_path / "final.ics")
    ]
    assert uids[0] == uids[1] and len(uids[0]) == 2


def test_ignore_publishes_without_a_draft_mark(clashing: Path, tmp_path: Path) -> None:
    target = tmp_path / "feed.ics"
    result = _run(
        "ics",
        "-f",
        str(clashing),
        "--ignore",
        "person-double-booked,room-double-booked",
        "-o",
        str(target),
    )
    assert result.exit_code == 0, result.output
    assert str(Calendar.from_ical(target.read_bytes())["X-WR-CALNAME"]) == "Nairobi course"


def test_select_checks_only_the_chosen_rules(clashing: Path, tmp_path: Path) -> None:
    result = _run(
        "ics", "-f", str(clashing), "--select", "room-double-booked", "-o", str(tmp_path / "f.ics")
    )
    assert result.exit_code == 1
    assert "1 error (1 room-double-booked)" in result.stderr
    assert "person-double-booked" not in result.stderr


def test_unknown_rule_code_is_a_usage_error(clashing: Path) -> None:
    result = _run("ics", "-f", str(clashing), "--ignore", "room-double-bokked")
    assert result.exit_code == 2
    assert "room-double-booked" in result.stderr


def test_build_draft_marks_index_and_itineraries(clashing: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    refused = _run("build", "-f", str(clashing), "-o", str(site))
    assert refused.exit_code == 1 and not site.exists()
    assert "planner build --draft" in refused.stderr
    built = _run("build", "-f", str(clashing), "-o", str(site), "--draft")
    assert built.exit_code == 0, built.output
    index = (site / "index.html").read_text(encoding="utf-8")
    assert 'class="bad draft" role="alert"><strong>DRAFT</strong>' in index
    itinerary = (site / "itineraries" / "people" / "wanjiru.md").read_text(encoding="utf-8")
    assert itinerary.splitlines()[0].startswith("# Itinerary (DRAFT)")


def test_load_errors_stop_a_draft(tmp_path: Path) -> None:
    source = tmp_path / "events.yaml"
    source.write_text(CLASHING.replace("participants: [wanjiru]", "participants: [wanjiro]"))
    result = _run("build", "-f", str(source), "-o", str(tmp_path / "site"), "--draft")
    assert result.exit_code == 1 and not (tmp_path / "site").exists()
    assert "fix these first: a draft needs a file that loads" in result.stderr


def test_itinerary_writes_and_notes_the_selected_rules(clashing: Path) -> None:
    result = _run("itinerary", "wanjiru", "-f", str(clashing), "--select", "person-double-booked")
    assert result.exit_code == 0
    assert "Opening" in result.stdout
    assert result.stderr.strip() == (
        "planner: note: 1 error (1 person-double-booked); planner validate shows them"
    )


def test_agenda_without_rule_options_runs_no_rules(clashing: Path) -> None:
    result = _run("agenda", "-f", str(clashing))
    assert result.exit_code == 0 and result.stderr == ""


def test_build_shows_warnings_on_the_terminal_and_in_the_index(tmp_path: Path) -> None:
    from tests.hybrid.test_hybrid import NAIROBI

    site = tmp_path / "site"
    result = _run("build", "-f", str(NAIROBI), "-o", str(site))
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"{NAIROBI}:34:9: warning night-session: ")
    assert (
        lines[-1] == f"planner: 1 warning; listed in {site / 'index.html'}, all in planner validate"
    )
    index = (site / "index.html").read_text(encoding="utf-8")
    assert '<p class="warn">Checked: 0 errors, 1 warning' in index
    assert "<code>night-session</code>" in index and "line 34 (events.course.sessions[0])" in index
