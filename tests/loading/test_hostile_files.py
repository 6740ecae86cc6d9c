"""Files built to hang or exhaust planner: refused quickly, with the budget that refused them."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

import planner
from planner.loading.sourcemap import SourceMap
from planner.loading.yaml12 import parse_yaml
from tests.conftest import SMALL_PROGRAMME


def _codes(path: Path | str, **limits: int) -> list[tuple[str, str]]:
    result = planner.load_programme(path, **limits)
    return [(d.code, d.message) for d in result.diagnostics]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_dev_zero_is_refused_without_reading_it() -> None:
    started = time.monotonic()
    ((code, message),) = _codes("/dev/zero")
    assert code == "not-a-file"
    assert "a character device, not a regular file" in message
    assert time.monotonic() - started < 2


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "events.yaml"
    os.mkfifo(fifo)
    ((code, message),) = _codes(fifo)
    assert (code, "a pipe (FIFO)") == (
        "not-a-file",
        message.split(", not")[0].removeprefix("this is "),
    )


def test_a_folder_is_refused(tmp_path: Path) -> None:
    ((code, _),) = _codes(tmp_path)
    assert code == "not-a-file"


def test_a_file_larger_than_it_claims_is_cut_at_the_limit(tmp_path: Path) -> None:
    """The limit is enforced on what is read, not on what stat says (procfs says 0)."""
    path = tmp_path / "events.yaml"
    path.write_text(SMALL_PROGRAMME + "x-pad: " + "a" * 500 + "\n", encoding="utf-8")
    ((code, message),) = _codes(path, max_bytes=200)
    assert code == "file-too-large"
    assert "--max-file-size" in message and "PLANNER_MAX_FILE_SIZE" in message


def test_the_node_budget_is_shared_by_the_whole_programme(
    write_yaml, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    root = write_yaml(SMALL_PROGRAMME + "include: [more.yaml]\n")
    write_yaml("x-data: [" + ", ".join(["1"] * 100) + "]\n", "more.yaml")
    monkeypatch.setenv("PLANNER_MAX_YAML_NODES", "80")
    found = _codes(root)
    assert [code for code, _ in found] == ["yaml-node-limit"]
    assert "PLANNER_MAX_YAML_NODES" in found[0][1] and "80" in found[0][1]


def test_a_dense_file_stays_within_a_fixed_multiple_of_the_node_budget() -> None:
    """Memory follows the nodes built: a file past the budget stops at the budget."""
    text = "x: [" + "a," * 200_000 + "a]\n"
    document = parse_yaml(text, "dense.yaml", SourceMap(), max_nodes=1_000)
    assert document.data is None
    assert [d.code for d in document.diagnostics] == ["yaml-node-limit"]
    assert document.nodes <= 1_002


def test_integers_beyond_64_bits_are_refused_where_written() -> None:
    document = parse_yaml("a: " + "9" * 5000 + "\nb: 0x" + "f" * 20 + "\n", "t.yaml", SourceMap())
    assert [(d.code, d.location.line) for d in document.diagnostics if d.location] == [
        ("value-out-of-range", 1),
        ("value-out-of-range", 2),
    ]


def test_outside_paths_get_one_message_whether_or_not_they_exist(write_yaml) -> None:  # type: ignore[no-untyped-def]
    messages = []
    for target in ("../../../../../../../../etc/passwd", "../../../../../../../../etc/nope-x"):
        root = write_yaml(SMALL_PROGRAMME + f"include: ['{target}']\n")
        ((code, message),) = _codes(root)
        assert code == "include-error"
        messages.append(message.replace(target, "TARGET"))
    assert messages[0] == messages[1]


def test_a_glob_outside_is_refused_before_it_is_expanded(write_yaml) -> None:  # type: ignore[no-untyped-def]
    root = write_yaml(SMALL_PROGRAMME + "include: ['../../../../../../**/*.nothing']\n")
    started = time.monotonic()
    ((code, message),) = _codes(root)
    assert code == "include-error" and "reaches outside" in message
    assert time.monotonic() - started < 2


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges")
def test_symbolic_link_loops_are_not_followed(write_yaml, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = write_yaml(SMALL_PROGRAMME + "include: ['d/**/*.yaml']\n")
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a").symlink_to(".")
    (tmp_path / "d" / "b").symlink_to(".")
    write_yaml("people:\n  lee: {name: Lee}\n", "d/people.yaml")
    started = time.monotonic()
    result = planner.load_programme(root)
    assert time.monotonic() - started < 5
    assert result.errors == ()
    assert result.programme is not None and "lee" in result.programme.people


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges")
def test_a_link_inside_pointing_outside_is_refused(write_yaml, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = write_yaml(SMALL_PROGRAMME + "include: ['out.yaml', 'away/*.yaml']\n")
    (tmp_path / "out.yaml").symlink_to("/etc/hostname-that-may-not-exist")
    (tmp_path / "away").symlink_to("/etc")
    found = _codes(root)
    assert [code for code, _ in found] == ["include-error", "include-error"]
    assert all("reaches outside" in message for _, message in found)


def test_the_include_walk_has_a_budget(write_yaml, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    root = write_yaml(SMALL_PROGRAMME + "include: ['many/**/*.yaml']\n")
    for number in range(30):
        write_yaml("{}\n", f"many/{number}/x.txt")
    monkeypatch.setenv("PLANNER_MAX_INCLUDE_WALK", "20")
    ((code, message),) = _codes(root)
    assert code == "include-error" and "PLANNER_MAX_INCLUDE_WALK" in message
