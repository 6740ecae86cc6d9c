"""The session fields conferences need: tracks, uid, language, links, hosts."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.validation import validate_file
from tests.frab.conftest import FIXTURES

CONFERENCE = (FIXTURES / "conference.yaml").read_text(encoding="utf-8")


def _check(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "events.yaml"
    path.write_text(text, encoding="utf-8")
    report = validate_file(path)
    return [f"{d.location.line if d.location else 0} {d.code}: {d.message}"
            for d in report.diagnostics if d.severity.name == "ERROR"]  # fmt: skip


def test_the_fixture_loads_every_field(tmp_path: Path) -> None:
    assert _check(tmp_path, CONFERENCE) == []


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("track: hardware, language: de", "track: hardwear, language: de",
         "unknown-reference: there is no track with the id `hardwear`; did you mean `hardware`?"),
        ('color: "#d9480f"', 'color: "orange"', "schema:"),
        ("language: de", "language: Deutsch!", "schema:"),
        ("hosts: [linus]", "hosts: [linnus]",
         "unknown-reference: there is no person or group with the id `linnus`"),
        ("links: [", "links: [ftp://x, ", "schema:"),
    ],
)  # fmt: skip
def test_mistakes_in_the_new_fields_are_located(
    tmp_path: Path, old: str, new: str, expected: str
) -> None:
    assert old in CONFERENCE
    errors = _check(tmp_path, CONFERENCE.replace(old, new, 1))
    assert any(expected in error for error in errors), errors


def test_hosts_are_not_double_booked_unless_counted(tmp_path: Path) -> None:
    # Linus speaks in "Rockets löten" (hack tent) and hosts its repeat on the main stage.
    assert _check(tmp_path, CONFERENCE) == []
    counted = CONFERENCE.replace(
        "  timezone: Europe/Berlin\nvenues:",
        "  timezone: Europe/Berlin\n  rules: {person-double-booked: {count_hosts: true}}\nvenues:",
    )
    errors = _check(tmp_path, counted)
    assert errors == [
        '46 person-double-booked: Linus Example is in both "Rockets löten" '
        "(2026-08-07 10:30-12:15 CEST, Hack tent at Camp site) and "
        '"Rockets löten" (2026-08-07 10:45-12:00 CEST, Main stage at Camp site), '
        "which overlap by 1 h 15 min"
    ]


def test_a_host_who_also_speaks_is_counted(tmp_path: Path) -> None:
    both = CONFERENCE.replace("hosts: [linus]", "hosts: [linus], speakers: [linus]")
    errors = _check(tmp_path, both)
    assert len(errors) == 1 and "Linus Example is in both" in errors[0]
