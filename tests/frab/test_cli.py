"""``planner frab`` through the real entry point, and pyfahrplan reading what it writes."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planner.cli import app
from planner.exporters.base import Selection
from planner.exporters.frab import FrabXmlExporter
from planner.loading import load
from tests.conftest import EVENTS_YAML, ROOT
from tests.frab.conftest import FIXTURES, assert_valid_json, assert_valid_xml, read_with_pyfahrplan

CONFERENCE = FIXTURES / "conference.yaml"


def test_xml_to_standard_output_is_the_exporters(runner: CliRunner) -> None:
    result = runner.invoke(app, ["frab", "-f", str(CONFERENCE)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes == FrabXmlExporter().export(load(CONFERENCE), Selection())


def test_one_event_as_json_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "schedule.json"
    result = subprocess.run(
        [sys.executable, "-m", "planner.cli", "frab", "-f", str(EVENTS_YAML), "--format", "json",
         "--event", "asia-innova-2017", "-o", str(target)],
        capture_output=True, text=True, check=False, cwd=ROOT,
    )  # fmt: skip
    if result.returncode != 0 and "No module named planner.cli.__main__" in result.stderr:
        result = subprocess.run(
            [str(Path(sys.executable).parent / "planner"), "frab", "-f", str(EVENTS_YAML),
             "--format", "json", "--event", "asia-innova-2017", "-o", str(target)],
            capture_output=True, text=True, check=False, cwd=ROOT,
        )  # fmt: skip
    assert result.returncode == 0, result.stderr
    document = assert_valid_json(target.read_bytes())
    assert document["schedule"]["conference"]["acronym"] == "asia_innova_2017"


def test_unknown_event_is_a_usage_error_and_writes_nothing(
    runner: CliRunner, tmp_path: Path
) -> None:
    target = tmp_path / "schedule.xml"
    result = runner.invoke(
        app, ["frab", "-f", str(CONFERENCE), "--event", "democmap", "-o", str(target)]
    )
    assert result.exit_code == 2
    assert "there is no event with the id `democmap`; did you mean `democamp`?" in result.stderr
    assert not target.exists()


def test_a_programme_with_errors_writes_nothing(runner: CliRunner, tmp_path: Path) -> None:
    broken = tmp_path / "events.yaml"
    broken.write_text(
        CONFERENCE.read_text(encoding="utf-8").replace(
            '10:30", end: "12:15", room: hack', '10:00", end: "12:15", room: main'
        ),
        encoding="utf-8",
    )
    target = tmp_path / "schedule.xml"
    result = runner.invoke(app, ["frab", "-f", str(broken), "-o", str(target)])
    assert result.exit_code == 1
    assert "room-double-booked" in result.stderr
    assert not target.exists()


def test_the_written_xml_is_valid(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "schedule.xml"
    result = runner.invoke(app, ["frab", "-f", str(EVENTS_YAML), "-o", str(target)])
    assert result.exit_code == 0, result.stderr
    assert_valid_xml(target.read_bytes())


def test_pyfahrplan_reads_the_bundled_programme(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "schedule.json"
    result = runner.invoke(
        app, ["frab", "-f", str(EVENTS_YAML), "--format", "json", "-o", str(target)]
    )
    assert result.exit_code == 0, result.stderr
    talks = read_with_pyfahrplan(target)
    ours = json.loads(target.read_text(encoding="utf-8"))["schedule"]["conference"]
    expected = sorted(
        (event["guid"], event["title"], room)
        for day in ours["days"]
        for room, events in day["rooms"].items()
        for event in events
    )
    assert sorted((t["talk_guid"], t["title"], t["room"]) for t in talks) == expected
    assert {t["conference_acronym"] for t in talks} == {ours["acronym"]}
    speakers = {t["title"]: t["speakers"] for t in talks}
    assert speakers["Opening session"] == "MOLIT programme coordinator"


def test_a_write_that_fails_leaves_the_old_schedule_whole_and_no_temporary_file(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "schedule.xml"
    target.write_bytes(b"<schedule>the last good one</schedule>\n")

    def disk_full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", disk_full)  # the bytes are written, then the disk is full
    result = runner.invoke(app, ["frab", "-f", str(CONFERENCE), "-o", str(target)])
    assert result.exit_code == 1
    assert result.stderr == f"planner: cannot write {target}: No space left on device\n"
    assert target.read_bytes() == b"<schedule>the last good one</schedule>\n"
    assert sorted(tmp_path.iterdir()) == [target]


def test_the_output_is_written_like_every_other_commands(runner: CliRunner, tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "schedule.json"
    link.symlink_to(real)
    result = runner.invoke(
        app, ["frab", "-f", str(CONFERENCE), "--format", "json", "-o", str(link)]
    )
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink()  # followed and kept, not replaced by a file
    assert_valid_json(real.read_bytes())
    dashed = runner.invoke(app, ["frab", "-f", str(CONFERENCE), "-o", "-"])
    assert dashed.exit_code == 0 and not Path("-").exists()
    assert dashed.stdout_bytes == FrabXmlExporter().export(load(CONFERENCE), Selection())


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_a_full_device_is_one_line_and_stays_a_device(runner: CliRunner) -> None:
    result = runner.invoke(app, ["frab", "-f", str(CONFERENCE), "-o", "/dev/full"])
    assert result.exit_code == 1
    assert result.stderr == "planner: cannot write /dev/full: No space left on device\n"
    assert Path("/dev/full").is_char_device()
