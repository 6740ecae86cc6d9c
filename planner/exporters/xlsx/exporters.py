"""Itineraries, agendas and listings as XLSX workbooks, in the shape of ``exporters.base``.

Built from the same schedule model as every other format (and, for ``list``, the same
rows as its table). XlsxWriter was chosen over openpyxl by measurement: see
bench/RESULTS.md.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar

from planner.exporters.base import Selection
from planner.exporters.itinerary.as_json import JsonRenderer
from planner.exporters.itinerary.exporters import AgendaExporter, ItineraryExporter, Renderer
from planner.exporters.itinerary.model import Schedule
from planner.exporters.itinerary.options import RenderOptions
from planner.exporters.xlsx.rooms import grid_sheets
from planner.exporters.xlsx.schedule import schedule_sheets
from planner.exporters.xlsx.workbook import Sheet, Value, sheet_name, workbook_bytes
from planner.languages import language
from planner.reporting.listing import TableListing, listing_rows
from planner.timeline import Programme

__all__ = ["CONTENT_TYPE", "XlsxAgenda", "XlsxItinerary", "XlsxListing", "listing_xlsx"]

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

_DATES = frozenset({"first_day", "last_day"})
_MOMENTS = frozenset({"start", "end"})


class _Sheets:
    """What the XLSX exporters add: a sheet per day when asked, a workbook of a schedule."""

    name: ClassVar[str] = "xlsx"
    extension: ClassVar[str] = "xlsx"
    content_type: ClassVar[str] = CONTENT_TYPE
    renderer_class: ClassVar[type[Renderer]] = JsonRenderer  # unused: rows are cells here

    def configure(self, options: RenderOptions) -> None:
        self.per_day = options.sheet_per_day

    def workbook(self, schedule: Schedule) -> bytes:
        header = schedule.header
        lang = language(schedule.language)
        sheets = schedule_sheets(schedule, per_day=self.per_day)
        title = lang.gettext("{label}: ").format(label=header.title) + header.subject
        return workbook_bytes(sheets, title, right_to_left=lang.direction == "rtl")


class XlsxItinerary(_Sheets, ItineraryExporter):
    """A person's or group's itinerary: one sheet, or one per day with ``sheet_per_day``."""

    def itinerary_bytes(self, programme: Programme, who: str, selection: Selection) -> bytes:
        return self.workbook(self.itinerary(programme, who, selection))


class XlsxAgenda(_Sheets, AgendaExporter):
    """The sessions of an event, a venue, some days (``sheet_per_day``: a sheet per day);
    ``by_room``: the venue's room grid, a sheet per day with a column per room."""

    def export(self, programme: Programme, selection: Selection) -> bytes:
        agenda = self.agenda(programme, selection)
        if agenda.grid is not None:
            title = f"{agenda.header.title}: {agenda.header.subject}"
            return workbook_bytes(grid_sheets(agenda.grid, agenda.view), title)
        return self.workbook(agenda)


class XlsxListing(TableListing):
    """``planner list KIND --format xlsx``: the table's rows as one sheet."""

    name: ClassVar[str] = "xlsx"
    extension: ClassVar[str] = "xlsx"
    content_type: ClassVar[str] = CONTENT_TYPE

    def export(self, programme: Programme, selection: Selection) -> bytes:
        return listing_xlsx(self.what, listing_rows(programme, self.what), programme.name)


def listing_xlsx(kind: str, rows: list[dict[str, Any]], title: str) -> bytes:
    """``planner list KIND`` as a sheet: dates and times as date cells, counts as numbers."""
    headings = tuple(rows[0]) if rows else ()
    values = [[_typed(key, value) for key, value in row.items()] for row in rows]
    return workbook_bytes([Sheet(sheet_name(kind.capitalize(), set()), headings, values)], title)


def _typed(key: str, value: object) -> Value:
    if isinstance(value, str) and value:
        if key in _MOMENTS and "T" in value:
            return datetime.fromisoformat(value).replace(tzinfo=None)  # the zone is a column
        if key in _DATES or key in _MOMENTS:
            return date.fromisoformat(value)
        return value
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)
