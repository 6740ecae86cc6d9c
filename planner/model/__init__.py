"""The programme file format (version 1) as pydantic models: what may be written in YAML."""

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
    "Organisation",
    "Person",
    "ProgrammeFile",
    "ProgrammeSettings",
    "Room",
    "Session",
    "TravelLeg",
    "Unavailable",
    "Venue",
    "Window",
]
