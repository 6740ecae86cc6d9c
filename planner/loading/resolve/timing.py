"""When a session happens, from the fields that say so and the zone it is in.

A pure function: no locations, no reporting. Problems come back naming the session key
that holds the offending value; the caller turns them into diagnostics.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from planner.diagnostics import Severity
from planner.limits import MAX_DURATION
from planner.timeline.times import (
    LocalTimeIssue,
    OutOfRange,
    duration_limit_message,
    duration_too_long,
    localize,
    midnight_in,
    parse_date,
    parse_duration,
    parse_local,
    parse_time,
)

__all__ = ["Problem", "Timing", "TimingError", "TimingFields", "session_timing"]

_ONE_DAY = timedelta(days=1)
_OUT_OF_RANGE = "value-out-of-range"


class TimingFields(Protocol):
    """The fields of a session that say when it happens, as written."""

    @property
    def start(self) -> str | None: ...
    @property
    def end(self) -> str | None: ...
    @property
    def duration(self) -> str | None: ...
    @property
    def date(self) -> str | None: ...
    @property
    def time(self) -> str | None: ...


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with a session's times, at ``key`` (None: the session itself)."""

    code: str
    message: str
    key: str | None
    severity: Severity = Severity.ERROR


@dataclass(frozen=True, slots=True)
class Timing:
    """A usable timing; ``notes`` are problems found on the way that did not stop it."""

    all_day: bool
    start: datetime
    end: datetime
    notes: tuple[Problem, ...] = ()


@dataclass(frozen=True, slots=True)
class TimingError:
    """No usable timing: the last problem stopped it, any before it were found on the way."""

    problems: tuple[Problem, ...]


