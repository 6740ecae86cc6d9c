"""planner schedule: placements that every rule accepts, written into the text as a small edit."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from typer.testing import CliRunner

from planner.cli import app
from planner.schedule import Impossible, OutOfTime, Placed, schedule_file
from planner.validation import validate_file

HEAD = """\
version: 1
programme:
  name: Test
  timezone: Asia/Seoul
  rules:
    travel-times:
      - {between: [hotel, park], time: 45m}
venues:
  hotel: {name: Koreana Hotel, timezone: Asia/Seoul, rooms: {a: {name: Room A, capacity: 10}, b: {name: Room B, capacity: 1}}}
  park: {name: Pangyo Techno Valley, timezone: Asia/Seoul, hours: "09:00-18:00"}
people:
  ana: {name: Ana}
  bo: {name: Bo}
groups:
  cohort: {name: training cohort, members: [ana, bo]}
"""

TOUR = (
    HEAD
    + """\
events:
  tour:
    title: Tour
    dates: {start: 2016-10-11, end: 2016-10-12}
    venue: hotel
    participants: [cohort]
    sessions:
      # the morning lecture stays where it is
      - {id: lecture, title: Lecture, date: 2016-10-11, time: "09:00-10:00", room: a}
      - id: visit
        title: Pangyo visit   # a comment that must stay
        duration: 2h
        venue: park
        window: {from: "2016-10-11 09:00", to: "2016-10-11 18:00"}
      - {id: talk, title: Talk, duration: 1h, rooms: [b, a], after: [visit],
         window: {from: "2016-10-11 09:00", to: "2016-10-11 20:00"}}
"""
)


def _placed(path: Path) -> dict[str, str]:
    result = schedule_file(path)
    assert isinstance(result.outcome, Placed), result.diagnostics
    assert result.ok
    return {
        p.task.session.id: f"{p.start:%Y-%m-%d %H:%M} {p.choice.venue_id} {p.choice.room_id}"
        for p in result.outcome.placements
    }


def test_places_after_the_trip_and_in_order(write_yaml) -> None:  # type: ignore[no-untyped-def]
    path = write_yaml(TOUR)
    # The lecture ends at 10:00 at the hotel and the trip takes 45 min: 10:45 is the first
    # start; the talk comes after the visit (12:45) and the trip back (13:30), in the room
    # that holds the two of them.
    assert _placed(path) == {
        "visit": "2016-10-11 10:45 park None",
        "talk": "2016-10-11 13:30 hotel a",
    }


def test_writes_only_the_new_keys(write_yaml) -> None:  # type: ignore[no-untyped-def]
    path = write_yaml(TOUR)
    result = schedule_file(path)
    (edited,) = result.edited
    removed = [line for line in edited.before.splitlines() if line not in edited.after]
    added = [line for line in edited.after.splitlines() if line not in edited.before]
    assert removed == [
        "      - {id: talk, title: Talk, duration: 1h, rooms: [b, a], after: [visit],"
    ]
    assert added == [
        '        start: "2016-10-11 10:45"',
        '      - {id: talk, title: Talk, start: "2016-10-11 13:30", room: a, duration: 1h, '
        "rooms: [b, a], after: [visit],",
    ]
    assert "# a comment that must stay" in edited.after


def test_the_result_validates_without_errors(write_yaml, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write_yaml(TOUR)
    out = tmp_path / "placed.yaml"
    result = CliRunner().invoke(app, ["schedule", "-f", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    report = validate_file(out)
    assert not report.has_errors
    assert report.programme is not None and not report.programme.unscheduled
    assert path.read_text() == TOUR  # the input is untouched


def test_impossible_window_is_explained(write_yaml) -> None:  # type: ignore[no-untyped-def]
    text = TOUR.replace(
        'window: {from: "2016-10-11 09:00", to: "2016-10-11 18:00"}',
        'window: {from: "2016-10-11 09:00", to: "2016-10-11 12:00"}',
    )
    path = write_yaml(text)
    result = schedule_file(path)
    assert isinstance(result.outcome, Impossible)
    (diagnostic,) = result.diagnostics
    assert diagnostic.code == "unschedulable"
    line = text.splitlines().index("      - id: visit") + 1
    assert diagnostic.location is not None and diagnostic.location.line == line
    assert diagnostic.message == (
        "`visit` (2 h) must lie between 2016-10-11 09:00 and 12:00 KST, but the training "
        "cohort is in `lecture` from 2016-10-11 09:00 to 10:00 KST and the trip from "
        "Koreana Hotel to Pangyo Techno Valley takes 45 min"
    )
    cli = CliRunner().invoke(app, ["schedule", "-f", str(path)])
    assert cli.exit_code == 1
    assert f"{path}:{line}:9: error unschedulable: `visit` (2 h)" in cli.output


def test_check_exits_1_while_sessions_are_open(write_yaml, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write_yaml(TOUR)
    runner = CliRunner()
    assert runner.invoke(app, ["schedule", "--check", "-f", str(path)]).exit_code == 1
    assert runner.invoke(app, ["schedule", "-f", str(path), "-o", str(path)]).exit_code == 0
    done = runner.invoke(app, ["schedule", "--check", "-f", str(path)])
    assert done.exit_code == 0, done.output


def test_reopen_keeps_a_placement_nothing_improves(write_yaml) -> None:  # type: ignore[no-untyped-def]
    path = write_yaml(TOUR)
    runner = CliRunner()
    assert runner.invoke(app, ["schedule", "-f", str(path), "-o", str(path)]).exit_code == 0
    text = path.read_text().replace('start: "2016-10-11 10:45"', 'start: "2016-10-11 11:00"')
    path.write_text(text)
    # Reopening only the talk: the visit is fixed at 11:00 now, so the talk follows it.
    assert schedule_file(path, reopen=["talk"]).ok
    assert _placed_ids(path, ["talk"]) == {"talk": "2016-10-11 13:45"}
    # Reopening the visit: it goes back to 10:45 only if that costs nothing more.
    moved = schedule_file(path, reopen=["visit"])
    assert isinstance(moved.outcome, Placed)
    (placement,) = moved.outcome.placements
    assert f"{placement.start:%H:%M}" == "10:45"


def _placed_ids(path: Path, ids: list[str]) -> dict[str, str]:
    result = schedule_file(path, reopen=ids)
    assert isinstance(result.outcome, Placed)
    return {p.task.session.id: f"{p.start:%Y-%m-%d %H:%M}" for p in result.outcome.placements}


def test_unscheduled_is_a_warning_and_exports_leave_it_out(write_yaml) -> None:  # type: ignore[no-untyped-def]
    path = write_yaml(TOUR)
    report = validate_file(path)
    assert not report.has_errors
    assert [d.code for d in report.diagnostics if d.code == "unscheduled"] == ["unscheduled"] * 2
    assert report.programme is not None
    assert [s.id for s in report.programme.sessions] == ["lecture"]


VENUES = (
    HEAD
    + """\
