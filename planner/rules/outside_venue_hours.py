"""``outside-venue-hours``: sessions happen while the venue is open."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from planner.rules.base import Finding, Rule
from planner.rules.context import RuleContext, is_transfer
from planner.rules.helpers import local_days
from planner.rules.text import duration, quoted, when
from planner.timeline import OpeningHours, Venue

if TYPE_CHECKING:
    from planner.rules.settings import NoSettings

__all__ = ["OutsideVenueHours", "outside_hours"]

_ONE_DAY = timedelta(days=1)
_GRACE_SECONDS = 60  # "00:00" closing is stored as 23:59:59; a second past it is no problem


class OutsideVenueHours(Rule):
    """## What it does
    Compares each occurrence, in the venue's local time, with the venue's `hours` for that
    weekday (`"08:00-20:00"` every day, or a mapping `mon`..`sun` with `closed` days). A
    session crossing midnight is checked against each day it touches. An all-day session
    is only checked for days the venue is closed. Venues without `hours` (hotels, transport
    centres), online venues and transfers are not checked.

    Cancelled sessions take no part.

    ## Why it matters
    A building that closes at 18:00 will not let a dinner run until 21:00 without a special
    booking, security staff and often a fee; a site closed on Sundays cannot be visited then.

    ## Example
    ```yaml
    venues:
      seoul-green-building: {name: Seoul Green Building, timezone: Asia/Seoul,
                             hours: "09:00-18:00"}
    sessions:
      - {title: Evening tour, date: 2016-10-11, time: "17:30-19:00",
         venue: seoul-green-building}
    ```
    "runs 1 h outside the opening hours of Seoul Green Building (09:00-18:00 on Tuesday)".

    ## How to fix
    Move the session into the opening hours, arrange a late opening with the venue (then
    add `allow: [outside-venue-hours]` to the session), or correct the venue's `hours`.
    """

    code = "outside-venue-hours"

    def check(self, context: RuleContext, settings: NoSettings) -> Iterator[Finding]:
        for occurrence in context.occurrences:
            session = occurrence.session
            venue = context.venue(session.venue_id)
            if venue is None or venue.online or venue.hours is None or is_transfer(session):
                continue
            if occurrence.all_day:
                problem = _closed_days(venue, *local_days(occurrence))
            else:
                start = _wall_clock(occurrence.start.astimezone(venue.timezone))
                end = _wall_clock(occurrence.end.astimezone(venue.timezone))
                problem = _outside(venue, start, end)
            if problem:
                yield Finding(
                    f"{quoted(session)} ({when(occurrence)}) {problem}",
                    session.location,
                    (venue.location,),
                    (session.key,),
                    session.people,
                )


def _wall_clock(moment: datetime) -> datetime:
    """``moment.replace(tzinfo=None)`` (same fold), built without ``replace``'s slow
    keyword parsing: every occurrence at a venue with hours is checked."""
    return datetime.combine(moment, moment.time())


def outside_hours(venue: Venue, start: datetime, end: datetime) -> bool:
    """Whether a session from ``start`` to ``end`` (venue-local, naive) breaks the hours."""
    return _outside(venue, start, end) is not None


def _closed_days(venue: Venue, first: date, last: date) -> str | None:
    assert venue.hours is not None
    day = first
    while day <= last:
        if venue.hours.on(day) is None:
            return f"takes in a {day:%A} ({day}), when {venue.name} is closed"
        day += _ONE_DAY
    return None


def _outside(venue: Venue, start: datetime, end: datetime) -> str | None:
    """What is wrong, in words, for a session from ``start`` to ``end`` (venue-local, naive)."""
    hours = venue.hours
    assert hours is not None
    outside = 0.0
    closed: date | None = None
    day = start.date()
    while day <= end.date():
        piece_start = max(start, datetime.combine(day, time()))
        piece_end = min(end, datetime.combine(day + _ONE_DAY, time()))
        if piece_end > piece_start or start == end:
            if hours.on(day) is None:
                closed = closed or day
            outside += _outside_on(hours, day, piece_start, piece_end)
        day += _ONE_DAY
    if closed is not None:
        return f"is on a {closed:%A}, when {venue.name} is closed"
    if outside < _GRACE_SECONDS:
        return None
    return (
        f"runs {duration(outside)} outside the opening hours of {venue.name} "
        f"({_hours_text(hours, start.date())})"
    )


def _outside_on(hours: OpeningHours, day: date, start: datetime, end: datetime) -> float:
    span = hours.on(day)
    if span is None:
        return (end - start).total_seconds()
    opening, closing = datetime.combine(day, span[0]), datetime.combine(day, span[1])
    inside = max(timedelta(0), min(end, closing) - max(start, opening))
    return ((end - start) - inside).total_seconds()


def _hours_text(hours: OpeningHours, day: date) -> str:
    span = hours.on(day)
    if span is None:
        return f"closed on {day:%A}"
    closing = "24:00" if span[1] == time(23, 59, 59) else f"{span[1]:%H:%M}"
    return f"{span[0]:%H:%M}-{closing} on {day:%A}"
