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

from planner.exporters.itinerary.timefmt import (
    EN_DASH,
    all_day_text,
    day_heading,
    short_date,
    span_lines,
)
from planner.timeline import Event, Occurrence, Programme

__all__ = ["day_path", "event_path", "programme_pages"]

WORDS = {
    "programme": "Programme",
    "previous": "Previous day",
    "next": "Next day",
    "time": "Time (local)",
    "session": "Session",
    "where": "Where",
    "who": "Who",
    "calendar": "Calendar",
    "event_feed": "event feed",
    "venue_feed": "venue feed",
    "online": "Online",
    "chair": "Chair",
    "speakers": "Speakers",
    "with": "With",
    "more": "and {count} more",
    "dates": "Dates",
    "organisers": "Organisers",
    "subscribe": "Subscribe to this event's calendar",
    "nothing": "No sessions.",
    "sessions_on": "Sessions on {day}",
}
"""planner's own words on these pages, in one place (so they can be translated)."""

_MAX_NAMES = 8
CSS = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:64rem;
padding:0 1rem;color:#1d2433}
h1{font-size:1.6rem;margin:0 0 .3rem}h2{font-size:1.2rem;margin-top:2rem}
nav{display:flex;flex-wrap:wrap;gap:.2rem 1.2rem;margin:.6rem 0 1.2rem}
.scroll{overflow-x:auto}table{border-collapse:collapse;width:100%}
th,td{text-align:left;vertical-align:top;padding:.4rem .6rem;border-bottom:1px solid #e6e8f0}
th{font-weight:600;background:#f5f6fa}
a{color:#1a56db}.muted{color:#5b6478}td.when,td.calendar{white-space:nowrap}
.tentative{color:#8a5a00}.cancelled{color:#b42318}
.cancelled-title{text-decoration:line-through}
caption{text-align:left;padding:.2rem 0}
@media (max-width:40rem){body{margin:1rem auto}
table,tbody,tr,td{display:block}thead{position:absolute;left:-9999px}
tr{border-bottom:2px solid #dde;padding:.4rem 0}td{border:0;padding:.15rem 0}
td[data-label]:not(:empty)::before{content:attr(data-label) ": ";font-weight:600}
caption{display:block}}
"""


def day_path(day: date) -> str:
    return f"days/{day.isoformat()}.html"


def event_path(event_id: str) -> str:
    return f"events/{quote(event_id)}.html"


def programme_pages(
    programme: Programme, feeds: Mapping[str, Mapping[str, str]]
) -> Iterator[tuple[str, bytes]]:
    """``(days/DATE.html, page)`` for every day with sessions, then ``(events/ID.html, page)``.

    ``feeds`` maps ``event`` and ``venue`` to {id: path of its feed}, relative to the site.
    """
    pages = _Pages(programme, feeds)
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
    def __init__(self, programme: Programme, feeds: Mapping[str, Mapping[str, str]]) -> None:
        self.programme = programme
        self.feeds = feeds
        self.names = {key: person.name for key, person in programme.people.items()}
        self.names.update((key, group.name) for key, group in programme.groups.items())
        self.home = f'<a href="../index.html">{escape(programme.name)}</a>'

    def page(self, title: str, body: Sequence[str]) -> str:
        return "\n".join(
            [
                "<!doctype html>",
                '<html lang="en"><head><meta charset="utf-8">',
                '<meta name="viewport" content="width=device-width, initial-scale=1">',
                f"<title>{escape(title)} · {escape(self.programme.name)}</title>",
                f"<style>{CSS}</style></head><body>",
                *body,
                "</body></html>\n",
            ]
        )

    def nav(self, links: Sequence[str]) -> str:
        return f'<nav aria-label="{escape(WORDS["programme"])}">{" ".join(links)}</nav>'

    def day(
        self, day: date, occurrences: Sequence[Occurrence], before: date | None, after: date | None
    ) -> str:
        links = [self.home]
        if before is not None:
            label = f"{WORDS['previous']}: {short_date(before)}"
            links.append(f'<a href="{before.isoformat()}.html" rel="prev">← {escape(label)}</a>')
        if after is not None:
            label = f"{WORDS['next']}: {short_date(after)}"
            links.append(f'<a href="{after.isoformat()}.html" rel="next">{escape(label)} →</a>')
        heading = day_heading(day)
        body = [
            self.nav(links),
            f"<main><h1>{escape(heading)}</h1>",
            self.table(occurrences, WORDS["sessions_on"].format(day=heading)),
            "</main>",
        ]
        return self.page(heading, body)

    def event(self, event: Event) -> str:
        body = [self.nav([self.home]), f"<main><h1>{escape(event.title)}</h1>", *self.facts(event)]
        by_day: dict[date, list[Occurrence]] = {}
        occurrences = (o for session in event.sessions for o in session.occurrences)
        for occurrence in sorted(occurrences, key=lambda o: (o.start, o.session.key)):
            by_day.setdefault(occurrence.first_day, []).append(occurrence)
        for day, found in by_day.items():
            heading = day_heading(day)
            body.append(f'<h2><a href="../{day_path(day)}">{escape(heading)}</a></h2>')
            body.append(self.table(found, WORDS["sessions_on"].format(day=heading)))
        if not by_day:
            body.append(f"<p>{escape(WORDS['nothing'])}</p>")
        body.append("</main>")
        return self.page(event.title, body)

    def facts(self, event: Event) -> list[str]:
        facts = []
        if event.first_day is not None and event.last_day is not None:
            span = f"{short_date(event.first_day)} {event.first_day.year}"
            if event.last_day != event.first_day:
                span += f" {EN_DASH} {short_date(event.last_day)} {event.last_day.year}"
            facts.append(_fact(WORDS["dates"], span))
        organisations = self.programme.organisations
        organisers = [organisations[o].name for o in event.organiser_ids if o in organisations]
        if organisers:
            facts.append(_fact(WORDS["organisers"], ", ".join(organisers)))
        if event.description:
            facts.append(f"<p>{escape(event.description)}</p>")
        feed = self.feeds["event"].get(event.id)
        if feed:
            label = escape(f"{WORDS['subscribe']} (.ics)")
            facts.append(f'<p><a href="../{escape(quote(feed))}">{label}</a></p>')
        return facts

    def table(self, occurrences: Sequence[Occurrence], caption: str) -> str:
        head = "".join(
            f'<th scope="col">{escape(WORDS[key])}</th>'
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
            when = escape(all_day_text(occurrence.first_day, occurrence.last_day))
        else:
            lines = span_lines(occurrence.start, occurrence.end, occurrence.first_day)
            when = "<br>".join(escape(line) for line in lines)
        zone = f'<br><span class="muted">{escape(session.timezone.key)}</span>'
        event = self.programme.events[session.event_id]
        title = _title(session.title, session.status)
        title += f'<br><a href="../{event_path(event.id)}">{escape(event.title)}</a>'
        cells = (
            ("time", f"{when}{zone}", "when"),
            ("session", title, "session"),
            ("where", escape(self.where(occurrence)), "where"),
            ("who", escape(self.who(occurrence)), "who"),
            ("calendar", self.calendar(session.event_id, session.venue_id), "calendar"),
        )
        tds = "".join(
            f'<td class="{css}" data-label="{escape(WORDS[key])}">{html}</td>'
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
                links.append(f'<a href="../{escape(quote(path))}">{escape(WORDS[label])}</a>')
        return "<br>".join(links)

    def where(self, occurrence: Occurrence) -> str:
        session = occurrence.session
        venues = self.programme.venues
        if session.origin_venue_id or session.destination_venue_id:
            ends = (
                venues.get(v or "") for v in (session.origin_venue_id, session.destination_venue_id)
            )
            return " → ".join(venue.name if venue else "?" for venue in ends)
        venue = venues.get(session.venue_id or "")
        if venue is None:
            return f"{WORDS['online']}: {session.online_url}" if session.online_url else ""
        room = venue.rooms.get(session.room_id or "")
        return ", ".join(p for p in (venue.name, room.name if room else None, venue.city) if p)

    def who(self, occurrence: Occurrence) -> str:
        session = occurrence.session
        names = self.names
        parts = []
        if session.chair:
            parts.append(f"{WORDS['chair']}: {names.get(session.chair, session.chair)}")
        if session.speakers:
            speakers = ", ".join(names.get(s, s) for s in session.speakers)
            parts.append(f"{WORDS['speakers']}: {speakers}")
        others = [names.get(p, p) for p in session.participants]
        if others:
            shown = ", ".join(others[:_MAX_NAMES])
            if len(others) > _MAX_NAMES:
                shown += " " + WORDS["more"].format(count=len(others) - _MAX_NAMES)
            parts.append(f"{WORDS['with']}: {shown}")
        return "; ".join(parts)


def _fact(label: str, value: str) -> str:
    return f"<p><strong>{escape(label)}:</strong> {escape(value)}</p>"


def _title(title: str, status: str) -> str:
    text = escape(title)
    if status == "cancelled":
        crossed = f'<span class="cancelled-title">{text}</span>'
        return f'{crossed} <span class="cancelled">(cancelled)</span>'
    if status == "tentative":
        return f'{text} <span class="tentative">(tentative)</span>'
    return text
