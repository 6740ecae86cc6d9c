"""Open sessions while loading: a `duration` and a `window`, no time yet.

An open session is checked like any other (references, zones, the window's times) but
is not resolved into the timeline's sessions: it has no time for the rules or exporters.
It becomes a :class:`~planner.timeline.OpenSession` for ``planner schedule``, and
``validate`` reports it as ``unscheduled``. A placed session that keeps its ``window``
(as ``planner schedule`` writes it) is described the same way, so it can be reopened.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from planner.loading.session_part import SessionPart
from planner.loading.sourcemap import PathPart
from planner.timeline import objects as timeline
from planner.timeline.open_sessions import OpenSession
from planner.timeline.times import LocalTimeIssue, localize, parse_duration, parse_local

if TYPE_CHECKING:
    from planner.model import Session as SessionModel

__all__ = ["OpenSessionReader", "is_open", "unscheduled_message"]


def is_open(raw: SessionModel) -> bool:
    """A session with a window and no time of its own: ``planner schedule`` places it."""
    return raw.window is not None and raw.start is None and raw.date is None and raw.time is None


def unscheduled_message(found: OpenSession) -> str:
    start, end = found.window_start, found.window_end
    return (
        f'"{found.title}" ({_length(found)}) has no time yet: it may go between '
        f"{start:%Y-%m-%d %H:%M} and {end:%Y-%m-%d %H:%M} {found.timezone.key}; "
        "`planner schedule` places it (until then no rule or export includes it)"
    )


def _length(found: OpenSession) -> str:
    minutes = round(found.duration.total_seconds() / 60)
    hours, rest = divmod(minutes, 60)
    parts = (f"{hours} h" if hours else "", f"{rest} min" if rest else "")
    return " ".join(part for part in parts if part)


class OpenSessionReader(SessionPart):
    """Reads one session's `window`, `duration`, `venues`, `rooms` and `after`."""

    def run(self, placed: timeline.Session | None, session_id: str) -> OpenSession | None:
        """The open session; ``placed`` is the resolved session when it has a time."""
        raw = self.raw
        self._refuse_mixed(placed)
        venues = self._venues(referred=placed is not None)
        zone = self._zone(venues)
        duration = parse_duration(raw.duration) if raw.duration else None
        if duration is None or duration.total_seconds() <= 0:
            self.error(
                "schema", "an open session (with `window`) needs a `duration`, e.g. 2h", "window"
            )
        rooms = self._rooms(venues)
        people = list(placed.people) if placed else self._people()
        if zone is None or duration is None or not self.ok:
            return None
        window = self._window(zone, duration)
        if window is None:
            return None
        return OpenSession(
            id=session_id,
            event_id=self.event.id,
            index=self.index,
            title=self.host.text(raw.title),
            kind=raw.kind,
            duration=duration,
            window_start=window[0],
            window_end=window[1],
            timezone=zone,
            venue_ids=venues,
            room_ids=rooms,
            after=tuple(raw.after),
            people=tuple(sorted(people)),
            expected_attendance=raw.expected_attendance
            if raw.expected_attendance is not None
            else len(people),
            online_url=raw.online,
            origin_venue_id=raw.from_,
            destination_venue_id=raw.to,
            allow=frozenset(raw.allow),
            status=raw.status or self.event.status,
            location=self.at(),
            placed=placed,
        )

    def _refuse_mixed(self, placed: timeline.Session | None) -> None:
        raw = self.raw
        if raw.repeat is not None:
            self.error("schema", "an open session (with `window`) cannot `repeat`", "repeat")
        if raw.end is not None:
            self.error("schema", "an open session gives its length as `duration`, not `end`", "end")
        if placed is not None and placed.all_day:
            self.error("schema", "an all-day session cannot have a `window`", "window")

    def _venues(self, *, referred: bool) -> tuple[str | None, ...]:
        raw = self.raw
        if raw.venues is None:
            if raw.venue and not referred and not self._refer_venue(raw.venue, "venue"):
                self.ok = False
            venue = raw.venue or (None if raw.online else self.event.venue_id)
            return (venue,)
        if not raw.venues:
            self.error("schema", "`venues` lists no venue", "venues")
            return ()
        for position, venue_id in enumerate(raw.venues):
            if not self._refer_venue(venue_id, "venues", position):
                self.ok = False
        if raw.venue is not None and raw.venue not in raw.venues:
            self.error("schema", f"the venue `{raw.venue}` is not one of its `venues`", "venue")
        return tuple(dict.fromkeys(raw.venues))

    def _refer_venue(self, venue_id: str, *sub: PathPart) -> bool:
        return self.host.refer(("venues",), venue_id, self.entry, *self._sub(*sub))

    def _sub(self, *parts: PathPart) -> tuple[PathPart, ...]:
        return ("sessions", self.index, *parts)

    def _zone(self, venues: tuple[str | None, ...]) -> ZoneInfo | None:
        if self.raw.timezone:
            return self.host.zone(self.raw.timezone, self.entry, *self._sub("timezone"))
        zones = {
            self.host.venues[venue].timezone.key: self.host.venues[venue].timezone
            for venue in venues
            if venue is not None and venue in self.host.venues
        }
        if len(zones) > 1:
            self.error(
                "schema",
                f"its venues are in different time zones ({', '.join(sorted(zones))}); give the "
                "session a `timezone` for its window",
                "venues",
            )
            return None
        if zones:
            return next(iter(zones.values()))
        if any(venue is not None for venue in venues):
            self.ok = False  # an unknown or broken venue, already reported
            return None
        return self.event.timezone or self.programme_zone

    def _rooms(self, venues: tuple[str | None, ...]) -> tuple[str, ...]:
        raw = self.raw
        rooms = list(raw.rooms) if raw.rooms is not None else ([raw.room] if raw.room else [])
        known = [self.host.venues[v] for v in venues if v is not None and v in self.host.venues]
        for position, room in enumerate(rooms):
            if known and not any(room in venue.rooms for venue in known):
                names = ", ".join(f"`{venue.id}`" for venue in known)
                sub = ("rooms", position) if raw.rooms is not None else ("room",)
                self.error("unknown-reference", f"no room `{room}` at {names}", *sub)
        return tuple(dict.fromkeys(rooms))

    def _people(self) -> list[str]:
        raw = self.raw
        for position, participant in enumerate(raw.participants or ()):
            self.host.refer(
                ("people", "groups"), participant, self.entry, *self._sub("participants", position)
            )
        for position, speaker in enumerate(raw.speakers):
            self.host.refer(
                ("people", "groups"), speaker, self.entry, *self._sub("speakers", position)
            )
        if raw.chair:
            self.host.refer(("people",), raw.chair, self.entry, *self._sub("chair"))
        base = raw.participants if raw.participants is not None else self.event.participants
        return self.host.expand([*base, *raw.speakers, *([raw.chair] if raw.chair else [])])

    def _window(self, zone: ZoneInfo, duration: Any) -> tuple[datetime, datetime] | None:
        window = self.raw.window
        assert window is not None
        start = self._instant(window.from_, zone, "from")
        end = self._instant(window.to, zone, "to")
        if start is None or end is None:
            return None
        if end - start < duration:
            self.error(
                "end-before-start",
                f"the window ({window.from_} to {window.to}) is shorter than the session "
                f"({self.raw.duration})",
                "window",
                "to",
            )
            return None
        return start, end

    def _instant(self, text: str, zone: ZoneInfo, key: str) -> datetime | None:
        try:
            naive = parse_local(text)
        except ValueError:
            self.error("schema", f"`{text}` is not a real date and time", "window", key)
            return None
        assert isinstance(naive, datetime)  # the pattern requires a time
        aware, issue = localize(naive, zone)
        if issue is LocalTimeIssue.NONEXISTENT:
            self.error(
                "nonexistent-time",
                f"{text} does not exist in {zone.key} (the clocks jump forward then)",
                "window",
                key,
            )
            return None
        return aware
