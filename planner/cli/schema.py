"""``planner schema``: the JSON Schema of the programme format, for editors."""

from __future__ import annotations

import json

import typer

from planner.schema import json_schema

__all__ = ["schema"]


def schema() -> None:
    """Print the JSON Schema (draft 2020-12) of events.yaml.

    Save it and point your editor at it, e.g. with the YAML language server's modeline
    as the first line of events.yaml:
    # yaml-language-server: $schema=./planner.schema.json

    Example: planner schema > planner.schema.json
    """
    typer.echo(json.dumps(json_schema(), indent=2, ensure_ascii=False))
