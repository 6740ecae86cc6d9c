from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from planner.codes import CODES
from planner.diagnostics import Diagnostic

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
EVENTS_YAML = ROOT / "events.yaml"
UPDATE_GOLDEN = os.environ.get("PLANNER_UPDATE_GOLDEN") == "1"
# The tests keep planner's cache (compiled catalogs, holiday answers) to themselves.
os.environ["PLANNER_CACHE_DIR"] = tempfile.mkdtemp(prefix="planner-tests-cache-")

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


_undeclared: list[str] = []
_diagnostic_init = Diagnostic.__init__


def _declared_only(self: Diagnostic, code: str, *args: Any, **kwargs: Any) -> None:
    """Diagnostic.__init__ that notes a code planner emits without declaring it."""
    caller = sys._getframe(1).f_globals.get("__name__", "")
    if caller.startswith("planner") and code not in CODES:
        _undeclared.append(f"`{code}` (from {caller})")
    _diagnostic_init(self, code, *args, **kwargs)


Diagnostic.__init__ = _declared_only  # type: ignore[method-assign]


@pytest.fixture(autouse=True)
def _every_code_is_declared() -> Iterator[None]:
    """Fail any test during which planner emits a code missing from planner/codes.py."""
    _undeclared.clear()
    yield
    assert not _undeclared, f"declare these codes in planner/codes.py: {sorted(set(_undeclared))}"


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
