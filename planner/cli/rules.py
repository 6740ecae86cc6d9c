"""``planner rules``: list the conflict rules, or print one rule's documentation."""

from __future__ import annotations

from typing import Annotated

import typer

from planner.cli.common import fail
from planner.rules import RULES, UnknownRuleError, find_rule

__all__ = ["rules"]


def rules(
    code: Annotated[
        str | None, typer.Argument(help="A rule code, to print its whole documentation.")
    ] = None,
) -> None:
    """List every rule (code, default severity, what it flags), or document one rule.

    Severities and settings are changed under `programme.rules`; a session silences a rule
    for itself with `allow: [CODE]`; `planner validate --select/--ignore` picks rules.

    Example: planner rules travel-time
    """
    if code is None:
        typer.echo(rules_table(), nl=False)
        return
    try:
        rule = find_rule(code)
    except UnknownRuleError as error:
        fail(str(error))
    typer.echo(rule.documentation())


def rules_table() -> str:
    """One line per rule: code, default severity, summary."""
    width = max(len(code) for code in RULES)
    lines = [f"{'code':<{width}}  {'default':<7}  checks"]
    lines += [f"{r.code:<{width}}  {r.default_severity!s:<7}  {r.summary}" for r in RULES.values()]
    return "\n".join(lines) + "\n"
