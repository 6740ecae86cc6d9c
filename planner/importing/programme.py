"""A source schedule as a planner programme (plain data, ready to write as YAML).

Ids are slugs of names and titles; when two differ only in case or accents the later ones
(in the source's own order of identity) get ``-2``, ``-3``. The source's ids stay, under
``x-`` keys, with everything else the format has no key for.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import timedelta
from typing import Any, get_args
from urllib.parse import urlsplit

from planner.importing.source import SourcePerson, SourceSchedule, SourceSession
from planner.importing.zones import ZoneChoice
from planner.limits import MAX_ID_LENGTH
from planner.loading.resolve.context import slugify
from planner.model.conference import LinkType
from planner.timeline.zones import get_zone

__all__ = ["programme_data"]

_KINDS = {
    "talk": "lecture", "lecture": "lecture", "lightning talk": "lecture", "keynote": "plenary",
    "workshop": "workshop", "hands-on": "workshop", "panel": "panel", "meeting": "meeting",
    "discussion": "debate", "debate": "debate", "ceremony": "ceremony", "break": "break",
}  # fmt: skip
_LINK_TYPES = frozenset(get_args(LinkType))
_SECOND = timedelta(seconds=1)
_URL = re.compile(r"^https?://\S+$")
_LANGUAGE = re.compile(r"^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$")
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
_HOSTED = re.compile(r"self.?organi[sz]ed|\bsos\b", re.IGNORECASE)
"""Sessions whose persons book rather than speak: they become hosts."""


def programme_data(source: SourceSchedule, zone: ZoneChoice, file_name: str) -> dict[str, Any]:
    event_id = _slug(source.acronym or source.title, "event")
    rooms = _Ids("room")
    for room in source.rooms:
        rooms.add(room.name, room.name)
    for session in source.sessions:
        rooms.add(session.room, session.room)
    people = _people(source)
    tracks = _tracks(source)
    ordered = sorted(source.sessions, key=lambda s: (s.start, s.room, s.guid or "", s.title))
    session_ids = _Ids("session")
    for session in ordered:
        session_ids.add(session.guid or session.title + session.start.isoformat(), session.title)
    data: dict[str, Any] = {
        "version": 1,
        "programme": _settings(source, zone, file_name),
        "venues": {f"{event_id}-venue": _venue(source, zone, rooms)},
        "people": people.entries,
        "tracks": tracks[1],
        "events": {
            event_id: {
                "title": source.title,
                "kind": "conference",
                **({"url": source.url} if source.url and _URL.match(source.url) else {}),
                **_dates(source, ordered, zone),
                "venue": f"{event_id}-venue",
                **source.extras,
                "sessions": [
                    _session(s, session_ids, rooms, people, tracks[0], zone.name) for s in ordered
                ],
            }
        },
    }
    if not data["tracks"]:
        del data["tracks"]
    return data


class _Ids:
    """Slug ids for source keys; a clash gets -2, -3 in the order keys are added."""

    def __init__(self, fallback: str) -> None:
        self.fallback = fallback
        self.by_key: dict[str, str] = {}
        self.taken: set[str] = set()

    def add(self, key: str, name: str) -> str:
        found = self.by_key.get(key)
        if found is None:
            base = _slug(name, self.fallback)
            found, number = base, 1
            while found in self.taken:
                number += 1
                found = f"{base[: MAX_ID_LENGTH - 4]}-{number}"
            self.by_key[key] = found
            self.taken.add(found)
        return found


def _slug(text: str, fallback: str) -> str:
    slug = slugify(text)
    if slug == "session" and fallback != "session":
        slug = fallback
    return slug[:48].strip("-") or fallback


class _People:
    def __init__(self) -> None:
        self.ids = _Ids("person")
        self.entries: dict[str, dict[str, Any]] = {}

    def id_of(self, person: SourcePerson) -> str:
        return self.ids.by_key[person.key]


def _people(source: SourceSchedule) -> _People:
    found: dict[str, SourcePerson] = {}
    for session in source.sessions:
        for person in session.persons:
            found.setdefault(person.key, person)
    people = _People()
    # Identity order, not file order: the same people get the same ids from any export.
    for person in sorted(found.values(), key=lambda p: (slugify(p.name), p.key)):
        person_id = people.ids.add(person.key, person.name)
        people.entries[person_id] = {"name": person.name, **person.extras}
    return people


def _tracks(source: SourceSchedule) -> tuple[dict[str, str], dict[str, dict[str, Any]]]:
    ids = _Ids("track")
    entries: dict[str, dict[str, Any]] = {}
    declared = {track.name: track for track in source.tracks}
    for name in [*declared, *(s.track for s in source.sessions if s.track)]:
        if name in ids.by_key:
            continue
        track = declared.get(name)
        track_id = ids.add(name, track.slug if track and track.slug else name)
        entry: dict[str, Any] = {"name": name}
        if track and track.color:
            entry["color" if _COLOR.match(track.color) else "x-color"] = track.color
        entries[track_id] = entry
    return ids.by_key, entries


def _settings(source: SourceSchedule, zone: ZoneChoice, file_name: str) -> dict[str, Any]:
    host = urlsplit(source.url).hostname if source.url else None
    return {
        "name": source.title,
        "uid_domain": host or f"{_slug(source.acronym or source.title, 'event')}.invalid",
        "timezone": zone.name,
        "x-imported-from": {"file": file_name, "format": source.kind},
    }


def _venue(source: SourceSchedule, zone: ZoneChoice, rooms: _Ids) -> dict[str, Any]:
    details = {room.name: room for room in source.rooms}
    entries: dict[str, Any] = {}
    for name, room_id in rooms.by_key.items():
        room = details.get(name)
        entry: dict[str, Any] = {"name": name}
        if room is not None and room.capacity:
            entry["capacity"] = room.capacity
        entries[room_id] = entry | (room.extras if room else {})
    return {"name": source.title, "timezone": zone.name, "rooms": entries}


def _dates(
    source: SourceSchedule, sessions: list[SourceSession], zone: ZoneChoice
) -> dict[str, Any]:
    local = get_zone(zone.name)
    days = [s.start.astimezone(local).date() for s in sessions]
    days += [(s.start + s.duration - _SECOND).astimezone(local).date() for s in sessions]
    days += [day for day in (source.first_day, source.last_day) if day]
    if not days:
        return {}
    return {"dates": {"start": min(days).isoformat(), "end": max(days).isoformat()}}


def _session(
    session: SourceSession,
    ids: _Ids,
    rooms: _Ids,
    people: _People,
    tracks: dict[str, str],
    zone_name: str,
) -> dict[str, Any]:
    start = session.start.astimezone(get_zone(zone_name))
    entry: dict[str, Any] = {
        "id": ids.by_key[session.guid or session.title + session.start.isoformat()],
        "title": session.title,
        "kind": _KINDS.get((session.type or "").lower(), "other"),
        "start": start.strftime("%Y-%m-%d %H:%M"),
        "duration": _duration(session.duration),
        "room": rooms.by_key[session.room],
    }
    if session.guid:
        entry["uid"] = session.guid
    persons = [people.id_of(person) for person in session.persons]
    hosted = _HOSTED.search(f"{session.type or ''} {session.track or ''}") is not None
    if persons:
        entry["hosts" if hosted else "speakers"] = list(dict.fromkeys(persons))
    entry |= _texts(session, tracks)
    if session.do_not_record:
        entry["recording"] = False
    entry |= _links(session.links)
    if session.type:
        entry["x-type"] = session.type
    return entry | session.extras


def _texts(session: SourceSession, tracks: dict[str, str]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    if session.subtitle:
        found["subtitle"] = session.subtitle
    if session.track:
        found["track"] = tracks[session.track]
    if session.language:
        found["language" if _LANGUAGE.match(session.language) else "x-language"] = session.language
    if session.url:
        found["url" if _URL.match(session.url) else "x-url"] = session.url
    if session.abstract:
        found["abstract"] = session.abstract
    if session.description:
        found["description"] = session.description
    return found


def _links(links: Iterable[dict[str, str]]) -> dict[str, Any]:
    kept, other = [], []
    for link in links:
        url = str(link.get("url") or link.get("href") or "")
        if not _URL.match(url):
            other.append(link)
            continue
        entry = {"url": url}
        if link.get("title") and link["title"] != url:
            entry["title"] = str(link["title"])
        if link.get("type") in _LINK_TYPES:
            entry["type"] = str(link["type"])
        kept.append(entry if len(entry) > 1 else url)
    return ({"links": kept} if kept else {}) | ({"x-links": other} if other else {})


def _duration(length: timedelta) -> str:
    minutes = max(0, int(length.total_seconds() // 60))
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return f"{hours}h{rest}m"
    return f"{hours}h" if hours else f"{rest}m"
