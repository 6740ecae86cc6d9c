"""People: their zone, organisation, travel legs and the times they are unavailable."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from planner.loading.resolve.context import Context
from planner.loading.validate import Entry
from planner.model import Person as PersonModel
from planner.timeline import objects as timeline
from planner.timeline.zones import get_zone

__all__ = ["resolve_person"]


def resolve_person(context: Context, entry: Entry) -> timeline.Person:
    model: PersonModel = entry.model
    zone = context.zone(model.timezone, entry, "timezone") if model.timezone else None
    if model.organisation:
        context.refer(("organisations",), model.organisation, entry, "organisation")
    travel = [
        leg
        for index, raw in enumerate(model.travel)
        if (leg := _leg(context, entry, index, raw, zone))
    ]
    travel.sort(key=lambda leg: leg.depart)
    unavailable = [
        window
        for index, raw in enumerate(model.unavailable)
        if (window := _unavailable(context, entry, index, raw, zone))
    ]
    return timeline.Person(
        id=entry.id,
        name=model.name,
        organisation_id=model.organisation,
        role=context.optional_text(model.role),
        country=model.country,
        timezone=zone,
        email=model.email,
        travel=tuple(travel),
        unavailable=tuple(unavailable),
        location=context.where(entry, at_key=True),
        language=model.language,
    )


def _leg_zones(
    context: Context, entry: Entry, index: int, raw: Any, home: ZoneInfo | None
) -> tuple[ZoneInfo | None, ZoneInfo | None]:
    sub = ("travel", index)
    depart_zone = home
    if raw.depart_timezone:
        depart_zone = context.zone(raw.depart_timezone, entry, *sub, "depart_timezone")
    elif home is None:
        context.report(
            "schema",
            "`depart_timezone` is required when the person has no `timezone`",
            context.where(entry, *sub),
        )
    arrive_zone = depart_zone
    if raw.arrive_timezone:
        arrive_zone = context.zone(raw.arrive_timezone, entry, *sub, "arrive_timezone")
    return depart_zone, arrive_zone


def _leg(
    context: Context, entry: Entry, index: int, raw: Any, home: ZoneInfo | None
) -> timeline.TravelLeg | None:
    sub = ("travel", index)
    depart_zone, arrive_zone = _leg_zones(context, entry, index, raw, home)
    if depart_zone is None or arrive_zone is None:
        return None
    depart = context.instant(raw.depart, depart_zone, entry, *sub, "depart")
    arrive = context.instant(raw.arrive, arrive_zone, entry, *sub, "arrive")
    if depart is None or arrive is None:
        return None
    if arrive < depart:
        context.report(
            "end-before-start",
            f"the arrival ({raw.arrive} {arrive_zone.key}) is before the departure "
            f"({raw.depart} {depart_zone.key})",
            context.where(entry, *sub, "arrive"),
        )
        return None
    return timeline.TravelLeg(
        entry.id,
        index,
        raw.mode,
        raw.ref,
        raw.from_,
        raw.to,
        depart,
        arrive,
        context.where(entry, *sub),
    )


def _unavailable(
    context: Context, entry: Entry, index: int, raw: Any, home: ZoneInfo | None
) -> timeline.Unavailability | None:
    sub = ("unavailable", index)
    zone = home or get_zone("UTC")
    start = context.instant(raw.from_, zone, entry, *sub, "from")
    end = context.instant(raw.to, zone, entry, *sub, "to")
    if start is None or end is None:
        return None
    if end < start:
        context.report(
            "end-before-start", "`to` is before `from`", context.where(entry, *sub, "to")
        )
        return None
    return timeline.Unavailability(entry.id, start, end, raw.reason, context.where(entry, *sub))
