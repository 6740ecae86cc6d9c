"""Every fixed phrase of a change notice, in the reader's language, in one place.

:func:`phrases` fills :class:`Phrases` from the language's catalog; the renderers read
only that object, and the language's formats for dates and times. Placeholders are
``str.format`` fields: ``{name}``, ``{programme}``, ``{count}`` ...
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from planner.languages import ENGLISH as ENGLISH_LANGUAGE
from planner.languages import Language

__all__ = ["ENGLISH", "Phrases", "change_kinds", "phrases"]


def change_kinds(lang: Language) -> dict[str, str]:
    """What happened to a session, as a notice's headline says it (``moved``, ``renamed``)."""
    return {
        "added": lang.pgettext("change", "added"),
        "removed": lang.pgettext("change", "removed"),
        "cancelled": lang.pgettext("change", "cancelled"),
        "reinstated": lang.pgettext("change", "reinstated"),
        "moved": lang.pgettext("change", "moved"),
        "retitled": lang.pgettext("change", "renamed"),
        "people": lang.pgettext("change", "people changed"),
        "status": lang.pgettext("change", "status changed"),
        "id-changed": lang.pgettext("change", "id changed"),
        # Translators: a session without a time was given one (by `planner schedule`).
        "placed": lang.pgettext("change", "placed"),
        # Translators: a session's time was taken away, to be placed again.
        "opened": lang.pgettext("change", "no time yet"),
    }


@dataclass(frozen=True)
class Phrases:
    """A notice's words in one language (``lang``, which also writes its dates)."""

    lang: Language
    subject_one: str
    greeting: str
    greeting_group: str
    intro_one: str
    before: str
    after: str
    when: str
    title: str
    label: str
    """``{label}: ``, the colon after a label as the language writes it."""
    your_time: str
    you_were_added: str
    you_were_removed: str
    was_added: str
    was_removed: str
    was_cancelled: str
    was_reinstated: str
    was_placed: str
    was_opened: str
    members_affected: str
    calendar_attached: str
    no_calendar: str
    closing: str
    kinds: Mapping[str, str]

    @property
    def language(self) -> str:
        return self.lang.tag

    def subject_many(self, count: int) -> str:
        """The subject of a notice about ``count`` sessions: ``{programme}``, ``{count}``."""
        return self.lang.ngettext(
            "{programme}: {count} change to your programme",
            "{programme}: {count} changes to your programme",
            count,
        )

    def intro_many(self, count: int) -> str:
        """The first sentence of a notice about ``count`` sessions."""
        return self.lang.ngettext(
            "{count} session of {programme} that concerns you has changed.",
            "{count} sessions of {programme} that concern you have changed.",
            count,
        )

    def headline(self, kinds: tuple[str, ...]) -> str:
        separator = self.lang.pgettext("separator", ", ")
        return separator.join(self.kinds.get(kind, kind) for kind in kinds)

    def note(self, name: str) -> str:
        """The sentence under a change: ``you_were_added``, ``was_cancelled`` ..."""
        notes = {
            "you_were_added": self.you_were_added,
            "you_were_removed": self.you_were_removed,
            "was_added": self.was_added,
            "was_removed": self.was_removed,
            "was_cancelled": self.was_cancelled,
            "was_reinstated": self.was_reinstated,
            "was_placed": self.was_placed,
            "was_opened": self.was_opened,
        }
        return notes[name]


@cache
def phrases(lang: Language = ENGLISH_LANGUAGE) -> Phrases:
    """The notice's phrases in ``lang``."""

    return Phrases(
        lang=lang,
        # Translators: the subject of a notice about one session: "Tour: Pangyo visit moved".
        subject_one=lang.gettext("{programme}: {title} {headline}"),
        greeting=lang.gettext("Dear {name},"),
        greeting_group=lang.gettext("To the members of {name},"),
        intro_one=lang.gettext("One session of {programme} that concerns you has changed."),
        before=lang.gettext("Before"),
        after=lang.gettext("Now"),
        when=lang.gettext("When"),
        title=lang.gettext("Title"),
        label=lang.gettext("{label}: "),
        your_time=lang.gettext("your time ({zone})"),
        you_were_added=lang.gettext("You have been added to this session."),
        you_were_removed=lang.gettext("You are no longer in this session."),
        was_added=lang.gettext("New session."),
        was_removed=lang.gettext("This session has been removed from the programme."),
        was_cancelled=lang.gettext("This session is cancelled."),
        was_reinstated=lang.gettext("This session takes place again."),
        was_placed=lang.gettext("This session now has a time."),
        was_opened=lang.gettext("This session has no time for now: it will be placed again."),
        members_affected=lang.gettext("Members concerned: {names}"),
        calendar_attached=lang.gettext(
            "Your updated calendar is attached ({file}): open it, or refresh your "
            "subscription, so your calendar shows these changes."
        ),
        no_calendar=lang.gettext("You no longer have sessions in the programme."),
        closing=lang.gettext("This notice was written by planner from the published programme."),
        kinds=change_kinds(lang),
    )


ENGLISH = phrases(ENGLISH_LANGUAGE)
