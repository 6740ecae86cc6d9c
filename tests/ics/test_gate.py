"""A programme with errors, the rules' included, writes no feed (issue: feeds are published)."""

from __future__ import annotations

from pathlib import Path

from planner.cli import app
from tests.conftest import SMALL_PROGRAMME

DOUBLE_BOOKED = SMALL_PROGRAMME + (
    '      - {id: clash, title: Bilateral, date: 2024-04-17, time: "15:00-16:00"}\n'
)


def test_a_double_booking_writes_no_feed(runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "events.yaml"
    source.write_text(DOUBLE_BOOKED, encoding="utf-8")
    target = tmp_path / "kim.ics"
    result = runner.invoke(app, ["ics", "-f", str(source), "--person", "kim", "-o", str(target)])
    assert result.exit_code == 1
    assert "person-double-booked" in result.output
    assert not target.exists()


def test_an_allowed_clash_is_published(runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "events.yaml"
    source.write_text(
        DOUBLE_BOOKED.replace(
            "{id: clash,", "{allow: [person-double-booked, room-double-booked], id: clash,"
        ),
        encoding="utf-8",
    )
    target = tmp_path / "kim.ics"
    result = runner.invoke(app, ["ics", "-f", str(source), "--person", "kim", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_bytes().count(b"BEGIN:VEVENT") == 2
