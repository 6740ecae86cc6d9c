"""The fast ways of attaching zones give exactly what ``datetime.replace`` gives, fold and
all, and the remembering parsers still refuse what they refused."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.timeline.repeats import occurrence_spans
from planner.timeline.times import (
    LocalTimeIssue,
    OutOfRange,
    in_zone,
    localize,
    midnight_in,
    parse_date,
    parse_duration,
    parse_time,
)

# Zones with daylight saving both ways, a half-hour one, a 30-minute shift (Lord Howe),
# and a zone that skipped a whole day (Apia, 2011-12-30).
ZONES = [
    ZoneInfo(name)
    for name in (
        "Europe/Zurich",
        "America/New_York",
        "Australia/Lord_Howe",
        "Asia/Kolkata",
        "Pacific/Apia",
        "UTC",
    )
]
moments = st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2199, 12, 31))


def _same(got: datetime, want: datetime) -> None:
    assert (got, got.fold, got.tzinfo, got.utcoffset()) == (
        want,
        want.fold,
        want.tzinfo,
        want.utcoffset(),
    )
    assert got.replace(tzinfo=None) == want.replace(tzinfo=None)


def _reference_localize(naive: datetime, zone: ZoneInfo) -> tuple[datetime, object]:
    """localize as it was written with ``replace``."""
    aware = naive.replace(tzinfo=zone)
    if aware.utcoffset() == naive.replace(tzinfo=zone, fold=1).utcoffset():
        return aware, None
    round_trip = aware.astimezone(UTC).astimezone(zone).replace(tzinfo=None)
    return aware, (LocalTimeIssue.NONEXISTENT if round_trip != naive else LocalTimeIssue.AMBIGUOUS)


@settings(max_examples=300, deadline=None)
@given(moment=moments, zone=st.sampled_from(ZONES), fold=st.sampled_from([0, 1]))
def test_in_zone_is_replace(moment: datetime, zone: ZoneInfo, fold: int) -> None:
    moment = moment.replace(fold=fold)
    _same(in_zone(moment, zone), moment.replace(tzinfo=zone))
    _same(midnight_in(moment.date(), zone), datetime.combine(moment, time()).replace(tzinfo=zone))


@settings(max_examples=300, deadline=None)
@given(moment=moments, zone=st.sampled_from(ZONES), fold=st.sampled_from([0, 1]))
def test_localize_as_before(moment: datetime, zone: ZoneInfo, fold: int) -> None:
    moment = moment.replace(fold=fold)
    aware, issue = localize(moment, zone)
    want, want_issue = _reference_localize(moment, zone)
    _same(aware, want)
    assert issue == want_issue


@pytest.mark.parametrize(
    ("naive", "zone", "issue"),
    [
        (datetime(2024, 3, 31, 2, 30), "Europe/Zurich", LocalTimeIssue.NONEXISTENT),
        (datetime(2024, 10, 27, 2, 30), "Europe/Zurich", LocalTimeIssue.AMBIGUOUS),
        (datetime(2024, 4, 7, 1, 45), "Australia/Lord_Howe", LocalTimeIssue.AMBIGUOUS),
        (datetime(2011, 12, 30, 12, 0), "Pacific/Apia", LocalTimeIssue.NONEXISTENT),
        (datetime(2024, 10, 27, 3, 30), "Europe/Zurich", None),
    ],
)
def test_transitions_still_found(naive: datetime, zone: str, issue: LocalTimeIssue) -> None:
    assert localize(naive, ZoneInfo(zone))[1] is issue
    assert localize(naive, ZoneInfo(zone))[1] is issue  # (a remembered fold changes nothing)


@settings(max_examples=200, deadline=None)
@given(
    moment=moments,
    zone=st.sampled_from(ZONES),
    minutes=st.integers(min_value=1, max_value=3 * 24 * 60),
)
def test_span_end_is_wall_clock(moment: datetime, zone: ZoneInfo, minutes: int) -> None:
    start = moment.replace(tzinfo=zone)
    length = timedelta(minutes=minutes)
    ((span,), _) = occurrence_spans(
        start,
        start + length,
        all_day=False,
        zone=zone,
        repeat=None,
        exceptions=frozenset(),
        until=start,
    )
    _same(span.end, (start.replace(tzinfo=None) + length).replace(tzinfo=zone))


def test_remembering_parsers_refuse_every_time() -> None:
    for _ in range(2):
        with pytest.raises(OutOfRange):
            parse_date("2400-01-01")
        with pytest.raises(ValueError, match="day is out of range"):
            parse_date("2024-02-30")
        with pytest.raises(ValueError, match="hour must be"):
            parse_time("25:00")
    assert parse_date("2024-02-29") == date(2024, 2, 29)
    assert parse_duration("1h30m") == timedelta(minutes=90)
    assert parse_duration("9999999h") is None
