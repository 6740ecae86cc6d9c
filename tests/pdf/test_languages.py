"""Printed documents in the reader's language, read back by poppler: every script drawn
with a Noto font that has it (Hangul, Cyrillic, Han, Arabic), no missing-glyph boxes, and
one delegate's itinerary as each of the seven languages prints it."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from planner.exporters.base import Selection
from planner.exporters.itinerary import RenderOptions
from planner.exporters.pdf import PdfItinerary
from planner.exporters.pdf.pack import PackPdf
from planner.languages import languages
from tests.conftest import check_golden
from tests.pdf.conftest import GOLDEN, pdf_text, programme, tool

_BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_SCRIPTS = {
    "ko": re.compile("[\uac00-\ud7a3]"),  # Hangul syllables
    "ru": re.compile("[\u0400-\u04ff]"),  # Cyrillic
    "zh-Hans": re.compile("[\u4e00-\u9fff]"),  # CJK unified ideographs
    "ar": re.compile("[\u0600-\u06ff]"),  # Arabic
}
READERS = {
    # reader: (their language, planner's words and the file's texts they must read, the
    # font family their script is drawn with)
    "min": (
        "ko",
        ("참가자 안내서", "개인 일정표", "옥상 태양광", "서울그린빌딩", "쪽 중"),
        "CJK-KR",
    ),
    "olga": ("ru", ("Пакет участника", "Солнечные панели на крыше", "Страница 1 из"), "Noto-Sans"),
    "wei": ("zh-Hans", ("代表手册", "个人行程", "屋顶太阳能", "第 1 页"), "CJK-SC"),
    "amal": ("ar", ("دليل المشارك", "برنامج الرحلة", "الطاقة الشمسية على السطح", "صفحة"), "Naskh"),
}


def _fonts(pdf: Path) -> list[tuple[str, str]]:
    """``(name, embedded)`` of every font in the PDF, as pdffonts lists them."""
    import subprocess

    out = subprocess.run(
        [tool("pdffonts", "poppler-utils"), str(pdf)], check=True, capture_output=True, text=True
    ).stdout
    rows = [line.split() for line in out.splitlines()[2:] if line.strip()]
    return [(row[0], row[-5]) for row in rows]


@pytest.mark.parametrize("reader", READERS)
def test_a_readers_pack_is_in_their_language_and_script(reader: str, tmp_path: Path) -> None:
    """No ``--lang``: the person's ``language`` picks the words, the texts and the fonts."""
    tag, words, family = READERS[reader]
    exporter = PackPdf()
    pdf = tmp_path / f"{reader}.pdf"
    pdf.write_bytes(exporter.export(programme("readers"), Selection(person=reader)))
    assert exporter.missing_glyphs == set()  # WeasyPrint drew no .notdef
    text = _BIDI_MARKS.sub("", pdf_text(pdf, layout=False))
    assert "\ufffd" not in text and "\u25a1" not in text  # no replacement character, no box
    assert len(_SCRIPTS[tag].findall(text)) > 40
    for word in words:
        assert word in text, f"{word!r} is not in the {tag} pack"
    assert "Delegate pack" not in text and "Page 1 of" not in text
    fonts = _fonts(pdf)
    assert all(embedded == "yes" for _, embedded in fonts), fonts
    assert all("+Noto-" in name for name, _ in fonts), fonts  # subset prefix, then Noto
    assert any(family in name for name, _ in fonts), fonts


def test_arabic_is_laid_out_right_to_left() -> None:
    page = PackPdf().html(programme("readers"), "amal", Selection(person="amal"))
    assert '<html lang="ar" dir="rtl">' in page
    assert 'font-family: "Noto Sans", "Noto Naskh Arabic",' in page
    # The running header's sides swap: the programme's name on the right.
    assert "@top-right { content: " in page.split("string(subject)")[0]
    korean = PackPdf().html(programme("readers"), "min", Selection(person="min"))
    assert '<html lang="ko" dir="ltr">' in korean
    assert 'font-family: "Noto Sans", "Noto Sans CJK KR",' in korean


def test_lang_overrides_the_readers_language() -> None:
    exporter = PackPdf(options=RenderOptions(language="es"))
    page = exporter.html(programme("readers"), "amal", Selection(person="amal"))
    assert '<html lang="es" dir="ltr">' in page and "Carpeta de bienvenida" in page
    assert "Energía" not in page and "Rooftop solar" in page  # no Spanish text: the programme's


@pytest.mark.parametrize("tag", languages())
def test_itinerary_pdf_in_every_language(tag: str, tmp_path: Path) -> None:
    exporter = PdfItinerary(options=RenderOptions(language=tag))
    day = date(2016, 10, 11)
    selection = Selection(person="vietnam-delegate-1", first_day=day, last_day=day)
    pdf = tmp_path / f"{tag}.pdf"
    pdf.write_bytes(exporter.export(programme("bundled"), selection))
    assert exporter.missing_glyphs == set()
    check_golden(GOLDEN / "languages" / f"vietnam-delegate-1.{tag}.txt", pdf_text(pdf))


def _words(pdf: Path, page: int) -> list[tuple[float, float, str]]:
    """``(y, x, word)`` of every word on ``page``, as ``pdftotext -bbox`` places them."""
    import subprocess

    args = [tool("pdftotext", "poppler-utils"), "-bbox", "-f", str(page), "-l", str(page)]
    out = subprocess.run([*args, str(pdf), "-"], check=True, capture_output=True, text=True)
    found = re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', out.stdout)
    return [(float(y), float(x), word) for x, y, word in found]


def test_arabic_times_print_left_to_right(tmp_path: Path) -> None:
    """On the page, from left to right: ``9:00`` then ``ص`` then ``KST``, in the time column
    and in the venues page's transfers (a duration isolated earlier on the same line)."""
    pdf = tmp_path / "amal.pdf"
    pdf.write_bytes(PackPdf().export(programme("readers"), Selection(person="amal")))
    for page in (2, 3):  # the itinerary, the venues
        words = _words(pdf, page)
        rows = [
            [word for _, word in sorted((x, w) for y, x, w in words if round(y) == line)]
            for line in sorted({round(y) for y, _, word in words if word == "KST"})
        ]
        whole = [row for row in rows if "ص" in row]  # a time not wrapped in its cell
        assert whole, rows
        for row in whole:
            at = row.index("KST")
            assert row[at - 1] == "ص" and row[at - 2].startswith("9:"), row


def test_build_prints_each_readers_documents_in_their_language(tmp_path: Path) -> None:
    """``planner build --pdf``'s files: each person's itinerary and the group's pack in
    their own language, with no flag (the group has none: the programme's)."""
    from planner.exporters.pdf.pack import PackPdf
    from planner.publish.printed import PdfOutputs, pdf_files

    outputs = PdfOutputs(PdfItinerary(), PackPdf())
    files = dict(pdf_files(programme("readers"), outputs, workers=1))
    expected = {
        "itineraries/people/min.pdf": "개인 일정표",
        "itineraries/people/olga.pdf": "Индивидуальная программа",
        "itineraries/people/wei.pdf": "个人行程",
        "itineraries/people/amal.pdf": "برنامج الرحلة",
        "packs/visitors.pdf": "Delegate pack",
    }
    for path, words in expected.items():
        pdf = tmp_path / path.replace("/", "-")
        pdf.write_bytes(files[path])
        assert words in _BIDI_MARKS.sub("", pdf_text(pdf, layout=False)), path
