"""Itineraries and agendas as PDF, read back by poppler: text, pages, paper, glyphs."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.exporters.base import Selection
from planner.exporters.itinerary import RenderOptions, ScheduleError
from planner.exporters.pdf import PdfAgenda, PdfItinerary
from planner.exporters.pdf.render import render_pdf
from tests.conftest import check_golden
from tests.pdf.conftest import (
    GOLDEN,
    page_count,
    page_png,
    pdf_fonts,
    pdf_info,
    pdf_text,
    programme,
)

KOREAN = ("서울글로벌센터", "국제회의장", "개회식", "김민준", "환영합니다", "스마트시티 정상회의")
KAZAKH = ("Алматы қаласының әкімдігі", "Ақылды қала жобалары", "Әйгерім Нұрланқызы", "Атқарушы")
SPANISH = ("Sandra Gómez López", "Innovación urbana", "Palacio de Cañete", "Delegación")


def _write(tmp_path: Path, data: bytes, name: str = "out.pdf") -> Path:
    assert data.startswith(b"%PDF-")
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_itinerary_text_matches_golden(tmp_path: Path) -> None:
    data = PdfItinerary().export(programme("bundled"), Selection(person="vietnam-delegate-1"))
    text = pdf_text(_write(tmp_path, data))
    check_golden(GOLDEN / "vietnam-delegate-1.txt", text)


def test_itinerary_has_a_page_per_day_with_header_and_numbers(tmp_path: Path) -> None:
    data = PdfItinerary().export(programme("bundled"), Selection(person="vietnam-delegate-1"))
    pdf = _write(tmp_path, data)
    pages = pdf_text(pdf, layout=False).split("\f")[:-1]
    assert len(pages) == page_count(pdf) == 5  # Monday to Friday, one page each
    for number, text in enumerate(pages, start=1):
        assert "Smart city cooperation programmes" in text  # the programme, top left
        assert "Viet Nam delegate 1" in text  # the person, top right
        assert f"Page {number} of 5" in text
    assert "Monday 10 October 2016" in pages[0] and "Friday 14 October 2016" in pages[4]


def test_a4_by_default_and_letter_when_asked(tmp_path: Path) -> None:
    selection = Selection(person="vietnam-delegate-1")
    a4 = _write(tmp_path, PdfItinerary().export(programme("bundled"), selection), "a4.pdf")
    letter_exporter = PdfItinerary(options=RenderOptions(paper="letter"))
    letter = _write(tmp_path, letter_exporter.export(programme("bundled"), selection), "l.pdf")
    assert pdf_info(a4)["Page size"].startswith("595.276 x 841.89 pts (A4)")
    assert pdf_info(letter)["Page size"].startswith("612 x 792 pts (letter)")


def test_unknown_paper_is_refused() -> None:
    with pytest.raises(ScheduleError, match="--paper a3 is not one of: a4, letter"):
        PdfItinerary(options=RenderOptions(paper="a3"))


def test_every_script_prints_with_real_glyphs(tmp_path: Path) -> None:
    """Hangul, Kazakh Cyrillic and Spanish accents: each drawn from a font that has it."""
    exporter = PdfItinerary()
    data = exporter.export(programme("scripts"), Selection(group="delegacion"))
    assert exporter.missing_glyphs == set()
    text = " ".join(pdf_text(_write(tmp_path, data), layout=False).split())
    for word in (*KOREAN, *KAZAKH, *SPANISH):
        assert word in text, f"{word!r} did not print"
    fonts = pdf_fonts(tmp_path / "out.pdf")
    assert any("Noto-Sans-CJK-KR" in font for font in fonts), fonts


def test_a_glyph_no_font_has_is_caught() -> None:
    """The check above can fail: a private-use character has no glyph in any font."""
    rendered = render_pdf("<p>before\ue000after 서울</p>")
    assert rendered.missing == {"\ue000"}


def test_long_day_splits_between_rows_never_inside_one(tmp_path: Path) -> None:
    """The whole bundled agenda: every session's title is whole on one page."""
    bundled = programme("bundled")
    data = PdfAgenda().export(bundled, Selection(event="k-smart-city-tour-2016"))
    pages = pdf_text(_write(tmp_path, data), layout=False).split("\f")
    titles = {s.title for s in bundled.events["k-smart-city-tour-2016"].sessions}
    assert len(pages) > 5
    for title in titles:
        if len(title) < 30:  # short titles print on one line: the page holds all of it
            assert any(title in page for page in pages), title


def test_agenda_by_room_and_filters(tmp_path: Path) -> None:
    exporter = PdfAgenda(by_room=True)
    selection = Selection(venue="casa-asia-madrid")
    text = pdf_text(_write(tmp_path, exporter.export(programme("bundled"), selection)))
    assert "Agenda: Smart city cooperation programmes" in " ".join(text.split())
    assert "Casa Asia Madrid" in text


def test_page_renders_to_a_picture(tmp_path: Path) -> None:
    data = PdfItinerary().export(programme("scripts"), Selection(person="kim"))
    png = page_png(_write(tmp_path, data), 1, tmp_path / "page.png", dpi=40)
    assert png.read_bytes().startswith(b"\x89PNG")
