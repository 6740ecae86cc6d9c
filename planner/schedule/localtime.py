"""Local wall-clock time in whole minutes, for testing a thousand candidates quickly.

A local minute is the UTC minute plus the zone's offset at that instant; its day number
(``minute // DAY``) counts local days from 1970-01-01. The answers follow the rules' own
definitions: a session ending at midnight ends on the day before; opening hours closing
at "00:00" close at the end of the day; a night runs from its start to its end the next
morning.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from planner.schedule.problem import Task
from planner.timeline import OpeningHours

__all__ = [
    "DAY",
    "LocalClock",
    "closed_or_outside",
    "day_number",
    "day_of",
    "days_touched",
    "night_overlaps",
    "span_minutes",
]

DAY = 24 * 60
_EPOCH = date(1970, 1, 1)


class LocalClock:
    """A task's candidate starts as local minutes in one zone."""

    def __init__(self, task: Task, zone: ZoneInfo) -> None:
        self.task = task
        self.zone = zone
        first, last = self._offset(task.start(0)), self._offset(task.start(max(0, task.count - 1)))
        self.fixed: int | None = first if first == last else None
        self.cache: dict[int, int] = {}

    def _offset(self, minute: int) -> int:
        moment = datetime.fromtimestamp(minute * 60, UTC).astimezone(self.zone)
        offset = moment.utcoffset()
        return int(offset.total_seconds() // 60) if offset is not None else 0

    def minutes(self) -> list[int]:
        """Every candidate's local start minute."""
        if self.fixed is not None:
            shift, base, step = self.fixed + self.task.base, 0, self.task.step
            return [shift + base + step * candidate for candidate in range(self.task.count)]
        return [self.minute(candidate) for candidate in range(self.task.count)]

    def minute(self, candidate: int) -> int:
        start = self.task.start(candidate)
        if self.fixed is not None:
            return start + self.fixed
        found = self.cache.get(candidate)
        if found is None:
            found = start + self._offset(start)
            self.cache[candidate] = found
        return found


def day_of(day: int) -> date:
    return _EPOCH + timedelta(days=day)


def day_number(day: date) -> int:
    return (day - _EPOCH).days


def days_touched(minute: int, length: int) -> range:
    """Local days a span touches; one ending at midnight ends on the day before."""
    return range(minute // DAY, (minute + max(length, 1) - 1) // DAY + 1)


def span_minutes(hours: OpeningHours, day: int) -> tuple[int, int] | None:
    span = hours.on(day_of(day))
    if span is None:
        return None
    opening, closing = span
    close = closing.hour * 60 + closing.minute + (1 if closing.second else 0)
    return opening.hour * 60 + opening.minute, close


def closed_or_outside(hours: OpeningHours, minute: int, length: int) -> bool:
    """Whether a span touches a closed day or runs a minute or more outside the hours."""
    outside = 0
    end = minute + length
    for day in days_touched(minute, length):
        piece_start, piece_end = max(minute, day * DAY), min(end, (day + 1) * DAY)
        span = span_minutes(hours, day)
        if span is None:
            return True
        inside = max(0, min(piece_end, day * DAY + span[1]) - max(piece_start, day * DAY + span[0]))
        outside += (piece_end - piece_start) - inside
    return outside >= 1


def night_overlaps(minute: int, length: int, night: tuple[int, int]) -> bool:
    """Whether a span reaches into the nightly window ``(from, to)`` (local minutes of day)."""
    begins, ends = night
    end = minute + length
    for day in range(minute // DAY - 1, end // DAY + 1):
        night_start = day * DAY + begins
        night_end = (day + 1) * DAY + ends if ends <= begins else day * DAY + ends
        if min(end, night_end) > max(minute, night_start):
            return True
    return False
