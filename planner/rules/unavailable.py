"""``unavailable``: people are not booked while they said they cannot come."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from typing import TYPE_CHECKING

from planner.rules.base import Finding, Rule
from planner.rules.context import RuleContext, Slot
from planner.rules.text import duration, quoted, span, when
from planner.timeline import Person, Unavailability

if TYPE_CHECKING:
    from planner.rules.settings import NoSettings

__all__ = ["Unavailable"]


class Unavailable(Rule):
    """## What it does
    For each window a person lists under `unavailable` (local to their `timezone`),
    reports the sessions they are in whose times overlap it. A session that ends when the
    window starts, or starts when it ends, is fine. All-day sessions are not checked.

    Cancelled sessions take no part.

    ## Why it matters
    A mayor who said she has a council session that morning will not come to the site
    visit, however the programme lists her. These windows are the constraints people
    give the organisers in writing; breaking one is an error.

    ## Example
    ```yaml
    people:
      mayor:
        name: Mayor
        timezone: Asia/Almaty
        unavailable:
          - {from: "2024-04-18 09:00", to: "2024-04-18 12:00", reason: cabinet meeting}
    sessions:
      - {title: Site visit, date: 2024-04-18, time: "11:00-13:00", participants: [mayor]}
    ```
    "Mayor is unavailable 2024-04-18 09:00-12:00 Asia/Almaty (cabinet meeting) but is in
    "Site visit" ...: 1 h of overlap".

    ## How to fix
    Move the session, take the person off it, or update the window if it changed.
    """

    code = "unavailable"

    def check(self, context: RuleContext, settings: NoSettings) -> Iterator[Finding]:
        people = context.programme.people
        for person_id, slots in context.slots_by_person.items():
            person = people.get(person_id)
            if person is None or not person.unavailable:
                continue
            starts = [slot.start for slot in slots]
            for window in person.unavailable:
                yield from _clashes(person, window, slots, starts)


def _clashes(
    person: Person, window: Unavailability, slots: list[Slot], starts: list[float]
) -> Iterator[Finding]:
    begin, end = window.start.timestamp(), window.end.timestamp()
    # Only slots starting before the window ends can overlap it.
    for slot in slots[: bisect_left(starts, end)]:
        if slot.end <= begin:
            continue
        overlap = min(end, slot.end) - max(begin, slot.start)
        reason = f" ({window.reason})" if window.reason else ""
        session = slot.session
        yield Finding(
            f"{person.name} is unavailable {span(window.start, window.end)}{reason} but is in "
            f"{quoted(session)} ({when(slot.occurrence)}): {duration(overlap)} of overlap",
            session.location,
            (window.location,),
            (session.key,),
            (person.id,),
        )
