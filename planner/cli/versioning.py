"""``--previous`` and the next published version, for the commands that publish feeds."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from planner.cli.common import fail
from planner.timeline import Programme

if TYPE_CHECKING:
    from planner.changes.state import State

__all__ = ["PreviousOption", "next_state_or_exit"]

PreviousOption = Annotated[
    str | None,
    typer.Option(
        help="Where the last publication's state is (planner-state.json, its folder, or the "
        "published site's https:// URL ending in /), when not in the output folder.",
        metavar="PATH_OR_URL",
    ),
]


def next_state_or_exit(
    programme: Programme, stamp: datetime, previous: str | None, output: Path | None
) -> State:
    """The version to publish; a state that is named or present but unreadable: exit 1."""
    from planner.changes.publishing import next_state
    from planner.changes.state import StateError

    try:
        return next_state(programme, stamp, previous=previous, output=output)
    except StateError as error:
        fail(str(error), 1)
