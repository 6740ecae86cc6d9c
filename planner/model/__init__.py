"""The programme file format (version 1) as pydantic models: what may be written in YAML.

The models are imported on first use (``from planner.model import Session``): a programme
whose entries are all well formed is read without pydantic (:mod:`planner.model.quick`).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

_HOMES = {
    "conference": ("Link", "Track"),
    "entities": (
        "Geo",
        "Group",
        "Organisation",
        "Person",
        "Room",
        "TravelLeg",
        "Unavailable",
        "Venue",
    ),
    "events": ("DateRange", "Event", "Session", "Window"),
    "programme": ("SECTIONS", "IncludedFile", "ProgrammeFile", "ProgrammeSettings"),
}
_MODULE_OF = {name: module for module, names in _HOMES.items() for name in names}


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    found = getattr(import_module(f"planner.model.{module}"), name)
    globals()[name] = found
    return found
