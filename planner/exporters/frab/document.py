"""The schedule interchange format's content, independent of XML or JSON.

frab (and c3voc, pretalx, the conference apps that read them) see a conference as days, each
with rooms, each with events (our session occurrences). This module decides what goes where;
:mod:`~planner.exporters.frab.as_xml` and :mod:`~planner.exporters.frab.as_json` only spell it.

Choices the format forces on us:

- An event has one start and a duration of at most 99:59 in the XML schema, and apps read
  the duration as a clock time, so an all-day session becomes one event per day, 00:00 to
  23:59.
- A repeating session becomes one event per occurrence; the first keeps the session's guid,
  the others get a UUIDv5 of it and their start.
- Cancelled sessions are left out: the apps have no way to show them as cancelled.
- Times are written in the session's own zone, with the offset (the apps trust offsets, not
  zone names); the day a session belongs to is its local start date.
"""

from __future__ import annotations

import hashlib
import math
import re
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from planner.exporters.base import Selection
from planner.exporters.frab.empty import first_known_day
from planner.exporters.ids import person_guid, room_guid, session_guid
from planner.timeline import Event, Link, Occurrence, Programme, Session, Track

__all__ = ["Conference", "Day", "FrabEvent", "FrabPerson", "FrabRoom", "build_conference"]

_WHOLE_DAY = timedelta(hours=23, minutes=59)
"""An all-day session's length per day: apps parse durations as clock times (pyfahrplan
reads "24:00" with a time parser and fails)."""
_ACRONYM_TAIL = re.compile(r"[^a-z0-9_]")
_ZONE_NAME = re.compile(r"^([A-Z][a-z]+/[A-Z][a-z]+)|UTC$")  # c3voc's own pattern, searched


@dataclass(frozen=True, slots=True)
class FrabPerson:
    guid: uuid.UUID
    id: int
    name: str


@dataclass(frozen=True, slots=True)
class FrabRoom:
    name: str
    guid: uuid.UUID


@dataclass(frozen=True, slots=True)
class FrabEvent:
    guid: uuid.UUID
    id: int
    slug: str
    session: Session
    room: str
    start: datetime
    """Aware, in the session's zone."""
    end: datetime
    track: str | None
    persons: tuple[FrabPerson, ...]

    @property
    def duration(self) -> timedelta:
        return self.end - self.start

    @property
    def links(self) -> tuple[Link, ...]:
        return self.session.links


@dataclass(frozen=True, slots=True)
class Day:
    index: int
    date: date
    start: datetime
    end: datetime
    rooms: tuple[tuple[FrabRoom, tuple[FrabEvent, ...]], ...]
    """Each room with its events by start, rooms in the conference's order, only those used."""


@dataclass(frozen=True, slots=True)
class Conference:
    title: str
    acronym: str
    description: str | None
    url: str | None
    zone: ZoneInfo
    first_day: date
    last_day: date
    timeslot_minutes: int
    tracks: tuple[Track, ...]
    rooms: tuple[FrabRoom, ...]
    days: tuple[Day, ...]
    version: str
    """Changes whenever the schedule does: a digest of its content, so bytes stay reproducible."""

    @property
    def time_zone_name(self) -> str | None:
        """The zone name when c3voc's JSON pattern accepts it (``Etc/GMT-5`` it does not)."""
        name = self.zone.key
        return name if _ZONE_NAME.search(name) else None

    @property
    def days_count(self) -> int:
        return (self.last_day - self.first_day).days + 1

    def events(self) -> Iterator[FrabEvent]:
        for day in self.days:
            for _, events in day.rooms:
                yield from events


@dataclass(frozen=True, slots=True)
class _Piece:
    """One frab event to be: an occurrence, or one day of an all-day occurrence."""

    session: Session
    guid: uuid.UUID
    start: datetime
    end: datetime
    first: bool
    """The session's first piece: it keeps the session's own guid and slug."""


