"""The ``planner`` command: a thin layer over the library, one module per command."""

from __future__ import annotations

import typer

from planner.cli.agenda import agenda
from planner.cli.build import build
from planner.cli.diff import diff
from planner.cli.frab import frab
from planner.cli.ics import ics
from planner.cli.itinerary import itinerary
from planner.cli.listing import list_entries
from planner.cli.rules import rules
from planner.cli.schedule import schedule
from planner.cli.schema import schema
from planner.cli.validate import validate

__all__ = ["app", "main"]

app = typer.Typer(
    name="planner",
    help="Validate, check and publish programmes of summits, study tours and meetings "
    "written as YAML (events.yaml).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

# Every command is registered here, in the order `planner --help` shows them.
app.command()(build)
app.command()(validate)
app.command()(schedule)
app.command()(rules)
app.command()(ics)
app.command()(itinerary)
app.command()(agenda)
app.command()(frab)
app.command()(diff)
app.command(name="list")(list_entries)
app.command()(schema)


def main() -> None:
    app()
