"""``planner schedule``: place the open sessions; print or write the result."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from planner.cli.common import FileOption, MaxSizeOption, fail, require_file, write_output
from planner.reporting import render_text
from planner.timeline.times import parse_duration

if TYPE_CHECKING:
    from planner.schedule import ScheduleResult

__all__ = ["schedule"]


def schedule(
    file: FileOption = Path("events.yaml"),
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write the programme with the placements here (the input file itself to "
            "edit it in place). Without it, print the placements and the diff.",
        ),
    ] = None,
    time_limit: Annotated[
        float, typer.Option("--time-limit", help="Seconds the solver may take.", min=0.1)
    ] = 30.0,
    step: Annotated[str, typer.Option("--step", help="Grid of start times: 5m, 15m, 1h.")] = "5m",
    reopen: Annotated[
        str | None,
        typer.Option(
            "--reopen",
            help="Place these sessions again within their windows (comma-separated ids); "
            "they stay where they are when nothing is gained by moving them.",
        ),
    ] = None,
    check: Annotated[
        bool, typer.Option("--check", help="Only check: exit 1 if any session is still open.")
    ] = False,
    max_file_size: MaxSizeOption = None,
) -> None:
    """Place every open session (`duration` + `window`, no start) so that no rule fails.

    Errors under the programme's rule settings are never broken; warnings are avoided
    where possible; among equal answers the earliest wins. Exit status: 0 when placed
    (or nothing to place), 1 when no placement exists or time ran out, 2 for usage.

    Example: planner schedule -f events.yaml -o events.yaml
    """
    require_file(file)
    length = parse_duration(step)
    if length is None or length.total_seconds() < 60:
        fail(f"--step: `{step}` is not a duration of a minute or more (5m, 15m, 1h)")
    if check:
        _check(file, max_file_size)
        return
    from planner.schedule import ReopenError, WriteBackError, schedule_file

    ids = [part.strip() for part in (reopen or "").split(",") if part.strip()]
    try:
        result = schedule_file(
            file, reopen=ids, step=length, time_limit=time_limit, max_bytes=max_file_size
        )
    except ReopenError as error:
        fail(f"--reopen: {error}")
    except WriteBackError as error:
        fail(str(error), 1)
    _report(result, file, output, time_limit)


def _check(file: Path, max_bytes: int | None) -> None:
    from planner.loading import load_programme

    loaded = load_programme(file, max_bytes=max_bytes)
    if loaded.programme is None:
        sys.stderr.write(render_text(loaded.diagnostics, [str(file)]))
        raise typer.Exit(1)
    still = loaded.programme.unscheduled
    for found in still:
        typer.echo(f"{found.location}: `{found.id}` has no time yet")
    if still:
        typer.echo(f"{file}: {len(still)} open session(s); run `planner schedule`", err=True)
        raise typer.Exit(1)
    typer.echo(f"{file}: every session has a time")


def _report(result: ScheduleResult, file: Path, output: Path | None, limit: float) -> None:
    from planner.schedule import Impossible, Placed
    from planner.schedule.report import diff_text, placements_table

    if result.problem is None:
        if any(d.severity.value == "error" for d in result.loading):
            sys.stderr.write(render_text(result.loading, [str(file)]))
            raise typer.Exit(1)
        typer.echo(f"{file}: nothing to place (no open sessions)")
        return
    outcome = result.outcome
    if isinstance(outcome, Impossible):
        sys.stderr.write(render_text(result.diagnostics, [str(file)]))
        raise typer.Exit(1)
    if not isinstance(outcome, Placed):
        fail(
            f"no placement found within the time limit ({limit:g} s); "
            "give the solver longer with --time-limit",
            1,
        )
    if result.diagnostics:
        sys.stderr.write(render_text(result.diagnostics, [str(file)]))
        fail("the placement would break the rules above; nothing was written", 1)
    # With -o the file may go to standard output (-o -): the table goes to stderr then.
    typer.echo(placements_table(outcome.placements), err=output is not None)
    if not outcome.best:
        typer.echo(
            f"planner: stopped at the time limit ({limit:g} s) with a good placement that is "
            "not proven the best; --time-limit gives the solver longer",
            err=True,
        )
    if output is None:
        typer.echo("")
        typer.echo(diff_text(result.edited), nl=False)
        return
    _write(result, file, output)


def _write(result: ScheduleResult, file: Path, output: Path) -> None:
    """The root file to ``output``; in place (``-o`` the input), included files too."""
    root = file.resolve()
    in_place = str(output) != "-" and output.resolve() == root
    others = [item.display for item in result.edited if item.path != root]
    if others and not in_place:
        fail(
            f"placements go into included files ({', '.join(others)}); write them in place "
            f"with -o {file}",
        )
    texts = {item.path: item.after for item in result.edited}
    if not in_place:
        write_output(texts.get(root, file.read_text("utf-8")).encode("utf-8"), output)
        return
    for path, text in texts.items():
        write_output(text.encode("utf-8"), path)
    typer.echo(f"planner: wrote {len(texts)} file{'s' if len(texts) != 1 else ''}", err=True)
