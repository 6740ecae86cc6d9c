from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
EVENTS_YAML = ROOT / "events.yaml"
UPDATE_GOLDEN = os.environ.get("PLANNER_UPDATE_GOLDEN") == "1"

SMALL_PROGRAMME = """\
version: 1
programme: {name: Small programme, timezone: Asia/Seoul}
venues:
  hall: {name: Seoul Global Center, timezone: Asia/Seoul}
people:
  kim: {name: Kim Min-jun}
events:
  tour:
    title: Tour
    venue: hall
    participants: [kim]
    sessions:
      - {id: visit, title: Pangyo visit, date: 2024-04-17, time: "14:00-16:00"}
"""
"""A valid one-session programme, for tests that need any programme at all."""

# Git runs without the user's or the system's settings (commit signing, hooks, templates).
GIT_ENV = {
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "planner tests",
    "GIT_AUTHOR_EMAIL": "tests@example.org",
    "GIT_COMMITTER_NAME": "planner tests",
    "GIT_COMMITTER_EMAIL": "tests@example.org",
}


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def write_yaml(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Write a programme file into a temporary folder and return its path."""

    def write(text: str, name: str = "events.yaml") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return write


def check_golden(path: Path, actual: str) -> None:
    """Compare with a golden file; PLANNER_UPDATE_GOLDEN=1 rewrites it instead."""
    if UPDATE_GOLDEN or not path.exists():
        path.write_text(actual, encoding="utf-8")
        if not UPDATE_GOLDEN:
            pytest.fail(f"golden file {path.name} was missing and has been written; run again")
    assert actual == path.read_text(encoding="utf-8")


def plant_written_file(folder: Path, relative: str, data: bytes = b"old") -> Path:
    """A file as an earlier run of the folder's writer left it (listed in its manifest),
    such as the feed of someone since removed from the programme."""
    import json

    from planner.output import MANIFEST

    path = folder / relative
    path.write_bytes(data)
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    manifest["files"].append(relative)
    (folder / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    return path
