"""Rows for ``planner list``: one table per kind of entry."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable
from typing import Any, ClassVar

from tabulate import tabulate

from planner.escaping import markdown_literal, printable
from planner.exporters.base import Selection
from planner.timeline import Programme

__all__ = ["LISTABLE", "JsonListing", "TableListing", "listing_rows", "render_listing"]

Row = dict[str, Any]


def _events(programme: Programme) -> list[Row]:
    return [
        {
            "id": event.id,
            "title": event.title,
            "kind": event.kind,
            "first_day": event.first_day.isoformat() if event.first_day else "",
            "last_day": event.last_day.isoformat() if event.last_day else "",
            "sessions": len(event.sessions),
            "status": event.status,
        }
        for event in programme.events.values()
    ]


def _sessions(programme: Programme) -> list[Row]:
    return [
        {
            "event": session.event_id,
            "id": session.id,
            "title": session.title,
            "start": session.start.date().isoformat()
            if session.all_day
            else session.start.isoformat(timespec="minutes"),
            "end": session.occurrences[0].last_day.isoformat()
            if session.all_day and session.occurrences
            else session.end.isoformat(timespec="minutes"),
            "timezone": session.timezone.key,
            "venue": session.venue_id or ("online" if session.is_online else ""),
            "people": len(session.people),
            "occurrences": len(session.occurrences),
            "status": session.status,
        }
        for session in programme.sessions
    ]


def _people(programme: Programme) -> list[Row]:
    return [
        {
            "id": person.id,
            "name": person.name,
            "organisation": person.organisation_id or "",
            "role": person.role or "",
            "country": person.country or "",
            "timezone": person.timezone.key if person.timezone else "",
            "sessions": len(programme.sessions_by_person[person.id]),
        }
        for person in programme.people.values()
    ]


def _venues(programme: Programme) -> list[Row]:
    return [
        {
            "id": venue.id,
            "name": venue.name,
            "city": venue.city or ("online" if venue.online else ""),
            "country": venue.country or "",
            "timezone": venue.timezone.key,
            "capacity": venue.capacity or "",
            "rooms": ", ".join(venue.rooms),
        }
        for venue in programme.venues.values()
    ]


def _groups(programme: Programme) -> list[Row]:
    return [
        {
            "id": group.id,
            "name": group.name,
            "people": len(group.people),
            "members": ", ".join(group.members),
        }
        for group in programme.groups.values()
    ]


LISTABLE: dict[str, Callable[[Programme], list[Row]]] = {
    "events": _events,
    "sessions": _sessions,
    "people": _people,
    "venues": _venues,
    "groups": _groups,
}


def listing_rows(programme: Programme, kind: str) -> list[Row]:
    return LISTABLE[kind](programme)


_MARKDOWN_FORMATS = frozenset({"github", "pipe"})


def render_listing(
    programme: Programme,
    kind: str,
    output: str,
    tablefmt: str = "simple",
    width: int | None = None,
) -> str:
    """The entries as JSON or a text table; a table wider than ``width`` wraps its widest
    columns' text (``None``: as wide as the rows are)."""
    rows = listing_rows(programme, kind)
    if output == "json":
        return json.dumps(rows, indent=2, ensure_ascii=False)
    if not rows:
        return f"(no {kind})"
    # Text from the YAML cannot start a line or carry a terminal escape; in a Markdown
    # table it cannot close a cell or start markup either.
    safe = markdown_literal if tablefmt in _MARKDOWN_FORMATS else printable
    cells = [{key: safe(v) if isinstance(v, str) else v for key, v in row.items()} for row in rows]
    if width is None:
        return tabulate(cells, headers="keys", tablefmt=tablefmt, disable_numparse=True)
    if tablefmt not in _MARKDOWN_FORMATS and _narrowest(cells) > width:
        return records(cells, width)  # too many columns for the width, however narrowed
    budget = width
    limits = column_limits(cells, budget)
    text = _table(cells, tablefmt, limits)
    for _ in range(3):  # the format's own padding is known once drawn: measure, then narrow
        widest = max(len(line) for line in text.splitlines())
        if widest <= width or limits is None:
            break
        budget -= widest - width
        limits = column_limits(cells, budget)
        text = _table(cells, tablefmt, limits)
    if tablefmt not in _MARKDOWN_FORMATS and max(len(ln) for ln in text.splitlines()) > width:
        return records(cells, width)  # too many columns for the width, even narrowed
    return text


def _narrowest(rows: list[Row]) -> int:
    """The least width a table of ``rows`` takes: each column at the floor (or narrower
    when its text is), never under its heading, two spaces between columns."""
    keys = list(rows[0])
    least = sum(
        max(len(str(key)), min(_NARROWEST, max(len(str(row.get(key) or "")) for row in rows)))
        for key in keys
    )
    return least + 2 * (len(keys) - 1)


def records(rows: list[Row], width: int) -> str:
    """Each entry as a block of ``key  value`` lines, long values wrapped under their
    start: for a table that no narrowing fits (ten columns on an 80-column terminal)."""
    indent = max(len(str(key)) for key in rows[0]) + 2
    room = max(width - indent, _NARROWEST)
    blocks = []
    for row in rows:
        lines = []
        for key, value in row.items():
            text = "" if value is None else str(value)
            parts = textwrap.wrap(text, room, break_on_hyphens=False) or [""]
            lines.append(f"{key:<{indent}}{parts[0]}".rstrip())
            lines.extend(" " * indent + part for part in parts[1:])
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def _table(cells: list[Row], tablefmt: str, limits: list[int | None] | None) -> str:
    return tabulate(
        cells, headers="keys", tablefmt=tablefmt, disable_numparse=True, maxcolwidths=limits
    )


_NARROWEST = 10
"""A wrapped column keeps at least this many characters."""


def column_limits(rows: list[Row], width: int) -> list[int | None] | None:
    """Widths that make the table fit ``width`` (two spaces between columns), taken from
    the widest columns first; None when it fits as it is."""
    keys = list(rows[0])
    natural = [max(len(str(key)), *(len(str(row.get(key) or "")) for row in rows)) for key in keys]
    budget = width - 2 * (len(keys) - 1)
    if sum(natural) <= budget:
        return None
    limits = list(natural)
    while sum(limits) > budget:
        widest = max(range(len(limits)), key=lambda index: limits[index])
        if limits[widest] <= _NARROWEST:
            break  # as narrow as it sensibly gets: the terminal wraps the rest
        limits[widest] -= 1
    return [limit if limit < wide else None for limit, wide in zip(limits, natural, strict=True)]


class TableListing:
    """One kind of entry (``what``: events, sessions ...) as a text table, for the registry."""

    name: ClassVar[str] = "table"
    extension: ClassVar[str] = "txt"
    content_type: ClassVar[str] = "text/plain; charset=utf-8"

    def __init__(
        self, what: str = "sessions", tablefmt: str = "simple", width: int | None = None
    ) -> None:
        self.what = what
        self.tablefmt = tablefmt
        self.width = width

    def export(self, programme: Programme, selection: Selection) -> bytes:
        """The whole programme's entries (the selection is not used)."""
        text = render_listing(programme, self.what, self.name, self.tablefmt, self.width)
        return (text + "\n").encode("utf-8")


class JsonListing(TableListing):
    """One kind of entry as a JSON list of objects."""

    name: ClassVar[str] = "json"
    extension: ClassVar[str] = "json"
    content_type: ClassVar[str] = "application/json"
