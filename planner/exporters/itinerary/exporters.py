"""Itinerary and agenda exporters, one class per format, in the shape of ``exporters.base``.

Each class is declared by the renderer it uses; ``name``, ``extension`` and
``content_type`` come from that renderer. An exporter keeps its builder and renderer
between calls, so exporting every person of a programme shares the work on each session.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any, ClassVar, Protocol

from planner.exporters.base import Selection
from planner.exporters.itinerary.as_csv import CsvRenderer
from planner.exporters.itinerary.as_html import HtmlRenderer
from planner.exporters.itinerary.as_json import JsonRenderer
from planner.exporters.itinerary.as_markdown import MarkdownRenderer
from planner.exporters.itinerary.as_table import TableRenderer
from planner.exporters.itinerary.build import ScheduleBuilder, ScheduleError, check_time_choice
from planner.exporters.itinerary.model import Agenda, Schedule, Window
from planner.exporters.itinerary.options import RenderOptions
from planner.languages import Language, language, reader_language
from planner.timeline import Programme

__all__ = [
    "AgendaExporter",
    "ItineraryExporter",
    "Renderer",
]


class Renderer(Protocol):
    """Turns a schedule into the text of one format."""

    name: ClassVar[str]
    extension: ClassVar[str]
    content_type: ClassVar[str]

    def __init__(self, options: RenderOptions | None = None) -> None: ...

    def render(self, schedule: Schedule) -> str: ...


class _ScheduleExporter:
    name: ClassVar[str]
    extension: ClassVar[str]
    content_type: ClassVar[str]
    renderer_class: ClassVar[type[Renderer]]

    def __init_subclass__(cls, renderer: type[Renderer] | None = None, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if renderer is not None:
            cls.renderer_class = renderer
            cls.name = renderer.name
            cls.extension = renderer.extension
            cls.content_type = renderer.content_type

    def __init__(self, *, tz: str = "local", options: RenderOptions | None = None) -> None:
        self.tz = check_time_choice(tz)
        self.options = options or RenderOptions()
        self.fixed = language(self.options.language) if self.options.language else None
        """The language of every schedule (``--lang``); None: each reader's. Raises
        ``NoCatalog`` for a language planner lacks."""
        self._programme: Programme | None = None
        self._tools: dict[Language, tuple[ScheduleBuilder, Renderer]] = {}
        self.configure(self.options)

    def configure(self, options: RenderOptions) -> None:
        """Read what a format adds to the options (the PDF's paper, XLSX's sheet per day)."""

    def builder(self, programme: Programme) -> ScheduleBuilder:
        """The builder of ``programme`` in its language (or the fixed one): for agendas."""
        return self.tools(programme, self.reader(programme))[0]

    def renderer_for(self, programme: Programme, schedule: Schedule) -> Renderer:
        """The renderer of ``schedule``'s language."""
        return self.tools(programme, language(schedule.language))[1]

    def reader(self, programme: Programme, tag: str | None = None) -> Language:
        """The language for a reader who asked for ``tag``: the fixed one, else theirs, else
        the programme's (see :func:`~planner.languages.reader_language`)."""
        return self.fixed or reader_language(tag, programme.language)

    def tools(self, programme: Programme, lang: Language) -> tuple[ScheduleBuilder, Renderer]:
        """The builder and renderer of ``programme`` in ``lang``, kept while the same
        programme is exported (they share rows and drawn cells between schedules)."""
        if self._programme is not programme:
            self._programme, self._tools = programme, {}
        found = self._tools.get(lang)
        if found is None:
            options = replace(self.options, language=lang.tag)
            found = ScheduleBuilder(programme, lang), self.renderer_class(options)
            self._tools[lang] = found
        return found


