"""planner.output: files written through pipes and devices, never replacing them; folders
swapped in whole, refused when they hold what their writer did not write; killed runs
leave neither a missing folder nor staging behind."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from planner import output
from planner.output import MANIFEST, OutputError, write_tree
from tests.conftest import EVENTS_YAML, SMALL_PROGRAMME

PLANNER = [sys.executable, "-m", "planner"]


def _files(count: int = 3) -> list[tuple[str, bytes]]:
    return [(f"people/p{i}.txt", f"person {i}\n".encode()) for i in range(count)]


def _run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", "CI": "true"}
    return subprocess.run([*PLANNER, *args], cwd=cwd, env=env, capture_output=True, check=False)


# -- trees --------------------------------------------------------------------------------------


def test_a_tree_carries_a_manifest_of_its_writer_and_files(tmp_path: Path) -> None:
    target = tmp_path / "out"
    assert write_tree(_files(), target, "planner test") == 3
    manifest = json.loads((target / MANIFEST).read_text(encoding="utf-8"))
    assert manifest == {"writer": "planner test", "files": [p for p, _ in _files()]}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    assert oct(target.stat().st_mode & 0o777) == oct(0o755)


def test_a_second_tree_replaces_the_first_whole(tmp_path: Path) -> None:
    target = tmp_path / "out"
    write_tree(_files(3), target, "planner test")
    write_tree(_files(1), target, "planner test")
    assert sorted(p.name for p in (target / "people").iterdir()) == ["p0.txt"]


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda t: (t / "notes.md").write_text("mine"), "holds notes.md, which planner did not"),
        (lambda t: write_tree(_files(), t, "planner other"), "holds what planner other wrote"),
    ],
    ids=["foreign-file", "other-writer"],
)
def test_a_folder_that_is_not_the_writers_is_refused(tmp_path: Path, setup, message) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "out"
    target.mkdir()
    setup(target)
    before = sorted(p.relative_to(target) for p in target.rglob("*"))
    with pytest.raises(OutputError, match=message) as raised:
        write_tree(_files(), target, "planner test")
    assert raised.value.usage
    assert sorted(p.relative_to(target) for p in target.rglob("*")) == before


def test_a_file_added_to_a_written_tree_is_refused_by_name(tmp_path: Path) -> None:
    target = tmp_path / "out"
    write_tree(_files(), target, "planner test")
    (target / "people" / "mine.txt").write_text("mine")
    with pytest.raises(OutputError, match=r"holds people/mine\.txt, which planner test did not"):
        write_tree(_files(), target, "planner test")
    assert (target / "people" / "mine.txt").read_text() == "mine"


def test_an_exporter_path_outside_the_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="not inside its folder"):
        write_tree([("../escape.txt", b"x")], tmp_path / "out", "planner test")
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_the_swap_exchanges_in_one_step_on_linux(tmp_path: Path) -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("renameat2 is Linux's")
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    (first / "one").write_text("1")
    assert output._exchange(first, second)
    assert (second / "one").read_text() == "1" and not (first / "one").exists()


def test_staging_of_a_killed_run_is_cleared_by_the_next(tmp_path: Path) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    stale = tmp_path / f".out.planner-staging-{dead.stdout.strip()}-abc123"
    (stale / "people").mkdir(parents=True)
    alive = tmp_path / f".out.planner-staging-{os.getppid()}-def456"
    alive.mkdir()
    write_tree(_files(), tmp_path / "out", "planner test")
    assert not stale.exists(), "a dead run's staging is removed"
    assert alive.exists(), "a running process's staging is left to it"


# -- the CLI: sub-folders of a build, write errors ----------------------------------------------


def test_itinerary_all_into_a_built_site_is_refused_not_deleting_its_files(tmp_path: Path) -> None:
    """It used to delete the Markdown itineraries a build wrote, breaking index.html's links."""
    site = tmp_path / "build"
    assert _run("build", "-f", str(EVENTS_YAML), "-o", str(site)).returncode == 0
    before = sorted(p for p in (site / "itineraries").rglob("*.md"))
    done = _run("itinerary", "--all", "--format", "html", "-f", str(EVENTS_YAML),
                "-o", str(site / "itineraries"))  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.decode() == (
        f"planner: {site / 'itineraries'} is inside {site}, which planner build wrote and "
        "replaces whole; give a folder outside it\n"
    )
    assert sorted(p for p in (site / "itineraries").rglob("*.md")) == before


