"""``planner pack``: a delegation's (or a person's) printed pack, as one PDF."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from planner.cli.common import FileOption, LanguageOption, MaxSizeOption, fail, load_or_exit
from planner.cli.itinerary import (
    FromOption,
    PaperOption,
    ToOption,
    dates,
    emit,
    render_options,
    warn_missing_glyphs,
)
from planner.exporters import registry
from planner.exporters.base import Selection
from planner.exporters.itinerary import ScheduleError

__all__ = ["pack"]


def pack(
    who: Annotated[
        str,
        typer.Argument(help="A group (a delegation) or a person id.", metavar="ID"),
    ],
    file: FileOption = Path("events.yaml"),
    base_url: Annotated[
        str | None,
        typer.Option(
            help="Where `planner build` publishes the site (https://...): each itinerary gets "
            "a QR code that subscribes that person's calendar feed, the cover the group's.",
        ),
    ] = None,
    paper: PaperOption = "a4",
    lang: LanguageOption = None,
    tz: Annotated[
        str,
        typer.Option("--tz", help="Main time column: local, home, or an IANA zone."),
    ] = "local",
    event: Annotated[
        str | None, typer.Option(help="Only this event's sessions.", metavar="ID")
    ] = None,
    first_day: FromOption = None,
    last_day: ToOption = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="The PDF file (or - for standard output)."),
    ] = None,
    max_file_size: MaxSizeOption = None,
) -> None:
    """A delegate pack to print: a cover with the programme and the delegation, the
    shared programme by day, each member's itinerary, the venues (address, rooms, how to
    get there) and the contacts the file names.

    Example: planner pack delegation-vietnam -o vietnam-pack.pdf
    Example: planner pack delegation-vietnam --base-url https://example.org/tour/ -o pack.pdf
    Example: planner pack delegation-vietnam --lang ko -o pack-ko.pdf
    """
    if base_url is not None and not base_url.startswith(("https://", "http://")):
        fail("--base-url must start with https:// (or http://)")
    options = render_options("simple", None, to_file=True, paper=paper, lang=lang)
    entry = registry.get("pack", "pdf")
    exporter_class = entry.exporter()
    first, last = dates(first_day, last_day)
    try:
        exporter = exporter_class(tz=tz, options=options, base_url=base_url)
        programme = load_or_exit(file, max_file_size)
        group = who if who in programme.groups else None
        selection = Selection(
            event=event, person=None if group else who, group=group, first_day=first, last_day=last
        )
        data = exporter.export(programme, selection)
    except ScheduleError as error:
        fail(str(error))
    warn_missing_glyphs(exporter)
    emit(data, output, binary=True)
