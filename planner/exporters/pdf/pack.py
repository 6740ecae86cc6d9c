"""A delegate pack: the booklet a delegation gets on arrival, as one PDF.

A cover (the programme, the delegation, its members and dates; with a site address, a QR
code subscribing the delegation's calendar feed), the shared programme by day, each
member's itinerary (with a QR code for that member's feed), the venues with their
addresses and how to get there, and the contacts the file names. For a person: the
cover, their itinerary, venues and contacts.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import ClassVar

from planner.exporters.base import Selection
from planner.exporters.itinerary.as_html import HtmlRenderer, escape
from planner.exporters.itinerary.build import (
    NotFound,
    ScheduleBuilder,
    ScheduleError,
    check_time_choice,
)
from planner.exporters.itinerary.model import Itinerary, Window
from planner.exporters.itinerary.options import RenderOptions
from planner.exporters.itinerary.timefmt import EN_DASH, day_heading
from planner.exporters.pdf.contacts import contacts_part, venues_part
from planner.exporters.pdf.document import page, schedule_part
from planner.exporters.pdf.exporters import check_paper
from planner.exporters.pdf.qr import qr_figure
from planner.exporters.pdf.render import render_pdf
from planner.exporters.pdf.words import WORDS
from planner.timeline import Programme

__all__ = ["PackPdf", "feed_path"]


def feed_path(programme: Programme, who: str) -> str:
    """Where ``planner build`` publishes the calendar feed of a person or group."""
    folder = "groups" if who in programme.groups else "people"
    return f"ics/{folder}/{who}.ics"


class PackPdf:
    """The pack of the selection's group (or person) as PDF bytes."""

    name: ClassVar[str] = "pdf"
    extension: ClassVar[str] = "pdf"
    content_type: ClassVar[str] = "application/pdf"

    def __init__(
        self,
        *,
        tz: str = "local",
        options: RenderOptions | None = None,
        base_url: str | None = None,
    ) -> None:
        self.tz = check_time_choice(tz)
        self.paper = check_paper((options or RenderOptions()).paper)
        self.base_url = base_url
        self.renderer = HtmlRenderer(options)
        self.missing_glyphs: set[str] = set()
        self._builder: ScheduleBuilder | None = None

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
        if self._builder is None or self._builder.programme is not programme:
            self._builder = ScheduleBuilder(programme, self.renderer.lang)
        builder = self._builder
        if who not in programme.groups and who not in programme.people:
            raise NotFound("person or group", who, [*programme.groups, *programme.people])
        window = Window(selection.first_day, selection.last_day)
        main = builder.itinerary(who, window, self.tz, event=selection.event)
        group = programme.groups.get(who)
        members = group.people if group is not None else ()
        parts = [self._cover(programme, main, members)]
        if group is not None:
            parts.append(schedule_part(self.renderer, main))
        for member in members or (who,):
            itinerary = builder.itinerary(member, window, self.tz, event=selection.event)
            parts.append(schedule_part(self.renderer, itinerary, self._qr(programme, member)))
        rows = main.rows
        parts.append(venues_part(programme, rows))
        parts.append(contacts_part(programme, rows, members or (who,)))
        title = f"{WORDS['pack']}: {main.header.subject}"
        return page(title, programme.name, self.paper, parts, lang=self.renderer.lang.tag)

    def _qr(self, programme: Programme, who: str) -> str:
        if self.base_url is None:
            return ""
        caption = WORDS["scan_group"] if who in programme.groups else WORDS["scan_person"]
        return qr_figure(self.base_url, feed_path(programme, who), caption)

    def _cover(self, programme: Programme, main: Itinerary, members: tuple[str, ...]) -> str:
        names = "".join(f"<li>{escape(programme.people[m].name)}</li>" for m in members)
        listing = f"<h3>{escape(WORDS['members'])}</h3><ol>{names}</ol>" if members else ""
        days = main.days
        span = ""
        if days:
            first, last = days[0].day, days[-1].day
            span = f'<p class="dates">{escape(_span(first, last))}</p>'
        return (
            '<section class="part cover">'
            f'<p class="programme">{escape(programme.name)}</p>'
            f'<p class="what">{escape(WORDS["pack"])}</p>'
            f'<h1><span class="subject">{escape(main.header.subject)}</span></h1>'
            f"{span}{listing}{self._qr(programme, main.who)}</section>"
        )


def _span(first: date, last: date) -> str:
    if first == last:
        return day_heading(first)
    return f"{day_heading(first)} {EN_DASH} {day_heading(last)}"
