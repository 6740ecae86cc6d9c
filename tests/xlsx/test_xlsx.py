"""XLSX read back with openpyxl: real date cells, frozen header, filters, text kept as text."""

from __future__ import annotations

import io
import json
from datetime import datetime, timedelta

import pytest

from planner.exporters.base import Selection
from planner.exporters.itinerary import RenderOptions
from planner.exporters.itinerary.exporters import JsonAgenda
from planner.exporters.xlsx import XlsxAgenda, XlsxItinerary, listing_xlsx
from planner.loading import load
from planner.reporting.listing import listing_rows
from tests.conftest import EVENTS_YAML

openpyxl = pytest.importorskip("openpyxl", reason="openpyxl reads the workbooks back")

HOSTILE = """\
version: 1
programme: {name: Hostile, timezone: Asia/Seoul}
venues:
  hall: {name: "=cmd|' /C calc'!A0", timezone: Asia/Seoul}
people:
  kim: {name: "@SUM(1+1)", timezone: Europe/Madrid}
events:
  tour:
    title: "+1+1"
    venue: hall
    participants: [kim]
    sessions:
      - {id: visit, title: '=HYPERLINK("https://evil.example/","click")', date: 2024-04-17, time: "14:00-16:00"}
      - {id: day, title: "-2+3", date: 2024-04-18}
      - {id: at, title: "@SUM(1+1)", date: 2024-04-19, time: "09:00-10:00"}
"""


def _book(data: bytes):  # type: ignore[no-untyped-def]
    assert data[:2] == b"PK"
    return openpyxl.load_workbook(io.BytesIO(data))


def _records(sheet) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


@pytest.fixture(scope="module")
def bundled():  # type: ignore[no-untyped-def]
    return load(EVENTS_YAML)


def test_agenda_has_real_times_frozen_header_and_filters(bundled) -> None:  # type: ignore[no-untyped-def]
    data = XlsxAgenda().export(bundled, Selection(event="k-smart-city-tour-2016"))
    sheet = _book(data).active
    assert sheet.freeze_panes == "A2"
    assert (
        sheet.auto_filter.ref
        == f"A1:{sheet.cell(1, sheet.max_column).column_letter}{sheet.max_row}"
    )
    first = _records(sheet)[0]
    assert isinstance(first["Start"], datetime) and isinstance(first["Date"], datetime)
    assert sheet["B2"].number_format == "yyyy-mm-dd hh:mm"
    assert sheet["B2"].is_date and sheet["B2"].data_type != "s"  # a date cell, not text
    assert first["Time zone"] == "Asia/Seoul"
    assert isinstance(first["Duration"], timedelta | datetime | float)
    widths = {letter: dim.width for letter, dim in sheet.column_dimensions.items()}
    title_column = next(c.column_letter for c in sheet[1] if c.value == "What")
    longest = max(len(str(c.value or "")) for c in sheet[title_column][1:])
    assert widths[title_column] >= min(longest, 60)


def test_agenda_sheet_per_day(bundled) -> None:  # type: ignore[no-untyped-def]
    exporter = XlsxAgenda(options=RenderOptions(sheet_per_day=True))
    book = _book(exporter.export(bundled, Selection(event="k-smart-city-tour-2016")))
    assert book.sheetnames == [
        "2016-10-10 Mon",
        "2016-10-11 Tue",
        "2016-10-12 Wed",
        "2016-10-13 Thu",
        "2016-10-14 Fri",
    ]
    for sheet in book.worksheets:
        days = {row["Date"] for row in _records(sheet)}
        assert days == {datetime.fromisoformat(sheet.title[:10])}
        assert sheet.freeze_panes == "A2"


def test_itinerary_has_home_time_beside_local(bundled) -> None:  # type: ignore[no-untyped-def]
    book = _book(XlsxItinerary().export(bundled, Selection(person="vietnam-delegate-1")))
    records = _records(book.active)
    flight = records[0]
    assert flight["What"] == "Flight KE 924"
    assert flight["Start"] == datetime(2016, 10, 10, 0, 40) and flight["End"] == datetime(
        2016, 10, 10, 7, 10
    )
    assert flight["Time zone"] == "Asia/Ho_Chi_Minh → Asia/Seoul"
    lunch = next(r for r in records if r["What"] == "Lunch")
    assert lunch["Start (home time)"].hour == lunch["Start"].hour - 2


