"""Dates, clock times, spans and durations as an itinerary prints them.

English names are spelled out here rather than taken from the C library's locale, so the
same programme prints the same page on every machine.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

__all__ = [
    "abbreviation",
    "all_day_text",
    "day_heading",
    "duration_text",
    "moment_text",
    "short_date",
    "span_lines",
]

EN_DASH = "\u2013"
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def day_heading(day: date) -> str:
    """``Monday 10 October 2016``."""
    return f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"


def short_date(day: date) -> str:
    """``Mon 10 Oct``."""
    return f"{_WEEKDAYS[day.weekday()][:3]} {day.day} {_MONTHS[day.month - 1][:3]}"


def abbreviation(moment: datetime) -> str:
    """The zone's abbreviation at that moment (``KST``, ``CET``, ``+05`` where none is used).

    What ``strftime("%Z")`` prints, asked of the zone directly (this runs once per row).
    """
    return moment.tzname() or ""


def _clock(moment: datetime) -> str:
    return f"{moment.hour:02d}:{moment.minute:02d}"


def moment_text(moment: datetime) -> str:
    """``Mon 10 Oct 2016 06:35 KST``: a moment outside any day's table (arrival, departure)."""
    return f"{short_date(moment.date())} {moment.year} {_clock(moment)} {abbreviation(moment)}"


def span_lines(start: datetime, end: datetime, day: date) -> tuple[str, ...]:
    """A start and end as printed under the heading of ``day``: one line, or two.

    ``09:00-10:30 KST`` (with an en dash) when both are on that day in one zone; otherwise
    the start, then the end on a second line, each with its zone, and with the days it is
    after or before ``day`` as airline timetables write it: ``23:05 +07 -`` then
    ``06:35 KST (+1)``.
    """
    start_day, end_day = start.date(), end.date()
    start_zone, end_zone = abbreviation(start), abbreviation(end)
    if start_zone == end_zone and start_day == end_day == day:
        return (f"{_clock(start)}{EN_DASH}{_clock(end)} {start_zone}",)
    first = f"{_clock(start)} {start_zone}{_shift(start_day, day)} {EN_DASH}"
    return (first, f"{_clock(end)} {end_zone}{_shift(end_day, day)}")


def _shift(moment_day: date, day: date) -> str:
    days = (moment_day - day).days
    return f" ({days:+d})" if days else ""


def all_day_text(first_day: date, last_day: date) -> str:
    return "All day" if first_day == last_day else f"All day, to {short_date(last_day)}"


def duration_text(length: timedelta) -> str:
    """``5h 30m``, ``45m``, ``2h``; days count as hours (``26h``), as travellers count them."""
    minutes = round(length.total_seconds() / 60)
    hours, minutes = divmod(minutes, 60)
    if not hours:
        return f"{minutes}m"
    return f"{hours}h {minutes:02d}m" if minutes else f"{hours}h"
