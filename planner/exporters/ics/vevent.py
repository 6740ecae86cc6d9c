"""One VEVENT per session or travel leg, rendered once to folded CRLF bytes.

A session appears in many feeds (its event's, its venue's, each participant's, each of
their groups'), so each is serialised once here and the feeds are put together by
concatenation (:mod:`planner.exporters.ics.feed`).

Times are written as the local wall-clock time with the zone's TZID; a repeating session is
one VEVENT whose RRULE and EXDATEs give exactly the occurrences the timeline resolved: the
rule is anchored on the first occurrence, bounded by an UNTIL in UTC at the last one (RFC
5545 wants UTC when DTSTART has a TZID), and every instance the rule makes that the timeline
dropped (an ``except`` date) becomes an EXDATE in the zone of DTSTART.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from planner.exporters.ics.text import (
    format_date,
    format_duration,
    format_utc,
    line,
    param,
    text,
    text_list,
    uri,
)
from planner.exporters.ics.when import (
    UTC_KEYS,
    moment_line,
    named_zone,
    override_times,
    session_times,
    stretched_occurrences,
)
from planner.exporters.ids import session_uid
from planner.exporters.itinerary.text import travel_title
from planner.languages import ENGLISH, Language
from planner.timeline import Person, Programme, Session, TravelLeg, Venue

__all__ = ["Rendered", "Revision", "VeventWriter", "ZoneSpan", "leg_uids", "session_uid"]

_STATUS = {"confirmed": "CONFIRMED", "tentative": "TENTATIVE", "cancelled": "CANCELLED"}


@dataclass(frozen=True, slots=True)
class ZoneSpan:
    """A zone a VEVENT writes times in, and the first and last instant it writes in it."""

    zone: ZoneInfo
    first: datetime
    last: datetime


@dataclass(frozen=True, slots=True)
class Revision:
    """Which published version of a session this is: SEQUENCE and LAST-MODIFIED.

    Calendars replace an event they hold only when its SEQUENCE rises; planner.changes keeps
    the history that makes it rise. Without one, a session is in its first version.
    """

    sequence: int
    modified: datetime


@dataclass(frozen=True, slots=True)
class Rendered:
    """A VEVENT as bytes, with what a feed needs to place it and give it VTIMEZONEs."""

    uid: str
    start: datetime
    """The first instant (UTC), for ordering feeds."""
    data: bytes
    zones: tuple[ZoneSpan, ...]


class VeventWriter:
    """Renders the sessions and travel legs of one programme with one DTSTAMP."""

    def __init__(
        self,
        programme: Programme,
        stamp: datetime,
        revisions: Mapping[str, Revision] | None = None,
        lang: Language = ENGLISH,
    ) -> None:
        self.programme = programme
        self.lang = lang
        """The language of the labels and planner's words (titles are as written)."""
        self._stamp_time = stamp
        self._stamp = line("DTSTAMP", format_utc(stamp))
        self._revisions = revisions or {}
        self._attendees: dict[tuple[str, str], bytes] = {}
        self._triggers = [
            line("TRIGGER", format_duration(-before)) for before in programme.reminders
        ]

    # -- sessions ---------------------------------------------------------------------------

    def session(self, session: Session, remote: bool = False) -> Rendered | None:
        """The session's VEVENT; None when it has no occurrence left to publish. ``remote``:
        as a person who joins it online sees it (the link, not the room)."""
        if not session.occurrences:
            return None
        uid = session_uid(session, self.programme.uid_domain)
        revision = self._revision(uid, session)
        head = [line("BEGIN", "VEVENT"), line("UID", text(uid)), self._stamp]
        body = self._body(session, revision, remote)
        data = b"".join([*head, *session_times(session), *body])
        for occurrence in stretched_occurrences(session):
            data += b"".join([*head, *override_times(occurrence), *body])
        first = session.occurrences[0]
        spans: tuple[ZoneSpan, ...] = ()
        if not session.all_day and session.timezone.key not in UTC_KEYS:
            spans = (ZoneSpan(session.timezone, first.start, session.occurrences[-1].end),)
        return Rendered(uid, first.start.astimezone(UTC), data, spans)

    def _revision(self, uid: str, session: Session) -> Revision:
        found = self._revisions.get(uid)
        if found is not None:
            return found
        # A first version; a cancellation is a revision of what was published before it.
        return Revision(1 if session.cancelled else 0, self._stamp_time)

    def _body(self, session: Session, revision: Revision, remote: bool = False) -> list[bytes]:
        """Everything after the times, through END:VEVENT."""
        lang = self.lang
        title = lang.text(session.title)
        summary = (
            lang.gettext("Cancelled: {title}").format(title=title) if session.cancelled else title
        )
        return [
            line("SUMMARY", text(summary)),
            line("DESCRIPTION", text(self._description(session))),
            *(self._online_place(session) if remote else self._place(session)),
            *self._categories(session),
            line("STATUS", _STATUS.get(session.status, "CONFIRMED")),
            *([line("TRANSP", "TRANSPARENT")] if session.cancelled else []),
            line("SEQUENCE", str(revision.sequence)),
            line("LAST-MODIFIED", format_utc(revision.modified)),
            *self._people(session),
            *_conference(session, lang),
            *([] if session.cancelled else self._alarms(summary)),
            line("END", "VEVENT"),
        ]

    def _description(self, session: Session) -> str:
        event = self.programme.events[session.event_id]
        lang = self.lang
        facts = [lang.gettext("Event: {title}").format(title=lang.text(event.title))]
        if session.origin_venue_id is not None:
            origin = self._venue_name(session.origin_venue_id)
            facts.append(lang.gettext("From: {place}").format(place=origin))
        if session.destination_venue_id is not None:
            destination = self._venue_name(session.destination_venue_id)
            facts.append(lang.gettext("To: {place}").format(place=destination))
        if session.chair:
            facts.append(lang.gettext("Chair: {name}").format(name=self._who(session.chair)))
        if len(session.speakers) == 1:
            speaker = self._who(session.speakers[0])
            facts.append(lang.gettext("Speaker: {name}").format(name=speaker))
        elif session.speakers:
            names = "".join(f"\n- {self._who(s)}" for s in session.speakers)
            facts.append(lang.gettext("Speakers:{names}").format(names=names))
        if session.online_url:
            facts.append(lang.gettext("Online: {url}").format(url=session.online_url))
        about = self.lang.text(session.description or "").strip()
        return "\n\n".join(part for part in (about, "\n".join(facts)) if part)

    def _venue_name(self, venue_id: str | None) -> str:
        venue = self.programme.venues.get(venue_id or "")
        return self.lang.text(venue.name) if venue else "?"

    def _who(self, person_or_group: str) -> str:
        person = self.programme.people.get(person_or_group)
        if person is None:
            group = self.programme.groups.get(person_or_group)
            return self.lang.text(group.name) if group else person_or_group
        organisation = self.programme.organisations.get(person.organisation_id or "")
        extra = [
            self.lang.text(part)
            for part in (person.role, organisation.label if organisation else None)
            if part
        ]
        return f"{person.name} ({', '.join(extra)})" if extra else person.name

    def _online_place(self, session: Session) -> list[bytes]:
        """Where a hybrid session is for someone who joins online: the link, no room."""
        lines = [line("LOCATION", text(self.lang.pgettext("location", "Online")))]
        if session.online_url:
            lines.append(line("URL", uri(session.online_url)))
        return lines

    def _place(self, session: Session) -> list[bytes]:
        venues = self.programme.venues
        lines = []
        if session.origin_venue_id or session.destination_venue_id:
            ends = (session.origin_venue_id, session.destination_venue_id)
            where = " → ".join(self._venue_name(venue_id) for venue_id in ends)
            venue = venues.get(session.origin_venue_id or session.venue_id or "")
        else:
            venue = venues.get(session.venue_id or "")
            online = self.lang.pgettext("location", "Online") if session.is_online else ""
            where = self._venue_text(session, venue) if venue else online
        if where:
            lines.append(line("LOCATION", text(where)))
        if venue is not None and venue.geo is not None:
            lines.append(line("GEO", f"{_number(venue.geo.lat)};{_number(venue.geo.lon)}"))
        link = self.programme.events[session.event_id].url or session.online_url
        if link:
            lines.append(line("URL", uri(link)))
        return lines

    def _venue_text(self, session: Session, venue: Venue) -> str:
        room = venue.rooms.get(session.room_id or "")
        parts = [room.name if room else None, venue.name, venue.address, venue.city]
        return ", ".join(_unique(self.lang.text(part) for part in parts if part))

    def _categories(self, session: Session) -> list[bytes]:
        event = self.programme.events[session.event_id]
        values = _unique([session.kind, event.kind, *session.tags, *event.tags])
        return [line("CATEGORIES", text_list(values))] if values else []

    def _people(self, session: Session) -> list[bytes]:
        chair = self.programme.people.get(session.chair or "")
        lines = []
        if chair is not None and chair.email:
            lines.append(line("ORGANIZER", _mailto(chair), f";CN={param(chair.name)}"))
        ordered = sorted(session.people, key=lambda pid: (pid != session.chair, pid))
        for person_id in ordered:
            role = "CHAIR" if person_id == session.chair else "REQ-PARTICIPANT"
            attendee = self._attendee(person_id, role)
            if attendee:
                lines.append(attendee)
        return lines

    def _attendee(self, person_id: str, role: str) -> bytes:
        """The ATTENDEE line, made once per person and role: people sit in many sessions."""
        key = (person_id, role)
        if key not in self._attendees:
            person = self.programme.people.get(person_id)
            found = b""
            if person is not None and person.email:
                found = line("ATTENDEE", _mailto(person), f";CN={param(person.name)};ROLE={role}")
            self._attendees[key] = found
        return self._attendees[key]

    def _alarms(self, summary: str) -> list[bytes]:
        if not self._triggers:
            return []
        said = line("DESCRIPTION", text(summary))
        return [
            line("BEGIN", "VALARM")
            + line("ACTION", "DISPLAY")
            + said
            + trigger
            + line("END", "VALARM")
            for trigger in self._triggers
        ]

    # -- travel -----------------------------------------------------------------------------

    def travel(self, person: Person) -> list[Rendered]:
        """Each travel leg of ``person`` as a VEVENT from the departure zone to the arrival zone."""
        uids = leg_uids(person, self.programme.uid_domain)
        return [self._leg(leg, person, uid) for leg, uid in zip(person.travel, uids, strict=True)]

    def _leg(self, leg: TravelLeg, person: Person, uid: str) -> Rendered:
        # Versioned like a session (planner.changes): a flight moved within its day keeps
        # its UID, so only a rising SEQUENCE makes calendars take the new time.
        revision = self._revisions.get(uid) or Revision(0, self._stamp_time)
        lines = [
            line("BEGIN", "VEVENT"),
            line("UID", text(uid)),
            self._stamp,
            *_leg_times(leg),
            line("SUMMARY", text(f"{_leg_title(leg, self.lang)} ({person.name})")),
            line("DESCRIPTION", text(_leg_description(leg, person, self.lang))),
            *([line("LOCATION", text(leg.origin))] if leg.origin else []),
            line("CATEGORIES", text_list(_unique(["travel", leg.mode]))),
            line("SEQUENCE", str(revision.sequence)),
            line("LAST-MODIFIED", format_utc(revision.modified)),
            line("END", "VEVENT"),
        ]
        spans = tuple(
            ZoneSpan(zone, moment, moment)
            for moment in (leg.depart, leg.arrive)
            if (zone := named_zone(moment.tzinfo)) is not None
        )
        return Rendered(uid, leg.depart.astimezone(UTC), b"".join(lines), spans)


