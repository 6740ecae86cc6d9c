"""``over-capacity``: more people expected than the room holds."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from planner.rules.base import Finding, Rule
from planner.rules.context import RuleContext, is_transfer
from planner.rules.text import quoted
from planner.timeline import Session

if TYPE_CHECKING:
    from planner.rules.settings import NoSettings

__all__ = ["OverCapacity"]


class OverCapacity(Rule):
    """## What it does
    Compares each session's `expected_attendance` (by default, the number of people it
    names, groups expanded) with the capacity of its room, or of its venue when the room
    gives none or the session names no room. A session with no capacity to compare with is
    not checked. A repeating session is reported once, since every occurrence expects the
    same attendance; the message names its first date and how many more there are.
    Transfers (`from`, `to`) are on the road and are not checked.

    Cancelled sessions take no part.

    ## Why it matters
    Fire regulations cap rooms; a hall of 100 cannot seat a plenary of 300. An overfull
    room is also a sign that the session was moved without checking who comes.

    ## Example
    ```yaml
    venues:
      sands-expo: {name: Sands Expo, timezone: Asia/Singapore,
                   rooms: {forum-hall: {name: Forum hall, capacity: 250}}}
    sessions:
      - {title: Opening plenary, date: 2018-07-13, time: "09:00-09:45",
         venue: sands-expo, room: forum-hall, expected_attendance: 300}
    ```
    "expects 300 people, but Forum hall at Sands Expo holds 250 (50 too many)".

    ## How to fix
    Move the session to a larger room, correct `expected_attendance`, or raise the room's
    `capacity` if it was wrong. A session that overflows on purpose (standing room at a
    reception) can say `allow: [over-capacity]`.
    """

    code = "over-capacity"

    def check(self, context: RuleContext, settings: NoSettings) -> Iterator[Finding]:
        for session in context.sessions:
            if not session.occurrences or is_transfer(session):
                continue
            found = _capacity(context, session)
            if found is None or session.expected_attendance <= found[0]:
                continue
            capacity, place = found
            extra = session.expected_attendance - capacity
            yield Finding(
                f"{quoted(session)} on {_dates(session)} expects {session.expected_attendance} "
                f"people, but {place} holds {capacity} ({extra} too many)",
                session.location,
                sessions=(session.key,),
                people=session.people,
            )


def _capacity(context: RuleContext, session: Session) -> tuple[int, str] | None:
    """The capacity that applies, and what holds it (the room, else the venue)."""
    venue = context.venue(session.venue_id)
    if venue is None:
        return None
    room = venue.rooms.get(session.room_id) if session.room_id else None
    if room is not None and room.capacity is not None:
        return room.capacity, f"{room.name} at {venue.name}"
    if venue.capacity is None:
        return None
    if room is not None:
        return venue.capacity, f"{venue.name} (the {room.name} gives no capacity)"
    return venue.capacity, venue.name


def _dates(session: Session) -> str:
    first = session.occurrences[0].first_day
    more = len(session.occurrences) - 1
    if more == 0:
        return str(first)
    return f"{first} (and {more} more date{'s' if more > 1 else ''})"
