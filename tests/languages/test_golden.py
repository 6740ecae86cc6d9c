"""One delegate's itinerary in all seven languages, as a table, Markdown and HTML.

Regenerate after an intended change with ``PLANNER_UPDATE_GOLDEN=1 pytest tests/languages``
and have the diff read by someone who reads the language.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from planner.cli import app
from planner.exporters import registry
from planner.exporters.base import Selection
from planner.exporters.itinerary import AgendaExporter, ItineraryExporter, RenderOptions
from planner.languages import languages
from tests.conftest import EVENTS_YAML
from tests.itinerary.conftest import WIDTH, check_golden, programme

GOLDEN = Path(__file__).resolve().parent / "golden"
DELEGATE = "vietnam-delegate-1"
"""A K-smart city tour delegate: a night flight, transfers, lectures, visits."""


@pytest.mark.parametrize("output", ["table", "markdown", "html"])
@pytest.mark.parametrize("tag", languages())
def test_itinerary_in_every_language(tag: str, output: str) -> None:
    found = registry.get("itinerary", output).exporter_as(ItineraryExporter)
    exporter = found(options=RenderOptions(width=WIDTH, language=tag))
    text = exporter.render(programme("bundled"), Selection(person=DELEGATE))
    check_golden(GOLDEN / tag / f"{DELEGATE}.{exporter.extension}", text)


@pytest.mark.parametrize("tag", ["es", "ko", "ar"])
def test_room_grid_and_csv_headers(tag: str) -> None:
    options = RenderOptions(width=WIDTH, language=tag)
    selection = Selection(venue="casa-asia-madrid")
    grid = _agenda("markdown")(options=options, by_room=True)
    text = grid.render(programme("bundled"), selection)
    check_golden(GOLDEN / tag / "agenda.casa-asia-madrid.md", text)
    csv = _agenda("csv")(options=options).render(programme("bundled"), selection)
    header = csv.splitlines()[0]
    check_golden(GOLDEN / tag / "agenda.header.csv", header + "\n")


def _agenda(output: str) -> type[AgendaExporter]:
    return registry.get("agenda", output).exporter_as(AgendaExporter)


def test_itinerary_lang_option_through_the_cli() -> None:
    args = ["itinerary", DELEGATE, "-f", str(EVENTS_YAML), "--width", str(WIDTH), "--lang"]
    result = CliRunner().invoke(app, [*args, "ko"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (GOLDEN / "ko" / f"{DELEGATE}.txt").read_text(encoding="utf-8")
    # A regional tag reads its language's catalog.
    mexican = CliRunner().invoke(app, [*args, "es-MX"])
    assert mexican.stdout == (GOLDEN / "es" / f"{DELEGATE}.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("tag", "message"),
    [
        ("de", "planner: --lang: `de` has no catalog; languages: en, ar, es, fr, ko, ru, zh-Hans"),
        ("en_US", "planner: --lang: `en_US` is not a BCP 47 language tag; languages: en, ar"),
    ],
)
def test_a_language_planner_lacks_is_a_usage_error(tag: str, message: str) -> None:
    for command in (["itinerary", DELEGATE], ["agenda"]):
        result = CliRunner().invoke(app, [*command, "-f", str(EVENTS_YAML), "--lang", tag])
        assert result.exit_code == 2
        assert result.stderr.startswith(message)
