"""Every occurrence of a session: its first span repeated by its rule, minus its exceptions."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from planner.timeline.objects import Span
from planner.timeline.times import (
    DEFAULT_REPEAT_SPAN,
    RepeatError,
    expand_repeat,
    in_zone,
    midnight_in,
)

__all__ = ["default_until", "occurrence_spans", "unmatched_exceptions"]

_ONE_DAY = timedelta(days=1)


def default_until(start: datetime, zone: ZoneInfo, last_day: date | None) -> datetime:
    """Where an unbounded repeat stops: the end of its event's last day, else a year on."""
    if last_day is not None:
        return midnight_in(last_day + _ONE_DAY, zone)
    return start + DEFAULT_REPEAT_SPAN


def occurrence_spans(
    start: datetime,
    end: datetime,
    *,
    all_day: bool,
    zone: ZoneInfo,
    repeat: str | None,
    exceptions: frozenset[date],
    until: datetime,
) -> tuple[tuple[Span, ...], datetime | None]:
    """Each occurrence's span, and the rule's own UNTIL as an instant (None if it has none).

    ``until`` bounds a rule without UNTIL or COUNT. Raises RepeatError for an unusable rule.
    """
    length = end - start
    days = (end.date() - start.date()).days - 1 if all_day else 0
    if repeat is None:
        return (_span(start, length, days, all_day, zone),), None
    starts, rule_until = expand_repeat(repeat, start, zone, until, exceptions)
    return tuple(_span(first, length, days, all_day, zone) for first in starts), rule_until


def _span(start: datetime, length: timedelta, days: int, all_day: bool, zone: ZoneInfo) -> Span:
    if all_day:
        first = start.date()
        last = first + timedelta(days=days)
        begin = midnight_in(first, zone)
        finish = midnight_in(last + _ONE_DAY, zone)
        return Span(begin, finish, first, last)
    # Wall-clock arithmetic: a 2-hour session stays 10:00-12:00 on a DST day (adding to an
    # aware time keeps its wall clock and zone, with fold 0, as the naive sum would).
    end = start + length if start.tzinfo is zone else in_zone(start + length, zone)
    return Span(start, end, start.date(), _last_local_day(start, end))


def _last_local_day(start: datetime, end: datetime) -> date:
    """The local day an occurrence ends on; one that ends at midnight belongs to the day before.

    A dinner from 20:00 to 00:00 is an evening of the 10th, not a session of the 11th: every
    day filter and grouping (agenda --day, itinerary --from/--to, the rules' dates) uses this.
    """
    if end > start and end.time() == time() and end.date() > start.date():
        return end.date() - _ONE_DAY
    return end.date()


def unmatched_exceptions(
    start: datetime,
    zone: ZoneInfo,
    repeat: str | None,
    exceptions: frozenset[date],
    until: datetime,
) -> dict[date, tuple[date | None, date | None]]:
    """Each excepted date that is no occurrence's day, with the nearest days before and after.

    An ``except`` date that matches nothing is almost always a typo or a changed rule, and
    ignoring it would leave the session on a day the organiser meant to drop.
    """
    if not exceptions:
        return {}
    days = [start.date()]
    if repeat is not None:
        try:
            starts, _ = expand_repeat(repeat, start, zone, until, frozenset())
        except RepeatError:
            return {}  # the rule itself is reported
        days = [first.date() for first in starts]
    found = set(days)
    return {
        day: (
            max((d for d in days if d < day), default=None),
            min((d for d in days if d > day), default=None),
        )
        for day in sorted(exceptions)
        if day not in found
    }
