"""What changed between two versions of a programme, session by session, and for whom.

Sessions are matched by their key (``event-id/session-id``). A matched pair is compared on
what people act on: its status (cancelled, reinstated), when and where it happens (a
repeating session whose rule changed counts as moved), its title, and who is in it. Every
change names the people affected: everyone in the session before or after.

Diagnostics are compared too, so a review can say which problems a change introduces and
which were already there. A diagnostic keeps its identity when lines shift: see
:func:`diagnostic_identity`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum

from planner.diagnostics import Diagnostic, Location, Severity
from planner.diff.describe import describe_when, describe_where, person_name
from planner.diff.placing import Regained, match_open, pair_renamed
from planner.timeline import Programme, Session

__all__ = [
    "ChangeKind",
    "FieldChange",
    "PersonRef",
    "ProgrammeDiff",
    "SessionChange",
    "Side",
    "compare",
    "diagnostic_identity",
    "place_of",
    "split_diagnostics",
    "timing_of",
]


class ChangeKind(StrEnum):
    """One kind of change to a session; a session can have several at once."""

    ADDED = "added"
    REMOVED = "removed"
    CANCELLED = "cancelled"
    REINSTATED = "reinstated"
    MOVED = "moved"
    RETITLED = "retitled"
    PEOPLE = "people"
    STATUS = "status"
    ID_CHANGED = "id-changed"
    PLACED = "placed"
    OPENED = "opened"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    ChangeKind.ADDED: "added",
    ChangeKind.REMOVED: "removed",
    ChangeKind.CANCELLED: "cancelled",
    ChangeKind.REINSTATED: "reinstated",
    ChangeKind.MOVED: "moved",
    ChangeKind.RETITLED: "retitled",
    ChangeKind.PEOPLE: "people changed",
    ChangeKind.STATUS: "status changed",
    ChangeKind.ID_CHANGED: "id changed",
    ChangeKind.PLACED: "placed",
    ChangeKind.OPENED: "opened",
}


@dataclass(frozen=True, slots=True)
class FieldChange:
    """``when``, ``where``, ``title``, ``status`` or ``id``: before and after, in words."""

    field: str
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class PersonRef:
    id: str
    name: str


@dataclass(frozen=True, slots=True)
class SessionChange:
    """Everything that changed about one session, and who should be told."""

    key: str
    """The session's key in NEW (in OLD for a removed session)."""
    previous_key: str | None
    """The key in OLD when the session's id changed, else None."""
    event_title: str
    title: str
    kinds: tuple[ChangeKind, ...]
    fields: tuple[FieldChange, ...]
    when: str
    """When it happens now (when it happened, for a removed session), in local time."""
    where: str
    people_added: tuple[PersonRef, ...]
    people_removed: tuple[PersonRef, ...]
    affected: tuple[PersonRef, ...]
    """Everyone in the session before or after the change, by name."""
    location: Location
    start: datetime

    @property
    def headline(self) -> str:
        """``moved, retitled``."""
        return ", ".join(kind.label for kind in self.kinds)


@dataclass(frozen=True)
class Side:
    """One version of the programme: how it is named, and what loading and the rules found."""

    label: str
    programme: Programme | None
    diagnostics: tuple[Diagnostic, ...]
    relabel: Callable[[str], str] = field(default=str, compare=False, repr=False)
    """Turns a file name of the loaded files into how the reader knows it (``main:x.yaml``)."""

    @property
    def loads(self) -> bool:
        return self.programme is not None

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.severity is Severity.ERROR)


@dataclass(frozen=True)
class ProgrammeDiff:
    """The changes from OLD to NEW, and the diagnostics sorted into new, fixed and unchanged."""

    old: Side
    new: Side
    changes: tuple[SessionChange, ...]
    introduced: tuple[Diagnostic, ...]
    resolved: tuple[Diagnostic, ...]
    unchanged: tuple[Diagnostic, ...]

    @property
    def comparable(self) -> bool:
        return self.old.loads and self.new.loads

    @property
    def changed(self) -> bool:
        """Whether anything a reader should know about changed (``--exit-code``)."""
        return bool(self.changes or self.introduced or self.resolved)

    def counts(self) -> dict[ChangeKind, int]:
        """How many sessions have each kind of change, in ChangeKind order."""
        found = Counter(kind for change in self.changes for kind in change.kinds)
        return {kind: found[kind] for kind in ChangeKind if found[kind]}

    @property
    def affected(self) -> tuple[PersonRef, ...]:
        """Everyone affected by any change, by name."""
        people = {person.id: person for change in self.changes for person in change.affected}
        return _by_name(people.values())


