"""Plain-text tables for a terminal or a text file, in any of tabulate's table formats.

Long text is wrapped so that the table fits ``width`` columns: the time columns keep
their width and the text columns share the rest. The default ``simple`` layout, and
``plain``, are drawn here with tabulate's rules (checked by the tests), with each column
as wide on every day of a schedule, so that a row is drawn once and reused by every
itinerary that shares its session: tabulate's per-cell work would otherwise dominate the
time of writing a thousand itineraries. Other formats go through tabulate, day by day.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from tabulate import multiline_formats, tabulate, tabulate_formats

from planner.exporters.itinerary.days import START_WIDTH, grid_pages, rooms_per_page
from planner.exporters.itinerary.mirrored import mirrored_table
from planner.exporters.itinerary.model import Agenda, Day, GridDay, Row, Schedule, TimeView
from planner.exporters.itinerary.options import RenderOptions
from planner.exporters.itinerary.table_layout import (
    MIN_PADDING,
    cell_lines,
    draw_before,
    layout_table,
    table_top,
    wrap,
)
from planner.exporters.itinerary.text import (
    Cell,
    TimeCells,
    clean,
    column_headings,
    display_width,
    notes_text,
    pad,
    people_text,
    start_text,
    summary_text,
    until_text,
    what_text,
    where_text,
)
from planner.exporters.itinerary.timefmt import day_heading
from planner.languages import language

__all__ = ["TABLE_FORMATS", "TableRenderer", "layout_table", "wrap"]

TABLE_FORMATS = tuple(name for name in tabulate_formats if name != "unsafehtml")
"""tabulate's formats, less ``unsafehtml``, which would print the YAML's text unescaped."""
_NATIVE = {"simple": True, "plain": False}
"""Formats drawn here: whether a rule of dashes follows the header."""
_MIN_TEXT, _LEAST_TEXT = 12, 4
"""A text column's width: at least 12, or (on a terminal too narrow for that) 4."""
_TIME_WIDTH = 16
_WEIGHTS = {"what": 4, "where": 3, "notes": 3}
_WHAT_AND_EVENT = "what+event"
"""The *what* column on a day with several events: each row names its event."""


@dataclass(frozen=True, slots=True)
class _Layout:
    """The columns of one schedule's tables: the same on each of its days."""

    headers: tuple[str, ...]
    main: list[Cell]
    """The main time cell of each row, in schedule order."""
    second: list[Cell] | None
    columns: tuple[str, ...]
    """The text columns: ``what``, ``where`` and maybe ``notes``."""
    fixed: tuple[int, ...]
    """Widths of the time columns."""
    widths: tuple[int, ...]
    """Widths of the text columns (their text is wrapped to these)."""
    blank: str
    """Spaces as wide as the time columns and their gaps."""


