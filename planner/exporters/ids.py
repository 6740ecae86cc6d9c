"""Identities that exports share, so a session is the same thing in every output.

A session's calendar UID is its ``uid`` when the programme gives one (a frab GUID brought in
by ``planner import``), else ``session-id.event-id@uid_domain``. Its frab/c3voc ``guid`` is
that UID when it already is a UUID, else a UUIDv5 of it: retitling a session never changes
either, and the same programme gives the same ids on every machine.
"""

from __future__ import annotations

import uuid

from planner.timeline import Person, Programme, Session

__all__ = ["calendar_uid", "person_guid", "room_guid", "session_guid", "session_uid"]


def session_uid(session: Session, uid_domain: str) -> str:
    """The UID of a session's VEVENT: its ``uid``, else stable while its ids are."""
    return session.uid or f"{session.id}.{session.event_id}@{uid_domain}"


def calendar_uid(programme: Programme, session: Session) -> str:
    """The iCalendar UID of a session (all its occurrences share it)."""
    return session_uid(session, programme.uid_domain)


def session_guid(programme: Programme, session: Session) -> uuid.UUID:
    """The session's UUID: its ``uid`` when that is one, else a UUIDv5 of its calendar UID."""
    uid = calendar_uid(programme, session)
    try:
        return uuid.UUID(uid)
    except ValueError:
        return uuid.uuid5(uuid.NAMESPACE_URL, uid)


def person_guid(programme: Programme, person: Person) -> uuid.UUID:
    """As c3voc asks: UUIDv5 of ``acct:EMAIL`` when there is an address, else of the id."""
    if person.email:
        return uuid.uuid5(uuid.NAMESPACE_URL, f"acct:{person.email}")
    return uuid.uuid5(uuid.NAMESPACE_URL, f"person:{person.id}@{programme.uid_domain}")


def room_guid(programme: Programme, venue_id: str | None, room_id: str | None) -> uuid.UUID:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"room:{venue_id}/{room_id}@{programme.uid_domain}")