# -- diagnostics ---------------------------------------------------------------------------

_LOCATION_IN_TEXT = re.compile(r"\S+:\d+:\d+")
_LIST_INDEX = re.compile(r"\[\d+\]")


def diagnostic_identity(diagnostic: Diagnostic) -> Hashable:
    """What makes a diagnostic "the same one" in two versions of a file.

    The code, the message and the key path, but not the file name, the line or the column,
    which move whenever lines are added above, and not list positions (``sessions[3]``),
    which move when a session is inserted before. Locations quoted inside a message
    ("here and at events.yaml:12:3") are left out for the same reason.
    """
    message = _LOCATION_IN_TEXT.sub("<location>", diagnostic.message)
    path = _LIST_INDEX.sub("[]", diagnostic.location.path) if diagnostic.location else ""
    return (diagnostic.code, message, path, diagnostic.sessions, diagnostic.people)


def _unmatched(ours: Sequence[Diagnostic], theirs: Sequence[Diagnostic]) -> list[Diagnostic]:
    """Diagnostics of ``ours`` with no counterpart in ``theirs``; duplicates count one by one."""
    available = Counter(diagnostic_identity(d) for d in theirs)
    left = []
    for diagnostic in ours:
        identity = diagnostic_identity(diagnostic)
        if available[identity]:
            available[identity] -= 1
        else:
            left.append(diagnostic)
    return left


def split_diagnostics(
    old: Sequence[Diagnostic], new: Sequence[Diagnostic]
) -> tuple[tuple[Diagnostic, ...], tuple[Diagnostic, ...], tuple[Diagnostic, ...]]:
    """(introduced, resolved, unchanged): new in NEW, gone from OLD, and NEW's others."""
    introduced = _unmatched(new, old)
    resolved = _unmatched(old, new)
    fresh = {id(d) for d in introduced}
    unchanged = [d for d in new if id(d) not in fresh]
    return tuple(introduced), tuple(resolved), tuple(unchanged)


# -- sessions ------------------------------------------------------------------------------


def _by_name(people: Iterable[PersonRef]) -> tuple[PersonRef, ...]:
    return tuple(sorted(people, key=lambda person: (person.name.casefold(), person.id)))


def _people(ids: Iterable[str], *programmes: Programme) -> tuple[PersonRef, ...]:
    """People by name, taking each name from the first programme that knows the person."""
    refs = []
    for person_id in ids:
        known = next((p for p in programmes if person_id in p.people), programmes[0])
        refs.append(PersonRef(person_id, person_name(known, person_id)))
    return _by_name(refs)


def timing_of(session: Session) -> tuple[object, ...]:
    """When a session happens, all of it: a change here moves it in every calendar."""
    occurrences = tuple(occurrence.start for occurrence in session.occurrences)
    return (
        session.start,
        session.end,
        session.all_day,
        session.timezone.key,
        session.repeat,
        session.exceptions,
        occurrences,
    )


def place_of(session: Session) -> tuple[object, ...]:
    """Where a session happens: venue, room, online link, the ends of a transfer."""
    return (
        session.venue_id,
        session.room_id,
        session.online_url,
        session.is_online,
        session.origin_venue_id,
        session.destination_venue_id,
    )


def _when_change(before: Session, after: Session) -> FieldChange:
    new_zone = before.timezone.key != after.timezone.key
    # "14:00-16:00 KST -> 15:00-17:00 KST" reads better than repeating the same day twice.
    same_day = (
        not before.all_day
        and not after.all_day
        and before.start.date() == after.start.date()
        and after.start.date() == after.end.date()
        and not new_zone
    )
    return FieldChange(
        "when",
        describe_when(before, with_zone_name=new_zone),
        describe_when(after, with_date=not same_day, with_zone_name=new_zone),
    )


def _status_change(before: Session, after: Session) -> tuple[list[ChangeKind], list[FieldChange]]:
    if not before.cancelled and after.cancelled:
        return [ChangeKind.CANCELLED], []
    if before.cancelled and not after.cancelled:
        return [ChangeKind.REINSTATED], []
    if before.status != after.status:
        return [ChangeKind.STATUS], [FieldChange("status", before.status, after.status)]
    return [], []


