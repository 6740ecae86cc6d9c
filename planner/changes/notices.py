"""Change notices: for each person (and group) a diff touches, what changed for them.

    >>> from planner.diff import compare, load_side
    >>> diff = compare(load_side("main:events.yaml"), load_side("events.yaml"))
    >>> for notice in notices(diff):
    ...     print(notice.id, render_text(notice, diff))

The changes are ``planner diff``'s (:class:`planner.diff.SessionChange`); a notice gathers
those whose session the person is in, before or after the change. Times are given in the
session's local time and, when it differs, in the person's home zone. Nobody else gets one.
Each notice is in its reader's language: the person's ``language``, else their group's,
else the programme's (``lang`` sets one for all).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from planner.changes.wording import in_zone, session_when, session_where
from planner.diff.compare import PersonRef, ProgrammeDiff, SessionChange
from planner.languages import ENGLISH, Language, language, reader_language
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
    """A phrase name from :class:`~planner.changes.phrases.Phrases` (``you_were_added``,
    ``was_cancelled`` ...)."""


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
    language: Language = ENGLISH
    """The reader's: everything of the notice is written in it."""

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(item.change.key for item in self.items)


def _home_time(session: Session, home: ZoneInfo | None, lang: Language) -> str | None:
    if home is None or session.all_day:
        return None
    if session.start.utcoffset() == session.start.astimezone(home).utcoffset():
        return None  # the same clock: saying it twice helps nobody
    return in_zone(session, home, lang)


def _span(
    session: Session | None, programme: Programme | None, home: ZoneInfo | None, lang: Language
) -> Span | None:
    if session is None or programme is None:
        return None
    return Span(
        when=session_when(session, lang),
        home=_home_time(session, home, lang),
        where=session_where(session, programme, lang),
        title=lang.text(session.title),
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
        if "removed" in change.kinds:
            return self.old.get(change.key), None
        before = self.old.get(change.previous_key or change.key)
        return (None if "added" in change.kinds else before), self.new.get(change.key)


def _item(
    change: SessionChange, sessions: _Sessions, person_id: str | None, home: ZoneInfo | None,
    lang: Language,
) -> NoticeItem:  # fmt: skip
    before, after = sessions.pair(change)
    return NoticeItem(
        change=change,
        before=_span(before, sessions.old_programme, home, lang),
        after=_span(after, sessions.new_programme, home, lang),
        note=_note(change, person_id),
    )


class _Readers:
    """Who reads which language: the person's, else their group's, else the programme's;
    ``fixed`` (``notify --lang``) for everyone. The new version says, else the old."""

    def __init__(self, programmes: Sequence[Programme], fixed: str | None) -> None:
        self.programmes = programmes
        self.fixed = language(fixed) if fixed else None
        self.default = programmes[0].language if programmes else "en"

    def person(self, person_id: str) -> tuple[str | None, ZoneInfo | None, Language]:
        """The person's e-mail, home zone and language."""
        for programme in self.programmes:
            person = programme.people.get(person_id)
            if person is not None:
                tag = person.language or self._group_language(programme, person_id)
                return person.email, person.timezone, self.language(tag)
        return None, None, self.language(None)

    def language(self, tag: str | None) -> Language:
        return self.fixed or reader_language(tag, self.default)

    @staticmethod
    def _group_language(programme: Programme, person_id: str) -> str | None:
        return next(
            (g.language for g in programme.groups.values() if g.language and person_id in g.people),
            None,
        )


def notices(diff: ProgrammeDiff, *, groups: bool = False, lang: str | None = None) -> list[Notice]:
    """One notice per affected person (by name), then per affected group when asked, each
    in its reader's language (``lang``: in that one; raises ``NoCatalog`` without one)."""
    programmes = [p for p in (diff.new.programme, diff.old.programme) if p is not None]
    readers = _Readers(programmes, lang)
    sessions = _Sessions(diff)
    per_person: dict[str, list[SessionChange]] = {}
    for change in diff.changes:
        for person in change.affected:
            per_person.setdefault(person.id, []).append(change)
    found = []
    for person in diff.affected:
        email, home, reads = readers.person(person.id)
        items = tuple(_item(c, sessions, person.id, home, reads) for c in per_person[person.id])
        notice = Notice("person", person.id, person.name, email, home, items, language=reads)
        found.append(notice)
    if groups and programmes:
        found += _group_notices(diff, programmes[0], sessions, readers)
    return found


def _group_notices(
    diff: ProgrammeDiff, programme: Programme, sessions: _Sessions, readers: _Readers
) -> list[Notice]:
    found = []
    for group in sorted(programme.groups.values(), key=lambda g: (g.name.casefold(), g.id)):
        members = set(group.people)
        mine = [c for c in diff.changes if members & {p.id for p in c.affected}]
        if not mine:
            continue
        concerned = {p.id: p for c in mine for p in c.affected if p.id in members}
        reads = readers.language(group.language)
        items = tuple(_item(c, sessions, None, None, reads) for c in mine)
        people = tuple(sorted(concerned.values(), key=lambda p: (p.name.casefold(), p.id)))
        name = reads.text(group.name)
        found.append(Notice("group", group.id, name, None, None, items, people, reads))
    return found
