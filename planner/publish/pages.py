"""The programme itself on the site: a page per day and a page per event.

Sessions in time order with their local time and zone, the room, who is in it, and the
calendar feeds to subscribe to. Standalone HTML like the index (no external assets,
every text escaped); each page links back to the index and to the days beside it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from html import escape
from urllib.parse import quote

from planner.exporters.itinerary.timefmt import all_day_text, day_heading, short_date, span_lines
from planner.languages import ENGLISH, Language
from planner.publish.sections import ICS
from planner.timeline import Event, Occurrence, Programme

__all__ = ["day_path", "event_path", "programme_pages"]


def _words(lang: Language) -> dict[str, str]:
    """planner's own words on these pages, in ``lang``."""
    return {
        "programme": lang.gettext("Programme"),
        "previous": lang.gettext("Previous day"),
        "next": lang.gettext("Next day"),
        "time": lang.gettext("Time (local)"),
        "session": lang.gettext("Session"),
        "where": lang.gettext("Where"),
        "who": lang.gettext("Who"),
        "calendar": lang.gettext("Calendar"),
        "event_feed": lang.gettext("event feed"),
        "venue_feed": lang.gettext("venue feed"),
        "online": lang.pgettext("location", "Online"),
        "chair": lang.gettext("Chair"),
        "speakers": lang.gettext("Speakers"),
        "with": lang.gettext("With"),
        "dates": lang.gettext("Dates"),
        "organisers": lang.gettext("Organisers"),
        "subscribe": lang.gettext("Subscribe to this event's calendar"),
        "nothing": lang.gettext("No sessions."),
        "sessions_on": lang.gettext("Sessions on {day}"),
        "colon": lang.gettext("{label}: "),
        "separator": lang.pgettext("separator", ", "),
        "cancelled": lang.pgettext("badge", "cancelled"),
        "tentative": lang.pgettext("badge", "tentative"),
    }


