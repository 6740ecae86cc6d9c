"""Every fixed phrase the printed documents use, in the reader's language.

Text from the YAML never comes from here; these are planner's own words, translated by the
catalogs of :mod:`planner.languages` (the literals below are what ``extract`` finds).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from planner.languages import Language

__all__ = ["PrintWords", "print_words"]


@dataclass(frozen=True, slots=True)
class PrintWords:
    """The printed documents' words in one language."""

    page_of: str
    """``Page {page} of {pages}``: the footer, its placeholders the CSS page counters."""
    pack: str
    members: str
    venues: str
    contacts: str
    address: str
    rooms: str
    getting_there: str
    map: str
    website: str
    email: str
    organiser: str
    role: str
    scan_person: str
    scan_group: str
    no_venues: str
    no_contacts: str
    trip: str
    """``{title} from {origin}: {times}``: the transfers that reach a venue."""
    qr_code: str
    """``QR code: {url}``: the code's text for a screen reader."""


@cache
def print_words(lang: Language) -> PrintWords:
    """The words of ``lang`` (kept: a build prints many documents in one language)."""
    return PrintWords(
        page_of=lang.gettext("Page {page} of {pages}"),
        pack=lang.gettext("Delegate pack"),
        members=lang.gettext("Members"),
        venues=lang.gettext("Venues"),
        contacts=lang.gettext("Contacts"),
        address=lang.gettext("Address"),
        rooms=lang.gettext("Rooms used"),
        getting_there=lang.gettext("Getting there"),
        map=lang.gettext("Map"),
        website=lang.gettext("Website"),
        email=lang.gettext("E-mail"),
        organiser=lang.gettext("Organiser"),
        role=lang.gettext("Role"),
        # Translators: the caption under a QR code printed beside a person's itinerary.
        scan_person=lang.gettext("Scan to add this itinerary to your phone's calendar"),
        # Translators: the caption under the QR code on the cover of a delegation's pack.
        scan_group=lang.gettext("Scan to add the delegation's programme to your phone's calendar"),
        no_venues=lang.gettext("No venue is named in this programme."),
        no_contacts=lang.gettext("The programme file names no contacts."),
        # Translators: a transfer to a venue, e.g. "Bus to Pangyo (1h) from Koreana Hotel:
        # Tue 11 Oct 09:00 KST"; {times} lists the departures.
        trip=lang.gettext("{title} from {origin}: {times}"),
        qr_code=lang.gettext("QR code: {url}"),
    )
