"""``missing-translation``: a text a reader reads is not written in their language."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from planner.diagnostics import Location
from planner.languages.texts import LocalText
from planner.rules.base import Finding, Rule
from planner.rules.context import RuleContext
from planner.rules.text import names, verb
from planner.timeline import Programme, Session

if TYPE_CHECKING:
    from planner.rules.settings import MissingTranslationSettings

__all__ = ["MissingTranslation"]


@dataclass(frozen=True, slots=True)
class _Reader:
    """A person or group whose outputs are written in a language of their own."""

    name: str
    tag: str
    """Their language as written (``es-MX``)."""
    location: Location
    people: frozenset[str]


class MissingTranslation(Rule):
    """## What it does
    For every language a person or group reads (their `language`) other than the
    programme's, looks at the texts of the sessions they take part in (a group: any of its
    members): the session's title and description and its event's title. A text with no
    version in that language is reported once per language, at its session or event, naming
    who reads it; `es` is served by `es-MX` and the reverse. A plain text counts as written
    in the programme's language. The first `listed` texts (5) are reported one by one, then
    one message counts the rest, so a thousand English sessions and one Korean reader make
    six messages, not a thousand. Cancelled sessions take no part.

    ## Why it matters
    A reader's itinerary, pack and feed show planner's own words in their language, and the
    programme's texts in it where the file gives them; a title left in English in a Korean
    itinerary is the one line the delegate cannot read.

    ## Example
    ```yaml
    people:
      min: {name: Kim Min-jun, language: ko}
    sessions:
      - title: {en: Rooftop solar, es: Energía solar en la azotea}   # no ko
    ```
    "the title of session `tour/solar` (Rooftop solar) has no `ko` text, which Kim Min-jun
    reads: it is printed in `en`".

    ## How to fix
    Give the text in that language (`title: {en: Rooftop solar, ko: 옥상 태양광}`), or
    turn the rule off where English is expected: `missing-translation: off`.
    """

    code = "missing-translation"
    settings_name = "MissingTranslationSettings"

    def check(
        self, context: RuleContext, settings: MissingTranslationSettings
    ) -> Iterator[Finding]:
        programme = context.programme
        for readers in _readers(programme).values():
            missing = _Missing(readers[0].tag, programme.language, settings.listed)
            yield from missing.find(context.sessions, readers, programme)
            yield from missing.rest(readers)


def _readers(programme: Programme) -> dict[str, list[_Reader]]:
    """People and groups by the language they read (lower case), in file order; not those
    who read the programme's own language."""
    own = programme.language.lower().split("-")[0]
    found: dict[str, list[_Reader]] = {}
    for person in programme.people.values():
        if person.language and person.language.lower().split("-")[0] != own:
            reader = _Reader(person.name, person.language, person.location, frozenset((person.id,)))
            found.setdefault(person.language.lower(), []).append(reader)
    for group in programme.groups.values():
        if group.language and group.language.lower().split("-")[0] != own:
            name = f"the group {group.name}"
            reader = _Reader(name, group.language, group.location, frozenset(group.people))
            found.setdefault(group.language.lower(), []).append(reader)
    return found


class _Missing:
    """The texts lacking one language, reported up to a count and then counted."""

    def __init__(self, tag: str, default: str, listed: int) -> None:
        self.tag = tag
        self.default = default
        self.listed = listed
        self.count = 0

    def find(
        self, sessions: tuple[Session, ...], readers: list[_Reader], programme: Programme
    ) -> Iterator[Finding]:
        events_seen: set[str] = set()
        for session in sessions:
            attending = set(session.people)
            who = [reader for reader in readers if reader.people & attending]
            if not who:
                continue
            if session.event_id not in events_seen:
                events_seen.add(session.event_id)
                event = programme.events[session.event_id]
                where = f"event `{event.id}`"
                yield from self._check("title", where, event.title, event.location, who, ())
            key = (session.key,)
            where = f"session `{session.key}`"
            yield from self._check("title", where, session.title, session.location, who, key)
            if session.description:
                text, at = session.description, session.location
                yield from self._check("description", where, text, at, who, key)

    def _check(
        self,
        field: str,
        where: str,
        text: str,
        location: Location,
        who: list[_Reader],
        sessions: tuple[str, ...],
    ) -> Iterator[Finding]:
        if isinstance(text, LocalText) and text.in_language(self.tag) is not None:
            return
        self.count += 1
        if self.count > self.listed:
            return
        readers = [reader.name for reader in who]
        shown = _shown_language(text, self.default)
        yield Finding(
            f"the {field} of {where} ({_excerpt(text)}) has no `{self.tag}` text, which "
            f"{names(readers)} {verb(readers, 'reads', 'read')}: it is printed in `{shown}`",
            location,
            sessions=sessions,
        )

    def rest(self, readers: list[_Reader]) -> Iterator[Finding]:
        """One message for the texts past the listed ones, at the first reader."""
        more = self.count - self.listed
        if more <= 0:
            return
        who = [reader.name for reader in readers]
        yield Finding(
            f"{more} more text{'s' if more > 1 else ''} that {names(who)} "
            f"{verb(who, 'reads', 'read')} {'have' if more > 1 else 'has'} no `{self.tag}` "
            f"text (titles and descriptions; the first {self.listed} are listed above)",
            readers[0].location,
        )


def _shown_language(text: str, default: str) -> str:
    """The language a reader lacking theirs gets: the programme's, else the first given."""
    if isinstance(text, LocalText) and text.in_language(default) is None:
        return next(iter(text.translations), default)
    return default


def _excerpt(text: str) -> str:
    one_line = " ".join(str(text).split())
    return one_line if len(one_line) <= 40 else one_line[:39] + "…"
