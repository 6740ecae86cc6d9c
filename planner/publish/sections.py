"""The index page's tables, in the page's language: the whole programme, events, days,
people, groups and venues, each with its feeds and itineraries.

planner's words come from the language's catalog, dates from CLDR (``10-14 oct 2016``),
the programme's texts in that language where the programme gives them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from html import escape
from typing import TYPE_CHECKING
from urllib.parse import quote, urljoin, urlsplit

from planner.diagnostics import Diagnostic, Summary
from planner.languages import Language
from planner.timeline import Event, Programme

if TYPE_CHECKING:
    from planner.publish.page import Links

__all__ = ["CSS", "ICS", "FeedLink", "Sections", "checked_sentence", "section_titles"]

CSS = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:64rem;
padding:0 1rem;color:#1d2433}
h1{font-size:1.6rem;margin:0 0 .3rem}
h2{font-size:1.2rem;margin-top:2.2rem;padding-bottom:.2rem;border-bottom:1px solid #dde}
h2 small{font-weight:400;color:#667;font-size:.8em}
nav{display:flex;flex-wrap:wrap;gap:.2rem 1.2rem;margin:.6rem 0}
nav.languages{justify-content:flex-end;gap:.2rem .6rem;margin:0 0 .6rem}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%}
th,td{text-align:start;vertical-align:top;padding:.35rem .6rem;border-bottom:1px solid #e6e8f0}
th{font-weight:600;background:#f5f6fa}tbody tr:nth-child(even){background:#fafbfd}
.num{text-align:end}.nowrap{white-space:nowrap}
a{color:#1a56db}.muted{color:#667}.ok{color:#18794e}.bad{color:#b42318}.warn{color:#9a6700}
.tentative{color:#9a6700}.cancelled{color:#b42318;text-decoration:line-through}
.find{margin:1rem 0}.find input{font:inherit;padding:.3rem .5rem;min-width:16rem;max-width:100%}
"""


def section_titles(lang: Language) -> tuple[tuple[str, str], ...]:
    """The page's sections, by anchor, in its language."""
    return (
        ("events", lang.gettext("Events")),
        ("days", lang.gettext("Days")),
        ("people", lang.gettext("People")),
        ("groups", lang.gettext("Delegations and groups")),
        ("venues", lang.gettext("Venues")),
    )


def checked_sentence(diagnostics: Sequence[Diagnostic], lang: Language) -> tuple[str, str]:
    """``Checked: 0 errors, 2 warnings, 1 info`` and its colour (``bad``, ``warn``, ``ok``)."""
    summary = Summary.of(diagnostics)
    counts = [
        lang.ngettext("{count} error", "{count} errors", summary.errors),
        lang.ngettext("{count} warning", "{count} warnings", summary.warnings),
        lang.ngettext("{count} info", "{count} info", summary.infos),
    ]
    numbers = (summary.errors, summary.warnings, summary.infos)
    found = [text.format(count=count) for text, count in zip(counts, numbers, strict=True)]
    sentence = lang.gettext("Checked: {summary}").format(
        summary=lang.pgettext("separator", ", ").join(found)
    )
    css = "bad" if summary.errors else "warn" if summary.warnings else "ok"
    return sentence, css


ICS = '<span dir="ltr">(.ics)</span>'
"""The file type after a link's words, kept as it is written in a right-to-left line (where
the bidirectional algorithm would otherwise show ``(ics.)``)."""


class FeedLink:
    """A subscribe link (webcal://) when the page's address is known, else a download link."""

    def __init__(self, base_url: str | None, lang: Language) -> None:
        self.base_url = base_url.rstrip("/") + "/" if base_url else None
        self.lang = lang

    def __call__(self, path: str, whole: bool = False) -> str:
        """A feed's link; ``whole``: the whole programme's."""
        lang = self.lang
        href = quote(path)
        if self.base_url is None:
            label = lang.gettext("the whole programme") if whole else lang.gettext("calendar")
            return f'<a href="{escape(href)}" download>{escape(label)} {ICS}</a>'
        label = (
            lang.gettext("subscribe to the whole programme")
            if whole
            else lang.gettext("subscribe to calendar")
        )
        parts = urlsplit(urljoin(self.base_url, href))
        webcal = f"webcal://{parts.netloc}{parts.path}"
        return (
            f'<a href="{escape(webcal)}">{escape(label)}</a> '
            f'<span class="muted" dir="ltr">(<a href="{escape(href)}">.ics</a>)</span>'
        )


