"""``planner agenda --by room --format xlsx``: a venue's rooms as columns, a sheet per day.

The same grid the text, Markdown and HTML agendas print (:func:`room_grid`): a row per
start time, a column per room, each cell the sessions starting there with their end. The
start is a real time cell; the cells are text, written as text.
"""

from __future__ import annotations

from planner.exporters.itinerary.model import GridDay, TimeView
from planner.exporters.itinerary.text import clean
from planner.exporters.xlsx.workbook import Sheet, Value, sheet_name

__all__ = ["grid_sheets"]


def grid_sheets(grid: tuple[GridDay, ...], view: TimeView) -> list[Sheet]:
    """One sheet per day of the grid, named by its date: Start, then one column per room."""
    taken: set[str] = set()
    sheets = []
    for day in grid:
        rows: list[list[Value]] = []
        for slot in day.slots:
            cells: list[Value] = [slot.start.replace(tzinfo=None)]
            for entries in slot.cells:
                cells.append(
                    "\n".join(
                        f"{clean(row.title)} (to {view.main_times(row)[1]:%H:%M})"
                        for row in entries
                    )
                )
            rows.append(cells)
        name = sheet_name(f"{day.day:%Y-%m-%d} {day.venue}", taken)
        sheets.append(Sheet(name, ("Start", *day.rooms), rows))
    return sheets
