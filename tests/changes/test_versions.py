"""SEQUENCE and LAST-MODIFIED across successive versions, through the library."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import icalendar
import pytest

from planner import load as load_programme
from planner.changes import (
    STATE_FILE,
    StateError,
    advance,
    dump_state,
    parse_state,
    read_state,
    revisions,
)
from planner.exporters.base import Selection
from planner.exporters.ics import IcsExporter
from tests.changes.conftest import STAMPS

UID = "{}.tour@changes.example.org"


def _at(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


def _vevents(data: bytes) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(data)
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def _versions(event: icalendar.Event) -> tuple[int, datetime]:
    return int(event["SEQUENCE"]), event["LAST-MODIFIED"].dt


def test_first_version_every_session_at_zero(versions: tuple[Path, Path]) -> None:
    programme = load_programme(versions[0])
    state = advance(None, programme, _at(STAMPS[0]))
    assert [v.number for v in state.versions] == [1]
    assert state.latest.sessions == 4
    assert {r.sequence for r in state.sessions.values()} == {0}
    feed = IcsExporter(revisions=revisions(state)).export(programme, Selection())
    assert {uid: _versions(e) for uid, e in _vevents(feed).items()} == {
        UID.format(s): (0, _at(STAMPS[0])) for s in ("visit", "dinner", "talk", "walk")
    }


def test_three_builds_move_only_what_changed(versions: tuple[Path, Path]) -> None:
    before, after = (load_programme(path) for path in versions)
    first = advance(None, before, _at(STAMPS[0]))
    second = advance(first, after, _at(STAMPS[1]))
    third = advance(second, after, _at(STAMPS[2]))
    assert third is second  # nothing changed: no new version, the same state
    events = _vevents(IcsExporter(revisions=revisions(third)).export(after, Selection()))
    assert {uid.split(".")[0]: _versions(e) for uid, e in events.items()} == {
        "visit": (1, _at(STAMPS[1])),
        "dinner": (1, _at(STAMPS[1])),
        "talk": (1, _at(STAMPS[1])),
        "walk": (0, _at(STAMPS[0])),
    }
    change = {c.key.split("/")[1]: c for c in second.latest.changes}
    assert change["visit"].kinds == ("moved",)
    assert [(f.field, f.before, f.after) for f in change["visit"].fields] == [
        ("when", "Wed 17 Apr 2024 10:00-11:45 KST", "Wed 17 Apr 2024 13:00-14:45 KST")
    ]
    assert change["dinner"].kinds == ("cancelled",)
    assert change["talk"].kinds == ("retitled",)
    assert change["talk"].fields[0].after == "Opening keynote"
    assert set(change) == {"visit", "dinner", "talk"}


def test_a_second_edit_raises_the_sequence_again(versions: tuple[Path, Path]) -> None:
    before, after = (load_programme(path) for path in versions)
    state = advance(None, before, _at(STAMPS[0]))
    state = advance(state, after, _at(STAMPS[1]))
    state = advance(state, before, _at(STAMPS[2]))  # back as it was: a change again
    assert [v.number for v in state.versions] == [1, 2, 3]
    assert state.sessions[UID.format("visit")].sequence == 2
    assert state.sessions[UID.format("dinner")].sequence == 2
    assert state.latest.changes[0].kinds in (("moved",), ("reinstated",), ("retitled",))
    assert state.sessions[UID.format("walk")].modified == _at(STAMPS[0])


def test_removed_and_readded_session_keeps_counting(versions: tuple[Path, Path]) -> None:
    before = load_programme(versions[0])
    text = versions[0].read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if "id: walk" not in line]
    versions[0].write_text("\n".join(lines) + "\n", encoding="utf-8")
    without = load_programme(versions[0])
    state = advance(None, before, _at(STAMPS[0]))
    state = advance(state, without, _at(STAMPS[1]))
    record = state.sessions[UID.format("walk")]
    assert (record.removed, record.sequence) == (True, 1)
    assert state.latest.changes[0].kinds == ("removed",)
    assert UID.format("walk") not in revisions(state)
    state = advance(state, before, _at(STAMPS[2]))
    assert state.sessions[UID.format("walk")].sequence == 2
    assert state.latest.changes[0].kinds == ("added",)


def test_a_fixed_clock_still_moves_last_modified_forward(versions: tuple[Path, Path]) -> None:
    before, after = (load_programme(path) for path in versions)
    state = advance(advance(None, before, _at(STAMPS[0])), after, _at(STAMPS[0]))
    assert state.latest.time == _at(STAMPS[0] + 1)
    assert state.sessions[UID.format("visit")].modified == _at(STAMPS[0] + 1)


def test_people_and_descriptions_are_not_a_new_version(versions: tuple[Path, Path]) -> None:
    before = load_programme(versions[0])
    edited = (
        versions[0]
        .read_text(encoding="utf-8")
        .replace("participants: [sam]", "participants: [sam, kim], description: Bring shoes")
    )
    versions[0].write_text(edited, encoding="utf-8")
    state = advance(None, before, _at(STAMPS[0]))
    assert advance(state, load_programme(versions[0]), _at(STAMPS[1])) is state


def test_state_file_round_trips_byte_for_byte(versions: tuple[Path, Path], tmp_path: Path) -> None:
    before, after = (load_programme(path) for path in versions)
    state = advance(advance(None, before, _at(STAMPS[0])), after, _at(STAMPS[1]))
    data = dump_state(state)
    (tmp_path / STATE_FILE).write_bytes(data)
    again = read_state(tmp_path)  # a folder: the state file in it
    assert again == state
    assert dump_state(again) == data
    assert dump_state(advance(again, after, _at(STAMPS[2]))) == data


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"not json", "not a planner state file"),
        (b'{"format": 7}', "format 1 expected"),
        (
            b'{"format": 1, "programme": "x", "uid_domain": "x", "versions": [], "sessions": {}}',
            "no version",
        ),
        (
            b'{"format": 1, "programme": "x", "uid_domain": "x", "versions": "no", "sessions": {}}',
            "versions",
        ),
    ],
)
def test_bad_state_is_a_clear_error(data: bytes, message: str) -> None:
    with pytest.raises(StateError, match=message):
        parse_state(data, "site/planner-state.json")


def test_missing_state_names_the_path(tmp_path: Path) -> None:
    with pytest.raises(StateError, match=r"cannot read the previous state .*missing\.json"):
        read_state(tmp_path / "missing.json")
