"""Markdown: headings per day and pipe tables, to paste into an e-mail, a wiki or an issue.

Text from the YAML is backslash-escaped where Markdown would read it as markup (``*``,
``_``, ``|``, ``<`` ...), so a title never turns into emphasis, a link or raw HTML.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import ClassVar

from planner.exporters.itinerary.days import grid_pages, rooms_per_page
from planner.exporters.itinerary.model import Agenda, Day, GridDay, Row, Schedule, TimeView
from planner.exporters.itinerary.options import RenderOptions
from planner.exporters.itinerary.text import (
    Cell,
    TimeCells,
    clean,
    day_headings,
    display_width,
    marker,
    notes_text,
    pad,
    people_text,
    start_text,
    status_text,
    summary_text,
    title_text,
    where_text,
)
from planner.exporters.itinerary.timefmt import day_heading
from planner.languages import Language, language
from planner.languages.bidi import isolated

__all__ = ["MarkdownRenderer", "escape_markdown", "pipe_table"]

Piece = tuple[str, int]
"""A cell's text and its width in display columns."""

# Without `[` a link cannot start, so `(`, `)` and `!` may stay; `#` and `+` only count
# at the start of a line, where a cell or a heading's text never is.
_MARKUP = re.compile(r"([\\`*_\[\]<>|~])")


def escape_markdown(text: str) -> str:
    """Plain text that Markdown shows as written (one line; control characters dropped)."""
    return _MARKUP.sub(r"\\\1", clean(text))


class MarkdownRenderer:
    name: ClassVar[str] = "markdown"
    extension: ClassVar[str] = "md"
    content_type: ClassVar[str] = "text/markdown; charset=utf-8"

    def __init__(self, options: RenderOptions | None = None) -> None:
        options = options or RenderOptions()
        self.lang = language(options.language or "en")
        self.width = options.width
        """The page a room grid is paged to: as many rooms per table as a text table of
        this width holds (a pipe table's row stays one line; its viewer wraps the cells)."""
        self._times = TimeCells(self.lang)
        self._time_pieces: dict[Cell, Piece] = {}
        self._cells: dict[str, tuple[Piece, Piece, Piece]] = {}
        self._day_titles: dict[tuple[date, tuple[str, ...]], str] = {}

    def render(self, schedule: Schedule) -> str:
        lang = self.lang
        parts = [_header(schedule, lang)]
        if isinstance(schedule, Agenda) and schedule.grid is not None:
            for day in schedule.grid:
                fits = rooms_per_page(self.width, len(day.rooms), _pipe_overhead)
                parts.extend(_grid_day(page, schedule.view, lang) for page in grid_pages(day, fits))
        else:
            parts.extend(self._days(schedule))
        if not schedule.days:
            parts.append(lang.gettext("Nothing is scheduled."))
        summary = escape_markdown(summary_text(schedule.summary, lang))
        parts.append(f"{_label(lang.gettext('Summary'), lang)}{summary}")
        return "\n\n".join(parts) + "\n"

    def _days(self, schedule: Schedule) -> list[str]:
        view = schedule.view
        rows = schedule.rows
        main, second = self._times.columns(rows, view)
        lang = self.lang
        headers, texts = day_headings(view, second is not None, rows, lang)
        out = []
        index = 0
        for day in schedule.days:
            table = []
            several = len(day.events) > 1  # then each row names its event
            for row in day.rows:
                cells = [self._time(main[index])]
                if second is not None:
                    cells.append(self._time(second[index]))
                what, *rest = self._texts(row)[:texts]
                if several and row.event_title:
                    event = lang.gettext("Event: {title}").format(
                        title=escape_markdown(row.event_title)
                    )
                    what = _piece(f"{what[0]} · {event}")
                cells.extend((what, *rest))
                table.append(cells)
                index += 1
            mirrored = lang.direction == "rtl"
            out.append(f"## {self._day_title(day)}\n\n{_pipe_table(headers, table, mirrored)}")
        return out

    def _time(self, cell: Cell) -> Piece:
        found = self._time_pieces.get(cell)
        if found is None:
            found = self._time_pieces[cell] = _piece(escape_markdown(" ".join(cell)))
        return found

    def _texts(self, row: Row) -> tuple[Piece, Piece, Piece]:
        found = self._cells.get(row.uid)
        if found is None:
            found = self._cells[row.uid] = _row_pieces(row, self.lang)
        if row.attendees is not None:  # who of the group attends: not kept
            return (_piece(_what(row, self.lang)), *found[1:])
        return found

    def _day_title(self, day: Day) -> str:
        """The day's heading and its events, kept: many itineraries share a day."""
        key = (day.day, day.events)
        found = self._day_titles.get(key)
        if found is None:
            found = self._day_titles[key] = _day_title(day, self.lang)
        return found


