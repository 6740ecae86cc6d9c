"""Running the registered rules over a resolved programme."""

from __future__ import annotations

from collections.abc import Sequence

from planner.diagnostics import Diagnostic
from planner.timeline import Programme

__all__ = ["check_programme"]


def check_programme(
    programme: Programme,
    *,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
) -> list[Diagnostic]:
    """Every diagnostic the rules find in ``programme`` (the rules come in a later change)."""
    return []
