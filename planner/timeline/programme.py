"""The resolved programme: one immutable object that every later stage reads."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from functools import cached_property
from typing import Any
from zoneinfo import ZoneInfo

from planner.diagnostics import Diagnostic, Location
from planner.timeline.objects import (
    Event,
    Group,
    Occurrence,
    Organisation,
    Person,
    Session,
    Track,
    TravelLeg,
    Venue,
)
from planner.timeline.open_sessions import OpenSession

__all__ = ["Programme"]


@dataclass(frozen=True, eq=False)
class Programme:
    """Everything in a programme file and its includes, resolved and checked for references."""

    name: str
    uid_domain: str
    timezone: ZoneInfo
    reminders: tuple[timedelta, ...]
    rules: Mapping[str, Any]
    """Rule settings as written under ``programme.rules``; the rule engine validates them."""
    organisations: Mapping[str, Organisation]
    venues: Mapping[str, Venue]
    people: Mapping[str, Person]
    groups: Mapping[str, Group]
    events: Mapping[str, Event]
    files: tuple[str, ...]
    """Every file read, the root first, as given or relative to the working directory."""
    modified: datetime
    """Newest modification time of those files (UTC)."""
    warnings: tuple[Diagnostic, ...] = ()
    """Diagnostics found while loading that are not errors (ambiguous times...)."""
    references: Mapping[str, int] = field(default_factory=dict)
    """How often each organisation, venue, person and group id is referred to."""
    rules_locations: Mapping[tuple[str | int, ...], Location] = field(default_factory=dict)
    """Where each key and item under ``programme.rules`` is written, by its path below
    ``rules`` (``("long-day", "max_hours")``); ``()`` is the ``rules`` key itself."""
    open_sessions: tuple[OpenSession, ...] = ()
    """Sessions with a ``window``: the open ones (no time yet) and the placed ones."""
    tracks: Mapping[str, Track] = field(default_factory=dict)
    """Tracks declared under ``tracks:``, id -> track, in file order."""
    language: str = "en"
    """BCP 47 tag of the programme's language: the default of every output and text."""
    draft: bool = False
    """Published as a draft (``--draft``): it may hold clashes, and every output says so."""

    def as_draft(self) -> Programme:
        """The same programme, to be published marked as a draft."""
        return replace(self, draft=True)

    @cached_property
    def sessions(self) -> tuple[Session, ...]:
        """Every session, in file order (event by event)."""
        return tuple(session for event in self.events.values() for session in event.sessions)

    @property
    def unscheduled(self) -> tuple[OpenSession, ...]:
        """Open sessions that have no time yet: no rule or exporter sees them."""
        return tuple(found for found in self.open_sessions if found.placed is None)

    @cached_property
    def occurrences(self) -> tuple[Occurrence, ...]:
        """Every occurrence of every session, sorted by start."""
        found = [occurrence for session in self.sessions for occurrence in session.occurrences]
        found.sort(key=lambda occurrence: (occurrence.start, occurrence.session.key))
        return tuple(found)

    @cached_property
    def sessions_by_person(self) -> Mapping[str, tuple[Session, ...]]:
        index: dict[str, list[Session]] = {person_id: [] for person_id in self.people}
        for session in self.sessions:
            for person_id in session.people:
                index[person_id].append(session)
        return {person_id: tuple(found) for person_id, found in index.items()}

    def sessions_of(self, person_or_group_id: str) -> tuple[Session, ...]:
        """Sessions someone attends; for a group, those any member attends."""
        if person_or_group_id in self.people:
            return self.sessions_by_person[person_or_group_id]
        members = set(self.groups[person_or_group_id].people)
        return tuple(s for s in self.sessions if members.intersection(s.people))

    def sessions_at(self, venue_id: str) -> tuple[Session, ...]:
        return tuple(s for s in self.sessions if venue_id in (s.venue_id, *_ends(s)))

    def travel_of(self, person_or_group_id: str) -> tuple[TravelLeg, ...]:
        """Travel legs of a person, or of every member of a group, sorted by departure."""
        ids = self.members_of(person_or_group_id)
        legs = [leg for person_id in ids for leg in self.people[person_id].travel]
        return tuple(sorted(legs, key=lambda leg: (leg.depart, leg.person_id)))

    def members_of(self, person_or_group_id: str) -> tuple[str, ...]:
        if person_or_group_id in self.people:
            return (person_or_group_id,)
        return self.groups[person_or_group_id].people

    def iter_people_sessions(self) -> Iterator[tuple[Person, tuple[Session, ...]]]:
        for person_id, person in self.people.items():
            yield person, self.sessions_by_person[person_id]

    @cached_property
    def first_day(self) -> datetime | None:
        return self.occurrences[0].start if self.occurrences else None

    @cached_property
    def last_day(self) -> datetime | None:
        return max((o.end for o in self.occurrences), default=None)


def _ends(session: Session) -> tuple[str | None, str | None]:
    return session.origin_venue_id, session.destination_venue_id
