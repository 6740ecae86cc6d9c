"""At conference scale (1,000 talks, 70 rooms) no text table is wider than asked.

Every text format of the registry that takes a width (the ``table`` of itineraries, agendas
and listings) is rendered at several widths, as a list and as a room grid, in the layout
planner draws (``simple``) and in one tabulate draws (``grid``); no line may be wider.
Widths are display columns (an East Asian character takes two).
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from planner.exporters import registry
from planner.exporters.base import Selection
from planner.exporters.itinerary import AgendaExporter, ItineraryExporter, RenderOptions
from planner.exporters.itinerary.text import display_width
from planner.reporting.listing import LISTABLE, TableListing
from tests.scale.conftest import VENUE, Congress

WIDTHS = (40, 80, 100, 132)
TEXT_KINDS = ("itinerary", "agenda", "listing")


def _text_formats(kind: Any) -> list[str]:
    """The registry's plain-text formats of ``kind`` (those a width applies to)."""
    return [f.name for f in registry.formats(kind) if f.content_type.startswith("text/plain")]


def _too_wide(text: str, width: int) -> list[str]:
    return [line for line in text.splitlines() if display_width(line) > width]


def _busiest(big: Congress) -> str:
    by_person = big.programme.sessions_by_person
    return max(big.programme.people, key=lambda person: len(by_person[person]))


def test_every_kind_has_a_text_table() -> None:
    assert all(_text_formats(kind) == ["table"] for kind in TEXT_KINDS)


@pytest.mark.parametrize("tablefmt", ["simple", "grid"])
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("by_room", [False, True], ids=["list", "rooms"])
def test_agendas_fit(big: Congress, width: int, tablefmt: str, by_room: bool) -> None:
    if tablefmt == "grid" and width < 80:
        pytest.skip("a boxed table's borders, time column and headings take 43 columns")
    options = RenderOptions(width=width, tablefmt=tablefmt)
    for name in _text_formats("agenda"):
        exporter = registry.get("agenda", name).build(
            AgendaExporter, options=options, by_room=by_room
        )
        text = exporter.export(big.programme, Selection(venue=VENUE)).decode("utf-8")
        assert _too_wide(text, width) == []
        assert re.search(r"Summary:\s+1000\s+sessions", text)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_busiest_speakers_itinerary_fits(big: Congress, width: int) -> None:
    who = _busiest(big)
    assert len(big.programme.sessions_by_person[who]) >= 4
    for name in _text_formats("itinerary"):
        exporter = registry.get("itinerary", name).build(
            ItineraryExporter, options=RenderOptions(width=width)
        )
        text = exporter.export(big.programme, Selection(person=who)).decode("utf-8")
        assert _too_wide(text, width) == []


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("what", LISTABLE)
def test_listings_fit(big: Congress, width: int, what: str) -> None:
    for name in _text_formats("listing"):
        exporter = registry.get("listing", name).exporter_as(TableListing)
        text = exporter(what, "simple", width).export(big.programme, Selection()).decode()
        assert _too_wide(text, width) == []


def _columns(text: str, first: str, second: str) -> tuple[str, str]:
    """The text of two neighbouring columns (the second the last) of a ``simple`` table
    without its spaces: the header line says where each starts."""
    lines = text.splitlines()
    at = next(n for n, line in enumerate(lines) if line.split()[-2:] == [first, second])
    start, end = lines[at].index(first), lines[at].index(second)
    rows = [line for line in lines[at + 2 :] if line.strip()][:-1]  # the summary is last
    left = "".join(line[start:end].replace(" ", "") for line in rows)
    return left, "".join(line[end:].replace(" ", "") for line in rows)


def test_long_words_and_urls_wrap_in_terminal_tables(write_yaml: Any) -> None:
    url = "https://meet.example.org/" + "congress-" * 12 + "room?token=" + "x" * 40
    word = "Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichen"
    path = write_yaml(
        "version: 1\n"
        "programme: {name: Long words, timezone: Europe/Berlin}\n"
        "venues:\n  hall: {name: Hall, timezone: Europe/Berlin}\n"
        "people:\n  ana: {name: Ana}\n"
        "events:\n  talks:\n    title: Talks\n    venue: hall\n    participants: [ana]\n"
        "    sessions:\n"
        f"      - {{id: one, title: 'The {word}', date: 2026-12-27, time: '10:00-11:00',\n"
        f"          online: '{url}'}}\n"
    )
    from planner.loading import load

    programme = load(path)
    for width in (40, 60, 80):
        for exporter in (
            AgendaExporter.__subclasses__()[0](options=RenderOptions(width=width)),
            ItineraryExporter.__subclasses__()[0](options=RenderOptions(width=width)),
        ):
            assert exporter.name == "table"
            text = exporter.export(programme, Selection(person="ana")).decode("utf-8")
            assert _too_wide(text, width) == []
            what, where = _columns(text, "What", "Where")
            assert word in what and url in where  # wrapped in their columns, all of it kept
