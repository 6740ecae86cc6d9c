"""Rules that depend only on a session's own time and place, checked candidate by candidate.

Opening hours, public holidays, weekends, night and long days: for each candidate start
and choice of venue the rule's own test says whether it would fire. Under an ``error``
setting the firing candidates are ruled out (a restriction); under ``warning`` or
``info`` they cost something, so the solver avoids them when it can.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from planner.rules.calendars import holiday_name, is_weekend
from planner.rules.long_day import LongDaySettings
from planner.rules.night_session import NightSettings, night_seconds
from planner.rules.outside_venue_hours import outside_hours
from planner.schedule.problem import Choice, Problem, Range, Reason, Task
from planner.schedule.settings import Rules
from planner.timeline import Venue

__all__ = ["price_own_time"]

Check = Callable[[datetime, datetime], bool]
"""Whether a start and end (aware) would make the rule fire."""


def price_own_time(problem: Problem, index: int, rules: Rules) -> None:
    task = problem.tasks[index]
    starts = [task.moment(candidate) for candidate in range(task.count)]
    length = timedelta(minutes=task.length)
    for number, choice in enumerate(task.choices):
        costs = [0] * task.count
        for code, text, check in _checks(task, choice, rules):
            fired = [check(start, start + length) for start in starts]
            if rules.hard(code, task.session.allow):
                reason = Reason(f"{code}:{index}:{number}", text)
                problem.restrict(index, number, list(_runs(fired)), reason)
                continue
            weight = rules.cost(code, task.session.allow)
            if weight:
                costs = [cost + weight * hit for cost, hit in zip(costs, fired, strict=True)]
        if any(costs):
            task.costs[number] = costs


def _runs(fired: list[bool]) -> Iterator[Range]:
    """Ranges of consecutive True values."""
    first = None
    for position, hit in enumerate([*fired, False]):
        if hit and first is None:
            first = position
        elif not hit and first is not None:
            yield first, position
            first = None


def _checks(task: Task, choice: Choice, rules: Rules) -> Iterator[tuple[str, str, Check]]:
    session = task.session
    venue = rules.programme.venues.get(choice.venue_id) if choice.venue_id else None
    transfer = session.origin_venue_id is not None or session.destination_venue_id is not None
    if venue is not None and not venue.online and venue.hours is not None and not transfer:
        yield "outside-venue-hours", f"{venue.name} is open only {_hours(venue)}", _open(venue)
    country_venue = rules.programme.venues.get(choice.venue_id or session.origin_venue_id or "")
    country = country_venue.country if country_venue else None
    if country:
        yield "public-holiday", f"public holidays in {country}", _days(country, holiday_name)
        yield "weekend", f"weekends in {country}", _days(country, is_weekend)
    night = rules.setting("night-session")
    assert isinstance(night, NightSettings)
    yield (
        "night-session",
        f"the night ({night.night_from}-{night.night_to})",
        _night(task, choice, rules, night),
    )
    long_day = rules.setting("long-day")
    assert isinstance(long_day, LongDaySettings)
    yield (
        "long-day",
        f"days longer than {long_day.max_hours:g} h",
        _long_day(task, rules, long_day.max_hours * 3600),
    )


def _hours(venue: Venue) -> str:
    assert venue.hours is not None
    spans = {span for span in venue.hours.by_weekday if span is not None}
    if len(spans) == 1:
        opening, closing = next(iter(spans))
        return f"{opening:%H:%M}-{closing:%H:%M}"
    return "at its opening hours"


def _open(venue: Venue) -> Check:
    zone = venue.timezone

    def check(start: datetime, end: datetime) -> bool:
        local_start = start.astimezone(zone).replace(tzinfo=None)
        return outside_hours(venue, local_start, end.astimezone(zone).replace(tzinfo=None))

    return check


def _local_days(start: datetime, end: datetime) -> Iterator[date]:
    day, last = start.date(), end.date()
    if end.time() == time(0) and end > start:
        last -= timedelta(days=1)
    while day <= last:
        yield day
        day += timedelta(days=1)


def _days(country: str, test: Callable[[str, date], object]) -> Check:
    def check(start: datetime, end: datetime) -> bool:
        return any(test(country, day) for day in _local_days(start, end))

    return check


def _night(task: Task, choice: Choice, rules: Rules, settings: NightSettings) -> Check:
    window = settings.window
    venue = rules.programme.venues.get(choice.start_place) if choice.start_place else None
    if venue is not None:
        zones: list[ZoneInfo] = [venue.timezone]
    else:
        zones = list(_home_zones(task, rules).values())

    def check(start: datetime, end: datetime) -> bool:
        return any(
            night_seconds(
                start.astimezone(zone).replace(tzinfo=None),
                end.astimezone(zone).replace(tzinfo=None),
                window,
            )
            > 0
            for zone in zones
        )

    return check


def _home_zones(task: Task, rules: Rules) -> dict[str, ZoneInfo]:
    found: dict[str, ZoneInfo] = {}
    for person_id in task.session.people:
        person = rules.programme.people.get(person_id)
        zone = person.timezone if person and person.timezone else task.session.timezone
        found[zone.key] = zone
    return found


def _long_day(task: Task, rules: Rules, limit: float) -> Check:
    """A person's day (first start to last end) with this session would exceed the limit."""
    days: set[tuple[date, float, float]] = set()
    skip = rules.reopened | {task.session.key}
    for person_id in task.session.people:
        spans: dict[date, tuple[float, float]] = {}
        for slot in rules.context.slots_by_person.get(person_id, []):
            if slot.session.key in skip:
                continue
            day = slot.occurrence.first_day
            first, last = spans.get(day, (slot.start, slot.end))
            spans[day] = (min(first, slot.start), max(last, slot.end))
        days.update((day, first, last) for day, (first, last) in spans.items())
    by_day: dict[date, list[tuple[float, float]]] = {}
    for day, first, last in days:
        by_day.setdefault(day, []).append((first, last))

    def check(start: datetime, end: datetime) -> bool:
        begin, finish = start.timestamp(), end.timestamp()
        if finish - begin > limit:
            return True
        return any(
            max(last, finish) - min(first, begin) > limit
            for first, last in by_day.get(start.date(), ())
        )

    return check
