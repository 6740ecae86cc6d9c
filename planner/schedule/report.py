"""The placements as a table, and the change to the files as a unified diff."""

from __future__ import annotations

import difflib
from typing import Literal

from tabulate import tabulate

from planner.rules.text import zone_label
from planner.schedule.solve import Placement
from planner.schedule.writeback import Edited

__all__ = ["diff_text", "placements_table"]

Tag = Literal["replace", "delete", "insert", "equal"]
Opcode = tuple[Tag, int, int, int, int]


def placements_table(placements: tuple[Placement, ...]) -> str:
    """One row per session placed: when, where, and whether it moved (for reopened ones)."""
    rows = []
    for placement in sorted(placements, key=lambda p: (p.start, p.task.session.key)):
        session = placement.task.session
        start = placement.start.astimezone(session.timezone)
        end = placement.end.astimezone(session.timezone)
        status = "placed" if session.placed is None else ("moved" if placement.moved else "kept")
        rows.append(
            [
                session.id,
                f"{start:%Y-%m-%d %H:%M}-{end:%H:%M} {zone_label(start)}",
                _where(placement),
                placement.choice.room_id or "",
                status,
            ]
        )
    return tabulate(rows, headers=["session", "when", "venue", "room", "status"], tablefmt="simple")


def _where(placement: Placement) -> str:
    session, choice = placement.task.session, placement.choice
    if session.origin_venue_id or session.destination_venue_id:
        return f"{choice.start_place or '?'} -> {choice.end_place or '?'}"
    return choice.venue_id or "online"


def diff_text(edited: list[Edited]) -> str:
    """``diff -u`` of every changed file.

    The edits only insert lines and change lines in place, so the lines are matched in one
    pass (difflib's general matcher is quadratic on a large file of similar lines).
    """
    parts: list[str] = []
    for item in edited:
        before = item.before.splitlines(keepends=True)
        after = item.after.splitlines(keepends=True)
        name = item.display.lstrip("/")
        parts += [f"--- a/{name}\n", f"+++ b/{name}\n"]
        for group in _EditMatcher(before, after).get_grouped_opcodes(3):
            parts.append(_hunk_header(group))
            for tag, first, last, other_first, other_last in group:
                if tag == "equal":
                    parts += [" " + line for line in before[first:last]]
                    continue
                parts += ["-" + line for line in before[first:last]]
                parts += ["+" + line for line in after[other_first:other_last]]
        if parts and not parts[-1].endswith("\n"):
            parts[-1] += "\n\\ No newline at end of file\n"
    return "".join(parts)


def _hunk_header(group: list[tuple[str, int, int, int, int]]) -> str:
    first, last = group[0], group[-1]
    return f"@@ -{_range(first[1], last[2])} +{_range(first[3], last[4])} @@\n"


def _range(start: int, stop: int) -> str:
    length = stop - start
    if length == 1:
        return str(start + 1)
    return f"{start + 1 if length else start},{length}"


class _EditMatcher(difflib.SequenceMatcher[str]):
    """Opcodes for a text whose lines were only inserted or changed in place."""

    def __init__(self, before: list[str], after: list[str]) -> None:
        super().__init__(None, before, after, autojunk=False)
        self.before, self.after = before, after

    def get_opcodes(self) -> list[Opcode]:
        a, b = self.before, self.after
        codes: list[Opcode] = []
        i = j = 0
        while i < len(a) or j < len(b):
            if i < len(a) and j < len(b) and a[i] == b[j]:
                self._add(codes, "equal", i, i + 1, j, j + 1)
                i, j = i + 1, j + 1
                continue
            inserted = next(
                (n for n in range(1, 6) if i < len(a) and j + n < len(b) and b[j + n] == a[i]),
                None,
            )
            if inserted is not None or i >= len(a):
                count = inserted if inserted is not None else len(b) - j
                self._add(codes, "insert", i, i, j, j + count)
                j += count
            elif j >= len(b):
                self._add(codes, "delete", i, len(a), j, j)
                i = len(a)
            else:
                self._add(codes, "replace", i, i + 1, j, j + 1)
                i, j = i + 1, j + 1
        return codes

    @staticmethod
    def _add(codes: list[Opcode], tag: Tag, *span: int) -> None:
        if codes and codes[-1][0] == tag and tag != "insert":
            last = codes[-1]
            codes[-1] = (tag, last[1], span[1], last[3], span[3])
        else:
            codes.append((tag, span[0], span[1], span[2], span[3]))
