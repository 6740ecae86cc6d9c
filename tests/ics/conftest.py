"""Shared helpers for the iCalendar tests: fixtures, a fixed DTSTAMP, golden files as bytes."""

from __future__ import annotations

import os
import zoneinfo
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from planner.loading import load
from planner.timeline import Programme

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
GOLDEN = HERE / "golden"
STAMP = datetime(2024, 1, 1, 12, 0, tzinfo=UTC)
UPDATE_GOLDEN = os.environ.get("PLANNER_UPDATE_GOLDEN") == "1"
"""``PLANNER_UPDATE_GOLDEN=1 pytest tests/ics`` rewrites the golden feeds (as for other goldens)."""

FIXTURE_NAMES = sorted(path.stem for path in FIXTURES.glob("*.yaml"))


def load_fixture(name: str) -> Programme:
    return load(FIXTURES / f"{name}.yaml")


def check_golden_bytes(path: Path, actual: bytes) -> None:
    """Compare bytes with a golden file (CRLF kept); PLANNER_UPDATE_GOLDEN=1 rewrites it."""
    if UPDATE_GOLDEN or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(actual)
        if not UPDATE_GOLDEN:
            pytest.fail(f"golden file {path.name} was missing and has been written; run again")
    assert actual == path.read_bytes(), f"{path.name} differs (PLANNER_UPDATE_GOLDEN=1 to accept)"


@pytest.fixture
def bundled_tzdata() -> Iterator[None]:
    """Make every ZoneInfo (also icalendar's and recurring-ical-events') come from the tzdata
    package planner pins, not the host's zoneinfo, which may be older."""
    zoneinfo.reset_tzpath(to=[])
    zoneinfo.ZoneInfo.clear_cache()
    try:
        yield
    finally:
        zoneinfo.reset_tzpath()
        zoneinfo.ZoneInfo.clear_cache()
