"""``planner import``: frab XML, c3voc/frab JSON and pretalx JSON in; a valid programme out."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planner.cli import app
from planner.exporters.base import Selection
from planner.exporters.frab import FrabJsonExporter, FrabXmlExporter
from planner.importing import ImportProblem, import_schedule
from planner.loading import load, load_programme
from planner.validation import validate_file
from tests.frab.conftest import VOC

FIXTURES = Path(__file__).resolve().parent / "fixtures"
DEMOCON = VOC / "pretalx-democon.json"
SOURCES = [FIXTURES / "froscamp.xml", FIXTURES / "frabcon.json", DEMOCON]


def _source(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is not here (shared/ beside the clone)")
    return path


def _imported(path: Path, tmp_path: Path) -> Path:
    target = tmp_path / "events.yaml"
    target.write_text(import_schedule(path.read_bytes(), path.name).text, encoding="utf-8")
    return target


def _events_of_json(document: dict) -> dict[str, tuple[str, str, str, str]]:  # type: ignore[type-arg]
    """guid -> (title, room, start instant, duration) of a c3voc JSON schedule."""
    from datetime import datetime

    return {
        event["guid"]: (event["title"], event["room"],
                        datetime.fromisoformat(event["date"]).timestamp(), event["duration"])
        for day in document["schedule"]["conference"]["days"]
        for events in day["rooms"].values()
        for event in events
    }  # fmt: skip


def _events_of_xml(root: ET.Element) -> dict[str, tuple[str, str, str, str]]:
    from datetime import datetime

    return {
        str(event.get("guid")): (
            event.findtext("title") or "", event.findtext("room") or "",
            datetime.fromisoformat(event.findtext("date") or "").timestamp(),
            event.findtext("duration") or "",
        )
        for event in root.iterfind("day/room/event")
    }  # fmt: skip


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_the_imported_programme_loads(path: Path, tmp_path: Path) -> None:
    result = load_programme(_imported(_source(path), tmp_path))
    assert result.ok, [str(d.message) for d in result.diagnostics if d.severity.name == "ERROR"]


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_import_then_frab_gives_back_the_same_sessions(path: Path, tmp_path: Path) -> None:
    source = _source(path)
    programme = load(_imported(source, tmp_path))
    if source.suffix == ".json":
        before = _events_of_json(json.loads(source.read_text(encoding="utf-8")))
        after = _events_of_json(json.loads(FrabJsonExporter().export(programme, Selection())))
    else:
        before = _events_of_xml(ET.fromstring(source.read_bytes()))
        after = _events_of_xml(ET.fromstring(FrabXmlExporter().export(programme, Selection())))
    assert after == before


def test_democon_says_why_its_zone_is_not_the_one_it_names(tmp_path: Path) -> None:
    text = _imported(_source(DEMOCON), tmp_path).read_text(encoding="utf-8")
    assert "  timezone: Europe/Berlin  # the file names UTC, whose offsets differ; deduced " \
           "from the offsets (+01:00)" in text  # fmt: skip
    report = validate_file(tmp_path / "events.yaml")
    errors = [d.message for d in report.diagnostics if d.severity.name == "ERROR"]
    assert errors == [  # a real clash in the demo data, told apart by room
        'Stephanie Hudson is in both "Inverse motivating array" (2020-12-16 09:00-10:30 CET, '
        'Tan Room at DemoCon) and "Re-engineered bandwidth-monitored focus group" '
        "(2020-12-16 09:30-10:00 CET, Gray Room at DemoCon), which overlap by 30 min"
    ]


def test_what_the_format_cannot_hold_is_kept_under_x_keys(tmp_path: Path) -> None:
    import yaml

    data = yaml.safe_load(_imported(FIXTURES / "froscamp.xml", tmp_path).read_text("utf-8"))
    people = data["people"]
    # Two speakers called Alex Meyer: ids from the name, told apart in a stable order.
    assert people["alex-meyer"] == {"name": "Alex Meyer", "x-id": "12"}
    assert people["alex-meyer-2"]["x-guid"] == "6f1d6b7a-3c2e-5e0b-8d22-000000000011"
    sessions = {s["uid"][-1]: s for s in data["events"]["froscamp2026"]["sessions"]}
    opening = sessions["1"]
    assert opening["x-logo"] == "/system/events/logos/1001.png"
    assert opening["x-recording-license"] == "CC BY 4.0"
    assert opening["x-links"] == [{"url": "mailto:orga@example.org", "title": "Write to us"}]
    assert opening["links"] == [
        {"url": "https://example.org/slides/opening.pdf", "title": "Slides", "type": "slides"}
    ]
    assert sessions["2"]["recording"] is False
    assert sessions["2"]["start"] == "2026-08-22 00:30"  # after midnight: the next day
    assert sessions["3"]["hosts"] == ["kim-odegaard"]  # a self-organised session is hosted
    assert data["tracks"]["hardware-making"] == {"name": "Hardware & Making", "color": "#2b8a3e"}


def test_texts_yaml_would_read_as_numbers_stay_text(tmp_path: Path) -> None:
    programme = load(_imported(FIXTURES / "frabcon.json", tmp_path))
    titles = {s.title for s in programme.sessions}
    assert titles == {"1e3 ways to schedule", "yes"}
    languages = {s.language for s in programme.sessions}
    assert languages == {"en", "de-AT"}
    abstracts = {s.abstract for s in programme.sessions}
    assert "On:\nscheduling." in abstracts


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b'{"schedule": {"conference": ', "x.json:1:29: Expecting value"),
        (b"<schedule><conference></schedule>", "x.json:1:25: mismatched tag$"),
        (b'<!DOCTYPE x [<!ENTITY a "b">]><schedule/>', "DOCTYPE or ENTITY"),
        (b'{"talks": []}', "JSON without a `schedule`"),
        (b"title: yaml", "neither XML nor JSON"),
        (b'{"schedule": {"conference": {"days": [{"rooms": {"A": [{"title": "t"}]}}]}}}',
         "schedule.conference.days[0].rooms.A[0]: no `date`"),
        ("\ufeff{}".encode() + b"\xff", "not UTF-8"),
    ],
)  # fmt: skip
def test_bad_input_is_one_clear_sentence(data: bytes, message: str) -> None:
    with pytest.raises(ImportProblem, match=message.replace("[", r"\[").replace("]", r"\]")):
        import_schedule(data, "x.json")


def test_the_cli_never_overwrites_without_force(tmp_path: Path) -> None:
    runner = CliRunner()
    target = tmp_path / "events.yaml"
    target.write_text("mine\n", encoding="utf-8")
    source = str(FIXTURES / "frabcon.json")
    refused = runner.invoke(app, ["import", source, "-o", str(target)])
    assert refused.exit_code == 2
    assert "exists; give --force" in refused.stderr
    assert target.read_text(encoding="utf-8") == "mine\n"
    done = runner.invoke(app, ["import", source, "-o", str(target), "--force"])
    assert done.exit_code == 0, done.stderr
    assert "c3voc JSON: 2 sessions, 2 rooms, 2 people; zone Europe/Berlin" in done.stderr
    assert load_programme(target).ok


def test_the_cli_prints_to_standard_output_and_fails_cleanly(tmp_path: Path) -> None:
    runner = CliRunner()
    printed = runner.invoke(app, ["import", str(FIXTURES / "froscamp.xml")])
    assert printed.exit_code == 0
    assert printed.stdout.startswith("# Imported by `planner import` from froscamp.xml")
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    failed = runner.invoke(app, ["import", str(broken), "-o", str(tmp_path / "out.yaml")])
    assert failed.exit_code == 1
    assert failed.stderr.startswith("planner: broken.json:1:2: ")
    assert "Traceback" not in failed.output
    assert not (tmp_path / "out.yaml").exists()
