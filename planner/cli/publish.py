"""``planner publish caldav``: put the programme (or part of it) into a CalDAV calendar."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from planner.cli.common import FileOption, MaxSizeOption, checked_or_exit, fail

__all__ = ["publish_app"]

publish_app = typer.Typer(
    help="Publish the programme to a server: a CalDAV calendar.\n\n"
    "Example: planner publish caldav https://dav.example.org/me/tour/ --user me",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)

_ID = "ID"


@publish_app.command()
def caldav(
    url: Annotated[str, typer.Argument(help="The calendar collection (https://.../calendar/).")],
    file: FileOption = Path("events.yaml"),
    event: Annotated[
        str | None, typer.Option(help="Only this event's sessions.", metavar=_ID)
    ] = None,
    person: Annotated[
        str | None, typer.Option(help="Only this person's sessions.", metavar=_ID)
    ] = None,
    group: Annotated[
        str | None, typer.Option(help="Only this group's sessions.", metavar=_ID)
    ] = None,
    venue: Annotated[
        str | None, typer.Option(help="Only the sessions at this venue.", metavar=_ID)
    ] = None,
    user: Annotated[
        str | None, typer.Option(help="The user name; the password is PLANNER_CALDAV_PASSWORD.")
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="List what would change; write nothing.")
    ] = False,
    max_file_size: MaxSizeOption = None,
) -> None:
    """Keep a CalDAV calendar in step with the programme: one event per session.

    Creates the calendar if it is missing. Sends only the sessions that
    changed since the last publication (moved ones with a higher SEQUENCE);
    a second run writes nothing. Deletes the sessions removed from the
    programme, and never touches events that planner did not put there.

    Exit status: 0 published; 1 errors in the programme, a refused login
    or write; 2 a usage problem.

    Example: planner publish caldav https://dav.example.org/me/tour/ --user me
    """
    from planner.exporters.base import Selection
    from planner.exporters.ics import UnknownId, check_selection
    from planner.publish.caldav import CalDavError, publish_caldav

    if not url.startswith(("https://", "http://")):
        fail(f"the calendar's URL must start with https:// (or http://), not {url!r}")
    selection = Selection(event=event, person=person, group=group, venue=venue)
    programme = checked_or_exit(file, max_file_size)
    try:
        check_selection(programme, selection)
    except UnknownId as error:
        fail(str(error))
    password = os.environ.get("PLANNER_CALDAV_PASSWORD")
    try:
        plan = publish_caldav(
            url, programme, selection, user=user, password=password, dry_run=dry_run
        )
    except CalDavError as error:
        fail(str(error), 1)
    for line in plan.lines():
        typer.echo(("would " if dry_run else "") + line)
    if plan.empty:
        typer.echo(f"Nothing to write: {url} is up to date ({plan.summary()}).")
    elif dry_run:
        typer.echo(f"Dry run, nothing written: would have {plan.summary()}.")
    else:
        typer.echo(f"Published to {url}: {plan.summary()}.")
