"""``planner itinerary``: a person's or a group's programme, day by day, in any format."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated, cast

import typer

from planner.cli.common import (
    FileOption,
    LanguageOption,
    MaxSizeOption,
    fail,
    language_or_exit,
    load_or_exit,
    write_folder,
    write_output,
)
from planner.cli.gate import IgnoreOption, SelectOption, summarise_rule_errors
from planner.exporters import registry
from planner.exporters.base import Exporter, FolderExporter, Selection
from planner.exporters.itinerary import (
    ItineraryExporter,
    RenderOptions,
    ScheduleError,
    check_time_choice,
)
from planner.exporters.itinerary.as_table import TABLE_FORMATS
from planner.exporters.pdf.document import PAPERS
from planner.loading.collector import collector_paused
from planner.output import OutputError, check_tree
from planner.timeline import Programme

__all__ = [
    "FromOption",
    "OutputFormat",
    "PaperOption",
    "TableFormatOption",
    "ToOption",
    "WidthOption",
    "dates",
    "emit",
    "itinerary",
    "render_options",
    "warn_missing_glyphs",
]


OutputFormat = StrEnum(  # type: ignore[misc]
    "OutputFormat", {name: name for name in registry.names("itinerary")}
)
"""The registry's itinerary formats, as a --format choice."""
_TABLE = OutputFormat("table")
WRITER = "planner itinerary --all"
_FILE_WIDTH = 120
"""Text tables written to files (or piped) are this wide unless --width says otherwise."""

_FormatOption = Annotated[
    OutputFormat,
    typer.Option(
        "--format",
        help=registry.help_text("itinerary") + ".",
    ),
]
TableFormatOption = Annotated[
    str,
    typer.Option(
        "--tablefmt",
        help="With --format table: any tabulate format (simple, grid, github, psql, rst ...).",
    ),
]
WidthOption = Annotated[
    int | None,
    typer.Option(
        help="Wrap text tables to this many columns (default: the terminal's, or "
        f"{_FILE_WIDTH} when writing a file).",
        min=40,
    ),
]
FromOption = Annotated[
    datetime | None,
    typer.Option("--from", formats=["%Y-%m-%d"], help="First day shown (YYYY-MM-DD, local)."),
]
ToOption = Annotated[
    datetime | None,
    typer.Option("--to", formats=["%Y-%m-%d"], help="Last day shown (YYYY-MM-DD, local)."),
]
PaperOption = Annotated[
    str, typer.Option("--paper", help="With --format pdf: the page size, a4 or letter.")
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write to this file (with --all: this folder); default or -: standard output.",
    ),
]


def itinerary(
    who: Annotated[
        str | None,
        typer.Argument(help="A person or group id (see `planner list people`).", metavar="ID"),
    ] = None,
    file: FileOption = Path("events.yaml"),
    output_format: _FormatOption = _TABLE,
    tablefmt: TableFormatOption = "simple",
    tz: Annotated[
        str,
        typer.Option(
            "--tz",
            help="Main time column: local (where it happens, home time beside it), home, or "
            "an IANA zone such as Asia/Seoul (local time beside it).",
        ),
    ] = "local",
    event: Annotated[
        str | None, typer.Option(help="Only this event's sessions (travel is kept).", metavar="ID")
    ] = None,
    first_day: FromOption = None,
    last_day: ToOption = None,
    width: WidthOption = None,
    paper: PaperOption = "a4",
    every: Annotated[
        bool,
        typer.Option(
            "--all",
            help="Every person and group into the folder given by -o: people/ID.EXT and "
            "groups/ID.EXT.",
        ),
    ] = False,
    output: OutputOption = None,
    lang: LanguageOption = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    max_file_size: MaxSizeOption = None,
) -> None:
    """A delegate's itinerary: each day, where to be, when (local and home time), what
    happens, who chairs and speaks, travel legs and transfers with their durations.

    For a group: the shared programme, naming who attends where members differ.
    Cancelled sessions are shown and marked. Repeating sessions appear once per
    occurrence between --from and --to.

    Example: planner itinerary cambodia-delegate-1 --format html -o cambodia-1.html
    Example: planner itinerary vietnam-delegate-1 --lang ko
    Example: planner itinerary --all --format markdown -o build/itineraries
    """
    if every == (who is not None):
        fail("give a person or group id, or --all (with -o DIR) for everyone")
    if every and output is None:
        fail("--all writes one file per person and group: give the folder with -o DIR")
    if every and output is not None:
        _check_folder(output)
    to_file = output not in (None, Path("-"))
    options = render_options(tablefmt, width, to_file=to_file, lang=lang, paper=paper)
    try:
        entry = registry.get("itinerary", str(output_format))
        exporter: Exporter = entry.build(
            ItineraryExporter, tz=check_time_choice(tz), options=options
        )
    except ScheduleError as error:
        fail(str(error))
    first, last = dates(first_day, last_day)
    programme = load_or_exit(file, max_file_size)
    summarise_rule_errors(programme, select, ignore)
    group = who if who in programme.groups else None
    selection = Selection(
        event=event, person=None if group else who, group=group, first_day=first, last_day=last
    )
    try:
        if every:
            assert output is not None
            with collector_paused():  # a million short-lived rows and strings, no cycles
                count = write_folder(_files(exporter, programme, selection), output, WRITER)
            typer.echo(f"planner: wrote {count} itineraries to {output}", err=True)
            return
        data = exporter.export(programme, selection)
    except ScheduleError as error:
        fail(str(error))
    warn_missing_glyphs(exporter)
    emit(data, output, binary=not entry.content_type.startswith(("text/", "application/json")))