# -- small helpers ------------------------------------------------------------------------------


def _conference(session: Session, lang: Language) -> list[bytes]:
    if not session.online_url:
        return []
    label = lang.gettext("Join online")
    params = f";VALUE=URI;FEATURE=VIDEO;LABEL={param(label)}"
    return [line("CONFERENCE", uri(session.online_url), params)]


def leg_uids(person: Person, uid_domain: str) -> list[str]:
    """The UID of each of ``person``'s travel legs, in order. It names the person, the day
    and the flight: stable when other legs are added, and a leg moved to another day is a
    different journey."""
    uids = []
    taken: dict[str, int] = {}
    for leg in person.travel:
        base = f"travel-{format_date(leg.depart.date())}-{_slug(leg.ref or leg.mode)}"
        taken[base] = taken.get(base, 0) + 1
        suffix = f"-{taken[base]}" if taken[base] > 1 else ""
        uids.append(f"{base}{suffix}.{person.id}@{uid_domain}")
    return uids


def _leg_times(leg: TravelLeg) -> list[bytes]:
    """Its instants; only its days (VALUE=DATE, the end exclusive) while a time is not known."""
    if leg.times_known:
        return [moment_line("DTSTART", leg.depart), moment_line("DTEND", leg.arrive)]
    last = leg.arrive.date() + timedelta(days=1)
    return [
        line("DTSTART", format_date(leg.depart.date()), ";VALUE=DATE"),
        line("DTEND", format_date(last), ";VALUE=DATE"),
    ]


