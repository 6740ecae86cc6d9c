"""The words of a row and of a summary, shared by the table, Markdown and HTML renderers.

Each returns plain text; a renderer escapes it for its format. Control characters from
the YAML are dropped (a title must not move a terminal's cursor or change its colours).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from planner.exporters.itinerary.model import Row, Summary, TimeView
from planner.exporters.itinerary.timefmt import all_day_text, duration_text, span_lines

__all__ = [
    "Cell",
    "TimeCells",
    "clean",
    "display_width",
    "marker",
    "notes_text",
    "pad",
    "people_text",
    "second_lines",
    "summary_text",
    "time_lines",
    "title_text",
    "what_text",
]

Cell = tuple[str, ...]
"""A cell as its lines."""

NO_BREAK_SPACE = "\u00a0"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SPACE = re.compile(r"\s+")


def clean(text: str) -> str:
    """One line of printable text: control characters dropped, whitespace runs collapsed."""
    return _SPACE.sub(" ", _CONTROL.sub("", text)).strip()


def title_text(row: Row) -> str:
    """The title, and a move's duration: ``Bus to Pangyo (45m)``."""
    title = clean(row.title)
    if not row.moves:
        return title
    # A no-break space keeps "5h 30m" on one line when the title is wrapped.
    return f"{title} ({duration_text(row.duration).replace(' ', NO_BREAK_SPACE)})"


def marker(row: Row) -> str | None:
    """``cancelled`` or ``tentative``: what a reader must notice before going."""
    return row.status if row.status in ("cancelled", "tentative") else None


def display_width(text: str) -> int:
    """Columns a terminal gives ``text``: two per East Asian wide character (Hangul, Han,
    most emoji), none for combining marks, one for the rest."""
    return len(text) if text.isascii() else _wide_width(text)


@lru_cache(maxsize=65536)
def _wide_width(text: str) -> int:
    # Kept per string: the same headings and times (with their en dash) recur in every
    # itinerary, and this runs per character.
    return sum(_char_width(char) for char in text)


@lru_cache(maxsize=8192)
def _char_width(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def pad(text: str, width: int) -> str:
    """``text`` followed by spaces up to ``width`` display columns."""
    if text.isascii():
        return text.ljust(width)
    return text + " " * (width - display_width(text))


def what_text(row: Row) -> str:
    """The title as plain text: ``CANCELLED: Lunch``, ``Opening (tentative)``."""
    if row.cancelled:
        return f"CANCELLED: {title_text(row)}"
    return f"{title_text(row)} (tentative)" if row.status == "tentative" else title_text(row)


def people_text(row: Row) -> str:
    """``Chair: ...; Speakers: ...`` and, in a group's itinerary, who of the group attends."""
    parts = []
    if row.attendees is not None:
        parts.append("Attending: " + (", ".join(row.attendees) or "nobody of the group"))
    if row.chair:
        parts.append(f"Chair: {row.chair}")
    if row.speakers:
        parts.append("Speakers: " + ", ".join(row.speakers))
    return clean("; ".join(parts))


def notes_text(row: Row) -> str:
    return clean(row.notes) if row.notes else ""


def time_lines(row: Row, view: TimeView) -> tuple[str, ...]:
    """The main time column: one line in one zone and day, else two (see span_lines)."""
    if row.all_day:
        return (all_day_text(row.day, row.last_day),)
    start, end = view.main_times(row)
    return span_lines(start, end, row.day)


def second_lines(row: Row, view: TimeView) -> tuple[str, ...]:
    """The second time column, empty where it reads the same as the main one."""
    times = view.second_times(row)
    return () if times is None else span_lines(times[0], times[1], row.day)


def summary_text(summary: Summary) -> str:
    """``21 sessions, 29h 45m; 2 travel legs and 8 transfers, 18h 35m; cities: Seoul``."""
    parts = [_count(summary.sessions, "session")]
    if summary.session_time:
        parts[0] += f", {duration_text(summary.session_time)}"
    if summary.all_day:
        parts[0] += f" (and {_count(summary.all_day, 'all-day entry', 'all-day entries')})"
    moves = [
        _count(summary.travel_legs, "travel leg") if summary.travel_legs else "",
        _count(summary.transfers, "transfer") if summary.transfers else "",
    ]
    if any(moves):
        joined = " and ".join(move for move in moves if move)
        parts.append(f"{joined}, {duration_text(summary.travel_time)}")
    if summary.cancelled:
        parts.append(f"{summary.cancelled} cancelled")
    if summary.cities:
        parts.append("cities: " + ", ".join(clean(city) for city in summary.cities))
    return "; ".join(parts)


def _count(number: int, singular: str, plural: str | None = None) -> str:
    return f"{number} {singular if number == 1 else plural or singular + 's'}"


_BLANK: Cell = ("",)


class TimeCells:
    """Time cells of rows under a view, kept: one session is in many people's itineraries.

    The key is the row's instants, day and zones (an online session moves with the
    person) and the view's zones.
    """

    def __init__(self) -> None:
        self._found: dict[tuple[object, ...], Cell] = {}

    def columns(self, rows: Sequence[Row], view: TimeView) -> tuple[list[Cell], list[Cell] | None]:
        """The main time cells, and the second ones (None when no row needs them).

        A row whose second time reads as the main one has a blank second cell.
        """
        main = self._column(rows, view, str(view.main), False)  # not the second zone's
        if not view.has_second:
            return main, None
        second = self._column(rows, view, f"{view.main}|{view.second}|{view.second_local}", True)
        if not any(second):
            return main, None
        return main, [cell or _BLANK for cell in second]

    def _column(
        self, rows: Sequence[Row], view: TimeView, view_key: str, second: bool
    ) -> list[Cell]:
        found = self._found.get  # this runs once per row: looked up once
        cells = []
        for row in rows:
            # By instants and zones, not by session: sessions at the same hours share cells.
            key = (
                row.starts_at,
                row.ends_at,
                row.day,
                row.start.tzinfo,
                row.end.tzinfo,
                row.all_day,
            )
            cell = found((*key, view_key, second))
            if cell is None:
                cell = second_lines(row, view) if second else time_lines(row, view)
                self._found[(*key, view_key, second)] = cell
            cells.append(cell)
        return cells
