"""``outside-presence``: people attend only while they are there."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from planner.rules.base import Finding, Rule
from planner.rules.context import RuleContext, is_transfer
from planner.rules.helpers import local_days
from planner.rules.text import at_or_on, duration, quoted, when
from planner.timeline import Occurrence, Person, TravelLeg

if TYPE_CHECKING:
    from planner.rules.settings import NoSettings

__all__ = ["OutsidePresence"]


class OutsidePresence(Rule):
    """## What it does
    A person with `travel` legs is present from the end of the first leg (their arrival)
    to the start of the last one (their departure, when there are two or more legs). Every
    occurrence they are in must start after they arrive and end before they leave. All-day
    sessions are compared by local date: the day of arrival and the day of departure count
    as present. Online sessions can be joined from anywhere and are not checked; nor are
    people without travel legs.

    Cancelled sessions take no part.

    ## Why it matters
    Flights are booked separately from the programme and change often. A speaker whose
    flight lands at 14:00 cannot open the morning plenary, and a delegate who leaves at
    noon will miss the closing session.

    ## Example
    ```yaml
    people:
      nguyen:
        name: Nguyen Van A
        travel:
          - {mode: flight, ref: KE 924, depart: "2016-10-10 00:40",
             depart_timezone: Asia/Ho_Chi_Minh, arrive: "2016-10-10 07:10",
             arrive_timezone: Asia/Seoul}
    sessions:
      - {title: Pick-up, date: 2016-10-10, time: "06:30-08:00", venue: incheon-airport,
         participants: [nguyen]}
    ```
    "arrives only at 2016-10-10 07:10 KST (Flight KE 924 ...), 40 min after it starts".

    ## How to fix
    Change the flight, move the session, or take the person off it.
    """

    code = "outside-presence"

    def check(self, context: RuleContext, settings: NoSettings) -> Iterator[Finding]:
        people = context.programme.people
        for person_id, slots in context.slots_by_person.items():
            person = people.get(person_id)
            if person is None or not person.travel:
                continue
            arrival, departure = context.presence(person)
            latest = float("inf") if departure is None else departure
            for slot in slots:
                if slot.start >= arrival and slot.end <= latest:
                    continue  # (nearly every slot: within the stay, nothing to say)
                if slot.in_person and person_id not in slot.session.remote:
                    yield from _timed(context, person, slot.occurrence, slot.start, slot.end)
        for person_id, occurrences in context.all_day_by_person.items():
            person = people.get(person_id)
            if person is None or not person.travel:
                continue
            for occurrence in occurrences:
                session = occurrence.session
                if person_id in session.remote:
                    continue  # joins online from wherever they are
                if not session.is_online_only or is_transfer(session):
                    yield from _all_day(context, person, occurrence)


def _timed(
    context: RuleContext, person: Person, occurrence: Occurrence, start: float, end: float
) -> Iterator[Finding]:
    arrival, departure = context.presence(person)
    if start < arrival:
        leg = person.travel[0]
        late = duration(arrival - start)
        yield _finding(
            person,
            occurrence,
            leg,
            f"arrives only {at_or_on(leg.arrive, time_known=leg.arrive_known)} ({leg.title}), "
            f"{late} after it starts",
        )
    if departure is not None and end > departure:
        leg = person.travel[-1]
        early = duration(end - departure)
        yield _finding(
            person,
            occurrence,
            leg,
            f"leaves {at_or_on(leg.depart, time_known=leg.depart_known)} ({leg.title}), "
            f"{early} before it ends",
        )


def _all_day(context: RuleContext, person: Person, occurrence: Occurrence) -> Iterator[Finding]:
    zone = occurrence.session.timezone
    first, last = local_days(occurrence)
    arrival_leg = person.travel[0]
    if first < arrival_leg.arrive.astimezone(zone).date():
        yield _finding(
            person,
            occurrence,
            arrival_leg,
            f"arrives only {at_or_on(arrival_leg.arrive, time_known=arrival_leg.arrive_known)} "
            f"({arrival_leg.title})",
        )
    if len(person.travel) >= 2:
        leg = person.travel[-1]
        if last > leg.depart.astimezone(zone).date():
            leaves = at_or_on(leg.depart, time_known=leg.depart_known)
            yield _finding(person, occurrence, leg, f"leaves {leaves} ({leg.title})")


def _finding(person: Person, occurrence: Occurrence, leg: TravelLeg, what: str) -> Finding:
    session = occurrence.session
    return Finding(
        f"{person.name} is in {quoted(session)} ({when(occurrence)}) but {what}",
        session.location,
        (leg.location,),
        (session.key,),
        (person.id,),
    )
