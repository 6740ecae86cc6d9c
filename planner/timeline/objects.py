"""The resolved programme's parts: every reference followed, every time zone-aware.

These are what rules, exporters and itineraries read. They are frozen; collections are
tuples or read-only mappings, so no later stage can change what an earlier one saw.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cached_property
from zoneinfo import ZoneInfo

from planner.diagnostics import Location

__all__ = [
    "Event",
    "Geo",
    "Group",
    "Link",
    "Occurrence",
    "OpeningHours",
    "Organisation",
    "Person",
    "Room",
    "Session",
    "Span",
    "Track",
    "TravelLeg",
    "Unavailability",
    "Venue",
]


@dataclass(frozen=True, slots=True)
class Organisation:
    id: str
    name: str
    short: str | None
    url: str | None
    country: str | None
    location: Location

    @property
    def label(self) -> str:
        return self.short or self.name


@dataclass(frozen=True, slots=True)
class Track:
    """A thread through a conference's sessions (a topic), with the colour apps draw it in."""

    id: str
    name: str
    color: str | None
    """``#rrggbb``, or None."""


@dataclass(frozen=True, slots=True)
class Link:
    """A web address attached to a session: slides, a paper, a recording."""

    url: str
    title: str | None = None
    type: str | None = None
    """What it is: slides, paper, web, blog, article, media, related or activitypub."""


@dataclass(frozen=True, slots=True)
class Geo:
    lat: float
    lon: float


@dataclass(frozen=True, slots=True)
class Room:
    id: str
    name: str
    capacity: int | None


@dataclass(frozen=True, slots=True)
class OpeningHours:
    """Opening and closing time per weekday (0 = Monday); None for a closed day."""

    by_weekday: tuple[tuple[time, time] | None, ...]

    def on(self, day: date) -> tuple[time, time] | None:
        return self.by_weekday[day.weekday()]


@dataclass(frozen=True, slots=True)
class Venue:
    id: str
    name: str
    address: str | None
    city: str | None
    country: str | None
    timezone: ZoneInfo
    geo: Geo | None
    capacity: int | None
    hours: OpeningHours | None
    rooms: Mapping[str, Room]
    online: bool
    url: str | None
    location: Location


@dataclass(frozen=True, slots=True)
class TravelLeg:
    """A journey that starts in one zone and ends in another."""

    person_id: str
    index: int
    mode: str
    ref: str | None
    origin: str | None
    destination: str | None
    depart: datetime
    arrive: datetime
    location: Location
    depart_known: bool = True
    """False when only the departure's date is known: ``depart`` is that day's 00:00."""
    arrive_known: bool = True
    """False when only the arrival's date is known: ``arrive`` is that day's 00:00 (or the
    departure, when that is later the same day)."""

    @property
    def times_known(self) -> bool:
        return self.depart_known and self.arrive_known

    @property
    def duration(self) -> timedelta:
        return self.arrive - self.depart

    @property
    def title(self) -> str:
        ref = f" {self.ref}" if self.ref else ""
        route = f" {self.origin or '?'} → {self.destination or '?'}"
        return f"{self.mode.capitalize()}{ref}{route}"


@dataclass(frozen=True, slots=True)
class Unavailability:
    person_id: str
    start: datetime
    end: datetime
    reason: str | None
    location: Location


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    organisation_id: str | None
    role: str | None
    country: str | None
    timezone: ZoneInfo | None
    email: str | None
    travel: tuple[TravelLeg, ...]
    unavailable: tuple[Unavailability, ...]
    location: Location
    language: str | None = None
    """BCP 47 tag of the language their outputs are written in; None: the programme's."""

    @property
    def arrival(self) -> datetime | None:
        """End of the first travel leg: from then on the person is at the programme.

        With only its date known, the start of that day: nothing that day is flagged.
        """
        if not self.travel:
            return None
        leg = self.travel[0]
        if leg.arrive_known:
            return leg.arrive
        return leg.arrive.replace(hour=0, minute=0, second=0, microsecond=0)

    @property
    def departure(self) -> datetime | None:
        """Start of the last leg, when there are two or more: the person leaves then.

        With only its date known, the end of that day: nothing that day is flagged.
        """
        if len(self.travel) < 2:
            return None
        leg = self.travel[-1]
        if leg.depart_known:
            return leg.depart
        day = leg.depart.date() + timedelta(days=1)
        return datetime.combine(day, time(), tzinfo=leg.depart.tzinfo)


@dataclass(frozen=True, slots=True)
class Group:
    id: str
    name: str
    members: tuple[str, ...]
    """Ids as written: people and groups."""
    people: tuple[str, ...]
    """Every person in the group, nested groups expanded, in a stable order."""
    location: Location
    language: str | None = None
    """BCP 47 tag of the language of the group's outputs; None: the programme's."""


