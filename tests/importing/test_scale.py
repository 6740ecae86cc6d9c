"""A congress-sized import (1,000 sessions, 70 rooms): at most 3x `planner validate` of it."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from pathlib import Path

from bench.congress import congress

PLANNER = [sys.executable, "-c", "from planner.cli import main; main()"]


def _cpu_seconds(*args: str, cwd: Path) -> float:
    """CPU time of the command (user + system): the shared machine's load does not count."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([*PLANNER, *args], cwd=cwd, capture_output=True, check=False, timeout=300)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def test_import_and_validate_take_at_most_three_times_validate(tmp_path: Path) -> None:
    (tmp_path / "congress.json").write_text(json.dumps(congress(1000, 70)), encoding="utf-8")
    imported = _cpu_seconds("import", "congress.json", "-o", "events.yaml", cwd=tmp_path)
    text = (tmp_path / "events.yaml").read_text(encoding="utf-8")
    assert text.count("\n    - id: ") == 1000 and text.count("\n      room-") == 70
    validated = min(_cpu_seconds("validate", "events.yaml", cwd=tmp_path) for _ in range(2))
    assert imported + validated <= 3 * validated, (imported, validated)


def test_the_room_grid_of_70_rooms_is_paged_to_the_width(tmp_path: Path) -> None:
    from planner.exporters.base import Selection
    from planner.exporters.itinerary.exporters import TableAgenda
    from planner.exporters.itinerary.options import RenderOptions
    from planner.importing import import_schedule
    from planner.loading import load

    data = json.dumps(congress(300, 70)).encode()
    (tmp_path / "events.yaml").write_text(import_schedule(data, "c.json").text, encoding="utf-8")
    programme = load(tmp_path / "events.yaml")
    agenda = TableAgenda(options=RenderOptions(width=100), by_room=True)
    text = agenda.export(programme, Selection(venue="congress-venue")).decode()
    assert max(len(line) for line in text.splitlines()) <= 100
    assert "(1-6/70)" in text and "(7-12/70)" in text
