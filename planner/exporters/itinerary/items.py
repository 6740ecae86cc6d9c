"""Rows as flat records, for JSON and CSV: ids and names, ISO 8601 times with offsets.

``start`` and ``end`` are the instants of ``Session.occurrences`` and ``Person.travel``
(the same the iCalendar feed publishes), written with the offset of the zone where each
happens; ``timezone`` names that zone.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from planner.exporters.itinerary.model import Row

__all__ = ["FIELDS", "row_item"]

FIELDS = (
    "kind",
    "id",
    "title",
    "category",
    "status",
    "all_day",
    "day",
    "start",
    "end",
    "timezone",
    "end_timezone",
    "duration_minutes",
    "event",
    "event_title",
    "venue",
    "venue_name",
    "room",
    "room_name",
    "city",
    "online_url",
    "origin",
    "destination",
    "chair",
    "speakers",
    "attendees",
    "notes",
)
"""Every record's keys, in this order (CSV columns)."""


def row_item(row: Row) -> dict[str, Any]:
    """A row as a record of plain JSON values, keyed by :data:`FIELDS`."""
    return {
        "kind": row.kind,
        "id": row.uid,
        "title": row.title,
        "category": row.category,
        "status": row.status,
        "all_day": row.all_day,
        "day": row.day.isoformat(),
        "start": row.start.isoformat(),
        "end": row.end.isoformat(),
        "timezone": _zone_name(row.start),
        "end_timezone": _zone_name(row.end),
        "duration_minutes": round((row.ends_at - row.starts_at) / 60),
        "event": row.event_id,
        "event_title": row.event_title,
        "venue": row.venue_id,
        "venue_name": row.venue_name,
        "room": row.room_id,
        "room_name": row.room_name,
        "city": row.city,
        "online_url": row.online_url,
        "origin": row.origin,
        "destination": row.destination,
        "chair": row.chair,
        "speakers": list(row.speakers),
        "attendees": list(row.attendees) if row.attendees is not None else None,
        "notes": row.notes,
    }


def _zone_name(moment: datetime) -> str:
    """The IANA name of the moment's zone (``ZoneInfo.key``)."""
    return str(getattr(moment.tzinfo, "key", moment.tzinfo))
