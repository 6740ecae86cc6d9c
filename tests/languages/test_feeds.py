"""Feeds for a reader in another language: labels translated, UIDs and times unchanged."""

from __future__ import annotations

from datetime import UTC, datetime

import icalendar
import pytest
from typer.testing import CliRunner

from planner.cli import app
from planner.exporters.base import Selection
from planner.exporters.ics import IcsExporter
from tests.conftest import EVENTS_YAML
from tests.itinerary.conftest import check_golden, programme
from tests.languages.test_golden import GOLDEN

STAMP = datetime(2026, 1, 1, tzinfo=UTC)
_KEPT = ("UID", "DTSTART", "DTEND", "RRULE", "EXDATE", "STATUS", "SEQUENCE", "GEO", "URL")


def _feed(tag: str, selection: Selection) -> icalendar.Calendar:
    data = IcsExporter(stamp=STAMP, lang=tag).export(programme("bundled"), selection)
    return icalendar.Calendar.from_ical(data)


def _times(calendar: icalendar.Calendar) -> list[tuple[str, ...]]:
    return sorted(
        tuple(str(event.get(key, "")) for key in _KEPT) for event in calendar.walk("VEVENT")
    )


@pytest.mark.parametrize("tag", ["fr", "es", "ru", "ko", "zh-Hans", "ar"])
def test_uids_and_times_do_not_change_with_the_language(tag: str) -> None:
    selection = Selection(person="idb-official")
    english, other = _feed("en", selection), _feed(tag, selection)
    assert _times(other) == _times(english)
    assert other["X-WR-CALDESC"] != english["X-WR-CALDESC"]


def test_a_spanish_feed() -> None:
    data = IcsExporter(stamp=STAMP, lang="es").export(
        programme("bundled"), Selection(person="idb-official", event="k-smart-city-tour-2016")
    )
    check_golden(GOLDEN / "es" / "idb-official.ics", data.decode("utf-8"))
    calendar = icalendar.Calendar.from_ical(data)
    assert str(calendar["X-WR-CALDESC"]).startswith("Sesiones y desplazamientos de IDB official")
    descriptions = [str(event["DESCRIPTION"]) for event in calendar.walk("VEVENT")]
    assert any(
        text.startswith("Viaja: IDB official\nMedio de transporte: Vuelo") for text in descriptions
    )
    assert any("Evento: K-smart city tour programme" in text for text in descriptions)


def test_ics_lang_through_the_cli() -> None:
    args = ["ics", "-f", str(EVENTS_YAML), "--person", "idb-official", "--lang", "ko"]
    result = CliRunner().invoke(app, args, env={"SOURCE_DATE_EPOCH": "0"})
    assert result.exit_code == 0, result.stderr
    calendar = icalendar.Calendar.from_ical(result.stdout_bytes)
    assert "일정과 이동" in str(calendar["X-WR-CALDESC"])
