"""The CP-SAT model of a :class:`Problem`.

One integer per task (its candidate start on the step grid), one Boolean per choice of
venue and room (exactly one true), an interval per task for its people and an optional
interval per bookable space. Restrictions cut candidates out of the domain; separations
and precedences are linear constraints; costs are looked up by candidate (an element
constraint). With ``explain``, every reason gets its own literal, so that the solver's
assumptions can name the smallest set of reasons that cannot all hold.

OR-Tools is imported here only, so the rest of planner starts without it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from planner.schedule.problem import Problem, Range, Reason, Task

if TYPE_CHECKING:
    from ortools.sat.python import cp_model

__all__ = ["Built", "build_model"]


@dataclass
class Built:
    model: cp_model.CpModel
    starts: list[cp_model.IntVar]
    """Candidate index of each task."""
    chosen: list[list[Any]]
    """Per task, per choice: a literal (or the constant True for a single choice)."""
    reasons: dict[int, Reason] = field(default_factory=dict)
    """Assumption literal index -> the reason it stands for (``explain`` only)."""
    literals: dict[int, Any] = field(default_factory=dict)
    """Assumption literal index -> the literal."""


def _allowed(task: Task, ranges: Iterable[Range]) -> list[list[int]]:
    """The complement of ``ranges`` within the task's candidates, as closed intervals."""
    allowed: list[list[int]] = []
    position = 0
    for first, stop in sorted(ranges):
        if first > position:
            allowed.append([position, first - 1])
        position = max(position, stop)
    if position < task.count:
        allowed.append([position, task.count - 1])
    return allowed


