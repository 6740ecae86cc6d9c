"""Overlap detection by sweeping over intervals sorted by start: never all pairs.

Walking the intervals in order of start, only those still running can overlap the next
one. The list of running intervals is pruned as the sweep passes their ends, so the work
is proportional to the number of intervals plus the number of overlaps found; a schedule
without clashes is a single linear pass.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Protocol, TypeVar

__all__ = ["Interval", "overlapping_pairs"]


class Interval(Protocol):
    @property
    def start(self) -> float: ...

    @property
    def end(self) -> float: ...


T = TypeVar("T", bound=Interval)


def overlapping_pairs(intervals: Sequence[T]) -> Iterator[tuple[T, T]]:
    """Every pair ``(earlier, later)`` whose times overlap; ``intervals`` sorted by start.

    Intervals are half-open: one ending at 11:00 and one starting at 11:00 touch but do not
    overlap. Zero-length intervals overlap nothing.
    """
    running: list[T] = []
    latest_end = float("-inf")
    for current in intervals:
        start = current.start
        if start >= latest_end:
            # Nothing still runs: the common case in a schedule without clashes.
            running = [current]
            latest_end = current.end
            continue
        running = [other for other in running if other.end > start]
        if current.end > start:
            for other in running:
                yield other, current
        running.append(current)
        latest_end = max(latest_end, current.end)
