"""What conference schedules carry (frab, pretalx, c3voc): tracks, languages, links."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from planner.model.fields import LanguageTag, Model, Text, Url

__all__ = ["Color", "LanguageTag", "Link", "LinkType", "Track"]

Color = Annotated[
    str, Field(pattern=r"^#[0-9a-fA-F]{6}$", description="A colour as #rrggbb, e.g. #1a56db")
]
LinkType = Literal["slides", "paper", "web", "blog", "article", "media", "related", "activitypub"]


class Track(Model):
    """A thread through a conference (a topic), with the colour apps draw it in."""

    name: Text
    color: Color | None = None


class Link(Model):
    """A web address attached to a session: its slides, a paper, the recording."""

    url: Url
    title: str | None = None
    type: LinkType | None = Field(default=None, description="What it is (c3voc's link types)")
