"""``planner notify``: a notice for each person a change concerns, written and sent once."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from planner.cli.common import LanguageOption, MaxSizeOption, fail, language_or_exit, write_folder
from planner.diff import ProgrammeDiff, SourceError, compare, load_side
from planner.reporting import render_text

if TYPE_CHECKING:  # the e-mail machinery is imported when notify runs, not at start-up
    from planner.changes.outbox import Outbox
    from planner.changes.state import State

__all__ = ["notify"]


def notify(
    old: Annotated[str, typer.Argument(help="The old version: a path, or REV:PATH from git.")],
    new: Annotated[str, typer.Argument(help="The new version: a path, or REV:PATH from git.")],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="The folder for the notices (replaced whole).")
    ] = Path("notices"),
    groups: Annotated[
        bool, typer.Option("--groups", help="Also one notice per group a change concerns.")
    ] = False,
    sender: Annotated[
        str | None,
        typer.Option(
            "--from",
            help="The sender's address (default: PLANNER_SMTP_FROM, else planner@ the "
            "programme's uid_domain).",
            metavar="ADDRESS",
        ),
    ] = None,
    previous: Annotated[
        str | None,
        typer.Option(
            help="The published state (a path or URL, as for planner build): the attached "
            "calendars continue its SEQUENCEs.",
            metavar="PATH_OR_URL",
        ),
    ] = None,
    send: Annotated[
        bool, typer.Option("--send", help="Send the notices that have an address (needs --smtp).")
    ] = False,
    smtp: Annotated[
        str | None,
        typer.Option(
            help="The SMTP server, HOST:PORT; PLANNER_SMTP_USER and PLANNER_SMTP_PASSWORD "
            "log in; STARTTLS whenever the server offers it.",
            metavar="HOST:PORT",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Send again notices already sent for these versions.")
    ] = False,
    lang: LanguageOption = None,
    max_file_size: MaxSizeOption = None,
) -> None:
    """Write a change notice for each person a change concerns, and send them.

    Compares OLD and NEW as planner diff does. Each person in a changed session
    (before or after) gets people/ID.txt, .html and a ready-to-send .eml with
    their updated calendar attached; --groups adds groups/ID.*. Nobody else
    gets anything. Each notice is in its reader's language (the person's,
    else their group's, else the programme's); --lang writes all in one.

    --send --smtp HOST:PORT sends each notice that has an address, once per
    pair of versions (the log is OUTPUT/sent.json): a second run sends nothing
    unless --force.

    Exit status: 0 written (and sent); 1 a version does not load, or sending
    failed; 2 a usage problem.

    Example: planner notify main:events.yaml events.yaml -o notices

    Example: planner notify v1:events.yaml v2:events.yaml --send --smtp smtp.example.org:587
    """
    from planner.changes.outbox import SENT_LOG, WRITER, compose, outbox_files
    from planner.output import OutputError, check_tree

    tag = language_or_exit(lang)
    address = _smtp(send, smtp)
    try:
        check_tree(output, WRITER)  # before any work: a folder the swap must not replace
    except OutputError as error:
        fail(str(error))
    diff = _diff(old, new, max_file_size)
    outbox = compose(
        diff, sender=sender or _env("PLANNER_SMTP_FROM"), groups=groups,
        previous=_previous(previous), lang=tag,
    )  # fmt: skip
    people = sum(1 for o in outbox.letters if o.notice.kind == "person")
    write_folder(outbox_files(outbox, output), output, WRITER)
    typer.echo(f"{_notices(people, len(outbox.letters) - people)} in {output}/")
    if address is not None:
        _send(outbox, address, output / SENT_LOG, force)


def _env(name: str) -> str | None:
    return os.environ.get(name) or None


def _notices(people: int, groups: int) -> str:
    text = "1 notice" if people == 1 else f"{people} notices"
    if groups:
        text += f" and {groups} group notice" + ("" if groups == 1 else "s")
    return text + (" (nobody is affected)" if people == 0 else "")


def _smtp(send: bool, smtp: str | None) -> tuple[str, int] | None:
    if not send:
        if smtp is not None:
            fail("--smtp is for --send; add --send to send the notices")
        return None
    if smtp is None:
        fail("--send needs --smtp HOST:PORT")
    from planner.changes.sending import parse_smtp

    try:
        return parse_smtp(smtp)
    except ValueError as error:
        fail(str(error))


def _diff(old: str, new: str, max_file_size: int | None) -> ProgrammeDiff:

    try:
        before = load_side(old, max_bytes=max_file_size)
        after = load_side(new, max_bytes=max_file_size)
    except SourceError as error:
        fail(str(error))
    for side in (before, after):
        if not side.loads:
            sys.stderr.write(render_text(side.errors, [side.label]))
            fail(f"{side.label} does not load; no notice written", 1)
    return compare(before, after)


def _previous(source: str | None) -> State | None:
    from planner.changes.state import StateError, read_state

    if source is None:
        return None
    try:
        return read_state(source)
    except StateError as error:
        fail(str(error), 1)


def _send(outbox: Outbox, address: tuple[str, int], log: Path, force: bool) -> None:
    from planner.changes.sending import AlreadySent, SendError, SmtpSettings, send

    settings = SmtpSettings.from_environment(*address)
    try:
        sent = send(outbox, settings, log, force=force)
    except AlreadySent as error:
        fail(str(error), 1)
    except SendError as error:
        fail(str(error), 1)
    unaddressed = sum(1 for o in outbox.letters if not o.message["To"])
    kept = f"; {unaddressed} without an e-mail address not sent" if unaddressed else ""
    typer.echo(f"Sent {len(sent)} via {address[0]}:{address[1]}{kept}.")