def _leg_title(leg: TravelLeg, lang: Language) -> str:
    """``Flight KE 690 Hanoi HAN → Incheon ICN``."""
    route = f"{leg.origin or '?'} → {leg.destination or '?'}"
    return f"{travel_title(leg.mode, leg.ref, lang)} {route}"


def _leg_description(leg: TravelLeg, person: Person, lang: Language) -> str:
    mode = leg.mode if lang.english else travel_title(leg.mode, None, lang)
    facts = [
        lang.gettext("Traveller: {name}").format(name=person.name),
        lang.gettext("Mode: {mode}").format(mode=mode),
    ]
    if leg.ref:
        facts.append(lang.gettext("Reference: {reference}").format(reference=leg.ref))
    departs = lang.gettext("Departs: {place}, {time} ({zone})")
    arrives = lang.gettext("Arrives: {place}, {time} ({zone})")
    for label, place, moment in (
        (departs, leg.origin, leg.depart),
        (arrives, leg.destination, leg.arrive),
    ):
        zone = getattr(moment.tzinfo, "key", "UTC")
        when = f"{moment:%Y-%m-%d %H:%M}" if lang.english else lang.formats.moment(moment)
        facts.append(label.format(place=place or "?", time=when, zone=zone))
    return "\n".join(facts)


def _mailto(person: Person) -> str:
    return "mailto:" + uri(person.email or "")


def _number(value: float) -> str:
    """Degrees with up to six decimals (about 10 cm), without trailing zeros."""
    return f"{value:.6f}".rstrip("0").rstrip(".")


def _slug(value: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-") or "leg"


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))