def _differences(
    before: Session, after: Session, old: Programme, new: Programme
) -> tuple[list[ChangeKind], list[FieldChange]]:
    kinds, fields = _status_change(before, after)
    if timing_of(before) != timing_of(after) or place_of(before) != place_of(after):
        kinds.append(ChangeKind.MOVED)
    if timing_of(before) != timing_of(after):
        fields.append(_when_change(before, after))
    if place_of(before) != place_of(after):
        fields.append(FieldChange("where", describe_where(before, old), describe_where(after, new)))
    if before.title != after.title:
        kinds.append(ChangeKind.RETITLED)
        fields.append(FieldChange("title", before.title, after.title))
    if before.people != after.people:
        kinds.append(ChangeKind.PEOPLE)
    if before.key != after.key:
        kinds.append(ChangeKind.ID_CHANGED)
        fields.append(FieldChange("id", before.key, after.key))
    return kinds, fields


def _event_title(programme: Programme, session: Session) -> str:
    event = programme.events.get(session.event_id)
    return event.title if event is not None else session.event_id


def _located(session: Session, relabel: Callable[[str], str]) -> Location:
    return replace(session.location, file=relabel(session.location.file))


def _matched(before: Session, after: Session, old: Side, new: Side) -> SessionChange | None:
    assert old.programme is not None and new.programme is not None
    kinds, fields = _differences(before, after, old.programme, new.programme)
    if not kinds:
        return None
    return SessionChange(
        key=after.key,
        previous_key=before.key if before.key != after.key else None,
        event_title=_event_title(new.programme, after),
        title=after.title,
        kinds=tuple(kinds),
        fields=tuple(fields),
        when=describe_when(after),
        where=describe_where(after, new.programme),
        people_added=_people(set(after.people) - set(before.people), new.programme),
        people_removed=_people(set(before.people) - set(after.people), old.programme),
        affected=_people(set(before.people) | set(after.people), new.programme, old.programme),
        location=_located(after, new.relabel),
        start=after.start,
    )


def _one_sided(
    session: Session, side: Side, kind: ChangeKind, fields: tuple[FieldChange, ...] = ()
) -> SessionChange:
    assert side.programme is not None
    return SessionChange(
        key=session.key,
        previous_key=None,
        event_title=_event_title(side.programme, session),
        title=session.title,
        kinds=(kind,),
        fields=fields,
        when=describe_when(session),
        where=describe_where(session, side.programme),
        people_added=(),
        people_removed=(),
        affected=_people(session.people, side.programme),
        location=_located(session, side.relabel),
        start=session.start,
    )


def _fields(found: Regained) -> tuple[FieldChange, ...]:
    """When it got or lost its time; where, unless it is the same place in words."""
    where = () if found.where[0] == found.where[1] else (FieldChange("where", *found.where),)
    return (FieldChange("when", *found.when), *where)


def compare_sessions(old: Side, new: Side) -> list[SessionChange]:
    """Every changed session, in the order they happen (first occurrence); [] unless both load."""
    if old.programme is None or new.programme is None:
        return []
    before = {session.key: session for session in old.programme.sessions}
    after = {session.key: session for session in new.programme.sessions}
    pairs = [(before[key], session) for key, session in after.items() if key in before]
    removed = [session for key, session in before.items() if key not in after]
    added = [session for key, session in after.items() if key not in before]
    renamed = pair_renamed(removed, added)
    paired = {id(session) for pair in renamed for session in pair}
    placed, opened = match_open(removed, added, old.programme, new.programme)
    paired |= {id(found.session) for found in (*placed, *opened)}
    changes = [change for b, a in [*pairs, *renamed] if (change := _matched(b, a, old, new))]
    changes += [_one_sided(f.session, new, ChangeKind.PLACED, _fields(f)) for f in placed]
    changes += [_one_sided(f.session, old, ChangeKind.OPENED, _fields(f)) for f in opened]
    changes += [_one_sided(s, new, ChangeKind.ADDED) for s in added if id(s) not in paired]
    changes += [_one_sided(s, old, ChangeKind.REMOVED) for s in removed if id(s) not in paired]
    changes.sort(key=lambda change: (change.start, change.key))
    return changes


def compare(old: Side, new: Side) -> ProgrammeDiff:
    """The diff of two versions; empty unless both load (their errors are on the Sides).

    When a version does not load, the rules did not run on it, so comparing its diagnostics
    with the other's would call every rule finding "fixed" or "new": nothing is compared.
    """
    if not (old.loads and new.loads):
        return ProgrammeDiff(old, new, (), (), (), ())
    introduced, resolved, unchanged = split_diagnostics(old.diagnostics, new.diagnostics)
    changes = compare_sessions(old, new)
    return ProgrammeDiff(old, new, tuple(changes), introduced, resolved, unchanged)
