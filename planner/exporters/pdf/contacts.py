"""The pack's reference pages: the venues (address, rooms, how to get there) and contacts,
in the pack's language (planner's words translated, the file's texts in the reader's)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from planner.exporters.itinerary.as_html import directed, escape
from planner.exporters.itinerary.model import Row
from planner.exporters.itinerary.text import start_text, title_text
from planner.exporters.itinerary.timefmt import short_date
from planner.exporters.pdf.words import print_words
from planner.languages import Language
from planner.languages.bidi import as_bdi
from planner.timeline import Programme, Venue

__all__ = ["contacts_part", "venues_part"]


def venues_part(programme: Programme, rows: Sequence[Row], lang: Language) -> str:
    """Every venue the rows meet, in the order first met: where it is, the rooms used, and
    the transfers of the programme that take people there."""
    # Rows name places in the reader's language, as the venues are found by here.
    by_name = {lang.text(venue.name): venue for venue in programme.venues.values()}
    found: dict[str, Venue] = {}
    for row in rows:
        for venue in (
            programme.venues.get(row.venue_id or ""),
            by_name.get(row.origin or ""),
            by_name.get(row.destination or ""),
        ):
            if venue is not None and not venue.online:
                found.setdefault(venue.id, venue)
    words = print_words(lang)
    entries = [_venue(venue, rows, lang) for venue in found.values()]
    body = "\n".join(entries) or f"<p>{escape(words.no_venues)}</p>"
    return _part(words.venues, body)


def _venue(venue: Venue, rows: Sequence[Row], lang: Language) -> str:
    words = print_words(lang)
    comma = lang.pgettext("separator", ", ")
    lines = []
    place = comma.join(lang.text(p) for p in (venue.address, venue.city, venue.country) if p)
    if place:
        lines.append(_line(words.address, directed(place, lang), lang))
    rooms = dict.fromkeys(r.room_name for r in rows if r.venue_id == venue.id and r.room_name)
    if rooms:
        used = comma.join(room for room in rooms if room)
        lines.append(_line(words.rooms, directed(used, lang), lang))
    if venue.geo is not None:
        where = f"{venue.geo.lat:.4f}, {venue.geo.lon:.4f}"
        lines.append(_line(words.map, f'<span dir="ltr">{where}</span>', lang))
    if venue.url:
        lines.append(_line(words.website, directed(venue.url, lang), lang))
    trips = _trips_to(venue, rows, lang)
    if trips:
        items = "".join(f"<li>{as_bdi(escape(trip))}</li>" for trip in trips)
        lines.append(f"<p><strong>{escape(words.getting_there)}</strong></p><ul>{items}</ul>")
    return _entry(lang.text(venue.name), lines, lang)


def _trips_to(venue: Venue, rows: Iterable[Row], lang: Language) -> list[str]:
    """``Bus to the Seoul Green Building (40m) from Koreana Hotel: Tue 11 Oct 09:00 KST``."""
    trips: dict[tuple[str, str | None], list[str]] = {}
    for row in rows:
        if row.destination == lang.text(venue.name) and not row.cancelled:
            when = f"{short_date(row.start.date(), lang)} {start_text(row.start, lang)}"
            trips.setdefault((title_text(row, lang), row.origin), []).append(when)
    words = print_words(lang)
    comma = lang.pgettext("separator", ", ")
    return [
        words.trip.format(title=title, origin=origin or "?", times=comma.join(times))
        for (title, origin), times in trips.items()
    ]


def contacts_part(
    programme: Programme, rows: Sequence[Row], members: Sequence[str], lang: Language
) -> str:
    """The organisers of the pack's events, and the people with an e-mail address in the
    file who take part in them (the delegation's own members aside)."""
    words = print_words(lang)
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
            _line(words.organiser, directed(lang.text(programme.events[e].title), lang), lang)
            for e in events
            if organiser_id in programme.events[e].organiser_ids
        ]
        if organisation.url:
            lines.append(_line(words.website, directed(organisation.url, lang), lang))
        entries.append(_entry(lang.text(organisation.name), lines, lang))
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
            lines.append(_line(words.role, directed(lang.text(person.role), lang), lang))
        if organisation is not None:
            lines.append(f"<p>{directed(lang.text(organisation.name), lang)}</p>")
        lines.append(_line(words.email, directed(person.email, lang), lang))
        entries.append(_entry(lang.text(person.name), lines, lang))
    body = "\n".join(entries) or f"<p>{escape(words.no_contacts)}</p>"
    return _part(words.contacts, body)


def _line(label: str, value: str, lang: Language) -> str:
    """``<strong>Address:</strong> ...``: the colon as the language writes it; ``value`` is
    HTML, in its own direction (:func:`directed`)."""
    text = lang.gettext("{label}: ").format(label=label)
    stripped = text.rstrip()
    return f"<p><strong>{escape(stripped)}</strong>{text[len(stripped) :]}{value}</p>"


def _entry(name: str, lines: Sequence[str], lang: Language) -> str:
    return f'<div class="entry"><h3>{directed(name, lang)}</h3>{"".join(lines)}</div>'


def _part(title: str, body: str) -> str:
    heading = f'<h1><span class="subject">{escape(title)}</span></h1>'
    return f'<section class="part">{heading}\n{body}\n</section>'
