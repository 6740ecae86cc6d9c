"""Change notices: for each person (and group) a diff touches, what changed for them.

    >>> from planner.diff import compare, load_side
    >>> diff = compare(load_side("main:events.yaml"), load_side("events.yaml"))
    >>> for notice in notices(diff):
    ...     print(notice.id, render_text(notice, diff))

The changes are ``planner diff``'s (:class:`planner.diff.SessionChange`); a notice gathers
those whose session the person is in, before or after the change. Times are given in the
session's local time and, when it differs, in the person's home zone. Nobody else gets one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from planner.changes.phrases import ENGLISH, Phrases
from planner.diff.compare import PersonRef, ProgrammeDiff, SessionChange
from planner.diff.describe import describe_when, describe_where
from planner.timeline import Programme, Session

__all__ = ["Notice", "NoticeItem", "Span", "in_zone", "notices"]


@dataclass(frozen=True, slots=True)
class Span:
    """One side of a change: when (local, and in the reader's home zone) and where."""

    when: str
    home: str | None
    where: str
    title: str


@dataclass(frozen=True, slots=True)
class NoticeItem:
    change: SessionChange
    before: Span | None
    after: Span | None
    note: str | None
    """A phrase name from :class:`Phrases` (``you_were_added``, ``was_cancelled`` ...)."""


@dataclass(frozen=True, slots=True)
class Notice:
    kind: str
    """``person`` or ``group``."""
    id: str
    name: str
    email: str | None
    home: ZoneInfo | None
    items: tuple[NoticeItem, ...]
    members: tuple[PersonRef, ...] = ()
    """For a group: the members the changes concern."""

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(item.change.key for item in self.items)


def _clock(moment: datetime) -> str:
    return f"{moment.hour:02d}:{moment.minute:02d}"


def _day(moment: datetime, phrases: Phrases) -> str:
    return (
        f"{phrases.days[moment.weekday()]} {moment.day} "
        f"{phrases.months[moment.month - 1]} {moment.year}"
    )


def in_zone(session: Session, zone: ZoneInfo, phrases: Phrases = ENGLISH) -> str:
    """``Wed 17 Apr 2024 02:00-03:45 WAT``: the first occurrence as seen in ``zone``."""
    start, end = session.start.astimezone(zone), session.end.astimezone(zone)
    if start.date() != end.date():
        until = f"{_day(end, phrases)} {_clock(end)}"
        return f"{_day(start, phrases)} {_clock(start)} - {until} {end.tzname()}"
    return f"{_day(start, phrases)} {_clock(start)}-{_clock(end)} {end.tzname()}"


def _home_time(session: Session, home: ZoneInfo | None, phrases: Phrases) -> str | None:
    if home is None or session.all_day:
        return None
    if session.start.utcoffset() == session.start.astimezone(home).utcoffset():
        return None  # the same clock: saying it twice helps nobody
    return in_zone(session, home, phrases)


def _span(
    session: Session | None, programme: Programme | None, home: ZoneInfo | None,
    phrases: Phrases,
) -> Span | None:  # fmt: skip
    if session is None or programme is None:
        return None
    return Span(
        when=describe_when(session),
        home=_home_time(session, home, phrases),
        where=describe_where(session, programme),
        title=session.title,
    )


_NOTES = {
    "added": "was_added",
    "removed": "was_removed",
    "cancelled": "was_cancelled",
    "reinstated": "was_reinstated",
    "placed": "was_placed",
    "opened": "was_opened",
}


def _note(change: SessionChange, person_id: str | None) -> str | None:
    if person_id is not None:
        if any(p.id == person_id for p in change.people_added):
            return "you_were_added"
        if any(p.id == person_id for p in change.people_removed):
            return "you_were_removed"
    return next((_NOTES[k] for k in change.kinds if k in _NOTES), None)


class _Sessions:
    """The session a change is about, before and after it."""

    def __init__(self, diff: ProgrammeDiff) -> None:
        old, new = diff.old.programme, diff.new.programme
        self.old_programme, self.new_programme = old, new
        self.old = {s.key: s for s in old.sessions} if old else {}
        self.new = {s.key: s for s in new.sessions} if new else {}

    def pair(self, change: SessionChange) -> tuple[Session | None, Session | None]:
        if "removed" in change.kinds or "opened" in change.kinds:
            return self.old.get(change.key), None
        before = self.old.get(change.previous_key or change.key)
        fresh = "added" in change.kinds or "placed" in change.kinds
        return (None if fresh else before), self.new.get(change.key)


def _item(
    change: SessionChange, sessions: _Sessions, person_id: str | None, home: ZoneInfo | None,
    phrases: Phrases,
) -> NoticeItem:  # fmt: skip
    before, after = sessions.pair(change)
    return NoticeItem(
        change=change,
        before=_span(before, sessions.old_programme, home, phrases),
        after=_span(after, sessions.new_programme, home, phrases),
        note=_note(change, person_id),
    )


def _person(programmes: Sequence[Programme], person_id: str) -> tuple[str | None, ZoneInfo | None]:
    for programme in programmes:
        person = programme.people.get(person_id)
        if person is not None:
            return person.email, person.timezone
    return None, None


def notices(
    diff: ProgrammeDiff, *, groups: bool = False, phrases: Phrases = ENGLISH
) -> list[Notice]:
    """One notice per affected person (by name), then per affected group when asked."""
    programmes = [p for p in (diff.new.programme, diff.old.programme) if p is not None]
    sessions = _Sessions(diff)
    per_person: dict[str, list[SessionChange]] = {}
    for change in diff.changes:
        for person in change.affected:
            per_person.setdefault(person.id, []).append(change)
    found = []
    for person in diff.affected:
        email, home = _person(programmes, person.id)
        items = tuple(_item(c, sessions, person.id, home, phrases) for c in per_person[person.id])
        found.append(Notice("person", person.id, person.name, email, home, items))
    if groups and programmes:
        found += _group_notices(diff, programmes[0], sessions, phrases)
    return found


def _group_notices(
    diff: ProgrammeDiff, programme: Programme, sessions: _Sessions, phrases: Phrases
) -> list[Notice]:
    found = []
    for group in sorted(programme.groups.values(), key=lambda g: (g.name.casefold(), g.id)):
        members = set(group.people)
        mine = [c for c in diff.changes if members & {p.id for p in c.affected}]
        if not mine:
            continue
        concerned = {p.id: p for c in mine for p in c.affected if p.id in members}
        items = tuple(_item(c, sessions, None, None, phrases) for c in mine)
        people = tuple(sorted(concerned.values(), key=lambda p: (p.name.casefold(), p.id)))
        found.append(Notice("group", group.id, group.name, None, None, items, people))
    return found
