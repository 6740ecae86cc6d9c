"""From validated entries to the resolved programme: references, zones, times, repeats."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, time, timedelta
from types import MappingProxyType
from typing import Any
from zoneinfo import ZoneInfo

from planner.diagnostics import Diagnostic, Location, Severity
from planner.loading.files import SourceFiles
from planner.loading.schema_errors import closest
from planner.loading.sourcemap import PathPart
from planner.loading.validate import Entry, ValidatedSections
from planner.model import Event as EventModel
from planner.model import Person as PersonModel
from planner.model import Session as SessionModel
from planner.model import Venue as VenueModel
from planner.timeline import objects as timeline
from planner.timeline.programme import Programme
from planner.timeline.times import (
    DEFAULT_REPEAT_SPAN,
    LocalTimeIssue,
    RepeatError,
    expand_repeat,
    localize,
    parse_date,
    parse_duration,
    parse_local,
    parse_time,
)
from planner.timeline.zones import closest_zone, get_zone, is_zone

__all__ = ["resolve", "slugify"]

_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_ONE_DAY = timedelta(days=1)


def slugify(text: str) -> str:
    """``Rooftop solar at Seoul Green Building`` -> ``rooftop-solar-at-seoul-green-building``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "session"


def resolve(
    sources: SourceFiles, sections: ValidatedSections
) -> tuple[Programme | None, list[Diagnostic]]:
    """The resolved programme (None if the settings are unusable) and every problem found."""
    resolver = _Resolver(sources, sections)
    programme = resolver.run()
    return programme, resolver.diagnostics


