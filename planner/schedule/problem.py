"""The scheduling problem in plain data: what to place, where it may go, and why not there.

Nothing here knows the solver. Time is in whole minutes from ``origin`` (UTC); each open
session (a :class:`Task`) starts at one of ``count`` candidates on its step grid, and at
one of its :class:`Choice` of venue and room. Everything the rules forbid is written as
data with the reason in words, so that the solver can enforce it and, when nothing fits,
the same reasons explain why:

- a :class:`Restriction` rules out some candidates of one task (a fixed session its people
  are in, a room already taken, an arrival, the event's dates, ...);
- a :class:`Separation` keeps two tasks apart (shared people or room; travel between);
- a :class:`Precedence` orders two tasks (``after``).

Soft rules (warnings) become :attr:`Task.costs`: a cost per candidate and choice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from planner.diagnostics import Location
from planner.timeline import OpenSession

__all__ = [
    "Choice",
    "DayLimit",
    "Precedence",
    "Problem",
    "Reason",
    "Restriction",
    "Separation",
    "Task",
    "minute_of",
]

Range = tuple[int, int]
"""Candidate indexes ``[first, stop)``."""


def minute_of(moment: datetime) -> int:
    """Whole minutes since the Unix epoch, rounded down."""
    return int(moment.timestamp() // 60)


@dataclass(frozen=True, slots=True)
class Choice:
    """Where a task may happen: a venue (None online) and a room (None: the whole venue)."""

    venue_id: str | None
    room_id: str | None
    start_place: str | None
    """The venue where it starts, as the travel rule sees it; None when online."""
    end_place: str | None
    space: tuple[str, str | None] | None
    """The bookable space it occupies (venue, room), or None (online, a transfer)."""


@dataclass(eq=False)
class Task:
    """One session to place."""

    session: OpenSession
    choices: list[Choice]
    base: int
    """Minute of the first candidate start."""
    step: int
    count: int
    """Number of candidate starts: ``base``, ``base + step``, ..."""
    length: int
    """Minutes."""
    costs: dict[int, list[int]] = field(default_factory=dict)
    """Soft cost of each candidate, by choice index; choices left out cost nothing."""
    previous: tuple[int, int] | None = None
    """(candidate, choice) the session had before it was reopened, when on the grid."""

    def start(self, candidate: int) -> int:
        return self.base + candidate * self.step

    def candidates(self, first_minute: float, stop_minute: float) -> Range:
        """Candidates whose start minute lies in ``[first_minute, stop_minute)``."""
        first = max(0, -int((self.base - first_minute) // self.step))
        stop = min(self.count, -int((self.base - stop_minute) // self.step))
        return first, max(first, stop)

    def moment(self, candidate: int) -> datetime:
        """A candidate start as an aware datetime in the session's zone."""
        start = datetime.fromtimestamp(self.start(candidate) * 60, UTC)
        return start.astimezone(self.session.timezone)

    @property
    def label(self) -> str:
        return f"`{self.session.id}`"


@dataclass(frozen=True, slots=True)
class Reason:
    """Why something is ruled out, in words; ``key`` groups what one reason rules out."""

    key: str
    text: str
    location: Location | None = None


@dataclass(frozen=True, slots=True)
class Restriction:
    """Candidates of one task that are ruled out, for one choice or (None) for all."""

    task: int
    choice: int | None
    ranges: tuple[Range, ...]
    reason: Reason


@dataclass(frozen=True, slots=True)
class Separation:
    """Two tasks that may not overlap.

    ``gaps[(choice_a, choice_b)] = (after_a, after_b)``: the minutes needed between the
    end of ``a`` and the start of ``b`` when ``a`` comes first, and the other way round.
    Choice pairs left out are unconstrained (two different rooms).
    """

    first: int
    second: int
    gaps: dict[tuple[int, int], tuple[int, int]]
    reason: Reason


@dataclass(frozen=True, slots=True)
class Precedence:
    """Task ``later`` starts once task ``earlier`` has ended."""

    earlier: int
    later: int
    reason: Reason


@dataclass(frozen=True, slots=True)
class DayLimit:
    """Two tasks sharing people, on the same local day, span at most ``limit`` minutes.

    ``days`` pairs the candidate ranges of each task that fall on one day (``long-day``).
    """

    first: int
    second: int
    days: tuple[tuple[Range, Range], ...]
    limit: int
    reason: Reason


@dataclass
class Problem:
    tasks: list[Task] = field(default_factory=list)
    restrictions: list[Restriction] = field(default_factory=list)
    separations: list[Separation] = field(default_factory=list)
    precedences: list[Precedence] = field(default_factory=list)
    day_limits: list[DayLimit] = field(default_factory=list)

    def restrict(self, task: int, choice: int | None, ranges: list[Range], reason: Reason) -> None:
        kept = tuple(found for found in ranges if found[1] > found[0])
        if kept:
            self.restrictions.append(Restriction(task, choice, kept, reason))


def grid(session: OpenSession, step: timedelta) -> tuple[int, int, int]:
    """(base minute, step minutes, count) of a session's candidate starts.

    Candidates sit on the step grid of the local clock (10:00, 10:05, ... for 5 min), from
    the window's start to the latest start that still ends inside the window.
    """
    step_minutes = max(1, round(step.total_seconds() / 60))
    local = session.window_start
    into_day = local.hour * 60 + local.minute
    shift = (-into_day) % step_minutes
    base = minute_of(session.window_start) + shift
    length = round(session.duration.total_seconds() / 60)
    latest = minute_of(session.window_end) - length
    count = 0 if latest < base else (latest - base) // step_minutes + 1
    return base, step_minutes, count


def components(problem: Problem) -> list[tuple[list[int], Problem]]:
    """The problem split into independent parts: tasks linked by no separation or precedence
    can be placed apart, and a small part is solved to the proven best far faster."""
    parent = list(range(len(problem.tasks)))

    def root(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    links = [(s.first, s.second) for s in problem.separations]
    links += [(p.earlier, p.later) for p in problem.precedences]
    links += [(d.first, d.second) for d in problem.day_limits]
    for a, b in links:
        parent[root(a)] = root(b)
    groups: dict[int, list[int]] = {}
    for index in range(len(problem.tasks)):
        groups.setdefault(root(index), []).append(index)
    return [(members, _part(problem, members)) for members in groups.values()]


def _part(problem: Problem, members: list[int]) -> Problem:
    renumber = {old: new for new, old in enumerate(members)}
    part = Problem(tasks=[problem.tasks[old] for old in members])
    part.restrictions = [
        Restriction(renumber[r.task], r.choice, r.ranges, r.reason)
        for r in problem.restrictions
        if r.task in renumber
    ]
    part.separations = [
        Separation(renumber[s.first], renumber[s.second], s.gaps, s.reason)
        for s in problem.separations
        if s.first in renumber
    ]
    part.day_limits = [
        DayLimit(renumber[d.first], renumber[d.second], d.days, d.limit, d.reason)
        for d in problem.day_limits
        if d.first in renumber
    ]
    part.precedences = [
        Precedence(renumber[p.earlier], renumber[p.later], p.reason)
        for p in problem.precedences
        if p.earlier in renumber
    ]
    return part
