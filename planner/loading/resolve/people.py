"""People: their zone, organisation, travel legs and the times they are unavailable."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from planner.diagnostics import Severity
from planner.loading.resolve.context import Context
from planner.loading.validate import Entry
from planner.timeline import objects as timeline
from planner.timeline.zones import get_zone

if TYPE_CHECKING:
    from planner.model import Person as PersonModel

__all__ = ["resolve_person"]

_DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")
_ID_LIKE = re.compile(r"[a-z0-9][a-z0-9-]*")


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
    depart_known = _time_given(context, entry, index, raw.depart, "depart")
    arrive_known = _time_given(context, entry, index, raw.arrive, "arrive")
    if not arrive_known and arrive.date() == depart.astimezone(arrive_zone).date():
        arrive = max(arrive, depart)  # "arrives that day": not before it leaves
    for key, place in (("from", raw.from_), ("to", raw.to)):
        _near_venue(context, entry, index, key, place)
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
        depart_known,
        arrive_known,
    )


def _time_given(context: Context, entry: Entry, index: int, text: str, key: str) -> bool:
    """Whether ``text`` has a time; a date alone is accepted with a warning saying how it counts."""
    if not _DATE_ONLY.fullmatch(text.strip()):
        return True
    context.report(
        "missing-time",
        f"this travel leg's `{key}` has a date but no time, so the leg takes up that whole day "
        "(no session that day counts as before the arrival or after the departure); give the "
        f'time when it is known, e.g. `{key}: "{text.strip()} 14:30"`',
        context.where(entry, "travel", index, key),
        Severity.WARNING,
    )
    return False


def _near_venue(context: Context, entry: Entry, index: int, key: str, place: str | None) -> None:
    """A leg's `from`/`to` may name any place, but one a letter off a venue id is a typo."""
    if place is None or place in context.venues or not _ID_LIKE.fullmatch(place):
        return
    import difflib  # only for a place that is not a venue id

    matches = difflib.get_close_matches(place, list(context.venues), n=1, cutoff=0.8)
    if matches:
        context.report(
            "unknown-reference",
            f"there is no venue with the id `{place}`; did you mean `{matches[0]}`? (a travel "
            "leg may also name a place that is not a venue, such as an airport)",
            context.where(entry, "travel", index, key),
            Severity.WARNING,
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
