"""Everything to publish, as (relative path, bytes): what the registry marks published.

The layout is the registry's: each published entry's ``site`` is a folder (an exporter
of files, such as every feed or every itinerary) or a file name (the agenda, the
diagnostics report). The index page links to each, by the entry's ``label``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import cast

from planner.changes.feed import ATOM_FILE, PAGE_FILE
from planner.changes.publishing import change_files
from planner.changes.state import State
from planner.changes.versions import revisions
from planner.diagnostics import Diagnostic
from planner.exporters import registry
from planner.exporters.base import Exporter, FolderExporter, ReportExporter, Selection
from planner.exporters.ics import Revision
from planner.publish.page import Links, render_index
from planner.publish.pages import day_path, event_path, programme_pages
from planner.publish.printed import PACK_FOLDER, PDF_FOLDER, PdfOutputs, pdf_files
from planner.timeline import Programme

__all__ = ["site_files", "site_links"]

Progress = Callable[[str], None]


_FOLDERS = ("people", "groups")
"""How an itinerary exporter's files are laid out: ``people/ID.ext``, ``groups/ID.ext``."""


def site_links(programme: Programme, *, changes: bool = False, pdf: bool = False) -> Links:
    """Where each part of the site lives, relative to its root (``changes``: with the
    change feed and page; ``pdf``: with the PDFs)."""
    feeds = _site("feed", "ics")
    itineraries: dict[str, dict[str, str]] = {
        some_id: {
            entry.label: f"{entry.site}/{folder}/{some_id}.{entry.extension}"
            for entry in _published("itinerary")
        }
        for folder, ids in zip(_FOLDERS, (programme.people, programme.groups), strict=True)
        for some_id in ids
    }
    if pdf:
        for folder, ids in zip(_FOLDERS, (programme.people, programme.groups), strict=True):
            for some_id in ids:
                itineraries[some_id]["PDF"] = f"{PDF_FOLDER}/{folder}/{some_id}.pdf"
    days = {occurrence.first_day for occurrence in programme.occurrences}
    return Links(
        programme_feed=f"{feeds}/programme.ics",
        event_feeds={key: f"{feeds}/events/{key}.ics" for key in programme.events},
        venue_feeds={key: f"{feeds}/venues/{key}.ics" for key in programme.venues},
        person_feeds={key: f"{feeds}/people/{key}.ics" for key in programme.people},
        group_feeds={key: f"{feeds}/groups/{key}.ics" for key in programme.groups},
        itineraries=itineraries,
        agenda={entry.label: str(entry.site) for entry in _published("agenda")},
        diagnostics=_site("report", "json"),
        schedules={
            key: {
                entry.label: f"{entry.site}/{key}/schedule.{entry.extension}"
                for entry in _published("schedule")
            }
            for key in programme.events
        },
        changes=PAGE_FILE if changes else None,
        changes_feed=ATOM_FILE if changes else None,
        day_pages={day: day_path(day) for day in sorted(days)},
        event_pages={key: event_path(key) for key in programme.events},
        packs={key: f"{PACK_FOLDER}/{key}.pdf" for key in programme.groups} if pdf else {},
    )


def _published(kind: registry.Kind) -> tuple[registry.Format, ...]:
    return tuple(entry for entry in registry.formats(kind) if entry.published)


def _site(kind: registry.Kind, name: str) -> str:
    site = registry.get(kind, name).site
    if site is None:
        raise LookupError(f"the site links to the {kind} format {name}, which is not published")
    return site


def site_files(
    programme: Programme,
    diagnostics: Sequence[Diagnostic],
    *,
    base_url: str | None = None,
    progress: Progress | None = None,
    state: State | None = None,
    pdf: PdfOutputs | None = None,
) -> Iterator[tuple[str, bytes]]:
    """Every file of the site, one at a time, so a writer never holds them all.

    With ``state`` (:func:`planner.changes.advance`), the feeds carry its SEQUENCE and
    LAST-MODIFIED, and the site its state file, ``changes.atom`` and ``changes.html``.
    With ``pdf`` (``planner build --pdf``), also every itinerary as PDF and every group's
    delegate pack, made by those exporters (which keep the glyphs no font could draw).
    """
    report = progress or (lambda _: None)
    versions = revisions(state) if state is not None else None
    for entry in registry.published():
        report(f"{entry.label} {entry.kind}")
        if entry.kind == "report":
            exporter = cast(ReportExporter, entry.exporter()())
            yield str(entry.site), exporter.export(diagnostics, [programme.files[0]])
        else:
            yield from _programme_files(entry, programme, versions)
    if state is not None:
        report("change feed")
        yield from change_files(state, base_url)
    links = site_links(programme, changes=state is not None, pdf=pdf is not None)
    report("day and event pages")
    yield from programme_pages(programme, {"event": links.event_feeds, "venue": links.venue_feeds})
    if pdf is not None:
        report("PDF itineraries and delegate packs")
        yield from pdf_files(programme, pdf)
    report("index")
    page = render_index(programme, links, diagnostics, base_url)
    yield "index.html", page.encode("utf-8")


def _programme_files(
    entry: registry.Format, programme: Programme, versions: Mapping[str, Revision] | None
) -> Iterator[tuple[str, bytes]]:
    """A folder exporter's files under its folder, else its one output under its name
    (exporters as they are by default: feeds stamped by SOURCE_DATE_EPOCH or the files;
    a feed exporter takes the sessions' versions)."""
    made = entry.exporter()
    exporter = cast(Exporter, made(revisions=versions) if entry.kind == "feed" else made())
    if hasattr(exporter, "files"):
        for path, data in cast(FolderExporter, exporter).files(programme, Selection()):
            yield f"{entry.site}/{path}", data
    else:
        yield str(entry.site), exporter.export(programme, Selection())
