"""The pure parts of resolving: a session's timing, group expansion, occurrence spans."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.diagnostics import Severity
from planner.loading.resolve.groups import Cycle, expand_groups
from planner.loading.resolve.timing import Timing, TimingError, session_timing
from planner.timeline.repeats import default_until, occurrence_spans

NAIROBI = ZoneInfo("Africa/Nairobi")
NEW_YORK = ZoneInfo("America/New_York")


@dataclass(frozen=True)
class Fields:
    start: str | None = None
    end: str | None = None
    duration: str | None = None
    date: str | None = None
    time: str | None = None


def test_a_time_range_gives_a_timed_session_in_its_zone() -> None:
    timing = session_timing(Fields(date="2026-03-10", time="09:00-10:30"), NAIROBI)
    assert timing == Timing(
        False,
        datetime(2026, 3, 10, 9, tzinfo=NAIROBI),
        datetime(2026, 3, 10, 10, 30, tzinfo=NAIROBI),
    )


def test_a_date_alone_is_a_whole_day() -> None:
    timing = session_timing(Fields(start="2026-03-10", end="2026-03-11"), NAIROBI)
    assert isinstance(timing, Timing) and timing.all_day
    assert timing.end == datetime(2026, 3, 12, tzinfo=NAIROBI)


def test_an_end_before_the_start_is_an_error_at_the_key_holding_it() -> None:
    result = session_timing(Fields(date="2026-03-10", time="10:00-09:00"), NAIROBI)
    assert isinstance(result, TimingError)
    (problem,) = result.problems
    assert (problem.code, problem.key) == ("end-before-start", "time")


def test_a_time_in_the_spring_gap_is_noted_but_still_timed() -> None:
    timing = session_timing(Fields(start="2024-03-10 02:30", duration="1h"), NEW_YORK)
    assert isinstance(timing, Timing)
    (note,) = timing.notes
    assert (note.code, note.key, note.severity) == ("nonexistent-time", "start", Severity.ERROR)


def test_no_start_at_all_is_an_error_on_the_session_itself() -> None:
    result = session_timing(Fields(), NAIROBI)
    assert isinstance(result, TimingError)
    assert result.problems[-1].key is None


@settings(deadline=None)  # the machine is shared: time per example is not the point
@given(st.integers(0, 23), st.integers(0, 59), st.integers(1, 600))
def test_a_duration_is_added_in_wall_clock_time(hour: int, minute: int, minutes: int) -> None:
    start = f"2026-03-10 {hour:02d}:{minute:02d}"
    timing = session_timing(Fields(start=start, duration=f"{minutes}m"), NAIROBI)
    assert isinstance(timing, Timing)
    assert (timing.end - timing.start).total_seconds() == minutes * 60


def test_groups_expand_through_nesting_and_name_their_cycles() -> None:
    members = {"all": ["team", "zoe"], "team": ["ann", "all"], "solo": ["bob"]}
    expansion = expand_groups(members, {"ann", "bob", "zoe"})
    assert expansion.people == {"team": ("ann",), "all": ("ann", "zoe"), "solo": ("bob",)}
    assert expansion.cycles == [Cycle("team", 1, ("all", "team", "all"))]


def test_a_weekly_repeat_keeps_its_wall_clock_time_and_drops_exceptions() -> None:
    start = datetime(2024, 3, 1, 10, tzinfo=NEW_YORK)
    spans, until = occurrence_spans(
        start,
        datetime(2024, 3, 1, 12, tzinfo=NEW_YORK),
        all_day=False,
        zone=NEW_YORK,
        repeat="FREQ=WEEKLY;COUNT=4",
        exceptions=frozenset({date(2024, 3, 15)}),
        until=default_until(start, NEW_YORK, None),
    )
    assert until is None
    assert [span.first_day.day for span in spans] == [1, 8, 22]
    assert all((span.start.hour, span.end.hour) == (10, 12) for span in spans)
