"""Rules that depend only on a session's own time and place, checked candidate by candidate.

Opening hours, public holidays, weekends, night and long days: for each candidate start
and choice of venue, the rule's test says whether it would fire. Under an ``error``
setting the firing candidates are ruled out (a restriction); under ``warning`` or
``info`` they cost something, so the solver avoids them when it can.

A window holds a thousand candidates or more, so the tests run on whole minutes of local
time (see :mod:`planner.schedule.localtime`) with per-day answers cached, not on
datetimes.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterator
from datetime import date
from typing import TYPE_CHECKING

from planner.rules.calendars import holiday_name, is_weekend
from planner.rules.night_session import night_window
from planner.schedule.localtime import (
    DAY,
    LocalClock,
    closed_or_outside,
    day_of,
    days_touched,
    night_overlaps,
    span_minutes,
)
from planner.schedule.problem import Choice, Problem, Range, Reason, Task
from planner.schedule.settings import Rules
from planner.timeline import Venue

if TYPE_CHECKING:
    from planner.rules.settings import NightSettings

__all__ = ["price_own_time"]

Fired = Callable[[], list[bool]]
"""For every candidate, whether it would make the rule fire (computed when needed)."""


def price_own_time(problem: Problem, index: int, rules: Rules) -> None:
    task = problem.tasks[index]
    allow = task.session.allow
    for number, choice in enumerate(task.choices):
        costs = [0] * task.count
        for code, text, fired in _checks(task, choice, rules):
            hard, weight = rules.hard(code, allow), rules.cost(code, allow)
            if not hard and not weight:
                continue
            hits = fired()
            if hard:
                reason = Reason(f"{code}:{index}:{number}", text)
                problem.restrict(index, number, list(_runs(hits)), reason)
            elif any(hits):
                costs = [cost + weight * hit for cost, hit in zip(costs, hits, strict=True)]
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


def _checks(task: Task, choice: Choice, rules: Rules) -> Iterator[tuple[str, str, Fired]]:
    session = task.session
    venue = rules.programme.venues.get(choice.venue_id) if choice.venue_id else None
    transfer = session.origin_venue_id is not None or session.destination_venue_id is not None
    if venue is not None and not venue.online and venue.hours is not None and not transfer:
        text = f"{venue.name} is open only {_hours(venue)}"
        yield "outside-venue-hours", text, lambda: _outside_hours(task, venue)
    country_venue = rules.programme.venues.get(choice.venue_id or session.origin_venue_id or "")
    if country_venue is not None and country_venue.country:
        country = country_venue.country
        yield (
            "public-holiday",
            f"public holidays in {country}",
            lambda: _on_days(task, lambda day: holiday_name(country, day) is not None),
        )
        yield (
            "weekend",
            f"weekends in {country}",
            lambda: _on_days(task, lambda day: is_weekend(country, day)),
        )
    night = rules.setting("night-session")
    yield (
        "night-session",
        f"the night ({night.night_from}-{night.night_to})",
        lambda: _night(task, choice, rules, night),
    )
    long_day = rules.setting("long-day")
    yield (
        "long-day",
        f"days longer than {long_day.max_hours:g} h",
        lambda: _long_day(task, rules, long_day.max_hours * 60),
    )


def _hours(venue: Venue) -> str:
    assert venue.hours is not None
    spans = {span for span in venue.hours.by_weekday if span is not None}
    if len(spans) == 1:
        opening, closing = next(iter(spans))
        return f"{opening:%H:%M}-{closing:%H:%M}"
    return "at its opening hours"


def _outside_hours(task: Task, venue: Venue) -> list[bool]:
    hours = venue.hours
    assert hours is not None
    length = task.length
    spans: dict[int, tuple[int, int] | None] = {}
    fired = []
    for minute in LocalClock(task, venue.timezone).minutes():
        day, into = divmod(minute, DAY)
        if into + length > DAY:  # runs past midnight: the general test
            fired.append(closed_or_outside(hours, minute, length))
            continue
        if day not in spans:
            spans[day] = span_minutes(hours, day)
        span = spans[day]
        fired.append(span is None or into < span[0] or into + length > span[1])
    return fired


def _on_days(task: Task, test: Callable[[date], bool]) -> list[bool]:
    minutes = LocalClock(task, task.session.timezone).minutes()
    if task.length > DAY:
        return [any(test(day_of(day)) for day in days_touched(m, task.length)) for m in minutes]
    last = max(task.length, 1) - 1
    firsts = [minute // DAY for minute in minutes]
    lasts = [(minute + last) // DAY for minute in minutes]
    found = {day: test(day_of(day)) for day in {*firsts, *lasts}}
    return [found[first] or found[final] for first, final in zip(firsts, lasts, strict=True)]


def _night(task: Task, choice: Choice, rules: Rules, settings: NightSettings) -> list[bool]:
    opening, closing = night_window(settings)
    begins, ends = opening.hour * 60 + opening.minute, closing.hour * 60 + closing.minute
    venue = rules.programme.venues.get(choice.start_place) if choice.start_place else None
    zones = [venue.timezone] if venue is not None else rules.home_zones(task.session)
    fired = [False] * task.count
    length = task.length
    for zone in zones:
        minutes = LocalClock(task, zone).minutes()
        if ends < begins:  # the usual night, across midnight: day is [ends, begins)
            hits = [not (ends <= m % DAY and m % DAY + length <= begins) for m in minutes]
        else:
            hits = [night_overlaps(m, length, (begins, ends)) for m in minutes]
        fired = [a or b for a, b in zip(fired, hits, strict=True)]
    return fired


def _long_day(task: Task, rules: Rules, limit: float) -> list[bool]:
    """A person's day (first start to last end) would exceed the limit with this session.

    For a day from ``first`` to ``last`` (UTC minutes), a start ``b`` makes it too long
    when ``b < last - limit`` or ``b + length > first + limit``. A day already too long
    without the session is reported anyway; the session must then not stretch it (which
    would change what is reported).
    """
    if task.length > limit:
        return [True] * task.count
    skip = rules.reopened | {task.session.key}
    by_day: dict[int, set[tuple[int, int]]] = {}
    for person_id in task.session.people:
        for day, (first, last) in rules.day_spans(person_id, skip).items():
            by_day.setdefault(day, set()).add((first, last))
    fired = [False] * task.count
    minutes = LocalClock(task, task.session.timezone).minutes()
    for day, spans in by_day.items():
        low, high = bisect_left(minutes, day * DAY), bisect_left(minutes, (day + 1) * DAY)
        for first, last in spans:
            # A day already too long gets a new finding once the session stretches it.
            too_long = last - first > limit
            earliest, latest = (first, last) if too_long else (last - limit, first + limit)
            for candidate in range(low, high):
                begin = task.base + candidate * task.step
                if begin < earliest or begin + task.length > latest:
                    fired[candidate] = True
    return fired