class _Stop(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def session_timing(fields: TimingFields, zone: ZoneInfo) -> Timing | TimingError:
    """The session's first start and end in ``zone``, or why they cannot be known."""
    timer = _Timer(fields, zone)
    try:
        all_day, start, end = timer.timing()
    except _Stop as stop:
        return TimingError((*timer.notes, stop.problem))
    return Timing(all_day, start, end, tuple(timer.notes))


def _stop(message: str, key: str | None, code: str = "schema") -> _Stop:
    return _Stop(Problem(code, message, key))


class _Timer:
    def __init__(self, fields: TimingFields, zone: ZoneInfo) -> None:
        self.raw = fields
        self.zone = zone
        self.notes: list[Problem] = []

    def timing(self) -> tuple[bool, datetime, datetime]:
        raw = self.raw
        if raw.date is not None and raw.start is not None:
            raise _stop("give either `start` or `date` (with `time`), not both", "date")
        if raw.end is not None and raw.duration is not None:
            raise _stop("give either `end` or `duration`, not both", "duration")
        try:
            if raw.date is not None:
                return self._from_date_and_time(raw.date)
            if raw.start is not None:
                return self._from_start(raw.start)
        except OutOfRange as error:
            raise _stop(str(error), "start" if raw.start else "date", _OUT_OF_RANGE) from None
        except ValueError:
            raise _stop(*_unreadable(raw)) from None
        raise _stop("a session needs `start` (or `date` and `time`) to say when it happens", None)

    def _from_date_and_time(self, text: str) -> tuple[bool, datetime, datetime]:
        raw = self.raw
        day = parse_date(text)
        if raw.time is None:
            if raw.duration is not None or raw.end is not None:
                raise _stop(
                    "an all-day session (a date without `time`) takes no end or duration", "date"
                )
            return self._all_day(day, day)
        first, _, second = raw.time.partition("-")
        start = datetime.combine(day, parse_time(first))
        if second:
            if raw.duration or raw.end:
                raise _stop("`time` already gives the end; drop `end`/`duration`", "time")
            end = datetime.combine(day, parse_time(second))
            return self._timed(start, end, "time", "time")
        return self._timed(start, self._end_of(start, "time"), "time", "time")

    def _from_start(self, text: str) -> tuple[bool, datetime, datetime]:
        raw = self.raw
        start = parse_local(text)
        if isinstance(start, datetime):
            return self._timed(start, self._end_of(start, "start"), "start", "end")
        last = start
        if raw.duration is not None:
            raise _stop("an all-day session ends on a date: use `end: YYYY-MM-DD`", "duration")
        if raw.end is not None:
            end_value = parse_local(raw.end) if len(raw.end) >= 10 else None
            if not isinstance(end_value, date) or isinstance(end_value, datetime):
                raise _stop("the start is a date, so the end must be a date too (all-day)", "end")
            last = end_value
            if last < start:
                raise _stop(
                    f"the last day ({last}) is before the first ({start})",
                    "end",
                    "end-before-start",
                )
        return self._all_day(start, last)

    def _end_of(self, start: datetime, start_key: str) -> datetime:
        raw = self.raw
        if raw.duration is not None:
            duration = parse_duration(raw.duration)
            if duration is None and duration_too_long(raw.duration):
                raise _stop(duration_limit_message(raw.duration), "duration", _OUT_OF_RANGE)
            if duration is None:
                raise _stop(
                    f"`{raw.duration}` is not a duration (2h, 90m, 1h30m, PT1H30M)", "duration"
                )
            return start + duration
        if raw.end is None:
            raise _stop("the session needs an `end` or a `duration`", start_key)
        if len(raw.end) <= 8:
            return datetime.combine(start.date(), parse_time(raw.end))
        end = parse_local(raw.end)
        if not isinstance(end, datetime):
            raise _stop("the start has a time, so the end needs one too", "end")
        return end

    def _timed(
        self, start: datetime, end: datetime, start_key: str, end_key: str
    ) -> tuple[bool, datetime, datetime]:
        ends_as_written = bool(self.raw.end or self.raw.time)
        start_at = self._localize(start, start_key)
        end_at = self._localize(end, end_key if ends_as_written else start_key)
        _check_length(start, end, end_key if ends_as_written else "duration")
        if end_at < start_at:
            raise _stop(
                f"the session ends ({end:%Y-%m-%d %H:%M}) before it starts "
                f"({start:%Y-%m-%d %H:%M}); an end past midnight needs its date",
                end_key if ends_as_written else "duration",
                "end-before-start",
            )
        return False, start_at, end_at

    def _localize(self, naive: datetime, key: str) -> datetime:
        aware, issue = localize(naive, self.zone)
        if issue is not None:
            self.notes.append(local_time_problem(naive, self.zone, issue, key))
        return aware

    def _all_day(self, first: date, last: date) -> tuple[bool, datetime, datetime]:
        _check_length(first, last, "end")
        start = midnight_in(first, self.zone)
        end = midnight_in(last + _ONE_DAY, self.zone)
        return True, start, end


def _check_length(start: date, end: date, key: str) -> None:
    """A session lasts at most MAX_DURATION: longer is a mistake in a date, not a session."""
    if end - start > MAX_DURATION:
        raise _stop(
            f"the session lasts {(end - start).days:,} days, longer than the "
            f"{MAX_DURATION.days} days planner reads; check the year of its end",
            key,
            _OUT_OF_RANGE,
        )


def local_time_problem(
    naive: datetime, zone: ZoneInfo, issue: LocalTimeIssue, key: str | None
) -> Problem:
    """A wall-clock time that falls in a daylight-saving gap (error) or overlap (warning)."""
    shown = naive.strftime("%Y-%m-%d %H:%M")
    if issue is LocalTimeIssue.NONEXISTENT:
        return Problem(
            "nonexistent-time",
            f"{shown} does not exist in {zone.key}: the clocks jump forward at that hour "
            "(daylight saving); choose a time outside the gap",
            key,
        )
    return Problem(
        "ambiguous-time",
        f"{shown} happens twice in {zone.key} (the clocks go back that night); "
        "planner takes the first, summer-time one",
        key,
        Severity.WARNING,
    )


def _unreadable(raw: TimingFields) -> tuple[str, str]:
    """Which written value is not a real date or time, quoted, and the key that holds it."""
    for key in ("date", "time", "start", "end"):
        text = getattr(raw, key)
        if text is not None and (why := _why_unreadable(key, text)):
            return f"`{text}` {why}", key
    return (
        "this is not a real date or time (check day, month and hour)",
        "start" if raw.start else "date",
    )


def _why_unreadable(key: str, text: str) -> str | None:
    """None when ``text`` reads as the ``key`` expects, else what is wrong with it."""
    try:
        if key == "time":
            for part in text.split("-"):
                if _why_unreadable("end", part.strip()) is not None:
                    return (
                        f"is not a real time range: `{part.strip()}` is not a time of day "
                        "(hours 00 to 23, minutes 00 to 59)"
                    )
        elif key == "date" or len(text.strip()) == 10:
            parse_date(text.strip())
        elif key == "end" and len(text.strip()) <= 8:
            parse_time(text)
        else:
            parse_local(text)
    except ValueError:
        if key == "time" or (key == "end" and len(text.strip()) <= 8):
            return "is not a real time of day (hours 00 to 23, minutes 00 to 59)"
        return "is not a real date and time (check the day exists in that month, and the hour)"
    return None
