"""``person-double-booked``: nobody can be in two sessions at once."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from planner.rules.base import Finding, Rule
from planner.rules.context import RuleContext, Slot
from planner.rules.helpers import describe_pair
from planner.rules.sweep import overlapping_pairs
from planner.rules.text import duration, names, verb

if TYPE_CHECKING:
    from planner.rules.settings import PersonDoubleBookedSettings

__all__ = ["PersonDoubleBooked"]


class PersonDoubleBooked(Rule):
    """## What it does
    For each person, walks their sessions in order of start (participants, speakers and
    chairs, groups expanded, every occurrence of a repeating session) and reports every
    two sessions whose times overlap. Sessions that only touch, one ending at 11:00 and the
    next starting at 11:00, do not overlap. Everyone who is in both sessions is named in
    one diagnostic, located at the session that starts later; the message names each
    session's room, so two sessions of the same title are told apart.

    A session's `hosts` (who book it, such as the submitter of a self-organised session)
    need not attend all of it, so they are not counted unless `count_hosts` is true.

    Cancelled sessions and all-day sessions take no part.

    ## Why it matters
    A speaker booked for a panel while chairing another, or a delegation listed for two
    site visits at once, is found on the day by an empty chair. In a programme of several
    events sharing people, these clashes are easy to write and hard to see.

    ## Example
    ```yaml
    sessions:
      - {id: opening, title: Opening, date: 2024-04-17, time: "10:00-11:30", speakers: [lee]}
      - {id: briefing, title: Press briefing, date: 2024-04-17, time: "11:00-11:30",
         speakers: [lee]}
    ```
    Lee is in both from 11:00: "... which overlap by 30 min".

    ## How to fix
    Move one of the sessions, or name someone else. When the overlap is meant (a drop-in
    reception someone leaves early), add `allow: [person-double-booked]` to one of the two
    sessions.
    """

    code = "person-double-booked"

    settings_name = "PersonDoubleBookedSettings"

    def check(
        self, context: RuleContext, settings: PersonDoubleBookedSettings
    ) -> Iterator[Finding]:
        shared: dict[tuple[Slot, Slot], list[str]] = {}
        # Most programmes have no session with people there only as hosts: nothing to drop.
        drop_hosts = not settings.count_hosts and any(
            session.only_hosting for session in context.sessions
        )
        for person_id, slots in context.slots_by_person.items():
            if drop_hosts:
                slots = [slot for slot in slots if person_id not in slot.session.only_hosting]
            for pair in overlapping_pairs(slots):
                shared.setdefault(pair, []).append(person_id)
        for (earlier, later), people in shared.items():
            people.sort()
            who = names(context.person_names(people))
            overlap = min(earlier.end, later.end) - later.start
            yield Finding(
                f"{who} {verb(people, 'is', 'are')} in both "
                f"{describe_pair(earlier, later, context.place)}, "
                f"which overlap by {duration(overlap)}",
                later.session.location,
                (earlier.session.location,),
                (earlier.session.key, later.session.key),
                tuple(people),
            )
