"""``planner itinerary`` and ``planner agenda`` through the real entry point."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from planner.cli import app
from planner.output import MANIFEST
from tests.conftest import EVENTS_YAML, ROOT
from tests.itinerary.conftest import FIXTURES, GOLDEN, WIDTH

CROSSING = str(FIXTURES / "crossing.yaml")
DELEGATION = str(FIXTURES / "delegation.yaml")


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_itinerary_prints_the_golden_table() -> None:
    code, out, _ = _run("itinerary", "hanoi-delegate", "-f", CROSSING, "--width", str(WIDTH))
    assert code == 0
    assert out == (GOLDEN / "crossing" / "hanoi-delegate.txt").read_text(encoding="utf-8")


def test_itinerary_of_a_group_in_markdown() -> None:
    code, out, _ = _run("itinerary", "asian-experts", "-f", DELEGATION, "--format", "markdown")
    assert code == 0
    assert out == (GOLDEN / "delegation" / "asian-experts.md").read_text(encoding="utf-8")


def test_itinerary_writes_a_file(tmp_path: Path) -> None:
    target = tmp_path / "an.json"
    code, out, _ = _run(
        "itinerary", "hanoi-delegate", "-f", CROSSING, "--format", "json", "-o", str(target)
    )
    assert code == 0 and out == ""
    items = json.loads(target.read_text(encoding="utf-8"))
    assert [item["kind"] for item in items].count("travel") == 2


def test_itinerary_window_and_zone(tmp_path: Path) -> None:
    code, out, _ = _run(
        "itinerary", "hanoi-delegate", "-f", CROSSING, "--from", "2016-10-11", "--to", "2016-10-11",
        "--tz", "Asia/Tokyo", "--format", "csv",
    )  # fmt: skip
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 1 + 3  # the header, the lecture, the drop-off and the flight home
    assert "Tuesday" not in out  # CSV has no headings


def test_itinerary_all_writes_every_person_and_group(tmp_path: Path) -> None:
    target = tmp_path / "itineraries"
    code, _, err = _run(
        "itinerary", "--all", "-f", str(EVENTS_YAML), "--format", "html", "-o", str(target)
    )
    assert code == 0, err
    people = sorted(path.stem for path in (target / "people").iterdir())
    groups = sorted(path.stem for path in (target / "groups").iterdir())
    assert "cambodia-delegate-1" in people and "asia-innova-travelling-party" in groups
    assert all(path.suffix == ".html" for path in (target / "people").iterdir())
    assert f"wrote {len(people) + len(groups)} itineraries" in err
    # A second run replaces the folder whole: nothing stale, nothing half-written.
    code, _, _ = _run(
        "itinerary", "--all", "-f", str(EVENTS_YAML), "--format", "csv", "-o", str(target)
    )
    assert code == 0
    assert {path.suffix for path in target.rglob("*.*") if path.name != MANIFEST} == {".csv"}
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_itinerary_all_refuses_a_folder_it_did_not_write(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    code, _, err = _run("itinerary", "--all", "-f", CROSSING, "-o", str(tmp_path))
    assert code == 2
    assert "notes.txt" in err
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_itinerary_usage_problems_exit_2() -> None:
    cases = [
        (["itinerary", "-f", CROSSING], "give a person or group id"),
        (["itinerary", "--all", "-f", CROSSING], "-o DIR"),
        (["itinerary", "hanoi-delegat", "-f", CROSSING], "did you mean `hanoi-delegate`"),
        (["itinerary", "hanoi-delegate", "-f", CROSSING, "--tz", "Asia/Seol"], "Asia/Seoul"),
        (["itinerary", "hanoi-delegate", "-f", CROSSING, "--tablefmt", "nope"], "--tablefmt"),
        (["itinerary", "hanoi-delegate", "-f", CROSSING, "--event", "tuor"], "did you mean `tour`"),
        (
            [
                "itinerary",
                "hanoi-delegate",
                "-f",
                CROSSING,
                "--from",
                "2016-10-11",
                "--to",
                "2016-10-10",
            ],
            "after",
        ),
    ]
    for args, message in cases:
        code, _, err = _run(*args)
        assert code == 2, args
        assert message in err, (args, err)


def test_a_programme_with_errors_exits_1(tmp_path: Path) -> None:
    broken = tmp_path / "events.yaml"
    broken.write_text(
        "version: 1\nprogramme: {name: x}\nevents: {a: {title: A, sessions: []}}\n", "utf-8"
    )
    code, out, err = _run("itinerary", "someone", "-f", str(broken))
    assert code == 1
    assert f"{broken}:" in err and out == ""


def test_agenda_by_room_prints_the_golden_grid() -> None:
    code, out, _ = _run(
        "agenda",
        "-f",
        DELEGATION,
        "--venue",
        "casa-asia-madrid",
        "--by",
        "room",
        "--width",
        str(WIDTH),
    )
    assert code == 0
    assert out == (GOLDEN / "delegation" / "agenda.rooms.txt").read_text(encoding="utf-8")


def test_agenda_of_one_day(tmp_path: Path) -> None:
    target = tmp_path / "day.md"
    code, _, _ = _run(
        "agenda",
        "-f",
        str(EVENTS_YAML),
        "--day",
        "2017-11-22",
        "--format",
        "markdown",
        "-o",
        str(target),
    )
    assert code == 0
    text = target.read_text(encoding="utf-8")
    assert "## Wednesday 22 November 2017" in text
    assert "Tuesday 21" not in text and "Thursday 23" not in text


def test_agenda_usage_problems_exit_2() -> None:
    cases = [
        (["agenda", "-f", DELEGATION, "--by", "room"], "--venue"),
        (["agenda", "-f", DELEGATION, "--day", "2017-11-22", "--from", "2017-11-20"], "--day"),
        (["agenda", "-f", DELEGATION, "--venue", "casa-asia"], "did you mean `casa-asia-madrid`"),
        (["agenda", "-f", DELEGATION, "--day", "22/11/2017"], "22/11/2017"),
    ]
    for args, message in cases:
        code, _, err = _run(*args)
        assert code == 2, args
        assert message in err, (args, err)


def test_python_dash_m_planner_itinerary() -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "planner",
            "itinerary",
            "hanoi-delegate",
            "-f",
            CROSSING,
            "--format",
            "csv",
        ],
        capture_output=True,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == (GOLDEN / "crossing" / "hanoi-delegate.csv").read_bytes()
