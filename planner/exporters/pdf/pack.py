"""A delegate pack: the booklet a delegation gets on arrival, as one PDF.

A cover (the programme, the delegation, its members and dates; with a site address, a QR
code subscribing the delegation's calendar feed), the shared programme by day, each
member's itinerary (with a QR code for that member's feed), the venues with their
addresses and how to get there, and the contacts the file names. For a person: the
cover, their itinerary, venues and contacts.

A pack is in its reader's language: the group's (or person's) ``language``, else the
programme's; ``--lang`` overrides. The members' itineraries in a group's pack are in the
group's language, so the booklet reads as one.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import ClassVar

from planner.exporters.base import Selection
from planner.exporters.itinerary.as_html import HtmlRenderer, escape
from planner.exporters.itinerary.build import NotFound, ScheduleError
from planner.exporters.itinerary.exporters import ItineraryExporter, Renderer
from planner.exporters.itinerary.model import Itinerary, Window
from planner.exporters.itinerary.options import RenderOptions
from planner.exporters.itinerary.timefmt import EN_DASH, day_heading
from planner.exporters.pdf.contacts import contacts_part, venues_part
from planner.exporters.pdf.document import page, schedule_part
from planner.exporters.pdf.exporters import check_paper
from planner.exporters.pdf.qr import qr_figure
from planner.exporters.pdf.render import render_pdf
from planner.exporters.pdf.words import print_words
from planner.languages import Language
from planner.timeline import Programme

__all__ = ["PackPdf", "feed_path"]


def feed_path(programme: Programme, who: str) -> str:
    """Where ``planner build`` publishes the calendar feed of a person or group."""
    folder = "groups" if who in programme.groups else "people"
    return f"ics/{folder}/{who}.ics"


class PackPdf(ItineraryExporter):
    """The pack of the selection's group (or person) as PDF bytes."""

    name: ClassVar[str] = "pdf"
    extension: ClassVar[str] = "pdf"
    content_type: ClassVar[str] = "application/pdf"
    renderer_class: ClassVar[type[Renderer]] = HtmlRenderer

    def __init__(
        self,
        *,
        tz: str = "local",
        options: RenderOptions | None = None,
        base_url: str | None = None,
    ) -> None:
        super().__init__(tz=tz, options=options)
        self.paper = check_paper(self.options.paper)
        self.base_url = base_url
        self.missing_glyphs: set[str] = set()

    def export(self, programme: Programme, selection: Selection) -> bytes:
        who = selection.who
        if who is None:
            raise ScheduleError("a pack is a group's or a person's: select one")
        rendered = render_pdf(self.html(programme, who, selection))
        self.missing_glyphs.update(rendered.missing)
        return rendered.data

    def files(self, programme: Programme, selection: Selection) -> Iterator[tuple[str, bytes]]:
        """``(ID.pdf, bytes)``: the pack of every group."""
        for group in programme.groups:
            yield f"{group}.pdf", self.export(programme, Selection(group=group))

    def html(self, programme: Programme, who: str, selection: Selection) -> str:
        """The pack as planner's print HTML (what :meth:`export` renders)."""
        if who not in programme.groups and who not in programme.people:
            raise NotFound("person or group", who, [*programme.groups, *programme.people])
        lang = self.language_of(programme, who)
        builder, renderer = self.tools(programme, lang)
        assert isinstance(renderer, HtmlRenderer)
        window = Window(selection.first_day, selection.last_day)
        main = builder.itinerary(who, window, self.tz, event=selection.event)
        group = programme.groups.get(who)
        members = group.people if group is not None else ()
        parts = [self._cover(programme, main, members, lang)]
        if group is not None:
            parts.append(schedule_part(renderer, main))
        for member in members or (who,):
            itinerary = builder.itinerary(member, window, self.tz, event=selection.event)
            parts.append(schedule_part(renderer, itinerary, self._qr(programme, member, lang)))
        rows = main.rows
        parts.append(venues_part(programme, rows, lang))
        parts.append(contacts_part(programme, rows, members or (who,), lang))
        words = print_words(lang)
        title = lang.gettext("{label}: ").format(label=words.pack) + main.header.subject
        return page(title, lang.text(programme.name), self.paper, parts, lang)

    def _qr(self, programme: Programme, who: str, lang: Language) -> str:
        if self.base_url is None:
            return ""
        words = print_words(lang)
        caption = words.scan_group if who in programme.groups else words.scan_person
        return qr_figure(self.base_url, feed_path(programme, who), caption, words.qr_code)

    def _cover(
        self, programme: Programme, main: Itinerary, members: tuple[str, ...], lang: Language
    ) -> str:
        words = print_words(lang)
        names = "".join(f"<li>{escape(lang.text(programme.people[m].name))}</li>" for m in members)
        listing = f"<h3>{escape(words.members)}</h3><ol>{names}</ol>" if members else ""
        days = main.days
        span = ""
        if days:
            first, last = days[0].day, days[-1].day
            span = f'<p class="dates">{escape(_span(first, last, lang))}</p>'
        return (
            '<section class="part cover">'
            f'<p class="programme">{escape(lang.text(programme.name))}</p>'
            f'<p class="what">{escape(words.pack)}</p>'
            f'<h1><span class="subject">{escape(main.header.subject)}</span></h1>'
            f"{span}{listing}{self._qr(programme, main.who, lang)}</section>"
        )


def _span(first: date, last: date, lang: Language) -> str:
    if first == last:
        return day_heading(first, lang)
    return f"{day_heading(first, lang)} {EN_DASH} {day_heading(last, lang)}"
