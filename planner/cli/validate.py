"""``planner validate``: load, resolve and check programmes; report every diagnostic."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from planner.cli.common import MaxSizeOption, fail, require_file
from planner.cli.terminal import colour_diagnostics, wants_colour
from planner.diagnostics import Diagnostic, Severity
from planner.exporters import registry
from planner.rules import UnknownRuleError, selected_rules
from planner.validation import validate_file

if TYPE_CHECKING:
    from planner.exporters.base import ReportExporter

__all__ = ["validate"]


ReportFormat = StrEnum(  # type: ignore[misc]
    "ReportFormat", {name: name for name in registry.names("report")}
)
_TEXT = ReportFormat("text")


def _codes(value: str | None) -> list[str] | None:
    if value is None:
        return None
    return [code.strip() for code in value.split(",") if code.strip()]


def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Programme files to check.", show_default="events.yaml"),
    ] = None,
    file: Annotated[
        list[Path] | None,
        typer.Option(
            "--file", "-f", help="A programme file to check (as the arguments; may be repeated)."
        ),
    ] = None,
    report_format: Annotated[
        ReportFormat,
        typer.Option("--format", help=f"How to print them: {registry.help_text('report')}."),
    ] = _TEXT,
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too.")] = False,
    select: Annotated[
        str | None, typer.Option(help="Run only these rules (comma-separated codes).")
    ] = None,
    ignore: Annotated[
        str | None, typer.Option(help="Skip these rules (comma-separated codes).")
    ] = None,
    max_file_size: MaxSizeOption = None,
) -> None:
    """Check programme files: the format, references, times, and the conflict rules.

    Exit status: 0 when there are no errors, 1 when there are (or warnings under
    --strict), 2 for usage problems.

    Example: planner validate events.yaml --format github
    Example: planner validate -f events.yaml --strict
    """
    files = [*(paths or []), *(file or [])] or [Path("events.yaml")]
    try:
        selected_rules(_codes(select), _codes(ignore) or ())
    except UnknownRuleError as error:
        fail(f"--select/--ignore: {error}")
    for path in files:
        require_file(path)
    diagnostics: list[Diagnostic] = []
    for path in files:
        report = validate_file(
            path, select=_codes(select), ignore=_codes(ignore) or (), max_bytes=max_file_size
        )
        diagnostics.extend(report.diagnostics)
    exporter: ReportExporter = registry.get("report", str(report_format)).exporter()()
    printed = exporter.export(diagnostics, [str(p) for p in files])
    if str(report_format) == "text" and wants_colour(sys.stdout):
        printed = colour_diagnostics(printed.decode("utf-8")).encode("utf-8")
    typer.echo(printed, nl=False)
    failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
    if any(diagnostic.severity in failing for diagnostic in diagnostics):
        raise typer.Exit(1)
