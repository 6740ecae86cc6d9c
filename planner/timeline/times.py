"""Durations, local wall-clock times and repeat rules, as written in programme files."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from enum import Enum
from functools import lru_cache
from zoneinfo import ZoneInfo

from planner.limits import FIRST_YEAR, LAST_YEAR, MAX_DURATION
from planner.timeline.rrules import RepeatError, expand_repeat

__all__ = [
    "LocalTimeIssue",
    "OutOfRange",
    "RepeatError",
    "duration_too_long",
    "expand_repeat",
    "in_zone",
    "localize",
    "midnight_in",
    "parse_date",
    "parse_duration",
    "parse_local",
    "parse_time",
]

_HOURS_MINUTES = re.compile(r"^(?:(\d+)h)?(?:(\d+)m)?$")
_ISO_DURATION = re.compile(r"^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$")
DEFAULT_REPEAT_SPAN = timedelta(days=366)
_LONGEST_NUMBER = 12  # digits in one part of a duration; more is over any maximum
_MEMO = 4096
"""How many texts each parser remembers: a programme writes the same dates, times and
durations over and over (what raises is never remembered, so it raises every time)."""


class OutOfRange(ValueError):
    """A value that reads, but lies outside the range planner handles (see docs/limits.md)."""


def _seconds(text: str) -> int | None:
    """A duration as written, in seconds (unbounded), or None when it is not a duration."""
    match = _HOURS_MINUTES.match(text)
    parts: tuple[str | None, ...]
    if match and text:
        parts = (None, *match.groups(), None)
    else:
        match = _ISO_DURATION.match(text)
        if not match or text == "P" or text.endswith("T"):
            return None
        parts = match.groups()
    if any(part and len(part) > _LONGEST_NUMBER for part in parts):
        return int(10**_LONGEST_NUMBER * 86_400)
    days, hours, minutes, seconds = (int(part or 0) for part in parts)
    return ((days * 24 + hours) * 60 + minutes) * 60 + seconds


@lru_cache(maxsize=_MEMO)
def parse_duration(text: str) -> timedelta | None:
    """``2h``, ``90m``, ``1h30m`` or ISO 8601 ``PT1H30M``; None when it is none of these, or
    longer than the maximum (:func:`duration_too_long` tells which)."""
    seconds = _seconds(text)
    if seconds is None or seconds > MAX_DURATION.total_seconds():
        return None
    return timedelta(seconds=seconds)


def duration_too_long(text: str) -> bool:
    """Whether ``text`` is a duration, but longer than planner's maximum."""
    seconds = _seconds(text)
    return seconds is not None and seconds > MAX_DURATION.total_seconds()


def duration_limit_message(text: str) -> str:
    return (
        f"the duration `{text[:40]}` is longer than {MAX_DURATION.days} days, the longest "
        "planner reads; split the session or give its end"
    )


def _in_range(day: date, text: str) -> None:
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise OutOfRange(
            f"`{text[:40]}` is in the year {day.year}; planner reads dates from {FIRST_YEAR} "
            f"to {LAST_YEAR}"
        )


@lru_cache(maxsize=_MEMO)
def parse_date(text: str) -> date:
    """``2024-04-18``; ValueError when it is not a date, OutOfRange outside the years read."""
    day = date.fromisoformat(text)
    _in_range(day, text)
    return day


@lru_cache(maxsize=_MEMO)
def parse_time(text: str) -> time:
    hours, minutes, *seconds = text.strip().split(":")
    return time(int(hours), int(minutes), int(seconds[0]) if seconds else 0)


@lru_cache(maxsize=_MEMO)
def parse_local(text: str) -> datetime | date:
    """``2024-04-18 09:00`` -> naive datetime; ``2024-04-18`` -> date. Raises ValueError."""
    text = text.strip()
    if len(text) == 10:
        return parse_date(text)
    day, clock = text[:10], text[11:]
    return datetime.combine(parse_date(day), parse_time(clock))


class LocalTimeIssue(Enum):
    NONEXISTENT = "nonexistent"
    AMBIGUOUS = "ambiguous"


def in_zone(moment: datetime, zone: ZoneInfo) -> datetime:
    """``moment.replace(tzinfo=zone)``, the same wall clock and fold, built several times
    faster (``replace`` parses keyword arguments; a large programme attaches zones 100k
    times)."""
    return _combine(moment, moment.time(), zone)


def midnight_in(day: date, zone: ZoneInfo) -> datetime:
    """The start of ``day`` in ``zone``: ``datetime.combine(day, time()).replace(tzinfo=zone)``."""
    return _combine(day, _MIDNIGHT, zone)


_combine = datetime.combine
_MIDNIGHT = time()
_FOLDED: dict[time, time] = {}
"""Each time of day with fold=1 (times compare equal whatever their fold): a programme uses
few, and ``replace`` is slow."""


def localize(naive: datetime, zone: ZoneInfo) -> tuple[datetime, LocalTimeIssue | None]:
    """Attach ``zone``; say whether the wall-clock time falls in a DST gap or repeated hour."""
    clock = naive.time()  # (with naive's own fold)
    aware = _combine(naive, clock, zone)
    later = _FOLDED.get(clock)
    if later is None:
        if len(_FOLDED) >= _MEMO:
            _FOLDED.clear()  # (bounded: a hostile file may give every session its own second)
        later = _FOLDED[clock] = clock.replace(fold=1)
    if aware.utcoffset() == _combine(naive, later, zone).utcoffset():
        return aware, None  # (nearly every time: no transition, so both folds agree)
    round_trip = aware.astimezone(UTC).astimezone(zone).replace(tzinfo=None)
    if round_trip != naive:
        return aware, LocalTimeIssue.NONEXISTENT
    return aware, LocalTimeIssue.AMBIGUOUS
