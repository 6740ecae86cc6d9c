"""``unused``: entries that nothing refers to."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Protocol

from planner.diagnostics import Location
from planner.rules.base import Finding, Rule
from planner.rules.context import RuleContext

if TYPE_CHECKING:
    from planner.rules.settings import NoSettings

__all__ = ["Unused"]


class _Named(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def name(self) -> str: ...

    @property
    def location(self) -> Location: ...


_KINDS = (
    ("organisations", "organisation", "no person or event names it as organisation or organiser"),
    ("venues", "venue", "no session or event takes place there"),
    ("people", "person", "no session, event or group names them"),
    ("groups", "group", "no session, event or other group names it"),
)


class Unused(Rule):
    """## What it does
    Counts the references to every organisation, venue, person and group: a person's
    `organisation`, an event's `organisers`, `venue` and `participants`, a session's
    `venue`, `from`, `to`, `participants`, `speakers` and `chair`, a group's `members`. An
    entry with none is reported at its definition. References from cancelled sessions
    count: the entry is still part of the programme.

    ## Why it matters
    An unused entry is often a typo's other half (the session names `lee-kyong-yull`, the
    person is `lee-kyong-yul`, and a different check already flags the unknown id), or a
    leftover from an earlier draft that still gets printed in the list of participants.

    ## Example
    ```yaml
    venues:
      old-hotel: {name: Old Hotel, timezone: Asia/Seoul}    # no session is there any more
    ```
    "the venue `old-hotel` (Old Hotel) is never used: no session or event takes place there".

    ## How to fix
    Delete the entry, or refer to it where it was meant to be used. Keep it without the
    message by turning the rule off: `unused: off`.
    """

    code = "unused"

    def check(self, context: RuleContext, settings: NoSettings) -> Iterator[Finding]:
        programme = context.programme
        references = programme.references
        for attribute, noun, why in _KINDS:
            entries: Mapping[str, _Named] = getattr(programme, attribute)
            for entry_id, entry in entries.items():
                if references.get(entry_id, 0) == 0:
                    yield Finding(
                        f"the {noun} `{entry_id}` ({entry.name}) is never used: {why}",
                        entry.location,
                    )