def test_hostile_text_is_stored_as_text(write_yaml) -> None:  # type: ignore[no-untyped-def]
    programme = load(write_yaml(HOSTILE))
    for data in (
        XlsxItinerary().export(programme, Selection(person="kim")),
        XlsxAgenda().export(programme, Selection()),
    ):
        sheet = _book(data).active
        cells = [
            cell for row in sheet.iter_rows(min_row=2) for cell in row if cell.value is not None
        ]
        texts = {cell.value for cell in cells if cell.data_type == "s"}
        assert '=HYPERLINK("https://evil.example/","click")' in texts
        assert {"+1+1", "-2+3"} <= texts
        assert "@SUM(1+1)" in texts
        assert "=cmd|' /C calc'!A0" in " ".join(str(t) for t in texts)
        assert not [cell for cell in cells if cell.data_type == "f"], "a formula was written"


def test_all_day_rows_are_dates(write_yaml) -> None:  # type: ignore[no-untyped-def]
    programme = load(write_yaml(HOSTILE))
    records = _records(_book(XlsxAgenda().export(programme, Selection())).active)
    whole = next(r for r in records if r["All day"])
    assert whole["Start"] == datetime(2024, 4, 18) and whole["Duration"] is None


@pytest.mark.parametrize("kind", ["events", "sessions", "people", "venues", "groups"])
def test_listing_matches_the_table(bundled, kind: str) -> None:  # type: ignore[no-untyped-def]
    rows = listing_rows(bundled, kind)
    sheet = _book(listing_xlsx(kind, rows, bundled.name)).active
    records = _records(sheet)
    assert len(records) == len(rows)
    assert list(records[0]) == list(rows[0])
    if kind == "sessions":
        assert isinstance(records[0]["start"], datetime)
    if kind == "events":
        dated = next(r for r in records if r["first_day"])
        assert isinstance(dated["first_day"], datetime)


def test_files_for_everyone(bundled) -> None:  # type: ignore[no-untyped-def]
    paths = [path for path, _ in XlsxItinerary().files(bundled, Selection())]
    assert paths[0] == f"people/{next(iter(bundled.people))}.xlsx"
    assert len(paths) == len(bundled.people) + len(bundled.groups)


def test_agenda_by_room_is_a_grid_per_day(bundled) -> None:  # type: ignore[no-untyped-def]
    """--by room: a sheet per day, a column per room; each session in its room's column at
    its start, as the JSON agenda of the same selection places it."""
    selection = Selection(venue="casa-asia-madrid")
    book = _book(XlsxAgenda(by_room=True).export(bundled, selection))
    venue = bundled.venues["casa-asia-madrid"]
    rooms = {room.name: room_id for room_id, room in venue.rooms.items()}
    placed = set()
    for sheet in book.worksheets:
        headings = [cell.value for cell in sheet[1]]
        assert headings[0] == "Start" and set(headings[1:]) <= {*rooms, "Whole venue"}
        for row in sheet.iter_rows(min_row=2):
            start = row[0].value
            assert isinstance(start, datetime) and sheet.title.startswith(f"{start:%Y-%m-%d}")
            for heading, cell in zip(headings[1:], row[1:], strict=True):
                assert cell.data_type in ("s", "n")  # text, or empty: never a formula
                for line in (cell.value or "").splitlines():
                    placed.add((start, rooms.get(heading), line.rsplit(" (to ", 1)[0]))
    items = json.loads(JsonAgenda().export(bundled, selection))
    expected = {
        (datetime.fromisoformat(item["start"]).replace(tzinfo=None), item["room"], item["title"])
        for item in items
        if item["venue"] == "casa-asia-madrid" and not item["origin"]
    }
    assert placed == expected and len(placed) > 5
