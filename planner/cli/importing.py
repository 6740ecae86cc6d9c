"""``planner import``: a pretalx or frab schedule export as a planner programme."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from planner.cli.common import MaxSizeOption, fail, write_output

__all__ = ["import_schedule"]


def import_schedule(
    source: Annotated[
        Path,
        typer.Argument(
            help="A frab schedule.xml, a c3voc/frab schedule.json or pretalx's JSON export.",
            show_default=False,
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the programme here; default: standard output."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace the output file if it exists.")
    ] = False,
    max_file_size: MaxSizeOption = None,
) -> None:
    """Turn a conference schedule from pretalx or frab into a programme (events.yaml).

    The format is told from the content. Sessions keep their guid as `uid`, so
    `planner frab` gives them back with the same guids; people get ids from their
    names (the source's ids kept under x- keys), and everything planner's format has
    no key for is kept under x- keys. When the file gives only UTC offsets, or names
    a zone its offsets contradict, the zone is deduced from them (a comment says so).
    An existing file is never replaced without --force.

    Example: planner import schedule.json -o events.yaml && planner validate events.yaml
    """
    from planner.importing import ImportProblem
    from planner.importing import import_schedule as run_import
    from planner.loading import max_bytes_from_env

    if not source.is_file():
        fail(f"no such file: {source}" if not source.exists() else f"{source} is not a file")
    if output is not None and str(output) != "-":
        if output.exists() and output.resolve() == source.resolve():
            fail(f"{output} is the file being imported; write the programme elsewhere")
        if output.exists() and not force:
            fail(f"{output} exists; give --force to replace it, or another -o")
    limit = max_file_size or max_bytes_from_env()
    if source.stat().st_size > limit:
        fail(f"{source} is larger than {limit} bytes (see --max-file-size)", 1)
    try:
        imported = run_import(source.read_bytes(), source.name)
    except ImportProblem as error:
        fail(str(error), 1)
    write_output(imported.text.encode("utf-8"), output)
    where = "standard output" if output is None else str(output)
    zone = imported.zone.name + (f" ({imported.zone.note})" if imported.zone.note else "")
    typer.echo(
        f"planner: {imported.kind}: {imported.sessions} sessions, {imported.rooms} rooms, "
        f"{imported.people} people; zone {zone}; wrote {where}",
        err=True,
    )
