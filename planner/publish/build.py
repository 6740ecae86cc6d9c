"""Everything to publish, as (relative path, bytes): feeds, itineraries, agenda, index."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime

from planner.diagnostics import Diagnostic, Summary
from planner.exporters.base import Selection
from planner.exporters.ics import iter_feeds
from planner.exporters.itinerary import AGENDA_EXPORTERS, ITINERARY_EXPORTERS
from planner.publish.page import Links, render_index
from planner.timeline import Programme

__all__ = ["ITINERARY_FORMATS", "site_files", "site_links"]

ITINERARY_FORMATS = {"markdown": "Markdown", "html": "printable page"}
Progress = Callable[[str], None]


def site_links(programme: Programme) -> Links:
    """Where each part of the site lives, relative to its root."""
    itineraries = {
        some_id: {
            label: f"itineraries/{folder}/{some_id}.{_extension(name)}"
            for name, label in ITINERARY_FORMATS.items()
        }
        for folder, ids in (("people", programme.people), ("groups", programme.groups))
        for some_id in ids
    }
    return Links(
        programme_feed="ics/programme.ics",
        event_feeds={event_id: f"ics/events/{event_id}.ics" for event_id in programme.events},
        venue_feeds={venue_id: f"ics/venues/{venue_id}.ics" for venue_id in programme.venues},
        person_feeds={person_id: f"ics/people/{person_id}.ics" for person_id in programme.people},
        group_feeds={group_id: f"ics/groups/{group_id}.ics" for group_id in programme.groups},
        itineraries=itineraries,
        agenda={label: f"agenda.{_extension(name)}" for name, label in ITINERARY_FORMATS.items()},
        diagnostics="diagnostics.json",
    )


def _extension(format_name: str) -> str:
    return ITINERARY_EXPORTERS[format_name].extension


def site_files(
    programme: Programme,
    diagnostics: Sequence[Diagnostic],
    *,
    base_url: str | None = None,
    stamp: datetime | None = None,
    progress: Progress | None = None,
) -> Iterator[tuple[str, bytes]]:
    """Every file of the site, one at a time, so a writer never holds them all."""
    report = progress or (lambda _: None)
    report("calendar feeds")
    for path, feed in iter_feeds(programme, stamp=stamp):
        yield f"ics/{path}", feed
    for name in ITINERARY_FORMATS:
        report(f"{name} itineraries")
        exporter = ITINERARY_EXPORTERS[name]()
        for path, text in exporter.export_all(programme, Selection()):
            yield f"itineraries/{path}", text.encode("utf-8")
        agenda = AGENDA_EXPORTERS[name]().export(programme, Selection())
        yield f"agenda.{exporter.extension}", agenda.encode("utf-8")
    report("index")
    yield "diagnostics.json", _diagnostics_json(diagnostics)
    yield (
        "index.html",
        render_index(programme, site_links(programme), diagnostics, base_url).encode("utf-8"),
    )


def _diagnostics_json(diagnostics: Sequence[Diagnostic]) -> bytes:
    document = {
        "diagnostics": [diagnostic.to_dict() for diagnostic in diagnostics],
        "summary": Summary.of(diagnostics).to_dict(),
    }
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
