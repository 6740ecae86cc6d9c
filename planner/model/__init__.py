"""The programme file format (version 1) as pydantic models: what may be written in YAML."""

from planner.model.conference import Link, Track
from planner.model.entities import (
    Geo,
    Group,
    Organisation,
    Person,
    Room,
    TravelLeg,
    Unavailable,
    Venue,
)
from planner.model.events import DateRange, Event, Session, Window
from planner.model.programme import SECTIONS, IncludedFile, ProgrammeFile, ProgrammeSettings

__all__ = [
    "SECTIONS",
    "DateRange",
    "Event",
    "Geo",
    "Group",
    "IncludedFile",
    "Link",
    "Organisation",
    "Person",
    "ProgrammeFile",
    "ProgrammeSettings",
    "Room",
    "Session",
    "Track",
    "TravelLeg",
    "Unavailable",
    "Venue",
    "Window",
]