class ItineraryExporter(_ScheduleExporter):
    """The itinerary of the selection's person or group (its event and days, if given)."""

    def export(self, programme: Programme, selection: Selection) -> bytes:
        return self.itinerary_bytes(programme, _chosen(selection), selection)

    def render(self, programme: Programme, selection: Selection) -> str:
        """:meth:`export` as text."""
        return self._render(programme, _chosen(selection), selection)

    def files(self, programme: Programme, selection: Selection) -> Iterator[tuple[str, bytes]]:
        """``(people/ID.ext, bytes)`` for every person, then ``(groups/ID.ext, bytes)`` per
        group; the selection's event and days apply to each."""
        for folder, ids in (("people", programme.people), ("groups", programme.groups)):
            for who in ids:
                data = self.itinerary_bytes(programme, who, selection)
                yield f"{folder}/{who}.{self.extension}", data

    def itinerary_bytes(self, programme: Programme, who: str, selection: Selection) -> bytes:
        """``who``'s itinerary as this format's bytes: the one thing a binary format
        (PDF, XLSX) overrides; text formats encode their rendering."""
        return self._render(programme, who, selection).encode("utf-8")

    def language_of(self, programme: Programme, who: str) -> Language:
        """The language ``who``'s itinerary is written in."""
        reader = programme.people.get(who) or programme.groups.get(who)
        return self.reader(programme, reader.language if reader is not None else None)

    def itinerary(self, programme: Programme, who: str, selection: Selection) -> Schedule:
        """The itinerary of ``who``, in their language."""
        builder, _ = self.tools(programme, self.language_of(programme, who))
        window = Window(selection.first_day, selection.last_day)
        return builder.itinerary(who, window, self.tz, event=selection.event)

    def _render(self, programme: Programme, who: str, selection: Selection) -> str:
        _, renderer = self.tools(programme, self.language_of(programme, who))
        return renderer.render(self.itinerary(programme, who, selection))


def _chosen(selection: Selection) -> str:
    if selection.who is None:
        raise ScheduleError("an itinerary is a person's or a group's: select one")
    return selection.who


class AgendaExporter(_ScheduleExporter):
    """The sessions of the selection's event, venue and days; ``by_room``: a venue's grid."""

    def __init__(
        self, *, tz: str = "local", options: RenderOptions | None = None, by_room: bool = False
    ) -> None:
        super().__init__(tz=tz, options=options)
        self.by_room = by_room

    def export(self, programme: Programme, selection: Selection) -> bytes:
        return self.render(programme, selection).encode("utf-8")

    def render(self, programme: Programme, selection: Selection) -> str:
        """:meth:`export` as text."""
        return self.tools(programme, self.reader(programme))[1].render(
            self.agenda(programme, selection)
        )

    def agenda(self, programme: Programme, selection: Selection) -> Agenda:
        """The agenda of ``selection`` (its event, venue, rooms and days), in the reader's
        language; as room grids when the exporter is ``by_room``."""
        return self.builder(programme).agenda(
            event=selection.event,
            venue=selection.venue,
            window=Window(selection.first_day, selection.last_day),
            tz=self.tz,
            by_room=self.by_room,
            rooms=selection.rooms,
        )


class TableItinerary(ItineraryExporter, renderer=TableRenderer):
    """An itinerary as text tables (any tabulate format)."""


class MarkdownItinerary(ItineraryExporter, renderer=MarkdownRenderer):
    """An itinerary as Markdown."""


class CsvItinerary(ItineraryExporter, renderer=CsvRenderer):
    """An itinerary as CSV rows."""


class JsonItinerary(ItineraryExporter, renderer=JsonRenderer):
    """An itinerary as a JSON list of items."""


class HtmlItinerary(ItineraryExporter, renderer=HtmlRenderer):
    """An itinerary as a printable HTML page."""


class TableAgenda(AgendaExporter, renderer=TableRenderer):
    """An agenda as text tables (any tabulate format)."""


class MarkdownAgenda(AgendaExporter, renderer=MarkdownRenderer):
    """An agenda as Markdown."""


class CsvAgenda(AgendaExporter, renderer=CsvRenderer):
    """An agenda as CSV rows."""


class JsonAgenda(AgendaExporter, renderer=JsonRenderer):
    """An agenda as a JSON list of items."""


class HtmlAgenda(AgendaExporter, renderer=HtmlRenderer):
    """An agenda as a printable HTML page."""
