"""The same session under another key: renamed, placed by ``planner schedule``, opened again.

An open session (a ``window`` and no time) is not in the timeline, so without this a
session placed between two versions would read "added", and one opened again "removed":
both wrong for a reviewer, who should see that the same session got (or lost) its time.
A session is matched with an open one of the other version by its key, or else by its
event and title when exactly one session on each side has them (an id derived from the
title and date changes when the session gets a date).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from planner.diff.describe import describe_when, describe_where
from planner.timeline import Programme, Session
from planner.timeline.open_sessions import OpenSession

__all__ = ["Regained", "match_open", "no_time_yet", "pair_renamed"]

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True, slots=True)
class Regained:
    """A timed session and its open counterpart in the other version, in words."""

    session: Session
    when: tuple[str, str]
    """(before, after) of the "when" field."""
    where: tuple[str, str]


def no_time_yet(found: OpenSession) -> str:
    """``no time yet (window Tue 11 Oct 2016 09:00 - Wed 12 Oct 2016 18:00 KST)``."""
    zone = found.window_end.tzname() or found.timezone.key
    return (
        f"no time yet (window {_moment(found.window_start)} - {_moment(found.window_end)} {zone})"
    )


def _moment(at: datetime) -> str:
    return f"{_DAYS[at.weekday()]} {at.day} {_MONTHS[at.month - 1]} {at.year} {at:%H:%M}"


def _candidates(found: OpenSession, programme: Programme) -> str:
    names = []
    for venue_id in found.venue_ids:
        venue = programme.venues.get(venue_id) if venue_id else None
        names.append(venue.name if venue else (venue_id or "online"))
    return names[0] if len(names) == 1 else "one of " + ", ".join(names)


_Titled = dict[tuple[str, str], list[OpenSession]]


def _index(found: Iterable[OpenSession]) -> tuple[dict[str, OpenSession], _Titled]:
    by_key: dict[str, OpenSession] = {}
    by_title: _Titled = {}
    for open_session in found:
        by_key[open_session.key] = open_session
        by_title.setdefault((open_session.event_id, open_session.title), []).append(open_session)
    return by_key, by_title


def _counterparts(
    sessions: Sequence[Session], programme: Programme
) -> list[tuple[Session, OpenSession]]:
    by_key, by_title = _index(programme.unscheduled)
    titles = Counter((session.event_id, session.title) for session in sessions)
    found = []
    for session in sessions:
        title = (session.event_id, session.title)
        match = by_key.get(session.key)
        same_title = by_title.get(title, [])
        if match is None and len(same_title) == 1 and titles[title] == 1:
            match = same_title[0]
        if match is not None:
            found.append((session, match))
    return found


def match_open(
    removed: Sequence[Session], added: Sequence[Session], old: Programme, new: Programme
) -> tuple[list[Regained], list[Regained]]:
    """(placed, opened): added sessions that were open in OLD, removed ones open in NEW."""
    placed = [
        Regained(
            session,
            (no_time_yet(found), describe_when(session)),
            (_candidates(found, old), describe_where(session, new)),
        )
        for session, found in _counterparts(added, old)
    ]
    opened = [
        Regained(
            session,
            (describe_when(session), no_time_yet(found)),
            (describe_where(session, old), _candidates(found, new)),
        )
        for session, found in _counterparts(removed, new)
    ]
    return placed, opened


def pair_renamed(removed: list[Session], added: list[Session]) -> list[tuple[Session, Session]]:
    """Sessions whose id changed: one removed and one added, same event and same title.

    A session without an explicit ``id`` gets one from its title and date, so moving it to
    another day changes its id. Shown as removed + added, the review would hide that it is
    the same session (and that calendars will see a new event); paired, it reads "moved".
    """

    def by_title(sessions: list[Session]) -> dict[tuple[str, str], list[Session]]:
        groups: dict[tuple[str, str], list[Session]] = {}
        for session in sessions:
            groups.setdefault((session.event_id, session.title), []).append(session)
        return groups

    gone, new = by_title(removed), by_title(added)
    return [
        (gone[key][0], new[key][0])
        for key in gone
        if key in new and len(gone[key]) == 1 and len(new[key]) == 1
    ]
