"""One congress for the scale tests: bench/congress.py's 1,000 talks in 70 rooms, imported.

Built once per test process (about two seconds): every scale test reads the same programme.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from bench.congress import congress
from planner.importing import import_schedule
from planner.loading import load
from planner.timeline import Programme

SESSIONS, ROOMS = 1000, 70
VENUE = "congress-venue"


@dataclass(frozen=True)
class Congress:
    path: Path
    programme: Programme


@pytest.fixture(scope="session")
def big(tmp_path_factory: pytest.TempPathFactory) -> Congress:
    folder = tmp_path_factory.mktemp("congress")
    data = json.dumps(congress(SESSIONS, ROOMS)).encode("utf-8")
    path = folder / "events.yaml"
    path.write_text(import_schedule(data, "congress.json").text, encoding="utf-8")
    programme = load(path)
    assert len(programme.sessions) == SESSIONS and len(programme.venues[VENUE].rooms) == ROOMS
    return Congress(path, programme)
