"""index.html: the programme's events and days, with every feed and itinerary one click away."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from html import escape
from urllib.parse import quote, urlsplit

from planner.diagnostics import Diagnostic, Summary
from planner.timeline import Programme

__all__ = ["Links", "render_index"]

_CSS = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:60rem;
padding:0 1rem;color:#1d2433}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #dde}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #eef}
th{font-weight:600;background:#f5f6fa}a{color:#1a56db}.muted{color:#667}.ok{color:#18794e}.bad{color:#b42318}
code{font-size:.9em}
"""


@dataclass(frozen=True)
class Links:
    """Relative paths of what the site holds, keyed by id (the build decides the layout)."""

    programme_feed: str
    event_feeds: Mapping[str, str]
    venue_feeds: Mapping[str, str]
    person_feeds: Mapping[str, str]
    group_feeds: Mapping[str, str]
    itineraries: Mapping[str, Mapping[str, str]]
    """person or group id -> {format label: path}"""
    agenda: Mapping[str, str]
    diagnostics: str


def render_index(
    programme: Programme,
    links: Links,
    diagnostics: Sequence[Diagnostic],
    base_url: str | None,
) -> str:
    """The whole index page: standalone HTML, no external assets, every text escaped."""
    feed = _FeedLink(base_url)
    parts = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(programme.name)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{escape(programme.name)}</h1>",
        _status(diagnostics, links),
        _whole_programme(links, feed),
        _events(programme, links, feed),
        _days(programme),
        _people(programme, links, feed),
        _groups(programme, links, feed),
        _venues(programme, links, feed),
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


class _FeedLink:
    """A subscribe link (webcal://) when the site's address is known, else a download link."""

    def __init__(self, base_url: str | None) -> None:
        self.base_url = base_url.rstrip("/") + "/" if base_url else None

    def __call__(self, path: str, label: str = "calendar") -> str:
        href = quote(path)
        if self.base_url is None:
            return f'<a href="{escape(href)}" download>{escape(label)} (.ics)</a>'
        parts = urlsplit(self.base_url + href)
        webcal = f"webcal://{parts.netloc}{parts.path}"
        return (
            f'<a href="{escape(webcal)}">subscribe to {escape(label)}</a> '
            f'<span class="muted">(<a href="{escape(href)}">.ics</a>)</span>'
        )


def _status(diagnostics: Sequence[Diagnostic], links: Links) -> str:
    summary = Summary.of(diagnostics)
    css = "bad" if summary.errors else "ok"
    return (
        f'<p class="{css}">Checked: {escape(summary.sentence())} '
        f'(<a href="{escape(quote(links.diagnostics))}">diagnostics.json</a>)</p>'
    )


def _whole_programme(links: Links, feed: _FeedLink) -> str:
    agenda = ", ".join(
        f'<a href="{escape(quote(path))}">{escape(label)}</a>'
        for label, path in links.agenda.items()
    )
    return (
        "<h2>The whole programme</h2><ul>"
        f"<li>{feed(links.programme_feed, 'the whole programme')}</li>"
        f"<li>Agenda: {agenda}</li></ul>"
    )


def _events(programme: Programme, links: Links, feed: _FeedLink) -> str:
    rows = []
    for event in programme.events.values():
        days = _span(event.first_day, event.last_day) or _session_span(event.sessions)
        rows.append(
            "<tr>"
            f"<td>{escape(event.title)}</td><td>{escape(event.kind.replace('_', ' '))}</td>"
            f"<td>{escape(days)}</td><td>{len(event.sessions)}</td>"
            f"<td>{escape(event.status)}</td><td>{feed(links.event_feeds[event.id])}</td></tr>"
        )
    head = "<tr><th>Event</th><th>Kind</th><th>Dates</th><th>Sessions</th><th>Status</th><th>Feed</th></tr>"
    return f"<h2>Events</h2><table>{head}{''.join(rows)}</table>"


def _days(programme: Programme) -> str:
    per_day = Counter(occurrence.first_day for occurrence in programme.occurrences)
    items = "".join(
        f"<li>{day:%a %d %b %Y}: {count} session{'s' if count != 1 else ''}</li>"
        for day, count in sorted(per_day.items())
    )
    return f"<h2>Days</h2><ul>{items}</ul>"


def _people(programme: Programme, links: Links, feed: _FeedLink) -> str:
    rows = []
    for person in sorted(programme.people.values(), key=lambda p: p.name):
        organisation = programme.organisations.get(person.organisation_id or "")
        rows.append(
            f"<tr><td>{escape(person.name)}</td>"
            f"<td>{escape(organisation.label if organisation else '')}</td>"
            f"<td>{_itinerary_links(links, person.id)}</td>"
            f"<td>{feed(links.person_feeds[person.id])}</td></tr>"
        )
    head = "<tr><th>Person</th><th>Organisation</th><th>Itinerary</th><th>Feed</th></tr>"
    return f"<h2>People</h2><table>{head}{''.join(rows)}</table>"


def _groups(programme: Programme, links: Links, feed: _FeedLink) -> str:
    rows = [
        f"<tr><td>{escape(group.name)}</td><td>{len(group.people)}</td>"
        f"<td>{_itinerary_links(links, group.id)}</td><td>{feed(links.group_feeds[group.id])}</td></tr>"
        for group in programme.groups.values()
    ]
    head = "<tr><th>Group</th><th>People</th><th>Itinerary</th><th>Feed</th></tr>"
    return f"<h2>Delegations and groups</h2><table>{head}{''.join(rows)}</table>"


def _venues(programme: Programme, links: Links, feed: _FeedLink) -> str:
    rows = [
        f"<tr><td>{escape(venue.name)}</td><td>{escape(venue.city or ('online' if venue.online else ''))}</td>"
        f"<td>{escape(venue.timezone.key)}</td><td>{feed(links.venue_feeds[venue.id])}</td></tr>"
        for venue in programme.venues.values()
    ]
    head = "<tr><th>Venue</th><th>City</th><th>Time zone</th><th>Feed</th></tr>"
    return f"<h2>Venues</h2><table>{head}{''.join(rows)}</table>"


def _itinerary_links(links: Links, some_id: str) -> str:
    found = links.itineraries.get(some_id, {})
    return " · ".join(
        f'<a href="{escape(quote(path))}">{escape(label)}</a>' for label, path in found.items()
    )


def _span(first: date | None, last: date | None) -> str:
    if first is None or last is None:
        return ""
    return first.isoformat() if first == last else f"{first.isoformat()} – {last.isoformat()}"


def _session_span(sessions: Sequence[object]) -> str:
    days = [o.first_day for s in sessions for o in getattr(s, "occurrences", ())]
    return _span(min(days), max(days)) if days else ""
