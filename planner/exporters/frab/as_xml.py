"""frab/c3voc ``schedule.xml``, valid against c3voc's ``schedule.xml.xsd``."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import ClassVar

from planner.exporters.base import Selection
from planner.exporters.frab.document import Conference, Day, FrabEvent, build_conference
from planner.exporters.frab.text import clock, duration, generator_version, iso
from planner.timeline import Programme

__all__ = ["FrabXmlExporter"]

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_TRACK_SLUG = re.compile(r"^[a-z][a-z0-9-]+$")
_VOC_SLUG = re.compile(r"^[a-z0-9_]{4,}-[a-z0-9\-_]{4,}$")


class FrabXmlExporter:
    """``planner frab --format xml``: days, rooms and events for Giggity, EventFahrplan..."""

    name: ClassVar[str] = "xml"
    extension: ClassVar[str] = "xml"
    content_type: ClassVar[str] = "application/vnd.c3voc.schedule+xml"

    def export(self, programme: Programme, selection: Selection) -> bytes:
        conference = build_conference(programme, selection)
        root = ET.Element("schedule")
        ET.SubElement(root, "generator", name="planner", version=generator_version())
        _text(root, "version", conference.version)
        root.append(_conference(conference))
        for day in conference.days:
            root.append(_day(day))
        ET.indent(root, space="  ")
        body = ET.tostring(root, encoding="unicode")
        return ('<?xml version="1.0" encoding="utf-8"?>\n' + body + "\n").encode("utf-8")

    def files(self, programme: Programme, selection: Selection) -> Iterator[tuple[str, bytes]]:
        """``EVENT/schedule.xml`` for each event: a conference app follows one event."""
        for event_id in programme.events:
            if selection.event in (None, event_id):
                yield f"{event_id}/schedule.xml", self.export(programme, Selection(event=event_id))


def _text(parent: ET.Element, tag: str, value: str | None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    element.text = _NOT_XML.sub("", value) if value else None
    return element


def _conference(conference: Conference) -> ET.Element:
    element = ET.Element("conference")
    _text(element, "acronym", conference.acronym)
    _text(element, "title", conference.title)
    _text(element, "start", conference.first_day.isoformat())
    _text(element, "end", conference.last_day.isoformat())
    _text(element, "days", str(conference.days_count))
    _text(element, "timeslot_duration", clock(conference.timeslot_minutes * 60))
    if conference.url:
        _text(element, "url", conference.url)
    _text(element, "time_zone_name", conference.zone.key)
    for track in conference.tracks:
        attributes = {"name": track.name}
        if track.color:
            attributes["color"] = track.color
        if _TRACK_SLUG.match(track.id):
            attributes["slug"] = track.id
        ET.SubElement(element, "track", attributes)
    return element


def _day(day: Day) -> ET.Element:
    element = ET.Element(
        "day",
        {"index": str(day.index), "date": day.date.isoformat(),
         "start": iso(day.start), "end": iso(day.end)},
    )  # fmt: skip
    for room, events in day.rooms:
        room_element = ET.SubElement(element, "room", name=room.name, guid=str(room.guid))
        for event in events:
            room_element.append(_event(event))
    return element


def _event(event: FrabEvent) -> ET.Element:
    session = event.session
    element = ET.Element("event", guid=str(event.guid), id=str(event.id))
    _text(element, "date", iso(event.start))
    _text(element, "start", event.start.strftime("%H:%M"))
    _text(element, "duration", duration(event.duration))
    _text(element, "room", event.room)
    if _VOC_SLUG.match(event.slug):
        _text(element, "slug", event.slug)
    if session.url:
        _text(element, "url", session.url)
    _text(element, "title", session.title)
    _text(element, "subtitle", session.subtitle or "")
    _text(element, "track", event.track or "")
    _text(element, "type", session.kind)
    if session.language:
        _text(element, "language", session.language)
    _text(element, "abstract", session.abstract or "")
    _text(element, "description", session.description or "")
    recording = ET.SubElement(element, "recording")
    _text(recording, "license", "")
    _text(recording, "optout", "false" if session.recording else "true")
    persons = ET.SubElement(element, "persons")
    for person in event.persons:
        _text(persons, "person", person.name, id=str(person.id), guid=str(person.guid))
    links = ET.SubElement(element, "links")
    for link in event.links:
        attributes = {"href": link.url} | ({"type": link.type} if link.type else {})
        _text(links, "link", link.title or link.url, **attributes)
    return element
