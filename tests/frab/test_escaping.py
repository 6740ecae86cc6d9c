"""Text from the YAML cannot forge frab XML: read back by an XML parser, every hostile title,
name and room is the same words, and no element or entity comes from the programme."""

from __future__ import annotations

from typing import Any
from xml.etree import ElementTree

from planner.exporters.base import Selection
from planner.exporters.frab.as_xml import FrabXmlExporter
from planner.loading import load

TITLE = 'Opening ]]> <event guid="forged"/> &amp; &lt; "quoted" \'single\''
PERSON = "Kim <person id='0'>Mallory</person> & Co"
ROOM = "Hall A<!-- x --> &#x41;"

HOSTILE = f"""\
version: 1
programme: {{name: "Prog <conference/>", timezone: Asia/Seoul, uid_domain: p.example.org}}
venues:
  hall: {{name: Hall, timezone: Asia/Seoul, rooms: {{a: {{name: "{ROOM}"}}}}}}
people:
  kim: {{name: "{PERSON}"}}
events:
  tour:
    title: "Tour & <b>friends</b>"
    venue: hall
    sessions:
      - {{id: visit, title: '{TITLE.replace("'", "''")}', date: 2024-04-17, time: "14:00-16:00", room: a, speakers: [kim]}}
"""


def test_hostile_text_reads_back_as_the_same_words(write_yaml: Any) -> None:
    programme = load(write_yaml(HOSTILE))
    root = ElementTree.fromstring(FrabXmlExporter().export(programme, Selection()))
    (event,) = root.iter("event")
    assert event.findtext("title") == TITLE
    assert [p.text for p in event.iter("person")] == [PERSON]
    assert event.findtext("room") == ROOM
    assert root.findtext("conference/title") == "Prog <conference/>"


OPEN_ONLY = """\
version: 1
programme: {name: Open tour, timezone: Asia/Seoul, uid_domain: open.example.org}
venues:
  hall: {name: Hall, timezone: Asia/Seoul}
events:
  tour:
    title: Tour
    venue: hall
    sessions:
      - {id: visit, title: Visit, duration: 1h, window: {from: "2024-04-17 09:00", to: "2024-04-18 18:00"}}
"""


def test_an_event_with_only_open_sessions_is_a_valid_empty_schedule(write_yaml: Any) -> None:
    """Nothing has a time yet: one empty day, the first of the windows, valid for c3voc."""
    from planner.exporters.frab.as_json import FrabJsonExporter
    from tests.frab.conftest import assert_valid_json, assert_valid_xml

    programme = load(write_yaml(OPEN_ONLY))
    xml = FrabXmlExporter().export(programme, Selection(event="tour"))
    assert_valid_xml(xml)
    root = ElementTree.fromstring(xml)
    assert [day.get("date") for day in root.iter("day")] == ["2024-04-17"]
    assert list(root.iter("event")) == []
    document = assert_valid_json(FrabJsonExporter().export(programme, Selection(event="tour")))
    assert [day["date"] for day in document["schedule"]["conference"]["days"]] == ["2024-04-17"]
