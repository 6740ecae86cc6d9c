"""The top level of a programme file, and of the files it includes."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from planner.model.conference import Track
from planner.model.entities import Group, Organisation, Person, Venue
from planner.model.events import Event
from planner.model.fields import Duration, Id, LanguageTag, Model, Text

__all__ = ["SECTIONS", "IncludedFile", "ProgrammeFile", "ProgrammeSettings"]


class ProgrammeSettings(Model):
    """Settings of the whole programme."""

    name: Text
    language: LanguageTag = Field(
        default="en", description="The language of the programme's outputs (BCP 47)"
    )
    uid_domain: str | None = Field(
        default=None,
        description="Domain used in calendar UIDs (a domain you control); set it before "
        "anyone subscribes. Default: the placeholder planner.invalid, with a warning",
    )
    timezone: str = Field(default="UTC", description="Default zone for online sessions")
    rules: dict[str, Any] = Field(
        default_factory=dict,
        description="Rule settings: CODE: off | error | warning | info | {severity, ...}",
    )
    reminders: list[Duration] = Field(default_factory=list)


class IncludedFile(Model):
    """An included file: the same sections as the root, without version and programme."""

    include: list[str] | str = Field(default_factory=list)
    organisations: dict[Id, Organisation] = Field(default_factory=dict)
    venues: dict[Id, Venue] = Field(default_factory=dict)
    people: dict[Id, Person] = Field(default_factory=dict)
    groups: dict[Id, Group] = Field(default_factory=dict)
    events: dict[Id, Event] = Field(default_factory=dict)
    tracks: dict[Id, Track] = Field(default_factory=dict)


class ProgrammeFile(IncludedFile):
    """A programme file (events.yaml), format version 1."""

    version: Literal[1]
    programme: ProgrammeSettings


SECTIONS: dict[str, type[Model]] = {
    "organisations": Organisation,
    "venues": Venue,
    "people": Person,
    "groups": Group,
    "events": Event,
    "tracks": Track,
}
