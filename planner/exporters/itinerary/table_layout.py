"""Drawing text tables fast: tabulate's ``simple`` and ``plain`` layouts, and wrapping.

A row is drawn once and reused by every itinerary that shares its session, so these are
written for speed: tabulate's per-cell work would dominate a thousand itineraries.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from planner.exporters.itinerary.text import Cell, display_width, pad

__all__ = ["MIN_PADDING", "cell_lines", "draw_before", "layout_table", "table_top", "wrap"]

MIN_PADDING = 2
"""tabulate makes every column at least its header plus two spaces wide."""


def layout_table(headers: Sequence[str], rows: Sequence[Sequence[Cell]], *, rule: bool) -> str:
    """tabulate's ``simple`` (``rule``) or ``plain`` layout of left-aligned text cells.

    Widths are display columns (an East Asian character takes two), as tabulate counts them
    when ``wcwidth`` is installed; cells hold no control characters (see
    :func:`~planner.exporters.itinerary.text.clean`).
    """
    widths = [display_width(header) + MIN_PADDING for header in headers]
    for row in rows:
        for index, cell in enumerate(row):
            for line in cell:
                widths[index] = max(widths[index], display_width(line))
    lines = [table_top(headers, widths, rule=rule)]
    lines.extend(_draw(row, widths) for row in rows)
    return "\n".join(lines)


def table_top(headers: Sequence[str], widths: Sequence[int], *, rule: bool) -> str:
    top = "  ".join([pad(h, w) for h, w in zip(headers, widths, strict=True)]).rstrip()
    return top + "\n" + "  ".join(["-" * width for width in widths]) if rule else top


def _draw(cells: Sequence[Cell], widths: Sequence[int]) -> str:
    """A row's lines: each cell padded to its column, a short cell padded with blank lines."""
    return "\n".join(cell_lines(cells, widths))


def cell_lines(cells: Sequence[Cell], widths: Sequence[int]) -> Cell:
    height = max(len(cell) for cell in cells)
    if height == 1:
        return ("  ".join([pad(c[0], w) for c, w in zip(cells, widths, strict=True)]).rstrip(),)
    lines = []
    for number in range(height):
        texts = [cell[number] if number < len(cell) else "" for cell in cells]
        lines.append("  ".join([pad(t, w) for t, w in zip(texts, widths, strict=True)]).rstrip())
    return tuple(lines)


def draw_before(text: Cell, times: Sequence[Cell], widths: Sequence[int], blank: str) -> str:
    """Time cells drawn in front of a row's drawn text columns, as one table row.

    ``blank`` is the width of the time columns and their gaps in spaces: the lines
    below the times (most of a wrapped row) are that and the text.
    """
    lines = []
    tall = max(len(cell) for cell in times)
    for number, right in enumerate(text):
        if number < tall:
            cells = [cell[number] if number < len(cell) else "" for cell in times]
            left = "  ".join([pad(cell, width) for cell, width in zip(cells, widths, strict=True)])
            lines.append(f"{left}  {right}" if right else left.rstrip())
        else:
            lines.append(blank + right if right else "")
    for number in range(len(text), tall):
        cells = [cell[number] if number < len(cell) else "" for cell in times]
        lines.append(
            "  ".join(
                [pad(cell, width) for cell, width in zip(cells, widths, strict=True)]
            ).rstrip()
        )
    return "\n".join(lines)


def wrap(text: str, width: int) -> Cell:
    """``text`` in lines of at most ``width`` display columns, broken at spaces.

    A word longer than a line is cut. Much faster than :mod:`textwrap`, which matters at
    a thousand itineraries; the text is already one line with single spaces
    (:func:`~planner.exporters.itinerary.text.clean`).
    """
    width = max(width, 1)  # a word is cut a character at a time, never into nothing
    measure = len if text.isascii() else display_width
    lines: list[str] = []
    line, used = "", 0
    for word in text.split(" "):
        size = measure(word)
        while size > width:
            if line:
                lines.append(line)
                line, used = "", 0
            head = _cut(word, width, measure)
            lines.append(head)
            word = word[len(head) :]
            size = measure(word)
        if not line:
            line, used = word, size
        elif used + 1 + size <= width:
            line, used = f"{line} {word}", used + 1 + size
        else:
            lines.append(line)
            line, used = word, size
    if line or not lines:
        lines.append(line)
    return tuple(lines)


def _cut(word: str, width: int, measure: Callable[[str], int]) -> str:
    """The longest start of ``word`` that fits ``width`` columns (at least one character)."""
    if measure is len:
        return word[:width]
    end = 1
    while end < len(word) and display_width(word[: end + 1]) <= width:
        end += 1
    return word[:end]
