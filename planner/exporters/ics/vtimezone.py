"""VTIMEZONE components from the bundled tz database, shaped so Outlook reads them right.

A feed's times are written as local times with a TZID, so each zone it uses needs a VTIMEZONE
that gives the same offsets as :mod:`planner.timeline.zones` (the pinned tzdata) at every
instant in the feed. Google, Apple and Thunderbird mostly look the TZID up in their own
database; Outlook uses the VTIMEZONE and understands only one STANDARD and one DAYLIGHT
observance, each repeating yearly by RRULE. So the transitions around the feed's dates are
found from the zone itself and, where they follow a yearly rule, written as that rule
(``BYMONTH=3;BYDAY=-1SU``); otherwise (a zone that changed its offset, like Asia/Almaty on
2024-03-01) as the observances themselves.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr

from planner.exporters.ics.text import format_local, format_utc, line, text
from planner.exporters.ics.tzif import zone_table
from planner.timeline.zones import get_zone

__all__ = ["Transition", "transitions_around", "vtimezone"]

_DAY = 86_400
_YEARS_AFTER = 2
_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True, slots=True)
class Transition:
    """The moment a zone's offset (or its daylight-saving flag) changes."""

    at: datetime
    """The instant, in UTC."""
    offset_from: timedelta
    offset_to: timedelta
    dst: bool
    """Whether the new offset is daylight-saving time."""
    name: str

    @property
    def onset(self) -> datetime:
        """The wall-clock time of the change, read with the old offset, as RFC 5545 wants."""
        return (self.at + self.offset_from).replace(tzinfo=None)

    @property
    def kind(self) -> tuple[bool, timedelta, timedelta, str]:
        return self.dst, self.offset_from, self.offset_to, self.name


def _state(zone: ZoneInfo, seconds: int) -> tuple[timedelta, timedelta]:
    """The UTC offset and the daylight-saving amount at an instant."""
    moment = datetime.fromtimestamp(seconds, zone)
    return moment.utcoffset() or timedelta(0), moment.dst() or timedelta(0)


def _daylight(before: timedelta, after: timedelta) -> bool:
    """Whether the new offset is summer time. Europe/Dublin's tz data has *negative* saving
    in winter; read the usual way round (as Outlook does): summer is the daylight part."""
    return after > timedelta(0) or (after == timedelta(0) and before < timedelta(0))


@cache
def _year_transitions(key: str, year: int) -> tuple[Transition, ...]:
    """Every change in ``year`` (UTC), from the tz database's own list of transitions; in
    the years its yearly rule governs, a day-by-day scan and a bisection to the second."""
    zone = get_zone(key)
    first = int(datetime(year, 1, 1, tzinfo=UTC).timestamp())
    last = int(datetime(year + 1, 1, 1, tzinfo=UTC).timestamp())
    table = zone_table(key)
    if year < _last_listed_year(key) or not table.yearly_rule:
        listed = [t for t in table.transitions if first <= t < last]
        changes = [(t, _state(zone, t - 1)) for t in listed]
        return tuple(_transition(zone, t, old) for t, old in changes if _state(zone, t) != old)
    found = []
    before = _state(zone, first - 1)
    for day in range(first, last, _DAY):
        after = _state(zone, min(day + _DAY, last) - 1)
        if after != before:
            found.append(_bisect(zone, day - 1, min(day + _DAY, last) - 1, before))
        before = after
    return tuple(found)


def _bisect(zone: ZoneInfo, low: int, high: int, old: tuple[timedelta, timedelta]) -> Transition:
    """The first second in (low, high] whose state differs from ``old`` (the one at low)."""
    while high - low > 1:
        middle = (low + high) // 2
        if _state(zone, middle) == old:
            low = middle
        else:
            high = middle
    return _transition(zone, high, old)


def _transition(zone: ZoneInfo, second: int, old: tuple[timedelta, timedelta]) -> Transition:
    offset, saving = _state(zone, second)
    name = datetime.fromtimestamp(second, zone).tzname() or ""
    return Transition(
        datetime.fromtimestamp(second, UTC), old[0], offset, _daylight(old[1], saving), name
    )


def _last_listed_year(key: str) -> int:
    transitions = zone_table(key).transitions
    return datetime.fromtimestamp(transitions[-1], UTC).year if transitions else 1


def _last_year_needed(key: str, first: datetime, last: datetime) -> int:
    """The last year whose changes must be listed: after the tz database's last listed
    transition a zone keeps its offset, or repeats one yearly rule that a few years show."""
    return max(first.year, min(last.year, _last_listed_year(key) + 1))


def transitions_around(
    key: str, first: datetime, last: datetime
) -> tuple[Transition | None, list[Transition]]:
    """The change in force at ``first`` (if within a year before it) and every change after
    it up to the end of the second year after ``last``: enough to see each yearly rule recur
    at least twice, so it can be written as a rule."""
    earlier = [*_year_transitions(key, first.year - 1), *_year_transitions(key, first.year)]
    in_force = next((t for t in reversed(earlier) if t.at <= first), None)
    later = [
        t
        for year in range(first.year, _last_year_needed(key, first, last) + _YEARS_AFTER + 1)
        for t in _year_transitions(key, year)
        if t.at > first
    ]
    return in_force, later


