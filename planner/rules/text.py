"""Wording shared by the rules' messages: times with their zone, durations, lists of people.

Messages are for a programme manager: local wall-clock times with the zone they are in
(``10:00-11:30 KST``), lengths in hours and minutes, names rather than ids.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from planner.timeline import Occurrence, Session

__all__ = [
    "at_or_on",
    "duration",
    "names",
    "quoted",
    "span",
    "stamp",
    "verb",
    "weekday",
    "when",
    "zone_label",
]

_SHOWN_NAMES = 3


def zone_label(moment: datetime) -> str:
    """``KST`` or ``CET`` where the zone has a real abbreviation, else its IANA name.

    Many zones only have numeric abbreviations (Asia/Almaty is ``+05``), which read as an
    offset rather than a place; the IANA name says more there.
    """
    abbreviation = moment.tzname() or ""
    if abbreviation.isalpha():
        return abbreviation
    key = getattr(moment.tzinfo, "key", None)
    return key or abbreviation or "UTC"


def stamp(moment: datetime) -> str:
    """``2016-10-11 10:00 KST``."""
    return f"{moment:%Y-%m-%d %H:%M} {zone_label(moment)}"


def at_or_on(moment: datetime, *, time_known: bool = True) -> str:
    """``at 2016-10-11 10:00 KST``, or ``on 2016-10-11 (time not known yet)``."""
    if time_known:
        return f"at {stamp(moment)}"
    return f"on {moment:%Y-%m-%d} (time not known yet)"


def span(start: datetime, end: datetime) -> str:
    """``2016-10-11 10:00-11:30 KST``, or both dates when the span crosses midnight."""
    if start.date() == end.date() or (
        end.hour == end.minute == 0 and end - start <= timedelta(days=1)
    ):
        end_clock = "24:00" if end.date() != start.date() else f"{end:%H:%M}"
        return f"{start:%Y-%m-%d %H:%M}-{end_clock} {zone_label(start)}"
    return f"{start:%Y-%m-%d %H:%M} to {end:%Y-%m-%d %H:%M} {zone_label(end)}"


def when(occurrence: Occurrence) -> str:
    """An occurrence's local time: its span, or its days for an all-day session."""
    if occurrence.all_day:
        if occurrence.first_day == occurrence.last_day:
            return f"all day {occurrence.first_day}"
        return f"all day {occurrence.first_day} to {occurrence.last_day}"
    return span(occurrence.start, occurrence.end)


def duration(length: timedelta | float) -> str:
    """``30 min``, ``1 h``, ``2 h 15 min``, ``3 days 2 h``; seconds are rounded to minutes."""
    seconds = length.total_seconds() if isinstance(length, timedelta) else length
    minutes = round(seconds / 60)
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    parts = []
    if days:
        parts.append(f"{days} day" if days == 1 else f"{days} days")
    if hours:
        parts.append(f"{hours} h")
    if minutes or not parts:
        parts.append(f"{minutes} min")
    return " ".join(parts)


def quoted(session: Session) -> str:
    """A session as a person names it: its title in quotes."""
    return f'"{session.title}"'


def names(people: Sequence[str]) -> str:
    """``Ana``, ``Ana and Bo``, ``Ana, Bo and Cy``, ``Ana, Bo, Cy and 4 others``."""
    if len(people) <= 1:
        return "".join(people)
    if len(people) <= _SHOWN_NAMES:
        return f"{', '.join(people[:-1])} and {people[-1]}"
    rest = len(people) - _SHOWN_NAMES
    return f"{', '.join(people[:_SHOWN_NAMES])} and {rest} other{'s' if rest > 1 else ''}"


def verb(people: Sequence[str], singular: str, plural: str) -> str:
    return singular if len(people) == 1 else plural


def weekday(day: date) -> str:
    return f"{day:%A}"
