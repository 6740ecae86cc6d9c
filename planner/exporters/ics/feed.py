"""Whole feeds: a VCALENDAR head, the VTIMEZONEs its times need, and the VEVENTs.

:class:`IcsExporter` makes one feed for a :class:`~planner.exporters.base.Selection`;
:func:`all_feeds` makes every feed of a programme (programme, each event, person, group and
venue), rendering each session once however many feeds it appears in.

Feeds are reproducible: the same programme gives the same bytes. Nothing depends on the
clock: DTSTAMP is ``SOURCE_DATE_EPOCH`` when set, else the newest modification time of the
programme's files.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import ClassVar

import planner
from planner.exporters.base import Selection
from planner.exporters.ics.naming import FeedInfo, describe, feed_reader
from planner.exporters.ics.text import line, text
from planner.exporters.ics.vevent import Rendered, Revision, VeventWriter
from planner.exporters.ics.vtimezone import vtimezone
from planner.languages import ENGLISH, Language, language, reader_language
from planner.timeline import Programme, Session, TravelLeg

__all__ = [
    "FeedWriter",
    "IcsExporter",
    "UnknownId",
    "all_feeds",
    "check_selection",
    "dtstamp",
    "iter_feeds",
    "selected_sessions",
]

REFRESH = "PT1H"
"""How often subscribed calendars should fetch the feed again (most poll less often)."""
_PRODID = f"-//planner//planner {planner.__version__}//EN"


class UnknownId(LookupError):
    """A selection names an event, person, group or venue the programme does not have."""


def dtstamp(programme: Programme) -> datetime:
    """``SOURCE_DATE_EPOCH`` (seconds, UTC) when set, else ``programme.modified``; never now.

    Raises ValueError when ``SOURCE_DATE_EPOCH`` is not a whole number of seconds, as the
    reproducible-builds convention asks.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        if not epoch.isdigit():
            raise ValueError(f"SOURCE_DATE_EPOCH must be a whole number of seconds, not {epoch!r}")
        return datetime.fromtimestamp(int(epoch), UTC)
    return programme.modified.astimezone(UTC).replace(microsecond=0)


def check_selection(programme: Programme, selection: Selection) -> None:
    """Raise :class:`UnknownId` with a helpful sentence if the selection names a missing id."""
    wanted = (
        ("event", selection.event, programme.events),
        ("person", selection.person, programme.people),
        ("group", selection.group, programme.groups),
        ("venue", selection.venue, programme.venues),
    )
    for noun, key, known in wanted:
        if key is not None and key not in known:
            raise UnknownId(_unknown(noun, key, known, programme))


def _unknown(noun: str, key: str, known: Mapping[str, object], programme: Programme) -> str:
    message = f"there is no {noun} with the id `{key}`"
    elsewhere = {"person": programme.groups, "group": programme.people}.get(noun, {})
    if key in elsewhere:
        other = "group" if noun == "person" else "person"
        return f"{message}; `{key}` is a {other}: use --{other} {key}"
    guess = difflib.get_close_matches(key, list(known), n=1, cutoff=0.6)
    return message + (f"; did you mean `{guess[0]}`?" if guess else "")


