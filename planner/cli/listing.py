"""``planner list``: the events, sessions, people, venues or groups of a programme."""

from __future__ import annotations

import shutil
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from planner.cli.common import FileOption, MaxSizeOption, load_or_exit
from planner.cli.itinerary import emit
from planner.exporters import registry
from planner.exporters.base import Selection
from planner.reporting.listing import LISTABLE, TableListing

__all__ = ["list_entries"]

Kind = StrEnum("Kind", {name: name for name in LISTABLE})  # type: ignore[misc]


ListFormat = StrEnum(  # type: ignore[misc]
    "ListFormat", {name: name for name in registry.names("listing")}
)
_TABLE = ListFormat("table")


def list_entries(
    kind: Annotated[Kind, typer.Argument(help="What to list.")],
    file: FileOption = Path("events.yaml"),
    list_format: Annotated[
        ListFormat, typer.Option("--format", help=f"{registry.help_text('listing')}.")
    ] = _TABLE,
    tablefmt: Annotated[str, typer.Option(help="Any tabulate table format.")] = "simple",
    width: Annotated[
        int | None,
        typer.Option(
            min=20,
            help="Wrap a table's text to this many columns (default: the terminal's width; "
            "unwrapped when not on a terminal).",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to this file; default: standard output."),
    ] = None,
    max_file_size: MaxSizeOption = None,
) -> None:
    """List the events, sessions, people, venues or groups of a programme.

    Example: planner list sessions -f events.yaml --format json
    Example: planner list people --format xlsx -o people.xlsx
    """
    programme = load_or_exit(file, max_file_size)
    entry = registry.get("listing", str(list_format))
    exporter = entry.exporter_as(TableListing)
    if width is None and output is None and sys.stdout.isatty():
        width = shutil.get_terminal_size().columns
    data = exporter(str(kind.value), tablefmt, width).export(programme, Selection())
    emit(data, output, binary=not entry.content_type.startswith(("text/", "application/json")))
