"""``room-double-booked``: one room, one session at a time."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from planner.rules.base import Finding, Rule
from planner.rules.context import RuleContext
from planner.rules.helpers import describe_pair
from planner.rules.sweep import overlapping_pairs
from planner.rules.text import duration

if TYPE_CHECKING:
    from planner.rules.settings import NoSettings

__all__ = ["RoomDoubleBooked"]


class RoomDoubleBooked(Rule):
    """## What it does
    For each room (and each venue that lists no rooms), walks the sessions held there in
    order of start and reports every two that overlap. Touching sessions (11:00 end,
    11:00 start) are fine. Online sessions occupy no room. At a venue that lists rooms, a
    session that names no room is not placed in any of them.

    Cancelled sessions and all-day sessions take no part.

    ## Why it matters
    A hall booked twice means one group is turned away at the door, or two events share
    a microphone. Rooms are the first thing a venue confirms and the last thing a
    programme draft updates.

    ## Example
    ```yaml
    sessions:
      - {title: Mobility, date: 2018-07-13, time: "10:00-11:30", room: forum-hall}
      - {title: Lunch, date: 2018-07-13, time: "11:00-12:30", room: forum-hall}
    ```
    Both are in the forum hall from 11:00: "overlapping by 30 min".

    ## How to fix
    Move one session to another room or time, or shorten the first. When two sessions
    share a space on purpose (an exhibition open during a reception), add
    `allow: [room-double-booked]` to one of them.
    """

    code = "room-double-booked"

    def check(self, context: RuleContext, settings: NoSettings) -> Iterator[Finding]:
        for slots in context.slots_by_room.values():
            for earlier, later in overlapping_pairs(slots):
                overlap = min(earlier.end, later.end) - later.start
                yield Finding(
                    f"{describe_pair(earlier, later)} are both in "
                    f"{context.place(later.session)}, overlapping by {duration(overlap)}",
                    later.session.location,
                    (earlier.session.location,),
                    (earlier.session.key, later.session.key),
                )