class TableRenderer:
    """Schedules as text tables; keeps wrapped cells and drawn rows between schedules."""

    name: ClassVar[str] = "table"
    extension: ClassVar[str] = "txt"
    content_type: ClassVar[str] = "text/plain; charset=utf-8"

    def __init__(self, options: RenderOptions | None = None) -> None:
        options = options or RenderOptions()
        if options.tablefmt not in TABLE_FORMATS:
            choices = ", ".join(TABLE_FORMATS)
            raise ValueError(f"`{options.tablefmt}` is not a table format; choose one of {choices}")
        self.width = options.width
        self.tablefmt = options.tablefmt
        self.lang = language(options.language or "en")
        self._headings = column_headings(self.lang)
        self._rule = _NATIVE.get(options.tablefmt)
        self._joiner = "\n" if options.tablefmt in multiline_formats else " "
        self._times = TimeCells(self.lang)
        self._texts: dict[str, tuple[str, str, str]] = {}
        self._people_texts: dict[str, str] = {}
        self._cells: dict[tuple[str, str, int], Cell] = {}
        self._drawn: dict[tuple[str, tuple[str, ...], tuple[int, ...]], Cell] = {}
        self._longest: dict[str, tuple[int, int, int]] = {}
        self._tails: dict[tuple[str, tuple[str, ...], tuple[int, ...], str], str] = {}
        self._day_titles: dict[tuple[date, tuple[str, ...]], str] = {}

    def render(self, schedule: Schedule) -> str:
        parts = [self._header(schedule)]
        if isinstance(schedule, Agenda) and schedule.grid is not None:
            pages = [page for day in schedule.grid for page in self._grid_pages(day)]
            parts.extend(self._grid_day(page, schedule.view) for page in pages)
        else:
            parts.extend(self._days(schedule))
        lang = self.lang
        if not schedule.days:
            parts.append(lang.gettext("Nothing is scheduled."))
        summary = lang.gettext("{label}: ").format(label=lang.gettext("Summary"))
        parts.append(self._paragraph(summary, summary_text(schedule.summary, lang)))
        return "\n\n".join(parts) + "\n"

    # --- the parts of a page ------------------------------------------------------------

    def _header(self, schedule: Schedule) -> str:
        header = schedule.header
        colon = self.lang.gettext("{label}: ")
        lines = [self._title(colon.format(label=header.title) + clean(header.subject), "=")]
        labels = [colon.format(label=label) for label, _ in header.details]
        indent = max((display_width(label) for label in labels), default=0)
        lines.extend(
            self._paragraph(pad(label, indent), value)
            for label, (_, value) in zip(labels, header.details, strict=True)
        )
        return "\n".join(lines)

    def _paragraph(self, label: str, text: str) -> str:
        """``label`` then ``text``, wrapped to the width with a hanging indent."""
        lines = wrap(clean(text), max(self.width - display_width(label), _MIN_TEXT))
        indent = " " * display_width(label)
        return self._outside(
            "\n".join(f"{indent if n else label}{line}" for n, line in enumerate(lines))
        )

    def _title(self, text: str, rule: str) -> str:
        """A heading wrapped to the width and underlined."""
        lines = wrap(text, self.width)
        underline = rule * max(display_width(line) for line in lines)
        return self._outside("\n".join(lines)) + "\n" + underline

    def _outside(self, text: str) -> str:
        """Text around the tables: escaped when the tables are HTML, so that all of it is."""
        return html.escape(text) if self.tablefmt == "html" else text

    def _days(self, schedule: Schedule) -> list[str]:
        """One table per day, all with the same columns and widths."""
        rows = schedule.rows
        if not rows:
            return []
        layout = self._layout(rows, schedule.view)
        if self._rule is None or self.lang.direction == "rtl":
            return self._drawn_days(schedule.days, layout)
        top = table_top(layout.headers, [*layout.fixed, *layout.widths], rule=self._rule)
        tables = []
        index = 0
        for day in schedule.days:
            columns = _day_columns(day, layout.columns)
            drawn = [
                self._draw_row(row, index + n, layout, columns) for n, row in enumerate(day.rows)
            ]
            index += len(day.rows)
            tables.append(f"{self._day_title(day)}\n{top}\n" + "\n".join(drawn))
        return tables

    def _layout(self, rows: Sequence[Row], view: TimeView) -> _Layout:
        main, second = self._times.columns(rows, view)
        times = [main] if second is None else [main, second]
        columns = ("what", "where", "notes") if any(r.notes for r in rows) else ("what", "where")
        headers = [view.main_label, *([view.second_label or ""] if second else [])]
        headers.extend(self._headings[column] for column in columns)
        # Time columns as wide as their longest cell, but at least 16 (09:00-10:30 CEST), so
        # that the text columns' widths, and the rows drawn with them, repeat between
        # itineraries.
        fixed = [
            max(
                _TIME_WIDTH,
                display_width(header) + MIN_PADDING,
                *(display_width(ln) for cell in cells for ln in cell),
            )
            for header, cells in zip(headers, times, strict=False)
        ]
        shares = self._shares(rows, columns, len(headers), sum(fixed))
        widths = tuple(shares[column] for column in columns)
        blank = " " * (sum(fixed) + 2 * len(fixed))
        return _Layout(tuple(headers), main, second, columns, tuple(fixed), widths, blank)

    def _draw_row(self, row: Row, index: int, layout: _Layout, columns: tuple[str, ...]) -> str:
        """A row: its times (which depend on the reader's zones) in front of its text
        columns, which are drawn once per layout and kept."""
        kept = row.attendees is None
        text = self._drawn.get((row.uid, columns, layout.widths)) if kept else None
        if text is None:
            text = self._text_lines(row, columns, layout.widths)
        when = layout.main[index]
        other = layout.second[index] if layout.second is not None else None
        if len(when) > 1 or (other is not None and len(other) > 1):
            cells = [when] if other is None else [when, other]
            return draw_before(text, cells, layout.fixed, layout.blank)
        left = pad(when[0], layout.fixed[0])
        if other is not None:
            left = f"{left}  {pad(other[0], layout.fixed[1])}"
        head = f"{left}  {text[0]}" if text[0] else left.rstrip()
        if len(text) == 1:
            return head
        tail = self._tails.get((row.uid, columns, layout.widths, layout.blank)) if kept else None
        return head + (tail or self._tail(row, text, layout, columns))

    def _drawn_days(self, days: Sequence[Day], layout: _Layout) -> list[str]:
        """Tables drawn whole, one per day: in a format planner does not draw, or mirrored
        for a right-to-left reader."""
        times = [layout.main] if layout.second is None else [layout.main, layout.second]
        tables = []
        start = 0
        for day in days:
            columns = _day_columns(day, layout.columns)
            texts = list(zip(columns, layout.widths, strict=True))
            rows = [
                [*(cells[index] for cells in times), *(self._cell(row, *c) for c in texts)]
                for index, row in enumerate(day.rows, start)
            ]
            start += len(day.rows)
            tables.append(f"{self._day_title(day)}\n{self._table(layout.headers, rows)}")
        return tables

    def _table(self, headers: Sequence[str], rows: Sequence[Sequence[Cell]]) -> str:
        """One table: mirrored (Arabic), drawn here (``simple``, ``plain``) or by tabulate."""
        if self.lang.direction == "rtl":
            return mirrored_table(headers, rows, self.tablefmt, self._joiner)
        if self._rule is not None:
            return layout_table(headers, rows, rule=self._rule)
        data = [[self._joiner.join(cell) for cell in row] for row in rows]
        return tabulate(data, headers=headers, tablefmt=self.tablefmt, disable_numparse=True)

    def _grid_pages(self, day: GridDay) -> list[GridDay]:
        """The day's grid in groups of rooms that fit the width (72 rooms do not fit one)."""
        fits = rooms_per_page(self.width, len(day.rooms), lambda n: _overhead(self.tablefmt, n))
        return grid_pages(day, fits)

    def _grid_day(self, day: GridDay, view: TimeView) -> str:
        starts = [start_text(slot.start, self.lang) for slot in day.slots]
        start_width = max([START_WIDTH, *(display_width(start) for start in starts)])
        room = self.width - _overhead(self.tablefmt, len(day.rooms) + 1) - start_width
        width = max(_MIN_TEXT, room // len(day.rooms))
        rows: list[list[Cell]] = []
        for slot, start in zip(day.slots, starts, strict=True):
            cells: list[Cell] = [(start,)]
            for entries in slot.cells:
                texts = [
                    until_text(what_text(row, self.lang), row, view, self.lang) for row in entries
                ]
                cells.append(
                    tuple(line for text in texts for line in self._wrap(text, width)) or ("",)
                )
            rows.append(cells)
        title = self._title(f"{day_heading(day.day, self.lang)} · {clean(day.venue)}", "-")
        headers = [self.lang.gettext("Start"), *(clean(room) for room in day.rooms)]
        return f"{title}\n{self._table(headers, rows)}"

    def _day_title(self, day: Day) -> str:
        """The day's heading and its events, kept: many itineraries share a day."""
        key = (day.day, day.events)
        found = self._day_titles.get(key)
        if found is None:
            events = "; ".join(clean(event) for event in day.events)
            heading = day_heading(day.day, self.lang)
            heading = f"{heading} · {events}" if events else heading
            found = self._day_titles[key] = self._title(heading, "-")
        return found

    # --- cells, kept per row ---------------------------------------------------------------

    def _text_lines(self, row: Row, columns: tuple[str, ...], widths: tuple[int, ...]) -> Cell:
        """The text columns of a row, drawn; kept unless they name a group's members."""
        cells = [
            self._cell(row, column, width) for column, width in zip(columns, widths, strict=True)
        ]
        found = cell_lines(cells, widths)
        if row.attendees is None:
            self._drawn[row.uid, columns, widths] = found
        return found

    def _tail(self, row: Row, text: Cell, layout: _Layout, columns: tuple[str, ...]) -> str:
        """The lines of a row below its first, behind the blank time columns; kept."""
        blank = layout.blank
        found = "".join([f"\n{blank}{line}" if line else "\n" for line in text[1:]])
        if row.attendees is None:
            self._tails[row.uid, columns, layout.widths, blank] = found
        return found

    def _plain(self, row: Row) -> tuple[str, str, str]:
        """Title, place and notes as one-line text, kept (the same for every reader)."""
        found = self._texts.get(row.uid)
        if found is None:
            lang = self.lang
            found = (what_text(row, lang), clean(where_text(row, lang)), notes_text(row))
            self._texts[row.uid] = found
        return found

    def _people(self, row: Row) -> str:
        """Chair, speakers and, in a group, who attends: kept unless it names attendees."""
        if row.attendees is not None:
            return people_text(row, self.lang)
        found = self._people_texts.get(row.uid)
        if found is None:
            found = self._people_texts[row.uid] = people_text(row, self.lang)
        return found

    def _lengths(self, row: Row) -> tuple[int, int, int]:
        """The longest unwrapped line of each text column."""
        found = self._longest.get(row.uid) if row.attendees is None else None
        if found is None:
            what, where, notes = self._plain(row)
            found = (
                max(display_width(what), display_width(self._people(row))),
                display_width(where),
                display_width(notes),
            )
            if row.attendees is None:
                self._longest[row.uid] = found
        return found

    def _cell(self, row: Row, column: str, width: int) -> Cell:
        if row.attendees is not None:
            return self._make_cell(row, column, width)
        key = (row.uid, column, width)
        found = self._cells.get(key)
        if found is None:
            found = self._cells[key] = self._make_cell(row, column, width)
        return found

    def _make_cell(self, row: Row, column: str, width: int) -> Cell:
        if column in ("where", "notes"):
            return self._wrap(self._plain(row)[1 if column == "where" else 2], width)
        # The title, then who chairs, speaks and attends, and the event on a busy day.
        what, people = self._plain(row)[0], self._people(row)
        lines = [*self._wrap(what, width), *(self._wrap(people, width) if people else ())]
        if column == _WHAT_AND_EVENT and row.event_title:
            event = self.lang.gettext("Event: {title}").format(title=clean(row.event_title))
            lines.extend(self._wrap(event, width))
        return tuple(lines)

    def _wrap(self, text: str, width: int) -> Cell:
        return (text,) if display_width(text) <= width else wrap(text, width)

    def _shares(
        self, rows: Sequence[Row], columns: Sequence[str], count: int, fixed: int
    ) -> dict[str, int]:
        """Split what the time columns and borders leave of the width among the text.

        A column whose longest text fits in its share takes only that; the rest is shared
        again among the others, by weight, so notes get the room a short title leaves.
        """
        room = self.width - _overhead(self.tablefmt, count) - fixed
        kept = self._longest.get  # once per row: looked up once
        lengths = [(row.attendees is None and kept(row.uid)) or self._lengths(row) for row in rows]
        longest = {
            column: max(
                display_width(self._headings[column]) + MIN_PADDING,
                *(item[at] for item in lengths),
            )
            for at, column in enumerate(columns)
        }
        shares: dict[str, int] = {}
        pending = list(columns)
        while pending:
            total = sum(_WEIGHTS[column] for column in pending)
            fits = [c for c in pending if longest[c] <= room * _WEIGHTS[c] // total]
            if not fits:  # at least 12 columns each, or an equal share on a narrow terminal
                least = max(_LEAST_TEXT, min(_MIN_TEXT, room // len(pending)))
                shares.update((c, max(least, room * _WEIGHTS[c] // total)) for c in pending)
                while sum(shares[c] for c in pending) > max(room, least * len(pending)):
                    shares[max(pending, key=shares.__getitem__)] -= 1  # the floors overshot
                break
            for column in fits:
                shares[column] = longest[column]
                room -= longest[column]
                pending.remove(column)
        return shares


def _day_columns(day: Day, columns: tuple[str, ...]) -> tuple[str, ...]:
    """The text columns of a day: *what* names the event when the day has more than one."""
    return (_WHAT_AND_EVENT, *columns[1:]) if len(day.events) > 1 else columns


def _overhead(tablefmt: str, count: int) -> int:
    """Columns taken by borders and padding: two spaces between cells, or ``| `` and `` |``."""
    return 2 * (count - 1) if tablefmt in _NATIVE else 3 * count + 1