@pytest.fixture
def small(tmp_path: Path) -> Path:
    path = tmp_path / "events.yaml"
    path.write_text(SMALL_PROGRAMME, encoding="utf-8")
    return path


def test_dash_is_standard_output(small: Path) -> None:
    done = _run("ics", "-f", str(small), "-o", "-")
    assert done.returncode == 0 and done.stdout.startswith(b"BEGIN:VCALENDAR")
    assert not Path("-").exists()


def test_a_fifo_is_written_through_not_replaced(small: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    done = _run("agenda", "-f", str(small), "--format", "csv", "-o", str(fifo))
    reader.join(timeout=30)
    assert done.returncode == 0, done.stderr
    assert b"Pangyo visit" in received[0]
    assert fifo.is_fifo()


def test_a_symlink_is_followed_and_kept(small: Path, tmp_path: Path) -> None:
    real = tmp_path / "real.ics"
    real.write_text("old")
    link = tmp_path / "link.ics"
    link.symlink_to(real)
    assert _run("ics", "-f", str(small), "-o", str(link)).returncode == 0
    assert link.is_symlink() and real.read_bytes().startswith(b"BEGIN:VCALENDAR")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_a_full_device_is_one_line_and_exit_1_and_stays_a_device(small: Path) -> None:
    done = _run("ics", "-f", str(small), "-o", "/dev/full")
    assert done.returncode == 1
    assert done.stderr.decode() == "planner: cannot write /dev/full: No space left on device\n"
    assert Path("/dev/full").is_char_device()


@pytest.mark.parametrize(
    ("command", "where", "message"),
    [
        (["agenda"], "under-a-file/x.md", "Not a directory"),
        (["itinerary", "kim"], "x" * 260 + ".md", "File name too long"),
        (["ics"], "under-a-file/x.ics", "Not a directory"),
    ],
    ids=["agenda-under-a-file", "itinerary-long-name", "ics-under-a-file"],
)
def test_write_errors_are_one_line_and_exit_1(
    small: Path, tmp_path: Path, command: list[str], where: str, message: str
) -> None:
    (tmp_path / "under-a-file").write_text("a file")
    done = _run(*command, "-f", str(small), "-o", str(tmp_path / where))
    assert done.returncode == 1
    lines = done.stderr.decode().splitlines()
    assert len(lines) == 1 and lines[0].startswith("planner: cannot write") and message in lines[0]


def test_write_errors_of_a_folder_are_one_line(small: Path, tmp_path: Path) -> None:
    (tmp_path / "file").write_text("a file")
    for command in (["build"], ["ics", "--all"], ["itinerary", "--all"]):
        done = _run(*command, "-f", str(small), "-o", str(tmp_path / "file" / "out"))
        assert done.returncode in (1, 2), command
        assert len(done.stderr.decode().splitlines()) == 1, done.stderr


# -- kill -9 during build -------------------------------------------------------------------


def _complete(site: Path) -> bool:
    manifest = json.loads((site / MANIFEST).read_text(encoding="utf-8"))
    return all((site / relative).is_file() for relative in manifest["files"])


def test_kill_9_during_build_never_leaves_the_site_missing_or_staging_behind(
    tmp_path: Path,
) -> None:
    site = tmp_path / "build"
    assert _run("build", "-f", str(EVENTS_YAML), "-o", str(site)).returncode == 0
    env = {**os.environ, "CI": "true"}
    chance = random.Random(9)
    for _ in range(6):
        process = subprocess.Popen([*PLANNER, "build", "-f", str(EVENTS_YAML), "-o", str(site)],
                                   env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        time.sleep(chance.uniform(0.3, 2.5))
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert site.is_dir() and _complete(site), "the site is always there, and whole"
    assert _run("build", "-f", str(EVENTS_YAML), "-o", str(site)).returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build"], "no staging left behind"
    assert _complete(site)
