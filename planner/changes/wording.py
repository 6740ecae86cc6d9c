"""A session's time and place in a notice, in the reader's language.

``planner diff`` describes sessions for the organiser, in English
(:mod:`planner.diff.describe`); a notice says the same for its reader, in theirs:
``mié, 17 abr 2024 13:00-14:45 KST``, ``Seoul Global Center, Sala A``. Zone abbreviations
are the tz database's, the same in every language.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from planner.languages import Language
from planner.timeline import Programme, Session

__all__ = ["in_zone", "session_when", "session_where"]


def _zone(moment: datetime) -> str:
    return moment.tzname() or ""


def _moment(moment: datetime, lang: Language) -> str:
    return f"{lang.formats.moment(moment)} {_zone(moment)}"


def in_zone(session: Session, zone: ZoneInfo, lang: Language) -> str:
    """``Wed 17 Apr 2024 02:00-03:45 WAT``: the first occurrence as seen in ``zone``."""
    return _timed(session.start.astimezone(zone), session.end.astimezone(zone), lang)


def _timed(start: datetime, end: datetime, lang: Language) -> str:
    formats = lang.formats
    if start.date() != end.date():
        return f"{_moment(start, lang)} {_DASH} {_moment(end, lang)}"
    day = formats.dated(start.date())
    if _zone(start) != _zone(end):  # a daylight-saving change during the session
        return (
            f"{day} {formats.clock(start)} {_zone(start)} {_DASH} {formats.clock(end)} {_zone(end)}"
        )
    return f"{day} {formats.clock_span(start, end)} {_zone(end)}"


_DASH = "\u2013"


def _all_day(session: Session, lang: Language) -> str:
    formats = lang.formats
    first = session.start.date()
    last = (session.end - timedelta(days=1)).date()
    if first == last:
        return lang.gettext("{date} (all day)").format(date=formats.dated(first))
    days = f"{formats.dated(first)} {_DASH} {formats.dated(last)}"
    return lang.gettext("{date} (all day)").format(date=days)


def _repeat(session: Session, lang: Language) -> str:
    if not session.repeat:
        return ""
    count = len(session.occurrences)
    times = lang.ngettext("repeats {count} time", "repeats {count} times", count)
    text = times.format(count=count)
    if session.exceptions:
        skipped = lang.formats.names([lang.formats.dated(day) for day in session.exceptions])
        text = lang.gettext("{repeats}, except {dates}").format(repeats=text, dates=skipped)
    return lang.pgettext("separator", ", ") + text


def session_when(session: Session, lang: Language) -> str:
    """``Tue 11 Oct 2016 14:00-16:00 KST``: the first occurrence in the session's local time
    (and how often it repeats)."""
    if session.all_day:
        return _all_day(session, lang) + _repeat(session, lang)
    return _timed(session.start, session.end, lang) + _repeat(session, lang)


def _venue_name(programme: Programme, venue_id: str | None, lang: Language) -> str:
    if venue_id is None:
        return lang.gettext("no venue")
    venue = programme.venues.get(venue_id)
    return lang.text(venue.name) if venue is not None else venue_id


def session_where(session: Session, programme: Programme, lang: Language) -> str:
    """``Seoul Global Center, Room A``; ``Online (URL)``; ``A → B``."""
    if session.origin_venue_id or session.destination_venue_id:
        origin = _venue_name(programme, session.origin_venue_id, lang)
        destination = _venue_name(programme, session.destination_venue_id, lang)
        return f"{origin} → {destination}"
    online = lang.pgettext("location", "Online")
    if session.is_online and session.venue_id is None:
        return f"{online} ({session.online_url})" if session.online_url else online
    text = _venue_name(programme, session.venue_id, lang)
    venue = programme.venues.get(session.venue_id or "")
    if session.room_id and venue is not None:
        room = venue.rooms.get(session.room_id)
        name = lang.text(room.name) if room else session.room_id
        text += lang.pgettext("separator", ", ") + name
    if session.is_online and session.online_url:
        text = lang.gettext("{place} (online: {url})").format(place=text, url=session.online_url)
    return text
