"""Versions that calendars respect, change notices, and the change feed.

    >>> from planner.changes import advance, read_state, revisions
    >>> state = advance(read_state("site/"), programme, stamp)
    >>> IcsExporter(revisions=revisions(state)).export(programme, Selection())

``marks`` says what counts as a change; ``state`` reads and writes the state file kept with
the published output; ``versions`` makes the next version from the previous state.
"""

from planner.changes.marks import ASPECTS, Snapshot, snapshots
from planner.changes.state import (
    STATE_FILE,
    Change,
    FieldText,
    Record,
    State,
    StateError,
    Version,
    dump_state,
    parse_state,
    read_state,
)
from planner.changes.versions import advance, revisions

__all__ = [
    "ASPECTS",
    "STATE_FILE",
    "Change",
    "FieldText",
    "Record",
    "Snapshot",
    "State",
    "StateError",
    "Version",
    "advance",
    "dump_state",
    "parse_state",
    "read_state",
    "revisions",
    "snapshots",
]
