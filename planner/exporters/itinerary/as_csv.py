"""CSV for spreadsheets: a header row, then one row per occurrence or travel leg.

A cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return) gets
a leading apostrophe, so a spreadsheet shows it as text and never runs it as a formula.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any, ClassVar

from planner.exporters.itinerary.items import FIELDS, row_item
from planner.exporters.itinerary.model import Row, Schedule
from planner.exporters.itinerary.options import RenderOptions
from planner.languages import Language, language

__all__ = ["CsvRenderer", "column_names", "neutralise"]

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
"""Control characters other than tab and line breaks: dropped (a cell may span lines)."""


def neutralise(value: str) -> str:
    """``=HYPERLINK(...)`` -> ``'=HYPERLINK(...)``; other text unchanged."""
    return f"'{value}" if value.startswith(_FORMULA_STARTS) else value


class CsvRenderer:
    name: ClassVar[str] = "csv"
    extension: ClassVar[str] = "csv"
    content_type: ClassVar[str] = "text/csv; charset=utf-8"

    def __init__(self, options: RenderOptions | None = None) -> None:
        self._lines: dict[str, str] = {}
        self._buffer = io.StringIO()
        self._writer = csv.writer(self._buffer, lineterminator="\r\n")
        self._header = self._line(
            column_names(language((options or RenderOptions()).language or "en"))
        )

    def render(self, schedule: Schedule) -> str:
        return self._header + "".join(self._row(row) for row in schedule.rows)

    def _row(self, row: Row) -> str:
        if row.attendees is not None or row.remote:  # per group, or per person's zone
            return self._line(_cells(row))
        found = self._lines.get(row.uid)
        if found is None:
            found = self._lines[row.uid] = self._line(_cells(row))
        return found

    def _line(self, cells: list[str]) -> str:
        self._buffer.seek(0)
        self._buffer.truncate()
        self._writer.writerow(cells)
        return self._buffer.getvalue()


def _cells(row: Row) -> list[str]:
    return [neutralise(_CONTROL.sub("", _text(value))) for value in row_item(row).values()]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "; ".join(value)
    return str(value)


def column_names(lang: Language) -> list[str]:
    """The header row: the record's keys (:data:`FIELDS`) in English, words in the others.

    Values stay as planner writes them (ids, ISO 8601 times, ``confirmed``), so a
    spreadsheet reads any language's file the same way.
    """
    if lang.english:
        return list(FIELDS)
    names = {
        "kind": lang.pgettext("CSV column", "kind"),
        "id": lang.pgettext("CSV column", "id"),
        "title": lang.pgettext("CSV column", "title"),
        "category": lang.pgettext("CSV column", "category"),
        "status": lang.pgettext("CSV column", "status"),
        "all_day": lang.pgettext("CSV column", "all_day"),
        "day": lang.pgettext("CSV column", "day"),
        "start": lang.pgettext("CSV column", "start"),
        "end": lang.pgettext("CSV column", "end"),
        "timezone": lang.pgettext("CSV column", "timezone"),
        "end_timezone": lang.pgettext("CSV column", "end_timezone"),
        "duration_minutes": lang.pgettext("CSV column", "duration_minutes"),
        "event": lang.pgettext("CSV column", "event"),
        "event_title": lang.pgettext("CSV column", "event_title"),
        "venue": lang.pgettext("CSV column", "venue"),
        "venue_name": lang.pgettext("CSV column", "venue_name"),
        "room": lang.pgettext("CSV column", "room"),
        "room_name": lang.pgettext("CSV column", "room_name"),
        "city": lang.pgettext("CSV column", "city"),
        "online_url": lang.pgettext("CSV column", "online_url"),
        "origin": lang.pgettext("CSV column", "origin"),
        "destination": lang.pgettext("CSV column", "destination"),
        "chair": lang.pgettext("CSV column", "chair"),
        "speakers": lang.pgettext("CSV column", "speakers"),
        "attendees": lang.pgettext("CSV column", "attendees"),
        "notes": lang.pgettext("CSV column", "notes"),
    }
    return [names.get(field, field) for field in FIELDS]
