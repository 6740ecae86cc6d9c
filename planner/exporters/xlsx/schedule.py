"""Itineraries and agendas as sheets: one row per session or travel leg, typed cells.

The headings are planner's own words, kept here in one place (:data:`HEADINGS`).
"""

from __future__ import annotations

from datetime import datetime

from planner.exporters.itinerary.model import Day, Row, Schedule, TimeView
from planner.exporters.itinerary.text import clean, notes_text
from planner.exporters.itinerary.timefmt import short_date
from planner.exporters.xlsx.workbook import Sheet, Value, sheet_name

__all__ = ["HEADINGS", "schedule_sheets"]

HEADINGS = {
    "day": "Date",
    "start": "Start",
    "end": "End",
    "zone": "Time zone",
    "second_start": "Start ({label})",
    "second_end": "End ({label})",
    "second_zone": "Time zone ({label})",
    "duration": "Duration",
    "what": "What",
    "kind": "Kind",
    "status": "Status",
    "event": "Event",
    "venue": "Venue",
    "room": "Room",
    "city": "City",
    "route": "From → to",
    "online": "Online",
    "chair": "Chair",
    "speakers": "Speakers",
    "attending": "Attending",
    "notes": "Notes",
    "all_day": "All day",
    "sheet": "Programme",
}


def schedule_sheets(schedule: Schedule, *, per_day: bool = False) -> list[Sheet]:
    """One sheet with every row, or (``per_day``) one sheet per day, named by its date."""
    second = _has_second(schedule)
    headings = _headings(schedule, second)
    if not per_day:
        rows = [_values(row, schedule.view, second) for row in schedule.rows]
        title = schedule.header.title if schedule.days else HEADINGS["sheet"]
        return [Sheet(sheet_name(title, set()), headings, rows)]
    taken: set[str] = set()
    return [
        Sheet(
            sheet_name(_day_name(day), taken),
            headings,
            [_values(row, schedule.view, second) for row in day.rows],
        )
        for day in schedule.days
    ]


def _day_name(day: Day) -> str:
    return f"{day.day.isoformat()} {short_date(day.day)[:3]}"


def _has_second(schedule: Schedule) -> bool:
    """Second time columns (home time beside local) when any row reads differently there."""
    view = schedule.view
    return view.has_second and any(view.second_times(row) for row in schedule.rows)


def _headings(schedule: Schedule, second: bool) -> tuple[str, ...]:
    view = schedule.view
    names = [HEADINGS[key] for key in ("day", "start", "end", "zone")]
    if second:
        label = (view.second_label or "").lower()
        names.extend(HEADINGS[key].format(label=label) for key in ("second_start", "second_end"))
        names.append(HEADINGS["second_zone"].format(label=label))
    keys = ("duration", "all_day", "what", "kind", "status", "event", "venue", "room", "city")
    names.extend(HEADINGS[key] for key in keys)
    rest = ("route", "online", "chair", "speakers", "attending", "notes")
    names.extend(HEADINGS[key] for key in rest)
    return tuple(names)


def _values(row: Row, view: TimeView, second: bool) -> list[Value]:
    start, end = view.main_times(row)
    values: list[Value] = [row.day]
    if row.all_day:
        values.extend((row.day, row.last_day, _zone(start)))
    else:
        values.extend((start, end, _zone(start) if _zone(start) == _zone(end) else _zones(row)))
    if second:
        times = view.second_times(row)
        values.extend((times[0], times[1], _zone(times[0])) if times else (None, None, None))
    moves = row.origin or row.destination
    route = f"{row.origin or '?'} → {row.destination or '?'}" if moves else None
    values.extend(
        (
            None if row.all_day else row.duration,
            row.all_day,
            clean(row.title),
            row.category,
            row.status,
            _text(row.event_title),
            _text(row.venue_name),
            _text(row.room_name),
            _text(row.city),
            _text(route),
            row.online_url,
            _text(row.chair),
            ", ".join(clean(name) for name in row.speakers) or None,
            ", ".join(clean(name) for name in row.attendees) if row.attendees else None,
            notes_text(row) or None,
        )
    )
    return values


def _text(value: str | None) -> str | None:
    return clean(value) if value else None


def _zone(moment: datetime) -> str:
    return str(getattr(moment.tzinfo, "key", moment.tzinfo))


def _zones(row: Row) -> str:
    """A leg that ends in another zone: both, in order."""
    return f"{_zone(row.start)} → {_zone(row.end)}"
