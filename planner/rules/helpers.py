"""What several rules share: the local days an occurrence touches, its venue, a clash in words.

Rules import shared helpers from here (or from ``text``, ``sweep``, ``calendars``), never
from one another.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time, timedelta

from planner.rules.context import RuleContext, Slot
from planner.rules.text import quoted, when
from planner.timeline import Occurrence, Session, Venue

__all__ = ["days_of", "describe_pair", "local_days", "venue_of"]

_MIDNIGHT = time(0)
_ONE_DAY = timedelta(days=1)


def local_days(occurrence: Occurrence) -> tuple[date, date]:
    """First and last local day an occurrence touches; an end at midnight ends the day before."""
    if occurrence.all_day:
        return occurrence.first_day, occurrence.last_day
    start, end = occurrence.start, occurrence.end
    last = end.date()
    if end.time() == _MIDNIGHT and end > start:
        last -= _ONE_DAY
    return start.date(), last


def venue_of(context: RuleContext, occurrence: Occurrence) -> Venue | None:
    """The venue whose country counts: the session's, or a transfer's origin."""
    session = occurrence.session
    return context.venue(session.venue_id or session.origin_venue_id)


def days_of(occurrence: Occurrence) -> tuple[date, ...]:
    """Each local day the occurrence touches, in order (nearly always one)."""
    first, last = local_days(occurrence)
    if first == last:
        return (first,)
    days: list[date] = []
    day = first
    while day <= last:
        days.append(day)
        day += _ONE_DAY
    return tuple(days)


def describe_pair(earlier: Slot, later: Slot, place: Callable[[Session], str] | None = None) -> str:
    """``"Opening" (2024-04-17 10:00-11:30 ALMT) and "Briefing" (...)``; with ``place``,
    each with where it is: ``(2024-04-17 10:00-11:30 ALMT, Hall A at City Hall)``."""

    def one(slot: Slot) -> str:
        where = f", {place(slot.session)}" if place is not None else ""
        return f"{quoted(slot.session)} ({when(slot.occurrence)}{where})"

    return f"{one(earlier)} and {one(later)}"
