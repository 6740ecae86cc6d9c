"""What the rules share: the programme filtered once, and sorted views built once.

Cancelled sessions take part in no rule, so they are dropped here, once. Timed
occurrences become :class:`Slot` objects carrying their instants as epoch seconds (plain
floats compare far faster than aware datetimes in different zones), sorted by start once;
the per-person and per-room lists are cut from that one sorted list, so they are sorted
too. Each view is built on first use, so a rule that is switched off costs nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from operator import attrgetter

from planner.diagnostics import Location
from planner.timeline import Occurrence, Person, Programme, Session, Venue

__all__ = ["RoomKey", "RuleContext", "Slot", "is_transfer"]

RoomKey = tuple[str, str | None]
"""A bookable space: (venue id, room id), or (venue id, None) for a venue without rooms."""


@dataclass(eq=False, slots=True)
class Slot:
    """A timed occurrence of an active session, as the time rules see it."""

    start: float
    """Epoch seconds."""
    end: float
    occurrence: Occurrence
    session: Session
    order: int
    """Position in file order, to break ties the same way on every run."""
    start_place: str | None
    """The venue where the session starts; None when it is online."""
    end_place: str | None
    """Where it ends: the destination of a transfer, else the same venue."""

    @property
    def in_person(self) -> bool:
        return self.start_place is not None


_start_then_end = attrgetter("start", "end")


def is_transfer(session: Session) -> bool:
    """A transfer (``from``/``to``) is on the road: it occupies no room of its event's venue."""
    return session.origin_venue_id is not None or session.destination_venue_id is not None


class RuleContext:
    """The programme as every rule reads it, with shared precomputed views."""

    def __init__(
        self, programme: Programme, travel_times: Mapping[frozenset[str], float] | None = None
    ) -> None:
        self.programme = programme
        self.travel_times: Mapping[frozenset[str], float] = travel_times or {}
        """Measured trip times in seconds, by the pair of venue ids (``programme.rules``)."""
        self.sessions: tuple[Session, ...] = tuple(
            session for session in programme.sessions if not session.cancelled
        )
        self._presence: dict[str, tuple[float, float | None]] = {}

    @cached_property
    def occurrences(self) -> list[Occurrence]:
        """Every occurrence of every active session (timed and all-day), in file order."""
        return [occurrence for session in self.sessions for occurrence in session.occurrences]

    @cached_property
    def slots(self) -> list[Slot]:
        """Timed occurrences of active sessions, sorted by start (then end, then file order)."""
        found: list[Slot] = []
        for order, session in enumerate(self.sessions):
            if session.all_day:
                continue
            start_place, end_place = self._places(session)
            for occurrence in session.occurrences:
                found.append(
                    Slot(
                        occurrence.start.timestamp(),
                        occurrence.end.timestamp(),
                        occurrence,
                        session,
                        order,
                        start_place,
                        end_place,
                    )
                )
        # Built in file order, so a stable sort by (start, end) breaks ties by ``order``.
        found.sort(key=_start_then_end)
        return found

    @cached_property
    def slots_by_person(self) -> Mapping[str, list[Slot]]:
        """Each person's timed occurrences, sorted by start."""
        index: defaultdict[str, list[Slot]] = defaultdict(list)
        for slot in self.slots:
            for person_id in slot.session.people:
                index[person_id].append(slot)
        return dict(index)  # (a plain dict: a missing person is no empty list)

    @cached_property
    def seated_slots_by_person(self) -> Mapping[str, list[Slot]]:
        """Each person's timed occurrences where they are physically, sorted by start: what
        travel and presence concern. Sessions they join online (``remote``) are left out."""
        # One pass, as ``slots_by_person`` (same people, same order); a person is asked about
        # only in a session that someone joins online.
        index: defaultdict[str, list[Slot]] = defaultdict(list)
        for slot in self.slots:
            session = slot.session
            seated, remote = not session.is_online_only, session.remote
            if seated and not remote:
                for person_id in session.people:
                    index[person_id].append(slot)
                continue
            for person_id in session.people:
                found = index[person_id]  # (listed even with no seat anywhere)
                if seated and person_id not in remote:  # (Session.attends_in_person)
                    found.append(slot)
        return dict(index)

    @cached_property
    def slots_by_room(self) -> Mapping[RoomKey, list[Slot]]:
        """Timed in-person occurrences per bookable space, sorted by start.

        Online sessions and transfers occupy no room; a hybrid one (online, and in a room)
        does. At a venue with rooms, a session that names no room is not placed in any of them
        (it may use a space the file does not list).
        """
        index: dict[RoomKey, list[Slot]] = {}
        venues = self.programme.venues
        for slot in self.slots:
            session = slot.session
            venue = venues.get(session.venue_id) if session.venue_id else None
            if venue is None or venue.online or is_transfer(session):
                continue
            if venue.rooms and session.room_id is None:
                continue
            index.setdefault((venue.id, session.room_id), []).append(slot)
        return index

    @cached_property
    def all_day_by_person(self) -> Mapping[str, list[Occurrence]]:
        """Each person's all-day occurrences (active sessions), in file order."""
        index: dict[str, list[Occurrence]] = {}
        for session in self.sessions:
            if session.all_day:
                for person_id in session.people:
                    index.setdefault(person_id, []).extend(session.occurrences)
        return index

    def presence(self, person: Person) -> tuple[float, float | None]:
        """Arrival and departure (epoch seconds) of a person with travel legs."""
        found = self._presence.get(person.id)
        if found is None:
            arrival, departure = person.arrival, person.departure
            found = (
                arrival.timestamp() if arrival else float("-inf"),
                departure.timestamp() if departure else None,
            )
            self._presence[person.id] = found
        return found

    # -- names and places ------------------------------------------------------------------

    def _places(self, session: Session) -> tuple[str | None, str | None]:
        venues = self.programme.venues
        if is_transfer(session):
            start = session.origin_venue_id or session.venue_id
            end = session.destination_venue_id or session.venue_id
            return start, end
        venue = venues.get(session.venue_id) if session.venue_id else None
        if venue is None or venue.online:
            return None, None
        return venue.id, venue.id

    def person_name(self, person_id: str) -> str:
        person = self.programme.people.get(person_id)
        return person.name if person else person_id

    def person_names(self, person_ids: list[str] | tuple[str, ...]) -> list[str]:
        return [self.person_name(person_id) for person_id in person_ids]

    def venue(self, venue_id: str | None) -> Venue | None:
        return self.programme.venues.get(venue_id) if venue_id else None

    def venue_name(self, venue_id: str | None) -> str:
        venue = self.venue(venue_id)
        return venue.name if venue else (venue_id or "?")

    def place(self, session: Session) -> str:
        """Where a session is, in words: ``Room A at Seoul City Hall``."""
        venue = self.venue(session.venue_id)
        if is_transfer(session):
            origin = self.venue_name(session.origin_venue_id)
            return f"on the way from {origin} to {self.venue_name(session.destination_venue_id)}"
        if venue is None:
            return "online"
        room = venue.rooms.get(session.room_id) if session.room_id else None
        return f"{room.name} at {venue.name}" if room else venue.name

    @staticmethod
    def where(session: Session) -> Location:
        return session.location
