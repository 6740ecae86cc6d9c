"""Organisations and venues (with their rooms and opening hours)."""

from __future__ import annotations

from datetime import time
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from planner.loading.resolve.context import Context
from planner.loading.validate import Entry
from planner.timeline import objects as timeline
from planner.timeline.times import parse_time

if TYPE_CHECKING:
    from planner.model import Venue as VenueModel

__all__ = ["resolve_organisation", "resolve_venue"]

_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def resolve_organisation(context: Context, entry: Entry) -> timeline.Organisation:
    model = entry.model
    return timeline.Organisation(
        entry.id,
        context.text(model.name),
        context.optional_text(model.short),
        model.url,
        model.country,
        context.where(entry, at_key=True),
    )


def resolve_venue(context: Context, entry: Entry) -> timeline.Venue | None:
    """The venue, or None (reported) when its zone is not one."""
    model: VenueModel = entry.model
    zone = context.zone(model.timezone, entry, "timezone")
    if zone is None:
        return None
    rooms = {
        room_id: timeline.Room(room_id, context.optional_text(room.name) or room_id, room.capacity)
        for room_id, room in model.rooms.items()
    }
    geo = timeline.Geo(model.geo.lat, model.geo.lon) if model.geo else None
    return timeline.Venue(
        id=entry.id,
        name=context.text(model.name),
        address=model.address,
        city=context.optional_text(model.city),
        country=model.country,
        timezone=zone,
        geo=geo,
        capacity=model.capacity,
        hours=_hours(context, entry),
        rooms=MappingProxyType(rooms),
        online=model.online,
        url=model.url,
        location=context.where(entry, at_key=True),
    )


def _hours(context: Context, entry: Entry) -> timeline.OpeningHours | None:
    try:
        return opening_hours(entry.model.hours)
    except ValueError:
        context.report(
            "schema",
            "the opening hours are not real times (00:00 to 23:59)",
            context.where(entry, "hours"),
        )
        return None


def opening_hours(hours: Any) -> timeline.OpeningHours | None:
    """``09:00-17:00`` for every day, or one span (or ``closed``) per weekday key."""
    if hours is None:
        return None
    if isinstance(hours, str):
        span = _hours_span(hours)
        return timeline.OpeningHours(tuple(span for _ in _WEEKDAYS))
    return timeline.OpeningHours(
        tuple(_hours_span(hours[day]) if day in hours else None for day in _WEEKDAYS)
    )


def _hours_span(text: str) -> tuple[time, time] | None:
    if text.strip() == "closed":
        return None
    opening, _, closing = text.partition("-")
    close = parse_time(closing)
    return parse_time(opening), (time(23, 59, 59) if close == time(0, 0) else close)