def pipe_table(
    headers: Sequence[str], rows: Sequence[Sequence[str]], right_to_left: bool = False
) -> str:
    """A pipe table with padded columns, readable as text before it is rendered."""
    return _pipe_table(headers, [[_piece(cell) for cell in row] for row in rows], right_to_left)


def _pipe_table(
    headers: Sequence[str], rows: Sequence[Sequence[Piece]], right_to_left: bool = False
) -> str:
    """``right_to_left`` (Arabic): the columns in reverse order, so that the first one reads
    on the right, aligned right, each cell isolated in its own direction."""
    if right_to_left:
        headers = [isolated(header) for header in reversed(headers)]
        rows = [[_piece(isolated(text)) for text, _ in reversed(row)] for row in rows]
    columns = zip(*rows, strict=True) if rows else ([] for _ in headers)
    widths = [
        max(3, display_width(header), *(size for _, size in column))
        for header, column in zip(headers, columns, strict=True)
    ]
    # The last column is not padded: nothing follows it to align (long notes would pad
    # every other row with their length in spaces).
    widths[-1] = max(3, display_width(headers[-1]))
    top = "| " + " | ".join(pad(h, w) for h, w in zip(headers, widths, strict=True)) + " |"
    rules = ["-" * (w - 1) + ":" if right_to_left else "-" * w for w in widths]
    lines = [top, "| " + " | ".join(rules) + " |"]
    for row in rows:
        padded = [
            text + " " * max(w - size, 0) for (text, size), w in zip(row, widths, strict=True)
        ]
        lines.append("| " + " | ".join(padded) + " |")
    return "\n".join(lines)


def _pipe_overhead(columns: int) -> int:
    """Columns a pipe table's borders take: ``| `` before each cell, `` |`` at the end."""
    return 3 * columns + 1


def _piece(text: str) -> Piece:
    return text, display_width(text)


def _row_pieces(row: Row, lang: Language) -> tuple[Piece, Piece, Piece]:
    """What, where and notes; for a group's row, *what* without its attendees."""
    return (
        _piece(_what(row.with_attendees(None) if row.attendees is not None else row, lang)),
        _piece(escape_markdown(where_text(row, lang))),
        _piece(escape_markdown(notes_text(row))),
    )


def _what(row: Row, lang: Language) -> str:
    """Title (struck out when cancelled), its status, and who chairs, speaks, attends."""
    title = escape_markdown(title_text(row, lang))
    status = marker(row)
    if status == "cancelled":
        title = f"~~{title}~~ **{status_text(status, lang)}**"
    elif status is not None:
        title = f"{title} *{status_text(status, lang)}*"
    people = people_text(row, lang)
    return f"{title} · {escape_markdown(people)}" if people else title


def _header(schedule: Schedule, lang: Language) -> str:
    header = schedule.header
    colon = lang.gettext("{label}: ")
    lines = [f"# {colon.format(label=header.title)}{escape_markdown(header.subject)}", ""]
    lines.extend(
        f"- {_label(label, lang)}{escape_markdown(value)}" for label, value in header.details
    )
    return "\n".join(lines).rstrip()


def _label(label: str, lang: Language) -> str:
    """``**Summary:** ``: a label in bold, its colon as the language writes it."""
    text = lang.gettext("{label}: ").format(label=label)
    stripped = text.rstrip()
    return f"**{stripped}**{text[len(stripped) :]}"


def _day_title(day: Day, lang: Language) -> str:
    title = day_heading(day.day, lang)
    if day.events:
        title += " · " + "; ".join(escape_markdown(event) for event in day.events)
    return title


def _grid_day(day: GridDay, view: TimeView, lang: Language) -> str:
    headers = [lang.gettext("Start"), *(escape_markdown(room) for room in day.rooms)]
    until = lang.gettext("{title} (to {time})")
    rows = []
    for slot in day.slots:
        cells = [start_text(slot.start, lang)]
        for entries in slot.cells:
            texts = (
                until.format(
                    title=_what(row, lang), time=lang.formats.clock(view.main_times(row)[1])
                )
                for row in entries
            )
            cells.append("<br>".join(texts))
        rows.append(cells)
    title = f"{day_heading(day.day, lang)} · {escape_markdown(day.venue)}"
    return f"## {title}\n\n{pipe_table(headers, rows, lang.direction == 'rtl')}"
