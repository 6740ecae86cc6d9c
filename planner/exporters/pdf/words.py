"""Every fixed phrase the printed documents use, in one place (so they can be translated).

Text from the YAML never comes from here; these are planner's own words.
"""

from __future__ import annotations

__all__ = ["WORDS"]

WORDS: dict[str, str] = {
    "page": "Page",
    "of": "of",
    "itinerary": "Itinerary",
    "agenda": "Agenda",
    "pack": "Delegate pack",
    "programme": "The programme",
    "shared_programme": "The shared programme",
    "members": "Members",
    "dates": "Dates",
    "contents": "In this pack",
    "itineraries": "Itineraries",
    "venues": "Venues",
    "contacts": "Contacts",
    "address": "Address",
    "rooms": "Rooms used",
    "getting_there": "Getting there",
    "map": "Map",
    "website": "Website",
    "email": "E-mail",
    "organiser": "Organiser",
    "role": "Role",
    "scan_person": "Scan to add this itinerary to your phone's calendar",
    "scan_group": "Scan to add the delegation's programme to your phone's calendar",
    "no_venues": "No venue is named in this programme.",
    "no_contacts": "The programme file names no contacts.",
    "from_place": "from",
}
