"""The words of a row and of a summary, shared by the table, Markdown and HTML renderers.

Each returns plain text; a renderer escapes it for its format. Control characters from
the YAML are dropped (a title must not move a terminal's cursor or change its colours).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import datetime
from functools import lru_cache

from planner.exporters.itinerary.model import Row, Summary, TimeView
from planner.exporters.itinerary.timefmt import (
    all_day_text,
    clock_text,
    duration_text,
    span_lines,
)
from planner.languages import ENGLISH, Language
from planner.languages.bidi import isolated, left_to_right

__all__ = [
    "Cell",
    "TimeCells",
    "clean",
    "column_headings",
    "day_headings",
    "display_width",
    "marker",
    "notes_text",
    "pad",
    "people_text",
    "place_text",
    "second_lines",
    "start_text",
    "status_text",
    "summary_text",
    "time_lines",
    "title_text",
    "travel_title",
    "until_text",
    "what_text",
    "where_text",
]

Cell = tuple[str, ...]
"""A cell as its lines."""

NO_BREAK_SPACE = "\u00a0"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SPACE = re.compile(r"\s+")


def clean(text: str) -> str:
    """One line of printable text: control characters dropped, whitespace runs collapsed."""
    return _SPACE.sub(" ", _CONTROL.sub("", text)).strip()


def title_text(row: Row, lang: Language = ENGLISH) -> str:
    """The title, and a move's duration: ``Bus to Pangyo (45m)``."""
    title = clean(row.title)
    if not row.moves or row.all_day:
        return title  # a leg known only by its dates has no length to show
    # A no-break space keeps "5h 30m" on one line when the title is wrapped.
    length = duration_text(row.duration, lang).replace(" ", NO_BREAK_SPACE)
    if lang.direction == "rtl":  # "(1 س 30 د)" stays whole after an English title
        length = isolated(length)
    return lang.gettext("{title} ({duration})").format(title=title, duration=length)


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
    if unicodedata.combining(char) or unicodedata.category(char) == "Cf":
        return 0  # combining marks, and the invisible bidirectional marks and isolates
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def pad(text: str, width: int) -> str:
    """``text`` followed by spaces up to ``width`` display columns."""
    if text.isascii():
        return text.ljust(width)
    return text + " " * (width - display_width(text))


def what_text(row: Row, lang: Language = ENGLISH) -> str:
    """The title as plain text: ``CANCELLED: Lunch``, ``Opening (tentative)``."""
    if row.cancelled:
        return lang.gettext("CANCELLED: {title}").format(title=title_text(row, lang))
    if row.status == "tentative":
        return lang.gettext("{title} (tentative)").format(title=title_text(row, lang))
    return title_text(row, lang)


def status_text(status: str, lang: Language = ENGLISH) -> str:
    """``cancelled`` or ``tentative`` as a badge beside a title."""
    if status == "cancelled":
        return lang.pgettext("badge", "cancelled")
    return lang.pgettext("badge", "tentative") if status == "tentative" else status


def people_text(row: Row, lang: Language = ENGLISH) -> str:
    """``Chair: ...; Speakers: ...`` and, in a group's itinerary, who of the group attends."""
    parts = []
    names = lang.formats.names
    if row.attendees is not None:
        attending = names(row.attendees) or lang.gettext("nobody of the group")
        parts.append(lang.gettext("Attending: {names}").format(names=attending))
    if row.chair:
        parts.append(lang.gettext("Chair: {name}").format(name=row.chair))
    if row.speakers:
        parts.append(lang.gettext("Speakers: {names}").format(names=names(row.speakers)))
    return clean(lang.pgettext("separator", "; ").join(parts))


def where_text(row: Row, lang: Language = ENGLISH) -> str:
    """Venue, room and city; the route of a move; or the online link."""
    if row.origin or row.destination:
        return f"{row.origin or '?'} → {row.destination or '?'}"
    if row.venue_name:
        place = place_text(row, lang)
        if row.online_url:
            return lang.gettext("{place} (online: {url})").format(place=place, url=row.online_url)
        return place
    return lang.gettext("Online: {url}").format(url=row.online_url) if row.online_url else ""


def place_text(row: Row, lang: Language = ENGLISH) -> str:
    """``Koreana Hotel, Conference room, Seoul``."""
    parts = [part for part in (row.venue_name, row.room_name, row.city) if part]
    return lang.pgettext("separator", ", ").join(parts)


def notes_text(row: Row) -> str:
    """What a row's notes column shows: the summary (the full text stays in JSON and in
    the HTML page's details)."""
    text = row.summary or row.notes
    return clean(text) if text else ""


def time_lines(row: Row, view: TimeView, lang: Language = ENGLISH) -> tuple[str, ...]:
    """The main time column: one line in one zone and day, else two (see span_lines)."""
    if row.all_day:
        return (all_day_text(row.day, row.last_day, lang),)
    start, end = view.main_times(row)
    return span_lines(start, end, row.day, lang)


