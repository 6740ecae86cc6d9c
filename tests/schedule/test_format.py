"""Open sessions in the format: the schema, the loader's checks, included files."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from planner.cli import app
from planner.loading import load_programme
from planner.schema import json_schema

BASE = """\
version: 1
programme: {name: T, timezone: Asia/Seoul}
venues:
  hotel: {name: Hotel, timezone: Asia/Seoul, rooms: {a: {name: A}}}
  park: {name: Park, timezone: Asia/Seoul}
people:
  ana: {name: Ana}
events:
  tour:
    title: Tour
    venue: hotel
    participants: [ana]
    sessions:
      - {id: talk, title: Talk, start: "2016-10-11 10:00", duration: 1h}
"""


def _session(text: str) -> str:
    return BASE + f"      - {text}\n"


def test_the_schema_knows_open_sessions() -> None:
    schema = json_schema()
    document = yaml.safe_load(
        _session(
            "{id: visit, title: Visit, duration: 2h, venues: [hotel, park], rooms: [a], "
            'after: [talk], window: {from: "2016-10-11 09:00", to: "2016-10-12 18:00"}}'
        )
    )
    jsonschema.validate(document, schema)
    document["events"]["tour"]["sessions"][1]["window"] = {"from": "tomorrow"}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, schema)


@pytest.mark.parametrize(
    ("session", "code", "message"),
    [
        (
            '{id: v, title: V, duration: 3h, window: {from: "2016-10-11 09:00", to: "2016-10-11 11:00"}}',
            "end-before-start",
            "the window (2016-10-11 09:00 to 2016-10-11 11:00) is shorter than the session (3h)",
        ),
        (
            '{id: v, title: V, window: {from: "2016-10-11 09:00", to: "2016-10-11 11:00"}}',
            "schema",
            "an open session (with `window`) needs a `duration`, e.g. 2h",
        ),
        (
            '{id: v, title: V, duration: 1h, after: [tlak], window: {from: "2016-10-11 09:00", to: "2016-10-11 11:00"}}',
            "unknown-reference",
            "there is no session `tlak` in this event; did you mean `talk`?",
        ),
        (
            '{id: v, title: V, duration: 1h, venues: [hotel, prak], window: {from: "2016-10-11 09:00", to: "2016-10-11 11:00"}}',
            "unknown-reference",
            "there is no venue with the id `prak`; did you mean `park`?",
        ),
        (
            '{id: v, title: V, duration: 1h, rooms: [b], window: {from: "2016-10-11 09:00", to: "2016-10-11 11:00"}}',
            "unknown-reference",
            "no room `b` at `hotel`",
        ),
        (
            '{id: v, title: V, duration: 1h, repeat: FREQ=DAILY, window: {from: "2016-10-11 09:00", to: "2016-10-11 11:00"}}',
            "schema",
            "an open session (with `window`) cannot `repeat`",
        ),
    ],
)
def test_open_sessions_are_checked(write_yaml, session: str, code: str, message: str) -> None:  # type: ignore[no-untyped-def]
    result = load_programme(write_yaml(_session(session)))
    found = [(d.code, d.message) for d in result.diagnostics if d.severity.value == "error"]
    assert found == [(code, message)]


def test_placements_in_an_included_file_are_written_in_place(tmp_path: Path) -> None:
    root = tmp_path / "events.yaml"
    root.write_text(BASE.split("events:")[0] + "include: [tour.yaml]\n", encoding="utf-8")
    tour = tmp_path / "tour.yaml"
    tour.write_text(
        "events:"
        + BASE.split("events:")[1]
        + "      - {id: visit, title: Visit, duration: 1h, venue: park,\n"
        + '         window: {from: "2016-10-11 09:00", to: "2016-10-11 18:00"}}\n',
        encoding="utf-8",
    )
    runner = CliRunner()
    elsewhere = runner.invoke(app, ["schedule", "-f", str(root), "-o", str(tmp_path / "x.yaml")])
    assert elsewhere.exit_code == 2
    assert "placements go into included files" in elsewhere.output
    in_place = runner.invoke(app, ["schedule", "-f", str(root), "-o", str(root)])
    assert in_place.exit_code == 0, in_place.output
    assert '{id: visit, title: Visit, start: "2016-10-11 09:00", duration: 1h' in tour.read_text()


def test_exports_leave_open_sessions_out_and_say_so(write_yaml, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write_yaml(
        _session(
            '{id: visit, title: Visit, duration: 1h, window: {from: "2016-10-11 13:00", to: "2016-10-11 18:00"}}'
        )
    )
    feed = tmp_path / "all.ics"
    result = CliRunner().invoke(app, ["ics", "-f", str(path), "-o", str(feed)])
    assert result.exit_code == 0, result.output
    assert "1 open session (`visit`) has no time yet and is left out" in result.output
    text = feed.read_text()
    assert "SUMMARY:Talk" in text and "Visit" not in text
