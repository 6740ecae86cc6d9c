"""Rows for ``planner list``: one table per kind of entry."""

from __future__ import annotations

import json
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


def render_listing(programme: Programme, kind: str, output: str, tablefmt: str = "simple") -> str:
    rows = listing_rows(programme, kind)
    if output == "json":
        return json.dumps(rows, indent=2, ensure_ascii=False)
    if not rows:
        return f"(no {kind})"
    # Text from the YAML cannot start a line or carry a terminal escape; in a Markdown
    # table it cannot close a cell or start markup either.
    safe = markdown_literal if tablefmt in _MARKDOWN_FORMATS else printable
    cells = [{key: safe(v) if isinstance(v, str) else v for key, v in row.items()} for row in rows]
    return tabulate(cells, headers="keys", tablefmt=tablefmt, disable_numparse=True)


class TableListing:
    """One kind of entry (``what``: events, sessions ...) as a text table, for the registry."""

    name: ClassVar[str] = "table"
    extension: ClassVar[str] = "txt"
    content_type: ClassVar[str] = "text/plain; charset=utf-8"

    def __init__(self, what: str = "sessions", tablefmt: str = "simple") -> None:
        self.what = what
        self.tablefmt = tablefmt

    def export(self, programme: Programme, selection: Selection) -> bytes:
        """The whole programme's entries (the selection is not used)."""
        text = render_listing(programme, self.what, self.name, self.tablefmt)
        return (text + "\n").encode("utf-8")


class JsonListing(TableListing):
    """One kind of entry as a JSON list of objects."""

    name: ClassVar[str] = "json"
    extension: ClassVar[str] = "json"
    content_type: ClassVar[str] = "application/json"
