"""``planner agenda --room``: one room's (or some rooms') sessions, in every agenda format."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planner.cli import app
from planner.exporters import registry
from tests.conftest import EVENTS_YAML
from tests.itinerary.conftest import GOLDEN, WIDTH, check_golden, programme

VENUE = "casa-asia-madrid"
ROOM = "meeting-room-1"


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["agenda", "-f", str(EVENTS_YAML), *args])
    return result.exit_code, result.stdout, result.stderr


def _titles(room: str | None) -> set[str]:
    """Titles of the venue's sessions in ``room`` (None: in any other room)."""
    return {
        session.title
        for session in programme("bundled").sessions_at(VENUE)
        if (session.room_id == room if room is not None else session.room_id != ROOM)
    }


def _text(path: Path, name: str) -> str:
    """What a reader sees of the file, as one line of text."""
    if name == "pdf":
        pdftotext = shutil.which("pdftotext")
        if pdftotext is None:
            pytest.skip("pdftotext is not installed (apt-get install poppler-utils)")
        done = subprocess.run([pdftotext, "-enc", "UTF-8", str(path), "-"], capture_output=True)
        text = done.stdout.decode("utf-8")
    elif name == "xlsx":
        openpyxl = pytest.importorskip("openpyxl")
        book = openpyxl.load_workbook(io.BytesIO(path.read_bytes()))
        text = " ".join(
            str(c) for s in book.worksheets for r in s.iter_rows(values_only=True) for c in r
        )
    else:
        text = path.read_text(encoding="utf-8")
    return re.sub(r"\s+", " ", text.replace("\\", ""))


@pytest.mark.parametrize("name", registry.names("agenda"))
def test_every_agenda_format_shows_only_the_rooms_sessions(name: str, tmp_path: Path) -> None:
    target = tmp_path / f"agenda.{name}"
    # Wide enough that no title is wrapped in a text table's column.
    code, _, err = _run("--room", ROOM, "--format", name, "--width", "400", "-o", str(target))
    assert code == 0, err
    text = _text(target, name)
    wanted, others = _titles(ROOM), _titles(None)
    assert len(wanted) == 3 and len(others) >= 3
    assert all(title in text for title in wanted), text
    assert not [title for title in others if title in text]


def test_rows_of_csv_and_json_are_the_rooms(tmp_path: Path) -> None:
    code, out, _ = _run("--room", ROOM, "--format", "json")
    assert code == 0
    items = json.loads(out)
    assert {item["room"] for item in items} == {ROOM}
    assert {item["venue"] for item in items} == {VENUE}
    assert {item["title"] for item in items} == _titles(ROOM)


def test_repeated_and_comma_separated_rooms_are_the_same_choice() -> None:
    repeated = _run("--room", ROOM, "--room", "meeting-room-2", "--width", str(WIDTH))
    commas = _run("--room", f"{ROOM}, meeting-room-2", "--width", str(WIDTH))
    assert repeated[0] == 0 and repeated == commas
    assert "Rooms: Meeting room 1, Meeting room 2" in repeated[1]


def test_a_grid_of_two_rooms_finds_their_venue() -> None:
    code, out, err = _run("--room", f"{ROOM},meeting-room-2", "--by", "room", "--width", str(WIDTH))
    assert code == 0, err
    check_golden(GOLDEN / "bundled" / "agenda.two-rooms.txt", out)
    assert "Main hall" not in out  # a grid of the chosen rooms only, no other room's column


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--room", "meeting-rom-1"],
            "planner: there is no room `meeting-rom-1`; nearest: `meeting-room-1`, "
            "`meeting-room-2`, `meeting-room`\n",
        ),
        (
            ["--venue", VENUE, "--room", "lobby"],
            f"planner: there is no room `lobby` at venue `{VENUE}`; the rooms are `main-hall`, "
            "`meeting-room-1`, `meeting-room-2`\n",
        ),
        (
            ["--room", "main-hall"],
            "planner: room `main-hall` is in several venues (`casa-asia-madrid`, "
            "`casa-asia-barcelona`): choose one with --venue\n",
        ),
        (
            ["--room", f"{ROOM},lobby", "--by", "room"],
            "planner: a grid of rooms is one venue's: choose it with --venue\n",
        ),
    ],
    ids=["mistyped", "not-at-the-venue", "in-two-venues", "grid-of-two-venues"],
)
def test_a_room_that_is_not_there_is_a_usage_error_naming_the_nearest(
    args: list[str], message: str
) -> None:
    code, out, err = _run(*args)
    assert (code, out, err) == (2, "", message)


def test_the_same_room_id_of_the_chosen_venue() -> None:
    code, out, err = _run("--venue", VENUE, "--room", "main-hall", "--format", "json")
    assert code == 0, err
    assert {(item["venue"], item["room"]) for item in json.loads(out)} == {(VENUE, "main-hall")}
