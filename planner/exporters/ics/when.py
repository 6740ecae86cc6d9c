"""When a VEVENT happens: DTSTART/DTEND in the session's zone, and its repeats.

A repeating session's RRULE is anchored on the first occurrence and bounded by an UNTIL in
UTC at the last one; every instance the rule makes that the timeline dropped becomes an
EXDATE, and an occurrence that a clock change stretches gets its own RECURRENCE-ID.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr

from planner.exporters.ics.text import format_date, format_local, format_utc, line
from planner.timeline import Occurrence, Session

__all__ = [
    "UTC_KEYS",
    "moment_line",
    "named_zone",
    "override_times",
    "session_times",
    "stretched_occurrences",
]


UTC_KEYS = frozenset({"UTC", "Etc/UTC"})


_RULE_PARTS = frozenset(
    {"FREQ", "INTERVAL", "BYSECOND", "BYMINUTE", "BYHOUR", "BYDAY", "BYMONTHDAY",
     "BYYEARDAY", "BYWEEKNO", "BYMONTH", "BYSETPOS", "WKST"}
)  # fmt: skip


_RULE_VALUE = re.compile(r"^[A-Z0-9,+-]+$")


def session_times(session: Session) -> list[bytes]:
    first = session.occurrences[0]
    if session.all_day:
        lines = [
            line("DTSTART", format_date(first.first_day), ";VALUE=DATE"),
            # iCalendar ends are exclusive: an all-day session ending on the 19th ends on the 20th.
            line("DTEND", format_date(first.last_day + timedelta(days=1)), ";VALUE=DATE"),
        ]
    else:
        lines = [moment_line("DTSTART", first.start), moment_line("DTEND", first.end)]
    if session.repeat is not None:
        lines.extend(_recurrence(session))
    return lines


def stretched_occurrences(session: Session) -> list[Occurrence]:
    """Occurrences that last longer or shorter than the first in elapsed time.

    The timeline keeps a repeat's wall-clock times (01:00-04:00 every night), so on the
    night the clocks change an occurrence lasts an hour more or less. Calendars give every
    instance of an RRULE the first one's exact duration; those occurrences get their own
    VEVENT (RECURRENCE-ID) with the right end.
    """
    if session.repeat is None or session.all_day:
        return []
    elapsed = [o.end.astimezone(UTC) - o.start.astimezone(UTC) for o in session.occurrences]
    return [o for o, span in zip(session.occurrences, elapsed, strict=True) if span != elapsed[0]]


def override_times(occurrence: Occurrence) -> list[bytes]:
    return [
        moment_line("RECURRENCE-ID", occurrence.start),
        moment_line("DTSTART", occurrence.start),
        moment_line("DTEND", occurrence.end),
    ]


def moment_line(name: str, moment: datetime) -> bytes:
    zone = named_zone(moment.tzinfo)
    if zone is None:
        return line(name, format_utc(moment))
    return line(name, format_local(moment), f";TZID={zone.key}")


def named_zone(value: tzinfo | None) -> ZoneInfo | None:
    """The zone to name with TZID; None for UTC, which is written with a Z instead."""
    if isinstance(value, ZoneInfo) and value.key not in UTC_KEYS:
        return value
    return None


def _recurrence(session: Session) -> list[bytes]:
    starts = [occurrence.start.replace(tzinfo=None) for occurrence in session.occurrences]
    rule = _rule_without_bounds(session.repeat or "")
    generated = _expand(rule, starts[0], starts[-1]) if rule else []
    kept = set(starts)
    if not generated or generated[0] != starts[0] or not kept.issubset(generated):
        return [_dates("RDATE", session, starts[1:])] if len(starts) > 1 else []
    if session.all_day:
        until = format_date(starts[-1].date())
    else:
        until = format_utc(session.occurrences[-1].start)
    lines = [line("RRULE", f"{rule};UNTIL={until}")]
    excepted = [start for start in generated if start not in kept]
    if excepted:
        lines.append(_dates("EXDATE", session, excepted))
    return lines


def _rule_without_bounds(written: str) -> str | None:
    """The rule as written minus UNTIL and COUNT, FREQ first (some clients insist); None if
    a part is not a plain RRULE part, so nothing odd from YAML reaches the line."""
    body = written.strip()
    if body.upper().startswith("RRULE:"):
        body = body[6:]
    parts = []
    for piece in body.split(";"):
        name, _, value = piece.strip().upper().partition("=")
        if name in ("UNTIL", "COUNT") or not name:
            continue
        if name not in _RULE_PARTS or not _RULE_VALUE.match(value):
            return None
        parts.append((name, value))
    parts.sort(key=lambda part: part[0] != "FREQ")
    if not parts or parts[0][0] != "FREQ":
        return None
    return ";".join(f"{name}={value}" for name, value in parts)


def _expand(rule: str, first: datetime, last: datetime) -> list[datetime]:
    try:
        return list(rrulestr(f"{rule};UNTIL={format_local(last)}", dtstart=first))
    except (ValueError, TypeError):
        return []


def _dates(name: str, session: Session, starts: Sequence[datetime]) -> bytes:
    if session.all_day:
        return line(name, ",".join(format_date(start.date()) for start in starts), ";VALUE=DATE")
    zone = session.timezone
    if zone.key in UTC_KEYS:
        return line(name, ",".join(format_utc(start.replace(tzinfo=zone)) for start in starts))
    return line(name, ",".join(format_local(start) for start in starts), f";TZID={zone.key}")
