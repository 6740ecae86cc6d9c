"""Organisations, venues, people and groups: who and where."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, PositiveInt

from planner.model.fields import (
    CountryCode,
    DateTimeText,
    Email,
    Id,
    LanguageTag,
    LegTimeText,
    Model,
    Text,
    TimeRangeText,
    Url,
)

__all__ = ["Geo", "Group", "Organisation", "Person", "Room", "TravelLeg", "Unavailable", "Venue"]

Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
DayHours = Annotated[str, Field(pattern=r"^(closed|\d{1,2}:\d{2} *- *\d{1,2}:\d{2})$")]


class Organisation(Model):
    """A city network, ministry, bank, company or city government."""

    name: Text
    short: Text | None = None
    url: Url | None = None
    country: CountryCode | None = None


class Room(Model):
    """A bookable space inside a venue."""

    name: Text | None = None
    capacity: PositiveInt | None = None


class Geo(Model):
    """Latitude and longitude in degrees."""

    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)


class Venue(Model):
    """A place sessions happen: a building, a site to visit, or an online platform."""

    name: Text
    address: str | None = None
    city: Text | None = None
    country: CountryCode | None = None
    timezone: str = Field(description="IANA time zone name, e.g. Asia/Seoul")
    geo: Geo | None = None
    capacity: PositiveInt | None = None
    hours: TimeRangeText | dict[Weekday, DayHours] | None = Field(
        default=None,
        description='Opening hours every day ("08:00-20:00"), or per weekday (mon..sun) '
        'with "closed" for closed days',
    )
    rooms: dict[Id, Room] = Field(default_factory=dict)
    online: bool = False
    url: Url | None = None


class TravelLeg(Model):
    """A journey: a flight, train or drive, each end in its own time zone."""

    mode: Literal["flight", "train", "bus", "car", "ship", "walk", "other"] = "other"
    ref: str | None = Field(default=None, description="Flight or train number")
    from_: str | None = Field(default=None, alias="from")
    to: str | None = None
    depart: LegTimeText
    depart_timezone: str | None = Field(
        default=None, description="Zone of the departure time; default: the person's zone"
    )
    arrive: LegTimeText
    arrive_timezone: str | None = Field(
        default=None, description="Zone of the arrival time; default: the departure zone"
    )


class Unavailable(Model):
    """A window, in the person's own time zone, when they cannot attend anything."""

    from_: DateTimeText = Field(alias="from")
    to: DateTimeText
    reason: str | None = None


class Person(Model):
    """A delegate, speaker, official or organiser."""

    name: str
    organisation: Id | None = None
    role: Text | None = None
    language: LanguageTag | None = Field(
        default=None, description="The language of their outputs; default: the programme's"
    )
    country: CountryCode | None = None
    timezone: str | None = Field(default=None, description="Home time zone (IANA)")
    email: Email | None = None
    travel: list[TravelLeg] = Field(default_factory=list)
    unavailable: list[Unavailable] = Field(default_factory=list)


class Group(Model):
    """A delegation, training cohort or committee: people and other groups."""

    name: Text
    members: list[Id] = Field(default_factory=list)
    language: LanguageTag | None = Field(
        default=None, description="The language of the group's outputs; default: the programme's"
    )