def _kind(kind: str, lang: Language) -> str:
    kinds = {
        "summit": lang.pgettext("event kind", "summit"),
        "conference": lang.pgettext("event kind", "conference"),
        "forum": lang.pgettext("event kind", "forum"),
        "study_tour": lang.pgettext("event kind", "study tour"),
        "executive_meeting": lang.pgettext("event kind", "executive meeting"),
        "training": lang.pgettext("event kind", "training"),
        "workshop": lang.pgettext("event kind", "workshop"),
        "roadshow": lang.pgettext("event kind", "roadshow"),
        "debate": lang.pgettext("event kind", "debate"),
        "meeting": lang.pgettext("event kind", "meeting"),
        "other": lang.pgettext("event kind", "other"),
    }
    return kinds.get(kind, kind.replace("_", " "))


def status_word(status: str, lang: Language) -> str:
    """``confirmed``, ``tentative``, ``cancelled`` in ``lang``."""
    words = {
        "confirmed": lang.pgettext("status", "confirmed"),
        "tentative": lang.pgettext("status", "tentative"),
        "cancelled": lang.pgettext("status", "cancelled"),
    }
    return words.get(status, status)


def _format_label(label: str, lang: Language) -> str:
    """The registry's label of a format (``printable page``) in ``lang``; names of file
    formats (``Markdown``, ``iCalendar``) are the same in every language."""
    return lang.gettext("printable page") if label == "printable page" else label


