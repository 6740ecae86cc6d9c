"""Wording of the scheduler's explanations: people by their group's name where one fits."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from planner.rules.text import names, zone_label
from planner.schedule.settings import Rules

__all__ = ["clock", "span_words", "who", "who_is"]


def who(rules: Rules, people: Sequence[str]) -> str:
    """``the training cohort`` when a group has exactly these people, else their names."""
    group = _group_cached(rules, people)
    if group is not None:
        return group
    return names(rules.context.person_names(sorted(people)))


def who_is(rules: Rules, people: Sequence[str]) -> str:
    """``the training cohort is`` / ``Ana and Bo are``."""
    group = _group_cached(rules, people)
    singular = len(people) == 1 or (group is not None and " and " not in group)
    return f"{who(rules, people)} {'is' if singular else 'are'}"


def _group_cached(rules: Rules, people: Sequence[str]) -> str | None:
    key = frozenset(people)
    if key not in rules.group_names:
        rules.group_names[key] = _group(rules, people)
    return rules.group_names[key]


def _group(rules: Rules, people: Sequence[str]) -> str | None:
    """A group with exactly these people, or up to three groups that together are them."""
    wanted = set(people)
    inside = sorted(
        (group for group in rules.programme.groups.values() if len(group.people) > 1),
        key=lambda group: (-len(group.people), group.id),
    )
    chosen: list[str] = []
    covered: set[str] = set()
    for group in inside:
        members = set(group.people)
        if members <= wanted and not members <= covered:
            chosen.append(f"the {group.name}" if group.name[:1].islower() else group.name)
            covered |= members
        if covered == wanted:
            return names(chosen) if len(chosen) <= 3 else None
    return None


def clock(moment: datetime, day: datetime | None = None) -> str:
    """``10:00`` on ``day``'s date, else ``2016-10-11 10:00``."""
    if day is not None and moment.date() == day.date():
        return f"{moment:%H:%M}"
    return f"{moment:%Y-%m-%d %H:%M}"


def span_words(start: datetime, end: datetime) -> str:
    """``from 2016-10-11 10:00 to 12:00 KST``."""
    return f"from {clock(start)} to {clock(end, start)} {zone_label(start)}"