class FeedWriter:
    """Makes feeds of one programme; each session and travel leg is rendered once."""

    def __init__(
        self,
        programme: Programme,
        stamp: datetime | None = None,
        revisions: Mapping[str, Revision] | None = None,
        lang: Language = ENGLISH,
    ) -> None:
        self.programme = programme
        self.lang = lang
        self.stamp = stamp or dtstamp(programme)
        self._writer = VeventWriter(programme, self.stamp, revisions, lang)
        self._sessions: dict[tuple[int, bool], Rendered | None] = {}
        self._travel: dict[str, list[Rendered]] = {}

    def session(self, session: Session, remote: bool = False) -> Rendered | None:
        # By identity: the programme keeps every session alive as long as this writer.
        key = (id(session), remote)
        if key not in self._sessions:
            self._sessions[key] = self._writer.session(session, remote)
        return self._sessions[key]

    def travel(self, person_id: str) -> list[Rendered]:
        if person_id not in self._travel:
            self._travel[person_id] = self._writer.travel(self.programme.people[person_id])
        return self._travel[person_id]

    def legs(self, person_id: str, legs: Iterable[TravelLeg]) -> list[Rendered]:
        """The rendered form of some of ``person_id``'s legs."""
        chosen = {leg.index for leg in legs}
        person = self.programme.people[person_id]
        return [
            r
            for leg, r in zip(person.travel, self.travel(person_id), strict=True)
            if leg.index in chosen
        ]

    def feed(
        self,
        info: FeedInfo,
        sessions: Iterable[Session],
        legs: Iterable[TravelLeg] = (),
        reader: str | None = None,
    ) -> bytes:
        """The VCALENDAR with these sessions and travel legs, ordered by start; a person's
        own feed (``reader``) shows the sessions they join online (``remote``) as online."""
        items = [
            rendered
            for s in sessions
            if (rendered := self.session(s, reader is not None and reader in s.remote)) is not None
        ]
        by_person: dict[str, list[TravelLeg]] = {}
        for leg in legs:
            by_person.setdefault(leg.person_id, []).append(leg)
        for person_id, chosen in by_person.items():
            items.extend(self.legs(person_id, chosen))
        return self.assemble(info, items)

    def assemble(self, info: FeedInfo, items: Sequence[Rendered]) -> bytes:
        ordered = sorted(items, key=_order)
        parts = [self._head(info), *self._timezones(ordered)]
        parts.extend(item.data for item in ordered)
        parts.append(line("END", "VCALENDAR"))
        return b"".join(parts)

    def _head(self, info: FeedInfo) -> bytes:
        return b"".join(
            (
                line("BEGIN", "VCALENDAR"),
                line("VERSION", "2.0"),
                line("PRODID", text(_PRODID)),
                line("CALSCALE", "GREGORIAN"),
                line("NAME", text(info.name)),
                line("X-WR-CALNAME", text(info.name)),
                line("DESCRIPTION", text(info.description)),
                line("X-WR-CALDESC", text(info.description)),
                line("REFRESH-INTERVAL", REFRESH, ";VALUE=DURATION"),
                line("X-PUBLISHED-TTL", REFRESH),
            )
        )

    def _timezones(self, items: Sequence[Rendered]) -> list[bytes]:
        spans: dict[str, tuple[datetime, datetime]] = {}
        zones = {}
        for item in items:
            for span in item.zones:
                key = span.zone.key
                zones[key] = span.zone
                if key in spans:
                    first, last = spans[key]
                    spans[key] = (min(first, span.first), max(last, span.last))
                else:
                    spans[key] = (span.first, span.last)
        if not items:
            # A VCALENDAR needs one component at least (RFC 5545 3.6): an empty feed (a
            # person with nothing yet) carries the programme's zone so it stays valid.
            first, last = _programme_span(self.programme, self.stamp)
            return [vtimezone(self.programme.timezone, first, last)]
        return [vtimezone(zones[key], *spans[key]) for key in sorted(spans)]


def _order(item: Rendered) -> tuple[datetime, str]:
    return item.start, item.uid


def _programme_span(programme: Programme, stamp: datetime) -> tuple[datetime, datetime]:
    first, last = programme.first_day, programme.last_day
    if first is None or last is None:
        return stamp, stamp
    return first.astimezone(UTC), last.astimezone(UTC)


class IcsExporter:
    """iCalendar (RFC 5545, RFC 7986) feeds: ``export(programme, selection) -> bytes``."""

    name: ClassVar[str] = "ics"
    extension: ClassVar[str] = "ics"
    content_type: ClassVar[str] = "text/calendar"

    def __init__(
        self,
        *,
        stamp: datetime | None = None,
        revisions: Mapping[str, Revision] | None = None,
        lang: str | None = None,
    ) -> None:
        self.stamp = stamp
        self.revisions = revisions
        self.lang = language(lang) if lang else None
        """The feeds' language (calendar name, labels, planner's words, the programme's
        texts); None: the reader's, else the programme's. ``NoCatalog`` if planner lacks it."""

    def export(self, programme: Programme, selection: Selection) -> bytes:
        """One feed; raises :class:`UnknownId` for an id the programme does not have."""
        check_selection(programme, selection)
        sessions = _selected_sessions(programme, selection)
        legs = selected_travel(programme, selection)
        lang = self.lang or reader_language(feed_reader(programme, selection), programme.language)
        writer = FeedWriter(programme, self.stamp, self.revisions, lang)
        info = describe(programme, selection, lang)
        return writer.feed(info, sessions, legs, reader=selection.person)

    def files(self, programme: Programme, selection: Selection) -> Iterator[tuple[str, bytes]]:
        """Every feed (:func:`iter_feeds`); they are of the whole programme, so the selection
        must be empty."""
        if selection != Selection():
            raise ValueError("every feed is of the whole programme: give no selection")
        return iter_feeds(programme, stamp=self.stamp, lang=self.lang, revisions=self.revisions)


def selected_sessions(programme: Programme, selection: Selection) -> list[Session]:
    """The sessions a feed of ``selection`` holds (a repeating session whole if any
    occurrence is within the dates)."""
    return _selected_sessions(programme, selection)


def _selected_sessions(programme: Programme, selection: Selection) -> list[Session]:
    sessions = list(selection.sessions(programme))
    if selection.who is not None and selection.venue is not None:
        venue = selection.venue
        sessions = [
            s for s in sessions if venue in (s.venue_id, s.origin_venue_id, s.destination_venue_id)
        ]
    if selection.first_day is None and selection.last_day is None:
        return sessions
    # A repeating session is one VEVENT: it is in the feed whole if any occurrence is in range.
    within = {occurrence.session.key for occurrence in selection.occurrences(programme)}
    return [s for s in sessions if s.key in within]


