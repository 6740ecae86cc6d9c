"""Repeat rules (RFC 5545 RRULEs): checked part by part, then expanded under a bounded search.

dateutil reads rules it then fails to expand (``BYHOUR=25``, ``BYDAY=+54MO``,
``INTERVAL=-1``), and searches a rule that never matches up to the year 9999. So every part
is checked against RFC 5545's ranges before dateutil sees it, the search never passes the
end of the last year planner reads (or the rule's own bound), and a rule that gives no
occurrence, or whose ``except`` dates remove them all, is an error rather than a session
that silently vanishes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from difflib import get_close_matches
from typing import Any
from zoneinfo import ZoneInfo

import dateutil.rrule
from dateutil.rrule import rrule, rrulestr

from planner.limits import FIRST_YEAR, LAST_YEAR, REPEAT_SEARCH, SESSION_OCCURRENCES

__all__ = ["RepeatError", "expand_repeat", "parse_repeat"]

_FREQUENCIES = ("SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY")
_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
# name -> (lowest, highest, whether a negative value counts from the end)
_NUMBER_LISTS = {
    "BYSECOND": (0, 59, False),
    "BYMINUTE": (0, 59, False),
    "BYHOUR": (0, 23, False),
    "BYMONTHDAY": (1, 31, True),
    "BYYEARDAY": (1, 366, True),
    "BYWEEKNO": (1, 53, True),
    "BYMONTH": (1, 12, False),
    "BYSETPOS": (1, 366, True),
}
_SINGLE_NUMBERS = {"INTERVAL": 10_000, "COUNT": 1_000_000}
_KNOWN = {"FREQ", "UNTIL", "BYDAY", "WKST", *_NUMBER_LISTS, *_SINGLE_NUMBERS}
_BYDAY = re.compile(r"([+-]?)(\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)")
_NUMBER = re.compile(r"[+-]?\d{1,6}")
_LAST_MOMENT = datetime(LAST_YEAR, 12, 31, 23, 59, 59)
_EXPANSION_FAILURES = (ValueError, OverflowError, IndexError, TypeError, KeyError)


class RepeatError(ValueError):
    """The RRULE cannot be read, or gives no usable occurrences."""


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
            raise RepeatError(f"`{part[:40]}` is not NAME=VALUE")
        parts.append((name.strip().upper(), value.strip().upper()))
    names = [name for name, _ in parts]
    if "FREQ" not in names:
        raise RepeatError("a repeat rule needs FREQ (for example FREQ=WEEKLY)")
    for name in names:
        if name not in _KNOWN:
            raise RepeatError(f"`{name[:40]}` is not a part of a repeat rule (RFC 5545)")
        if names.count(name) > 1:
            raise RepeatError(f"{name} is given twice")
    for name, value in parts:
        _check_part(name, value, dict(parts)["FREQ"])
    return parts


def _check_part(name: str, value: str, frequency: str) -> None:
    if name == "FREQ" and value not in _FREQUENCIES:
        guess = get_close_matches(value, _FREQUENCIES, n=1)
        hint = f"did you mean {guess[0]}? " if guess else ""
        raise RepeatError(
            f"FREQ={value[:20]} is not a frequency: {hint}(one of {', '.join(_FREQUENCIES)})"
        )
    if name == "WKST" and value not in _WEEKDAYS:
        raise RepeatError(f"WKST={value[:20]} is not a weekday (MO, TU, ... SU)")
    if name in _SINGLE_NUMBERS:
        highest = _SINGLE_NUMBERS[name]
        if not value.isdigit() or not 1 <= int(value[:8]) <= highest:
            raise RepeatError(f"{name}={value[:20]} should be a whole number from 1 to {highest:,}")
    if name in _NUMBER_LISTS:
        for item in value.split(","):
            _check_number(name, item)
    if name == "BYDAY":
        for item in value.split(","):
            _check_weekday(item, frequency)


def _check_number(name: str, item: str) -> None:
    lowest, highest, signed = _NUMBER_LISTS[name]
    number = int(item) if _NUMBER.fullmatch(item) else None
    fits = number is not None and (
        lowest <= number <= highest or (signed and -highest <= number <= -lowest)
    )
    if not fits:
        span = f"{lowest} to {highest}" + (f" or -{highest} to -{lowest}" if signed else "")
        raise RepeatError(f"{name}={item[:20]} is out of range ({span})")


def _check_weekday(item: str, frequency: str) -> None:
    match = _BYDAY.fullmatch(item)
    if match is None:
        raise RepeatError(f"BYDAY={item[:20]} is not a weekday like MO, 2TU or -1FR")
    if match.group(2) is None:
        return
    highest = {"MONTHLY": 5, "YEARLY": 53}.get(frequency)
    if highest is None:
        raise RepeatError(f"BYDAY={item} counts weekdays, which only MONTHLY or YEARLY rules do")
    if not 1 <= int(match.group(2)) <= highest:
        raise RepeatError(f"BYDAY={item}: a {frequency} rule counts weekdays 1 to {highest}")


def _until_instant(value: str, zone: ZoneInfo) -> datetime:
    """UNTIL as an aware instant: a date means the end of that day in the session's zone."""
    try:
        if len(value) == 8:
            day = datetime.strptime(value, "%Y%m%d")
            found = (day + timedelta(days=1, seconds=-1)).replace(tzinfo=zone)
        elif value.endswith("Z"):
            found = datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
        else:
            found = datetime.strptime(value, "%Y%m%dT%H%M%S").replace(tzinfo=zone)
    except (ValueError, OverflowError):
        raise RepeatError(f"UNTIL={value[:20]} is not a date (20181231) or date-time") from None
    if not FIRST_YEAR <= found.year <= LAST_YEAR:
        raise RepeatError(
            f"UNTIL={value} is in the year {found.year}; planner reads dates from "
            f"{FIRST_YEAR} to {LAST_YEAR}"
        )
    return found


