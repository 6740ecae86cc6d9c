"""What fixed sessions and people rule out for one task: the hard rules, as restrictions.

Each restriction is a forbidden range of start minutes, turned into candidate ranges:

- a fixed session of the same people: overlap (``person-double-booked``), widened by the
  trip to and from its venue (``travel-time``);
- a fixed session in the same room (``room-double-booked``);
- a person's ``unavailable`` windows, arrival and departure (``outside-presence``);
- the event's dates (``outside-event-dates``), the room's capacity (``over-capacity``);
- ``after`` a fixed session.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from datetime import datetime, time, timedelta

from planner.rules.context import Slot
from planner.rules.text import at_or_on, stamp
from planner.schedule.problem import Choice, Problem, Range, Reason, Task, minute_of
from planner.schedule.settings import Rules
from planner.schedule.words import span_words, who_is

__all__ = ["restrict_by_fixed"]

_DAY = 24 * 60


def restrict_by_fixed(problem: Problem, index: int, rules: Rules) -> None:
    _people_busy(problem, index, rules)
    _rooms_taken(problem, index, rules)
    _unavailable(problem, index, rules)
    _presence(problem, index, rules)
    _event_dates(problem, index, rules)
    _capacity(problem, index, rules)
    _after_fixed(problem, index, rules)


def _near(task: Task, slots: list[Slot], starts: list[float]) -> list[Slot]:
    """The slots that could matter to the task: within a day of its window."""
    lowest = (task.base - _DAY) * 60
    highest = (task.start(task.count) + task.length + _DAY) * 60
    return [slot for slot in slots[: bisect_left(starts, highest)] if slot.end > lowest]


def _fixed(rules: Rules, slots: list[Slot], task: Task) -> list[Slot]:
    starts = [slot.start for slot in slots]
    skip = rules.reopened | {task.session.key}
    return [slot for slot in _near(task, slots, starts) if slot.session.key not in skip]


def _minutes(slot: Slot) -> tuple[int, int]:
    return math.floor(slot.start / 60), math.ceil(slot.end / 60)


def _people_busy(problem: Problem, index: int, rules: Rules) -> None:
    task = problem.tasks[index]
    session = task.session
    shared: dict[Slot, list[str]] = {}
    for person_id in session.people:
        for slot in _fixed(rules, rules.context.slots_by_person.get(person_id, []), task):
            shared.setdefault(slot, []).append(person_id)
    for slot, people in shared.items():
        allows = (session.allow, slot.session.allow)
        overlap = rules.hard("person-double-booked", *allows)
        travel = rules.hard("travel-time", *allows)
        if not (overlap or travel):
            continue
        trips: list[str] = []
        for number, choice in enumerate(task.choices):
            ranges = _busy_ranges(task, choice, slot, rules, overlap, travel, trips)
            reason = _busy_reason(rules, index, slot, people, trips)
            problem.restrict(index, number, ranges, reason)


def _busy_reason(
    rules: Rules, index: int, slot: Slot, people: list[str], trips: list[str]
) -> Reason:
    occurrence = slot.occurrence
    text = (
        f"{who_is(rules, people)} in `{slot.session.id}` "
        f"{span_words(occurrence.start, occurrence.end)}"
    )
    if trips:
        text += " and " + " / ".join(dict.fromkeys(trips))
    key = f"busy:{index}:{slot.session.key}:{occurrence.index}"
    return Reason(key, text, slot.session.location)


def _busy_ranges(
    task: Task,
    choice: Choice,
    slot: Slot,
    rules: Rules,
    overlap: bool,
    travel: bool,
    trips: list[str],
) -> list[Range]:
    begin, end = _minutes(slot)
    before = after = 0
    if travel and choice.start_place is not None and slot.in_person:
        to_it = rules.trip(choice.end_place, slot.start_place)
        from_it = rules.trip(slot.end_place, choice.start_place)
        before, after = (to_it.minutes if to_it else 0), (from_it.minutes if from_it else 0)
        if from_it is not None:
            trips.append(from_it.text)
        if to_it is not None and (from_it is None or from_it.minutes != to_it.minutes):
            trips.append(to_it.text)
    latest_clash = begin - task.length + 1  # a start after this overlaps the slot
    if overlap and end > begin:
        return [task.candidates(latest_clash - before, end + after)]
    return [
        task.candidates(latest_clash - before, latest_clash),
        task.candidates(end, end + after),
    ]


def _rooms_taken(problem: Problem, index: int, rules: Rules) -> None:
    task = problem.tasks[index]
    for number, choice in enumerate(task.choices):
        if choice.space is None:
            continue
        for slot in _fixed(rules, list(rules.context.slots_by_room.get(choice.space, [])), task):
            if not rules.hard("room-double-booked", task.session.allow, slot.session.allow):
                continue
            begin, end = _minutes(slot)
            text = (
                f"`{slot.session.id}` is in {rules.context.place(slot.session)} "
                f"{span_words(slot.occurrence.start, slot.occurrence.end)}"
            )
            key = f"room:{index}:{slot.session.key}:{slot.occurrence.index}"
            reason = Reason(key, text, slot.session.location)
            ranges = [task.candidates(begin - task.length + 1, end)]
            problem.restrict(index, number, ranges, reason)


def _unavailable(problem: Problem, index: int, rules: Rules) -> None:
    task = problem.tasks[index]
    if not rules.hard("unavailable", task.session.allow):
        return
    for person_id in task.session.people:
        person = rules.programme.people.get(person_id)
        for number, window in enumerate(person.unavailable if person else ()):
            begin, end = minute_of(window.start), math.ceil(window.end.timestamp() / 60)
            why = f" ({window.reason})" if window.reason else ""
            text = f"{window_person(rules, person_id)} is unavailable " + span_words(
                window.start, window.end
            )
            key = f"unavailable:{index}:{person_id}:{number}"
            reason = Reason(key, text + why, window.location)
            problem.restrict(index, None, [task.candidates(begin - task.length + 1, end)], reason)


def window_person(rules: Rules, person_id: str) -> str:
    return rules.context.person_name(person_id)


def _presence(problem: Problem, index: int, rules: Rules) -> None:
    task = problem.tasks[index]
    if not rules.hard("outside-presence", task.session.allow):
        return
    in_person = [n for n, choice in enumerate(task.choices) if choice.start_place is not None]
    far = task.start(task.count) + task.length + 1
    for person_id in task.session.people:
        person = rules.programme.people.get(person_id)
        if person is None or not person.travel:
            continue
        arrival, departure = rules.context.presence(person)
        name = person.name
        leg = person.travel[0]
        arrives = Reason(
            f"arrival:{index}:{person_id}",
            f"{name} arrives only {at_or_on(leg.arrive, time_known=leg.arrive_known)} "
            f"({leg.title})",
            leg.location,
        )
        for number in in_person:
            problem.restrict(
                index, number, [task.candidates(task.base - 1, math.ceil(arrival / 60))], arrives
            )
        if departure is None:
            continue
        last = person.travel[-1]
        leaves = Reason(
            f"departure:{index}:{person_id}",
            f"{name} leaves {at_or_on(last.depart, time_known=last.depart_known)} ({last.title})",
            last.location,
        )
        latest = math.floor(departure / 60) - task.length
        for number in in_person:
            problem.restrict(index, number, [task.candidates(latest + 1, far)], leaves)


def _event_dates(problem: Problem, index: int, rules: Rules) -> None:
    task = problem.tasks[index]
    session = task.session
    event = rules.programme.events[session.event_id]
    if event.first_day is None or event.last_day is None:
        return
    if not rules.hard("outside-event-dates", session.allow):
        return
    zone = session.timezone
    first = minute_of(datetime.combine(event.first_day, time(), zone))
    stop = minute_of(datetime.combine(event.last_day + timedelta(days=1), time(), zone))
    text = f"the event `{event.id}` runs from {event.first_day} to {event.last_day}"
    reason = Reason(f"dates:{index}:{event.id}", text, event.location)
    far = task.start(task.count) + task.length + 1
    ranges = [task.candidates(task.base - 1, first), task.candidates(stop - task.length + 1, far)]
    problem.restrict(index, None, ranges, reason)


def _capacity(problem: Problem, index: int, rules: Rules) -> None:
    task = problem.tasks[index]
    session = task.session
    if session.origin_venue_id or session.destination_venue_id:
        return  # a transfer is on the road
    if not rules.hard("over-capacity", session.allow):
        return
    for number, choice in enumerate(task.choices):
        venue = rules.programme.venues.get(choice.venue_id) if choice.venue_id else None
        if venue is None:
            continue
        room = venue.rooms.get(choice.room_id) if choice.room_id else None
        capacity = room.capacity if room and room.capacity is not None else venue.capacity
        if capacity is None or session.expected_attendance <= capacity:
            continue
        place = f"{room.name} at {venue.name}" if room else venue.name
        text = f"{session.expected_attendance} people are expected but {place} holds {capacity}"
        reason = Reason(f"capacity:{index}:{number}", text, venue.location)
        problem.restrict(index, number, [(0, task.count)], reason)


def _after_fixed(problem: Problem, index: int, rules: Rules) -> None:
    task = problem.tasks[index]
    session = task.session
    event = rules.programme.events[session.event_id]
    fixed = {found.id: found for found in event.sessions}
    for target in session.after:
        found = fixed.get(target)
        if found is None or found.key in rules.reopened or not found.occurrences:
            continue
        end = max(occurrence.end for occurrence in found.occurrences)
        text = f"{task.label} must start after `{target}` ends ({stamp(end)})"
        reason = Reason(f"after:{index}:{found.key}", text, found.location)
        ranges = [task.candidates(task.base - 1, math.ceil(end.timestamp() / 60))]
        problem.restrict(index, None, ranges, reason)
