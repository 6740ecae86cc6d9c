"""An occurrence that ends at 00:00 belongs to the day it started, in every day filter."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from planner.cli import app

DINNER = """\
version: 1
programme: {name: Midnight, timezone: Africa/Nairobi}
venues:
  hotel: {name: Hotel, timezone: Africa/Nairobi}
people:
  wanjiru: {name: Wanjiru Kamau}
events:
  course:
    title: Course
    venue: hotel
    participants: [wanjiru]
    sessions:
      - {id: dinner, title: Closing dinner, start: "2024-03-05 20:00", end: "2024-03-06 00:00"}
      - {id: breakfast, title: Breakfast, date: 2024-03-06, time: "08:00-09:00"}
"""


def _titles(tmp_path: Path, *args: str) -> list[str]:
    source = tmp_path / "events.yaml"
    source.write_text(DINNER, encoding="utf-8")
    result = CliRunner().invoke(app, [*args, "-f", str(source), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    rows = data if isinstance(data, list) else data.get("items", data.get("rows", []))
    return sorted(json.dumps(row) for row in rows)


def test_agenda_day_after_leaves_out_the_dinner(tmp_path: Path) -> None:
    rows = _titles(tmp_path, "agenda", "--day", "2024-03-06")
    assert rows and all("Closing dinner" not in row for row in rows)
    assert any("Breakfast" in row for row in rows)


def test_agenda_day_of_the_dinner_keeps_it(tmp_path: Path) -> None:
    rows = _titles(tmp_path, "agenda", "--day", "2024-03-05")
    assert any("Closing dinner" in row for row in rows)


def test_itinerary_from_the_next_day_leaves_out_the_dinner(tmp_path: Path) -> None:
    rows = _titles(tmp_path, "itinerary", "wanjiru", "--from", "2024-03-06", "--to", "2024-03-06")
    assert rows and all("Closing dinner" not in row for row in rows)
