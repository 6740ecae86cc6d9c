"""``planner ics``: iCalendar feeds of a programme, an event, a person, a group or a venue."""

from __future__ import annotations

import shutil
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer

from planner.cli.common import FileOption, MaxSizeOption, checked_or_exit, fail
from planner.exporters.base import Selection
from planner.exporters.ics import IcsExporter, UnknownId, dtstamp, iter_feeds
from planner.loading.collector import collector_paused
from planner.output import replace_directory, write_atomic
from planner.timeline import Programme

__all__ = ["ics"]

_FEED_FOLDERS = frozenset({"events", "people", "groups", "venues"})


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
            help="Write to this file (with --all: this folder); default: standard output.",
        ),
    ] = None,
    max_file_size: MaxSizeOption = None,
) -> None:
    """Write iCalendar feeds for Outlook, Google, Apple Calendar and Thunderbird.

    Without a selection, the whole programme; --event, --person, --group or
    --venue select a part (--event combines with the others).

    The same programme gives the same bytes: DTSTAMP is SOURCE_DATE_EPOCH when
    set, else the newest modification time of the programme's files.
    A programme with errors (as planner validate reports them, conflicts
    included) writes nothing: the diagnostics go to stderr, exit status 1.

    Example: planner ics --person lee-kyong-yul -o lee.ics
    Example: planner ics --all -o build/ics
    """
    selection = Selection(event=event, person=person, group=group, venue=venue)
    if every and (output is None or any((event, person, group, venue))):
        fail("--all writes every feed into a folder: give -o DIR and no selection options")
    if every and output is not None:
        _refuse_foreign(output)
    elif output is not None and output.is_dir():
        fail(f"{output} is a folder; give a file name (or --all for every feed)")
    # Rendering, like loading, builds objects that live until the command ends.
    with collector_paused():
        programme = checked_or_exit(file, max_file_size)
        stamp = _stamp(programme)
        try:
            if every and output is not None:
                _write_all(programme, output, stamp)
            else:
                _write_one(programme, selection, output, stamp)
        except OSError as error:
            fail(f"cannot write {output}: {error.strerror or error}", 1)


def _stamp(programme: Programme) -> datetime:
    try:
        return dtstamp(programme)
    except ValueError as error:
        fail(str(error))


def _write_one(
    programme: Programme, selection: Selection, output: Path | None, stamp: datetime
) -> None:
    try:
        data = IcsExporter(stamp=stamp).export(programme, selection)
    except UnknownId as error:
        fail(str(error))
    if output is None:
        typer.echo(data, nl=False)  # bytes: written unchanged, CRLF and all
    else:
        write_atomic(output, data)


def _write_all(programme: Programme, folder: Path, stamp: datetime) -> None:
    """Every feed into a fresh folder beside ``folder``, then swapped in whole: an
    interrupted run leaves the previous feeds as they were."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    written = 0
    try:
        for sub in ("", *sorted(_FEED_FOLDERS)):
            (staging / sub).mkdir(exist_ok=True)
            (staging / sub).chmod(0o755)  # mkdtemp makes it private; feeds are for publishing
        for relative, data in iter_feeds(programme, stamp=stamp):
            (staging / relative).write_bytes(data)
            written += 1
        replace_directory(staging, folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    typer.echo(f"planner: wrote {written} feeds to {folder}", err=True)


def _refuse_foreign(folder: Path) -> None:
    """Swapping replaces the whole folder, so it must hold nothing but feeds."""
    if not folder.exists():
        return
    if not folder.is_dir():
        fail(f"{folder} is a file; --all needs a folder")
    for entry in folder.iterdir():
        if not _is_feed_entry(entry):
            fail(f"{folder} holds {entry.name}, which planner did not write; use a new folder")


def _is_feed_entry(entry: Path) -> bool:
    if entry.name == "programme.ics":
        return entry.is_file()
    if entry.name not in _FEED_FOLDERS or not entry.is_dir():
        return False
    return all(inner.suffix == ".ics" and inner.is_file() for inner in entry.iterdir())
