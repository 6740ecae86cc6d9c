"""``planner ics``: iCalendar feeds of a programme, an event, a person, a group or a venue."""

from __future__ import annotations

from datetime import datetime
from itertools import chain
from pathlib import Path
from typing import Annotated

import typer

from planner.cli.common import (
    FileOption,
    LanguageOption,
    MaxSizeOption,
    fail,
    language_or_exit,
    write_folder,
    write_output,
)
from planner.cli.gate import DraftOption, IgnoreOption, SelectOption, publishable_or_exit
from planner.cli.versioning import PreviousOption, next_state_or_exit
from planner.exporters import registry
from planner.exporters.base import Selection
from planner.exporters.ics import IcsExporter, UnknownId, dtstamp
from planner.loading.collector import collector_paused
from planner.output import OutputError, check_tree
from planner.timeline import Programme

__all__ = ["ics"]

WRITER = "planner ics --all"


def ics(
    file: FileOption = Path("events.yaml"),
    event: Annotated[
        str | None, typer.Option(help="Only the sessions of this event (an id).", metavar="ID")
    ] = None,
    person: Annotated[
        str | None,
        typer.Option(help="Only this person's sessions and travel (an id).", metavar="ID"),
    ] = None,
    group: Annotated[
        str | None,
        typer.Option(
            help="Only the sessions and travel of this group's members (an id).", metavar="ID"
        ),
    ] = None,
    venue: Annotated[
        str | None, typer.Option(help="Only the sessions at this venue (an id).", metavar="ID")
    ] = None,
    every: Annotated[
        bool,
        typer.Option(
            "--all",
            help="Write every feed into the folder given by -o: programme.ics, events/ID.ics, "
            "people/ID.ics, groups/ID.ics, venues/ID.ics.",
        ),
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write to this file (with --all: this folder); default or -: standard output.",
        ),
    ] = None,
    lang: LanguageOption = None,
    previous: PreviousOption = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    draft: DraftOption = False,
    max_file_size: MaxSizeOption = None,
) -> None:
    """Write iCalendar feeds for Outlook, Google, Apple Calendar and Thunderbird.

    Without a selection, the whole programme; --event, --person, --group or
    --venue select a part (--event combines with the others).

    The same programme gives the same bytes: DTSTAMP is SOURCE_DATE_EPOCH when
    set, else the newest modification time of the programme's files.
    A programme with errors (as planner validate reports them, conflicts
    included) writes nothing: the errors go to stderr, exit status 1. With
    --draft, rule errors (clashes) do not stop it and the calendars are named
    as drafts; --select/--ignore choose the rules as for planner validate.

    --all keeps planner-state.json in the folder: a session whose time,
    place, status or title changed since the last run gets SEQUENCE + 1 and
    a new LAST-MODIFIED. --previous reads that state from elsewhere (a
    path or URL); with one feed, it gives the versions the next --all would.

    Example: planner ics --person lee-kyong-yul -o lee.ics
    Example: planner ics --all -o build/ics
    Example: planner ics --all --draft -o build/ics
    Example: planner ics --person idb-official --lang es -o idb.ics
    """
    selection = Selection(event=event, person=person, group=group, venue=venue)
    if every and (output is None or any((event, person, group, venue))):
        fail("--all writes every feed into a folder: give -o DIR and no selection options")
    if every and output is not None:
        _check_folder(output)
    tag = language_or_exit(lang)
    # Rendering, like loading, builds objects that live until the command ends.
    with collector_paused():
        programme, _ = publishable_or_exit(
            file, "planner ics", max_bytes=max_file_size, select=select, ignore=ignore, draft=draft
        )
        stamp = _stamp(programme)
        folder = output if every else None
        versions = None
        if every or previous is not None:
            from planner.changes import revisions

            state = next_state_or_exit(programme, stamp, previous, folder)
            versions = revisions(state)
        made = registry.get("feed", "ics").exporter_as(IcsExporter)
        exporter = made(stamp=stamp, revisions=versions, lang=tag)
        if every and output is not None:
            from planner.changes.publishing import state_file

            files = chain(exporter.files(programme, Selection()), [state_file(state)])
            count = write_folder(files, output, WRITER)
            typer.echo(f"planner: wrote {count - 1} feeds to {output}", err=True)
            return
        try:
            data = exporter.export(programme, selection)
        except UnknownId as error:
            fail(str(error))
        write_output(data, output)


def _stamp(programme: Programme) -> datetime:
    try:
        return dtstamp(programme)
    except ValueError as error:
        fail(str(error))


def _check_folder(folder: Path) -> None:
    """Refused before any work: a folder the swap must not replace."""
    try:
        check_tree(folder, WRITER)
    except OutputError as error:
        fail(str(error))
