"""A schedule's first day when nothing of it has a time yet (every session still open)."""

from __future__ import annotations

from datetime import date

from planner.exporters.base import Selection
from planner.timeline import Programme, Session

__all__ = ["NoSchedule", "first_known_day"]


class NoSchedule(ValueError):
    """Nothing to put in a schedule: the programme has no session."""


def first_known_day(programme: Programme, selection: Selection) -> date:
    """The first day of the selection's sessions (else of all the programme's), or of the
    open sessions' windows when none has a time; :class:`NoSchedule` without any session."""
    sessions: tuple[Session, ...] = selection.sessions(programme) or programme.sessions
    known = [s.start.date() for s in sessions] or [
        found.window_start.date()
        for found in programme.unscheduled
        if selection.event in (None, found.event_id)
    ]
    if not known:
        raise NoSchedule("the programme has no session, so there is no schedule to write")
    return min(known)