class Sections:
    """The tables of one index page."""

    def __init__(self, programme: Programme, links: Links, feed: FeedLink, lang: Language):
        self.programme = programme
        self.links = links
        self.feed = feed
        self.lang = lang
        self.titles = dict(section_titles(lang))

    def section(self, key: str, head: Sequence[tuple[str, bool]], rows: Sequence[str]) -> str:
        """A heading with its count and a table that scrolls sideways on a narrow screen;
        ``head``: (column name, numeric)."""
        cells = "".join(
            f'<th class="num">{escape(name)}</th>' if numeric else f"<th>{escape(name)}</th>"
            for name, numeric in head
        )
        return (
            f'<h2 id="{key}">{escape(self.titles[key])} <small>({len(rows)})</small></h2>'
            f'<div class="scroll"><table id="{key}-table"><thead><tr>{cells}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></div>"
        )

    def whole_programme(self) -> str:
        lang, links = self.lang, self.links
        agenda = ", ".join(
            f'<a href="{escape(quote(path))}">{escape(_format_label(label, lang))}</a>'
            for label, path in links.agenda.items()
        )
        label = escape(lang.gettext("{label}: ").format(label=lang.gettext("Agenda")))
        heading = escape(lang.gettext("The whole programme"))
        return (
            f"<h2>{heading}</h2><ul>"
            f"<li>{self.feed(links.programme_feed, whole=True)}</li>"
            f"<li>{label}{agenda}</li>{self.changes()}</ul>"
        )

    def changes(self) -> str:
        links, lang = self.links, self.lang
        if links.changes is None or links.changes_feed is None:
            return ""
        label = escape(lang.gettext("{label}: ").format(label=lang.gettext("Changes")))
        versions = escape(lang.gettext("version by version"))
        atom = escape(lang.gettext("Atom feed"))
        return (
            f'<li>{label}<a href="{escape(quote(links.changes))}">{versions}</a> '
            f'(<a href="{escape(quote(links.changes_feed))}">{atom}</a>)</li>'
        )

    def events(self) -> str:
        """Events in the order they happen (undated ones last)."""
        lang, links = self.lang, self.links
        rows = []
        for event in sorted(self.programme.events.values(), key=_event_order):
            status = escape(event.status)
            first, last = _event_days(event)
            span = lang.formats.day_span(first, last) if first and last else ""
            schedules = links.schedules.get(event.id, {})
            rows.append(
                "<tr>"
                f"<td>{_linked(lang.text(event.title), links.event_pages.get(event.id))}</td>"
                f"<td>{escape(_kind(event.kind, lang))}</td>"
                f'<td class="nowrap">{escape(span)}</td>'
                f'<td class="num">{len(event.sessions)}</td>'
                f'<td class="{status}">{escape(status_word(event.status, lang))}</td>'
                f'<td class="nowrap">{self.feed(links.event_feeds[event.id])}</td>'
                f'<td class="nowrap">{_paths(schedules, lang)}</td></tr>'
            )
        head = (
            (lang.gettext("Event"), False),
            (lang.gettext("Kind"), False),
            (lang.gettext("Dates"), False),
            (lang.gettext("Sessions"), True),
            (lang.gettext("Status"), False),
            (lang.gettext("Feed"), False),
            (lang.gettext("For conference apps"), False),
        )
        return self.section("events", head, rows)

    def days(self) -> str:
        """Each day with sessions: how many, and of which events."""
        lang, programme = self.lang, self.programme
        sessions: dict[date, int] = {}
        events: dict[date, dict[str, None]] = {}
        for occurrence in programme.occurrences:
            day = occurrence.first_day
            sessions[day] = sessions.get(day, 0) + 1
            events.setdefault(day, {})[occurrence.session.event_id] = None
        separator = lang.pgettext("separator", "; ")
        rows = [
            f'<tr><td class="nowrap">'
            f"{_linked(lang.formats.dated(day), self.links.day_pages.get(day))}</td>"
            f'<td class="num">{sessions[day]}</td>'
            f"<td>{escape(separator.join(self.titles_of(events[day])))}</td></tr>"
            for day in sorted(sessions)
        ]
        head = ((lang.gettext("Day"), False), (lang.gettext("Sessions"), True),
                (lang.gettext("Events"), False))  # fmt: skip
        return self.section("days", head, rows)

    def titles_of(self, event_ids: Iterable[str]) -> list[str]:
        events = self.programme.events
        return [self.lang.text(events[e].title) for e in event_ids if e in events]

    def people(self) -> str:
        lang, programme = self.lang, self.programme
        rows = []
        for person in sorted(programme.people.values(), key=lambda p: p.name):
            organisation = programme.organisations.get(person.organisation_id or "")
            rows.append(
                f"<tr><td>{escape(person.name)}</td>"
                f"<td>{escape(lang.text(organisation.label) if organisation else '')}</td>"
                f'<td class="nowrap">{self.itineraries(person.id)}</td>'
                f'<td class="nowrap">{self.feed(self.links.person_feeds[person.id])}</td></tr>'
            )
        head = (
            (lang.gettext("Person"), False),
            (lang.gettext("Organisation"), False),
            (lang.gettext("Itinerary"), False),
            (lang.gettext("Feed"), False),
        )
        return self.section("people", head, rows)

    def groups(self) -> str:
        lang, links = self.lang, self.links
        rows = [
            f"<tr><td>{escape(lang.text(group.name))}</td>"
            f'<td class="num">{len(group.people)}</td>'
            f'<td class="nowrap">{self.itineraries(group.id)}{self.pack(group.id)}</td>'
            f'<td class="nowrap">{self.feed(links.group_feeds[group.id])}</td></tr>'
            for group in self.programme.groups.values()
        ]
        head = (
            (lang.gettext("Group"), False),
            (lang.gettext("Members"), True),
            (lang.gettext("Itinerary"), False),
            (lang.gettext("Feed"), False),
        )
        return self.section("groups", head, rows)

    def venues(self) -> str:
        lang = self.lang
        online = lang.pgettext("location", "Online")
        rows = [
            f"<tr><td>{escape(lang.text(venue.name))}</td>"
            f"<td>{escape(lang.text(venue.city) if venue.city else online if venue.online else '')}"
            f"</td><td>{escape(lang.zone_name(venue.timezone))}</td>"
            f'<td class="nowrap">{self.feed(self.links.venue_feeds[venue.id])}</td></tr>'
            for venue in self.programme.venues.values()
        ]
        head = (
            (lang.gettext("Venue"), False),
            (lang.gettext("City"), False),
            (lang.gettext("Time zone"), False),
            (lang.gettext("Feed"), False),
        )
        return self.section("venues", head, rows)

    def pack(self, group_id: str) -> str:
        path = self.links.packs.get(group_id)
        if not path:
            return ""
        label = escape(self.lang.gettext("delegate pack (PDF)"))
        return f' · <a href="{escape(quote(path))}">{label}</a>'

    def itineraries(self, some_id: str) -> str:
        return _paths(self.links.itineraries.get(some_id, {}), self.lang, " · ")


def _paths(paths: Mapping[str, str], lang: Language, separator: str = " ") -> str:
    return separator.join(
        f'<a href="{escape(quote(path))}">{escape(_format_label(label, lang))}</a>'
        for label, path in paths.items()
    )


def _linked(text: str, path: str | None) -> str:
    """``text`` as a link to ``path`` (relative to the page), or plain when there is none."""
    if path is None:
        return escape(text)
    return f'<a href="{escape(quote(path))}">{escape(text)}</a>'


def _event_days(event: Event) -> tuple[date | None, date | None]:
    """The event's own dates, else those of its sessions."""
    if event.first_day is not None and event.last_day is not None:
        return event.first_day, event.last_day
    days = [o.first_day for s in event.sessions for o in s.occurrences]
    return (min(days), max(days)) if days else (None, None)


def _event_order(event: Event) -> tuple[bool, date, str]:
    first, _ = _event_days(event)
    return (first is None, first or date.min, event.title)
