"""``planner agenda``: the programme as a table, by event, venue and day, or a venue's rooms."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from planner.cli.common import FileOption, LanguageOption, MaxSizeOption, fail, load_or_exit
from planner.cli.gate import IgnoreOption, SelectOption, summarise_rule_errors
from planner.cli.itinerary import (
    FromOption,
    PaperOption,
    TableFormatOption,
    ToOption,
    WidthOption,
    dates,
    emit,
    render_options,
    warn_missing_glyphs,
)
from planner.exporters import registry
from planner.exporters.base import Exporter, Selection
from planner.exporters.itinerary import AgendaExporter, ScheduleError, check_time_choice

__all__ = ["agenda"]


AgendaFormat = StrEnum(  # type: ignore[misc]
    "AgendaFormat", {name: name for name in registry.names("agenda")}
)
_TABLE = AgendaFormat("table")


class Layout(StrEnum):
    time = "time"
    room = "room"


class SheetPer(StrEnum):
    none = "none"
    day = "day"


def agenda(
    file: FileOption = Path("events.yaml"),
    event: Annotated[
        str | None, typer.Option(help="Only this event (an id).", metavar="ID")
    ] = None,
    venue: Annotated[
        str | None, typer.Option(help="Only this venue (an id).", metavar="ID")
    ] = None,
    day: Annotated[
        datetime | None,
        typer.Option(formats=["%Y-%m-%d"], help="Only this day (YYYY-MM-DD, local)."),
    ] = None,
    first_day: FromOption = None,
    last_day: ToOption = None,
    room: Annotated[
        list[str] | None,
        typer.Option(
            help="Only this room's sessions (an id; may be repeated, or comma-separated ids).",
            metavar="ID",
        ),
    ] = None,
    by: Annotated[
        Layout,
        typer.Option(
            help="time: one list per day; room: a grid of the venue's rooms per day "
            "(needs --venue or --room; csv and json stay one row per session).",
        ),
    ] = Layout.time,
    output_format: Annotated[
        AgendaFormat, typer.Option("--format", help=f"{registry.help_text('agenda')}.")
    ] = _TABLE,
    tablefmt: TableFormatOption = "simple",
    tz: Annotated[
        str, typer.Option("--tz", help="local (where each session happens) or an IANA zone.")
    ] = "local",
    width: WidthOption = None,
    paper: PaperOption = "a4",
    sheet_per: Annotated[
        SheetPer,
        typer.Option("--sheet-per", help="With --format xlsx: day puts each day on a sheet."),
    ] = SheetPer.none,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to this file; default: standard output."),
    ] = None,
    lang: LanguageOption = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    max_file_size: MaxSizeOption = None,
) -> None:
    """The programme as a table: every session of an event, a venue or some days.

    Example: planner agenda --event asia-innova-2017 --format markdown
    Example: planner agenda --venue casa-asia-madrid --day 2017-11-22 --by room
    Example: planner agenda --room main-hall,meeting-room-1 --by room --format markdown
    Example: planner agenda --event asia-innova-2017 --lang es
    Example: planner agenda --event k-smart-city-tour-2016 --format xlsx --sheet-per day -o t.xlsx
    """
    if day is not None and (first_day is not None or last_day is not None):
        fail("--day is one day; leave out --from and --to, or --day")
    rooms = tuple(part.strip() for value in room or () for part in value.split(",") if part.strip())
    if by is Layout.room and venue is None and not rooms:
        fail("--by room shows one venue's rooms: give --venue ID (or --room ID)")
    if width is None and str(output_format) == "markdown":
        from planner.exporters.itinerary.options import MARKDOWN_WIDTH

        width = MARKDOWN_WIDTH  # a Markdown file's page, not the terminal it is written from
    options = render_options(
        tablefmt,
        width,
        to_file=output not in (None, Path("-")),
        paper=paper,
        sheet_per_day=sheet_per is SheetPer.day,
        lang=lang,
    )
    try:
        entry = registry.get("agenda", str(output_format))
        exporter: Exporter = entry.build(
            AgendaExporter, tz=check_time_choice(tz), options=options, by_room=by is Layout.room
        )
    except ScheduleError as error:
        fail(str(error))
    first, last = dates(day, day) if day is not None else dates(first_day, last_day)
    programme = load_or_exit(file, max_file_size)
    summarise_rule_errors(programme, select, ignore)
    selection = Selection(event=event, venue=venue, first_day=first, last_day=last, rooms=rooms)
    try:
        data = exporter.export(programme, selection)
    except ScheduleError as error:
        fail(str(error))
    warn_missing_glyphs(exporter)
    emit(data, output, binary=not entry.content_type.startswith(("text/", "application/json")))