events:
  tour:
    title: Tour
    dates: {start: 2016-10-11, end: 2016-10-12}
    participants: [cohort]
    sessions:
      - {id: busy, title: Busy, start: "2016-10-11 09:00", duration: 3h, venue: park, participants: []}
      - id: visit
        title: Visit
        duration: 1h
        venues: [park, hotel]
        rooms: [a]
        window: {from: "2016-10-11 09:00", to: "2016-10-11 11:00"}
"""
)


def test_chooses_among_venues_and_writes_the_choice(write_yaml) -> None:  # type: ignore[no-untyped-def]
    path = write_yaml(VENUES)
    # The park is taken all morning: the hotel's room A is left.
    assert _placed(path) == {"visit": "2016-10-11 09:00 hotel a"}
    (edited,) = schedule_file(path).edited
    assert (
        '        start: "2016-10-11 09:00"\n        venue: hotel\n        room: a\n'
        "        duration: 1h\n        venues: [park, hotel]\n        rooms: [a]\n"
    ) in edited.after


def test_the_same_file_gives_the_same_answer(write_yaml) -> None:  # type: ignore[no-untyped-def]
    path = write_yaml(TOUR)
    first = [item.after for item in schedule_file(path).edited]
    assert first == [item.after for item in schedule_file(path).edited]


def test_step_sets_the_grid(write_yaml) -> None:  # type: ignore[no-untyped-def]
    path = write_yaml(TOUR)
    result = schedule_file(path, step=timedelta(hours=1))
    assert isinstance(result.outcome, Placed)
    assert {f"{p.start:%H:%M}" for p in result.outcome.placements} == {"11:00", "14:00"}


def test_time_limit_reached_says_so(write_yaml, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from planner.schedule import run

    monkeypatch.setattr(run, "solve", lambda problem, limit: OutOfTime(limit))
    cli = CliRunner().invoke(app, ["schedule", "-f", str(write_yaml(TOUR)), "--time-limit", "2"])
    assert cli.exit_code == 1
    assert (
        "no placement found within the time limit (2 s); give the solver longer with --time-limit"
        in cli.output
    )


def test_usage_problems_exit_2(write_yaml) -> None:  # type: ignore[no-untyped-def]
    path = write_yaml(TOUR)
    runner = CliRunner()
    bad_step = runner.invoke(app, ["schedule", "-f", str(path), "--step", "soon"])
    assert bad_step.exit_code == 2 and "--step" in bad_step.output
    unknown = runner.invoke(app, ["schedule", "-f", str(path), "--reopen", "nothing"])
    assert unknown.exit_code == 2 and "there is no session `nothing`" in unknown.output
    no_window = runner.invoke(app, ["schedule", "-f", str(path), "--reopen", "lecture"])
    assert no_window.exit_code == 2 and "has no `window` to move within" in no_window.output
