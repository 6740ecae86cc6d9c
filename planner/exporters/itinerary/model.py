"""The programme as people read it, before any format: days of rows, a header, a summary.

An :class:`Itinerary` (one person or one group) and an :class:`Agenda` (a filtered part
of the programme) share one shape, :class:`Schedule`, so every renderer serves both.
Rows keep aware datetimes in the zone where each thing happens; renderers choose how to
show them through the schedule's :class:`TimeView`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

__all__ = [
    "Agenda",
    "Day",
    "GridDay",
    "GridSlot",
    "Header",
    "Itinerary",
    "Row",
    "Schedule",
    "Summary",
    "TimeView",
    "Window",
]

SESSION = "session"
TRAVEL = "travel"


@dataclass(frozen=True, slots=True)
class Window:
    """Inclusive local dates to show; None on either side means open."""

    first_day: date | None = None
    last_day: date | None = None

    def overlaps(self, first_day: date, last_day: date) -> bool:
        if self.first_day is not None and last_day < self.first_day:
            return False
        return self.last_day is None or first_day <= self.last_day


@dataclass(frozen=True, slots=True, eq=False)
class Row:
    """One line of a programme: a session occurrence or a travel leg.

    ``start`` is in the zone where it starts and ``end`` in the zone where it ends (the
    same zone for sessions). ``day`` is the local date where the person is at the start.
    Names (venue, room, people) are resolved here so renderers never look anything up.
    """

    uid: str
    """Unique within a programme: ``event/session#occurrence`` or ``travel/person#leg``."""
    kind: str
    """``session`` or ``travel``."""
    category: str
    """The session's kind (lecture, transfer...) or the travel mode (flight, train...)."""
    title: str
    status: str
    start: datetime
    end: datetime
    all_day: bool
    day: date
    last_day: date
    event_id: str | None = None
    event_title: str | None = None
    venue_id: str | None = None
    venue_name: str | None = None
    room_id: str | None = None
    room_name: str | None = None
    city: str | None = None
    online_url: str | None = None
    origin: str | None = None
    """Where a transfer or travel leg starts (a venue name, or the text written)."""
    destination: str | None = None
    chair: str | None = None
    speakers: tuple[str, ...] = ()
    notes: str | None = None
    """The full text (a session's description, else its abstract): JSON and HTML details."""
    summary: str | None = None
    """What a row shows: the abstract, else the description's first sentence."""
    attendees: tuple[str, ...] | None = None
    """In a group's itinerary, the members who attend when not all of them do."""
    remote: bool = False
    """Online only: in an itinerary its times are in the zone where the person is then."""
    starts_at: float = field(default=0.0, repr=False)
    """The start as a POSIX timestamp: sorting by instant across zones, cheaply."""
    ends_at: float = field(default=0.0, repr=False)
    order: int = field(default=0, repr=False)
    """Position of the session in the programme's files (-1 for travel): breaks ties."""

    @property
    def cancelled(self) -> bool:
        return self.status == "cancelled"

    @property
    def moves(self) -> bool:
        """A travel leg or a transfer: shown with its duration."""
        return self.kind == TRAVEL or self.category == "transfer"

    @property
    def duration(self) -> timedelta:
        # Instants, not wall-clock times: within one zone Python's subtraction ignores DST.
        return timedelta(seconds=self.ends_at - self.starts_at)

    def with_attendees(self, attendees: tuple[str, ...] | None) -> Row:
        return replace(self, attendees=attendees)


@dataclass(frozen=True, slots=True)
class Day:
    day: date
    rows: tuple[Row, ...]
    events: tuple[str, ...]
    """Titles of the events on that day, in order of first appearance."""


@dataclass(frozen=True, slots=True)
class TimeView:
    """Which zone the main time column shows, and which the second one.

    ``main`` None means each row's own local zone. ``second`` is shown only where it
    differs from the main one: the home zone beside local times, or local times beside
    home or a chosen zone. ``second_local`` says the second column is the local zone.
    """

    main: ZoneInfo | None
    second: ZoneInfo | None
    second_local: bool
    main_label: str
    second_label: str | None
    main_is_home: bool = False
    """The main column is the home zone's (``--tz home``)."""

    @property
    def has_second(self) -> bool:
        return self.second is not None or self.second_local

    def main_times(self, row: Row) -> tuple[datetime, datetime]:
        if self.main is None:
            return row.start, row.end
        return row.start.astimezone(self.main), row.end.astimezone(self.main)

    def second_times(self, row: Row) -> tuple[datetime, datetime] | None:
        """The second column's times, or None where they read the same as the main ones."""
        if row.all_day or not self.has_second:
            return None
        if self.second_local:
            start, end = row.start, row.end
        else:
            assert self.second is not None
            start, end = row.start.astimezone(self.second), row.end.astimezone(self.second)
        main_start, main_end = self.main_times(row)
        if start.utcoffset() == main_start.utcoffset() and end.utcoffset() == main_end.utcoffset():
            return None
        return start, end


@dataclass(frozen=True, slots=True)
class Header:
    """A title and labelled details: name, organisation, role, presence, filters."""

    title: str
    subject: str
    details: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Summary:
    sessions: int
    cancelled: int
    session_time: timedelta
    """Time in timed, not cancelled sessions (transfers and all-day entries excluded)."""
    all_day: int
    transfers: int
    travel_legs: int
    travel_time: timedelta
    """Time in travel legs and transfers."""
    cities: tuple[str, ...]
    """Cities of the venues, in the order first visited."""


@dataclass(frozen=True, slots=True)
class GridSlot:
    """One start time in a room grid; ``cells`` has one tuple of rows per room."""

    start: datetime
    cells: tuple[tuple[Row, ...], ...]


@dataclass(frozen=True, slots=True)
class GridDay:
    day: date
    venue: str
    rooms: tuple[str, ...]
    slots: tuple[GridSlot, ...]


@dataclass(frozen=True, slots=True)
class Schedule:
    """What every renderer reads: a header, days of rows, a summary, how to show times."""

    header: Header
    days: tuple[Day, ...]
    summary: Summary
    view: TimeView
    is_group: bool = False
    language: str = "en"
    """The catalog its words are in (``es``): renderers of that language render it."""

    @property
    def rows(self) -> tuple[Row, ...]:
        return tuple(row for day in self.days for row in day.rows)


@dataclass(frozen=True, slots=True)
class Itinerary(Schedule):
    """One person's or one group's programme."""

    who: str = ""
    """The person or group id."""


@dataclass(frozen=True, slots=True)
class Agenda(Schedule):
    """A part of the programme (an event, a venue, some days), optionally as room grids."""

    grid: tuple[GridDay, ...] | None = None
