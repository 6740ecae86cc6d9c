"""How the schedule format spells times, durations and the generator's version."""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import cache
from importlib.metadata import PackageNotFoundError, version

__all__ = ["clock", "duration", "generator_version", "iso"]


def iso(moment: datetime) -> str:
    """``2024-04-18T09:00:00+09:00``: always with the offset, never a zone name."""
    return moment.isoformat(timespec="seconds")


def clock(seconds: float) -> str:
    """``HH:MM`` for a length of time (hours may pass 24)."""
    minutes = int(seconds // 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def duration(length: timedelta) -> str:
    return clock(length.total_seconds())


@cache
def generator_version() -> str:
    try:
        return version("planner")
    except PackageNotFoundError:  # running from a source tree that is not installed
        from planner import __version__

        return __version__
