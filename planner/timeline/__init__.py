"""The resolved timeline: the programme as rules and exporters read it."""

from planner.timeline.objects import (
    Event,
    Geo,
    Group,
    Link,
    Occurrence,
    OpeningHours,
    Organisation,
    Person,
    Room,
    Session,
    Span,
    Track,
    TravelLeg,
    Unavailability,
    Venue,
)
from planner.timeline.open_sessions import OpenSession
from planner.timeline.programme import Programme

__all__ = [
    "Event",
    "Geo",
    "Group",
    "Link",
    "Occurrence",
    "OpenSession",
    "OpeningHours",
    "Organisation",
    "Person",
    "Programme",
    "Room",
    "Session",
    "Span",
    "Track",
    "TravelLeg",
    "Unavailability",
    "Venue",
]
