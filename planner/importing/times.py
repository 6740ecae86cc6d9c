"""Reading the schedule format's times: ISO dates with offsets, ``HH:MM`` durations."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from planner.importing.source import ImportProblem

__all__ = ["parse_date", "parse_duration", "parse_instant"]

_DURATION = re.compile(r"^\d+:\d{2}(:\d{2})?$")


def parse_instant(text: str, where: str) -> datetime:
    """``2020-12-14T09:00:00+01:00``: a date and time with its offset (Z for UTC)."""
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise ImportProblem(f"{where}: `{text}` is not an ISO date and time") from None
    if moment.tzinfo is None:
        raise ImportProblem(f"{where}: `{text}` has no UTC offset")
    return moment


def parse_date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None


def parse_duration(text: str, where: str) -> timedelta:
    """``00:30``, ``1:30`` (hours and minutes) or ``01:30:00`` (and seconds)."""
    if _DURATION.match(text.strip()) is None:
        raise ImportProblem(f"{where}: `{text}` is not a duration (HH:MM)")
    parts = [int(part) for part in text.strip().split(":")]
    return timedelta(hours=parts[0], minutes=parts[1], seconds=parts[2] if len(parts) > 2 else 0)
