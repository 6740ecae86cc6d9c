"""Workbooks in the reader's language, read back with openpyxl: the sheets' names and
headings translated, statuses in words the reader uses, dates still real date cells."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

import pytest

from planner.exporters.base import Selection
from planner.exporters.itinerary import RenderOptions
from planner.exporters.xlsx import XlsxAgenda, XlsxItinerary
from planner.loading import load
from tests.conftest import EVENTS_YAML

openpyxl = pytest.importorskip("openpyxl", reason="openpyxl reads the workbooks back")

MULTILINGUAL = Path(__file__).resolve().parents[1] / "languages" / "fixtures" / "multilingual.yaml"
KOREAN_HEADINGS = (
    "날짜", "시작", "종료", "시간대", "시작(본국 시간)", "종료(본국 시간)", "시간대(본국 시간)",
    "소요 시간", "종일", "내용", "유형", "상태", "행사", "장소", "회의실", "도시", "출발 → 도착",
    "온라인", "좌장", "발표자", "참석", "비고",
)  # fmt: skip


def _book(data: bytes):  # type: ignore[no-untyped-def]
    assert data[:2] == b"PK"
    return openpyxl.load_workbook(io.BytesIO(data))


def _records(sheet) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def test_a_korean_itinerary_read_back() -> None:
    exporter = XlsxItinerary(options=RenderOptions(language="ko", sheet_per_day=True))
    book = _book(exporter.export(load(EVENTS_YAML), Selection(person="vietnam-delegate-1")))
    assert book.sheetnames == [
        "2016-10-10 월",
        "2016-10-11 화",
        "2016-10-12 수",
        "2016-10-13 목",
        "2016-10-14 금",
    ]
    sheet = book.worksheets[1]
    headings = tuple(cell.value for cell in sheet[1])
    assert headings == KOREAN_HEADINGS
    records = _records(sheet)
    bus = records[0]
    assert bus["내용"] == "Bus to the Seoul Green Building"
    assert bus["상태"] == "확정"
    assert bus["시작"] == datetime(2016, 10, 11, 9, 0) and sheet["B2"].is_date
    assert sheet["B2"].number_format == "yyyy-mm-dd hh:mm"  # locale-neutral: Excel shows it
    assert bus["시작(본국 시간)"] == datetime(2016, 10, 11, 7, 0)
    assert bus["출발 → 도착"] == "Koreana Hotel → Seoul Green Building"
    assert not book.worksheets[1].sheet_view.rightToLeft
    assert book.properties.title == "개인 일정표: Viet Nam delegate 1"


def test_the_readers_language_without_lang() -> None:
    """Kim reads Korean: his workbook and the texts given in Korean, with no flag."""
    book = _book(XlsxItinerary().export(load(MULTILINGUAL), Selection(person="min")))
    assert book.sheetnames == ["개인 일정표"]
    records = _records(book.active)
    assert [r["내용"] for r in records] == ["서울그린빌딩 옥상 태양광", "점심"]
    assert records[0]["회의실"] == "옥상"


def test_an_arabic_workbook_reads_right_to_left() -> None:
    exporter = XlsxAgenda(options=RenderOptions(language="ar"))
    book = _book(exporter.export(load(EVENTS_YAML), Selection(venue="casa-asia-madrid")))
    sheet = book.active
    assert sheet.title == "جدول الأعمال"
    assert sheet.sheet_view.rightToLeft
    assert sheet["A1"].value == "التاريخ" and sheet["B1"].value == "البداية"
    assert isinstance(sheet["B2"].value, datetime)
