"""HTML: one standalone page (no external assets) that prints well on A4, a day per page.

Every piece of text from the YAML goes through :func:`html.escape`; only ``http`` and
``https`` links become ``<a href>`` (a ``javascript:`` URL stays text).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date
from typing import ClassVar

from planner.exporters.itinerary.days import grid_pages
from planner.exporters.itinerary.model import Agenda, Day, GridDay, Row, Schedule, TimeView
from planner.exporters.itinerary.options import RenderOptions
from planner.exporters.itinerary.text import (
    Cell,
    TimeCells,
    clean,
    day_headings,
    marker,
    notes_text,
    people_text,
    place_text,
    start_text,
    status_text,
    summary_text,
    title_text,
    where_text,
)
from planner.exporters.itinerary.timefmt import day_heading
from planner.languages import Language, language
from planner.languages.bidi import as_bdi, first_strong

__all__ = ["HtmlRenderer", "details", "directed", "escape"]

_ROOMS_PER_TABLE = 6
"""A room grid's table has at most this many rooms beside the start column: an A4 page's
width (a larger venue's grid comes in groups of rooms, ``1-6/70``)."""

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
th, td { text-align: start; vertical-align: top; padding: .35rem .5rem;
  border-bottom: 1px solid #ccc; overflow-wrap: anywhere; }
th { font-size: .78rem; text-transform: uppercase; letter-spacing: .03em; color: #444; }
table.day, table.grid { table-layout: fixed; }
table.grid th.start { width: 6.5rem; }
th.time { width: 8.8rem; }
th.what { width: 30%; }
th.where { width: 24%; }
td.time { white-space: nowrap; font-variant-numeric: tabular-nums; }
[dir="rtl"] td.time { direction: ltr; text-align: right; }
td.second { color: #555; }
tr.move td { background: #f2f5f9; }
tr.cancelled td { color: #777; }
.badge { display: inline-block; margin-left: .3rem; padding: 0 .3rem; font-size: .72rem;
  border: 1px solid currentColor; border-radius: .2rem; text-transform: uppercase; }
.people, td.notes { color: #444; font-size: .85rem; }
@media print { td.notes details { display: none; } }
footer { margin-top: 1.6rem; padding-top: .5rem; border-top: 1px solid #999; }
td, dd { overflow-wrap: anywhere; }
@media screen and (max-width: 52rem) {
  body { margin: 1rem auto; padding: 0 .75rem; }
  dl.details { grid-template-columns: 1fr; }
  dl.details dd { margin-bottom: .3rem; }
  table, table.day, tbody, tr, td { display: block; width: auto; }
  thead { display: none; }
  tr { padding: .5rem 0; border-bottom: 1px solid #ccc; }
  td { border: 0; padding: .1rem 0; }
  td.time { font-weight: 600; white-space: normal; }
  td.second { font-weight: normal; font-size: .85rem; }
  tr.move { background: #f2f5f9; padding-inline: .4rem; }
  tr.move td { background: none; }
  table.grid td:empty { display: none; }
  table.grid td[data-room]::before { content: attr(data-room); display: block;
    font-size: .78rem; text-transform: uppercase; letter-spacing: .03em; color: #444; }
}
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
        self.lang = language((options or RenderOptions()).language or "en")
        self._times = TimeCells(self.lang)
        self._cells: dict[str, tuple[str, str, str]] = {}
        self._rows: dict[tuple[str, Cell, Cell | None, bool, bool], str] = {}
        self._day_titles: dict[tuple[date, tuple[str, ...]], str] = {}

    def render(self, schedule: Schedule) -> str:
        header = schedule.header
        lang = self.lang
        title = escape(lang.gettext("{label}: ").format(label=header.title) + header.subject)
        parts = [
            "<!DOCTYPE html>",
            f'<html lang="{lang.tag}" dir="{lang.direction}">',
            '<head>\n<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{title}</title>\n<style>\n{_CSS}\n</style>\n</head>",
            f"<body>\n<header>\n<h1>{title}</h1>\n{details(header.details, lang)}\n</header>",
            *self.body(schedule),
            "</body>\n</html>\n",
        ]
        return "\n".join(parts)

    def body(self, schedule: Schedule) -> list[str]:
        """The days (or room grids) and the summary, without the page around them: the
        printed documents (PDF, the delegate pack) put them in pages of their own."""
        lang = self.lang
        if isinstance(schedule, Agenda) and schedule.grid is not None:
            grid = schedule.grid
            pages = [page for day in grid for page in grid_pages(day, _ROOMS_PER_TABLE)]
            parts = [_grid_day(page, schedule.view, lang) for page in pages]
        else:
            parts = self._days(schedule)
        if not schedule.days:
            parts.append(f"<p>{escape(lang.gettext('Nothing is scheduled.'))}</p>")
        summary = escape(summary_text(schedule.summary, lang))
        label = _label(lang.gettext("Summary"), lang)
        parts.append(f"<footer>{label}{summary}</footer>")
        return parts

    def _days(self, schedule: Schedule) -> list[str]:
        view = schedule.view
        rows = schedule.rows
        main, second = self._times.columns(rows, view)
        headers, texts = day_headings(view, second is not None, rows, self.lang)
        notes = texts == 3
        # Fixed column widths, so that every day's table lines up with the others.
        kinds = ["time"] * (len(headers) - texts) + ["what", "where", "notes"]
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
            out.append(_section(self._day_title(day), head, body, kind="day"))
        return out

    def _row(self, row: Row, times: tuple[Cell, Cell | None], notes: bool, several: bool) -> str:
        """One ``<tr>``: the times, what, where and (when the page has them) the notes."""
        main, second = times
        cells = [f'<td class="time">{_lines(main)}</td>']
        if second is not None:
            cells.append(f'<td class="time second">{_lines(second)}</td>')
        what, where, note = self._texts(row)
        if several and row.event_title:
            event = self.lang.gettext("Event: {title}").format(title=row.event_title)
            what += f'<div class="people">{escape(event)}</div>'
        cells.append(f'<td class="what">{what}</td><td class="where">{where}</td>')
        if notes:
            cells.append(f'<td class="notes">{note}</td>')
        return f'<tr class="{_classes(row)}">{"".join(cells)}</tr>'

    def _texts(self, row: Row) -> tuple[str, str, str]:
        found = self._cells.get(row.uid)
        if found is None:
            plain = row.with_attendees(None) if row.attendees is not None else row
            lang = self.lang
            found = (_what(plain, lang), _where(row, lang), _notes(row, lang))
            self._cells[row.uid] = found
        if row.attendees is not None:  # who of the group attends: not kept
            return (_what(row, self.lang), *found[1:])
        return found

    def _day_title(self, day: Day) -> str:
        """The day's heading and its events, kept: many itineraries share a day."""
        key = (day.day, day.events)
        found = self._day_titles.get(key)
        if found is None:
            found = self._day_titles[key] = _day_title(day, self.lang)
        return found


def _section(title: str, head: str, body: Sequence[str], *, kind: str) -> str:
    """A day's heading and table: ``day`` (fixed column widths) or a room ``grid``."""
    rows = "\n".join(body)
    table = f'<table class="{kind}">\n{head}\n<tbody>\n{rows}\n</tbody>\n</table>'
    return f'<section class="day">\n<h2>{title}</h2>\n{table}\n</section>'


def _label(label: str, lang: Language) -> str:
    """``<strong>Summary:</strong> ``: a label in bold, its colon as the language writes it."""
    text = lang.gettext("{label}: ").format(label=label)
    stripped = text.rstrip()
    return f"<strong>{escape(stripped)}</strong>{text[len(stripped) :]}"


def details(details: Sequence[tuple[str, str]], lang: Language) -> str:
    """Labelled details as a ``<dl>``."""
    items = "".join(
        f"<dt>{escape(label)}</dt><dd>{directed(value, lang)}</dd>" for label, value in details
    )
    return f'<dl class="details">{items}</dl>'


def _classes(row: Row) -> str:
    classes = [row.kind]
    if row.moves:
        classes.append("move")
    if row.status != "confirmed":
        classes.append(escape(row.status))
    return " ".join(classes)


def _lines(cell: Cell) -> str:
    return "<br>".join(as_bdi(escape(line)) for line in cell)


def directed(text: str, lang: Language) -> str:
    """``text`` from the YAML as HTML; in a right-to-left page, a text that starts left to
    right (an English title in an Arabic itinerary) keeps its own direction, so that its
    full stop stays at its end (``<bdi dir="ltr">``: WeasyPrint has no ``dir="auto"``)."""
    if lang.direction == "rtl" and first_strong(text) == "ltr":
        return f'<bdi dir="ltr">{as_bdi(escape(text))}</bdi>'
    return as_bdi(escape(text))


def _what(row: Row, lang: Language) -> str:
    title = directed(title_text(row, lang), lang)
    status = marker(row)
    if status is not None:
        badge = f'<span class="badge">{escape(status_text(status, lang))}</span>'
        title = f"<del>{title}</del>{badge}" if status == "cancelled" else f"{title}{badge}"
    people = people_text(row, lang)
    return f'{title}<div class="people">{escape(people)}</div>' if people else title


def _where(row: Row, lang: Language) -> str:
    """The place, and an online link that opens (``http``/``https`` only)."""
    url = row.online_url
    if not url or row.origin or row.destination:
        return directed(where_text(row, lang), lang)
    link = _link(url)
    if row.venue_name:
        return f"{escape(place_text(row, lang))}<br>{link}"
    online, _, after = lang.gettext("Online: {url}").partition("{url}")
    return f"{escape(online)}{link}{escape(after)}"


def _link(url: str) -> str:
    text = escape(url)
    if url.lower().startswith(("https://", "http://")):
        return f'<a href="{text}">{text}</a>'
    return text


def _day_title(day: Day, lang: Language) -> str:
    title = escape(day_heading(day.day, lang))
    if day.events:
        events = "; ".join(directed(event, lang) for event in day.events)
        title += f' <span class="events">· {events}</span>'
    return title


def _grid_day(day: GridDay, view: TimeView, lang: Language) -> str:
    """A page of a room grid; on a phone its rows become cards, each entry under its room."""
    rooms = [escape(room) for room in day.rooms]
    head = f'<thead><tr><th class="start">{escape(lang.gettext("Start"))}</th>'
    head += "".join(f'<th class="room">{room}</th>' for room in rooms) + "</tr></thead>"
    body = []
    for slot in day.slots:
        cells = [f'<td class="time">{_lines((start_text(slot.start, lang),))}</td>']
        for room, entries in zip(rooms, slot.cells, strict=True):
            texts = "<br>".join(_until(row, view, lang) for row in entries)
            cells.append(f'<td data-room="{room}">{texts}</td>' if texts else "<td></td>")
        body.append(f"<tr>{''.join(cells)}</tr>")
    title = (
        f'{escape(day_heading(day.day, lang))} <span class="events">· {escape(day.venue)}</span>'
    )
    return _section(title, head, body, kind="grid")


def _until(row: Row, view: TimeView, lang: Language) -> str:
    """``Opening (to 10:30)`` in a room grid: the title (HTML) and when it ends."""
    title, _, after = lang.gettext("{title} (to {time})").partition("{title}")
    end = lang.formats.clock(view.main_times(row)[1])
    before_time, _, tail = after.partition("{time}")
    # html.escape, not escape: the catalog's spaces around the title are kept.
    return f"{html.escape(title)}{_what(row, lang)}{html.escape(before_time + end + tail)}"


def _notes(row: Row, lang: Language) -> str:
    """The summary; the full text, when it says more, in a ``<details>`` to open."""
    shown = notes_text(row)
    if not row.notes or clean(row.notes) == shown:
        return directed(shown, lang)
    more = escape(lang.gettext("More"))
    full = f"<details><summary>{more}</summary>{directed(row.notes, lang)}</details>"
    return f"{directed(shown, lang)}{full}"