def build_conference(programme: Programme, selection: Selection) -> Conference:
    """The conference for ``selection`` (one event with ``--event``, else the programme)."""
    event = programme.events[selection.event] if selection.event else None
    pieces = _pieces(programme, selection.occurrences(programme))
    rooms = _room_names(programme, [piece.session for piece in pieces])
    persons = _Persons(programme)
    slug_prefix = _acronym(selection.event or _programme_slug(programme))
    ids = _UniqueNumbers()
    events = [
        FrabEvent(
            guid=piece.guid,
            id=ids.take(piece.guid),
            slug=_slug(slug_prefix, piece, event is None),
            session=piece.session,
            room=rooms[_room_key(piece.session)].name,
            start=piece.start,
            end=piece.end,
            track=_track_name(programme, piece.session),
            persons=persons.of(piece.session),
        )
        for piece in pieces
    ]
    zone = _conference_zone(programme, event, pieces)
    days = _days(events, list(rooms.values()), zone)
    first, last = _bounds(event, days, first_known_day(programme, selection))
    if not days:  # nothing has a time yet: one empty day, as the schedule's schema wants one
        opening = datetime.combine(first, time(), tzinfo=zone)
        days = (Day(1, first, opening, opening + timedelta(days=1), ()),)
    used_tracks = {e.session.track_id for e in events}
    conference = Conference(
        title=event.title if event else programme.name,
        acronym=slug_prefix,
        description=event.description if event else None,
        url=event.url if event else None,
        zone=zone,
        first_day=first,
        last_day=last,
        timeslot_minutes=_timeslot(events),
        tracks=tuple(t for t in programme.tracks.values() if t.id in used_tracks),
        rooms=tuple(room for room in rooms.values() if any(room.name == e.room for e in events)),
        days=days,
        version="",
    )
    return _with_version(conference)


def _pieces(programme: Programme, occurrences: Iterable[Occurrence]) -> list[_Piece]:
    pieces: list[_Piece] = []
    firsts: set[str] = set()
    for occurrence in occurrences:
        session = occurrence.session
        if session.cancelled:
            continue
        base = session_guid(programme, session)
        for start, end in _spans(occurrence):
            first = session.key not in firsts
            firsts.add(session.key)
            guid = base if first else uuid.uuid5(base, start.isoformat())
            pieces.append(_Piece(session, guid, start, end, first))
    return pieces


def _spans(occurrence: Occurrence) -> Iterator[tuple[datetime, datetime]]:
    if not occurrence.all_day:
        yield occurrence.start, occurrence.end
        return
    zone = occurrence.session.timezone
    day = occurrence.first_day
    while day <= occurrence.last_day:
        start = datetime(day.year, day.month, day.day, tzinfo=zone)
        yield start, start + _WHOLE_DAY
        day += timedelta(days=1)


def _room_key(session: Session) -> RoomKey:
    if session.venue_id is None and session.origin_venue_id:
        return session.origin_venue_id, None
    return session.venue_id, session.room_id


RoomKey = tuple[str | None, str | None]
"""(venue id, room id): the venue alone when the session names no room."""


def _room_names(programme: Programme, sessions: list[Session]) -> dict[RoomKey, FrabRoom]:
    """One room per venue and room used, in the programme's venue and room order.

    A room is named by its own name (a venue without rooms by the venue's); when two venues
    have rooms of the same name, the venue's name goes in front.
    """
    used = {_room_key(session) for session in sessions}
    order = {key: position for position, key in enumerate(_declared_rooms(programme))}
    keys = sorted(used, key=lambda key: (order.get(key, len(order)), str(key)))
    plain = {key: _plain_room_name(programme, key) for key in keys}
    counts: dict[str, int] = {}
    for name in plain.values():
        counts[name] = counts.get(name, 0) + 1
    named: dict[RoomKey, FrabRoom] = {}
    for key in keys:
        name = plain[key]
        venue = programme.venues.get(key[0]) if key[0] else None
        if counts[name] > 1 and venue is not None and key[1] is not None:
            name = f"{venue.name}, {name}"
        named[key] = FrabRoom(name, room_guid(programme, *key))
    return named


def _declared_rooms(programme: Programme) -> Iterator[RoomKey]:
    for venue_id, venue in programme.venues.items():
        yield venue_id, None
        for room_id in venue.rooms:
            yield venue_id, room_id


def _plain_room_name(programme: Programme, key: RoomKey) -> str:
    venue_id, room_id = key
    venue = programme.venues.get(venue_id) if venue_id else None
    if venue is None:
        return "Online"
    if room_id is not None and room_id in venue.rooms:
        return venue.rooms[room_id].name or room_id
    return venue.name


def _track_name(programme: Programme, session: Session) -> str | None:
    track = programme.tracks.get(session.track_id) if session.track_id else None
    return track.name if track else None


