"""Dates, clock times, spans and durations as an itinerary prints them, in its language.

The formats themselves are the language's (:mod:`planner.languages.formats`): planner's
English spelled out by hand, other languages through CLDR. Zone abbreviations (``KST``,
``+07``) are the tz database's, the same in every language.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from planner.languages import ENGLISH, Language
from planner.languages.formats import EN_DASH

__all__ = [
    "EN_DASH",
    "abbreviation",
    "all_day_text",
    "day_heading",
    "duration_text",
    "moment_text",
    "short_date",
    "span_lines",
]


def day_heading(day: date, lang: Language = ENGLISH) -> str:
    """``Monday 10 October 2016``, ``2016년 10월 10일 월요일``."""
    return lang.formats.day_heading(day)


def short_date(day: date, lang: Language = ENGLISH) -> str:
    """``Mon 10 Oct``."""
    return lang.formats.short_date(day)


def abbreviation(moment: datetime) -> str:
    """The zone's abbreviation at that moment (``KST``, ``CET``, ``+05`` where none is used).

    What ``strftime("%Z")`` prints, asked of the zone directly (this runs once per row).
    """
    return moment.tzname() or ""


def clock_text(moment: datetime, lang: Language = ENGLISH) -> str:
    """``09:00 KST``: a clock time with its zone."""
    return f"{lang.formats.clock(moment)} {abbreviation(moment)}"


def moment_text(moment: datetime, lang: Language = ENGLISH) -> str:
    """``Mon 10 Oct 2016 06:35 KST``: a moment outside any day's table (arrival, departure)."""
    return f"{lang.formats.moment(moment)} {abbreviation(moment)}"


def span_lines(
    start: datetime, end: datetime, day: date, lang: Language = ENGLISH
) -> tuple[str, ...]:
    """A start and end as printed under the heading of ``day``: one line, or two.

    ``09:00-10:30 KST`` (with an en dash) when both are on that day in one zone; otherwise
    the start, then the end on a second line, each with its zone, and with the days it is
    after or before ``day`` as airline timetables write it: ``23:05 +07 -`` then
    ``06:35 KST (+1)``.
    """
    start_day, end_day = start.date(), end.date()
    start_zone, end_zone = abbreviation(start), abbreviation(end)
    formats = lang.formats
    if start_zone == end_zone and start_day == end_day == day:
        return (f"{formats.clock_span(start, end)} {start_zone}",)
    first = f"{formats.clock(start)} {start_zone}{_shift(start_day, day)} {EN_DASH}"
    return (first, f"{formats.clock(end)} {end_zone}{_shift(end_day, day)}")


def _shift(moment_day: date, day: date) -> str:
    days = (moment_day - day).days
    return f" ({days:+d})" if days else ""


def all_day_text(first_day: date, last_day: date, lang: Language = ENGLISH) -> str:
    """``All day``, or ``All day, to Wed 12 Oct`` for several days."""
    if first_day == last_day:
        return lang.gettext("All day")
    return lang.gettext("All day, to {date}").format(date=short_date(last_day, lang))


def duration_text(length: timedelta, lang: Language = ENGLISH) -> str:
    """``5h 30m``, ``45m``, ``2h``; days count as hours (``26h``), as travellers count them."""
    minutes = round(length.total_seconds() / 60)
    hours, minutes = divmod(minutes, 60)
    if not hours:
        return lang.gettext("{minutes}m").format(minutes=minutes)
    if not minutes:
        return lang.gettext("{hours}h").format(hours=hours)
    return lang.gettext("{hours}h {minutes:02d}m").format(hours=hours, minutes=minutes)
