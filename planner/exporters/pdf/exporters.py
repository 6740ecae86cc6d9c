"""Itineraries and agendas as PDF: the schedule model, planner's print HTML, WeasyPrint.

The classes are the itinerary and agenda exporters of every other format, drawing the
same :class:`~planner.exporters.itinerary.model.Schedule` with the HTML renderer's rows
inside printed pages (:mod:`planner.exporters.pdf.document`), and return PDF bytes.
"""

from __future__ import annotations

from typing import ClassVar

from planner.exporters.base import Selection
from planner.exporters.itinerary.as_html import HtmlRenderer
from planner.exporters.itinerary.build import ScheduleError
from planner.exporters.itinerary.exporters import AgendaExporter, ItineraryExporter, Renderer
from planner.exporters.itinerary.model import Schedule
from planner.exporters.itinerary.options import RenderOptions
from planner.exporters.pdf.document import PAPERS, page, schedule_part
from planner.exporters.pdf.render import Rendered, render_pdf
from planner.timeline import Programme

__all__ = ["PdfAgenda", "PdfItinerary", "check_paper", "schedule_pdf"]


def check_paper(paper: str) -> str:
    if paper not in PAPERS:
        raise ScheduleError(f"--paper {paper} is not one of: {', '.join(PAPERS)}")
    return paper


def schedule_pdf(
    programme: Programme, schedule: Schedule, renderer: HtmlRenderer, paper: str = "a4"
) -> Rendered:
    """One itinerary or agenda as a PDF."""
    header = schedule.header
    lang = renderer.lang
    title = lang.gettext("{label}: ").format(label=header.title) + header.subject
    parts = [schedule_part(renderer, schedule)]
    return render_pdf(page(title, lang.text(programme.name), paper, parts, lang))


class _Printed:
    """What both PDF exporters add: the paper, and the glyphs no font could draw."""

    name: ClassVar[str] = "pdf"
    extension: ClassVar[str] = "pdf"
    content_type: ClassVar[str] = "application/pdf"
    renderer_class: ClassVar[type[Renderer]] = HtmlRenderer

    def configure(self, options: RenderOptions) -> None:
        self.paper = check_paper(options.paper)
        self.missing_glyphs: set[str] = set()
        """Characters no installed font could draw, in every PDF made so far."""

    def _pdf(self, programme: Programme, schedule: Schedule) -> bytes:
        renderer = self.renderer_for(programme, schedule)  # type: ignore[attr-defined]
        assert isinstance(renderer, HtmlRenderer)
        rendered = schedule_pdf(programme, schedule, renderer, self.paper)
        self.missing_glyphs.update(rendered.missing)
        return rendered.data


class PdfItinerary(_Printed, ItineraryExporter):
    """A person's or group's itinerary, a day per page, with the page header naming them."""

    def itinerary_bytes(self, programme: Programme, who: str, selection: Selection) -> bytes:
        return self._pdf(programme, self.itinerary(programme, who, selection))


class PdfAgenda(_Printed, AgendaExporter):
    """An agenda (an event's, a venue's, some days'; or a venue's room grids)."""

    def export(self, programme: Programme, selection: Selection) -> bytes:
        return self._pdf(programme, self.agenda(programme, selection))