def vtimezone(zone: ZoneInfo, first: datetime, last: datetime) -> bytes:
    """The VTIMEZONE for ``zone`` good for every instant from ``first`` to ``last``."""
    in_force, later = transitions_around(zone.key, first, last)
    if in_force is None:
        in_force = _unchanged_since(zone, first)
    end_year = _last_year_needed(zone.key, first, last) + _YEARS_AFTER + 1
    return _render(zone.key, (in_force, *later), end_year)


def _unchanged_since(zone: ZoneInfo, first: datetime) -> Transition:
    """No change for a year or more: one STANDARD observance from the start of last year."""
    moment = datetime.fromtimestamp(int(first.timestamp()), zone)
    offset = moment.utcoffset() or timedelta(0)
    start = datetime(first.year - 1, 1, 1, tzinfo=UTC) - offset
    return Transition(start, offset, offset, False, moment.tzname() or "")


@cache
def _render(key: str, transitions: tuple[Transition, ...], end_year: int) -> bytes:
    groups: dict[tuple[bool, timedelta, timedelta, str], list[Transition]] = {}
    for transition in transitions:
        groups.setdefault(transition.kind, []).append(transition)
    horizon = datetime(end_year, 1, 1)
    observances = sorted(groups.values(), key=lambda group: group[0].at)
    body = b"".join(_observance(group, horizon) for group in observances)
    return (
        line("BEGIN", "VTIMEZONE")
        + line("TZID", text(key))
        + line("X-LIC-LOCATION", text(key))
        + body
        + line("END", "VTIMEZONE")
    )


def _observance(group: Sequence[Transition], horizon: datetime) -> bytes:
    head = group[0]
    component = "DAYLIGHT" if head.dst else "STANDARD"
    lines = [
        line("BEGIN", component),
        line("DTSTART", format_local(head.onset)),
        line("TZOFFSETFROM", _offset(head.offset_from)),
        line("TZOFFSETTO", _offset(head.offset_to)),
    ]
    if head.name:
        lines.append(line("TZNAME", text(head.name)))
    if len(group) > 1:
        rule = _yearly_rule(group, horizon)
        if rule is not None:
            lines.append(line("RRULE", rule))
        else:
            # The changes before the zone's current rule are dates; the rule itself (which
            # goes on after the listed years) stays a rule, in an observance of its own.
            tail = next(
                (i for i in range(1, len(group) - 1) if _yearly_rule(group[i:], horizon)), 0
            )
            dates = group[1:tail] if tail else group[1:]
            if dates:
                lines.append(line("RDATE", ",".join(format_local(t.onset) for t in dates)))
            if tail:
                lines.append(line("END", component))
                return b"".join(lines) + _observance(group[tail:], horizon)
    lines.append(line("END", component))
    return b"".join(lines)


def _yearly_rule(group: Sequence[Transition], horizon: datetime) -> str | None:
    """``FREQ=YEARLY;BYMONTH=..;BYDAY=..`` giving exactly these onsets, else None.

    Without UNTIL when the zone keeps the rule to the end of the scanned years; with UNTIL
    (in UTC, as RFC 5545 requires) when it stopped following it within them.
    """
    onsets = [t.onset for t in group]
    head = onsets[0]
    if any(
        (o.month, o.time(), o.weekday()) != (head.month, head.time(), head.weekday())
        for o in onsets
    ):
        return None
    for byday in _weekday_positions(onsets):
        rule = f"FREQ=YEARLY;BYMONTH={head.month};BYDAY={byday}"
        expanded = rrulestr(rule, dtstart=head).between(head, horizon, inc=True)
        if expanded == onsets:
            return rule
        if expanded[: len(onsets)] == onsets:
            return f"{rule};UNTIL={format_utc(group[-1].at)}"
    return None


def _weekday_positions(onsets: Sequence[datetime]) -> list[str]:
    """``-1SU`` when every onset is the month's last such weekday, ``2SU`` when each is the
    second, and so on: the forms Outlook understands."""
    weekday = _WEEKDAYS[onsets[0].weekday()]
    found = []
    if all(o.day + 7 > calendar.monthrange(o.year, o.month)[1] for o in onsets):
        found.append(f"-1{weekday}")
    positions = {(o.day - 1) // 7 + 1 for o in onsets}
    if len(positions) == 1 and (position := positions.pop()) <= 4:
        found.append(f"{position}{weekday}")
    return found


def _offset(span: timedelta) -> str:
    seconds = int(span.total_seconds())
    sign = "-" if seconds < 0 else "+"
    hours, rest = divmod(abs(seconds), 3_600)
    minutes, seconds = divmod(rest, 60)
    return f"{sign}{hours:02d}{minutes:02d}" + (f"{seconds:02d}" if seconds else "")
