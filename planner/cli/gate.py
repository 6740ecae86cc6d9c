"""The publishing gate: which rules a publishing command runs, and what it does with errors.

``ics`` and ``build`` refuse a programme with errors unless ``--draft`` is given; a draft is
published with every output marked. Load errors (the file cannot be read or resolved)
stop everything, draft or not. ``itinerary`` and ``agenda`` always write; given
``--select``/``--ignore`` they also run those rules and summarise the errors on stderr.
Refusals print the errors only (warnings are for ``planner validate``), then a count per
code and how to publish anyway.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated

import typer

from planner.cli.common import fail, note_open_sessions, require_file
from planner.cli.terminal import colour_diagnostics, wants_colour
from planner.diagnostics import Diagnostic, Severity
from planner.timeline import Programme

__all__ = [
    "DraftOption",
    "IgnoreOption",
    "SelectOption",
    "codes",
    "publishable_or_exit",
    "summarise_rule_errors",
]

SelectOption = Annotated[
    str | None,
    typer.Option(help="Run only these rules (comma-separated codes).", metavar="CODES"),
]
IgnoreOption = Annotated[
    str | None,
    typer.Option(help="Skip these rules (comma-separated codes).", metavar="CODES"),
]
DraftOption = Annotated[
    bool,
    typer.Option(
        "--draft",
        help="Publish even with rule errors (clashes), every output marked as a draft. "
        "Errors in the file itself still stop it.",
    ),
]


def codes(value: str | None) -> list[str] | None:
    """``--select``/``--ignore`` as a list of codes (None when not given)."""
    if value is None:
        return None
    return [code.strip() for code in value.split(",") if code.strip()]


def _checked_codes(select: str | None, ignore: str | None) -> tuple[list[str] | None, list[str]]:
    from planner.rules import UnknownRuleError, selected_rules

    chosen, skipped = codes(select), codes(ignore) or []
    try:
        selected_rules(chosen, skipped)
    except UnknownRuleError as error:
        fail(f"--select/--ignore: {error}")
    return chosen, skipped


def publishable_or_exit(
    path: Path,
    command: str,
    *,
    max_bytes: int | None = None,
    select: str | None = None,
    ignore: str | None = None,
    draft: bool = False,
) -> tuple[Programme, tuple[Diagnostic, ...]]:
    """The programme to publish and every diagnostic found: a programme without errors, or
    with rule errors only under ``draft`` (then marked as a draft). Otherwise the errors on
    stderr and exit status 1."""
    from planner.validation import validate_file  # the rules are only needed here

    chosen, skipped = _checked_codes(select, ignore)
    require_file(path)
    report = validate_file(path, select=chosen, ignore=skipped, max_bytes=max_bytes)
    errors = [d for d in report.diagnostics if d.severity is Severity.ERROR]
    if report.programme is None or (errors and not draft) or _load_errors(errors):
        _refuse(errors, path, command, loaded=report.programme is not None)
    programme = report.programme
    assert programme is not None  # _refuse exits otherwise
    note_open_sessions(programme)
    if draft:
        typer.echo(_draft_note(errors), err=True)
        return programme.as_draft(), report.diagnostics
    return programme, report.diagnostics


def summarise_rule_errors(programme: Programme, select: str | None, ignore: str | None) -> None:
    """For commands that always write: with ``--select``/``--ignore``, run those rules and
    say on stderr how many errors they find (the output is written all the same)."""
    if select is None and ignore is None:
        return
    from planner.rules import check_programme

    chosen, skipped = _checked_codes(select, ignore)
    found = check_programme(programme, select=chosen, ignore=skipped)
    errors = [d for d in found if d.severity is Severity.ERROR]
    if errors:
        typer.echo(f"planner: note: {_counted(errors)}; planner validate shows them", err=True)


def _load_errors(errors: Sequence[Diagnostic]) -> bool:
    from planner.codes import CODES, Stage

    return any(CODES[d.code].stage is not Stage.RULES for d in errors if d.code in CODES)


def _refuse(errors: Sequence[Diagnostic], path: Path, command: str, *, loaded: bool) -> None:
    from planner.reporting import render_errors

    report = render_errors(errors)
    sys.stderr.write(colour_diagnostics(report) if wants_colour(sys.stderr) else report)
    if loaded and not _load_errors(errors):
        how = (
            f"to publish it anyway as a draft: {command} --draft; "
            f"to skip a rule: {command} --ignore CODE"
        )
    else:
        how = "fix these first: a draft needs a file that loads"
    typer.echo(f"planner: nothing written; {path}: {_counted(errors)}; {how}", err=True)
    raise typer.Exit(1)


def _counted(errors: Sequence[Diagnostic]) -> str:
    """``3 errors (2 person-double-booked, 1 room-double-booked)``."""
    by_code = Counter(d.code for d in errors)
    parts = ", ".join(f"{count} {code}" for code, count in sorted(by_code.items()))
    noun = "error" if len(errors) == 1 else "errors"
    return f"{len(errors)} {noun} ({parts})"


def _draft_note(errors: Sequence[Diagnostic]) -> str:
    if not errors:
        return "planner: publishing a draft (no errors found), marked as such"
    return f"planner: publishing a draft despite {_counted(errors)}, every output marked DRAFT"
