"""The next published version: which sessions changed since the previous state, and how.

    >>> state = advance(None, programme, stamp)          # the first version
    >>> state = advance(state, edited, later_stamp)      # moved sessions get SEQUENCE + 1
    >>> IcsExporter(revisions=revisions(state)).export(edited, Selection())

A version is made only when something changed: the same programme and the same previous
state give back that state unchanged, so repeated builds write the same bytes. The time of a
version comes from the caller (``SOURCE_DATE_EPOCH`` or the files' modification time, as for
DTSTAMP), never the clock; when it is not later than the previous version's (a fixed
``SOURCE_DATE_EPOCH``), the new version is one second after it, so a changed session's
LAST-MODIFIED always moves forward.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from planner.changes.marks import ASPECTS, Snapshot, snapshots
from planner.changes.state import Change, FieldText, Record, State, Version
from planner.diff.compare import ChangeKind
from planner.exporters.ics import Revision
from planner.timeline import Programme

__all__ = ["advance", "revisions"]

_SECOND = timedelta(seconds=1)


def _first_sequence(found: Snapshot) -> int:
    # A session published cancelled from the start still revises an earlier announcement.
    return 1 if found.status == "cancelled" else 0


def _record(found: Snapshot, sequence: int, modified: datetime) -> Record:
    return Record(
        key=found.key,
        event=found.event,
        title=found.title,
        status=found.status,
        when=found.when,
        where=found.where,
        marks=dict(found.marks),
        sequence=sequence,
        modified=modified,
    )


def _first(programme: Programme, stamp: datetime) -> State:
    found = snapshots(programme)
    return State(
        programme=programme.name,
        uid_domain=programme.uid_domain,
        versions=(Version(number=1, time=stamp, sessions=len(found)),),
        sessions={uid: _record(s, _first_sequence(s), stamp) for uid, s in sorted(found.items())},
    )


def _status_kind(before: str, after: str) -> list[ChangeKind]:
    if before == after:
        return []
    if after == "cancelled":
        return [ChangeKind.CANCELLED]
    if before == "cancelled":
        return [ChangeKind.REINSTATED]
    return [ChangeKind.STATUS]


def _described(record: Record, found: Snapshot) -> tuple[list[ChangeKind], list[FieldText]]:
    """The kinds of change (as ``planner diff`` names them) and the words before and after."""
    changed = {aspect for aspect in ASPECTS if record.marks.get(aspect) != found.marks[aspect]}
    kinds = _status_kind(record.status, found.status) if "status" in changed else []
    fields = []
    if "status" in changed and kinds == [ChangeKind.STATUS]:
        fields.append(FieldText(field="status", before=record.status, after=found.status))
    if changed & {"time", "place"}:
        kinds.append(ChangeKind.MOVED)
    if "time" in changed:
        fields.append(FieldText(field="when", before=record.when, after=found.when))
    if "place" in changed:
        fields.append(FieldText(field="where", before=record.where, after=found.where))
    if "title" in changed:
        kinds.append(ChangeKind.RETITLED)
        fields.append(FieldText(field="title", before=record.title, after=found.title))
    return kinds, fields


def _change(uid: str, found: Snapshot | Record, kinds: list[ChangeKind], sequence: int,
            fields: list[FieldText] | None = None) -> Change:  # fmt: skip
    return Change(
        uid=uid,
        key=found.key,
        event=found.event,
        title=found.title,
        kinds=tuple(str(kind) for kind in kinds),
        fields=tuple(fields or ()),
        sequence=sequence,
    )


def _version_time(previous: State, stamp: datetime) -> datetime:
    latest = previous.latest.time
    return stamp if stamp > latest else latest + _SECOND


def advance(previous: State | None, programme: Programme, stamp: datetime) -> State:
    """The state after publishing ``programme`` at ``stamp``; ``previous`` when nothing changed."""
    if previous is None:
        return _first(programme, stamp)
    time = _version_time(previous, stamp)
    found = snapshots(programme)
    records = dict(previous.sessions)
    changes: list[Change] = []
    for uid, now in sorted(found.items()):
        before = records.get(uid)
        if before is None or before.removed:
            sequence = before.sequence + 1 if before else _first_sequence(now)
            records[uid] = _record(now, sequence, time)
            changes.append(_change(uid, now, [ChangeKind.ADDED], sequence))
            continue
        kinds, fields = _described(before, now)
        if kinds:
            records[uid] = _record(now, before.sequence + 1, time)
            changes.append(_change(uid, now, kinds, before.sequence + 1, fields))
        elif before.when != now.when or before.where != now.where or before.event != now.event:
            # Same session, new words (a venue renamed): keep the version, refresh the words.
            records[uid] = before.model_copy(update={"when": now.when, "where": now.where,
                                                     "event": now.event})  # fmt: skip
    for uid, before in sorted(previous.sessions.items()):
        if uid not in found and not before.removed:
            sequence = before.sequence + 1
            records[uid] = before.model_copy(
                update={"removed": True, "sequence": sequence, "modified": time}
            )
            changes.append(_change(uid, before, [ChangeKind.REMOVED], sequence))
    if not changes and records == previous.sessions:
        return previous
    version = Version(
        number=previous.latest.number + 1, time=time, sessions=len(found), changes=tuple(changes)
    )
    versions = (*previous.versions, version) if changes else previous.versions
    return State(
        programme=programme.name,
        uid_domain=programme.uid_domain,
        versions=versions,
        sessions=dict(sorted(records.items())),
    )


def revisions(state: State) -> dict[str, Revision]:
    """UID -> SEQUENCE and LAST-MODIFIED, for the iCalendar exporter."""
    return {
        uid: Revision(record.sequence, record.modified)
        for uid, record in state.sessions.items()
        if not record.removed
    }
