"""``planner ics`` through the real entry point: selections, files, folders, failures."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import planner.output
from planner.cli import app
from planner.exporters.base import Selection
from planner.exporters.ics import IcsExporter
from planner.loading import load
from tests.conftest import ROOT, plant_written_file
from tests.ics.conftest import FIXTURES, STAMP

ALMATY = FIXTURES / "almaty.yaml"
EPOCH = {"SOURCE_DATE_EPOCH": str(int(STAMP.timestamp()))}


def _invoke(runner: CliRunner, *args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, ["ics", *args], env=env or EPOCH)


def test_the_whole_programme_goes_to_standard_output(runner: CliRunner) -> None:
    result = _invoke(runner, "-f", str(ALMATY))
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes == IcsExporter(stamp=STAMP).export(load(ALMATY), Selection())
    assert result.stdout_bytes.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")


@pytest.mark.parametrize(
    ("option", "value", "selection"),
    [
        ("--event", "exco-2024", Selection(event="exco-2024")),
        ("--person", "beyoglu-head", Selection(person="beyoglu-head")),
        ("--group", "secretariat", Selection(group="secretariat")),
        ("--venue", "ritz-carlton-almaty", Selection(venue="ritz-carlton-almaty")),
    ],
)
def test_a_selection_writes_one_feed_to_a_file(
    runner: CliRunner, tmp_path: Path, option: str, value: str, selection: Selection
) -> None:
    target = tmp_path / "feed.ics"
    result = _invoke(runner, "-f", str(ALMATY), option, value, "-o", str(target))
    assert result.exit_code == 0, result.stderr
    assert target.read_bytes() == IcsExporter(stamp=STAMP).export(load(ALMATY), selection)
    assert result.stdout_bytes == b""


def test_all_writes_every_feed_into_a_folder(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "build" / "ics"
    result = _invoke(runner, "-f", str(ALMATY), "--all", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    written = sorted(str(p.relative_to(target)) for p in target.rglob("*.ics"))
    assert written == [
        "events/exco-2024.ics",
        "groups/secretariat.ics",
        "people/beyoglu-head.ics",
        "people/officer.ics",
        "people/secretary-general.ics",
        "people/unscheduled.ics",
        "programme.ics",
        "venues/ritz-carlton-almaty.ics",
    ]
    assert "wrote 8 feeds" in result.stderr
    assert oct(target.stat().st_mode & 0o777) == oct(0o755)
    assert [p.name for p in target.parent.iterdir()] == ["ics"]  # no staging folder left


def test_all_again_replaces_the_previous_feeds_whole(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "ics"
    assert _invoke(runner, "-f", str(ALMATY), "--all", "-o", str(target)).exit_code == 0
    plant_written_file(target, "people/someone-removed.ics")
    assert _invoke(runner, "-f", str(ALMATY), "--all", "-o", str(target)).exit_code == 0
    assert not (target / "people" / "someone-removed.ics").exists()
    (target / "people" / "mine.ics").write_bytes(b"not planner's")
    result = _invoke(runner, "-f", str(ALMATY), "--all", "-o", str(target))
    assert result.exit_code == 2
    assert "holds people/mine.ics, which planner ics --all did not write" in result.stderr
    assert (target / "people" / "mine.ics").read_bytes() == b"not planner's"


def test_a_failed_run_leaves_the_previous_feeds_whole(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "ics"
    assert _invoke(runner, "-f", str(ALMATY), "--all", "-o", str(target)).exit_code == 0
    before = {p: p.read_bytes() for p in target.rglob("*.ics")}

    def interrupted(staging: Path, folder: Path) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(planner.output, "swap_in", interrupted)
    result = _invoke(
        runner, "-f", str(ALMATY), "--all", "-o", str(target), env={"SOURCE_DATE_EPOCH": "0"}
    )
    assert result.exit_code == 1
    assert result.stderr == f"planner: cannot write {target}: disk full\n"
    assert {p: p.read_bytes() for p in target.rglob("*.ics")} == before
    assert [p.name for p in tmp_path.iterdir()] == ["ics"]


def test_a_failed_write_leaves_the_previous_feeds_whole(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "ics"
    assert _invoke(runner, "-f", str(ALMATY), "--all", "-o", str(target)).exit_code == 0
    before = {p: p.read_bytes() for p in target.rglob("*.ics")}
    real = Path.write_bytes

    def failing(self: Path, data: bytes) -> int:
        if self.name == "officer.ics":
            raise OSError(28, "No space left on device")
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", failing)
    result = _invoke(runner, "-f", str(ALMATY), "--all", "-o", str(target))
    assert result.exit_code == 1
    assert result.stderr == f"planner: cannot write {target}: No space left on device\n"
    assert {p: p.read_bytes() for p in target.rglob("*.ics")} == before
    assert [p.name for p in tmp_path.iterdir()] == ["ics"]


def test_all_refuses_a_folder_holding_other_files(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    result = _invoke(runner, "-f", str(ALMATY), "--all", "-o", str(tmp_path))
    assert result.exit_code == 2
    assert "notes.txt" in result.stderr
    assert (tmp_path / "notes.txt").read_text() == "mine"


@pytest.mark.parametrize(
    "args",
    [["--all"], ["--all", "-o", "x", "--person", "officer"]],
    ids=["without-folder", "with-selection"],
)
def test_all_needs_a_folder_and_no_selection(runner: CliRunner, args: list[str]) -> None:
    result = _invoke(runner, "-f", str(ALMATY), *args)
    assert result.exit_code == 2
    assert "--all" in result.stderr


def test_an_unknown_id_is_a_clear_message_and_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    result = _invoke(
        runner, "-f", str(ALMATY), "--person", "beyoglu", "-o", str(tmp_path / "x.ics")
    )
    assert result.exit_code == 2
    assert (
        result.stderr
        == "planner: there is no person with the id `beyoglu`; did you mean `beyoglu-head`?\n"
    )
    assert not (tmp_path / "x.ics").exists()


def test_a_programme_with_errors_writes_nothing_and_exits_1(
    runner: CliRunner, tmp_path: Path
) -> None:
    broken = tmp_path / "events.yaml"
    broken.write_text(ALMATY.read_text().replace("chair: secretary-general", "chair: nobody"))
    result = _invoke(runner, "-f", str(broken), "--all", "-o", str(tmp_path / "ics"))
    assert result.exit_code == 1
    assert "error unknown-reference" in result.stderr
    assert (
        f"planner: nothing written; {broken}: 1 error (1 unknown-reference); fix these first"
        in (result.stderr)
    )
    assert not (tmp_path / "ics").exists()
    assert result.stdout_bytes == b""


def test_a_bad_source_date_epoch_is_refused(runner: CliRunner) -> None:
    result = _invoke(runner, "-f", str(ALMATY), env={"SOURCE_DATE_EPOCH": "soon"})
    assert result.exit_code == 2
    assert "SOURCE_DATE_EPOCH" in result.stderr


def test_a_missing_programme_file_is_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    result = _invoke(runner, "-f", str(tmp_path / "nope.yaml"))
    assert result.exit_code == 2


def test_python_dash_m_writes_the_same_bytes_twice(tmp_path: Path) -> None:
    env = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
    command = [
        sys.executable,
        "-m",
        "planner",
        "ics",
        "-f",
        str(ALMATY),
        "--person",
        "beyoglu-head",
    ]
    first = subprocess.run(command, capture_output=True, check=True, cwd=ROOT, env=env)
    second = subprocess.run(command, capture_output=True, check=True, cwd=ROOT, env=env)
    assert first.stdout == second.stdout
    assert first.stdout == IcsExporter().export(load(ALMATY), Selection(person="beyoglu-head"))
    assert b"\r\nBEGIN:VEVENT\r\n" in first.stdout
