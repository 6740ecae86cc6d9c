"""The pack's reference pages: the venues (address, rooms, how to get there) and contacts."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from planner.exporters.itinerary.as_html import escape
from planner.exporters.itinerary.model import Row
from planner.exporters.itinerary.text import title_text
from planner.exporters.itinerary.timefmt import abbreviation, short_date
from planner.exporters.pdf.words import WORDS
from planner.timeline import Programme, Venue

__all__ = ["contacts_part", "venues_part"]


def venues_part(programme: Programme, rows: Sequence[Row]) -> str:
    """Every venue the rows meet, in the order first met: where it is, the rooms used, and
    the transfers of the programme that take people there."""
    by_name = {venue.name: venue for venue in programme.venues.values()}
    found: dict[str, Venue] = {}
    for row in rows:
        for venue in (
            programme.venues.get(row.venue_id or ""),
            by_name.get(row.origin or ""),
            by_name.get(row.destination or ""),
        ):
            if venue is not None and not venue.online:
                found.setdefault(venue.id, venue)
    entries = [_venue(venue, rows) for venue in found.values()]
    body = "\n".join(entries) or f"<p>{escape(WORDS['no_venues'])}</p>"
    return _part(WORDS["venues"], body)


def _venue(venue: Venue, rows: Sequence[Row]) -> str:
    lines = []
    place = ", ".join(p for p in (venue.address, venue.city, venue.country) if p)
    if place:
        lines.append(_line(WORDS["address"], escape(place)))
    rooms = dict.fromkeys(r.room_name for r in rows if r.venue_id == venue.id and r.room_name)
    if rooms:
        lines.append(_line(WORDS["rooms"], escape(", ".join(room for room in rooms if room))))
    if venue.geo is not None:
        lines.append(_line(WORDS["map"], f"{venue.geo.lat:.4f}, {venue.geo.lon:.4f}"))
    if venue.url:
        lines.append(_line(WORDS["website"], escape(venue.url)))
    trips = _trips_to(venue, rows)
    if trips:
        items = "".join(f"<li>{escape(trip)}</li>" for trip in trips)
        lines.append(f"<p><strong>{escape(WORDS['getting_there'])}</strong></p><ul>{items}</ul>")
    return f'<div class="entry"><h3>{escape(venue.name)}</h3>{"".join(lines)}</div>'


def _trips_to(venue: Venue, rows: Iterable[Row]) -> list[str]:
    """``Bus to the Seoul Green Building (40m), from Koreana Hotel: Tue 11 Oct 09:00 KST``."""
    trips: dict[tuple[str, str | None], list[str]] = {}
    for row in rows:
        if row.destination == venue.name and not row.cancelled:
            when = f"{short_date(row.start.date())} {row.start:%H:%M} {abbreviation(row.start)}"
            trips.setdefault((title_text(row), row.origin), []).append(when)
    return [
        f"{title} {WORDS['from_place']} {origin or '?'}: {', '.join(times)}"
        for (title, origin), times in trips.items()
    ]


def contacts_part(programme: Programme, rows: Sequence[Row], members: Sequence[str]) -> str:
    """The organisers of the pack's events, and the people with an e-mail address in the
    file who take part in them (the delegation's own members aside)."""
    events = dict.fromkeys(row.event_id for row in rows if row.event_id)
    entries = []
    organisers = dict.fromkeys(
        organiser for event in events for organiser in programme.events[event].organiser_ids
    )
    for organiser_id in organisers:
        organisation = programme.organisations.get(organiser_id)
        if organisation is None:
            continue
        lines = [
            _line(WORDS["organiser"], escape(programme.events[e].title))
            for e in events
            if organiser_id in programme.events[e].organiser_ids
        ]
        if organisation.url:
            lines.append(_line(WORDS["website"], escape(organisation.url)))
        entries.append(
            f'<div class="entry"><h3>{escape(organisation.name)}</h3>{"".join(lines)}</div>'
        )
    people = dict.fromkeys(
        person
        for event in events
        for session in programme.events[event].sessions
        for person in (
            *session.people,
            *([session.chair] if session.chair else ()),
            *session.speakers,
        )
    )
    for person_id in people:
        person = programme.people.get(person_id)
        if person is None or not person.email or person_id in members:
            continue
        organisation = programme.organisations.get(person.organisation_id or "")
        lines = []
        if person.role:
            lines.append(_line(WORDS["role"], escape(person.role)))
        if organisation is not None:
            lines.append(f"<p>{escape(organisation.name)}</p>")
        lines.append(_line(WORDS["email"], escape(person.email)))
        entries.append(_entry(person.name, lines))
    body = "\n".join(entries) or f"<p>{escape(WORDS['no_contacts'])}</p>"
    return _part(WORDS["contacts"], body)


def _line(label: str, value: str) -> str:
    return f"<p><strong>{escape(label)}:</strong> {value}</p>"


def _named(person: str | None) -> tuple[str, ...]:
    return (person,) if person else ()


def _entry(name: str, lines: Sequence[str]) -> str:
    return f'<div class="entry"><h3>{escape(name)}</h3>{"".join(lines)}</div>'


def _part(title: str, body: str) -> str:
    heading = f'<h1><span class="subject">{escape(title)}</span></h1>'
    return f'<section class="part">{heading}\n{body}\n</section>'