def parse_repeat(text: str, zone: ZoneInfo) -> tuple[str, datetime | None, int | None]:
    """The rule without UNTIL and COUNT, UNTIL as an aware instant, and COUNT."""
    parts = _split_rule(text)
    until = next((value for name, value in parts if name == "UNTIL"), None)
    count = next((int(value) for name, value in parts if name == "COUNT"), None)
    if until is not None and count is not None:
        raise RepeatError("a repeat rule may have UNTIL or COUNT, not both")
    rest = ";".join(f"{name}={value}" for name, value in parts if name not in ("UNTIL", "COUNT"))
    return rest, (_until_instant(until, zone) if until else None), count


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
    rest, until, count = parse_repeat(text, zone)
    limit = until if until is not None else (None if count is not None else default_until)
    search_end = _LAST_MOMENT
    if limit is not None:
        search_end = min(search_end, limit.astimezone(zone).replace(tzinfo=None))
    naive_start = first_start.replace(tzinfo=None)
    try:
        rule = rrulestr(rest, dtstart=naive_start, forceset=False)
        if not isinstance(rule, rrule):
            raise RepeatError("only a single RRULE is supported")
        # The search stops at search_end inside dateutil, so a rule that never matches ends
        # too. (Given as a datetime: dateutil would read a written UNTIL with its date parser,
        # a large module this need not import.)
        rule = rule.replace(until=search_end.replace(microsecond=0))
    except _EXPANSION_FAILURES as error:
        raise RepeatError(str(error)[:200]) from None
    starts, candidates = _occurrences(rule, zone, limit, count, exceptions)
    if count is not None and 0 < candidates < count:
        # Only the end of the readable years stops a COUNT rule short: never cut it silently.
        raise RepeatError(
            f"COUNT={count} runs past {LAST_YEAR}, the last year planner reads: only "
            f"{candidates:,} occurrences fit before then; lower COUNT or end it with UNTIL"
        )
    if not candidates:
        raise RepeatError(
            f"the rule gives no occurrence from {naive_start:%Y-%m-%d} to {search_end:%Y-%m-%d}"
        )
    if not starts:
        raise RepeatError(f"`except` removes every one of the rule's {candidates} occurrences")
    return starts, until


def _occurrences(
    rule: rrule,
    zone: ZoneInfo,
    limit: datetime | None,
    count: int | None,
    exceptions: frozenset[date],
) -> tuple[list[datetime], int]:
    """The occurrences not excepted, and how many the rule gave before the exceptions."""
    most = SESSION_OCCURRENCES.value()
    starts: list[datetime] = []
    candidates = 0
    rule._planner_periods_left = REPEAT_SEARCH.value()  # type: ignore[attr-defined]
    try:
        with _periods_counted():
            for naive in rule:
                aware = naive.replace(tzinfo=zone)
                if (limit is not None and aware > limit) or (count and candidates >= count):
                    break
                candidates += 1
                if naive.date() in exceptions:
                    continue
                if len(starts) >= most:
                    raise RepeatError(
                        f"the rule gives more than {most:,} occurrences, planner's budget for "
                        f"one session; {SESSION_OCCURRENCES.how_to_raise()}"
                    )
                starts.append(aware)
    except RepeatError:
        raise
    except _SearchExhausted:
        raise RepeatError(
            f"the rule needs more than {REPEAT_SEARCH.value():,} steps to find its occurrences "
            f"(it may never match); {REPEAT_SEARCH.how_to_raise()}"
        ) from None
    except _EXPANSION_FAILURES as error:
        raise RepeatError(f"the rule cannot be expanded: {str(error)[:200]}") from None
    return starts, candidates


class _SearchExhausted(Exception):
    pass


_BaseIterinfo: Any = getattr(dateutil.rrule, "_iterinfo", None)


@contextmanager
def _periods_counted() -> Iterator[None]:
    """Count the periods dateutil looks at, for rules that carry a budget.

    dateutil checks UNTIL only against matches, so a rule that never matches is searched to
    the year 9999. Its iteration asks a helper for each period's days; a helper that counts
    them (dateutil's own, one method each wrapped) stops the search at the budget. When a
    dateutil release renames the helper, rules run uncounted and the fuzz corpus says so.
    """
    if _BaseIterinfo is None:
        yield
        return
    setattr(dateutil.rrule, "_iterinfo", _CountingIterinfo)  # noqa: B010
    try:
        yield
    finally:
        setattr(dateutil.rrule, "_iterinfo", _BaseIterinfo)  # noqa: B010


def _counted(name: str) -> Any:
    original = getattr(_BaseIterinfo, name)

    def method(self: Any, *args: Any) -> Any:
        left = getattr(self.rrule, "_planner_periods_left", None)
        if left is not None:
            if left <= 0:
                raise _SearchExhausted
            self.rrule._planner_periods_left = left - 1
        return original(self, *args)

    return method


_CountingIterinfo: Any = (
    type(
        "_CountingIterinfo",
        (_BaseIterinfo,),
        {name: _counted(name) for name in ("ydayset", "mdayset", "wdayset", "ddayset")},
    )
    if _BaseIterinfo is not None
    else None
)
