"""``planner import``: conference schedules from pretalx and frab as planner programmes.

    >>> from planner.importing import import_schedule
    >>> result = import_schedule(Path("schedule.json").read_bytes(), "schedule.json")
    >>> Path("events.yaml").write_text(result.text)

Reads a frab ``schedule.xml``, a c3voc/frab ``schedule.json`` or pretalx's export of it,
told apart by their content. See docs/interop.md.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from planner.importing.from_json import read_json_schedule
from planner.importing.from_xml import read_xml_schedule
from planner.importing.programme import programme_data
from planner.importing.source import ImportProblem, SourceSchedule
from planner.importing.write import to_yaml
from planner.importing.zones import ZoneChoice, choose_zone

__all__ = ["ImportProblem", "Imported", "import_schedule", "read_schedule"]


@dataclass(frozen=True, slots=True)
class Imported:
    text: str
    """The programme as YAML."""
    kind: str
    sessions: int
    rooms: int
    people: int
    zone: ZoneChoice


def read_schedule(data: bytes, file_name: str) -> SourceSchedule:
    """The schedule in ``data``, whichever of the formats it is (told by its content)."""
    text = _decode(data, file_name)
    start = text.lstrip()[:1]
    if start == "<":
        return read_xml_schedule(_parse_xml(text, file_name))
    if start == "{":
        try:
            document = json.loads(text)
        except json.JSONDecodeError as error:
            raise ImportProblem(f"{file_name}:{error.lineno}:{error.colno}: {error.msg}") from None
        if isinstance(document, dict) and "schedule" in document:
            return read_json_schedule(document)
        raise ImportProblem(f"{file_name}: JSON without a `schedule` (not a c3voc/frab export)")
    raise ImportProblem(f"{file_name}: neither XML nor JSON (a frab or pretalx schedule export)")


def import_schedule(data: bytes, file_name: str) -> Imported:
    """The programme (YAML text) for the schedule in ``data``; :class:`ImportProblem` if none."""
    source = read_schedule(data, file_name)
    if not source.sessions:
        raise ImportProblem(f"{file_name}: the schedule has no sessions")
    zone = choose_zone(source.zone_name, (session.start for session in source.sessions))
    programme = programme_data(source, zone, file_name)
    header = [
        f"Imported by `planner import` from {file_name} ({source.kind}).",
        "Keys starting with x- keep what the source has and planner's format has no key for.",
    ]
    return Imported(
        to_yaml(programme, header, zone.note),
        source.kind,
        len(source.sessions),
        sum(len(venue["rooms"]) for venue in programme["venues"].values()),
        len(programme["people"]),
        zone,
    )


def _decode(data: bytes, file_name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportProblem(f"{file_name}: not UTF-8 (byte {error.start})") from None


def _parse_xml(text: str, file_name: str) -> ET.Element:
    if "<!DOCTYPE" in text or "<!ENTITY" in text:
        raise ImportProblem(f"{file_name}: a DOCTYPE or ENTITY declaration is not accepted")
    try:
        return ET.fromstring(text)
    except ET.ParseError as error:
        line, column = error.position
        reason = str(error).split(": line ")[0]
        raise ImportProblem(f"{file_name}:{line}:{column + 1}: {reason}") from None
