"""One session: its place, zone, times, people and occurrences."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from planner.diagnostics import Severity
from planner.loading.resolve.context import Context, slugify
from planner.loading.resolve.timing import Timing, TimingError, session_timing
from planner.loading.session_part import SessionPart
from planner.loading.sourcemap import PathPart
from planner.loading.validate import Entry
from planner.suggest import closest
from planner.timeline import objects as timeline
from planner.timeline.repeats import default_until, occurrence_spans, unmatched_exceptions
from planner.timeline.times import OutOfRange, RepeatError, parse_date

if TYPE_CHECKING:
    from planner.model import Link as LinkModel
    from planner.model import Session as SessionModel

__all__ = ["SessionResolver"]


class SessionResolver(SessionPart):
    """Resolves the session at ``sessions[index]`` of ``event``; None when it cannot be."""

    def __init__(
        self,
        context: Context,
        entry: Entry,
        event: timeline.Event,
        raw: SessionModel,
        index: int,
        programme_zone: ZoneInfo,
    ) -> None:
        super().__init__(context, entry, event, raw, index, programme_zone)
        self.context = context  # the whole resolver's context, not only the Host part

    def refer(self, kinds: tuple[str, ...], target: str, *sub: PathPart) -> bool:
        return self.context.refer(kinds, target, self.entry, "sessions", self.index, *sub)

    def run(self) -> timeline.Session | None:
        raw = self.raw
        venue_id = self._venue_id()
        zone = self._zone(venue_id)
        timing = self._timing(zone) if zone else None
        people = self._people()
        remote = self._remote()
        if timing is None or zone is None or not self.ok or self.context.occurrences_left < 0:
            return None  # (past the occurrence budget: reported once, nothing more to expand)
        self._check_transfer_time(timing)
        written = self._exceptions()
        exceptions = tuple(sorted(written))
        spans, until = self._spans(timing, zone, exceptions)
        self._check_exceptions(timing, zone, written)
        if not self.ok or not self.context.spend_occurrences(len(spans), self.place("repeat")):
            return None
        venue = self.context.venues.get(venue_id) if venue_id else None
        return timeline.Session(
            id=raw.id
            or f"{slugify(self.context.text(raw.title))}-{timing.start.date().isoformat()}",
            event_id=self.event.id,
            index=self.index,
            title=self.context.text(raw.title),
            kind=raw.kind,
            all_day=timing.all_day,
            start=timing.start,
            end=timing.end,
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
            people=_everyone(people, remote),
            expected_attendance=raw.expected_attendance
            if raw.expected_attendance is not None
            else len(set(people) - remote if remote else people),
            repeat=raw.repeat,
            repeat_until=until,
            exceptions=exceptions,
            origin_venue_id=raw.from_,
            destination_venue_id=raw.to,
            status=raw.status or self.event.status,
            description=self.context.optional_text(raw.description),
            tags=tuple(raw.tags),
            allow=frozenset(raw.allow),
            location=self.at(),
            spans=spans,
            **self._conference_fields(people),
            remote=remote,
        )

    # -- where -----------------------------------------------------------------------------

    def _venue_id(self) -> str | None:
        raw = self.raw
        # An online session has no venue unless it names a room: then it is hybrid, in a
        # room of its own or its event's venue, and online too.
        in_a_room = raw.online is None or raw.room is not None
        venue_id = raw.venue or (self.event.venue_id if in_a_room else None)
        if raw.venue and not self.refer(("venues",), raw.venue, "venue"):
            self.ok = False
            return None
        if raw.from_:
            self.refer(("venues",), raw.from_, "from")
        if raw.to:
            self.refer(("venues",), raw.to, "to")
        if raw.room:
            self._check_room(venue_id)
        return venue_id

    def _check_room(self, venue_id: str | None) -> None:
        venue = self.context.venues.get(venue_id) if venue_id else None
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
            return self.context.zone(
                self.raw.timezone, self.entry, "sessions", self.index, "timezone"
            )
        venue = self.context.venues.get(venue_id) if venue_id else None
        if venue is not None:
            return venue.timezone
        if venue_id is not None and venue_id not in self.context.venues:
            self.ok = False  # the venue itself is broken and already reported
            return None
        return self.event.timezone or self.programme_zone

    # -- who -------------------------------------------------------------------------------

    def _people(self) -> list[str]:
        raw = self.raw
        if raw.participants is not None:
            for index, participant in enumerate(raw.participants):
                self.refer(("people", "groups"), participant, "participants", index)
        for index, speaker in enumerate(raw.speakers):
            self.refer(("people", "groups"), speaker, "speakers", index)
        if raw.chair:
            self.refer(("people",), raw.chair, "chair")
        for index, host in enumerate(raw.hosts):
            self.refer(("people", "groups"), host, "hosts", index)
        base = raw.participants if raw.participants is not None else self.event.participants
        attending = [*base, *raw.speakers, *([raw.chair] if raw.chair else [])]
        return self.context.expand([*attending, *raw.hosts])

    def _conference_fields(self, people: list[str]) -> dict[str, Any]:
        """uid, url, language ... as the timeline holds them; the track is checked here."""
        raw = self.raw
        if raw.track:
            self.refer(("tracks",), raw.track, "track")
        only_hosting: tuple[str, ...] = ()
        if raw.hosts:
            base = raw.participants if raw.participants is not None else self.event.participants
            attending = set(self.context.expand([*base, *raw.speakers, *filter(None, [raw.chair])]))
            only_hosting = tuple(sorted(p for p in people if p not in attending))
        return {
            "uid": raw.uid,
            "url": raw.url,
            "language": raw.language,
            "subtitle": self.context.optional_text(raw.subtitle),
            "abstract": self.context.optional_text(raw.abstract),
            "track_id": raw.track,
            "recording": raw.recording,
            "links": tuple(_link(link) for link in raw.links),
            "hosts": tuple(raw.hosts),
            "only_hosting": only_hosting,
        }

    def _remote(self) -> frozenset[str]:
        """Who joins online (hybrid): checked like participants, expanded like them."""
        if not self.raw.remote:
            return frozenset()  # (nearly every session)
        for index, someone in enumerate(self.raw.remote):
            self.refer(("people", "groups"), someone, "remote", index)
        return frozenset(self.context.expand(self.raw.remote))

    # -- when ------------------------------------------------------------------------------

    def _timing(self, zone: ZoneInfo) -> Timing | None:
        result = session_timing(self.raw, zone)
        problems = result.problems if isinstance(result, TimingError) else result.notes
        for problem in problems:
            where = self.place(problem.key) if problem.key else self.place()
            self.context.report_problem(problem, where)
        if isinstance(result, TimingError):
            self.ok = False
            return None
        return result

    def _check_transfer_time(self, timing: Timing) -> None:
        """A bus or a walk given only a date would fill the whole day: say so."""
        raw = self.raw
        if not timing.all_day or not (raw.from_ or raw.to or raw.kind == "transfer"):
            return
        key = "date" if raw.date is not None else "start"
        self.context.report(
            "missing-time",
            "this transfer has a date but no time, so it counts as lasting all day; give its "
            'times, e.g. `time: "08:00-09:30"`',
            self.place(key),
            Severity.WARNING,
        )

    def _exceptions(self) -> dict[date, int]:
        """Each ``except`` date, with its index in the list."""
        found: dict[date, int] = {}
        for index, text in enumerate(self.raw.except_):
            try:
                found.setdefault(parse_date(text), index)
            except OutOfRange as error:
                self.error("value-out-of-range", str(error), "except", index)
            except ValueError:
                self.error("schema", f"`{text}` is not a real date", "except", index)
        return found

    def _check_exceptions(self, timing: Timing, zone: ZoneInfo, written: dict[date, int]) -> None:
        if not written:
            return  # (most sessions: nothing to match)
        until = default_until(timing.start, zone, self.event.last_day)
        unmatched = unmatched_exceptions(
            timing.start, zone, self.raw.repeat, frozenset(written), until
        )
        for day, (before, after) in unmatched.items():
            nearest = " and ".join(str(d) for d in (before, after) if d is not None)
            what = "an occurrence" if self.raw.repeat else "the session's date"
            hint = (
                f"; the nearest {'are' if before and after else 'is'} {nearest}" if nearest else ""
            )
            self.error(
                "unmatched-except",
                f"`{day}` is not {what}, so excepting it changes nothing{hint}",
                "except",
                written[day],
            )

    def _spans(
        self, timing: Timing, zone: ZoneInfo, exceptions: tuple[date, ...]
    ) -> tuple[tuple[timeline.Span, ...], datetime | None]:
        try:
            return occurrence_spans(
                timing.start,
                timing.end,
                all_day=timing.all_day,
                zone=zone,
                repeat=self.raw.repeat,
                exceptions=frozenset(exceptions),
                until=default_until(timing.start, zone, self.event.last_day),
            )
        except RepeatError as error:
            self.error("invalid-repeat", f"the repeat rule cannot be used: {error}", "repeat")
            return (), None


def _everyone(people: list[str], remote: frozenset[str]) -> tuple[str, ...]:
    """Who is in the session, in the room or online, sorted (``people`` has no repeats)."""
    return tuple(sorted({*people, *remote} if remote else people))


def _link(link: str | LinkModel) -> timeline.Link:
    if isinstance(link, str):
        return timeline.Link(link)
    return timeline.Link(link.url, link.title, link.type)
