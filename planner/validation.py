"""Validation as a whole: load the programme, then run the conflict rules on it."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass

from planner.diagnostics import Diagnostic, Severity, limit_per_code, sort_diagnostics
from planner.limits import DIAGNOSTICS_PER_CODE
from planner.loading import load_programme
from planner.rules import check_programme
from planner.timeline import Programme

__all__ = ["ValidationReport", "validate_file"]


@dataclass(frozen=True)
class ValidationReport:
    """Everything ``planner validate`` knows about one file."""

    programme: Programme | None
    diagnostics: tuple[Diagnostic, ...]

    @property
    def has_errors(self) -> bool:
        return any(d.severity is Severity.ERROR for d in self.diagnostics)


def validate_file(
    path: str | os.PathLike[str],
    *,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
    max_bytes: int | None = None,
) -> ValidationReport:
    """Load ``path`` and, if it loads, check it with the rules; every diagnostic, sorted."""
    loaded = load_programme(path, max_bytes=max_bytes)
    diagnostics = list(loaded.diagnostics)  # limited per code already
    if loaded.programme is not None:
        found = check_programme(loaded.programme, select=select, ignore=ignore)
        diagnostics.extend(limit_per_code(sort_diagnostics(found), DIAGNOSTICS_PER_CODE.value()))
    return ValidationReport(loaded.programme, tuple(sort_diagnostics(diagnostics)))
