"""Golden files: every format, on the fixtures and on the bundled events.yaml.

Regenerate after an intended change with ``PLANNER_UPDATE_GOLDEN=1 pytest tests/itinerary``
and read the diff.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from planner.exporters import registry
from planner.exporters.base import Selection
from planner.exporters.itinerary import AgendaExporter, ItineraryExporter, RenderOptions
from tests.itinerary.conftest import GOLDEN, WIDTH, check_golden, programme

TEXT_FORMATS = tuple(
    entry.name
    for entry in registry.formats("itinerary")
    if entry.content_type.startswith(("text/", "application/json"))
)
"""Golden files are text; PDF and XLSX are read back by their own readers (tests/pdf, xlsx)."""


@dataclass(frozen=True)
class Case:
    programme: str
    name: str
    selection: Selection
    formats: tuple[str, ...] = TEXT_FORMATS
    tz: str = "local"
    agenda: bool = False
    by_room: bool = False


ITINERARIES = (
    # A night flight from Hanoi that lands in Seoul the next day; transfers; a webinar.
    Case("crossing", "hanoi-delegate", Selection(person="hanoi-delegate")),
    Case("crossing", "hanoi-delegate.home", Selection(person="hanoi-delegate"), ("table",), "home"),
    Case(
        "crossing",
        "hanoi-delegate.tokyo",
        Selection(person="hanoi-delegate"),
        ("json",),
        "Asia/Tokyo",
    ),
    # A repeating debate with excepted dates, a cancelled and a tentative session.
    Case("debate", "member", Selection(person="member")),
    Case(
        "debate",
        "member.spring",
        Selection(person="member", first_day=date(2018, 3, 1), last_day=date(2018, 5, 31)),
        ("table", "csv"),
    ),
    # A group whose members differ per session and per flight.
    Case("delegation", "asian-experts", Selection(group="asian-experts")),
    # Text that must not run anywhere.
    Case("hostile", "guest", Selection(person="guest")),
    # The bundled programme: the Asia Innova roadshow and the K-smart city tour.
    Case("bundled", "cambodia-delegate-1", Selection(person="cambodia-delegate-1")),
    Case("bundled", "yuan-feng", Selection(person="yuan-feng")),
    Case(
        "bundled",
        "asia-innova-travelling-party",
        Selection(group="asia-innova-travelling-party"),
        ("table", "html"),
    ),
    Case(
        "bundled",
        "wsc-vip-transport-planner",
        Selection(person="wsc-vip-transport-planner"),
        ("table", "json"),
    ),
)
AGENDAS = (
    Case("debate", "agenda", Selection(), agenda=True),
    Case(
        "delegation",
        "agenda.rooms",
        Selection(venue="casa-asia-madrid"),
        ("table", "markdown", "html"),
        agenda=True,
        by_room=True,
    ),
    Case(
        "hostile",
        "agenda.rooms",
        Selection(venue="hall"),
        ("table", "markdown", "html"),
        agenda=True,
        by_room=True,
    ),
    Case(
        "bundled",
        "agenda.asia-innova",
        Selection(event="asia-innova-2017"),
        ("table", "markdown"),
        agenda=True,
    ),
    Case(
        "bundled",
        "agenda.casa-asia-madrid",
        Selection(
            venue="casa-asia-madrid", first_day=date(2017, 11, 22), last_day=date(2017, 11, 22)
        ),
        ("table",),
        agenda=True,
        by_room=True,
    ),
)


def _render(case: Case, output: str) -> tuple[str, str]:
    options = RenderOptions(width=WIDTH)
    if case.agenda:
        made = registry.get("agenda", output).exporter_as(AgendaExporter)
        agenda = made(tz=case.tz, options=options, by_room=case.by_room)
        return agenda.render(programme(case.programme), case.selection), agenda.extension
    found = registry.get("itinerary", output).exporter_as(ItineraryExporter)
    itinerary = found(tz=case.tz, options=options)
    return itinerary.render(programme(case.programme), case.selection), itinerary.extension


@pytest.mark.parametrize(
    ("case", "output"),
    [(case, output) for case in (*ITINERARIES, *AGENDAS) for output in case.formats],
    ids=lambda value: value.name if isinstance(value, Case) else value,
)
def test_matches_golden_file(case: Case, output: str) -> None:
    text, extension = _render(case, output)
    check_golden(GOLDEN / case.programme / f"{case.name}.{extension}", text)
