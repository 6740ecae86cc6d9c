"""index.html: the programme's events and days, with every feed and itinerary one click away."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from html import escape
from urllib.parse import quote, urlsplit

from planner.diagnostics import Diagnostic, Severity, Summary
from planner.timeline import Event, Programme

__all__ = ["Links", "render_index"]

_CSS = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:64rem;
padding:0 1rem;color:#1d2433}
h1{font-size:1.6rem;margin:0 0 .3rem}
h2{font-size:1.2rem;margin-top:2.2rem;padding-bottom:.2rem;border-bottom:1px solid #dde}
h2 small{font-weight:400;color:#667;font-size:.8em}
nav{display:flex;flex-wrap:wrap;gap:.2rem 1.2rem;margin:.6rem 0}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;vertical-align:top;padding:.35rem .6rem;border-bottom:1px solid #e6e8f0}
th{font-weight:600;background:#f5f6fa}tbody tr:nth-child(even){background:#fafbfd}
.num{text-align:right}.nowrap{white-space:nowrap}
a{color:#1a56db}.muted{color:#667}.ok{color:#18794e}.bad{color:#b42318}.warn{color:#9a6700}
.tentative{color:#9a6700}.cancelled{color:#b42318;text-decoration:line-through}
.find{margin:1rem 0}.find input{font:inherit;padding:.3rem .5rem;min-width:16rem;max-width:100%}
"""

_DASH = "\u2013"
_SECTIONS = (
    ("events", "Events"),
    ("days", "Days"),
    ("people", "People"),
    ("groups", "Delegations and groups"),
    ("venues", "Venues"),
)


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
    schedules: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    """event id -> {format label: path} of its conference-app schedule (schedule.xml...)"""
    changes: str | None = None
    """The changes page, when the site has one."""
    changes_feed: str | None = None
    """Its Atom feed."""
    day_pages: Mapping[date, str] = field(default_factory=dict)
    """A page per day with sessions (the programme itself), by local date."""
    event_pages: Mapping[str, str] = field(default_factory=dict)
    packs: Mapping[str, str] = field(default_factory=dict)
    """group id -> its delegate pack (PDF), when the build makes them."""


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
        f"<title>{escape(programme.name)}</title><style>{_CSS}</style>{_feed_head(links)}"
        "</head><body>",
        f"<h1>{escape(programme.name)}</h1>",
        _draft_banner(programme),
        _status(diagnostics, links),
        _nav(),
        _search(),
        _whole_programme(links, feed),
        _events(programme, links, feed),
        _days(programme, links),
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


def _draft_banner(programme: Programme) -> str:
    """A draft says so before anything else: it may still hold clashes and change."""
    if not programme.draft:
        return ""
    return (
        '<p class="bad draft" role="alert"><strong>DRAFT</strong>: published with '
        "<code>--draft</code>; it may still hold clashes and change.</p>"
    )


def _status(diagnostics: Sequence[Diagnostic], links: Links) -> str:
    """What the check found: red with errors (a draft), amber with warnings, else green;
    warnings and errors listed where they are written, so the organiser can act on them."""
    summary = Summary.of(diagnostics)
    css = "bad" if summary.errors else "warn" if summary.warnings else "ok"
    status = (
        f'<p class="{css}">Checked: {escape(summary.sentence())} '
        f'(<a href="{escape(quote(links.diagnostics))}">diagnostics.json</a>)</p>'
    )
    return status + _findings(diagnostics)


_FINDINGS_SHOWN = 50
"""A site lists this many findings at most; diagnostics.json and planner validate have all."""


def _findings(diagnostics: Sequence[Diagnostic]) -> str:
    shown = [d for d in diagnostics if d.severity is not Severity.INFO]
    if not shown:
        return ""
    items = "".join(
        f'<li><span class="{"bad" if d.severity is Severity.ERROR else "warn"}">'
        f"{escape(d.severity.value)}</span> <code>{escape(d.code)}</code> "
        f'<span class="muted">{escape(_place(d))}</span><br>{escape(d.message)}</li>'
        for d in shown[:_FINDINGS_SHOWN]
    )
    more = len(shown) - _FINDINGS_SHOWN
    rest = f"<p class=muted>and {more} more in diagnostics.json</p>" if more > 0 else ""
    summary = "<summary>Findings</summary>"
    return f'<details class="findings" open>{summary}<ul>{items}</ul>{rest}</details>'


