"""Every fixed phrase of a change notice, in one place, so a translation replaces one object.

``Phrases`` holds English; a translated notice passes another instance to the renderers.
Placeholders are ``str.format`` fields: ``{name}``, ``{programme}``, ``{count}`` ...
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["ENGLISH", "Phrases"]


def _kind_labels() -> dict[str, str]:
    return {
        "added": "added",
        "removed": "removed",
        "cancelled": "cancelled",
        "reinstated": "reinstated",
        "moved": "moved",
        "retitled": "renamed",
        "people": "people changed",
        "status": "status changed",
        "id-changed": "id changed",
        "placed": "placed",
        "opened": "no time yet",
    }


@dataclass(frozen=True)
class Phrases:
    language: str = "en"
    subject_one: str = "{programme}: {title} {headline}"
    subject_many: str = "{programme}: {count} changes to your programme"
    greeting: str = "Dear {name},"
    greeting_group: str = "To the members of {name},"
    intro_one: str = "One session of {programme} that concerns you has changed."
    intro_many: str = "{count} sessions of {programme} that concern you have changed."
    before: str = "Before"
    after: str = "Now"
    when: str = "When"
    where: str = "Where"
    title: str = "Title"
    status: str = "Status"
    event: str = "Event"
    your_time: str = "your time ({zone})"
    local_time: str = "local time"
    you_were_added: str = "You have been added to this session."
    you_were_removed: str = "You are no longer in this session."
    was_added: str = "New session."
    was_removed: str = "This session has been removed from the programme."
    was_cancelled: str = "This session is cancelled."
    was_reinstated: str = "This session takes place again."
    was_placed: str = "This session now has a time."
    was_opened: str = "This session has no time for now: it will be placed again."
    members_affected: str = "Members concerned: {names}"
    calendar_attached: str = (
        "Your updated calendar is attached ({file}): open it, or refresh your subscription, "
        "so your calendar shows these changes."
    )
    no_calendar: str = "You no longer have sessions in the programme."
    closing: str = "This notice was written by planner from the published programme."
    kinds: dict[str, str] = field(default_factory=_kind_labels)
    days: tuple[str, ...] = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
    months: tuple[str, ...] = (
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    )  # fmt: skip

    def headline(self, kinds: tuple[str, ...]) -> str:
        return ", ".join(self.kinds.get(kind, kind) for kind in kinds)


ENGLISH = Phrases()
