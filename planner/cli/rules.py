"""``planner rules``: list the conflict rules, or print one rule's documentation."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from planner.cli.common import fail
from planner.cli.terminal import markdown_for_terminal, wants_colour
from planner.codes import CODES
from planner.rules import RULES, UnknownRuleError, find_rule

__all__ = ["codes_table", "rules", "rules_table"]


def rules(
    code: Annotated[
        str | None, typer.Argument(help="A rule code, to print its whole documentation.")
    ] = None,
    every: Annotated[
        bool,
        typer.Option(
            "--all", help="List every diagnostic code: the loader's as well as the rules'."
        ),
    ] = False,
) -> None:
    """List every rule (code, default severity, what it flags), or document one rule.

    Severities and settings are changed under `programme.rules`; a session silences a rule
    for itself with `allow: [CODE]`; `planner validate --select/--ignore` picks rules.

    `planner rules --all` lists every code planner reports, and `planner rules CODE` also
    explains a code of the loader (such as `unknown-reference`).

    Example: planner rules travel-time
    """
    if code is None:
        typer.echo(codes_table() if every else rules_table(), nl=False)
        return
    if code in CODES and code not in RULES:
        found = CODES[code]
        typer.echo(f"{code} ({found.stage}, {found.severity}): {found.summary}")
        return
    try:
        rule = find_rule(code)
    except UnknownRuleError:
        fail(str(UnknownRuleError(code, also=tuple(CODES))))
    typer.echo(markdown_for_terminal(rule.documentation(), wants_colour(sys.stdout)), nl=False)


def rules_table() -> str:
    """One line per rule: code, default severity, summary."""
    width = max(len(code) for code in RULES)
    lines = [f"{'code':<{width}}  {'default':<7}  checks"]
    lines += [f"{r.code:<{width}}  {r.default_severity!s:<7}  {r.summary}" for r in RULES.values()]
    return "\n".join(lines) + "\n"


def codes_table() -> str:
    """One line per diagnostic code: code, stage, default severity, summary."""
    width = max(len(code) for code in CODES)
    lines = [f"{'code':<{width}}  {'stage':<10}  {'default':<7}  meaning"]
    lines += [
        f"{c.code:<{width}}  {c.stage!s:<10}  {c.severity!s:<7}  {c.summary}"
        for c in CODES.values()
    ]
    return "\n".join(lines) + "\n"
