"""frab ``schedule.xml``: ``<schedule><conference/><day><room><event/>``."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime
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
from planner.timeline.zones import get_zone, is_zone

__all__ = ["read_xml_schedule"]

_EVENT_TAGS = frozenset(
    {"date", "start", "duration", "room", "title", "subtitle", "track", "type", "language",
     "abstract", "description", "url", "recording", "persons", "links"}
)  # fmt: skip
_CONFERENCE_TAGS = frozenset({"title", "acronym", "start", "end", "url", "time_zone_name", "track"})


def read_xml_schedule(root: ET.Element) -> SourceSchedule:
    """The schedule under a parsed ``<schedule>`` element."""
    if root.tag != "schedule":
        raise ImportProblem(f"the root element is <{root.tag}>, not <schedule>")
    conference = root.find("conference")
    if conference is None:
        raise ImportProblem("<schedule> has no <conference>")
    zone_name = _text(conference, "time_zone_name")
    sessions = []
    for day_index, day in enumerate(root.iterfind("day"), start=1):
        for room in day.iterfind("room"):
            for number, event in enumerate(room.iterfind("event"), start=1):
                where = f"<day {day.get('index') or day_index}> <room {room.get('name')}> "
                where += f"<event {number}>"
                sessions.append(_session(event, day, room.get("name") or "Room", zone_name, where))
    rooms = {room.get("name") or "Room": room for room in root.iterfind("day/room")}
    return SourceSchedule(
        kind="frab XML",
        title=_text(conference, "title") or _text(conference, "acronym") or "Imported schedule",
        acronym=_text(conference, "acronym"),
        url=_text(conference, "url") or _text(conference, "base_url"),
        zone_name=zone_name,
        first_day=parse_date(_text(conference, "start")),
        last_day=parse_date(_text(conference, "end")),
        rooms=[SourceRoom(name, None, _attributes(room, {"name"})) for name, room in rooms.items()],
        tracks=[
            SourceTrack(t.get("name") or (t.text or "").strip(), t.get("color"), t.get("slug"))
            for t in conference.iter("track")
        ],
        sessions=sessions,
        extras=_children(conference, _CONFERENCE_TAGS),
    )


def _text(parent: ET.Element, tag: str) -> str | None:
    found = parent.find(tag)
    text = (found.text or "").strip() if found is not None else ""
    return text or None


def _attributes(element: ET.Element, known: set[str]) -> dict[str, Any]:
    return {f"x-{key}": value for key, value in element.attrib.items() if key not in known}


def _children(element: ET.Element, known: frozenset[str]) -> dict[str, Any]:
    """Child elements planner has no place for, as ``x-TAG``: their text, or their XML."""
    found: dict[str, Any] = {}
    for child in element:
        if child.tag in known:
            continue
        if len(child) == 0 and not child.attrib:
            value: Any = (child.text or "").strip()
        else:
            value = ET.tostring(child, encoding="unicode").strip()
        if value:
            found[f"x-{child.tag.replace('_', '-')}"] = value
    return found


def _session(
    event: ET.Element, day: ET.Element, room: str, zone_name: str | None, where: str
) -> SourceSession:
    start = _start(event, day, zone_name, where)
    optout = _text(event, "recording/optout")
    return SourceSession(
        guid=event.get("guid"),
        title=_text(event, "title") or "Untitled",
        start=start,
        duration=parse_duration(_text(event, "duration") or "", f"{where} <duration>"),
        room=_text(event, "room") or room,
        type=_text(event, "type"),
        track=_text(event, "track"),
        language=_text(event, "language"),
        subtitle=_text(event, "subtitle"),
        abstract=_text(event, "abstract"),
        description=_text(event, "description"),
        url=_text(event, "url"),
        do_not_record=optout == "true",
        persons=[_person(person) for person in event.iterfind("persons/person")],
        links=[_link(link) for link in event.iterfind("links/link")],
        extras=_attributes(event, {"guid"})
        | _children(event, _EVENT_TAGS)
        | _license(_text(event, "recording/license")),
    )


def _link(link: ET.Element) -> dict[str, str]:
    found = {"url": link.get("href") or "", "title": (link.text or "").strip()}
    if link.get("type"):
        found["type"] = link.get("type") or ""
    return found


def _license(text: str | None) -> dict[str, Any]:
    return {"x-recording-license": text} if text else {}


def _start(event: ET.Element, day: ET.Element, zone_name: str | None, where: str) -> datetime:
    """``<date>`` with its offset; old frab files give only the day and ``<start>``."""
    text = _text(event, "date")
    if text:
        return parse_instant(text, f"{where} <date>")
    clock, day_text = _text(event, "start"), day.get("date")
    if not (clock and day_text and zone_name and is_zone(zone_name)):
        raise ImportProblem(f"{where}: no <date>, and no day, <start> and zone to make one")
    naive = datetime.fromisoformat(f"{day_text}T{clock}")
    return naive.replace(tzinfo=get_zone(zone_name))


def _person(person: ET.Element) -> SourcePerson:
    name = (person.text or "").strip() or "?"
    key = person.get("guid") or person.get("id") or name
    return SourcePerson(name, key, _attributes(person, set()))
