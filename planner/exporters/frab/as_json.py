"""c3voc ``schedule.json``, valid against c3voc's JSON schema (draft 6).

Two of that schema's rules shape what is written here: every event carries all sixteen
required keys (``url`` among them: a session without a web page gets its ``urn:uuid:``),
and a person must match exactly one of the frab and pretalx person shapes, so persons are
written in the frab shape (``id``, ``guid``, ``public_name``) without pretalx's ``name``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, ClassVar

from planner.exporters.base import Selection
from planner.exporters.frab.document import Conference, Day, FrabEvent, build_conference
from planner.exporters.frab.text import clock, duration, generator_version, iso
from planner.timeline import Link, Programme

__all__ = ["FrabJsonExporter"]

SCHEMA_URL = "https://c3voc.de/schedule/schema.json"


class FrabJsonExporter:
    """``planner frab --format json``: the same schedule as JSON, for apps and pyfahrplan."""

    name: ClassVar[str] = "json"
    extension: ClassVar[str] = "json"
    content_type: ClassVar[str] = "application/json"

    def export(self, programme: Programme, selection: Selection) -> bytes:
        conference = build_conference(programme, selection)
        document = {
            "$schema": SCHEMA_URL,
            "generator": {"name": "planner", "version": generator_version()},
            "schedule": {"version": conference.version, "conference": _conference(conference)},
        }
        return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")

    def files(self, programme: Programme, selection: Selection) -> Iterator[tuple[str, bytes]]:
        """``EVENT/schedule.json`` for each event: a conference app follows one event."""
        for event_id in programme.events:
            if selection.event in (None, event_id):
                yield f"{event_id}/schedule.json", self.export(programme, Selection(event=event_id))


def _conference(conference: Conference) -> dict[str, Any]:
    found: dict[str, Any] = {
        "acronym": conference.acronym,
        "title": conference.title,
        "start": conference.first_day.isoformat(),
        "end": conference.last_day.isoformat(),
        "daysCount": conference.days_count,
        "timeslot_duration": clock(conference.timeslot_minutes * 60),
    }
    if conference.description:
        found["description"] = conference.description
    if conference.url:
        found["url"] = conference.url
    if conference.time_zone_name:
        found["time_zone_name"] = conference.time_zone_name
    found["tracks"] = [
        {"name": track.name, **({"slug": track.id} if track.id[-1:].isalnum() else {}),
         **({"color": track.color} if track.color else {})}
        for track in conference.tracks
    ]  # fmt: skip
    found["rooms"] = [{"name": room.name, "guid": str(room.guid)} for room in conference.rooms]
    found["days"] = [_day(day) for day in conference.days]
    return found


def _day(day: Day) -> dict[str, Any]:
    return {
        "index": day.index,
        "date": day.date.isoformat(),
        "day_start": iso(day.start),
        "day_end": iso(day.end),
        "rooms": {room.name: [_event(event) for event in events] for room, events in day.rooms},
    }


def _event(event: FrabEvent) -> dict[str, Any]:
    session = event.session
    return {
        "guid": str(event.guid),
        "id": event.id,
        "date": iso(event.start),
        "start": event.start.strftime("%H:%M"),
        "end": iso(event.end),
        "duration": duration(event.duration),
        "room": event.room,
        "slug": event.slug,
        "url": session.url or f"urn:uuid:{event.guid}",
        "title": session.title,
        "subtitle": session.subtitle,
        "track": event.track,
        "type": session.kind,
        "language": session.language,
        "abstract": session.abstract,
        "description": session.description,
        "recording_license": "",
        "do_not_record": not session.recording,
        "persons": [
            {"guid": str(person.guid), "id": person.id, "public_name": person.name}
            for person in event.persons
        ],
        "links": [_link(link) for link in event.links],
    }


def _link(link: Link) -> dict[str, str]:
    found = {"url": link.url}
    if link.title:
        found["title"] = link.title
    if link.type:
        found["type"] = link.type
    return found