def _place(diagnostic: Diagnostic) -> str:
    """``events.yaml, line 412``: where to look in the file."""
    where = diagnostic.location
    if where is None:
        return ""
    line = f"{where.file}, line {where.line}" if where.line else str(where.file)
    return f"{line} ({where.path})" if where.path else line


def _nav() -> str:
    """Jump links: the page is long once people and groups are listed."""
    return "<nav>" + "".join(f'<a href="#{key}">{label}</a>' for key, label in _SECTIONS) + "</nav>"


_SEARCH = """<div class="find" id="find" hidden><label for="find-input">Find a person or a
delegation</label> <input id="find-input" type="search" autocomplete="off" spellcheck="false">
<span id="find-count" class="muted" aria-live="polite"></span></div>
<script>
(function () {
  var box = document.getElementById("find"), input = document.getElementById("find-input");
  var count = document.getElementById("find-count");
  box.hidden = false;
  input.addEventListener("input", function () {
    var rows = document.querySelectorAll("#people-table tbody tr, #groups-table tbody tr");
    var wanted = input.value.trim().toLowerCase(), shown = 0;
    rows.forEach(function (row) {
      var match = !wanted || row.textContent.toLowerCase().indexOf(wanted) !== -1;
      row.hidden = !match;
      if (match) { shown += 1; }
    });
    count.textContent = wanted ? shown + " found below (Enter to go there)" : "";
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter") { document.getElementById("people").scrollIntoView(); }
  });
}());
</script>"""


def _search() -> str:
    """A search box over the people and groups tables: a few lines of script, shown only
    where script runs (without it the tables are all there)."""
    return _SEARCH