class _Persons:
    """Speakers, chair and hosts as frab persons, each with one guid and number."""

    def __init__(self, programme: Programme) -> None:
        self.programme = programme
        self._numbers = _UniqueNumbers()
        self._made: dict[str, FrabPerson] = {}

    def of(self, session: Session) -> tuple[FrabPerson, ...]:
        ids = dict.fromkeys(
            person_id
            for some_id in (*session.speakers, *filter(None, [session.chair]), *session.hosts)
            for person_id in self._people(some_id)
        )
        return tuple(self._person(person_id) for person_id in ids)

    def _people(self, some_id: str) -> tuple[str, ...]:
        if some_id in self.programme.people or some_id in self.programme.groups:
            return self.programme.members_of(some_id)
        return ()

    def _person(self, person_id: str) -> FrabPerson:
        found = self._made.get(person_id)
        if found is None:
            person = self.programme.people[person_id]
            guid = person_guid(self.programme, person)
            found = self._made[person_id] = FrabPerson(guid, self._numbers.take(guid), person.name)
        return found


class _UniqueNumbers:
    """Positive integers derived from guids (frab's legacy ``id``), unique in one document."""

    def __init__(self) -> None:
        self._taken: set[int] = set()

    def take(self, guid: uuid.UUID) -> int:
        number = int(guid.hex[:7], 16) + 1  # below 2**28: fits every app's int
        while number in self._taken:
            number += 1
        self._taken.add(number)
        return number


def _slug(prefix: str, piece: _Piece, with_event: bool) -> str:
    session = piece.session
    middle = f"{session.event_id}-{session.id}" if with_event else session.id
    slug = f"{prefix}-{middle}"
    if not piece.first:
        slug += piece.start.strftime("-%Y%m%d-%H%M")
    return slug


def _acronym(text: str) -> str:
    """c3voc's JSON wants ``^[a-z0-9_-][a-z0-9_]{3,}``: no hyphens after the first character."""
    tail = _ACRONYM_TAIL.sub("_", text.lower()[1:])
    return (text.lower()[:1] + tail).ljust(4, "_")


def _programme_slug(programme: Programme) -> str:
    return re.sub(r"[^a-z0-9]+", "_", programme.name.lower()).strip("_") or "programme"


def _conference_zone(programme: Programme, event: Event | None, pieces: list[_Piece]) -> ZoneInfo:
    if event is not None:
        if event.timezone is not None:
            return event.timezone
        venue = programme.venues.get(event.venue_id) if event.venue_id else None
        if venue is not None:
            return venue.timezone
    if pieces:
        return pieces[0].session.timezone
    return programme.timezone


def _days(events: list[FrabEvent], rooms: list[FrabRoom], zone: ZoneInfo) -> tuple[Day, ...]:
    by_date: dict[date, list[FrabEvent]] = {}
    for event in events:
        by_date.setdefault(event.start.date(), []).append(event)
    days = []
    for index, day in enumerate(sorted(by_date), start=1):
        found = by_date[day]
        per_room = tuple(
            (room, tuple(sorted(chosen, key=lambda e: (e.start, e.session.key))))
            for room in rooms
            if (chosen := [e for e in found if e.room == room.name])
        )
        start = min(e.start for e in found).astimezone(zone)
        end = max(e.end for e in found).astimezone(zone)
        days.append(Day(index, day, start, end, per_room))
    return tuple(days)


def _bounds(event: Event | None, days: tuple[Day, ...], fallback: date) -> tuple[date, date]:
    """The event's dates, widened to every day with a session; ``fallback`` for neither."""
    dates = [day.date for day in days]
    if event is not None and event.first_day and event.last_day:
        dates += [event.first_day, event.last_day]
    return (min(dates), max(dates)) if dates else (fallback, fallback)


def _timeslot(events: list[FrabEvent]) -> int:
    """The largest step that every start and duration is a multiple of, 5 to 60 minutes."""
    step = 0
    for event in events:
        minutes = event.start.hour * 60 + event.start.minute
        step = math.gcd(step, minutes, int(event.duration.total_seconds() // 60))
    return min(60, max(5, step)) if step else 60


def _with_version(conference: Conference) -> Conference:
    digest = hashlib.sha256()
    for event in conference.events():
        digest.update(
            "\x1f".join(
                (str(event.guid), event.session.title, event.room, event.start.isoformat(),
                 event.end.isoformat(), event.session.description or "",
                 event.session.abstract or "", *(p.name for p in event.persons))
            ).encode()
        )  # fmt: skip
    digest.update(f"{conference.title}\x1f{conference.first_day}".encode())
    return replace(conference, version=digest.hexdigest()[:12])
