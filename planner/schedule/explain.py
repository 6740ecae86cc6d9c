"""Why nothing fits, in plain words, at the lines of the sessions concerned."""

from __future__ import annotations

from planner.diagnostics import Diagnostic, Location, Severity
from planner.rules.text import duration
from planner.schedule.problem import Problem, Reason
from planner.schedule.solve import Impossible
from planner.schedule.words import span_words

__all__ = ["explain"]


def explain(problem: Problem, impossible: Impossible) -> list[Diagnostic]:
    """One ``unschedulable`` error per session in the smallest conflicting set found."""
    keys = {reason.key for reason in impossible.reasons}
    found = []
    for index in impossible.tasks:
        task = problem.tasks[index]
        session = task.session
        reasons = _reasons_of(problem, index, keys)
        window = span_words(session.window_start, session.window_end).removeprefix("from ")
        but = "; and ".join(reason.text for reason in reasons) or "no start on its grid fits"
        message = (
            f"`{session.id}` ({duration(session.duration)}) must lie between "
            f"{window.replace(' to ', ' and ', 1)}, but {but}"
        )
        if not impossible.complete:
            message += " (the search for the smallest set of reasons was cut short)"
        related = tuple(
            dict.fromkeys(r.location for r in reasons if isinstance(r.location, Location))
        )
        found.append(
            Diagnostic(
                "unschedulable",
                Severity.ERROR,
                message,
                session.location,
                related,
                (session.key,),
                session.people,
            )
        )
    return found


def _reasons_of(problem: Problem, index: int, keys: set[str]) -> list[Reason]:
    reasons: dict[str, Reason] = {}
    for restriction in problem.restrictions:
        if restriction.task == index and restriction.reason.key in keys:
            reasons.setdefault(restriction.reason.key, restriction.reason)
    for separation in problem.separations:
        if index in (separation.first, separation.second) and separation.reason.key in keys:
            reasons.setdefault(separation.reason.key, separation.reason)
    for limit in problem.day_limits:
        if index in (limit.first, limit.second) and limit.reason.key in keys:
            reasons.setdefault(limit.reason.key, limit.reason)
    for precedence in problem.precedences:
        if index in (precedence.earlier, precedence.later) and precedence.reason.key in keys:
            reasons.setdefault(precedence.reason.key, precedence.reason)
    return list(reasons.values())
