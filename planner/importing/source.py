"""What a conference schedule holds, whichever file it came from (frab XML, c3voc JSON)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

__all__ = ["ImportProblem", "SourcePerson", "SourceRoom", "SourceSchedule", "SourceSession",
           "SourceTrack"]  # fmt: skip


class ImportProblem(ValueError):
    """The file cannot be imported; the message says where (``FILE:LINE:COL`` or a path)."""


@dataclass(slots=True)
class SourcePerson:
    name: str
    key: str
    """The source's identity for the person: guid, else code, else id, else name."""
    extras: dict[str, Any] = field(default_factory=dict)
    """Kept under ``x-`` keys: the source's ids, biography ..."""


@dataclass(slots=True)
class SourceRoom:
    name: str
    capacity: int | None = None
    extras: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class SourceTrack:
    name: str
    color: str | None = None
    slug: str | None = None


@dataclass(slots=True)
class SourceSession:
    guid: str | None
    title: str
    start: datetime
    """Aware: the source's local time with its offset."""
    duration: timedelta
    room: str
    type: str | None = None
    track: str | None = None
    language: str | None = None
    subtitle: str | None = None
    abstract: str | None = None
    description: str | None = None
    url: str | None = None
    do_not_record: bool = False
    persons: list[SourcePerson] = field(default_factory=list)
    links: list[dict[str, str]] = field(default_factory=list)
    extras: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class SourceSchedule:
    kind: str
    """``frab XML``, ``c3voc JSON`` or ``pretalx JSON``."""
    title: str
    acronym: str | None = None
    url: str | None = None
    zone_name: str | None = None
    first_day: date | None = None
    last_day: date | None = None
    rooms: list[SourceRoom] = field(default_factory=list)
    tracks: list[SourceTrack] = field(default_factory=list)
    sessions: list[SourceSession] = field(default_factory=list)
    extras: dict[str, Any] = field(default_factory=dict)