def second_lines(row: Row, view: TimeView, lang: Language = ENGLISH) -> tuple[str, ...]:
    """The second time column, empty where it reads the same as the main one."""
    times = view.second_times(row)
    return () if times is None else span_lines(times[0], times[1], row.day, lang)


def summary_text(summary: Summary, lang: Language = ENGLISH) -> str:
    """``21 sessions, 29h 45m; 2 travel legs and 8 transfers, 18h 35m; cities: Seoul``."""
    with_time = lang.gettext("{what}, {time}")
    count = summary.sessions
    sessions = lang.ngettext("{count} session", "{count} sessions", count).format(count=count)
    if summary.session_time:
        sessions = with_time.format(what=sessions, time=duration_text(summary.session_time, lang))
    if summary.all_day:
        also = lang.ngettext(
            "{sessions} (and {count} all-day entry)",
            "{sessions} (and {count} all-day entries)",
            summary.all_day,
        )
        sessions = also.format(sessions=sessions, count=summary.all_day)
    parts = [sessions]
    moves = _moves(summary, lang)
    if moves:
        parts.append(with_time.format(what=moves, time=duration_text(summary.travel_time, lang)))
    if summary.cancelled:
        count = summary.cancelled
        parts.append(
            lang.ngettext("{count} cancelled", "{count} cancelled", count).format(count=count)
        )
    if summary.cities:
        cities = lang.formats.names([clean(city) for city in summary.cities])
        parts.append(lang.gettext("cities: {cities}").format(cities=cities))
    return lang.pgettext("separator", "; ").join(parts)


def _moves(summary: Summary, lang: Language = ENGLISH) -> str:
    """``2 travel legs and 8 transfers``, either alone, or nothing."""
    legs, transfers = summary.travel_legs, summary.transfers
    leg_text = lang.ngettext("{count} travel leg", "{count} travel legs", legs).format(count=legs)
    transfer_text = lang.ngettext("{count} transfer", "{count} transfers", transfers).format(
        count=transfers
    )
    if legs and transfers:
        return lang.gettext("{legs} and {transfers}").format(legs=leg_text, transfers=transfer_text)
    return leg_text if legs else transfer_text if transfers else ""


_BLANK: Cell = ("",)


class TimeCells:
    """Time cells of rows under a view, kept: one session is in many people's itineraries.

    The key is the row's instants, day and zones (an online session moves with the
    person) and the view's zones.
    """

    def __init__(self, lang: Language = ENGLISH) -> None:
        self.lang = lang
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
                lang = self.lang
                cell = second_lines(row, view, lang) if second else time_lines(row, view, lang)
                if lang.direction == "rtl":  # times read left to right in an Arabic line
                    cell = tuple(left_to_right(line) for line in cell)
                self._found[(*key, view_key, second)] = cell
            cells.append(cell)
        return cells


def travel_title(mode: str, reference: str | None, lang: Language = ENGLISH) -> str:
    """``Flight KE 690``, ``Train``: the mode in the reader's words, then the reference."""
    modes = {
        "flight": lang.pgettext("travel", "Flight"),
        "train": lang.pgettext("travel", "Train"),
        "bus": lang.pgettext("travel", "Bus"),
        "car": lang.pgettext("travel", "Car"),
        "ship": lang.pgettext("travel", "Ship"),
        "walk": lang.pgettext("travel", "Walk"),
        "other": lang.pgettext("travel", "Other"),
    }
    name = modes.get(mode, mode.capitalize())
    if not reference:
        return name
    return lang.gettext("{mode} {reference}").format(mode=name, reference=reference)


def column_headings(lang: Language = ENGLISH) -> dict[str, str]:
    """The headings of the text columns: ``what``, ``where`` and ``notes``."""
    return {
        "what": lang.gettext("What"),
        "where": lang.gettext("Where"),
        "notes": lang.gettext("Notes"),
    }


def day_headings(
    view: TimeView, second: bool, rows: Sequence[Row], lang: Language = ENGLISH
) -> tuple[list[str], int]:
    """The headings of a day's table (the main time, the second when shown, what, where,
    and notes when any row has some) and how many of them are text columns (2 or 3)."""
    headers = [view.main_label]
    if second:
        headers.append(view.second_label or "")
    texts = 3 if any(row.notes for row in rows) else 2
    words = column_headings(lang)
    headers.extend([words["what"], words["where"], words["notes"]][:texts])
    return headers, texts


def start_text(moment: datetime, lang: Language = ENGLISH) -> str:
    """A clock time with its zone, ``09:00 KST`` (a room grid's start, a departure), kept
    left to right in a right-to-left language."""
    text = clock_text(moment, lang)
    return left_to_right(text) if lang.direction == "rtl" else text


def until_text(title: str, row: Row, view: TimeView, lang: Language = ENGLISH) -> str:
    """``Opening (to 10:30)``: an entry of a room grid, ``title`` as the format writes it."""
    end = lang.formats.clock(view.main_times(row)[1])
    return lang.gettext("{title} (to {time})").format(title=title, time=end)
