"""Events and their sessions: what happens, when and where."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, NonNegativeInt

from planner.model.conference import LanguageTag, Link
from planner.model.fields import (
    DateText,
    DateTimeText,
    Duration,
    EndText,
    Id,
    Model,
    SessionKind,
    StartText,
    Status,
    Text,
    TimeRangeText,
    Url,
)

__all__ = ["DateRange", "Event", "EventKind", "Session", "Window"]

EventKind = Literal[
    "summit", "conference", "forum", "study_tour", "executive_meeting", "training",
    "workshop", "roadshow", "debate", "meeting", "other",
]  # fmt: skip


class Window(Model):
    """When an open session may happen: local times in the session's zone, inclusive."""

    from_: DateTimeText = Field(alias="from", description="Earliest start: 2016-10-11 09:00")
    to: DateTimeText = Field(description="Latest end: 2016-10-12 18:00")


class Session(Model):
    """One item of an event's programme: a lecture, a visit, a transfer, a meal."""

    id: Id | None = Field(
        default=None, description="Stable id (part of the calendar UID); default: title + date"
    )
    title: Text
    kind: SessionKind = "other"
    start: StartText | None = None
    end: EndText | None = None
    duration: Duration | None = None
    date: DateText | None = None
    time: TimeRangeText | None = None
    venue: Id | None = None
    room: Id | None = None
    online: Url | None = Field(default=None, description="Link of a virtual session")
    timezone: str | None = None
    speakers: list[Id] = Field(default_factory=list)
    chair: Id | None = None
    participants: list[Id] | None = None
    remote: list[Id] = Field(
        default_factory=list,
        description="People or groups who join a session in a room online (hybrid): not seated, "
        "no travel; night is checked in their own zone",
    )
    expected_attendance: NonNegativeInt | None = None
    repeat: str | None = Field(default=None, description="RFC 5545 RRULE, e.g. FREQ=MONTHLY")
    except_: list[DateText] = Field(default_factory=list, alias="except")
    from_: Id | None = Field(default=None, alias="from")
    to: Id | None = None
    status: Status | None = None
    description: Text | None = None
    tags: list[str] = Field(default_factory=list)
    allow: list[str] = Field(default_factory=list, description="Rule codes silenced here")
    # An open session: `duration` and `window`, no start yet (`planner schedule` places it).
    window: Window | None = Field(
        default=None, description="Open session: place it inside this window (planner schedule)"
    )
    venues: list[Id] | None = Field(
        default=None, description="Open session: the venues it may happen at"
    )
    rooms: list[Id] | None = Field(
        default=None, description="Open session: the rooms (of its venue) it may use"
    )
    after: list[Id] = Field(
        default_factory=list, description="Sessions of this event it must start after"
    )
    # What conference schedules carry (frab, pretalx); see docs/interop.md.
    uid: str | None = Field(
        default=None,
        min_length=1,
        max_length=255,
        description="External stable identifier (a frab GUID): the calendar UID and every "
        "export's id, so retitling never changes identity",
    )
    url: Url | None = Field(default=None, description="The session's own web page")
    language: LanguageTag | None = None
    subtitle: Text | None = None
    abstract: Text | None = Field(
        default=None, description="A short summary; `description` is the long text"
    )
    track: Id | None = Field(default=None, description="A track declared under `tracks:`")
    recording: bool = Field(default=True, description="false: not recorded or streamed")
    links: list[Url | Link] = Field(default_factory=list)
    hosts: list[Id] = Field(
        default_factory=list,
        description="People or groups who book the session and need not attend all of it",
    )


class DateRange(Model):
    """First and last day, inclusive."""

    start: DateText
    end: DateText


class Event(Model):
    """A summit, study tour, meeting or course, with its sessions."""

    title: Text
    kind: EventKind = "other"
    organisers: list[Id] = Field(default_factory=list)
    description: Text | None = None
    url: Url | None = None
    dates: DateRange | None = None
    venue: Id | None = None
    timezone: str | None = None
    participants: list[Id] = Field(default_factory=list)
    status: Status = "confirmed"
    tags: list[str] = Field(default_factory=list)
    sessions: list[Session] = Field(min_length=1)
