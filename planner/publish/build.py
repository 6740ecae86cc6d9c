"""Everything to publish, as (relative path, bytes): what the registry marks published.

The layout is the registry's: each published entry's ``site`` is a folder (an exporter
of files, such as every feed or every itinerary) or a file name (the agenda, the
diagnostics report). The index page links to each, by the entry's ``label``. The index
and the day and event pages are written in each language of the site
(:mod:`planner.publish.site_languages`), each index linking to the others.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import replace
from typing import cast

from planner.changes.feed import ATOM_FILE, PAGE_FILE
from planner.changes.publishing import change_files
from planner.changes.state import State
from planner.changes.versions import revisions
from planner.diagnostics import Diagnostic
from planner.exporters import registry
from planner.exporters.base import Exporter, FolderExporter, ReportExporter, Selection
from planner.exporters.ics import Revision
from planner.languages.names import own_name
from planner.publish.page import Links, Translation, render_index
from planner.publish.pages import day_path, event_path, programme_pages
from planner.publish.printed import PACK_FOLDER, PDF_FOLDER, PdfOutputs, pdf_files
from planner.publish.site_languages import SiteLanguage, site_languages
from planner.timeline import Programme

__all__ = ["site_files", "site_links"]

Progress = Callable[[str], None]


_FOLDERS = ("people", "groups")
"""How an itinerary exporter's files are laid out: ``people/ID.ext``, ``groups/ID.ext``."""


def site_links(
    programme: Programme, *, changes: bool = False, pdf: bool = False, root: str = ""
) -> Links:
    """Where each part of the site lives, relative to its root (``changes``: with the
    change feed and page; ``pdf``: with the PDFs). ``root`` is the way to the site's top
    from the index that links (``../`` from a language's folder): the day and event
    pages are beside that index, everything else at the top."""
    links = _site_links(programme, changes=changes, pdf=pdf)
    return _moved(links, root) if root else links


def _moved(links: Links, root: str) -> Links:
    """``links`` as seen from the folder ``root`` leads out of."""

    def up(paths: Mapping[str, str]) -> dict[str, str]:
        return {key: root + path for key, path in paths.items()}

    return replace(
        links,
        programme_feed=root + links.programme_feed,
        event_feeds=up(links.event_feeds),
        venue_feeds=up(links.venue_feeds),
        person_feeds=up(links.person_feeds),
        group_feeds=up(links.group_feeds),
        itineraries={key: up(paths) for key, paths in links.itineraries.items()},
        agenda=up(links.agenda),
        diagnostics=root + links.diagnostics,
        schedules={key: up(paths) for key, paths in links.schedules.items()},
        changes=root + links.changes if links.changes else None,
        changes_feed=root + links.changes_feed if links.changes_feed else None,
        packs=up(links.packs),
    )


def _site_links(programme: Programme, *, changes: bool, pdf: bool) -> Links:
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
    lang: str | None = None,
) -> Iterator[tuple[str, bytes]]:
    """Every file of the site, one at a time, so a writer never holds them all.

    With ``state`` (:func:`planner.changes.advance`), the feeds carry its SEQUENCE and
    LAST-MODIFIED, and the site its state file, ``changes.atom`` and ``changes.html``.
    With ``pdf`` (``planner build --pdf``), also every itinerary as PDF and every group's
    delegate pack, made by those exporters (which keep the glyphs no font could draw).
    ``lang`` (``build --lang``) writes everything in that language; without it each
    person's and group's outputs are in theirs and the index is written in every language
    of the site (raises ``NoCatalog`` for a language planner has no catalog for).
    """
    report = progress or (lambda _: None)
    languages = site_languages(programme, lang)
    versions = revisions(state) if state is not None else None
    for entry in registry.published():
        report(f"{entry.label} {entry.kind}")
        if entry.kind == "report":
            exporter = cast(ReportExporter, entry.exporter()())
            yield str(entry.site), exporter.export(diagnostics, [programme.files[0]])
        else:
            yield from _programme_files(entry, programme, versions, lang)
    if state is not None:
        report("change feed")
        yield from change_files(state, base_url, languages[0].language)
    if pdf is not None:
        report("PDF itineraries and delegate packs")
        yield from pdf_files(programme, pdf)
    for site_language in languages:
        report(f"pages in {site_language.language.tag}")
        yield from _language_pages(
            programme, diagnostics, site_language, languages,
            changes=state is not None, pdf=pdf is not None, base_url=base_url,
        )  # fmt: skip


def _language_pages(
    programme: Programme,
    diagnostics: Sequence[Diagnostic],
    site_language: SiteLanguage,
    languages: Sequence[SiteLanguage],
    *,
    changes: bool,
    pdf: bool,
    base_url: str | None,
) -> Iterator[tuple[str, bytes]]:
    """One language's day and event pages and its index."""
    lang, folder = site_language.language, site_language.folder
    links = site_links(programme, changes=changes, pdf=pdf, root=site_language.root)
    top = site_links(programme)
    feeds = {"event": top.event_feeds, "venue": top.venue_feeds}
    for path, data in programme_pages(programme, feeds, lang, site_language.root):
        yield folder + path, data
    translations = [
        Translation(
            other.language.tag,
            own_name(other.language.tag),
            _index_path(from_folder=folder, to_folder=other.folder),
        )
        for other in languages
    ] if len(languages) > 1 else []  # fmt: skip
    page_url = base_url.rstrip("/") + "/" + folder if base_url else None
    page = render_index(
        programme, links, diagnostics, page_url, lang=lang, translations=translations
    )
    yield folder + "index.html", page.encode("utf-8")


def _index_path(*, from_folder: str, to_folder: str) -> str:
    """The index of ``to_folder`` as linked from the one of ``from_folder``."""
    if from_folder == to_folder:
        return "index.html"
    return ("../" if from_folder else "") + to_folder + "index.html"


def _programme_files(
    entry: registry.Format,
    programme: Programme,
    versions: Mapping[str, Revision] | None,
    lang: str | None,
) -> Iterator[tuple[str, bytes]]:
    """A folder exporter's files under its folder, else its one output under its name
    (exporters as they are by default, in ``lang`` when given: feeds stamped by
    SOURCE_DATE_EPOCH or the files; a feed exporter takes the sessions' versions)."""
    exporter = _exporter(entry, versions, lang)
    if hasattr(exporter, "files"):
        for path, data in cast(FolderExporter, exporter).files(programme, Selection()):
            yield f"{entry.site}/{path}", data
    else:
        yield str(entry.site), exporter.export(programme, Selection())


def _exporter(
    entry: registry.Format, versions: Mapping[str, Revision] | None, lang: str | None
) -> Exporter:
    made = entry.exporter()
    if entry.kind == "feed":
        return cast(Exporter, made(revisions=versions, lang=lang))
    if lang is not None and entry.kind in ("itinerary", "agenda"):
        from planner.exporters.itinerary.exporters import AgendaExporter, ItineraryExporter
        from planner.exporters.itinerary.options import RenderOptions

        base = ItineraryExporter if entry.kind == "itinerary" else AgendaExporter
        return cast(Exporter, entry.build(base, options=RenderOptions(language=lang)))
    return cast(Exporter, made())
