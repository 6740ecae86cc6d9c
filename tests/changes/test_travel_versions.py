"""Travel legs are versioned like sessions: a flight moved within its day gets SEQUENCE + 1
and a new LAST-MODIFIED in its traveller's feed, the others keep theirs; CalDAV carries them."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from tests.changes.conftest import BEFORE, STAMPS
from tests.changes.test_caldav import USER, _calendar, _publish, radicale  # noqa: F401
from tests.changes.test_publishing import _at, _run, _versions, _write

LEGS = """\
    travel:
      - {mode: flight, ref: KE 924, from: Hanoi HAN, to: Incheon ICN, depart: "2024-04-16 00:40", depart_timezone: Asia/Ho_Chi_Minh, arrive: "2024-04-16 07:10"}
      - {mode: flight, ref: KE 925, from: Incheon ICN, to: Hanoi HAN, depart: "2024-04-19 10:00", arrive: "2024-04-19 12:30", arrive_timezone: Asia/Ho_Chi_Minh}
"""
TRAVELLING = BEFORE.replace(
    "  kim: {name: Kim Min-jun, email: kim@example.org, timezone: Asia/Seoul}\n",
    "  kim:\n    name: Kim Min-jun\n    email: kim@example.org\n    timezone: Asia/Seoul\n" + LEGS,
)
# The flight home leaves two hours later the same day: the same journey (same UID), new time.
LATER = TRAVELLING.replace('depart: "2024-04-19 10:00", arrive: "2024-04-19 12:30"',
                           'depart: "2024-04-19 12:00", arrive: "2024-04-19 14:30"')  # fmt: skip


def test_a_flight_moved_within_its_day_gets_a_new_version(
    runner: CliRunner, tmp_path: Path
) -> None:
    file, out = tmp_path / "events.yaml", tmp_path / "feeds"
    _write(file, TRAVELLING, STAMPS[0])
    _run(runner, "ics", "--all", "-f", str(file), "-o", str(out))
    first = _versions(out / "people" / "kim.ics")
    assert first["travel-20240416-ke-924"] == first["travel-20240419-ke-925"] == (0, _at(STAMPS[0]))
    _write(file, LATER, STAMPS[1])
    _run(runner, "ics", "--all", "-f", str(file), "-o", str(out))
    second = _versions(out / "people" / "kim.ics")
    assert second["travel-20240419-ke-925"] == (1, _at(STAMPS[1]))
    assert second["travel-20240416-ke-924"] == (0, _at(STAMPS[0]))
    assert second["visit"] == first["visit"]  # the sessions did not change
    state = json.loads((out / "planner-state.json").read_text(encoding="utf-8"))
    (change,) = state["versions"][-1]["changes"]
    assert change["key"] == "travel/kim#1" and change["kinds"] == ["moved"]
    assert change["fields"][0]["before"].startswith("2024-04-19 10:00")


def test_caldav_carries_a_travellers_flights_and_their_moves(
    runner: CliRunner,
    radicale: tuple[str, Path],  # noqa: F811
    tmp_path: Path,
) -> None:
    url, store = radicale
    file = tmp_path / "events.yaml"
    file.write_text(TRAVELLING, encoding="utf-8")
    code, output = _publish(runner, url, file, "--person", "kim")
    assert code == 0, output
    events = _calendar(store)
    flights = {uid: event for uid, event in events.items() if uid.startswith("travel-")}
    assert len(flights) == 2, sorted(events)
    file.write_text(LATER, encoding="utf-8")
    code, output = _publish(runner, url, file, "--person", "kim")
    assert code == 0, output
    assert "1 updated" in output, output
    moved = _calendar(store)["travel-20240419-ke-925.kim@changes.example.org"]
    assert int(moved["SEQUENCE"]) == 1
    assert moved["DTSTART"].dt.hour == 12
