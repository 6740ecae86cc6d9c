"""Fixtures for itinerary and agenda tests: programmes as files, golden files as bytes."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from planner.loading import load
from planner.timeline import Programme
from tests.conftest import EVENTS_YAML, UPDATE_GOLDEN

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
GOLDEN = HERE / "golden"
WIDTH = 100
"""Tables in tests are this wide, whatever the terminal running them."""


@cache
def programme(name: str) -> Programme:
    """A fixture programme by name (``crossing``), or ``bundled`` for events.yaml."""
    return load(EVENTS_YAML if name == "bundled" else FIXTURES / f"{name}.yaml")


def check_golden(path: Path, actual: str) -> None:
    """Compare bytes with a golden file (CSV keeps its CRLF); PLANNER_UPDATE_GOLDEN=1 rewrites it."""
    data = actual.encode("utf-8")
    if UPDATE_GOLDEN or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        if not UPDATE_GOLDEN:
            pytest.fail(f"golden file {path.relative_to(HERE)} was missing and has been written")
    assert actual == path.read_bytes().decode("utf-8"), f"differs from {path.relative_to(HERE)}"
