"""``schedule_file``: the whole of ``planner schedule`` as a library call.

Load the programme, pick the sessions to place (the open ones and any reopened), build
the problem, solve it, write the placements into the YAML text, and check the result
with the real rules (``planner validate``) before anyone writes it to disk.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from planner.diagnostics import Diagnostic, Severity
from planner.loading import LoadResult, load_programme, max_bytes_from_env
from planner.loading.files import read_programme_files
from planner.schedule.build import build_problem
from planner.schedule.explain import explain
from planner.schedule.problem import Problem
from planner.schedule.settings import Rules
from planner.schedule.solve import Impossible, Outcome, OutOfTime, Placed, solve
from planner.schedule.writeback import Edited, edit_files
from planner.timeline import OpenSession, Programme

__all__ = ["Impossible", "OutOfTime", "Placed", "ReopenError", "ScheduleResult", "schedule_file"]


class ReopenError(ValueError):
    """``--reopen`` names a session that is not there or has no window."""


@dataclass
class ScheduleResult:
    """What ``planner schedule`` found; ``outcome`` is None when the file did not load."""

    loading: tuple[Diagnostic, ...]
    outcome: Outcome | None = None
    problem: Problem | None = None
    edited: list[Edited] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    """Why nothing fits, or (never expected) rules the written result would break."""

    @property
    def ok(self) -> bool:
        return isinstance(self.outcome, Placed) and not self.diagnostics


def schedule_file(
    path: str | os.PathLike[str],
    *,
    reopen: Sequence[str] = (),
    step: timedelta = timedelta(minutes=5),
    time_limit: float = 30.0,
    max_bytes: int | None = None,
) -> ScheduleResult:
    """Place the open sessions of the programme at ``path``; nothing is written to disk."""
    limit = max_bytes or max_bytes_from_env()
    # Parsed once: loading reads these, and the write-back edits the text at their keys.
    sources = read_programme_files(Path(path), limit)
    loaded = load_programme(path, max_bytes=limit, sources=sources)
    result = ScheduleResult(loaded.diagnostics)
    programme = loaded.programme
    if programme is None:
        return result
    chosen = [*programme.unscheduled, *_reopened(programme, reopen)]
    if not chosen:
        return result
    keys = frozenset(found.key for found in chosen if found.placed is not None)
    rules = Rules(programme, keys)
    problem = build_problem(programme, chosen, step, rules)
    result.problem = problem
    result.outcome = solve(problem, time_limit)
    if isinstance(result.outcome, Impossible):
        result.diagnostics = explain(problem, result.outcome)
    elif isinstance(result.outcome, Placed):
        result.edited = edit_files(sources, result.outcome.placements, limit)
        placed = {placement.task.session.key for placement in result.outcome.placements}
        result.diagnostics = _broken_rules(Path(path), loaded, result.edited, placed)
    return result


def _reopened(programme: Programme, ids: Sequence[str]) -> list[OpenSession]:
    by_key = {found.key: found for found in programme.open_sessions}
    by_id: dict[str, list[OpenSession]] = {}
    for found in programme.open_sessions:
        by_id.setdefault(found.id, []).append(found)
    chosen: list[OpenSession] = []
    for wanted in ids:
        matches = [by_key[wanted]] if wanted in by_key else by_id.get(wanted, [])
        if len(matches) > 1:
            keys = ", ".join(found.key for found in matches)
            raise ReopenError(f"`{wanted}` is in several events ({keys}); write event/session")
        if not matches:
            known = {session.id for session in programme.sessions} | {
                session.key for session in programme.sessions
            }
            if wanted in known:
                raise ReopenError(
                    f"`{wanted}` has no `window` to move within; give it one to reopen it"
                )
            raise ReopenError(f"there is no session `{wanted}`")
        if matches[0].placed is not None and matches[0] not in chosen:
            chosen.append(matches[0])
    return chosen


def _broken_rules(
    root: Path, loaded: LoadResult, edited: list[Edited], placed: set[str]
) -> list[Diagnostic]:
    """Errors that ``planner validate`` finds in the result and that involve a placed session.

    The model is built from the same rules, so this should find nothing; it is the last
    guard before a file is written, and what the property tests check.
    """
    from planner.rules import check_programme
    from planner.validation import validate_file

    programme = loaded.programme
    assert programme is not None
    texts = {item.path: item.after for item in edited}
    folder = root.resolve().parent
    with tempfile.TemporaryDirectory(prefix="planner-schedule-") as scratch:
        for display in programme.files:
            source = Path(display).resolve()
            target = Path(scratch) / source.relative_to(folder)
            target.parent.mkdir(parents=True, exist_ok=True)
            text = texts.get(source)
            target.write_text(text if text is not None else source.read_text("utf-8"), "utf-8")
        report = validate_file(Path(scratch) / root.name)
    found = [
        diagnostic
        for diagnostic in report.diagnostics
        if diagnostic.severity is Severity.ERROR
        and (placed.intersection(diagnostic.sessions) or not diagnostic.sessions)
    ]
    if found:
        # What the input already broke, from the programme loaded above (not read again).
        already = [*loaded.diagnostics, *check_programme(programme)]
        before = {(d.code, d.message) for d in already}
        found = [d for d in found if (d.code, d.message) not in before]
    return found