class _Resolver:
    def __init__(self, sources: SourceFiles, sections: ValidatedSections) -> None:
        self.sources = sources
        self.sections = sections
        self.diagnostics: list[Diagnostic] = []
        self.references: dict[str, int] = {}
        self.known_ids = sections.invalid_ids | {
            entry_id for entries in sections.entries.values() for entry_id in entries
        }
        self.venues: dict[str, timeline.Venue] = {}
        self.people: dict[str, timeline.Person] = {}
        self.groups: dict[str, timeline.Group] = {}
        self.group_people: dict[str, tuple[str, ...]] = {}

    # -- helpers ---------------------------------------------------------------------------

    def where(self, entry: Entry, *sub: PathPart, at_key: bool = False) -> Location:
        path = [*entry.path, *sub]
        return self.sources.source_map.locate(entry.file.data, path, at_key=at_key)

    def report(
        self, code: str, message: str, where: Location, severity: Severity = Severity.ERROR
    ) -> None:
        self.diagnostics.append(Diagnostic(code, severity, message, where))

    def zone(self, name: str, entry: Entry, *sub: PathPart) -> ZoneInfo | None:
        if is_zone(name):
            return get_zone(name)
        guess = closest_zone(name)
        hint = f"; did you mean `{guess}`?" if guess else " (use an IANA name like Asia/Seoul)"
        if re.fullmatch(r"[+-]?\d{1,4}(:?\d{2})?|(UTC|GMT)[+-].*", name):
            hint = " (write the place's IANA zone, like Asia/Almaty, not an offset)"
        self.report(
            "invalid-timezone", f"`{name}` is not a time zone name{hint}", self.where(entry, *sub)
        )
        return None

    def refer(self, kinds: Sequence[str], target: str, entry: Entry, *sub: PathPart) -> bool:
        """Count a reference to ``target`` among ``kinds``; report it if nothing has that id."""
        if any(target in self.sections.entries[kind] for kind in kinds):
            self.references[target] = self.references.get(target, 0) + 1
            return True
        if target in self.sections.invalid_ids:
            return False
        candidates = [entry_id for kind in kinds for entry_id in self.sections.entries[kind]]
        guess = closest(target, candidates)
        noun = " or ".join(_SINGULAR[kind] for kind in kinds)
        hint = f"; did you mean `{guess}`?" if guess else ""
        self.report(
            "unknown-reference",
            f"there is no {noun} with the id `{target}`{hint}",
            self.where(entry, *sub),
        )
        return False

    # -- the whole programme ---------------------------------------------------------------

    def run(self) -> Programme | None:
        settings = self.sections.settings
        entries = self.sections.entries
        organisations = {
            key: self._organisation(entry) for key, entry in entries["organisations"].items()
        }
        for key, entry in entries["venues"].items():
            venue = self._venue(entry)
            if venue is not None:
                self.venues[key] = venue
        for key, entry in entries["people"].items():
            person = self._person(entry)
            if person is not None:
                self.people[key] = person
        self._expand_groups()
        programme_zone = get_zone("UTC")
        if settings is not None:
            root = self.sources.files[0]
            header = Entry("programme", settings, root, ("programme",))
            programme_zone = self.zone(settings.timezone, header, "timezone") or programme_zone
        events = {}
        for key, entry in entries["events"].items():
            events[key] = self._event(entry, programme_zone)
        if settings is None:
            return None
        files = tuple(loaded.display for loaded in self.sources.files)
        modified = max(loaded.path.stat().st_mtime for loaded in self.sources.files)
        return Programme(
            name=settings.name,
            uid_domain=settings.uid_domain or f"{slugify(settings.name)}.invalid",
            timezone=programme_zone,
            reminders=tuple(_duration(text) for text in settings.reminders),
            rules=MappingProxyType(dict(settings.rules)),
            organisations=MappingProxyType(organisations),
            venues=MappingProxyType(self.venues),
            people=MappingProxyType(self.people),
            groups=MappingProxyType(self.groups),
            events=MappingProxyType(events),
            files=files,
            modified=datetime.fromtimestamp(int(modified), UTC),
            warnings=(),
            references=MappingProxyType(self.references),
            rules_locations=MappingProxyType(self._rules_locations()),
        )

    def _rules_locations(self) -> dict[tuple[PathPart, ...], Location]:
        """Locations of everything under ``programme.rules``, for the rule engine's messages."""
        data = self.sources.files[0].data
        found: dict[tuple[PathPart, ...], Location] = {}
        programme = data.get("programme")
        if isinstance(programme, dict) and "rules" in programme:
            self._locate_rules(data, (), programme["rules"], found)
        return found

    def _locate_rules(
        self,
        data: Any,
        path: tuple[PathPart, ...],
        value: Any,
        found: dict[tuple[PathPart, ...], Location],
    ) -> None:
        at_key = bool(path) and isinstance(path[-1], str)
        found[path] = self.sources.source_map.locate(
            data, ("programme", "rules", *path), at_key=at_key
        )
        children: Iterable[tuple[PathPart, Any]] = ()
        if isinstance(value, dict):
            children = value.items()
        elif isinstance(value, list):
            children = enumerate(value)
        for key, child in children:
            if len(path) < 4:  # rule settings are shallow; a deeper typo is found at its parent
                self._locate_rules(data, (*path, key), child, found)

    # -- who and where ---------------------------------------------------------------------

    def _organisation(self, entry: Entry) -> timeline.Organisation:
        model = entry.model
        return timeline.Organisation(
            entry.id,
            model.name,
            model.short,
            model.url,
            model.country,
            self.where(entry, at_key=True),
        )

    def _venue(self, entry: Entry) -> timeline.Venue | None:
        model: VenueModel = entry.model
        zone = self.zone(model.timezone, entry, "timezone")
        if zone is None:
            return None
        rooms = {
            room_id: timeline.Room(room_id, room.name or room_id, room.capacity)
            for room_id, room in model.rooms.items()
        }
        geo = timeline.Geo(model.geo.lat, model.geo.lon) if model.geo else None
        return timeline.Venue(
            id=entry.id,
            name=model.name,
            address=model.address,
            city=model.city,
            country=model.country,
            timezone=zone,
            geo=geo,
            capacity=model.capacity,
            hours=self._hours(entry),
            rooms=MappingProxyType(rooms),
            online=model.online,
            url=model.url,
            location=self.where(entry, at_key=True),
        )

    def _hours(self, entry: Entry) -> timeline.OpeningHours | None:
        try:
            return _opening_hours(entry.model.hours)
        except ValueError:
            self.report(
                "schema",
                "the opening hours are not real times (00:00 to 23:59)",
                self.where(entry, "hours"),
            )
            return None

    def _person(self, entry: Entry) -> timeline.Person | None:
        model: PersonModel = entry.model
        zone = self.zone(model.timezone, entry, "timezone") if model.timezone else None
        if model.organisation:
            self.refer(("organisations",), model.organisation, entry, "organisation")
        travel = [
            leg
            for index, raw in enumerate(model.travel)
            if (leg := self._leg(entry, index, raw, zone))
        ]
        travel.sort(key=lambda leg: leg.depart)
        unavailable = [
            window
            for index, raw in enumerate(model.unavailable)
            if (window := self._unavailable(entry, index, raw, zone))
        ]
        return timeline.Person(
            id=entry.id,
            name=model.name,
            organisation_id=model.organisation,
            role=model.role,
            country=model.country,
            timezone=zone,
            email=model.email,
            travel=tuple(travel),
            unavailable=tuple(unavailable),
            location=self.where(entry, at_key=True),
        )

    def _leg(
        self, entry: Entry, index: int, raw: Any, home: ZoneInfo | None
    ) -> timeline.TravelLeg | None:
        sub = ("travel", index)
        depart_zone = home
        if raw.depart_timezone:
            depart_zone = self.zone(raw.depart_timezone, entry, *sub, "depart_timezone")
        elif home is None:
            self.report(
                "schema",
                "`depart_timezone` is required when the person has no `timezone`",
                self.where(entry, *sub),
            )
        arrive_zone = depart_zone
        if raw.arrive_timezone:
            arrive_zone = self.zone(raw.arrive_timezone, entry, *sub, "arrive_timezone")
        if depart_zone is None or arrive_zone is None:
            return None
        depart = self._instant(raw.depart, depart_zone, entry, *sub, "depart")
        arrive = self._instant(raw.arrive, arrive_zone, entry, *sub, "arrive")
        if depart is None or arrive is None:
            return None
        if arrive < depart:
            self.report(
                "end-before-start",
                f"the arrival ({raw.arrive} {arrive_zone.key}) is before the departure "
                f"({raw.depart} {depart_zone.key})",
                self.where(entry, *sub, "arrive"),
            )
            return None
        return timeline.TravelLeg(
            entry.id,
            index,
            raw.mode,
            raw.ref,
            raw.from_,
            raw.to,
            depart,
            arrive,
            self.where(entry, *sub),
        )

    def _unavailable(
        self, entry: Entry, index: int, raw: Any, home: ZoneInfo | None
    ) -> timeline.Unavailability | None:
        sub = ("unavailable", index)
        zone = home or get_zone("UTC")
        start = self._instant(raw.from_, zone, entry, *sub, "from")
        end = self._instant(raw.to, zone, entry, *sub, "to")
        if start is None or end is None:
            return None
        if end < start:
            self.report("end-before-start", "`to` is before `from`", self.where(entry, *sub, "to"))
            return None
        return timeline.Unavailability(entry.id, start, end, raw.reason, self.where(entry, *sub))

    def _instant(self, text: str, zone: ZoneInfo, entry: Entry, *sub: PathPart) -> datetime | None:
        try:
            naive = parse_local(text)
        except ValueError:
            self.report("schema", f"`{text}` is not a real date and time", self.where(entry, *sub))
            return None
        if not isinstance(naive, datetime):
            naive = datetime.combine(naive, time())
        return self._localize(naive, zone, entry, *sub)

    def _localize(self, naive: datetime, zone: ZoneInfo, entry: Entry, *sub: PathPart) -> datetime:
        aware, issue = localize(naive, zone)
        if issue is None:
            return aware
        shown = naive.strftime("%Y-%m-%d %H:%M")
        if issue is LocalTimeIssue.NONEXISTENT:
            self.report(
                "nonexistent-time",
                f"{shown} does not exist in {zone.key}: the clocks jump forward at that hour "
                "(daylight saving); choose a time outside the gap",
                self.where(entry, *sub),
            )
        elif issue is LocalTimeIssue.AMBIGUOUS:
            self.report(
                "ambiguous-time",
                f"{shown} happens twice in {zone.key} (the clocks go back that night); "
                "planner takes the first, summer-time one",
                self.where(entry, *sub),
                Severity.WARNING,
            )
        return aware

    def _expand_groups(self) -> None:
        entries = self.sections.entries["groups"]
        for entry in entries.values():
            for index, member in enumerate(entry.model.members):
                self.refer(("people", "groups"), member, entry, "members", index)
        state: dict[str, str] = {}
        for group_id in entries:
            self._group_people(group_id, state, [])
        for group_id, entry in entries.items():
            self.groups[group_id] = timeline.Group(
                group_id,
                entry.model.name,
                tuple(entry.model.members),
                self.group_people.get(group_id, ()),
                self.where(entry, at_key=True),
            )

    def _group_people(
        self, group_id: str, state: dict[str, str], trail: list[str]
    ) -> tuple[str, ...]:
        if state.get(group_id) == "done":
            return self.group_people[group_id]
        if state.get(group_id) == "visiting":
            return ()
        state[group_id] = "visiting"
        entry = self.sections.entries["groups"][group_id]
        people: dict[str, None] = {}
        for member in entry.model.members:
            if member in self.people:
                people[member] = None
            elif member in self.sections.entries["groups"]:
                if state.get(member) == "visiting":
                    loop = trail[trail.index(member) :] if member in trail else []
                    cycle = " -> ".join([*loop, group_id, member])
                    self.report(
                        "group-cycle",
                        f"the groups form a cycle: {cycle}; a group may not contain itself",
                        self.where(entry, "members", entry.model.members.index(member)),
                    )
                    continue
                people.update(dict.fromkeys(self._group_people(member, state, [*trail, group_id])))
        state[group_id] = "done"
        self.group_people[group_id] = tuple(people)
        return self.group_people[group_id]

    def expand(self, ids: Iterable[str]) -> list[str]:
        people: dict[str, None] = {}
        for some_id in ids:
            if some_id in self.people:
                people[some_id] = None
            elif some_id in self.group_people:
                people.update(dict.fromkeys(self.group_people[some_id]))
        return list(people)

    # -- events and sessions ---------------------------------------------------------------

    def _event(self, entry: Entry, programme_zone: ZoneInfo) -> timeline.Event:
        model: EventModel = entry.model
        for index, organiser in enumerate(model.organisers):
            self.refer(("organisations",), organiser, entry, "organisers", index)
        if model.venue:
            self.refer(("venues",), model.venue, entry, "venue")
        for index, participant in enumerate(model.participants):
            self.refer(("people", "groups"), participant, entry, "participants", index)
        zone = self.zone(model.timezone, entry, "timezone") if model.timezone else None
        first_day, last_day = self._event_dates(entry)
        event = timeline.Event(
            id=entry.id,
            title=model.title,
            kind=model.kind,
            organiser_ids=tuple(model.organisers),
            description=model.description,
            url=model.url,
            first_day=first_day,
            last_day=last_day,
            venue_id=model.venue if model.venue in self.venues else None,
            timezone=zone,
            participants=tuple(model.participants),
            status=model.status,
            tags=tuple(model.tags),
            sessions=(),
            location=self.where(entry, at_key=True),
        )
        sessions: list[timeline.Session] = []
        seen: dict[str, int] = {}
        for index, raw in enumerate(model.sessions):
            if raw is None:
                continue  # failed validation, already reported
            session = _SessionResolver(self, entry, event, raw, index, programme_zone).run()
            if session is None:
                continue
            if session.id in seen:
                self.report(
                    "duplicate-id",
                    f"the session id `{session.id}` is used twice in this event (first by "
                    f"sessions[{seen[session.id]}]); give each session its own `id`",
                    self.where(entry, "sessions", index),
                )
                continue
            seen[session.id] = index
            sessions.append(session)
        object.__setattr__(event, "sessions", tuple(sessions))
        return event

    def _event_dates(self, entry: Entry) -> tuple[date | None, date | None]:
        dates = entry.model.dates
        if dates is None:
            return None, None
        try:
            first, last = parse_date(dates.start), parse_date(dates.end)
        except ValueError:
            self.report(
                "schema", "the event's dates are not real dates", self.where(entry, "dates")
            )
            return None, None
        if last < first:
            self.report(
                "end-before-start",
                f"the event ends ({last}) before it starts ({first})",
                self.where(entry, "dates", "end"),
            )
        return first, last


