"""Itineraries, agendas and listings as XLSX workbooks, in the shape of ``exporters.base``.

Built from the same schedule model as every other format (and, for ``list``, the same
rows as its table). XlsxWriter was chosen over openpyxl by measurement: see
bench/RESULTS.md.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from typing import ClassVar

from planner.exporters.base import Selection
from planner.exporters.itinerary.build import ScheduleBuilder, ScheduleError, check_time_choice
from planner.exporters.itinerary.model import Schedule, Window
from planner.exporters.itinerary.options import RenderOptions
from planner.exporters.xlsx.schedule import schedule_sheets
from planner.exporters.xlsx.workbook import Sheet, Value, sheet_name, workbook_bytes
from planner.timeline import Programme

__all__ = ["XlsxAgenda", "XlsxItinerary", "listing_xlsx"]

_DATES = frozenset({"first_day", "last_day"})
_MOMENTS = frozenset({"start", "end"})


class _Xlsx:
    name: ClassVar[str] = "xlsx"
    extension: ClassVar[str] = "xlsx"
    content_type: ClassVar[str] = (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )

    def __init__(self, *, tz: str = "local", options: RenderOptions | None = None) -> None:
        self.tz = check_time_choice(tz)
        self.per_day = (options or RenderOptions()).sheet_per_day
        self._builder: ScheduleBuilder | None = None

    def builder(self, programme: Programme) -> ScheduleBuilder:
        if self._builder is None or self._builder.programme is not programme:
            self._builder = ScheduleBuilder(programme)
        return self._builder

    def workbook(self, schedule: Schedule) -> bytes:
        header = schedule.header
        sheets = schedule_sheets(schedule, per_day=self.per_day)
        return workbook_bytes(sheets, f"{header.title}: {header.subject}")


class XlsxItinerary(_Xlsx):
    """A person's or group's itinerary: one sheet, or one per day with ``sheet_per_day``."""

    def export(self, programme: Programme, selection: Selection) -> bytes:
        if selection.who is None:
            raise ScheduleError("an itinerary is a person's or a group's: select one")
        return self.workbook(self.itinerary(programme, selection.who, selection))

    def files(self, programme: Programme, selection: Selection) -> Iterator[tuple[str, bytes]]:
        """``(people/ID.xlsx, bytes)`` for every person, then ``(groups/ID.xlsx, bytes)``."""
        for folder, ids in (("people", programme.people), ("groups", programme.groups)):
            for who in ids:
                yield (
                    f"{folder}/{who}.xlsx",
                    self.workbook(self.itinerary(programme, who, selection)),
                )

    def itinerary(self, programme: Programme, who: str, selection: Selection) -> Schedule:
        window = Window(selection.first_day, selection.last_day)
        return self.builder(programme).itinerary(who, window, self.tz, event=selection.event)


class XlsxAgenda(_Xlsx):
    """The sessions of an event, a venue, some days (``sheet_per_day``: a sheet per day)."""

    def __init__(
        self, *, tz: str = "local", options: RenderOptions | None = None, by_room: bool = False
    ) -> None:
        super().__init__(tz=tz, options=options)
        self.by_room = by_room  # a grid is a printed layout: the sheet stays a row per session

    def export(self, programme: Programme, selection: Selection) -> bytes:
        agenda = self.builder(programme).agenda(
            event=selection.event,
            venue=selection.venue,
            window=Window(selection.first_day, selection.last_day),
            tz=self.tz,
        )
        return self.workbook(agenda)


def listing_xlsx(kind: str, rows: list[dict[str, object]], title: str) -> bytes:
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