def selected_travel(programme: Programme, selection: Selection) -> list[TravelLeg]:
    """A person's or group's legs; with an event, those from the day before it to the day
    after; with dates, those that overlap them. None for a venue selection."""
    if selection.who is None or selection.venue is not None:
        return []
    first, last = selection.first_day, selection.last_day
    if selection.event is not None:
        event_first, event_last = _event_days(programme, selection.event)
        first = (
            max(day for day in (first, event_first) if day is not None) if event_first else first
        )
        last = min(day for day in (last, event_last) if day is not None) if event_last else last
    return [
        leg
        for leg in programme.travel_of(selection.who)
        if (first is None or leg.arrive.date() >= first)
        and (last is None or leg.depart.date() <= last)
    ]


def _event_days(programme: Programme, event_id: str) -> tuple[date | None, date | None]:
    """The event's days widened by one on each side (arrivals come the day before)."""
    event = programme.events[event_id]
    occurrences = [o for s in event.sessions for o in s.occurrences]
    first = event.first_day or min((o.first_day for o in occurrences), default=None)
    last = event.last_day or max((o.last_day for o in occurrences), default=None)
    one = timedelta(days=1)
    return (first - one if first else None), (last + one if last else None)


def all_feeds(
    programme: Programme,
    *,
    stamp: datetime | None = None,
    revisions: Mapping[str, Revision] | None = None,
    lang: Language | None = None,
) -> dict[str, bytes]:
    """Every feed, by relative path: ``programme.ics``, ``events/ID.ics``, ``people/ID.ics``,
    ``groups/ID.ics``, ``venues/ID.ics``. The same as exporting each selection one by one,
    but each session is rendered once and the indexes are built once."""
    return dict(iter_feeds(programme, stamp=stamp, revisions=revisions, lang=lang))


def iter_feeds(
    programme: Programme,
    *,
    stamp: datetime | None = None,
    revisions: Mapping[str, Revision] | None = None,
    lang: Language | None = None,
) -> Iterator[tuple[str, bytes]]:
    """:func:`all_feeds` one feed at a time, so a writer never holds them all in memory.

    ``revisions`` (UID -> SEQUENCE and LAST-MODIFIED, from :mod:`planner.changes`) says which
    version of each session this is; without, every session is in its first version.
    """
    writers: dict[Language, FeedWriter] = {}

    def feed(
        path: str, selection: Selection, sessions: Iterable[Session], legs: Iterable[TravelLeg] = ()
    ) -> tuple[str, bytes]:
        # A person's and a group's feeds are in their language; the others in the programme's.
        chosen = lang or reader_language(feed_reader(programme, selection), programme.language)
        writer = writers.get(chosen)
        if writer is None:
            writer = writers[chosen] = FeedWriter(programme, stamp, revisions, chosen)
        info = describe(programme, selection, chosen)
        return path, writer.feed(info, sessions, legs, reader=selection.person)

    yield feed("programme.ics", Selection(), programme.sessions)
    for event_id, event in programme.events.items():
        yield feed(f"events/{event_id}.ics", Selection(event=event_id), event.sessions)
    for person_id, person in programme.people.items():
        attended = programme.sessions_by_person[person_id]
        yield feed(f"people/{person_id}.ics", Selection(person=person_id), attended, person.travel)
    for group_id, sessions in _sessions_by_group(programme).items():
        legs = programme.travel_of(group_id)
        yield feed(f"groups/{group_id}.ics", Selection(group=group_id), sessions, legs)
    for venue_id, at_venue in _sessions_by_venue(programme).items():
        yield feed(f"venues/{venue_id}.ics", Selection(venue=venue_id), at_venue)


def _sessions_by_group(programme: Programme) -> dict[str, list[Session]]:
    """What :meth:`Programme.sessions_of` gives for each group, in one pass over the sessions."""
    groups_of: dict[str, list[str]] = {}
    for group_id, group in programme.groups.items():
        for person_id in group.people:
            groups_of.setdefault(person_id, []).append(group_id)
    found: dict[str, list[Session]] = {group_id: [] for group_id in programme.groups}
    for session in programme.sessions:
        touched = {g for person_id in session.people for g in groups_of.get(person_id, ())}
        for group_id in touched:
            found[group_id].append(session)
    return found


def _sessions_by_venue(programme: Programme) -> dict[str, list[Session]]:
    """What :meth:`Programme.sessions_at` gives for each venue, in one pass."""
    found: dict[str, list[Session]] = {venue_id: [] for venue_id in programme.venues}
    for session in programme.sessions:
        ends = {session.venue_id, session.origin_venue_id, session.destination_venue_id}
        for venue_id in ends:
            if venue_id in found:
                found[venue_id].append(session)
    return found
