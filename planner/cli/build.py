"""``planner build``: validate, then write every feed, itinerary, the agenda and index.html."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from planner.cli.common import FileOption, MaxSizeOption, fail, require_file
from planner.loading.collector import collector_paused
from planner.reporting import render_text
from planner.site import site_files, write_site
from planner.validation import validate_file

__all__ = ["build"]


def build(
    file: FileOption = Path("events.yaml"),
    output: Annotated[
        Path, typer.Option("--output", "-o", help="The site folder (replaced whole).")
    ] = Path("build"),
    base_url: Annotated[
        str | None,
        typer.Option(
            help="Where the site will be served (https://...): enables webcal:// subscribe links."
        ),
    ] = None,
    max_file_size: MaxSizeOption = None,
) -> None:
    """Validate the programme and, if it has no errors, write everything to publish.

    The folder gets index.html, every iCalendar feed (ics/), every itinerary as Markdown
    and a printable page (itineraries/), the agenda, and diagnostics.json. It is built
    aside and swapped in whole, so a failed build leaves the previous site untouched.

    Example: planner build -f events.yaml -o build --base-url https://example.org/summit
    """
    require_file(file)
    if base_url is not None and not base_url.startswith(("https://", "http://")):
        fail("--base-url must start with https:// (or http://)")
    if output.exists() and not output.is_dir():
        fail(f"{output} is a file; give a folder for the site")
    report = validate_file(file, max_bytes=max_file_size)
    if report.has_errors or report.programme is None:
        sys.stderr.write(render_text(report.diagnostics, [str(file)]))
        raise typer.Exit(1)
    progress = _progress()
    with collector_paused():
        files = site_files(
            report.programme, report.diagnostics, base_url=base_url, progress=progress
        )
        count = write_site(files, output)
    if progress is not None:
        sys.stderr.write("\r\033[K")
    typer.echo(f"Built {count} files in {output}/ (open {output / 'index.html'}).")


def _progress() -> Callable[[str], None] | None:
    """A progress line on a terminal; nothing in CI or when stderr is redirected."""
    if os.environ.get("CI") or not sys.stderr.isatty():
        return None

    def show(step: str) -> None:
        sys.stderr.write(f"\r\033[Kbuilding {step}...")
        sys.stderr.flush()

    return show
