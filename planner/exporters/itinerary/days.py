"""Rows put in order: by day, by room (the agenda's grid), and summed up."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from planner.exporters.itinerary.model import (
    TRAVEL,
    Day,
    GridDay,
    GridSlot,
    Row,
    Summary,
    TimeView,
    Window,
)
from planner.exporters.itinerary.timefmt import moment_text
from planner.languages import Language
from planner.timeline import Person, Venue
from planner.timeline.zones import get_zone

__all__ = [
    "by_day",
    "common_zone",
    "grid_pages",
    "presence_text",
    "room_grid",
    "rooms_per_page",
    "sorted_rows",
    "summarise",
    "window_details",
]


def summarise(rows: Iterable[Row]) -> Summary:
    """Sessions, hours, moves and cities of a list of rows."""
    sessions = cancelled = all_day = transfers = legs = 0
    session_seconds = travel_seconds = 0.0
    cities: dict[str, None] = {}
    for row in rows:
        if row.cancelled:
            cancelled += 1
        elif row.kind == TRAVEL or row.category == "transfer":
            legs += row.kind == TRAVEL
            transfers += row.kind != TRAVEL
            travel_seconds += 0 if row.all_day else row.ends_at - row.starts_at
        else:
            sessions += 1
            all_day += row.all_day
            if not row.all_day:
                session_seconds += row.ends_at - row.starts_at
            if row.city:
                cities[row.city] = None
    return Summary(
        sessions=sessions,
        cancelled=cancelled,
        session_time=timedelta(seconds=session_seconds),
        all_day=all_day,
        transfers=transfers,
        travel_legs=legs,
        travel_time=timedelta(seconds=travel_seconds),
        cities=tuple(cities),
    )


def sorted_rows(rows: list[Row]) -> list[Row]:
    """By start; at the same instant travel first, then sessions in file order."""
    rows.sort(key=_order)
    return rows


def _order(row: Row) -> tuple[float, int]:
    return row.starts_at, row.order


def by_day(rows: Iterable[Row]) -> tuple[Day, ...]:
    """Rows grouped by local date. Dates need not rise with instants across zones."""
    by_day: dict[date, list[Row]] = {}
    for row in rows:
        found = by_day.get(row.day)
        if found is None:
            by_day[row.day] = [row]
        else:
            found.append(row)
    return tuple(
        Day(day, tuple(found), tuple(dict.fromkeys(r.event_title for r in found if r.event_title)))
        for day, found in sorted(by_day.items())
    )


def common_zone(people: Iterable[Person]) -> ZoneInfo | None:
    """The home zone every member shares, else None (no single home time for the group)."""
    zones = {person.timezone.key if person.timezone else None for person in people}
    if len(zones) != 1:
        return None
    (key,) = zones
    return get_zone(key) if key else None


def presence_text(person: Person, lang: Language) -> str | None:
    arrival, departure = person.arrival, person.departure
    if arrival is None:
        return None
    if departure is None:
        return lang.gettext("from {start}").format(start=moment_text(arrival, lang))
    return lang.gettext("from {start} to {end}").format(
        start=moment_text(arrival, lang), end=moment_text(departure, lang)
    )


def window_details(window: Window, lang: Language) -> tuple[tuple[str, str], ...]:
    first, last = window.first_day, window.last_day
    if first is None and last is None:
        return ()
    dated = lang.formats.dated
    if first is not None and last is not None:
        if first == last:
            text = dated(first)
        else:
            text = lang.gettext("from {start} to {end}").format(start=dated(first), end=dated(last))
    elif first is not None:
        text = lang.gettext("from {start}").format(start=dated(first))
    else:
        assert last is not None
        text = lang.gettext("to {end}").format(end=dated(last))
    return ((lang.gettext("Dates"), text),)


def room_grid(
    days: Sequence[Day],
    venue: Venue,
    view: TimeView,
    lang: Language,
    only: Collection[str] | None = None,
) -> tuple[GridDay, ...]:
    """Each day at ``venue`` as start times by rooms (every room, or the ``only`` ones);
    sessions without a room: a column for the whole venue (not when rooms are chosen)."""
    grid = []
    for day in days:
        here = [row for row in day.rows if row.venue_id == venue.id and not row.origin]
        if only is not None:
            here = [row for row in here if row.room_id in only]
        if not here:
            continue
        columns: list[str | None] = [r for r in venue.rooms if only is None or r in only]
        if not columns or any(row.room_id is None for row in here):
            columns.append(None)
        position = {room: index for index, room in enumerate(columns)}
        slots: dict[float, tuple[datetime, list[list[Row]]]] = {}
        for row in here:
            if row.starts_at not in slots:
                slots[row.starts_at] = (view.main_times(row)[0], [[] for _ in columns])
            slots[row.starts_at][1][position[row.room_id]].append(row)
        grid.append(
            GridDay(
                day=day.day,
                venue=lang.text(venue.name),
                rooms=tuple(
                    lang.text(venue.rooms[room].name) if room else lang.gettext("Whole venue")
                    for room in columns
                ),
                slots=tuple(
                    GridSlot(start, tuple(tuple(cell) for cell in cells))
                    for start, cells in slots.values()
                ),
            )
        )
    return tuple(grid)


START_WIDTH = len("00:00 CEST")
"""A room grid's start column is at least this wide."""
MIN_ROOM_WIDTH = 12
"""A room's column is at least this wide: a page takes fewer rooms rather than less."""


def rooms_per_page(width: int, rooms: int, overhead: Callable[[int], int]) -> int:
    """How many of a grid's ``rooms`` fit ``width`` columns beside the start column, each
    at least :data:`MIN_ROOM_WIDTH` wide; ``overhead(columns)``: what borders and padding
    take. At least one."""
    fits = rooms
    while fits > 1 and START_WIDTH + overhead(fits + 1) + MIN_ROOM_WIDTH * fits > width:
        fits -= 1
    return fits


def grid_pages(day: GridDay, per_page: int) -> list[GridDay]:
    """A room grid in groups of ``per_page`` rooms, each keeping the start times at which
    one of its rooms has a session; its venue label says which rooms (``1-6/70``)."""
    count = len(day.rooms)
    if per_page >= count:
        return [day]
    pages = []
    for first in range(0, count, per_page):
        chosen = range(first, min(first + per_page, count))
        slots = tuple(
            replace(slot, cells=tuple(slot.cells[index] for index in chosen))
            for slot in day.slots
            if any(slot.cells[index] for index in chosen)
        )
        if slots:
            label = f"{day.venue} ({chosen.start + 1}-{chosen.stop}/{count})"
            rooms = tuple(day.rooms[index] for index in chosen)
            pages.append(replace(day, venue=label, rooms=rooms, slots=slots))
    return pages