def render_options(
    tablefmt: str,
    width: int | None,
    *,
    to_file: bool,
    lang: str | None = None,
    paper: str = "a4",
    sheet_per_day: bool = False,
) -> RenderOptions:
    """The table format checked, the width (--width, else the terminal's or a file's), the
    language and the paper checked."""
    if tablefmt not in TABLE_FORMATS:
        fail(f"--tablefmt {tablefmt} is not one of: {', '.join(TABLE_FORMATS)}")
    if paper not in PAPERS:
        fail(f"--paper {paper} is not one of: {', '.join(PAPERS)}")
    if width is None:
        width = _FILE_WIDTH if to_file else shutil.get_terminal_size((_FILE_WIDTH, 24)).columns
    return RenderOptions(
        width=width,
        tablefmt=tablefmt,
        language=language_or_exit(lang),
        paper=paper,
        sheet_per_day=sheet_per_day,
    )


def _files(
    exporter: Exporter, programme: Programme, selection: Selection
) -> Iterator[tuple[str, bytes]]:
    """An exporter's file per person and group; a usage error for a one-file format."""
    if not hasattr(exporter, "files"):
        fail(f"--format {exporter.name} is one file, not one per person: leave out --all")
    return cast(FolderExporter, exporter).files(programme, selection)


def warn_missing_glyphs(exporter: object) -> None:
    """A PDF exporter lists the characters no installed font has: say which, once."""
    missing = sorted(getattr(exporter, "missing_glyphs", ()))
    if missing:
        names = ", ".join(f"U+{ord(char):04X}" for char in missing)
        typer.echo(
            f"planner: warning: no installed font has {names}; printed as empty boxes "
            "(install a font for that script, e.g. a Noto package)",
            err=True,
        )


def emit(data: bytes, output: Path | None, *, binary: bool = False) -> None:
    """Print ``data``, or write it to ``output`` atomically (``-``: standard output). A
    binary format (PDF, XLSX) goes to standard output only when that is not a terminal."""
    if binary and output in (None, Path("-")) and sys.stdout.isatty():
        fail("this format is binary: give a file with -o FILE (or redirect the output)")
    write_output(data, output)


def dates(first_day: datetime | None, last_day: datetime | None) -> tuple[date | None, date | None]:
    """--from and --to as dates; a usage error when they are the wrong way round."""
    first = first_day.date() if first_day is not None else None
    last = last_day.date() if last_day is not None else None
    if first is not None and last is not None and first > last:
        fail(f"--from {first} is after --to {last}")
    return first, last


def _check_folder(folder: Path) -> None:
    """Refused before any work: a folder the swap must not replace."""
    try:
        check_tree(folder, WRITER)
    except OutputError as error:
        fail(str(error))
