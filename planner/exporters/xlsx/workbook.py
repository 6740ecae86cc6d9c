"""Tables into an XLSX workbook with XlsxWriter, imported here only.

Every sheet: a bold header row, frozen; filters on every column; widths that fit the
longest value (within reason). Values keep their types: text is always written as text
(``write_string``), so a title such as ``=HYPERLINK("...")`` from the YAML stays words and
never becomes a formula; datetimes and dates are real date cells with a number format;
durations are times (``[h]:mm``). XLSX has no time zones: a datetime is written as the
wall-clock time where it happens, and a column names the zone.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from planner.exporters.itinerary.text import display_width

__all__ = ["Sheet", "Value", "sheet_name", "workbook_bytes"]

Value = str | int | float | bool | datetime | date | timedelta | None

DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
DATE_FORMAT = "yyyy-mm-dd"
DURATION_FORMAT = "[h]:mm"
_MAX_WIDTH = 60
_BAD_NAME = re.compile(r"[\[\]:*?/\\]")


@dataclass(frozen=True, slots=True)
class Sheet:
    """One worksheet: a name, column headings, and rows of typed values."""

    name: str
    headings: Sequence[str]
    rows: Sequence[Sequence[Value]]


def sheet_name(text: str, taken: set[str]) -> str:
    """A valid, unique sheet name: at most 31 characters, none of ``[]:*?/\\``."""
    base = _BAD_NAME.sub(" ", text).strip("' ")[:31] or "Sheet"
    name, number = base, 2
    while name.lower() in taken:
        suffix = f" ({number})"
        name, number = base[: 31 - len(suffix)] + suffix, number + 1
    taken.add(name.lower())
    return name


def workbook_bytes(sheets: Sequence[Sheet], title: str, *, right_to_left: bool = False) -> bytes:
    """The XLSX file of ``sheets`` (an empty sheet when there are none); ``right_to_left``
    sheets (Arabic) read from the right, their first column on the right."""
    import xlsxwriter  # type: ignore[import-untyped]  # only when a spreadsheet is asked for

    buffer = io.BytesIO()
    options = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    book = xlsxwriter.Workbook(buffer, options)
    book.set_properties({"title": title, "created": _created()})
    formats = {
        "heading": book.add_format({"bold": True, "bg_color": "#E8ECF2", "bottom": 1}),
        datetime: book.add_format({"num_format": DATETIME_FORMAT}),
        date: book.add_format({"num_format": DATE_FORMAT}),
        timedelta: book.add_format({"num_format": DURATION_FORMAT}),
        "text": book.add_format({"text_wrap": False}),
    }
    for sheet in sheets or [Sheet("Sheet", (), ())]:
        worksheet = book.add_worksheet(sheet.name)
        if right_to_left:
            worksheet.right_to_left()
        _write_sheet(worksheet, sheet, formats)
    book.close()
    return buffer.getvalue()


def _write_sheet(worksheet: Any, sheet: Sheet, formats: dict[Any, Any]) -> None:
    widths = [display_width(heading) + 3 for heading in sheet.headings]  # room for the filter
    worksheet.write_row(0, 0, list(sheet.headings), formats["heading"])
    for number, row in enumerate(sheet.rows, start=1):
        for column, value in enumerate(row):
            widths[column] = max(widths[column], _write(worksheet, number, column, value, formats))
    for column, width in enumerate(widths):
        worksheet.set_column(column, column, min(width, _MAX_WIDTH))
    worksheet.freeze_panes(1, 0)
    if sheet.headings:
        worksheet.autofilter(0, 0, max(len(sheet.rows), 1), len(sheet.headings) - 1)


def _write(worksheet: Any, row: int, column: int, value: Value, formats: dict[Any, Any]) -> int:
    """Write one cell by its type; the width it needs."""
    if value is None or value == "":
        return 0
    if isinstance(value, str):
        worksheet.write_string(row, column, value)
        return display_width(value) + 1
    if isinstance(value, bool):
        worksheet.write_boolean(row, column, value)
        return 6
    if isinstance(value, int | float):
        worksheet.write_number(row, column, value)
        return len(str(value)) + 1
    if isinstance(value, datetime):
        worksheet.write_datetime(row, column, value.replace(tzinfo=None), formats[datetime])
        return 17
    if isinstance(value, date):
        worksheet.write_datetime(row, column, datetime.combine(value, time()), formats[date])
        return 11
    worksheet.write_datetime(row, column, value, formats[timedelta])
    return 8


def _created() -> datetime:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else now."""
    stamp = os.environ.get("SOURCE_DATE_EPOCH", "")
    if stamp.strip().isdigit():
        return datetime.fromtimestamp(int(stamp), UTC).replace(tzinfo=None)
    return datetime.now(UTC).replace(tzinfo=None)
