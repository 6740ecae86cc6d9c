"""Dates, clock times, time spans and lists as a reader of each language writes them.

:class:`EnglishFormats` spells planner's English out by hand (no locale data, so start-up
stays cheap and every machine prints the same page). :class:`CldrFormats` asks Babel for
the CLDR patterns of a locale: ``2016년 10월 11일 화요일``, ``martes, 11 de octubre de 2016``,
12- or 24-hour clocks as the locale uses them. Babel is imported only by that class.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    from babel import Locale

__all__ = ["EN_DASH", "CldrFormats", "EnglishFormats"]

EN_DASH = "\u2013"
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


class EnglishFormats:
    """``Monday 10 October 2016``, ``Mon 10 Oct``, 24-hour ``09:00-10:30``."""

    def day_heading(self, day: date) -> str:
        """A day's title: ``Monday 10 October 2016``."""
        return f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"

    def short_date(self, day: date) -> str:
        """``Mon 10 Oct``."""
        return f"{_WEEKDAYS[day.weekday()][:3]} {day.day} {_MONTHS[day.month - 1][:3]}"

    def weekday(self, day: date) -> str:
        """The weekday, abbreviated: ``Mon``."""
        return _WEEKDAYS[day.weekday()][:3]

    def dated(self, day: date) -> str:
        """``Mon 10 Oct 2016``."""
        return f"{self.short_date(day)} {day.year}"

    def clock(self, moment: datetime) -> str:
        """``09:00``."""
        return f"{moment.hour:02d}:{moment.minute:02d}"

    def clock_span(self, start: datetime, end: datetime) -> str:
        """``09:00-10:30``: a start and end on one day in one zone."""
        return f"{self.clock(start)}{EN_DASH}{self.clock(end)}"

    def moment(self, moment: datetime) -> str:
        """``Mon 10 Oct 2016 06:35``."""
        return f"{self.dated(moment.date())} {self.clock(moment)}"

    def names(self, names: Sequence[str]) -> str:
        """``A, B, C``."""
        return ", ".join(names)

    def day_span(self, first: date, last: date) -> str:
        """``10-14 Oct 2016``, ``30 Oct - 2 Nov 2016``, ``30 Dec 2018 - 2 Jan 2019`` (en
        dashes): the dates of an event, each part written once."""
        if first == last:
            return _day_month_year(first)
        if (first.year, first.month) == (last.year, last.month):
            return f"{first.day}{EN_DASH}{_day_month_year(last)}"
        if first.year == last.year:
            start = f"{first.day} {_MONTHS[first.month - 1][:3]}"
            return f"{start} {EN_DASH} {_day_month_year(last)}"
        return f"{_day_month_year(first)} {EN_DASH} {_day_month_year(last)}"

    def city(self, zone: ZoneInfo) -> str | None:
        """The zone's city as the reader writes it; English keeps the IANA name."""
        return None


def _day_month_year(day: date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1][:3]} {day.year}"


class CldrFormats(EnglishFormats):
    """The CLDR patterns of one locale, through Babel (results kept: days and times recur)."""

    def __init__(self, locale_tag: str) -> None:
        from babel import Locale

        self.locale: Locale = Locale.parse(locale_tag, sep="-")
        self._clock_pattern, self._periods = _clock(self.locale)
        self._found: dict[tuple[str, Any], str] = {}

    def _kept(self, kind: str, key: Any, make: Any) -> str:
        found = self._found.get((kind, key))
        if found is None:
            found = self._found[kind, key] = make()
        return found

    def day_heading(self, day: date) -> str:
        from babel.dates import format_date

        return self._kept("day", day, lambda: format_date(day, "full", locale=self.locale))

    def short_date(self, day: date) -> str:
        return self._kept("short", day, lambda: self._skeleton("MMMEd", day))

    def weekday(self, day: date) -> str:
        return self._kept("weekday", day, lambda: self._skeleton("E", day))

    def dated(self, day: date) -> str:
        return self._kept("dated", day, lambda: self._skeleton("yMMMEd", day))

    def _skeleton(self, skeleton: str, day: date) -> str:
        from babel.dates import format_skeleton

        return format_skeleton(skeleton, day, locale=self.locale)

    def clock(self, moment: datetime) -> str:
        from babel.dates import format_time

        key = (moment.hour, moment.minute)
        return self._kept(
            "clock", key, lambda: format_time(moment, self._clock_pattern, locale=self.locale)
        )

    def clock_span(self, start: datetime, end: datetime) -> str:
        from babel.dates import format_interval

        skeleton = "hm" if "h" in self._clock_pattern else "Hm"
        key = (start.hour, start.minute, end.hour, end.minute)

        def make() -> str:
            text = format_interval(start.time(), end.time(), skeleton, locale=self.locale)
            return _periods(text, self._periods)

        return self._kept("span", key, make)

    def moment(self, moment: datetime) -> str:
        pattern = str(self.locale.datetime_formats["medium"])
        return pattern.replace("{1}", self.dated(moment.date())).replace("{0}", self.clock(moment))

    def names(self, names: Sequence[str]) -> str:
        from babel.lists import format_list

        return format_list(list(names), locale=self.locale) if names else ""

    def day_span(self, first: date, last: date) -> str:
        from babel.dates import format_interval

        if first == last:
            return self._kept("one day", first, lambda: self._skeleton("yMMMd", first))
        key = (first, last)
        return self._kept(
            "days", key, lambda: format_interval(first, last, "yMMMd", locale=self.locale)
        )

    def city(self, zone: ZoneInfo) -> str | None:
        return self._kept("city", zone.key, lambda: _city(zone.key, self.locale))


def _clock(locale: Locale) -> tuple[str, dict[str, str]]:
    """The locale's short time pattern, and the day periods to write in full.

    CLDR abbreviates some locales' AM and PM in Latin letters (Korean ``AM 9:00``) where
    the wide names are the locale's own words (``오전 9:00``), which its readers expect:
    then the wide names are used.
    """
    pattern = str(locale.time_formats["short"].pattern)
    if "a" not in pattern:
        return pattern, {}
    short = locale.day_periods["format"]["abbreviated"]
    wide = locale.day_periods["format"]["wide"]
    swaps = {
        short[key]: wide[key]
        for key in ("am", "pm")
        if short[key].isascii() and not wide[key].isascii()
    }
    if swaps:
        pattern = pattern.replace("a", "aaaa")
    return pattern, swaps


def _periods(text: str, swaps: dict[str, str]) -> str:
    for short, wide in swaps.items():
        text = text.replace(short, wide)
    return text


def _city(key: str, locale: Locale) -> str:
    """CLDR's name of the zone's city in ``locale``, else the city of the IANA name.

    CLDR files some zones under their former names (``Asia/Saigon`` for
    ``Asia/Ho_Chi_Minh``, ``Asia/Calcutta`` for ``Asia/Kolkata``): those are tried too.
    """
    from babel.core import get_global

    zones = locale.time_zones
    former = [old for old, new in get_global("zone_aliases").items() if new == key]
    for name in (key, *former):
        city = zones.get(name, {}).get("city")
        if city:
            return str(city)
    return key.rsplit("/", 1)[-1].replace("_", " ")
