"""What several commands share: the programme file option, loading, and clean failures."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

if TYPE_CHECKING:
    from planner.timeline import Programme

__all__ = [
    "FileOption",
    "LanguageOption",
    "MaxSizeOption",
    "checked_or_exit",
    "fail",
    "language_or_exit",
    "load_or_exit",
    "note_open_sessions",
    "require_file",
    "version_option",
    "write_folder",
    "write_output",
]

FileOption = Annotated[
    Path,
    typer.Option("--file", "-f", help="The programme file.", show_default=True),
]
_SIZE_VARIABLE = "PLANNER_MAX_FILE_SIZE"


def _size(text: str) -> int:
    from planner.sizes import SizeError, parse_size

    try:
        return parse_size(text)
    except SizeError as error:
        source = " (from PLANNER_MAX_FILE_SIZE)" if text == os.environ.get(_SIZE_VARIABLE) else ""
        raise typer.BadParameter(f"{error}{source}") from None


MaxSizeOption = Annotated[
    int | None,
    typer.Option(
        "--max-file-size",
        help="Refuse YAML files larger than this (bytes, or 10M, 64MiB...; default 64MiB, or "
        "PLANNER_MAX_FILE_SIZE).",
        parser=_size,
        envvar=_SIZE_VARIABLE,
        show_envvar=False,
        metavar="SIZE",
    ),
]

LanguageOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        help="Write in this language (a BCP 47 tag: en, fr, es, ru, ko, zh-Hans, ar; es-MX "
        "and zh-CN find theirs). Default: the reader's, else the programme's, else en.",
        metavar="CODE",
    ),
]


def language_or_exit(tag: str | None) -> str | None:
    """``--lang`` checked: the catalog's tag (``es`` for ``es-MX``), or a usage error."""
    if tag is None:
        return None
    from planner.languages import NoCatalog, language  # catalogs are read only when asked

    try:
        return language(tag).tag
    except NoCatalog as error:
        fail(f"--lang: {error}")


def fail(message: str, code: int = 2) -> NoReturn:
    """Print ``planner: message`` on stderr and exit with ``code`` (2: usage, 1: bad input)."""
    typer.echo(f"planner: {message}", err=True)
    raise typer.Exit(code)


def version_option(
    version: Annotated[
        bool, typer.Option("--version", help="Print planner's version and exit.")
    ] = False,
    debug: Annotated[
        bool,
        typer.Option(
            "--debug", help="On an internal error, print the traceback (also PLANNER_DEBUG=1)."
        ),
    ] = False,
) -> None:
    """Validate, check and publish programmes of summits, study tours and meetings written
    as YAML (events.yaml)."""
    if version:
        from planner import __version__

        typer.echo(f"planner {__version__}")
        raise typer.Exit


def write_output(data: bytes, output: Path | None) -> None:
    """``data`` to standard output (no ``-o``, or ``-o -``) or the file ``output``; a
    failure is one line on stderr and exit 2 (a path refused) or 1 (the system refused)."""
    from planner.output import OutputError, write_file

    try:
        write_file("-" if output is None else output, data)
    except OutputError as error:
        fail(str(error), 2 if error.usage else 1)


def write_folder(files: Iterable[tuple[str, bytes]], folder: Path, writer: str) -> int:
    """``files`` as the folder ``folder``, swapped in whole (:func:`planner.output.write_tree`);
    failures as :func:`write_output`'s. The number of files."""
    from planner.output import OutputError, write_tree

    try:
        return write_tree(files, folder, writer)
    except OutputError as error:
        fail(str(error), 2 if error.usage else 1)


def require_file(path: Path) -> None:
    if not path.exists():
        fail(f"no such file: {path}")
    if path.is_dir():
        fail(f"{path} is a folder; give the programme file (events.yaml)")


def checked_or_exit(path: Path, max_bytes: int | None = None) -> Programme:
    """The programme if it has no errors, the rules' included (as ``planner validate``);
    otherwise the diagnostics on stderr and exit status 1. For commands that publish."""
    from planner.reporting import render_text
    from planner.validation import validate_file  # the rules are only needed here

    require_file(path)
    report = validate_file(path, max_bytes=max_bytes)
    if report.programme is None or report.has_errors:
        sys.stderr.write(render_text(report.diagnostics, [str(path)]))
        raise typer.Exit(1)
    note_open_sessions(report.programme)
    return report.programme


def load_or_exit(path: Path, max_bytes: int | None = None) -> Programme:
    """The resolved programme, or the diagnostics on stderr and exit status 1."""
    from planner.loading import load_programme
    from planner.reporting import render_text

    require_file(path)
    result = load_programme(path, max_bytes=max_bytes)
    if result.programme is None:
        sys.stderr.write(render_text(result.diagnostics, [str(path)]))
        raise typer.Exit(1)
    note_open_sessions(result.programme)
    return result.programme


def note_open_sessions(programme: Programme) -> None:
    """Say on stderr that open sessions (no time yet) are left out of what is published."""
    still = programme.unscheduled
    if not still:
        return
    shown = ", ".join(f"`{found.id}`" for found in still[:5])
    more = f" and {len(still) - 5} more" if len(still) > 5 else ""
    many = len(still) > 1
    typer.echo(
        f"planner: {len(still)} open session{'s' if many else ''} ({shown}{more}) "
        f"{'have' if many else 'has'} no time yet and {'are' if many else 'is'} left out; "
        "`planner schedule` places them",
        err=True,
    )
