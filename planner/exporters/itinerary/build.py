"""From the resolved programme to itineraries and agendas (the format-neutral model).

A :class:`ScheduleBuilder` turns each session occurrence and travel leg into a
:class:`~planner.exporters.itinerary.model.Row` once and keeps it, so every itinerary costs
one pass over its person's own sessions, never a scan of the whole programme per person.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import tzinfo
from zoneinfo import ZoneInfo

from planner.exporters.itinerary.agenda import agenda_header, choose_rooms
from planner.exporters.itinerary.choices import (
    NotFound,
    ScheduleError,
    UnknownZone,
    check_time_choice,
    time_view,
    view_text,
)
from planner.exporters.itinerary.days import (
    by_day,
    common_zone,
    presence_text,
    room_grid,
    sorted_rows,
    summarise,
    window_details,
)
from planner.exporters.itinerary.model import (
    SESSION,
    TRAVEL,
    Agenda,
    Header,
    Itinerary,
    Row,
    TimeView,
    Window,
)
from planner.exporters.itinerary.summary import summary_of
from planner.exporters.itinerary.text import travel_title
from planner.languages import ENGLISH, Language
from planner.timeline import Group, Person, Programme, Session

__all__ = [
    "ALL_DAYS",
    "NotFound",
    "ScheduleBuilder",
    "ScheduleError",
    "UnknownZone",
    "build_agenda",
    "build_itinerary",
    "check_time_choice",
    "summarise",
    "time_view",
]

ALL_DAYS = Window()


class ScheduleBuilder:
    """Builds itineraries and agendas of one programme, sharing rows between them."""

    def __init__(self, programme: Programme, lang: Language = ENGLISH) -> None:
        self.programme = programme
        self.lang = lang
        """The language of the schedules' words (the programme's texts are as written)."""
        self._session_rows: dict[int, tuple[Row, ...]] = {}
        """By ``id(session)``: the programme, and so every session, lives as long as this."""
        self._remote_rows: dict[int, tuple[Row, ...]] = {}
        self._travel_rows: dict[str, tuple[Row, ...]] = {}
        self._placed_cache: dict[tuple[str, str], Row] = {}
        self._file_order = {id(session): n for n, session in enumerate(programme.sessions)}
        self._names = {key: value.name for key, value in programme.people.items()}
        self._names.update((key, lang.text(value.name)) for key, value in programme.groups.items())

    # --- itineraries -------------------------------------------------------------------

    def itinerary(
        self, who: str, window: Window = ALL_DAYS, tz: str = "local", event: str | None = None
    ) -> Itinerary:
        """The itinerary of the person or group ``who`` (its travel, and one event's sessions)."""
        check_time_choice(tz)
        if event is not None and event not in self.programme.events:
            raise NotFound("event", event, self.programme.events)
        person = self.programme.people.get(who)
        if person is not None:
            return self._person(person, window, tz, event)
        group = self.programme.groups.get(who)
        if group is not None:
            return self._group(group, window, tz, event)
        raise NotFound("person or group", who, [*self.programme.people, *self.programme.groups])

    def _person(self, person: Person, window: Window, tz: str, event: str | None) -> Itinerary:
        rows = list(self.travel_rows(person))
        kept = self._session_rows.get  # once per session of each person: looked up once
        for session in self.programme.sessions_by_person[person.id]:
            if event is not None and session.event_id != event:
                continue
            if person.id in session.remote:
                rows.extend(self.remote_rows(session))
            else:
                rows.extend(kept(id(session)) or self.session_rows(session))
        rows = self._placed_rows(sorted_rows(self._in_window(rows, window)), person.timezone)
        view = time_view(tz, person.timezone, self.lang)
        details = self._person_details(person, view, window)
        header = Header(self._titled(self.lang.gettext("Itinerary")), person.name, details)
        days, summary, tag = by_day(rows), summarise(rows), self.lang.tag
        return Itinerary(header, days, summary, view, who=person.id, language=tag)

    def _group(self, group: Group, window: Window, tz: str, event: str | None) -> Itinerary:
        by_person = self.programme.sessions_by_person
        # Each session once, whichever members attend it (by identity: hashing a Session
        # builds its key, and a large group has thousands).
        sessions = {id(s): s for member in group.people for s in by_person[member]}.values()
        rows = self._group_travel(group)
        for session in sessions:
            if event is not None and session.event_id != event:
                continue
            attendees = self._attendees(group, session.people)
            for row in self.session_rows(session):
                rows.append(row if attendees is None else row.with_attendees(attendees))
        home = common_zone(self.programme.people[member] for member in group.people)
        rows = self._placed_rows(sorted_rows(self._in_window(rows, window)), home)
        lang = self.lang
        view = time_view(tz, home, lang)
        members = lang.formats.names([self._names[member] for member in group.people])
        details = (
            (lang.gettext("Members"), members),
            *self._when(window, view),
        )
        header = Header(self._titled(lang.gettext("Itinerary")), lang.text(group.name), details)
        days, summary, tag = by_day(rows), summarise(rows), self.lang.tag
        return Itinerary(header, days, summary, view, is_group=True, who=group.id, language=tag)

    def _attendees(self, group: Group, people: Sequence[str]) -> tuple[str, ...] | None:
        """Names of the members in a session, or None when every member is."""
        inside = set(group.people).intersection(people)
        if len(inside) == len(group.people):
            return None
        return tuple(self._names[member] for member in group.people if member in inside)

    def _group_travel(self, group: Group) -> list[Row]:
        """Members' legs; a flight several members share is one row naming who is on it."""
        shared: dict[tuple[object, ...], list[str]] = {}
        first: dict[tuple[object, ...], Row] = {}
        same: tuple[object, ...]
        for member in group.people:
            person = self.programme.people[member]
            for leg, row in zip(person.travel, self.travel_rows(person), strict=True):
                same = (leg.mode, leg.ref, leg.origin, leg.destination, leg.depart, leg.arrive)
                shared.setdefault(same, []).append(member)
                first.setdefault(same, row)
        rows = []
        for same, members in shared.items():
            everyone = len(members) == len(group.people)
            if everyone:
                rows.append(first[same])
            else:
                names = tuple(self._names[member] for member in members)
                rows.append(first[same].with_attendees(names))
        return rows

    def _person_details(
        self, person: Person, view: TimeView, window: Window
    ) -> tuple[tuple[str, str], ...]:
        lang = self.lang
        details: list[tuple[str, str]] = []
        organisation = self.programme.organisations.get(person.organisation_id or "")
        if organisation is not None:
            name, short = lang.text(organisation.name), lang.optional_text(organisation.short)
            label = f"{name} ({short})" if short and short != name else name
            details.append((lang.gettext("Organisation"), label))
        if person.role:
            details.append((lang.gettext("Role"), lang.text(person.role)))
        if person.timezone is not None:
            details.append((lang.gettext("Home time zone"), lang.zone_name(person.timezone)))
        presence = presence_text(person, lang)
        if presence:
            details.append((lang.gettext("In the programme"), presence))
        return (*details, *self._when(window, view))

    # --- agendas -------------------------------------------------------------------------

    def agenda(
        self,
        *,
        event: str | None = None,
        venue: str | None = None,
        window: Window = ALL_DAYS,
        tz: str = "local",
        by_room: bool = False,
        rooms: Sequence[str] = (),
    ) -> Agenda:
        """Sessions of an event, a venue, some rooms and some days, as a list or as room grids
        (of one venue: ``venue``, or the one venue of ``rooms``)."""
        programme = self.programme
        if event is not None and event not in programme.events:
            raise NotFound("event", event, programme.events)
        if venue is not None and venue not in programme.venues:
            raise NotFound("venue", venue, programme.venues)
        chosen = choose_rooms(programme, venue, rooms) if rooms else None
        if chosen is not None and len(chosen.venues) == 1:
            venue = chosen.venues[0]
        if by_room and venue is None:
            raise ScheduleError("a grid of rooms is one venue's: choose it with --venue")
        check_time_choice(tz)
        rows: list[Row] = []
        for session in programme.sessions_at(venue) if venue else programme.sessions:
            if (event is None or session.event_id == event) and (
                chosen is None or chosen.holds(session.venue_id, session.room_id)
            ):
                rows.extend(self.session_rows(session))
        rows = sorted_rows(self._in_window(rows, window))
        view, days = time_view(tz, None, self.lang), by_day(rows)
        grid = None
        if venue and by_room:
            only = chosen.rooms_of(venue) if chosen is not None else None
            grid = room_grid(days, programme.venues[venue], view, self.lang, only)
        header = agenda_header(
            programme, self.lang, self._titled(self.lang.gettext("Agenda")), event, venue, chosen
        )
        header = replace(header, details=(*header.details, *self._when(window, view)))
        return Agenda(header, days, summarise(rows), view, grid=grid, language=self.lang.tag)

    def _when(self, window: Window, view: TimeView) -> tuple[tuple[str, str], ...]:
        """The header's dates and how its times read."""
        lang = self.lang
        return (*window_details(window, lang), (lang.gettext("Times"), view_text(view, lang)))

    def _titled(self, title: str) -> str:
        """A title, marked when the programme is published as a draft."""
        if not self.programme.draft:
            return title
        return title + " (" + self.lang.pgettext("draft mark", "DRAFT") + ")"

    # --- rows ------------------------------------------------------------------------------

    def session_rows(self, session: Session) -> tuple[Row, ...]:
        """One row per occurrence of ``session`` (built once, then shared)."""
        rows = self._session_rows.get(id(session))
        if rows is None:
            rows = self._session_rows[id(session)] = self._make_session_rows(session)
        return rows

    def _speaker(self, speaker: str, session: Session) -> str:
        """A speaker's name; one who joins a hybrid session online is marked so."""
        name = self._names.get(speaker, speaker)
        online = self.lang.gettext("{name} (online)") if speaker in session.remote else "{name}"
        return online.format(name=name)

    def remote_rows(self, session: Session) -> tuple[Row, ...]:
        """The rows of a hybrid session for someone who joins online: the link, no room."""
        if id(session) not in self._remote_rows:
            self._remote_rows[id(session)] = tuple(
                replace(row, venue_name=None, room_id=None, room_name=None, city=None, remote=True)
                for row in self.session_rows(session)
            )
        return self._remote_rows[id(session)]

    def travel_rows(self, person: Person) -> tuple[Row, ...]:
        """One row per travel leg of ``person``, in the order of ``person.travel``."""
        rows = self._travel_rows.get(person.id)
        if rows is None:
            rows = self._travel_rows[person.id] = tuple(
                Row(
                    uid=f"travel/{person.id}#{leg.index}",
                    kind=TRAVEL,
                    category=leg.mode,
                    title=travel_title(leg.mode, leg.ref, self.lang),
                    status="confirmed",
                    start=leg.depart,
                    end=leg.arrive,
                    # A leg known only by its dates shows as those days, without times.
                    all_day=not leg.times_known,
                    day=leg.depart.date(),
                    last_day=leg.arrive.date(),
                    origin=leg.origin,
                    destination=leg.destination,
                    starts_at=leg.depart.timestamp(),
                    ends_at=leg.arrive.timestamp(),
                    order=-1,
                )
                for leg in person.travel
            )
        return rows

    def _make_session_rows(self, session: Session) -> tuple[Row, ...]:
        programme = self.programme
        venue = programme.venues.get(session.venue_id or "")
        room = venue.rooms.get(session.room_id or "") if venue is not None else None
        moving = bool(session.origin_venue_id or session.destination_venue_id)
        text, optional = self.lang.text, self.lang.optional_text
        common = {
            "kind": SESSION,
            "category": session.kind,
            "title": text(session.title),
            "status": session.status,
            "all_day": session.all_day,
            "event_id": session.event_id,
            "event_title": text(programme.events[session.event_id].title),
            "venue_id": session.venue_id,
            "venue_name": text(venue.name) if venue is not None else None,
            "room_id": session.room_id,
            "room_name": text(room.name) if room is not None else None,
            "city": optional(venue.city) if venue and not venue.online and not moving else None,
            "online_url": session.online_url,
            "origin": self._venue_name(session.origin_venue_id),
            "destination": self._venue_name(session.destination_venue_id),
            "chair": self._names.get(session.chair) if session.chair else None,
            "speakers": tuple(self._speaker(s, session) for s in session.speakers),
            "notes": optional(session.description) or optional(session.abstract),
            "summary": summary_of(optional(session.abstract), optional(session.description)),
            "remote": bool(session.online_url) and (venue is None or venue.online),
        }
        return tuple(
            Row(
                uid=f"{session.key}#{occurrence.index}",
                start=occurrence.start,
                end=occurrence.end,
                day=occurrence.first_day,
                last_day=occurrence.last_day,
                starts_at=occurrence.start.timestamp(),
                ends_at=occurrence.end.timestamp(),
                order=self._file_order[id(session)],
                **common,  # type: ignore[arg-type]
            )
            for occurrence in session.occurrences
        )

    def _venue_name(self, venue_id: str | None) -> str | None:
        if venue_id is None:
            return None
        venue = self.programme.venues.get(venue_id)
        return self.lang.text(venue.name) if venue is not None else venue_id

    def _in_window(self, rows: list[Row], window: Window) -> list[Row]:
        if window.first_day is None and window.last_day is None:
            return rows
        return [row for row in rows if window.overlaps(row.day, row.last_day)]

    def _placed_rows(self, rows: list[Row], home: ZoneInfo | None) -> list[Row]:
        """Online sessions in the zone where the person is then, by their travel legs.

        A webinar at 12:00 in Geneva falls on the day, and at the hour, where the person
        sits: at home, or where their last leg (taken by the whole group) arrived.
        """
        if not any(row.remote for row in rows):
            return rows
        here: tzinfo | None = home
        placed = []
        for row in rows:
            if row.kind == TRAVEL and row.attendees is None:
                here = row.end.tzinfo
            elif row.remote and not row.all_day:
                row = self._place(row, here or row.start.tzinfo)
            placed.append(row)
        return placed

    def _place(self, row: Row, zone: tzinfo | None) -> Row:
        key = (row.uid, str(zone))
        found = self._placed_cache.get(key)
        if found is None:
            start, end = row.start.astimezone(zone), row.end.astimezone(zone)
            found = replace(row, start=start, end=end, day=start.date(), last_day=end.date())
            self._placed_cache[key] = found
        return found


def build_itinerary(
    programme: Programme, who: str, window: Window = ALL_DAYS, tz_choice: str = "local"
) -> Itinerary:
    """The itinerary of one person or group (``tz_choice``: ``local``, ``home`` or a zone)."""
    return ScheduleBuilder(programme).itinerary(who, window, tz_choice)


def build_agenda(
    programme: Programme,
    *,
    event: str | None = None,
    venue: str | None = None,
    window: Window = ALL_DAYS,
    tz_choice: str = "local",
    by_room: bool = False,
) -> Agenda:
    """The agenda of an event, a venue, some days, or the whole programme."""
    builder = ScheduleBuilder(programme)
    return builder.agenda(event=event, venue=venue, window=window, tz=tz_choice, by_room=by_room)
