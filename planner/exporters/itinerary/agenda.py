"""What an agenda shows: the rooms asked for (``--room``), checked, and the header naming
the choice.

Room ids are unique within a venue, not across venues: without a venue, an id that two
venues use is ambiguous and refused. A mistyped id is named with the nearest real ones.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from planner.exporters.itinerary.choices import ScheduleError
from planner.exporters.itinerary.model import Header
from planner.languages import Language
from planner.timeline import Programme

__all__ = ["RoomChoice", "UnknownRoom", "agenda_header", "choose_rooms"]

_LISTED = 8
"""A venue's rooms named in full, when no id is near the one asked for, up to this many."""


class UnknownRoom(ScheduleError, LookupError):
    """No room (of the venue, if one is chosen) has this id."""


@dataclass(frozen=True, slots=True)
class RoomChoice:
    """The rooms asked for, as ``(venue id, room id)`` pairs, in the order asked."""

    places: tuple[tuple[str, str], ...]

    @property
    def venues(self) -> tuple[str, ...]:
        """The venues of the rooms, in the order of their first room."""
        return tuple(dict.fromkeys(venue for venue, _ in self.places))

    def holds(self, venue: str | None, room: str | None) -> bool:
        return (venue or "", room or "") in self.places

    def rooms_of(self, venue: str) -> frozenset[str]:
        return frozenset(room for at, room in self.places if at == venue)


def choose_rooms(programme: Programme, venue: str | None, rooms: Sequence[str]) -> RoomChoice:
    """The rooms ``rooms`` (ids) of ``venue``, or of whichever venue has each; raises
    :class:`UnknownRoom` for an id no venue (or not ``venue``) has, and
    :class:`ScheduleError` for an id several venues have when no venue is chosen."""
    where = {venue: programme.venues[venue]} if venue is not None else programme.venues
    places: dict[tuple[str, str], None] = {}
    for room in rooms:
        found = [at for at, place in where.items() if room in place.rooms]
        if not found:
            raise UnknownRoom(_unknown(room, venue, (r for p in where.values() for r in p.rooms)))
        if len(found) > 1:
            venues = ", ".join(f"`{at}`" for at in found)
            raise ScheduleError(
                f"room `{room}` is in several venues ({venues}): choose one with --venue"
            )
        places[found[0], room] = None
    return RoomChoice(tuple(places))


def _unknown(room: str, venue: str | None, known: Iterable[str]) -> str:
    ids = sorted(set(known))
    at = f" at venue `{venue}`" if venue is not None else ""
    if not ids:
        return f"there is no room `{room}`{at}: it has no rooms"
    near = difflib.get_close_matches(room, ids, n=3, cutoff=0.5)
    if near:
        return f"there is no room `{room}`{at}; nearest: " + ", ".join(f"`{i}`" for i in near)
    shown = ", ".join(f"`{i}`" for i in ids[:_LISTED])
    more = f" and {len(ids) - _LISTED} more" if len(ids) > _LISTED else ""
    return f"there is no room `{room}`{at}; the rooms are {shown}{more}"


def agenda_header(
    programme: Programme,
    lang: Language,
    title: str,
    event: str | None,
    venue: str | None,
    rooms: RoomChoice | None,
) -> Header:
    """The agenda's title and what it is of: the event, the venue, the rooms."""
    details: list[tuple[str, str]] = []
    if event is not None:
        details.append((lang.gettext("Event"), lang.text(programme.events[event].title)))
    if venue is not None:
        place = programme.venues[venue]
        comma = lang.pgettext("separator", ", ")
        named = comma.join(lang.text(part) for part in (place.name, place.city) if part)
        details.append((lang.gettext("Venue"), named))
    if rooms is not None:
        names = [lang.text(programme.venues[at].rooms[room].name) for at, room in rooms.places]
        details.append((lang.gettext("Rooms"), lang.formats.names(names)))
    return Header(title, lang.text(programme.name), tuple(details))
