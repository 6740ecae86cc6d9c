"""``planner build``: validate, then write every feed, itinerary, the agenda and index.html."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer

from planner.cli.common import (
    FileOption,
    LanguageOption,
    MaxSizeOption,
    fail,
    language_or_exit,
    require_file,
    write_folder,
)
from planner.cli.gate import DraftOption, IgnoreOption, SelectOption, publishable_or_exit
from planner.cli.itinerary import warn_missing_glyphs
from planner.cli.versioning import PreviousOption, next_state_or_exit
from planner.diagnostics import Diagnostic, Severity
from planner.exporters import registry
from planner.exporters.ics import dtstamp
from planner.loading.collector import collector_paused
from planner.output import OutputError, check_tree
from planner.publish import site_files
from planner.publish.printed import PdfOutputs
from planner.timeline import Programme

__all__ = ["build"]

WRITER = "planner build"

Progress = Callable[[str], None]


def build(
    file: FileOption = Path("events.yaml"),
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="The site folder (replaced whole). Not build/, where Python packaging builds.",
        ),
    ] = Path("public"),
    base_url: Annotated[
        str | None,
        typer.Option(
            help="Where the site will be served (https://...): enables webcal:// subscribe links."
        ),
    ] = None,
    previous: PreviousOption = None,
    pdf: Annotated[
        bool,
        typer.Option(
            "--pdf",
            help="Also publish every itinerary as PDF (itineraries/) and every group's "
            "delegate pack (packs/), with QR codes when --base-url is given. Slower.",
        ),
    ] = False,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    draft: DraftOption = False,
    lang: LanguageOption = None,
    max_file_size: MaxSizeOption = None,
) -> None:
    """Validate the programme and, if it has no errors, write everything to publish.

    The folder gets index.html, every iCalendar feed (ics/), every itinerary
    as Markdown and a printable page (itineraries/), the agenda, and
    diagnostics.json, and the change feed (changes.atom, changes.html). It keeps
    planner-state.json, each session's version: a session whose time, place,
    status or title changed since the last build gets SEQUENCE + 1 and a new
    LAST-MODIFIED (read from --previous when the last site is elsewhere).
    It is built aside and swapped in whole, so a failed
    build leaves the previous site untouched. A folder holding anything a
    build does not write is refused, never replaced.

    With --draft, a programme whose only errors are the rules' (clashes) is
    published all the same, every page and calendar marked as a draft;
    --select/--ignore choose the rules as for planner validate.

    Each person's and group's itinerary, feed and PDFs are in their language
    (else their group's, else the programme's); index.html and the day and
    event pages in the programme's, and again in every other language a reader
    has, in a folder per language (es/index.html ...), each index linking to
    the others. --lang writes everything in that one language.

    Exit status: 0 built; 1 errors (nothing written); 2 a usage problem.

    Example: planner build
    Example: planner build -f events.yaml -o site --base-url https://example.org/
    Example: planner build --pdf --base-url https://example.org/tour/
    Example: planner build --draft
    Example: planner build --lang es -o public-es
    """
    tag = language_or_exit(lang)
    require_file(file)
    if base_url is not None and not base_url.startswith(("https://", "http://")):
        fail("--base-url must start with https:// (or http://)")
    _check_output(output)
    programme, diagnostics = publishable_or_exit(
        file, "planner build", max_bytes=max_file_size, select=select, ignore=ignore, draft=draft
    )
    stamp = _stamp(programme)  # a bad SOURCE_DATE_EPOCH: a usage error before any work
    state = next_state_or_exit(programme, stamp, previous, output)
    with collector_paused(), _progress() as progress:
        printed = _pdf_outputs(base_url, tag) if pdf else None
        files = site_files(
            programme,
            diagnostics,
            base_url=base_url,
            progress=progress,
            state=state,
            pdf=printed,
            lang=tag,
        )
        count = write_folder(files, output, WRITER)
    if printed is not None:
        warn_missing_glyphs(printed.itineraries)
        warn_missing_glyphs(printed.packs)
    typer.echo(f"Built {count} files in {output}/ (open {output / 'index.html'}).")
    _say_warnings(diagnostics, output)


_WARNINGS_SHOWN = 10


def _say_warnings(diagnostics: Sequence[Diagnostic], output: Path) -> None:
    """Warnings are not hidden in diagnostics.json: the first few, where they are, on stderr."""
    warnings = [d for d in diagnostics if d.severity is Severity.WARNING]
    if not warnings:
        return
    for diagnostic in warnings[:_WARNINGS_SHOWN]:
        typer.echo(str(diagnostic), err=True)
    more = len(warnings) - _WARNINGS_SHOWN
    rest = f" ({more} more not shown)" if more > 0 else ""
    noun = "warning" if len(warnings) == 1 else "warnings"
    typer.echo(
        f"planner: {len(warnings)} {noun}{rest}; listed in {output / 'index.html'}, "
        "all in planner validate",
        err=True,
    )


def _pdf_outputs(base_url: str | None, lang: str | None) -> PdfOutputs:
    """The PDF exporters, from the registry (imported only for --pdf), in ``lang`` if given."""
    from planner.exporters.itinerary.options import RenderOptions

    options = RenderOptions(language=lang)
    itineraries = registry.get("itinerary", "pdf").exporter()
    packs = registry.get("pack", "pdf").exporter()
    return PdfOutputs(itineraries(options=options), packs(options=options, base_url=base_url))


def _check_output(output: Path) -> None:
    """The site folder is replaced whole: refused before any work if it must not be."""
    try:
        check_tree(output, WRITER)
    except OutputError as error:
        fail(str(error))


def _stamp(programme: Programme) -> datetime:
    try:
        return dtstamp(programme)
    except ValueError as error:  # a SOURCE_DATE_EPOCH that is not whole seconds
        fail(str(error))


@contextmanager
def _progress() -> Iterator[Progress | None]:
    """A progress line on a terminal, cleared at the end; nothing in CI or when redirected."""
    if os.environ.get("CI") or not sys.stderr.isatty():
        yield None
        return

    def show(step: str) -> None:
        sys.stderr.write(f"\r\033[Kbuilding {step}...")
        sys.stderr.flush()

    try:
        yield show
    finally:
        sys.stderr.write("\r\033[K")
        sys.stderr.flush()
