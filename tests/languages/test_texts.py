"""Texts written in several languages, and who reads which: the model, the loader, outputs."""

from __future__ import annotations

from pathlib import Path

import icalendar
from typer.testing import CliRunner

from planner.cli import app
from planner.exporters import registry
from planner.exporters.base import Selection
from planner.exporters.ics import IcsExporter
from planner.exporters.itinerary import ItineraryExporter, RenderOptions
from planner.languages import LocalText, text_in
from planner.loading import load

HERE = Path(__file__).resolve().parent
PROGRAMME = HERE / "fixtures" / "multilingual.yaml"


def _itinerary(who: str, output: str = "markdown", lang: str | None = None) -> str:
    exporter = registry.get("itinerary", output).exporter_as(ItineraryExporter)
    found = exporter(options=RenderOptions(width=100, language=lang))
    return found.render(load(PROGRAMME), Selection(person=who))


def test_a_text_is_the_programme_s_language_by_default() -> None:
    programme = load(PROGRAMME)
    session = programme.events["tour"].sessions[0]
    assert session.title == "Rooftop solar at Seoul Green Building"
    assert isinstance(session.title, LocalText)
    assert text_in(session.title, "ko") == "서울그린빌딩 옥상 태양광"
    assert programme.language == "en"
    assert programme.people["ana"].language == "es"


def test_the_reader_s_then_the_programme_s_then_the_first_given() -> None:
    lunch = load(PROGRAMME).events["tour"].sessions[1]
    assert text_in(lunch.title, "ko") == "점심"  # the reader's
    assert text_in(lunch.title, "es") == "Déjeuner"  # no es, no en: the first given
    assert text_in(load(PROGRAMME).events["tour"].title, "ru") == "K-smart city tour"  # en
    assert lunch.id == "lunch"


def test_ids_from_titles_are_the_default_text_s() -> None:
    session = load(PROGRAMME).events["tour"].sessions[0]
    assert session.id == "rooftop-solar-at-seoul-green-building-2016-10-11"


def test_a_person_reads_in_their_language_without_a_flag() -> None:
    text = _itinerary("ana")
    assert text.startswith("# Itinerario: Ana Torres")
    assert "Banco Interamericano de Desarrollo (BID)" in text
    assert "Especialista en desarrollo urbano" in text
    assert "Energía solar en la azotea" in text
    assert "martes, 11 de octubre de 2016" in text
    korean = _itinerary("min")
    assert "서울그린빌딩 옥상 태양광" in korean and "옥상" in korean
    english = _itinerary("tom")
    assert "Rooftop solar at Seoul Green Building" in english


def test_lang_overrides_the_reader_s_language() -> None:
    text = _itinerary("ana", lang="ko")
    assert text.startswith("# 개인 일정표: Ana Torres")
    assert "서울그린빌딩 옥상 태양광" in text


def test_a_group_reads_in_the_group_s_language() -> None:
    exporter = registry.get("itinerary", "markdown").exporter_as(ItineraryExporter)()
    text = exporter.render(load(PROGRAMME), Selection(group="visitors"))
    assert text.startswith("# 개인 일정표: 방문단")


def test_feeds_in_the_reader_s_language() -> None:
    data = IcsExporter().export(load(PROGRAMME), Selection(person="ana"))
    calendar = icalendar.Calendar.from_ical(data)
    summaries = {str(event["SUMMARY"]) for event in calendar.walk("VEVENT")}
    assert summaries == {"Energía solar en la azotea", "Déjeuner"}
    assert str(calendar["X-WR-CALNAME"]) == "Ana Torres: Gira de estudio K-smart city"


def test_build_writes_each_reader_s_outputs_in_their_language(tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = CliRunner().invoke(app, ["build", "-f", str(PROGRAMME), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    spanish = (out / "itineraries" / "people" / "ana.md").read_text(encoding="utf-8")
    assert spanish.startswith("# Itinerario: Ana Torres")
    html = (out / "itineraries" / "people" / "ana.html").read_text(encoding="utf-8")
    assert '<html lang="es" dir="ltr">' in html
    feed = (out / "ics" / "people" / "ana.ics").read_text(encoding="utf-8")
    assert "Energía solar en la azotea" in feed
    english = (out / "itineraries" / "people" / "tom.md").read_text(encoding="utf-8")
    assert english.startswith("# Itinerary: Tom Reed")


def test_a_language_tag_that_is_not_bcp_47_is_an_error(tmp_path: Path) -> None:
    text = PROGRAMME.read_text(encoding="utf-8")
    text = text.replace("    language: es\n", "    language: es_ES\n")
    text = text.replace("{fr: Déjeuner, ko: 점심}", '{fr: Déjeuner, "ko KR": 점심}')
    bad = tmp_path / "bad.yaml"
    bad.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", str(bad)])
    assert result.exit_code == 1
    assert result.stdout.splitlines()[:2] == [
        f"{bad}:21:15: error schema: `language` should be a BCP 47 language tag (like en, es, "
        'fr, ru, ko, zh-Hans, ar or es-MX), not "es_ES"',
        f'{bad}:43:40: error schema: "ko KR" is not a BCP 47 language tag (like en, es, fr, ru, '
        "ko, zh-Hans, ar or es-MX)",
    ]
