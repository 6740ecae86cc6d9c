"""A rule stops at the diagnostics budget: what is past it is neither looked for nor built."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from planner.loading import load
from planner.rules import check_programme
from planner.rules.base import Finding
from planner.rules.person_double_booked import PersonDoubleBooked

# 120 sessions of one person and one room, all at the same time: thousands of clashes.
CLASHES = "".join(
    f'      - {{id: s{n}, title: S{n}, date: 2024-04-17, time: "10:00-11:00"}}\n'
    for n in range(120)
)
PROGRAMME = f"""\
version: 1
programme: {{name: Clashes, timezone: Asia/Seoul, uid_domain: clashes.example.org}}
venues:
  hall: {{name: Hall, timezone: Asia/Seoul}}
people:
  kim: {{name: Kim}}
events:
  tour:
    title: Tour
    venue: hall
    participants: [kim]
    sessions:
{CLASHES}"""


def test_a_rule_stops_looking_at_the_budget(
    write_yaml,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    programme = load(write_yaml(PROGRAMME))
    made = {"count": 0}
    real = PersonDoubleBooked.check

    def counting(self: Any, context: Any, settings: Any) -> Iterator[Finding]:
        for finding in real(self, context, settings):
            made["count"] += 1
            yield finding

    monkeypatch.setattr(PersonDoubleBooked, "check", counting)
    monkeypatch.setenv("PLANNER_MAX_DIAGNOSTICS", "7")
    found = check_programme(programme, select=["person-double-booked", "room-double-booked"])
    codes = [d.code for d in found]
    assert codes.count("person-double-booked") == 7
    assert codes.count("room-double-booked") == 7
    limits = [d for d in found if d.code == "diagnostic-limit"]
    assert [d.message.split("`")[1] for d in limits] == [
        "person-double-booked",
        "room-double-booked",
    ]
    assert "stops looking after 7 per code" in limits[0].message
    assert "PLANNER_MAX_DIAGNOSTICS" in limits[0].message
    assert made["count"] == 8  # the budget, and one more to know there are more


def test_under_the_budget_nothing_is_cut(write_yaml) -> None:  # type: ignore[no-untyped-def]
    three = load(write_yaml(PROGRAMME.split("      - {id: s3,")[0]))
    found = check_programme(three, select=["person-double-booked", "room-double-booked"])
    # Three sessions at once: three pairs for the person, three for the room; no limit line.
    assert (
        sorted(d.code for d in found) == ["person-double-booked"] * 3 + ["room-double-booked"] * 3
    )