@dataclass(frozen=True, slots=True)
class Span:
    """When one occurrence of a session happens (see :class:`Occurrence` for the fields)."""

    start: datetime
    end: datetime
    first_day: date
    last_day: date


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One time a session happens (a repeating session has several).

    For a timed session ``start``/``end`` are aware datetimes in the session's zone. For an
    all-day session ``first_day``/``last_day`` are the inclusive local dates, and
    ``start``/``end`` span those days in the session's zone.
    """

    session: Session
    index: int
    start: datetime
    end: datetime
    first_day: date
    last_day: date

    @property
    def all_day(self) -> bool:
        return self.session.all_day

    @property
    def key(self) -> str:
        return self.session.key

    @property
    def local_date(self) -> date:
        return self.first_day


@dataclass(frozen=True, eq=False)
class Session:
    """A session with its zone, venue, people and every occurrence resolved.

    Not slotted: ``occurrences`` is cached on first use (each points back at its session,
    so they are built from ``spans`` once the session exists rather than passed in).
    """

    id: str
    event_id: str
    index: int
    title: str
    kind: str
    all_day: bool
    start: datetime
    """First occurrence's start (aware, in ``timezone``); midnight for all-day sessions."""
    end: datetime
    timezone: ZoneInfo
    venue_id: str | None
    room_id: str | None
    online_url: str | None
    is_online: bool
    speakers: tuple[str, ...]
    chair: str | None
    participants: tuple[str, ...]
    """Ids as written (people and groups): the session's own, or else the event's."""
    people: tuple[str, ...]
    """Everyone in the session: participants, speakers, chair, groups expanded; sorted."""
    expected_attendance: int
    repeat: str | None
    """The RRULE as written (UNTIL as given); ``repeat_until`` is its bound as an instant."""
    repeat_until: datetime | None
    exceptions: tuple[date, ...]
    origin_venue_id: str | None
    destination_venue_id: str | None
    status: str
    description: str | None
    tags: tuple[str, ...]
    allow: frozenset[str]
    location: Location
    spans: tuple[Span, ...]
    """When each occurrence happens, in order; ``occurrences`` pairs them with the session."""
    # What conference schedules carry (frab, pretalx); all optional.
    uid: str | None = None
    """An external stable identifier (a frab GUID): the calendar UID and every export's id."""
    url: str | None = None
    language: str | None = None
    """BCP 47 tag: en, de, pt-BR."""
    subtitle: str | None = None
    abstract: str | None = None
    """A short summary; ``description`` is the long text."""
    track_id: str | None = None
    recording: bool = True
    """False when the speakers opted out of recording and streaming."""
    links: tuple[Link, ...] = ()
    hosts: tuple[str, ...] = ()
    """People who book the session and need not attend all of it (ids as written)."""
    only_hosting: tuple[str, ...] = ()
    """People in ``people`` only as hosts (groups expanded), sorted: the double-booking rule
    leaves them out unless told otherwise."""
    remote: frozenset[str] = frozenset()
    """People (ids, groups expanded) who join a session held in a room online: hybrid."""

    def attends_in_person(self, person_id: str) -> bool:
        """Whether ``person_id`` is in the room (or on the road), not online from elsewhere."""
        return not self.is_online_only and person_id not in self.remote

    @property
    def is_online_only(self) -> bool:
        """Online with no room or venue to sit in."""
        return self.is_online and self.venue_id is None

    @cached_property
    def occurrences(self) -> tuple[Occurrence, ...]:
        return tuple(
            Occurrence(self, index, span.start, span.end, span.first_day, span.last_day)
            for index, span in enumerate(self.spans)
        )

    @property
    def key(self) -> str:
        """``event-id/session-id``: unique in the programme."""
        return f"{self.event_id}/{self.id}"

    @property
    def cancelled(self) -> bool:
        return self.status == "cancelled"

    @property
    def duration(self) -> timedelta:
        return self.end - self.start

    def __hash__(self) -> int:
        return hash(self.key)

    def __repr__(self) -> str:
        return f"Session({self.key!r}, {self.start.isoformat()})"


@dataclass(frozen=True, slots=True, eq=False)
class Event:
    id: str
    title: str
    kind: str
    organiser_ids: tuple[str, ...]
    description: str | None
    url: str | None
    first_day: date | None
    last_day: date | None
    venue_id: str | None
    timezone: ZoneInfo | None
    participants: tuple[str, ...]
    status: str
    tags: tuple[str, ...]
    sessions: tuple[Session, ...]
    location: Location

    def __hash__(self) -> int:
        return hash(self.id)
