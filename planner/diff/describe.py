"""Sessions in words a programme manager reads: when (local time, zone abbreviation) and where.

English day and month names are spelled out here rather than taken from ``strftime``, so the
output does not depend on the machine's locale (a CI runner in another country would
otherwise print other words, and golden files would break).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from planner.timeline import Programme, Session

__all__ = ["describe_when", "describe_where", "person_name"]

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _day(day: date) -> str:
    """``Tue 11 Oct 2016``."""
    return f"{_DAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"


def _clock(moment: datetime) -> str:
    return f"{moment.hour:02d}:{moment.minute:02d}"


def _zone(moment: datetime) -> str:
    return moment.tzname() or ""


def _timed(session: Session, with_date: bool) -> str:
    start, end = session.start, session.end
    prefix = f"{_day(start.date())} " if with_date else ""
    if start.date() != end.date():
        until = f"{_day(end.date())} {_clock(end)} {_zone(end)}"
        return f"{prefix}{_clock(start)} {_zone(start)} - {until}"
    if _zone(start) != _zone(end):  # a daylight-saving change during the session
        return f"{prefix}{_clock(start)} {_zone(start)}-{_clock(end)} {_zone(end)}"
    return f"{prefix}{_clock(start)}-{_clock(end)} {_zone(end)}"


def _all_day(session: Session) -> str:
    first = session.start.date()
    last = (session.end - timedelta(days=1)).date()
    days = _day(first) if first == last else f"{_day(first)} - {_day(last)}"
    return f"{days} (all day)"


def _repeat(session: Session) -> str:
    if not session.repeat:
        return ""
    count = len(session.occurrences)
    times = f"{count} time" if count == 1 else f"{count} times"
    skipped = ", ".join(day.isoformat() for day in session.exceptions)
    excepted = f", except {skipped}" if skipped else ""
    return f", repeating {session.repeat} ({times}{excepted})"


def describe_when(session: Session, *, with_date: bool = True, with_zone_name: bool = False) -> str:
    """``Tue 11 Oct 2016 14:00-16:00 KST``: the first occurrence in the session's local time.

    ``with_date=False`` leaves out the day, for an "after" that falls on the same day as its
    "before"; ``with_zone_name`` adds the IANA name, for when the zone itself changed.
    """
    text = _all_day(session) if session.all_day else _timed(session, with_date)
    if with_zone_name:
        text += f" ({session.timezone.key})"
    return text + _repeat(session)


def _venue_name(programme: Programme, venue_id: str | None) -> str:
    if venue_id is None:
        return "no venue"
    venue = programme.venues.get(venue_id)
    return venue.name if venue is not None else venue_id


def describe_where(session: Session, programme: Programme) -> str:
    """``Seoul Global Center, International Conference Hall``; ``online (URL)``; ``A → B``."""
    if session.origin_venue_id or session.destination_venue_id:
        origin = _venue_name(programme, session.origin_venue_id)
        destination = _venue_name(programme, session.destination_venue_id)
        return f"{origin} → {destination}"
    if session.is_online and session.venue_id is None:
        return f"online ({session.online_url})" if session.online_url else "online"
    text = _venue_name(programme, session.venue_id)
    venue = programme.venues.get(session.venue_id or "")
    if session.room_id and venue is not None:
        room = venue.rooms.get(session.room_id)
        text += f", {room.name if room else session.room_id}"
    if session.is_online and session.online_url:
        text += f" (online: {session.online_url})"
    return text


def person_name(programme: Programme, person_id: str) -> str:
    person = programme.people.get(person_id)
    return person.name if person is not None else person_id