_SINGULAR = {
    "organisations": "organisation",
    "venues": "venue",
    "people": "person",
    "groups": "group",
    "events": "event",
}


class _SessionResolver:
    """Resolves one session: its zone, place, times, people and occurrences."""

    def __init__(
        self,
        resolver: _Resolver,
        entry: Entry,
        event: timeline.Event,
        raw: SessionModel,
        index: int,
        programme_zone: ZoneInfo,
    ) -> None:
        self.r = resolver
        self.entry = entry
        self.event = event
        self.raw = raw
        self.index = index
        self.programme_zone = programme_zone
        self.ok = True

    def at(self, *sub: PathPart) -> Location:
        return self.r.where(self.entry, "sessions", self.index, *sub)

    def error(self, code: str, message: str, *sub: PathPart) -> None:
        self.r.report(code, message, self.at(*sub))
        self.ok = False

    def run(self) -> timeline.Session | None:
        raw = self.raw
        venue_id = self._venue_id()
        zone = self._zone(venue_id)
        timing = self._timing(zone) if zone else None
        people = self._people()
        if timing is None or zone is None or not self.ok:
            return None
        all_day, start, end = timing
        session_id = raw.id or f"{slugify(raw.title)}-{start.date().isoformat()}"
        venue = self.r.venues.get(venue_id) if venue_id else None
        session = timeline.Session(
            id=session_id,
            event_id=self.event.id,
            index=self.index,
            title=raw.title,
            kind=raw.kind,
            all_day=all_day,
            start=start,
            end=end,
            timezone=zone,
            venue_id=venue_id,
            room_id=raw.room,
            online_url=raw.online or (venue.url if venue and venue.online else None),
            is_online=raw.online is not None or (venue is not None and venue.online),
            speakers=tuple(raw.speakers),
            chair=raw.chair,
            participants=tuple(
                raw.participants if raw.participants is not None else self.event.participants
            ),
            people=tuple(sorted(people)),
            expected_attendance=raw.expected_attendance
            if raw.expected_attendance is not None
            else len(people),
            repeat=raw.repeat,
            repeat_until=None,
            exceptions=tuple(sorted(self._exceptions())),
            origin_venue_id=raw.from_,
            destination_venue_id=raw.to,
            status=raw.status or self.event.status,
            description=raw.description,
            tags=tuple(raw.tags),
            allow=frozenset(raw.allow),
            location=self.at(),
            occurrences=(),
        )
        occurrences, until = self._occurrences(session)
        object.__setattr__(session, "occurrences", occurrences)
        object.__setattr__(session, "repeat_until", until)
        return session if self.ok else None

    def _venue_id(self) -> str | None:
        raw = self.raw
        venue_id = raw.venue or (None if raw.online else self.event.venue_id)
        if raw.venue and not self.r.refer(
            ("venues",), raw.venue, self.entry, "sessions", self.index, "venue"
        ):
            self.ok = False
            return None
        for key in ("from_", "to"):
            target = getattr(raw, key)
            if target:
                name = key.rstrip("_")
                self.r.refer(("venues",), target, self.entry, "sessions", self.index, name)
        if raw.room:
            self._check_room(venue_id)
        return venue_id

    def _check_room(self, venue_id: str | None) -> None:
        venue = self.r.venues.get(venue_id) if venue_id else None
        if venue is None:
            if venue_id is None:
                self.error(
                    "unknown-reference", "a `room` needs a `venue` (here or on the event)", "room"
                )
            return
        if self.raw.room not in venue.rooms:
            guess = closest(self.raw.room or "", venue.rooms)
            hint = f"; did you mean `{guess}`?" if guess else ""
            rooms = ", ".join(venue.rooms) or "none"
            self.error(
                "unknown-reference",
                f"the venue `{venue.id}` has no room `{self.raw.room}`{hint} (its rooms: {rooms})",
                "room",
            )

    def _zone(self, venue_id: str | None) -> ZoneInfo | None:
        if self.raw.timezone:
            return self.r.zone(self.raw.timezone, self.entry, "sessions", self.index, "timezone")
        venue = self.r.venues.get(venue_id) if venue_id else None
        if venue is not None:
            return venue.timezone
        if venue_id is not None and venue_id not in self.r.venues:
            self.ok = False  # the venue itself is broken and already reported
            return None
        return self.event.timezone or self.programme_zone

    def _people(self) -> list[str]:
        raw = self.raw
        named = raw.participants if raw.participants is not None else None
        if named is not None:
            for index, participant in enumerate(named):
                self.r.refer(
                    ("people", "groups"),
                    participant,
                    self.entry,
                    "sessions",
                    self.index,
                    "participants",
                    index,
                )
        for index, speaker in enumerate(raw.speakers):
            self.r.refer(
                ("people", "groups"), speaker, self.entry, "sessions", self.index, "speakers", index
            )
        if raw.chair:
            self.r.refer(("people",), raw.chair, self.entry, "sessions", self.index, "chair")
        base = named if named is not None else self.event.participants
        return self.r.expand([*base, *raw.speakers, *([raw.chair] if raw.chair else [])])

    def _exceptions(self) -> list[date]:
        found = []
        for index, text in enumerate(self.raw.except_):
            try:
                found.append(parse_date(text))
            except ValueError:
                self.error("schema", f"`{text}` is not a real date", "except", index)
        return found

    # -- times -----------------------------------------------------------------------------

    def _timing(self, zone: ZoneInfo) -> tuple[bool, datetime, datetime] | None:
        raw = self.raw
        if raw.date is not None and raw.start is not None:
            self.error("schema", "give either `start` or `date` (with `time`), not both", "date")
            return None
        if raw.end is not None and raw.duration is not None:
            self.error("schema", "give either `end` or `duration`, not both", "duration")
            return None
        try:
            if raw.date is not None:
                return self._from_date_and_time(zone)
            if raw.start is not None:
                return self._from_start(zone)
        except ValueError:
            self.error(
                "schema",
                "this is not a real date or time (check day, month and hour)",
                "start" if raw.start else "date",
            )
            return None
        self.error(
            "schema", "a session needs `start` (or `date` and `time`) to say when it happens"
        )
        return None

    def _from_date_and_time(self, zone: ZoneInfo) -> tuple[bool, datetime, datetime] | None:
        raw = self.raw
        day = parse_date(raw.date or "")
        if raw.time is None:
            if raw.duration is not None or raw.end is not None:
                self.error(
                    "schema",
                    "an all-day session (a date without `time`) takes no end or duration",
                    "date",
                )
                return None
            return self._all_day(day, day, zone)
        first, _, second = raw.time.partition("-")
        start = datetime.combine(day, parse_time(first))
        if second:
            if raw.duration or raw.end:
                self.error("schema", "`time` already gives the end; drop `end`/`duration`", "time")
                return None
            end = datetime.combine(day, parse_time(second))
            return self._timed(start, end, zone, "time", "time")
        return self._timed(start, self._end_of(start, "time"), zone, "time", "time")

    def _from_start(self, zone: ZoneInfo) -> tuple[bool, datetime, datetime] | None:
        raw = self.raw
        start = parse_local(raw.start or "")
        if not isinstance(start, datetime):
            last = start
            if raw.duration is not None:
                self.error(
                    "schema", "an all-day session ends on a date: use `end: YYYY-MM-DD`", "duration"
                )
                return None
            if raw.end is not None:
                end_value = parse_local(raw.end) if len(raw.end) >= 10 else None
                if not isinstance(end_value, date) or isinstance(end_value, datetime):
                    self.error(
                        "schema",
                        "the start is a date, so the end must be a date too (all-day)",
                        "end",
                    )
                    return None
                last = end_value
                if last < start:
                    self.error(
                        "end-before-start",
                        f"the last day ({last}) is before the first ({start})",
                        "end",
                    )
                    return None
            return self._all_day(start, last, zone)
        return self._timed(start, self._end_of(start, "start"), zone, "start", "end")

    def _end_of(self, start: datetime, start_key: str) -> datetime | None:
        raw = self.raw
        if raw.duration is not None:
            duration = parse_duration(raw.duration)
            if duration is None:
                self.error(
                    "schema",
                    f"`{raw.duration}` is not a duration (2h, 90m, 1h30m, PT1H30M)",
                    "duration",
                )
                return None
            return start + duration
        if raw.end is None:
            self.error("schema", "the session needs an `end` or a `duration`", start_key)
            return None
        if len(raw.end) <= 8:
            return datetime.combine(start.date(), parse_time(raw.end))
        end = parse_local(raw.end)
        if not isinstance(end, datetime):
            self.error("schema", "the start has a time, so the end needs one too", "end")
            return None
        return end

    def _timed(
        self, start: datetime, end: datetime | None, zone: ZoneInfo, start_key: str, end_key: str
    ) -> tuple[bool, datetime, datetime] | None:
        if end is None:
            return None
        start_at = self.r._localize(start, zone, self.entry, "sessions", self.index, start_key)
        end_at = self.r._localize(
            end,
            zone,
            self.entry,
            "sessions",
            self.index,
            end_key if self.raw.end or self.raw.time else start_key,
        )
        if end_at < start_at:
            key = end_key if (self.raw.end or self.raw.time) else "duration"
            self.error(
                "end-before-start",
                f"the session ends ({end:%Y-%m-%d %H:%M}) before it starts "
                f"({start:%Y-%m-%d %H:%M}); "
                "an end past midnight needs its date",
                key,
            )
            return None
        return False, start_at, end_at

    def _all_day(self, first: date, last: date, zone: ZoneInfo) -> tuple[bool, datetime, datetime]:
        start = datetime.combine(first, time()).replace(tzinfo=zone)
        end = datetime.combine(last + _ONE_DAY, time()).replace(tzinfo=zone)
        return True, start, end

    def _occurrences(
        self, session: timeline.Session
    ) -> tuple[tuple[timeline.Occurrence, ...], datetime | None]:
        length = session.end - session.start
        days = (session.end.date() - session.start.date()).days - 1 if session.all_day else 0
        if session.repeat is None:
            return (self._occurrence(session, 0, session.start, length, days),), None
        default_until = self._default_until(session)
        try:
            starts, until = expand_repeat(
                session.repeat,
                session.start,
                session.timezone,
                default_until,
                frozenset(session.exceptions),
            )
        except RepeatError as error:
            self.error("invalid-repeat", f"the repeat rule cannot be used: {error}", "repeat")
            return (), None
        return tuple(
            self._occurrence(session, index, start, length, days)
            for index, start in enumerate(starts)
        ), until

    def _default_until(self, session: timeline.Session) -> datetime:
        if self.event.last_day is not None:
            return datetime.combine(self.event.last_day + _ONE_DAY, time()).replace(
                tzinfo=session.timezone
            )
        return session.start + DEFAULT_REPEAT_SPAN

    def _occurrence(
        self, session: timeline.Session, index: int, start: datetime, length: timedelta, days: int
    ) -> timeline.Occurrence:
        if session.all_day:
            first = start.date()
            last = first + timedelta(days=days)
            begin = datetime.combine(first, time()).replace(tzinfo=session.timezone)
            finish = datetime.combine(last + _ONE_DAY, time()).replace(tzinfo=session.timezone)
            return timeline.Occurrence(session, index, begin, finish, first, last)
        # Wall-clock arithmetic: a 2-hour session stays 10:00-12:00 on a DST day.
        end = (start.replace(tzinfo=None) + length).replace(tzinfo=session.timezone)
        return timeline.Occurrence(session, index, start, end, start.date(), end.date())


def _opening_hours(hours: Any) -> timeline.OpeningHours | None:
    if hours is None:
        return None
    if isinstance(hours, str):
        span = _hours_span(hours)
        return timeline.OpeningHours(tuple(span for _ in _WEEKDAYS))
    return timeline.OpeningHours(
        tuple(_hours_span(hours[day]) if day in hours else None for day in _WEEKDAYS)
    )


def _hours_span(text: str) -> tuple[time, time] | None:
    if text.strip() == "closed":
        return None
    opening, _, closing = text.partition("-")
    close = parse_time(closing)
    return parse_time(opening), (time(23, 59, 59) if close == time(0, 0) else close)


def _duration(text: str) -> timedelta:
    return parse_duration(text) or timedelta()
