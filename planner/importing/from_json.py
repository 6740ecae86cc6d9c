"""c3voc / frab / pretalx ``schedule.json``: ``{"schedule": {"conference": {"days": ...}}}``."""

from __future__ import annotations

from typing import Any

from planner.importing.source import (
    ImportProblem,
    SourcePerson,
    SourceRoom,
    SourceSchedule,
    SourceSession,
    SourceTrack,
)
from planner.importing.times import parse_date, parse_duration, parse_instant

__all__ = ["read_json_schedule"]

_EVENT_KEYS = frozenset(
    {"guid", "title", "date", "start", "end", "duration", "room", "type", "track", "language",
     "subtitle", "abstract", "description", "url", "do_not_record", "persons", "links"}
)  # fmt: skip
"""Keys read into the programme; every other key of an event is kept as ``x-KEY``."""
_PERSON_KEYS = frozenset({"name", "public_name", "full_public_name"})
_CONFERENCE_KEYS = frozenset(
    {"title", "acronym", "url", "time_zone_name", "start", "end", "rooms", "tracks", "days"}
)


def read_json_schedule(document: dict[str, Any]) -> SourceSchedule:
    """The schedule in a parsed c3voc JSON document (pretalx writes the same shape)."""
    schedule = _mapping(document.get("schedule"), "schedule")
    conference = _mapping(schedule.get("conference"), "schedule.conference")
    days = conference.get("days")
    if not isinstance(days, list):
        raise ImportProblem("schedule.conference.days: missing, or not a list")
    sessions = [
        _session(event, f"schedule.conference.days[{d}].rooms.{room}[{e}]", room)
        for d, day in enumerate(days)
        for room, events in _mapping(day.get("rooms"), f"days[{d}].rooms").items()
        for e, event in enumerate(events if isinstance(events, list) else [])
    ]
    pretalx = any("x-code" in p.extras for s in sessions for p in s.persons)
    return SourceSchedule(
        kind="pretalx JSON"
        if pretalx or "pretalx" in str(document.get("generator"))
        else "c3voc JSON",
        title=str(conference.get("title") or conference.get("acronym") or "Imported schedule"),
        acronym=_text(conference.get("acronym")),
        url=_text(conference.get("url")) or _text(schedule.get("base_url")),
        zone_name=_text(conference.get("time_zone_name")),
        first_day=parse_date(_text(conference.get("start"))),
        last_day=parse_date(_text(conference.get("end"))),
        rooms=[_room(room) for room in conference.get("rooms") or [] if isinstance(room, dict)],
        tracks=[_track(t) for t in conference.get("tracks") or [] if isinstance(t, dict)],
        sessions=sessions,
        extras=_extras(conference, _CONFERENCE_KEYS)
        | _extras(schedule, frozenset({"conference"}), prefix="x-schedule-"),
    )


def _mapping(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ImportProblem(f"{where}: missing, or not an object")
    return value


def _text(value: Any) -> str | None:
    if value is None or value == "":
        return None
    return str(value)


def _extras(item: dict[str, Any], known: frozenset[str], prefix: str = "x-") -> dict[str, Any]:
    """What planner's format has no place for, under ``x-`` keys; empty values dropped."""
    return {
        prefix + key.replace("_", "-"): value
        for key, value in item.items()
        if key not in known and value not in (None, "", [], {})
    }


def _session(event: Any, where: str, room: str) -> SourceSession:
    event = _mapping(event, where)
    if "date" not in event:
        raise ImportProblem(f"{where}: no `date` (start with its offset)")
    start = parse_instant(str(event["date"]), f"{where}.date")
    if event.get("end"):
        duration = parse_instant(str(event["end"]), f"{where}.end") - start
    else:
        duration = parse_duration(str(event.get("duration", "")), f"{where}.duration")
    return SourceSession(
        guid=_text(event.get("guid")),
        title=str(event.get("title") or "Untitled"),
        start=start,
        duration=duration,
        room=str(event.get("room") or room),
        type=_text(event.get("type")),
        track=_text(event.get("track")),
        language=_text(event.get("language")),
        subtitle=_text(event.get("subtitle")),
        abstract=_text(event.get("abstract")),
        description=_text(event.get("description")),
        url=_text(event.get("url")),
        do_not_record=event.get("do_not_record") is True,
        persons=[_person(p) for p in event.get("persons") or [] if isinstance(p, dict)],
        links=[link for link in event.get("links") or [] if isinstance(link, dict)],
        extras=_extras(event, _EVENT_KEYS),
    )


def _person(person: dict[str, Any]) -> SourcePerson:
    name = str(
        person.get("name") or person.get("public_name") or person.get("full_public_name") or "?"
    )
    key = str(person.get("guid") or person.get("code") or person.get("id") or name)
    kept = {k: v for k, v in person.items() if k not in _PERSON_KEYS and v not in (None, "", [])}
    return SourcePerson(name, key, {f"x-{k.replace('_', '-')}": v for k, v in kept.items()})


def _room(room: dict[str, Any]) -> SourceRoom:
    capacity = room.get("capacity")
    return SourceRoom(
        name=str(room.get("name") or "Room"),
        capacity=capacity if isinstance(capacity, int) and capacity > 0 else None,
        extras=_extras(room, frozenset({"name", "capacity"})),
    )


def _track(track: dict[str, Any]) -> SourceTrack:
    return SourceTrack(
        name=str(track.get("name") or "Track"),
        color=_text(track.get("color")),
        slug=_text(track.get("slug")),
    )