_MAX_NAMES = 8
CSS = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:64rem;
padding:0 1rem;color:#1d2433}
h1{font-size:1.6rem;margin:0 0 .3rem}h2{font-size:1.2rem;margin-top:2rem}
nav{display:flex;flex-wrap:wrap;gap:.2rem 1.2rem;margin:.6rem 0 1.2rem}
.scroll{overflow-x:auto}table{border-collapse:collapse;width:100%}
th,td{text-align:start;vertical-align:top;padding:.4rem .6rem;border-bottom:1px solid #e6e8f0}
th{font-weight:600;background:#f5f6fa}
a{color:#1a56db}.muted{color:#5b6478}td.when,td.calendar{white-space:nowrap}
[dir="rtl"] td.when .clock{direction:ltr;unicode-bidi:isolate}
.tentative{color:#8a5a00}.cancelled{color:#b42318}
.cancelled-title{text-decoration:line-through}
caption{text-align:start;padding:.2rem 0}
@media (max-width:40rem){body{margin:1rem auto}
table,tbody,tr,td{display:block}thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}
tr{border-bottom:2px solid #dde;padding:.4rem 0}td{border:0;padding:.15rem 0}
td[data-label]:not(:empty)::before{content:attr(data-label);font-weight:600}
caption{display:block}}
"""


def day_path(day: date) -> str:
    return f"days/{day.isoformat()}.html"


def event_path(event_id: str) -> str:
    return f"events/{quote(event_id)}.html"


def programme_pages(
    programme: Programme,
    feeds: Mapping[str, Mapping[str, str]],
    lang: Language = ENGLISH,
    root: str = "",
) -> Iterator[tuple[str, bytes]]:
    """``(days/DATE.html, page)`` for every day with sessions, then ``(events/ID.html, page)``.

    ``feeds`` maps ``event`` and ``venue`` to {id: path of its feed}, relative to the site;
    the pages are in ``lang``, in a folder whose way back to the site is ``root`` (``../``
    for a language's folder, ``""`` at the top).
    """
    pages = _Pages(programme, feeds, lang, root)
    by_day: dict[date, list[Occurrence]] = {}
    for occurrence in programme.occurrences:
        by_day.setdefault(occurrence.first_day, []).append(occurrence)
    days = sorted(by_day)
    for index, day in enumerate(days):
        before = days[index - 1] if index else None
        after = days[index + 1] if index + 1 < len(days) else None
        yield day_path(day), pages.day(day, by_day[day], before, after).encode("utf-8")
    for event in programme.events.values():
        yield event_path(event.id), pages.event(event).encode("utf-8")


class _Pages:
    def __init__(
        self,
        programme: Programme,
        feeds: Mapping[str, Mapping[str, str]],
        lang: Language,
        root: str,
    ) -> None:
        self.programme = programme
        self.feeds = feeds
        self.lang = lang
        self.words = _words(lang)
        self.shared = f"../{root}"
        """From a page to the site's top, where the feeds are."""
        self.name = lang.text(programme.name)
        self.names = {key: person.name for key, person in programme.people.items()}
        self.names.update((key, lang.text(group.name)) for key, group in programme.groups.items())
        self.home = f'<a href="../index.html">{escape(self.name)}</a>'

    def label(self, key: str) -> str:
        """``Chair: `` as the language writes a label before its value."""
        return self.words["colon"].format(label=self.words[key])

    def page(self, title: str, body: Sequence[str]) -> str:
        return "\n".join(
            [
                "<!doctype html>",
                f'<html lang="{escape(self.lang.tag)}" dir="{self.lang.direction}">'
                '<head><meta charset="utf-8">',
                '<meta name="viewport" content="width=device-width, initial-scale=1">',
                f"<title>{escape(title)} · {escape(self.name)}</title>",
                f"<style>{CSS}</style></head><body>",
                *body,
                "</body></html>\n",
            ]
        )

    def nav(self, links: Sequence[str]) -> str:
        return f'<nav aria-label="{escape(self.words["programme"])}">{" ".join(links)}</nav>'

    def day(
        self, day: date, occurrences: Sequence[Occurrence], before: date | None, after: date | None
    ) -> str:
        links = [self.home]
        if before is not None:
            label = self.label("previous") + short_date(before, self.lang)
            links.append(f'<a href="{before.isoformat()}.html" rel="prev">← {escape(label)}</a>')
        if after is not None:
            label = self.label("next") + short_date(after, self.lang)
            links.append(f'<a href="{after.isoformat()}.html" rel="next">{escape(label)} →</a>')
        heading = day_heading(day, self.lang)
        body = [
            self.nav(links),
            f"<main><h1>{escape(heading)}</h1>",
            self.table(occurrences, self.words["sessions_on"].format(day=heading)),
            "</main>",
        ]
        return self.page(heading, body)

    def event(self, event: Event) -> str:
        title = self.lang.text(event.title)
        body = [self.nav([self.home]), f"<main><h1>{escape(title)}</h1>", *self.facts(event)]
        by_day: dict[date, list[Occurrence]] = {}
        occurrences = (o for session in event.sessions for o in session.occurrences)
        for occurrence in sorted(occurrences, key=lambda o: (o.start, o.session.key)):
            by_day.setdefault(occurrence.first_day, []).append(occurrence)
        for day, found in by_day.items():
            heading = day_heading(day, self.lang)
            body.append(f'<h2><a href="../{day_path(day)}">{escape(heading)}</a></h2>')
            body.append(self.table(found, self.words["sessions_on"].format(day=heading)))
        if not by_day:
            body.append(f"<p>{escape(self.words['nothing'])}</p>")
        body.append("</main>")
        return self.page(title, body)

    def facts(self, event: Event) -> list[str]:
        facts, lang = [], self.lang
        if event.first_day is not None and event.last_day is not None:
            span = lang.formats.day_span(event.first_day, event.last_day)
            facts.append(_fact(self.label("dates"), span))
        organisations = self.programme.organisations
        organisers = [
            lang.text(organisations[o].name) for o in event.organiser_ids if o in organisations
        ]
        if organisers:
            facts.append(_fact(self.label("organisers"), lang.formats.names(organisers)))
        if event.description:
            facts.append(f"<p>{escape(lang.text(event.description))}</p>")
        feed = self.feeds["event"].get(event.id)
        if feed:
            label = f"{escape(self.words['subscribe'])} {ICS}"
            facts.append(f'<p><a href="{self.shared}{escape(quote(feed))}">{label}</a></p>')
        return facts

    def table(self, occurrences: Sequence[Occurrence], caption: str) -> str:
        head = "".join(
            f'<th scope="col">{escape(self.words[key])}</th>'
            for key in ("time", "session", "where", "who", "calendar")
        )
        rows = "".join(self.row(occurrence) for occurrence in occurrences)
        return (
            f'<div class="scroll"><table><caption class="muted">{escape(caption)}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>"
        )

    def row(self, occurrence: Occurrence) -> str:
        session = occurrence.session
        if session.all_day:
            when = escape(all_day_text(occurrence.first_day, occurrence.last_day, self.lang))
        else:
            lines = span_lines(occurrence.start, occurrence.end, occurrence.first_day, self.lang)
            # Clock times read left to right on a right-to-left page too (9:40-11:10 ص).
            when = "<br>".join(f'<span class="clock">{escape(line)}</span>' for line in lines)
        zone_name = escape(self.lang.zone_name(session.timezone))
        zone = f'<br><span class="muted">{zone_name}</span>'
        event = self.programme.events[session.event_id]
        title = self.title(self.lang.text(session.title), session.status)
        event_title = escape(self.lang.text(event.title))
        title += f'<br><a href="../{event_path(event.id)}">{event_title}</a>'
        cells = (
            ("time", f"{when}{zone}", "when"),
            ("session", title, "session"),
            ("where", escape(self.where(occurrence)), "where"),
            ("who", escape(self.who(occurrence)), "who"),
            ("calendar", self.calendar(session.event_id, session.venue_id), "calendar"),
        )
        tds = "".join(
            f'<td class="{css}" data-label="{escape(self.label(key))}">{html}</td>'
            for key, html, css in cells
        )
        return f"<tr>{tds}</tr>"

    def calendar(self, event_id: str, venue_id: str | None) -> str:
        links = []
        for kind, key, label in (
            ("event", event_id, "event_feed"),
            ("venue", venue_id, "venue_feed"),
        ):
            path = self.feeds[kind].get(key or "")
            if path:
                href = f"{self.shared}{escape(quote(path))}"
                links.append(f'<a href="{href}">{escape(self.words[label])}</a>')
        return "<br>".join(links)

    def where(self, occurrence: Occurrence) -> str:
        session, text = occurrence.session, self.lang.text
        venues = self.programme.venues
        if session.origin_venue_id or session.destination_venue_id:
            ends = (
                venues.get(v or "") for v in (session.origin_venue_id, session.destination_venue_id)
            )
            return " → ".join(text(venue.name) if venue else "?" for venue in ends)
        venue = venues.get(session.venue_id or "")
        if venue is None:
            url = session.online_url
            return self.label("online") + url if url else ""
        room = venue.rooms.get(session.room_id or "")
        parts = (venue.name, room.name if room else None, venue.city)
        return self.words["separator"].join(text(part) for part in parts if part)

    def who(self, occurrence: Occurrence) -> str:
        session = occurrence.session
        names, lang = self.names, self.lang
        parts = []
        if session.chair:
            parts.append(self.label("chair") + names.get(session.chair, session.chair))
        if session.speakers:
            speakers = lang.formats.names([names.get(s, s) for s in session.speakers])
            parts.append(self.label("speakers") + speakers)
        others = [names.get(p, p) for p in session.participants]
        if others:
            shown = self.words["separator"].join(others[:_MAX_NAMES])
            if len(others) > _MAX_NAMES:
                more = len(others) - _MAX_NAMES
                and_more = lang.ngettext("and {count} more", "and {count} more", more)
                shown += " " + and_more.format(count=more)
            parts.append(self.label("with") + shown)
        return lang.pgettext("separator", "; ").join(parts)

    def title(self, title: str, status: str) -> str:
        text = escape(title)
        if status == "cancelled":
            crossed = f'<span class="cancelled-title">{text}</span>'
            return f'{crossed} <span class="cancelled">({escape(self.words["cancelled"])})</span>'
        if status == "tentative":
            return f'{text} <span class="tentative">({escape(self.words["tentative"])})</span>'
        return text


def _fact(label: str, value: str) -> str:
    """``label`` is written with its colon (``Dates: ``, ``Dates : ``)."""
    return f"<p><strong>{escape(label.rstrip())}</strong> {escape(value)}</p>"
