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
