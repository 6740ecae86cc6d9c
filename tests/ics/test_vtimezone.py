"""VTIMEZONEs read by an independent implementation (dateutil's, through icalendar) give the
same offsets as the bundled tz database at every instant a feed can use."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Any

import icalendar
import pytest

from planner.exporters.ics.vtimezone import transitions_around, vtimezone
from planner.timeline.zones import get_zone

CASES = [
    ("Asia/Almaty", datetime(2023, 6, 1), datetime(2024, 6, 1)),  # UTC+6 -> UTC+5 on 2024-03-01
    ("Asia/Almaty", datetime(2024, 4, 17), datetime(2024, 4, 19)),
    ("Europe/Madrid", datetime(2017, 11, 20), datetime(2018, 11, 23)),
    ("America/New_York", datetime(2024, 1, 1), datetime(2024, 12, 31)),
    ("Australia/Sydney", datetime(2024, 1, 1), datetime(2025, 6, 1)),
    ("Asia/Jerusalem", datetime(2022, 1, 1), datetime(2024, 12, 31)),
    ("America/Sao_Paulo", datetime(2018, 1, 1), datetime(2020, 6, 1)),  # DST abolished in 2019
    ("Europe/Dublin", datetime(2024, 1, 1), datetime(2024, 12, 31)),  # negative DST in winter
    ("Pacific/Chatham", datetime(2024, 1, 1), datetime(2024, 12, 31)),  # +12:45 / +13:45
    ("Asia/Kathmandu", datetime(2016, 1, 1), datetime(2024, 12, 31)),
    ("Asia/Seoul", datetime(2016, 10, 10), datetime(2024, 4, 19)),
    ("Africa/Casablanca", datetime(2024, 1, 1), datetime(2026, 12, 31)),  # Ramadan changes
]


def _component(key: str, first: datetime, last: datetime) -> Any:
    data = vtimezone(get_zone(key), first.replace(tzinfo=UTC), last.replace(tzinfo=UTC))
    return icalendar.Timezone.from_ical(data)


def _samples(key: str, first: datetime, last: datetime) -> list[datetime]:
    """Noon every day, and six hours either side of every change (never an ambiguous hour)."""
    start, end = first.replace(tzinfo=UTC), last.replace(tzinfo=UTC)
    days = [start + timedelta(days=n, hours=12) for n in range((end - start).days + 1)]
    _, changes = transitions_around(key, start, end)
    edges = [c.at + timedelta(hours=h) for c in changes if c.at <= end for h in (-6, 6)]
    return days + edges


@pytest.mark.parametrize(("key", "first", "last"), CASES, ids=[f"{k}-{f:%Y}" for k, f, _ in CASES])
def test_the_vtimezone_gives_the_zone_offsets(key: str, first: datetime, last: datetime) -> None:
    component = _component(key, first, last)
    assert component.errors == []
    defined = component.to_tz(lookup_tzid=False)
    zone = get_zone(key)
    for instant in _samples(key, first, last):
        wall = instant.astimezone(zone).replace(tzinfo=None)
        assert wall.replace(tzinfo=defined).utcoffset() == instant.astimezone(zone).utcoffset(), (
            f"{key} at {instant.isoformat()}"
        )


@pytest.mark.parametrize("key", ["Europe/Madrid", "America/New_York", "Australia/Sydney"])
def test_a_yearly_zone_is_one_standard_and_one_daylight_rule_as_outlook_wants(key: str) -> None:
    component = _component(key, datetime(2024, 7, 1), datetime(2024, 7, 5))
    assert [sub.name for sub in component.subcomponents].count("STANDARD") == 1
    assert [sub.name for sub in component.subcomponents].count("DAYLIGHT") == 1
    assert all("RRULE" in sub for sub in component.subcomponents)


def test_almaty_in_april_2024_is_one_standard_observance_at_utc_plus_5() -> None:
    component = _component("Asia/Almaty", datetime(2024, 4, 17), datetime(2024, 4, 19))
    (standard,) = component.subcomponents
    assert standard.name == "STANDARD"
    assert standard["TZOFFSETTO"].td == timedelta(hours=5)
    assert standard["TZOFFSETFROM"].td == timedelta(hours=6)
    assert standard["DTSTART"].dt == datetime(2024, 3, 1)


def test_a_zone_that_stopped_daylight_saving_gets_an_until() -> None:
    data = vtimezone(
        get_zone("America/Sao_Paulo"),
        datetime(2018, 6, 1, tzinfo=UTC),
        datetime(2018, 7, 1, tzinfo=UTC),
    )
    assert b"UNTIL=" in data


@pytest.mark.parametrize("key", ["America/New_York", "Europe/Dublin", "Asia/Seoul", "Asia/Almaty"])
def test_a_span_of_three_centuries_is_built_from_the_listed_changes_quickly(key: str) -> None:
    """From the zone's own transitions, not a scan of every year: 1901-2198 in well under a
    second, and still right in every decade (the current rule written as a rule)."""
    first, last = datetime(1901, 6, 1, tzinfo=UTC), datetime(2198, 6, 1, tzinfo=UTC)
    started = time.monotonic()
    data = vtimezone(get_zone(key), first, last)
    assert time.monotonic() - started < 2
    defined = icalendar.Timezone.from_ical(data).to_tz(lookup_tzid=False)
    zone = get_zone(key)
    for year in [*range(1950, 2200, 25), 2197]:
        for month in (1, 7):
            instant = datetime(year, month, 15, 12, tzinfo=UTC)
            wall = instant.astimezone(zone).replace(tzinfo=None)
            assert wall.replace(tzinfo=defined).utcoffset() == instant.astimezone(zone).utcoffset()