def _section(key: str, count: int, head: Sequence[str], rows: Iterable[str]) -> str:
    """A heading with its count and a table that scrolls sideways on a narrow screen."""
    title = dict(_SECTIONS)[key]
    cells = "".join(
        f'<th class="num">{name[1:]}</th>' if name.startswith("#") else f"<th>{name}</th>"
        for name in head
    )
    return (
        f'<h2 id="{key}">{title} <small>({count})</small></h2>'
        f'<div class="scroll"><table id="{key}-table"><thead><tr>{cells}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def _feed_head(links: Links) -> str:
    """Lets a browser or feed reader find the change feed from the index page."""
    if links.changes_feed is None:
        return ""
    href = escape(quote(links.changes_feed))
    return f'<link rel="alternate" type="application/atom+xml" href="{href}" title="Changes">'


def _changes(links: Links) -> str:
    if links.changes is None or links.changes_feed is None:
        return ""
    return (
        f'<li>Changes: <a href="{escape(quote(links.changes))}">version by version</a> '
        f'(<a href="{escape(quote(links.changes_feed))}">Atom feed</a>)</li>'
    )


def _whole_programme(links: Links, feed: _FeedLink) -> str:
    agenda = ", ".join(
        f'<a href="{escape(quote(path))}">{escape(label)}</a>'
        for label, path in links.agenda.items()
    )
    return (
        "<h2>The whole programme</h2><ul>"
        f"<li>{feed(links.programme_feed, 'the whole programme')}</li>"
        f"<li>Agenda: {agenda}</li>{_changes(links)}</ul>"
    )


def _events(programme: Programme, links: Links, feed: _FeedLink) -> str:
    """Events in the order they happen (undated ones last)."""
    rows = []
    for event in sorted(programme.events.values(), key=_event_order):
        status = escape(event.status)
        rows.append(
            "<tr>"
            f"<td>{_linked(event.title, links.event_pages.get(event.id))}</td>"
            f"<td>{escape(event.kind.replace('_', ' '))}</td>"
            f'<td class="nowrap">{escape(_span(*_event_days(event)))}</td>'
            f'<td class="num">{len(event.sessions)}</td>'
            f'<td class="{status}">{status}</td>'
            f'<td class="nowrap">{feed(links.event_feeds[event.id])}</td>'
            f'<td class="nowrap">{_schedule_links(links.schedules.get(event.id, {}))}</td></tr>'
        )
    head = ("Event", "Kind", "Dates", "#Sessions", "Status", "Feed", "For conference apps")
    return _section("events", len(rows), head, rows)


def _schedule_links(paths: Mapping[str, str]) -> str:
    return " ".join(
        f'<a href="{escape(quote(path))}">{escape(label)}</a>' for label, path in paths.items()
    )


def _days(programme: Programme, links: Links) -> str:
    """Each day with sessions: how many, and of which events."""
    sessions: dict[date, int] = {}
    events: dict[date, dict[str, None]] = {}
    for occurrence in programme.occurrences:
        day = occurrence.first_day
        sessions[day] = sessions.get(day, 0) + 1
        events.setdefault(day, {})[occurrence.session.event_id] = None
    rows = [
        f'<tr><td class="nowrap">{_linked(_weekday(day), links.day_pages.get(day))}</td>'
        f'<td class="num">{sessions[day]}</td>'
        f"<td>{escape(_titles(programme, events[day]))}</td></tr>"
        for day in sorted(sessions)
    ]
    return _section("days", len(rows), ("Day", "#Sessions", "Events"), rows)


def _weekday(day: date) -> str:
    return f"{day:%a} {_day(day)}"


def _linked(text: str, path: str | None) -> str:
    """``text`` as a link to ``path`` (relative to the site), or plain when there is none."""
    if path is None:
        return escape(text)
    return f'<a href="{escape(quote(path))}">{escape(text)}</a>'


def _titles(programme: Programme, event_ids: Iterable[str]) -> str:
    return "; ".join(programme.events[e].title for e in event_ids if e in programme.events)


def _people(programme: Programme, links: Links, feed: _FeedLink) -> str:
    rows = []
    for person in sorted(programme.people.values(), key=lambda p: p.name):
        organisation = programme.organisations.get(person.organisation_id or "")
        rows.append(
            f"<tr><td>{escape(person.name)}</td>"
            f"<td>{escape(organisation.label if organisation else '')}</td>"
            f'<td class="nowrap">{_itinerary_links(links, person.id)}</td>'
            f'<td class="nowrap">{feed(links.person_feeds[person.id])}</td></tr>'
        )
    head = ("Person", "Organisation", "Itinerary", "Feed")
    return _section("people", len(rows), head, rows)


def _groups(programme: Programme, links: Links, feed: _FeedLink) -> str:
    rows = [
        f'<tr><td>{escape(group.name)}</td><td class="num">{len(group.people)}</td>'
        f'<td class="nowrap">{_itinerary_links(links, group.id)}{_pack(links, group.id)}</td>'
        f'<td class="nowrap">{feed(links.group_feeds[group.id])}</td></tr>'
        for group in programme.groups.values()
    ]
    head = ("Group", "#People", "Itinerary", "Feed")
    return _section("groups", len(rows), head, rows)


def _venues(programme: Programme, links: Links, feed: _FeedLink) -> str:
    rows = [
        f"<tr><td>{escape(venue.name)}</td>"
        f"<td>{escape(venue.city or ('online' if venue.online else ''))}</td>"
        f"<td>{escape(venue.timezone.key)}</td>"
        f'<td class="nowrap">{feed(links.venue_feeds[venue.id])}</td></tr>'
        for venue in programme.venues.values()
    ]
    head = ("Venue", "City", "Time zone", "Feed")
    return _section("venues", len(rows), head, rows)


def _pack(links: Links, group_id: str) -> str:
    path = links.packs.get(group_id)
    return f' · <a href="{escape(quote(path))}">delegate pack (PDF)</a>' if path else ""


def _itinerary_links(links: Links, some_id: str) -> str:
    found = links.itineraries.get(some_id, {})
    return " · ".join(
        f'<a href="{escape(quote(path))}">{escape(label)}</a>' for label, path in found.items()
    )


def _event_days(event: Event) -> tuple[date | None, date | None]:
    """The event's own dates, else those of its sessions."""
    if event.first_day is not None and event.last_day is not None:
        return event.first_day, event.last_day
    days = [o.first_day for s in event.sessions for o in s.occurrences]
    return (min(days), max(days)) if days else (None, None)


def _event_order(event: Event) -> tuple[bool, date, str]:
    first, _ = _event_days(event)
    return (first is None, first or date.min, event.title)


def _day(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def _span(first: date | None, last: date | None) -> str:
    """``10-14 Oct 2016``, ``18 Jan - 18 Dec 2018``, ``30 Dec 2018 - 2 Jan 2019`` (en dashes)."""
    if first is None or last is None:
        return ""
    if first == last:
        return _day(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}{_DASH}{_day(last)}"
    if first.year == last.year:
        return f"{first.day} {first:%b} {_DASH} {_day(last)}"
    return f"{_day(first)} {_DASH} {_day(last)}"
