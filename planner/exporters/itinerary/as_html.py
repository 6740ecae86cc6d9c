"""HTML: one standalone page (no external assets) that prints well on A4, a day per page.

Every piece of text from the YAML goes through :func:`html.escape`; only ``http`` and
``https`` links become ``<a href>`` (a ``javascript:`` URL stays text).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date
from typing import ClassVar

from planner.exporters.itinerary.model import Agenda, Day, GridDay, Row, Schedule, TimeView
from planner.exporters.itinerary.options import RenderOptions
from planner.exporters.itinerary.text import (
    Cell,
    TimeCells,
    clean,
    marker,
    notes_text,
    people_text,
    summary_text,
    title_text,
)
from planner.exporters.itinerary.timefmt import abbreviation, day_heading

__all__ = ["HtmlRenderer", "escape"]

_CSS = """
@page { size: A4; margin: 14mm 12mm 16mm; }
:root { color: #1a1a1a; font-family: system-ui, -apple-system, "Segoe UI", Roboto,
  "Helvetica Neue", Arial, sans-serif; }
body { max-width: 62rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.35; }
h1 { font-size: 1.6rem; margin: 0 0 .6rem; }
dl.details { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem;
  margin: 0 0 1.2rem; }
dl.details dt { font-weight: 600; }
dl.details dd { margin: 0; }
section.day { margin-top: 1.6rem; }
h2 { font-size: 1.15rem; border-bottom: 2px solid #333; padding-bottom: .2rem; }
h2 .events { font-weight: normal; color: #555; }
table { width: 100%; border-collapse: collapse; font-size: .9rem; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem;
  border-bottom: 1px solid #ccc; }
th { font-size: .78rem; text-transform: uppercase; letter-spacing: .03em; color: #444; }
table.day { table-layout: fixed; }
th.time { width: 8.8rem; }
th.what { width: 30%; }
th.where { width: 24%; }
td.time { white-space: nowrap; font-variant-numeric: tabular-nums; }
td.second { color: #555; }
tr.move td { background: #f2f5f9; }
tr.cancelled td { color: #777; }
.badge { display: inline-block; margin-left: .3rem; padding: 0 .3rem; font-size: .72rem;
  border: 1px solid currentColor; border-radius: .2rem; text-transform: uppercase; }
.people, td.notes { color: #444; font-size: .85rem; }
footer { margin-top: 1.6rem; padding-top: .5rem; border-top: 1px solid #999; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  section.day + section.day { break-before: page; page-break-before: always; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
""".strip()


def escape(text: str) -> str:
    """Text from the YAML as HTML: one line, control characters dropped, ``<&>"'`` escaped."""
    return html.escape(clean(text), quote=True)


class HtmlRenderer:
    name: ClassVar[str] = "html"
    extension: ClassVar[str] = "html"
    content_type: ClassVar[str] = "text/html; charset=utf-8"

    def __init__(self, options: RenderOptions | None = None) -> None:
        self._times = TimeCells()
        self._cells: dict[str, tuple[str, str, str]] = {}
        self._rows: dict[tuple[str, Cell, Cell | None, bool, bool], str] = {}
        self._day_titles: dict[tuple[date, tuple[str, ...]], str] = {}

    def render(self, schedule: Schedule) -> str:
        header = schedule.header
        title = escape(f"{header.title}: {header.subject}")
        parts = [
            "<!DOCTYPE html>",
            '<html lang="en">',
            '<head>\n<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{title}</title>\n<style>\n{_CSS}\n</style>\n</head>",
            f"<body>\n<header>\n<h1>{title}</h1>\n{_details(header.details)}\n</header>",
        ]
        if isinstance(schedule, Agenda) and schedule.grid is not None:
            parts.extend(_grid_day(day, schedule.view) for day in schedule.grid)
        else:
            parts.extend(self._days(schedule))
        if not schedule.days:
            parts.append("<p>Nothing is scheduled.</p>")
        summary = escape(summary_text(schedule.summary))
        parts.append(f"<footer><strong>Summary:</strong> {summary}</footer>\n</body>\n</html>\n")
        return "\n".join(parts)

    def _days(self, schedule: Schedule) -> list[str]:
        view = schedule.view
        rows = schedule.rows
        main, second = self._times.columns(rows, view)
        headers = [view.main_label]
        if second is not None:
            headers.append(view.second_label or "")
        notes = any(row.notes for row in rows)
        headers.extend(("What", "Where", "Notes") if notes else ("What", "Where"))
        # Fixed column widths, so that every day's table lines up with the others.
        kinds = ["time"] * (len(headers) - (3 if notes else 2)) + ["what", "where", "notes"]
        cells = "".join(
            f'<th class="{k}">{escape(h)}</th>' for h, k in zip(headers, kinds, strict=False)
        )
        head = f"<thead><tr>{cells}</tr></thead>"
        kept = self._rows.get  # once per row: looked up once
        out = []
        index = 0
        for day in schedule.days:
            body = []
            several = len(day.events) > 1  # then each row names its event
            for row in day.rows:
                other = second[index] if second is not None else None
                key = (row.uid, main[index], other, notes, several)
                drawn = kept(key) if row.attendees is None else None
                if drawn is None:
                    drawn = self._row(row, (main[index], other), notes, several)
                    if row.attendees is None:
                        self._rows[key] = drawn
                body.append(drawn)
                index += 1
            out.append(_section(self._day_title(day), head, body, fixed=True))
        return out

    def _row(self, row: Row, times: tuple[Cell, Cell | None], notes: bool, several: bool) -> str:
        """One ``<tr>``: the times, what, where and (when the page has them) the notes."""
        main, second = times
        cells = [f'<td class="time">{_lines(main)}</td>']
        if second is not None:
            cells.append(f'<td class="time second">{_lines(second)}</td>')
        what, where, note = self._texts(row)
        if several and row.event_title:
            what += f'<div class="people">Event: {escape(row.event_title)}</div>'
        cells.append(f'<td class="what">{what}</td><td class="where">{where}</td>')
        if notes:
            cells.append(f'<td class="notes">{note}</td>')
        return f'<tr class="{_classes(row)}">{"".join(cells)}</tr>'

    def _texts(self, row: Row) -> tuple[str, str, str]:
        found = self._cells.get(row.uid)
        if found is None:
            plain = row.with_attendees(None) if row.attendees is not None else row
            found = self._cells[row.uid] = (_what(plain), _where(row), escape(notes_text(row)))
        if row.attendees is not None:  # who of the group attends: not kept
            return (_what(row), *found[1:])
        return found

    def _day_title(self, day: Day) -> str:
        """The day's heading and its events, kept: many itineraries share a day."""
        key = (day.day, day.events)
        found = self._day_titles.get(key)
        if found is None:
            found = self._day_titles[key] = _day_title(day)
        return found


def _section(title: str, head: str, body: Sequence[str], *, fixed: bool = False) -> str:
    rows = "\n".join(body)
    opening = '<table class="day">' if fixed else "<table>"
    table = f"{opening}\n{head}\n<tbody>\n{rows}\n</tbody>\n</table>"
    return f'<section class="day">\n<h2>{title}</h2>\n{table}\n</section>'


def _details(details: Sequence[tuple[str, str]]) -> str:
    items = "".join(f"<dt>{escape(label)}</dt><dd>{escape(value)}</dd>" for label, value in details)
    return f'<dl class="details">{items}</dl>'


def _classes(row: Row) -> str:
    classes = [row.kind]
    if row.moves:
        classes.append("move")
    if row.status != "confirmed":
        classes.append(escape(row.status))
    return " ".join(classes)


def _lines(cell: Cell) -> str:
    return "<br>".join(escape(line) for line in cell)


def _what(row: Row) -> str:
    title = escape(title_text(row))
    status = marker(row)
    if status == "cancelled":
        title = f'<del>{title}</del><span class="badge">cancelled</span>'
    elif status is not None:
        title = f'{title}<span class="badge">{escape(status)}</span>'
    people = people_text(row)
    return f'{title}<div class="people">{escape(people)}</div>' if people else title


def _where(row: Row) -> str:
    """The place, and an online link that opens (``http``/``https`` only)."""
    url = row.online_url
    if not url or row.origin or row.destination:
        return escape(row.where)
    link = _link(url)
    if row.venue_name:
        place = ", ".join(p for p in (row.venue_name, row.room_name, row.city) if p)
        return f"{escape(place)}<br>{link}"
    return f"Online: {link}"


def _link(url: str) -> str:
    text = escape(url)
    if url.lower().startswith(("https://", "http://")):
        return f'<a href="{text}">{text}</a>'
    return text


def _day_title(day: Day) -> str:
    title = escape(day_heading(day.day))
    if day.events:
        events = "; ".join(escape(event) for event in day.events)
        title += f' <span class="events">· {events}</span>'
    return title


def _grid_day(day: GridDay, view: TimeView) -> str:
    headers = ["Start", *day.rooms]
    head = "<thead><tr>" + "".join(f"<th>{escape(h)}</th>" for h in headers) + "</tr></thead>"
    body = []
    for slot in day.slots:
        cells = [
            f'<td class="time">{escape(f"{slot.start:%H:%M} {abbreviation(slot.start)}")}</td>'
        ]
        for entries in slot.cells:
            texts = (f"{_what(row)} (to {view.main_times(row)[1]:%H:%M})" for row in entries)
            cells.append(f"<td>{'<br>'.join(texts)}</td>")
        body.append(f"<tr>{''.join(cells)}</tr>")
    title = f'{escape(day_heading(day.day))} <span class="events">· {escape(day.venue)}</span>'
    return _section(title, head, body)
