"""What a delegate acts on in a session, reduced to marks that say whether it changed.

A session's published version rises when one of these changes: its time (with its repeat
rule, exceptions and every occurrence), its place (venue, room, online link, the ends of a
transfer), its status or its title. Who attends, the description and the tags do not move
anyone, so they do not make calendars replace the event. The marks are short hashes so the
state file stays small; the words (``when``, ``where``) are kept beside them to say what
changed in the change feed, written in the programme's language (English as
``planner diff`` writes it).

Timing and place come from :mod:`planner.diff`, so ``planner diff`` and the versions agree
on what "moved" means.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime

from planner.changes.wording import session_when, session_where
from planner.diff.compare import place_of, timing_of
from planner.diff.describe import describe_when, describe_where
from planner.exporters.ics import leg_uids, session_uid
from planner.languages import ENGLISH, Language, reader_language
from planner.timeline import Programme, Session, TravelLeg

__all__ = ["ASPECTS", "Snapshot", "snapshot", "snapshots"]

ASPECTS = ("time", "place", "status", "title")
"""What counts as a change, in the order a change is described."""


@dataclass(frozen=True, slots=True)
class Snapshot:
    """One session as a calendar holds it: its UID, marks, and how to say it in words."""

    uid: str
    key: str
    event: str
    title: str
    status: str
    when: str
    where: str
    marks: dict[str, str]


def _plain(value: object) -> object:
    """Times as ISO text with their offsets, so a mark does not depend on Python's repr."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    return value


def _mark(*parts: object) -> str:
    encoded = json.dumps(_plain(parts), ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()[:16]


def _words(session: Session, programme: Programme, lang: Language) -> tuple[str, str]:
    """When and where, as the change feed says them in ``lang``."""
    if lang.english:
        return describe_when(session), describe_where(session, programme)
    return session_when(session, lang), session_where(session, programme, lang)


def snapshot(session: Session, programme: Programme, lang: Language | None = None) -> Snapshot:
    """``session`` as published; its words in ``lang`` (default: the programme's language)."""
    event = programme.events.get(session.event_id)
    when, where = _words(session, programme, lang or reader_language(None, programme.language))
    return Snapshot(
        uid=session_uid(session, programme.uid_domain),
        key=session.key,
        event=event.title if event is not None else session.event_id,
        title=session.title,
        status=session.status,
        when=when,
        where=where,
        marks={
            "time": _mark(timing_of(session)),
            "place": _mark(place_of(session)),
            "status": _mark(session.status),
            "title": _mark(session.title),
        },
    )


def snapshots(programme: Programme) -> dict[str, Snapshot]:
    """Every published session by UID (a session with no occurrence left is not published),
    then every travel leg: a flight moved is as much a change to act on as a session."""
    lang = reader_language(None, programme.language)
    found = {
        found.uid: found
        for session in programme.sessions
        if session.occurrences
        for found in (snapshot(session, programme, lang),)
    }
    for person in programme.people.values():
        uids = leg_uids(person, programme.uid_domain)
        for uid, leg in zip(uids, person.travel, strict=True):
            found[uid] = leg_snapshot(uid, leg, person.name, lang)
    return found


def leg_snapshot(uid: str, leg: TravelLeg, name: str, lang: Language | None = None) -> Snapshot:
    """A travel leg as a calendar holds it: its times, its ends, its mode and number."""
    return Snapshot(
        uid=uid,
        key=f"travel/{leg.person_id}#{leg.index}",
        # Translators: what a travel leg belongs to in the change feed: "Travel: Kim Min-jun".
        event=(lang or ENGLISH).gettext("Travel: {name}").format(name=name),
        title=leg.title,
        status="confirmed",
        when=_leg_when(leg),
        where=f"{leg.origin or '?'} → {leg.destination or '?'}",
        marks={
            "time": _mark(leg.depart, leg.arrive, leg.depart_known, leg.arrive_known),
            "place": _mark(leg.origin, leg.destination),
            "status": _mark("confirmed"),
            "title": _mark(leg.mode, leg.ref),
        },
    )


def _leg_when(leg: TravelLeg) -> str:
    def moment(at: datetime, known: bool) -> str:
        return f"{at:%Y-%m-%d}" if not known else f"{at:%Y-%m-%d %H:%M} {at.tzname() or ''}".strip()

    return f"{moment(leg.depart, leg.depart_known)} - {moment(leg.arrive, leg.arrive_known)}"
