"""Whatever ``planner schedule`` writes, ``planner validate`` finds no new error in it.

Random programmes: venues near Seoul with and without rooms, opening hours and measured
trips; people with arrivals, departures and unavailable windows; fixed sessions anywhere
(some clash already: those errors are not the scheduler's); open sessions with windows,
candidate venues and rooms, and ``after``. The check is the real rules on the written file,
never the model.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.schedule import Impossible, Placed, schedule_file
from planner.validation import validate_file

VENUES = """\
venues:
  hotel: {name: Hotel, timezone: Asia/Seoul, country: KR, geo: {lat: 37.56, lon: 126.97},
          rooms: {big: {name: Big room, capacity: 6}, small: {name: Small room, capacity: 2}}}
  park: {name: Park, timezone: Asia/Seoul, country: KR, geo: {lat: 37.40, lon: 127.10},
         hours: "09:00-18:00", capacity: 4}
  lab: {name: Lab, timezone: Asia/Seoul, country: KR, geo: {lat: 37.43, lon: 126.99}}
"""
PEOPLE = ("ana", "bo", "cy", "di")
VENUE_IDS = ("hotel", "park", "lab")
DAYS = ("2024-05-13", "2024-05-14")  # a Monday and a Tuesday


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


@st.composite
def fixed_sessions(draw: st.DrawFn, count: int) -> list[str]:
    lines = []
    for number in range(count):
        day = draw(st.sampled_from(DAYS))
        start = draw(st.integers(7 * 4, 19 * 4)) * 15
        length = draw(st.sampled_from((30, 60, 90, 120)))
        venue = draw(st.sampled_from(VENUE_IDS))
        room = ", room: big" if venue == "hotel" and draw(st.booleans()) else ""
        people = draw(st.lists(st.sampled_from(PEOPLE), min_size=1, max_size=3, unique=True))
        lines.append(
            f'      - {{id: f{number}, title: Fixed {number}, start: "{day} {_clock(start)}", '
            f"duration: {length}m, venue: {venue}{room}, participants: [{', '.join(people)}]}}"
        )
    return lines


@st.composite
def open_sessions(draw: st.DrawFn, count: int) -> list[str]:
    lines = []
    for number in range(count):
        first = draw(st.integers(0, 1))
        last = draw(st.integers(first, 1))
        begin = draw(st.integers(7, 14)) * 60
        end = draw(st.integers(begin // 60 + 3, 22)) * 60
        venues = draw(st.lists(st.sampled_from(VENUE_IDS), min_size=1, max_size=2, unique=True))
        people = draw(st.lists(st.sampled_from(PEOPLE), min_size=1, max_size=3, unique=True))
        extra = ""
        if "hotel" in venues and draw(st.booleans()):
            extra += ", rooms: [small, big]"
        if number and draw(st.booleans()):
            extra += f", after: [o{number - 1}]"
        where = f"venue: {venues[0]}" if len(venues) == 1 else f"venues: [{', '.join(venues)}]"
        lines.append(
            f"      - {{id: o{number}, title: Open {number}, "
            f"duration: {draw(st.sampled_from((30, 60, 90)))}m, {where}, "
            f"participants: [{', '.join(people)}]{extra},\n"
            f'         window: {{from: "{DAYS[first]} {_clock(begin)}", '
            f'to: "{DAYS[last]} {_clock(end)}"}}}}'
        )
    return lines


@st.composite
def programmes(draw: st.DrawFn) -> str:
    hard_hours = draw(st.booleans())
    rules = ["    travel-times: [{between: [hotel, lab], time: 40m}]"]
    if hard_hours:
        rules.append("    outside-venue-hours: error")
    if draw(st.booleans()):
        rules.append("    long-day: {severity: error, max_hours: 8}")
    people = []
    for person in PEOPLE:
        extra = ""
        if draw(st.booleans()):
            hour = draw(st.integers(8, 16))
            extra = (
                f', unavailable: [{{from: "{DAYS[0]} {hour:02d}:00", '
                f'to: "{DAYS[0]} {hour + 2:02d}:00"}}]'
            )
        elif draw(st.booleans()):
            extra = (
                ', travel: [{mode: flight, depart: "2024-05-13 06:00", '
                f'arrive: "2024-05-13 {draw(st.integers(8, 14)):02d}:30"}}]'
            )
        people.append(f"  {person}: {{name: {person.title()}, timezone: Asia/Seoul{extra}}}")
    sessions = draw(fixed_sessions(draw(st.integers(0, 6))))
    sessions += draw(open_sessions(draw(st.integers(1, 4))))
    return "\n".join(
        [
            "version: 1",
            "programme:",
            "  name: Random",
            "  timezone: Asia/Seoul",
            "  rules:",
            *rules,
            VENUES.rstrip(),
            "people:",
            *people,
            "events:",
            "  tour:",
            "    title: Tour",
            f"    dates: {{start: {DAYS[0]}, end: {DAYS[1]}}}",
            "    sessions:",
            *sessions,
            "",
        ]
    )


def _errors(path: Path) -> set[tuple[str, str]]:
    report = validate_file(path)
    return {(d.code, d.message) for d in report.diagnostics if d.severity.value == "error"}


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=programmes())
def test_what_schedule_writes_breaks_no_rule(tmp_path: Path, text: str) -> None:
    path = tmp_path / "events.yaml"
    path.write_text(text, encoding="utf-8")
    before = _errors(path)
    result = schedule_file(path, step=timedelta(minutes=15), time_limit=20)
    if isinstance(result.outcome, Impossible):
        assert result.diagnostics
        assert all(d.code == "unschedulable" and d.location for d in result.diagnostics)
        return
    assert isinstance(result.outcome, Placed), result.outcome
    assert result.diagnostics == []  # the scheduler's own check agrees
    (edited,) = result.edited
    placed = tmp_path / "placed.yaml"
    placed.write_text(edited.after, encoding="utf-8")
    after = _errors(placed)
    assert after <= before, sorted(after - before)
    report = validate_file(placed)
    assert report.programme is not None and not report.programme.unscheduled
