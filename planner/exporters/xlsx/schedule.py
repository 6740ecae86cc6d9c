"""Itineraries and agendas as sheets: one row per session or travel leg, typed cells.

The headings, the sheets' names and the statuses are planner's own words, in the
schedule's language (:func:`headings`). Dates and times stay real date cells in a
locale-neutral number format (``yyyy-mm-dd hh:mm``): a spreadsheet sorts, filters and
computes with them, and each reader's spreadsheet program may show them its own way.
"""

from __future__ import annotations

from datetime import datetime

from planner.exporters.itinerary.model import Day, Row, Schedule, TimeView
from planner.exporters.itinerary.text import clean, notes_text
from planner.exporters.xlsx.workbook import Sheet, Value, sheet_name
from planner.languages import Language, language

__all__ = ["headings", "schedule_sheets"]


def headings(lang: Language) -> dict[str, str]:
    """The column headings (and the sheet's name when nothing is scheduled), by key."""
    return {
        "day": lang.pgettext("column", "Date"),
        "start": lang.pgettext("column", "Start"),
        "end": lang.pgettext("column", "End"),
        "zone": lang.pgettext("column", "Time zone"),
        # Translators: {label} is the second time column's name in lower case: "home time".
        "second_start": lang.pgettext("column", "Start ({label})"),
        "second_end": lang.pgettext("column", "End ({label})"),
        "second_zone": lang.pgettext("column", "Time zone ({label})"),
        "duration": lang.pgettext("column", "Duration"),
        "what": lang.pgettext("column", "What"),
        "kind": lang.pgettext("column", "Kind"),
        "status": lang.pgettext("column", "Status"),
        "event": lang.pgettext("column", "Event"),
        "venue": lang.pgettext("column", "Venue"),
        "room": lang.pgettext("column", "Room"),
        "city": lang.pgettext("column", "City"),
        "route": lang.pgettext("column", "From → to"),
        "online": lang.pgettext("column", "Online"),
        "chair": lang.pgettext("column", "Chair"),
        "speakers": lang.pgettext("column", "Speakers"),
        "attending": lang.pgettext("column", "Attending"),
        "notes": lang.pgettext("column", "Notes"),
        "all_day": lang.pgettext("column", "All day"),
        "sheet": lang.pgettext("sheet", "Programme"),
    }


def _statuses(lang: Language) -> dict[str, str]:
    return {
        "confirmed": lang.pgettext("status", "confirmed"),
        "tentative": lang.pgettext("status", "tentative"),
        "cancelled": lang.pgettext("status", "cancelled"),
    }


def schedule_sheets(schedule: Schedule, *, per_day: bool = False) -> list[Sheet]:
    """One sheet with every row, or (``per_day``) one sheet per day, named by its date."""
    lang = language(schedule.language)
    second = _has_second(schedule)
    names = headings(lang)
    columns = _headings(schedule, second, names)
    statuses = _statuses(lang)
    if not per_day:
        rows = [_values(row, schedule.view, second, statuses) for row in schedule.rows]
        title = schedule.header.title if schedule.days else names["sheet"]
        return [Sheet(sheet_name(title, set()), columns, rows)]
    taken: set[str] = set()
    return [
        Sheet(
            sheet_name(_day_name(day, lang), taken),
            columns,
            [_values(row, schedule.view, second, statuses) for row in day.rows],
        )
        for day in schedule.days
    ]


def _day_name(day: Day, lang: Language) -> str:
    """``2016-10-11 Tue``, ``2016-10-11 화``: sorts by date, reads by weekday."""
    return f"{day.day.isoformat()} {lang.formats.weekday(day.day)}"


def _has_second(schedule: Schedule) -> bool:
    """Second time columns (home time beside local) when any row reads differently there."""
    view = schedule.view
    return view.has_second and any(view.second_times(row) for row in schedule.rows)


def _headings(schedule: Schedule, second: bool, headings: dict[str, str]) -> tuple[str, ...]:
    view = schedule.view
    names = [headings[key] for key in ("day", "start", "end", "zone")]
    if second:
        label = (view.second_label or "").lower()
        seconds = ("second_start", "second_end", "second_zone")
        names.extend(headings[key].format(label=label) for key in seconds)
    keys = ("duration", "all_day", "what", "kind", "status", "event", "venue", "room", "city")
    names.extend(headings[key] for key in keys)
    rest = ("route", "online", "chair", "speakers", "attending", "notes")
    names.extend(headings[key] for key in rest)
    return tuple(names)


def _values(row: Row, view: TimeView, second: bool, statuses: dict[str, str]) -> list[Value]:
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
            statuses.get(row.status, row.status),
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
