"""From the resolved programme to the :class:`Problem`: tasks, choices and what links them."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta
from itertools import combinations
from typing import TYPE_CHECKING

from planner.schedule.fixed import restrict_by_fixed
from planner.schedule.localtime import DAY, LocalClock
from planner.schedule.owntime import price_own_time
from planner.schedule.problem import (
    Choice,
    DayLimit,
    Precedence,
    Problem,
    Reason,
    Separation,
    Task,
    grid,
    minute_of,
)
from planner.schedule.settings import Rules
from planner.schedule.words import who
from planner.timeline import OpenSession, Programme

if TYPE_CHECKING:
    from planner.rules.settings import LongDaySettings

__all__ = ["build_problem"]


def build_problem(
    programme: Programme, sessions: Iterable[OpenSession], step: timedelta, rules: Rules
) -> Problem:
    """The problem of placing ``sessions`` among everything else in ``programme``."""
    problem = Problem()
    for session in sessions:
        base, step_minutes, count = grid(session, step)
        task = Task(
            session,
            _choices(programme, session),
            base,
            step_minutes,
            count,
            round(session.duration.total_seconds() / 60),
        )
        task.previous = _previous(task)
        problem.tasks.append(task)
    for index, task in enumerate(problem.tasks):
        if task.count == 0:
            reason = Reason(f"grid:{index}", "no start on the time grid fits in its window")
            problem.restrict(index, None, [(0, 1)], reason)
        restrict_by_fixed(problem, index, rules)
        price_own_time(problem, index, rules)
    _separate(problem, rules)
    _order(problem, rules)
    return problem


def _choices(programme: Programme, session: OpenSession) -> list[Choice]:
    found: list[Choice] = []
    transfer = session.origin_venue_id is not None or session.destination_venue_id is not None
    for venue_id in session.venue_ids:
        venue = programme.venues.get(venue_id) if venue_id else None
        if transfer:
            start = session.origin_venue_id or venue_id
            end = session.destination_venue_id or venue_id
            found.append(Choice(venue_id, None, start, end, None))
            continue
        online = venue is None or venue.online
        place = None if online else venue_id
        rooms: list[str | None] = [r for r in session.room_ids if venue and r in venue.rooms]
        for room in rooms or [None]:
            space = None
            if venue is not None and not online and session.online_url is None:
                space = (venue.id, room) if room or not venue.rooms else None
            found.append(Choice(venue_id, room, place, place, space))
    return found


def _previous(task: Task) -> tuple[int, int] | None:
    """Where a reopened session was, as (candidate, choice), if that is on its grid."""
    placed = task.session.placed
    if placed is None:
        return None
    offset = minute_of(placed.start) - task.base
    if offset % task.step or not 0 <= offset // task.step < task.count:
        return None
    for number, choice in enumerate(task.choices):
        if (choice.venue_id, choice.room_id) == (placed.venue_id, placed.room_id):
            return offset // task.step, number
    return None


def _overlapping_windows(a: Task, b: Task, slack: int) -> bool:
    return a.base < b.start(b.count) + b.length + slack and b.base < (
        a.start(a.count) + a.length + slack
    )


def _separate(problem: Problem, rules: Rules) -> None:
    """Tasks sharing people or a space may not overlap; people need time to travel."""
    tasks = problem.tasks
    slack = 24 * 60
    for a, b in combinations(range(len(tasks)), 2):
        first, second = tasks[a], tasks[b]
        if not _overlapping_windows(first, second, slack):
            continue
        shared = sorted(set(first.session.people) & set(second.session.people))
        allows = (first.session.allow, second.session.allow)
        people = bool(shared) and rules.hard("person-double-booked", *allows)
        travel = bool(shared) and rules.hard("travel-time", *allows)
        rooms = rules.hard("room-double-booked", *allows)
        gaps: dict[tuple[int, int], tuple[int, int]] = {}
        for i, one in enumerate(first.choices):
            for j, other in enumerate(second.choices):
                same_space = rooms and one.space is not None and one.space == other.space
                if not (people or same_space):
                    continue
                gaps[(i, j)] = _gaps(one, other, rules) if travel else (0, 0)
        if shared and rules.hard("long-day", *allows):
            _limit_day(problem, a, b, shared, rules)
        if not gaps:
            continue
        if people:
            both = f"{first.label} and {second.label}"
            text = f"{who(rules, shared)} cannot be in both {both} at once"
        else:
            text = f"{first.label} and {second.label} would share a room"
        key = f"pair:{a}:{b}"
        problem.separations.append(Separation(a, b, gaps, Reason(key, text)))


def _limit_day(problem: Problem, a: int, b: int, shared: list[str], rules: Rules) -> None:
    """Both on one local day: together they may not make the day too long (``long-day``)."""
    first, second = problem.tasks[a], problem.tasks[b]
    days_a, days_b = _days(first), _days(second)
    common = tuple((days_a[day], days_b[day]) for day in sorted(days_a.keys() & days_b.keys()))
    settings: LongDaySettings = rules.setting("long-day")
    if not common:
        return
    text = (
        f"{who(rules, shared)} may not have a day longer than {settings.max_hours:g} h with both "
        f"{first.label} and {second.label}"
    )
    limit = int(settings.max_hours * 60)
    problem.day_limits.append(DayLimit(a, b, common, limit, Reason(f"day:{a}:{b}", text)))


def _days(task: Task) -> dict[int, tuple[int, int]]:
    """Candidate ranges by local day (of the session's zone)."""
    found: dict[int, tuple[int, int]] = {}
    for candidate, minute in enumerate(LocalClock(task, task.session.timezone).minutes()):
        day = minute // DAY
        first, _ = found.get(day, (candidate, candidate))
        found[day] = (first, candidate + 1)
    return found


def _gaps(one: Choice, other: Choice, rules: Rules) -> tuple[int, int]:
    if one.start_place is None or other.start_place is None:
        return 0, 0
    forward = rules.trip(one.end_place, other.start_place)
    backward = rules.trip(other.end_place, one.start_place)
    return (forward.minutes if forward else 0), (backward.minutes if backward else 0)


def _order(problem: Problem, rules: Rules) -> None:
    """``after``: a session starts once the named sessions of its event have ended."""
    by_key = {task.session.key: index for index, task in enumerate(problem.tasks)}
    for index, task in enumerate(problem.tasks):
        for target in task.session.after:
            key = f"{task.session.event_id}/{target}"
            if key in by_key:
                text = f"{task.label} must start after `{target}` ends"
                reason = Reason(f"after:{index}:{key}", text, task.session.location)
                problem.precedences.append(Precedence(by_key[key], index, reason))
