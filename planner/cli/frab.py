"""``planner frab``: the schedule for conference apps (frab/c3voc schedule.xml or .json)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from planner.cli.common import FileOption, MaxSizeOption, checked_or_exit, fail, write_output
from planner.exporters import registry
from planner.exporters.base import Exporter, Selection

__all__ = ["FrabFormat", "frab"]

FrabFormat = StrEnum(  # type: ignore[misc]
    "FrabFormat", {name: name for name in registry.names("schedule")}
)
"""The registry's schedule formats, as a --format choice."""
_XML = FrabFormat("xml")


def frab(
    file: FileOption = Path("events.yaml"),
    output_format: Annotated[
        FrabFormat,
        typer.Option("--format", help=f"{registry.help_text('schedule')}."),
    ] = _XML,
    event: Annotated[
        str | None,
        typer.Option(help="Only this event (an id); default: every event.", metavar="ID"),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to this file; default: standard output."),
    ] = None,
    max_file_size: MaxSizeOption = None,
) -> None:
    """Write the schedule that conference apps read offline (Giggity, EventFahrplan,
    ConfClerk, pyfahrplan): frab/c3voc schedule.xml or schedule.json.

    Every session keeps its guid across builds (its uid, or a UUIDv5 of its calendar UID),
    and the same programme gives the same bytes. A programme with errors writes nothing.

    Example: planner frab --event asia-innova-2017 -o schedule.xml
    Example: planner frab --format json -o schedule.json
    """
    from planner.exporters.ics import UnknownId
    from planner.exporters.ics.feed import check_selection

    if output is not None and output.is_dir():
        fail(f"{output} is a folder; give a file name (schedule.xml)")
    programme = checked_or_exit(file, max_file_size)
    selection = Selection(event=event)
    try:
        check_selection(programme, selection)
    except UnknownId as error:
        fail(str(error))
    from planner.exporters.frab.empty import NoSchedule

    exporter: Exporter = registry.get("schedule", str(output_format)).exporter()()
    try:
        data = exporter.export(programme, selection)
    except NoSchedule as error:
        fail(f"{file}: {error}", 1)
    # Through the shared writer: a temporary file renamed over the target (never half a
    # schedule), pipes and devices written through, a folder refused.
    write_output(data, output)