class _Builder:
    def __init__(self, problem: Problem, explain: bool) -> None:
        from ortools.sat.python import cp_model

        self.cp = cp_model
        self.problem = problem
        self.explain = explain
        self.model = cp_model.CpModel()
        self.starts: list[Any] = []
        self.chosen: list[list[Any]] = []
        self.literals: dict[str, Any] = {}
        self.reasons: dict[int, Reason] = {}
        self.by_index: dict[int, Any] = {}
        self.days: dict[str, Any] = {}

    def guard(self, reason: Reason) -> list[Any]:
        """The enforcement literals for a constraint with this reason (none unless explaining)."""
        if not self.explain:
            return []
        literal = self.literals.get(reason.key)
        if literal is None:
            literal = self.model.new_bool_var(reason.key)
            self.literals[reason.key] = literal
            self.reasons[literal.Index()] = reason
            self.by_index[literal.Index()] = literal
        return [literal]

    def start_expr(self, index: int) -> Any:
        task = self.problem.tasks[index]
        return self.starts[index] * task.step + task.base

    def when(self, index: int, choice: int | None) -> list[Any]:
        if choice is None or len(self.chosen[index]) == 1:
            return []
        return [self.chosen[index][choice]]

    def tasks(self) -> None:
        merged = self._merged() if not self.explain else {}
        for index, task in enumerate(self.problem.tasks):
            everywhere = merged.get((index, None), [])
            domain = self.cp.Domain.FromIntervals(_allowed(task, everywhere) or [])
            if len(task.choices) == 1:
                single = _allowed(task, [*everywhere, *merged.get((index, 0), [])])
                domain = self.cp.Domain.FromIntervals(single or [])
            if task.count == 0 or domain.is_empty():
                domain = self.cp.Domain(0, 0)
                if not self.explain:
                    self.model.add_bool_or([])  # nothing fits: the model is infeasible
            self.starts.append(self.model.new_int_var_from_domain(domain, f"start{index}"))
            if len(task.choices) == 1:
                self.chosen.append([self.model.new_constant(1)])
                continue
            literals = [self.model.new_bool_var(f"at{index}:{n}") for n in range(len(task.choices))]
            self.model.add_exactly_one(literals)
            self.chosen.append(literals)
            for number in range(len(task.choices)):
                ranges = merged.get((index, number))
                if ranges:
                    self._forbid(index, number, ranges, [])

    def _merged(self) -> dict[tuple[int, int | None], list[Range]]:
        merged: dict[tuple[int, int | None], list[Range]] = {}
        for restriction in self.problem.restrictions:
            key = (restriction.task, restriction.choice)
            merged.setdefault(key, []).extend(restriction.ranges)
        return merged

    def _forbid(
        self, index: int, choice: int | None, ranges: list[Range], guard: list[Any]
    ) -> None:
        task = self.problem.tasks[index]
        allowed = _allowed(task, ranges)
        enforce = [*self.when(index, choice), *guard]
        if not allowed:
            self.model.add_bool_or([literal.Not() for literal in enforce])
            return
        domain = self.cp.Domain.FromIntervals(allowed)
        self.model.add_linear_expression_in_domain(self.starts[index], domain).only_enforce_if(
            enforce
        )

    def restrictions(self) -> None:
        if not self.explain:
            return  # merged into the domains
        for restriction in self.problem.restrictions:
            guard = self.guard(restriction.reason)
            self._forbid(restriction.task, restriction.choice, list(restriction.ranges), guard)

    def separations(self) -> None:
        tasks = self.problem.tasks
        for separation in self.problem.separations:
            a, b = separation.first, separation.second
            if not self.explain and all(gap == (0, 0) for gap in separation.gaps.values()):
                continue  # the no-overlap constraints below hold these
            guard = self.guard(separation.reason)
            a_first = self.model.new_bool_var(f"order{a}:{b}")
            for (i, j), (after_a, after_b) in sorted(separation.gaps.items()):
                both = [*self.when(a, i), *self.when(b, j), *guard]
                self.model.add(
                    self.start_expr(b) >= self.start_expr(a) + tasks[a].length + after_a
                ).only_enforce_if([a_first, *both])
                self.model.add(
                    self.start_expr(a) >= self.start_expr(b) + tasks[b].length + after_b
                ).only_enforce_if([a_first.Not(), *both])

    def no_overlaps(self) -> None:
        """Per person and per space: redundant with the separations, but they propagate well."""
        if self.explain:
            return
        by_person: dict[str, list[Any]] = {}
        by_space: dict[tuple[str, str | None], list[Any]] = {}
        for index, task in enumerate(self.problem.tasks):
            start = self.start_expr(index)
            interval = self.model.new_interval_var(start, task.length, start + task.length, "")
            for person_id in task.session.people:
                by_person.setdefault(person_id, []).append(interval)
            for number, choice in enumerate(task.choices):
                if choice.space is None:
                    continue
                literal = self.chosen[index][number]
                optional = self.model.new_optional_interval_var(
                    start, task.length, start + task.length, literal, ""
                )
                by_space.setdefault(choice.space, []).append(optional)
        linked = self._separated_people()
        for person_id, intervals in sorted(by_person.items()):
            if len(intervals) > 1 and person_id in linked:
                self.model.add_no_overlap(intervals)
        for _space, intervals in sorted(by_space.items(), key=lambda item: str(item[0])):
            if len(intervals) > 1:
                self.model.add_no_overlap(intervals)

    def _separated_people(self) -> set[str]:
        """People whose sessions must not overlap (a session may ``allow`` it)."""
        tasks = self.problem.tasks
        people: set[str] = set()
        for separation in self.problem.separations:
            first, second = tasks[separation.first], tasks[separation.second]
            people.update(set(first.session.people) & set(second.session.people))
        return people

    def day_limits(self) -> None:
        """``long-day`` between two open sessions: on one day, first start to last end."""
        for limit in self.problem.day_limits:
            a, b = limit.first, limit.second
            guard = self.guard(limit.reason)
            for range_a, range_b in limit.days:
                both = [self._on(a, range_a), self._on(b, range_b), *guard]
                tasks = self.problem.tasks
                self.model.add(
                    self.start_expr(b) + tasks[b].length - self.start_expr(a) <= limit.limit
                ).only_enforce_if(both)
                self.model.add(
                    self.start_expr(a) + tasks[a].length - self.start_expr(b) <= limit.limit
                ).only_enforce_if(both)

    def _on(self, index: int, candidates: Range) -> Any:
        """A literal that is true whenever the task starts within ``candidates``."""
        key = f"on{index}:{candidates[0]}:{candidates[1]}"
        literal = self.days.get(key)
        if literal is None:
            literal = self.model.new_bool_var(key)
            self.days[key] = literal
            outside = _allowed(self.problem.tasks[index], [candidates])
            if outside:
                domain = self.cp.Domain.FromIntervals(outside)
                self.model.add_linear_expression_in_domain(
                    self.starts[index], domain
                ).only_enforce_if(literal.Not())
            else:
                self.model.add(literal == 1)
        return literal

    def precedences(self) -> None:
        for precedence in self.problem.precedences:
            earlier, later = precedence.earlier, precedence.later
            length = self.problem.tasks[earlier].length
            self.model.add(
                self.start_expr(later) >= self.start_expr(earlier) + length
            ).only_enforce_if(self.guard(precedence.reason))

    def objective(self) -> None:
        """Fewest warnings first; then, for reopened sessions, staying put; then earliest."""
        tasks = self.problem.tasks
        spread = sum(task.count for task in tasks) + 1
        reopened = sum(task.previous is not None for task in tasks)
        penalties: list[Any] = []
        moves: list[Any] = []
        for index, task in enumerate(tasks):
            penalties.extend(self._costs(index, task))
            if task.previous is not None:
                moves.append(self._moved(index, task.previous))
        self.model.minimize(
            sum(penalties) * spread * (reopened + 1) + sum(moves) * spread + sum(self.starts)
        )

    def _costs(self, index: int, task: Task) -> list[Any]:
        """A Boolean per run of equally costly candidates: starting in the run sets it.

        Costs come in a few long runs (a night, a closed day), so this is far smaller for
        the solver than looking a cost up by candidate.
        """
        found = []
        for number, costs in sorted(task.costs.items()):
            for first, stop, cost in _cost_runs(costs):
                charged = self.model.new_bool_var(f"cost{index}:{number}:{first}")
                outside = _allowed(task, [(first, stop)])
                enforce = [charged.Not(), *self.when(index, number)]
                if not outside:
                    self.model.add_bool_or([literal.Not() for literal in enforce])
                else:
                    domain = self.cp.Domain.FromIntervals(outside)
                    self.model.add_linear_expression_in_domain(
                        self.starts[index], domain
                    ).only_enforce_if(enforce)
                found.append(charged * cost)
        return found

    def _moved(self, index: int, previous: tuple[int, int]) -> Any:
        candidate, choice = previous
        stays = self.model.new_bool_var(f"stays{index}")
        self.model.add(self.starts[index] == candidate).only_enforce_if(stays)
        if len(self.chosen[index]) > 1:
            self.model.add_implication(stays, self.chosen[index][choice])
        return stays.Not()


def _cost_runs(costs: list[int]) -> list[tuple[int, int, int]]:
    """``(first, stop, cost)`` for each run of equal, positive costs."""
    runs = []
    first = 0
    for position in range(1, len(costs) + 1):
        if position == len(costs) or costs[position] != costs[first]:
            if costs[first] > 0:
                runs.append((first, position, costs[first]))
            first = position
    return runs


def build_model(problem: Problem, *, explain: bool = False) -> Built:
    builder = _Builder(problem, explain)
    builder.tasks()
    builder.restrictions()
    builder.separations()
    builder.no_overlaps()
    builder.precedences()
    builder.day_limits()
    if not explain:
        builder.objective()
    return Built(builder.model, builder.starts, builder.chosen, builder.reasons, builder.by_index)
