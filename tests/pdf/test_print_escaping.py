"""Text from the YAML stays text in the print HTML the PDFs are made from: read back by the
standard library's HTML parser, no element or attribute comes from the programme, the
stylesheet is not ended early, and every hostile string is there as the words it was."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

import planner.exporters.pdf.exporters as printed
from planner.exporters.base import Selection
from planner.exporters.pdf.exporters import PdfAgenda, PdfItinerary
from planner.exporters.pdf.pack import PackPdf
from planner.exporters.pdf.render import Rendered
from planner.loading import load

PROGRAMME_NAME = 'Prog"; } body { display: none } </style><script>alert(1)</script>'
TITLE = "<img src=x onerror=alert(1)> & <b>bold</b>"
PERSON = "Kim </td></tr><tr><td>forged"
VENUE = "Hall ]]> <!-- x --> <a href=javascript:alert(1)>y</a>"

HOSTILE = f"""\
version: 1
programme: {{name: '{PROGRAMME_NAME}', timezone: Asia/Seoul, uid_domain: p.example.org}}
venues:
  hall: {{name: "{VENUE}", timezone: Asia/Seoul}}
people:
  kim: {{name: "{PERSON}", timezone: Asia/Seoul}}
groups:
  team: {{name: "Team <i>x</i>", members: [kim]}}
events:
  tour:
    title: "Tour <svg onload=alert(1)>"
    venue: hall
    participants: [team]
    sessions:
      - {{id: visit, title: "{TITLE}", date: 2024-04-17, time: "14:00-16:00"}}
"""


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []
        self.style = ""
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.style += data
        else:
            self.text.append(data)


def _captured(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    pages: list[str] = []

    def capture(html: str) -> Rendered:
        pages.append(html)
        return Rendered(b"%PDF-", frozenset())

    monkeypatch.setattr(printed, "render_pdf", capture)
    monkeypatch.setattr("planner.exporters.pdf.pack.render_pdf", capture)
    programme = load(path)
    PdfItinerary().export(programme, Selection(person="kim"))
    PdfAgenda().export(programme, Selection(event="tour"))
    PackPdf(base_url="https://example.org/tour/").export(programme, Selection(group="team"))
    return pages


def test_the_print_html_holds_the_programme_as_text(
    monkeypatch: pytest.MonkeyPatch, write_yaml: Any
) -> None:
    pages = _captured(monkeypatch, write_yaml(HOSTILE))
    assert len(pages) == 3
    for html in pages:
        reader = _Reader()
        reader.feed(html)
        tags = [tag for tag, _ in reader.tags]
        assert not {"script", "b", "i", "svg"} & set(tags), tags
        sources = [v for tag, attrs in reader.tags if tag == "img" for n, v in attrs if n == "src"]
        assert all(src and src.startswith("data:image/") for src in sources)  # the QR codes
        attributes = [name for _, attrs in reader.tags for name, _ in attrs]
        assert not [name for name in attributes if name.startswith("on")], attributes
        assert not [v for _, attrs in reader.tags for _, v in attrs if v and "javascript:" in v]
        assert tags.count("style") == 1 and "</style>" not in reader.style
        assert "<script>" not in reader.style and "body { display: none }" not in reader.style
        assert TITLE in "".join(reader.text)
    itinerary, _, pack = ("".join(_text_of(html)) for html in pages)
    assert PERSON in itinerary and PERSON in pack  # the agenda names no one
    assert all(VENUE in "".join(_text_of(html)) for html in pages)


def _text_of(html: str) -> list[str]:
    reader = _Reader()
    reader.feed(html)
    return reader.text
