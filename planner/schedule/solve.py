"""Solving the model: placements, or why there are none, or that time ran out.

The solver runs on one worker with a fixed seed, so the same file gives the same answer.
When no placement exists, a second model gives every reason an assumption literal; the
solver's sufficient assumptions for infeasibility are then shrunk one by one to a small
set that still cannot hold together, and those reasons are what the user reads.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from planner.schedule.model import Built, build_model
from planner.schedule.problem import Choice, Problem, Reason, Task, components

__all__ = ["Impossible", "OutOfTime", "Placed", "Placement", "solve"]

_SEED = 20161011


@dataclass(frozen=True, slots=True)
class Placement:
    """Where and when one session goes."""

    task: Task
    start: datetime
    choice: Choice

    @property
    def end(self) -> datetime:
        return self.start + timedelta(minutes=self.task.length)

    @property
    def moved(self) -> bool:
        """Whether a reopened session changed; an open one always counts as moved."""
        placed = self.task.session.placed
        if placed is None:
            return True
        return (placed.start, placed.venue_id, placed.room_id) != (
            self.start,
            self.choice.venue_id,
            self.choice.room_id,
        )


@dataclass(frozen=True, slots=True)
class Placed:
    placements: tuple[Placement, ...]
    best: bool
    """Proven the best placement (else the best found before the time limit)."""
    seconds: float


@dataclass(frozen=True, slots=True)
class Impossible:
    """No placement exists; ``reasons`` per task index: the smallest set found."""

    tasks: tuple[int, ...]
    reasons: tuple[Reason, ...]
    seconds: float
    complete: bool
    """Whether the set was shrunk to the end (not cut short by the time limit)."""


@dataclass(frozen=True, slots=True)
class OutOfTime:
    seconds: float


Outcome = Placed | Impossible | OutOfTime


def _solver(seconds: float) -> Any:
    from ortools.sat.python import cp_model

    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = _SEED
    solver.parameters.max_time_in_seconds = max(0.01, seconds)
    return solver


def solve(problem: Problem, time_limit: float) -> Outcome:
    """Place every task of ``problem``, spending at most ``time_limit`` seconds in all.

    Independent parts (no shared people, rooms or order) are solved one by one, smallest
    first; the first part with no placement is explained.
    """
    began = time.perf_counter()
    deadline = began + time_limit
    placements: dict[int, Placement] = {}
    best = True
    parts = sorted(components(problem), key=lambda part: (len(part[0]), part[0]))
    for members, part in parts:
        outcome = _solve_part(part, deadline)
        if isinstance(outcome, Impossible):
            tasks = tuple(members[index] for index in outcome.tasks)
            return Impossible(tasks, outcome.reasons, time.perf_counter() - began, outcome.complete)
        if isinstance(outcome, OutOfTime):
            return OutOfTime(time.perf_counter() - began)
        best = best and outcome.best
        for index, placement in zip(members, outcome.placements, strict=True):
            placements[index] = placement
    ordered = tuple(placements[index] for index in range(len(problem.tasks)))
    return Placed(ordered, best, time.perf_counter() - began)


def _solve_part(problem: Problem, deadline: float) -> Outcome:
    from ortools.sat.python import cp_model

    began = time.perf_counter()
    built = build_model(problem)
    solver = _solver(deadline - began)
    status = solver.solve(built.model)
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        placements = tuple(_placement(problem, built, solver, n) for n in range(len(problem.tasks)))
        return Placed(placements, status == cp_model.OPTIMAL, time.perf_counter() - began)
    if status == cp_model.INFEASIBLE:
        return _explain(problem, max(deadline - time.perf_counter(), 1.0), began)
    return OutOfTime(time.perf_counter() - began)


def _placement(problem: Problem, built: Built, solver: Any, index: int) -> Placement:
    task = problem.tasks[index]
    candidate = solver.value(built.starts[index])
    choice = next(
        number
        for number, literal in enumerate(built.chosen[index])
        if len(built.chosen[index]) == 1 or solver.boolean_value(literal)
    )
    return Placement(task, task.moment(candidate), task.choices[choice])


def _explain(problem: Problem, time_limit: float, began: float) -> Impossible:
    from ortools.sat.python import cp_model

    built = build_model(problem, explain=True)
    deadline = time.perf_counter() + time_limit
    literals = sorted(built.reasons)
    core = _core(built, literals, deadline)
    complete = core is not None
    if core is None:
        core = literals
    else:
        for literal in list(core):
            trial = [kept for kept in core if kept != literal]
            status = _check(built, trial, deadline)
            if status == cp_model.INFEASIBLE:
                core = trial
            elif status not in (cp_model.FEASIBLE, cp_model.OPTIMAL):
                complete = False
                break
    reasons = tuple(built.reasons[literal] for literal in core)
    tasks = _tasks_of(problem, reasons)
    return Impossible(tasks, reasons, time.perf_counter() - began, complete)


def _core(built: Built, literals: list[int], deadline: float) -> list[int] | None:
    from ortools.sat.python import cp_model

    model = built.model
    model.clear_assumptions()
    model.add_assumptions([built.literals[index] for index in literals])
    solver = _solver(deadline - time.perf_counter())
    if solver.solve(model) != cp_model.INFEASIBLE:
        return None
    return sorted(solver.sufficient_assumptions_for_infeasibility())


def _check(built: Built, literals: list[int], deadline: float) -> Any:
    from ortools.sat.python import cp_model

    left = deadline - time.perf_counter()
    if left <= 0:
        return cp_model.UNKNOWN
    built.model.clear_assumptions()
    built.model.add_assumptions([built.literals[index] for index in literals])
    return _solver(left).solve(built.model)


def _tasks_of(problem: Problem, reasons: tuple[Reason, ...]) -> tuple[int, ...]:
    """The tasks the reasons concern (restrictions, separations, precedences)."""
    keys = {reason.key for reason in reasons}
    found: set[int] = set()
    for restriction in problem.restrictions:
        if restriction.reason.key in keys:
            found.add(restriction.task)
    for separation in problem.separations:
        if separation.reason.key in keys:
            found.update((separation.first, separation.second))
    for precedence in problem.precedences:
        if precedence.reason.key in keys:
            found.update((precedence.earlier, precedence.later))
    for limit in problem.day_limits:
        if limit.reason.key in keys:
            found.update((limit.first, limit.second))
    if not found:
        found.update(n for n, task in enumerate(problem.tasks) if task.count == 0)
    return tuple(sorted(found))
