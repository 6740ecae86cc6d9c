"""Tables for a right-to-left reader (Arabic): the columns in reverse order, so the first
one (the times) is on the right and the notes on the left, each cell flush right.

Each line of a cell is isolated in its own direction (FSI ... PDI; the times, left to
right, are already, by :func:`~planner.languages.bidi.left_to_right`): in a terminal or an
editor that applies the bidirectional algorithm to the whole line, two Arabic cells side
by side would otherwise be read, and drawn, as one run in the wrong order. ``simple`` and
``plain`` are drawn here; other formats by tabulate, aligned right.
"""

from __future__ import annotations

from collections.abc import Sequence

from planner.exporters.itinerary.table_layout import MIN_PADDING
from planner.exporters.itinerary.text import Cell, display_width
from planner.languages.bidi import isolated

__all__ = ["mirrored_table"]

_NATIVE = {"simple": True, "plain": False}
"""Formats drawn here: whether a rule of dashes follows the header."""


def mirrored_table(
    headers: Sequence[str], rows: Sequence[Sequence[Cell]], tablefmt: str, joiner: str = " "
) -> str:
    """``rows`` under ``headers`` (both in reading order), drawn right to left."""
    heads = [isolated(header) for header in reversed(headers)]
    cells = [[tuple(isolated(line) for line in cell) for cell in reversed(row)] for row in rows]
    rule = _NATIVE.get(tablefmt)
    if rule is None:
        from tabulate import tabulate

        data = [[joiner.join(cell) for cell in row] for row in cells]
        aligned = ("right",) * len(heads)
        return tabulate(
            data, headers=heads, tablefmt=tablefmt, colalign=aligned, disable_numparse=True
        )
    widths = [display_width(header) + MIN_PADDING for header in heads]
    for row in cells:
        for index, cell in enumerate(row):
            widths[index] = max([widths[index], *(display_width(line) for line in cell)])
    lines = ["  ".join(_right(header, width) for header, width in zip(heads, widths, strict=True))]
    if rule:
        lines.append("  ".join("-" * width for width in widths))
    for row in cells:
        for number in range(max(len(cell) for cell in row)):
            texts = [cell[number] if number < len(cell) else "" for cell in row]
            lines.append("  ".join(_right(t, w) for t, w in zip(texts, widths, strict=True)))
    return "\n".join(line.rstrip() for line in lines)


def _right(text: str, width: int) -> str:
    """``text`` after spaces up to ``width`` display columns: flush right."""
    return " " * (width - display_width(text)) + text
