"""The placements as a table, and the change to the files as a unified diff."""

from __future__ import annotations

import difflib

from tabulate import tabulate

from planner.rules.text import zone_label
from planner.schedule.solve import Placement
from planner.schedule.writeback import Edited

__all__ = ["diff_text", "placements_table"]


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
    """``diff -u`` of every changed file."""
    parts: list[str] = []
    for item in edited:
        parts.extend(
            difflib.unified_diff(
                item.before.splitlines(keepends=True),
                item.after.splitlines(keepends=True),
                fromfile=f"a/{item.display.lstrip('/')}",
                tofile=f"b/{item.display.lstrip('/')}",
            )
        )
    return "".join(parts)
