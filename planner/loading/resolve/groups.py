"""Groups of people and groups, expanded to the people in them (a pure function)."""

from __future__ import annotations

from collections.abc import Container, Mapping, Sequence
from dataclasses import dataclass, field

__all__ = ["Cycle", "GroupExpansion", "expand_groups"]


@dataclass(frozen=True, slots=True)
class Cycle:
    """``group``'s member at ``index`` leads back to a group being expanded."""

    group: str
    index: int
    path: tuple[str, ...]
    """The groups around the loop, ending where it closes (``a``, ``b``, ``a``)."""


@dataclass(frozen=True, slots=True)
class GroupExpansion:
    people: dict[str, tuple[str, ...]]
    """Every group's people, nested groups expanded, first mention first."""
    cycles: list[Cycle] = field(default_factory=list)


def expand_groups(members: Mapping[str, Sequence[str]], people: Container[str]) -> GroupExpansion:
    """Each group's people; a member that closes a loop is skipped and named as a cycle.

    Members that are neither a person nor a group are ignored (reported elsewhere).
    """
    walk = _Walk(members, people)
    for group_id in members:
        walk.visit(group_id, [])
    return GroupExpansion(walk.done, walk.cycles)


class _Walk:
    def __init__(self, members: Mapping[str, Sequence[str]], people: Container[str]) -> None:
        self.members = members
        self.people = people
        self.visiting: set[str] = set()
        self.done: dict[str, tuple[str, ...]] = {}
        self.cycles: list[Cycle] = []

    def visit(self, group_id: str, trail: list[str]) -> tuple[str, ...]:
        if group_id in self.done:
            return self.done[group_id]
        if group_id in self.visiting:
            return ()
        self.visiting.add(group_id)
        found: dict[str, None] = {}
        members = self.members[group_id]
        for member in members:
            if member in self.people:
                found[member] = None
            elif member in self.members:
                if member in self.visiting:
                    loop = trail[trail.index(member) :] if member in trail else []
                    self.cycles.append(
                        Cycle(group_id, list(members).index(member), (*loop, group_id, member))
                    )
                    continue
                found.update(dict.fromkeys(self.visit(member, [*trail, group_id])))
        self.visiting.discard(group_id)
        self.done[group_id] = tuple(found)
        return self.done[group_id]
