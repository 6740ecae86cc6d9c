"""schedule.xml and schedule.json: valid for c3voc's schemas, stable ids, same bytes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.exporters.base import Selection
from planner.exporters.frab import FrabJsonExporter, FrabXmlExporter
from planner.exporters.ids import calendar_uid, session_guid
from planner.loading import load
from tests.conftest import EVENTS_YAML, check_golden
from tests.frab.conftest import FIXTURES, GOLDEN, assert_valid_json, assert_valid_xml

BUNDLED = load(EVENTS_YAML)
SELECTIONS = [None, *BUNDLED.events]


@pytest.mark.parametrize("event", SELECTIONS)
def test_the_bundled_programme_passes_c3vocs_xml_schema(event: str | None) -> None:
    assert_valid_xml(FrabXmlExporter().export(BUNDLED, Selection(event=event)))


@pytest.mark.parametrize("event", SELECTIONS)
def test_the_bundled_programme_passes_c3vocs_json_schema(event: str | None) -> None:
    document = assert_valid_json(FrabJsonExporter().export(BUNDLED, Selection(event=event)))
    events = [
        item
        for day in document["schedule"]["conference"]["days"]
        for items in day["rooms"].values()
        for item in items
    ]
    assert events
    # Every time carries an offset: the Android apps do not trust zone names.
    assert all(item["date"][-6] in "+-" and item["end"][-6] in "+-" for item in events)


def test_xml_and_json_say_the_same(tmp_path: Path) -> None:
    import xml.etree.ElementTree as ET

    xml = ET.fromstring(FrabXmlExporter().export(BUNDLED, Selection()))
    document = json.loads(FrabJsonExporter().export(BUNDLED, Selection()))
    from_xml = sorted(
        (e.get("guid"), e.findtext("title"), e.findtext("room"), e.findtext("date"))
        for e in xml.iter("event")
    )
    from_json = sorted(
        (e["guid"], e["title"], e["room"], e["date"])
        for day in document["schedule"]["conference"]["days"]
        for events in day["rooms"].values()
        for e in events
    )
    assert from_xml == from_json
    assert xml.find("generator").attrib["name"] == "planner"  # type: ignore[union-attr]
    assert document["generator"]["name"] == "planner"


def test_same_programme_same_bytes() -> None:
    again = load(EVENTS_YAML)
    for exporter in (FrabXmlExporter(), FrabJsonExporter()):
        assert exporter.export(BUNDLED, Selection()) == exporter.export(again, Selection())


def test_golden_small_conference() -> None:
    programme = load(FIXTURES / "conference.yaml")
    xml = FrabXmlExporter().export(programme, Selection())
    data = FrabJsonExporter().export(programme, Selection(event="democamp"))
    assert_valid_xml(xml)
    assert_valid_json(data)
    check_golden(GOLDEN / "conference.xml", xml.decode())
    check_golden(GOLDEN / "conference.json", data.decode())


def _guids(text: str, tmp_path: Path) -> dict[str, str]:
    path = tmp_path / "events.yaml"
    path.write_text(text, encoding="utf-8")
    document = json.loads(FrabJsonExporter().export(load(path), Selection()))
    return {
        event["title"]: event["guid"]
        for day in document["schedule"]["conference"]["days"]
        for events in day["rooms"].values()
        for event in events
    }


def test_a_retitled_session_keeps_its_guid_and_a_uid_is_the_guid(tmp_path: Path) -> None:
    source = (FIXTURES / "conference.yaml").read_text(encoding="utf-8")
    before = _guids(source, tmp_path)
    after = _guids(source.replace("title: Opening", "title: Welcome"), tmp_path)
    assert before["Opening"] == after["Welcome"]
    assert set(before.values()) - {before["Opening"]} == set(after.values()) - {after["Welcome"]}
    programme = load(FIXTURES / "conference.yaml")
    soldering = next(s for s in programme.sessions if s.id == "soldering")
    assert soldering.uid == "8079583e-8321-506c-95af-fd2903a5f075"
    assert calendar_uid(programme, soldering) == soldering.uid
    assert str(session_guid(programme, soldering)) == soldering.uid


def test_the_conference_fields_reach_both_formats() -> None:
    import xml.etree.ElementTree as ET

    programme = load(FIXTURES / "conference.yaml")
    document = json.loads(FrabJsonExporter().export(programme, Selection(event="democamp")))
    conference = document["schedule"]["conference"]
    assert conference["tracks"] == [
        {"name": "Hardware", "slug": "hardware", "color": "#d9480f"},
        {"name": "Community & Society", "slug": "community", "color": "#1a56db"},
    ]
    events = {
        e["slug"]: e for day in conference["days"] for es in day["rooms"].values() for e in es
    }
    opening = events["democamp-opening"]
    assert (opening["track"], opening["language"], opening["subtitle"]) == (
        "Community & Society",
        "en",
        "Why we are here",
    )
    assert opening["url"] == "https://camp.example.org/talk/opening/"
    assert opening["links"] == [
        {"url": "https://camp.example.org/slides/opening.pdf"},
        {"url": "https://media.example.org/v/opening", "title": "Recording", "type": "media"},
    ]
    soldering = events["democamp-soldering"]
    assert soldering["guid"] == "8079583e-8321-506c-95af-fd2903a5f075"
    assert soldering["do_not_record"] is True
    assert [p["public_name"] for p in soldering["persons"]] == [
        "Grace Hopper",
        "Linus Example",
        "Ada Lovelace",
    ]
    xml = ET.fromstring(FrabXmlExporter().export(programme, Selection(event="democamp")))
    event = next(e for e in xml.iter("event") if e.get("guid") == soldering["guid"])
    assert event.findtext("recording/optout") == "true"
    assert event.findtext("language") == "de"
    assert next(t.attrib for t in xml.iter("track")) == {
        "name": "Hardware",
        "color": "#d9480f",
        "slug": "hardware",
    }


def test_each_occurrence_of_a_repeat_is_an_event_with_its_own_guid() -> None:
    programme = load(FIXTURES / "conference.yaml")
    document = json.loads(FrabJsonExporter().export(programme, Selection()))
    titles = [
        (event["title"], event["guid"], event["slug"])
        for day in document["schedule"]["conference"]["days"]
        for events in day["rooms"].values()
        for event in events
    ]
    repeats = [item for item in titles if item[0] == "Morning run"]
    assert len(repeats) == 3
    assert len({guid for _, guid, _ in repeats}) == 3
    assert len({slug for _, _, slug in titles}) == len(titles)
    assert not any(title == "Dropped talk" for title, _, _ in titles), "cancelled: left out"
