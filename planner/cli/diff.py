"""``planner diff``: what changed between two versions of a programme, and who is affected."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from planner.cli.common import MaxSizeOption, fail
from planner.diff import SourceError, compare, load_side
from planner.exporters import registry
from planner.exporters.base import DiffExporter

__all__ = ["diff"]


DiffFormat = StrEnum(  # type: ignore[misc]
    "DiffFormat", {name: name for name in registry.names("diff")}
)
_TEXT = DiffFormat("text")


def diff(
    old: Annotated[str, typer.Argument(help="The old version: a path, or REV:PATH from git.")],
    new: Annotated[str, typer.Argument(help="The new version: a path, or REV:PATH from git.")],
    diff_format: Annotated[
        DiffFormat,
        typer.Option("--format", help=f"{registry.help_text('diff')}."),
    ] = _TEXT,
    exit_code: Annotated[
        bool,
        typer.Option("--exit-code", help="Exit with 1 when anything changed (as git diff does)."),
    ] = False,
    max_file_size: MaxSizeOption = None,
) -> None:
    """Show what changed between two versions of a programme, session by session.

    Sessions are matched by event and session id.

    Lists sessions added, removed, cancelled, reinstated, moved or retitled, and who is affected.

    Problems the change introduces are listed apart from those already there.

    REV:PATH reads PATH from a git revision (branch, tag, commit), with its includes.

    Exit status: 0, or 1 with --exit-code when anything changed (as git diff).

    1 when either version does not load; 2 when one cannot be read at all.

    Example: planner diff main:events.yaml events.yaml --format markdown
    """
    try:
        before = load_side(old, max_bytes=max_file_size)
        after = load_side(new, max_bytes=max_file_size)
    except SourceError as error:
        fail(str(error))
    result = compare(before, after)
    exporter: DiffExporter = registry.get("diff", str(diff_format)).exporter()()
    typer.echo(exporter.export(result), nl=False)
    if not result.comparable or (exit_code and result.changed):
        raise typer.Exit(1)
