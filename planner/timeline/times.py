"""Durations, local wall-clock times and repeat rules, as written in programme files."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from enum import Enum
from zoneinfo import ZoneInfo

from dateutil.rrule import rrule, rrulestr

__all__ = [
    "LocalTimeIssue",
    "RepeatError",
    "expand_repeat",
    "localize",
    "parse_date",
    "parse_duration",
    "parse_local",
    "parse_time",
]

_HOURS_MINUTES = re.compile(r"^(?:(\d+)h)?(?:(\d+)m)?$")
_ISO_DURATION = re.compile(r"^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$")
DEFAULT_REPEAT_SPAN = timedelta(days=366)
MAX_OCCURRENCES = 1000


def parse_duration(text: str) -> timedelta | None:
    """``2h``, ``90m``, ``1h30m`` or ISO 8601 ``PT1H30M``; None when it is none of these."""
    match = _HOURS_MINUTES.match(text)
    if match and text:
        hours, minutes = match.groups()
        return timedelta(hours=int(hours or 0), minutes=int(minutes or 0))
    match = _ISO_DURATION.match(text)
    if match and text != "P" and not text.endswith("T"):
        days, hours, minutes, seconds = (int(part or 0) for part in match.groups())
        return timedelta(days=days, hours=hours, minutes=minutes, seconds=seconds)
    return None


def parse_date(text: str) -> date:
    return date.fromisoformat(text)


def parse_time(text: str) -> time:
    hours, minutes, *seconds = text.strip().split(":")
    return time(int(hours), int(minutes), int(seconds[0]) if seconds else 0)


def parse_local(text: str) -> datetime | date:
    """``2024-04-18 09:00`` -> naive datetime; ``2024-04-18`` -> date. Raises ValueError."""
    text = text.strip()
    if len(text) == 10:
        return date.fromisoformat(text)
    day, clock = text[:10], text[11:]
    return datetime.combine(date.fromisoformat(day), parse_time(clock))


class LocalTimeIssue(Enum):
    NONEXISTENT = "nonexistent"
    AMBIGUOUS = "ambiguous"


def localize(naive: datetime, zone: ZoneInfo) -> tuple[datetime, LocalTimeIssue | None]:
    """Attach ``zone``; say whether the wall-clock time falls in a DST gap or repeated hour."""
    aware = naive.replace(tzinfo=zone)
    round_trip = aware.astimezone(UTC).astimezone(zone).replace(tzinfo=None)
    if round_trip != naive:
        return aware, LocalTimeIssue.NONEXISTENT
    if aware.utcoffset() != naive.replace(tzinfo=zone, fold=1).utcoffset():
        return aware, LocalTimeIssue.AMBIGUOUS
    return aware, None


class RepeatError(ValueError):
    """The RRULE cannot be read."""


def _split_rule(text: str) -> list[tuple[str, str]]:
    body = text.strip()
    if body.upper().startswith("RRULE:"):
        body = body[6:]
    parts: list[tuple[str, str]] = []
    for part in body.split(";"):
        if not part.strip():
            continue
        name, sep, value = part.partition("=")
        if not sep or not value:
            raise RepeatError(f"`{part}` is not NAME=VALUE")
        parts.append((name.strip().upper(), value.strip()))
    if not any(name == "FREQ" for name, _ in parts):
        raise RepeatError("a repeat rule needs FREQ (for example FREQ=WEEKLY)")
    return parts


def _until_instant(value: str, zone: ZoneInfo) -> datetime:
    """UNTIL as an aware instant: a date means the end of that day in the session's zone."""
    try:
        if len(value) == 8:
            day = datetime.strptime(value, "%Y%m%d")
            return (day + timedelta(days=1, seconds=-1)).replace(tzinfo=zone)
        if value.endswith("Z"):
            return datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
        return datetime.strptime(value, "%Y%m%dT%H%M%S").replace(tzinfo=zone)
    except ValueError:
        raise RepeatError(f"UNTIL={value} is not a date (20181231) or date-time") from None


def parse_repeat(text: str, zone: ZoneInfo) -> tuple[str, datetime | None, bool]:
    """The rule without UNTIL, UNTIL as an aware instant, and whether COUNT bounds it."""
    parts = _split_rule(text)
    until = next((value for name, value in parts if name == "UNTIL"), None)
    bounded_by_count = any(name == "COUNT" for name, _ in parts)
    if until is not None and bounded_by_count:
        raise RepeatError("a repeat rule may have UNTIL or COUNT, not both")
    rest = ";".join(f"{name}={value}" for name, value in parts if name != "UNTIL")
    return rest, (_until_instant(until, zone) if until else None), bounded_by_count


def expand_repeat(
    text: str,
    first_start: datetime,
    zone: ZoneInfo,
    default_until: datetime,
    exceptions: frozenset[date],
) -> tuple[list[datetime], datetime | None]:
    """Local start times of every occurrence, and UNTIL as an instant (None if unbounded).

    Expansion runs on naive wall-clock times in the session's zone, so a weekly 10:00
    session stays at 10:00 across a daylight-saving change.
    """
    rest, until, bounded_by_count = parse_repeat(text, zone)
    naive_start = first_start.replace(tzinfo=None)
    limit = until if until is not None else (None if bounded_by_count else default_until)
    try:
        rule = rrulestr(rest, dtstart=naive_start, forceset=False)
    except (ValueError, TypeError) as error:
        raise RepeatError(str(error)) from None
    if not isinstance(rule, rrule):
        raise RepeatError("only a single RRULE is supported")
    starts: list[datetime] = []
    for naive in rule:
        aware = naive.replace(tzinfo=zone)
        if limit is not None and aware > limit:
            break
        if len(starts) >= MAX_OCCURRENCES:
            raise RepeatError(f"the rule gives more than {MAX_OCCURRENCES} occurrences")
        if naive.date() not in exceptions:
            starts.append(aware)
    return starts, until
