"""Wording of the scheduler's explanations: people by their group's name where one fits."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from planner.rules.text import names, zone_label
from planner.schedule.settings import Rules

__all__ = ["clock", "span_words", "who"]


def who(rules: Rules, people: Sequence[str]) -> str:
    """``the K-smart city tour cohort`` when a group has exactly these people, else names."""
    wanted = set(people)
    for group in rules.programme.groups.values():
        if len(group.people) > 1 and set(group.people) == wanted:
            return f"the {group.name}" if group.name[:1].islower() else group.name
    return names(rules.context.person_names(sorted(people)))


def clock(moment: datetime, day: datetime | None = None) -> str:
    """``10:00`` on ``day``'s date, else ``2016-10-11 10:00``."""
    if day is not None and moment.date() == day.date():
        return f"{moment:%H:%M}"
    return f"{moment:%Y-%m-%d %H:%M}"


def span_words(start: datetime, end: datetime) -> str:
    """``from 2016-10-11 10:00 to 12:00 KST``."""
    return f"from {clock(start)} to {clock(end, start)} {zone_label(start)}"
