"""What a calendar app shows a feed as: its name and description, and whose language it is in."""

from __future__ import annotations

from dataclasses import dataclass

from planner.exporters.base import Selection
from planner.languages import ENGLISH, Language
from planner.timeline import Programme

__all__ = ["FeedInfo", "describe", "feed_reader"]


@dataclass(frozen=True, slots=True)
class FeedInfo:
    """What a calendar app shows for the feed."""

    name: str
    description: str


def feed_reader(programme: Programme, selection: Selection) -> str | None:
    """The language the person or group of a selection reads, if they said."""
    if selection.person is not None:
        return programme.people[selection.person].language
    if selection.group is not None:
        return programme.groups[selection.group].language
    return None


def describe(programme: Programme, selection: Selection, lang: Language = ENGLISH) -> FeedInfo:
    """The feed's name and description: who or where, then which event or programme."""
    info = _describe(programme, selection, lang)
    if not programme.draft:
        return info
    # A subscriber must see, first thing, that this calendar may still change.
    mark = lang.pgettext("draft mark", "DRAFT")
    return FeedInfo(f"{mark}: {info.name}", f"{mark}: {info.description}")


def _describe(programme: Programme, selection: Selection, lang: Language) -> FeedInfo:
    event = programme.events[selection.event] if selection.event else None
    scope = lang.text(event.title if event else programme.name)
    subject, what = _subject(programme, selection, lang)
    if subject is None:
        return FeedInfo(scope, lang.gettext("Every session of {scope}.").format(scope=scope))
    name = lang.gettext("{label}: ").format(label=subject) + scope
    return FeedInfo(name, what.format(subject=subject, scope=scope))


def _subject(programme: Programme, selection: Selection, lang: Language) -> tuple[str | None, str]:
    """Whose or where the feed is, and the sentence that describes it."""
    if selection.person is not None:
        about = lang.gettext("Sessions and travel of {subject}, {scope}.")
        return programme.people[selection.person].name, about
    if selection.group is not None:
        about = lang.gettext("Sessions and travel of the members of {subject}, {scope}.")
        return lang.text(programme.groups[selection.group].name), about
    if selection.venue is not None:
        about = lang.gettext("Sessions at the venue of {subject}, {scope}.")
        return lang.text(programme.venues[selection.venue].name), about
    return None, ""
