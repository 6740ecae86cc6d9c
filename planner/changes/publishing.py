"""What ``planner build`` and ``planner ics --all`` do with versions, in one place.

    >>> state = next_state(programme, stamp, previous="https://example.org/site/", output=site)
    >>> files = [*site_files(..., revisions=revisions(state)), *change_files(state, base_url)]

The previous state is read from ``--previous`` when given, else from the output folder of
the last run; neither means this is the first version.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from planner.changes.feed import ATOM_FILE, PAGE_FILE, changes_atom, changes_page
from planner.changes.state import STATE_FILE, State, dump_state, read_state
from planner.changes.versions import advance
from planner.languages import ENGLISH, Language
from planner.timeline import Programme

__all__ = ["change_files", "next_state", "previous_state", "state_file"]


def previous_state(previous: str | None, output: Path | None) -> State | None:
    """The state ``--previous`` names, else the one in ``output``, else None (first version).

    Raises :class:`~planner.changes.state.StateError` when a state is named or present
    but cannot be read: publishing over it would restart every SEQUENCE at 0.
    """
    if previous is not None:
        return read_state(previous)
    if output is not None and (output / STATE_FILE).is_file():
        return read_state(output / STATE_FILE)
    return None


def next_state(
    programme: Programme, stamp: datetime, *, previous: str | None, output: Path | None
) -> State:
    return advance(previous_state(previous, output), programme, stamp)


def state_file(state: State) -> tuple[str, bytes]:
    return STATE_FILE, dump_state(state)


def change_files(
    state: State, base_url: str | None, lang: Language = ENGLISH
) -> list[tuple[str, bytes]]:
    """The state file, ``changes.atom`` and ``changes.html`` (in ``lang``), for the site."""
    return [
        state_file(state),
        (ATOM_FILE, changes_atom(state, base_url, lang)),
        (PAGE_FILE, changes_page(state, lang).encode("utf-8")),
    ]
