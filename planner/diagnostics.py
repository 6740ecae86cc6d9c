"""Diagnostics: every problem planner finds, located in the YAML that caused it.

A diagnostic carries a kebab-case ``code`` (stable, part of the public interface), a
``severity``, a sentence for a person, and where it happened (``file:line:column`` plus
the key path). Loading problems and conflict rules share this one shape, so every
output format (text, JSON, GitHub annotations) serves both.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

__all__ = [
    "Diagnostic",
    "Location",
    "ProgrammeError",
    "Severity",
    "Summary",
    "limit_per_code",
    "sort_diagnostics",
]

LIMIT_CODE = "diagnostic-limit"


class Severity(StrEnum):
    """How much a diagnostic matters: errors fail validation, warnings only under --strict."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _RANKS[self]


_RANKS = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@dataclass(frozen=True, slots=True)
class Location:
    """A place in a source file; ``line`` and ``column`` count from 1."""

    file: str
    line: int
    column: int
    path: str = ""

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file, "line": self.line, "column": self.column, "path": self.path}


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem: what (code, message), how bad (severity) and where (location)."""

    code: str
    severity: Severity
    message: str
    location: Location | None = None
    related: tuple[Location, ...] = ()
    sessions: tuple[str, ...] = ()
    people: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        where = self.location
        return {
            "file": where.file if where else None,
            "line": where.line if where else None,
            "column": where.column if where else None,
            "path": where.path if where else "",
            "code": self.code,
            "severity": str(self.severity),
            "message": self.message,
            "related": [loc.to_dict() for loc in self.related],
            "sessions": list(self.sessions),
            "people": list(self.people),
        }

    def __str__(self) -> str:
        """One line for a terminal or a log: text from the YAML shows its control characters
        escaped, so it cannot start a line of its own."""
        from planner.escaping import printable  # (no cycle: escaping imports nothing)

        where = f"{printable(str(self.location))}: " if self.location else ""
        return f"{where}{self.severity} {self.code}: {printable(self.message)}"


@dataclass(frozen=True, slots=True)
class Summary:
    """Counts per severity, for the closing line of a report."""

    errors: int = 0
    warnings: int = 0
    infos: int = 0
    counts_by_code: dict[str, int] = field(default_factory=dict)

    @classmethod
    def of(cls, diagnostics: Iterable[Diagnostic]) -> Summary:
        counts = {Severity.ERROR: 0, Severity.WARNING: 0, Severity.INFO: 0}
        by_code: dict[str, int] = {}
        for diagnostic in diagnostics:
            counts[diagnostic.severity] += 1
            by_code[diagnostic.code] = by_code.get(diagnostic.code, 0) + 1
        return cls(counts[Severity.ERROR], counts[Severity.WARNING], counts[Severity.INFO], by_code)

    def to_dict(self) -> dict[str, Any]:
        return {"errors": self.errors, "warnings": self.warnings, "infos": self.infos}

    def sentence(self) -> str:
        parts = [
            _plural(self.errors, "error"),
            _plural(self.warnings, "warning"),
            _plural(self.infos, "info"),
        ]
        return ", ".join(parts)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 or noun == "info" else f"{count} {noun}s"


def sort_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Order by file, line and column, so reports read top to bottom like the file."""

    def key(diagnostic: Diagnostic) -> tuple[str, int, int, int, str, str]:
        where = diagnostic.location
        if where is None:  # about the whole run: first, except the closing count of left-outs
            first = "\U0010ffff" if diagnostic.code == LIMIT_CODE else ""
            return (first, 0, 0, diagnostic.severity.rank, diagnostic.code, diagnostic.message)
        return (
            where.file,
            where.line,
            where.column,
            diagnostic.severity.rank,
            diagnostic.code,
            diagnostic.message,
        )

    return sorted(diagnostics, key=key)


def limit_per_code(
    diagnostics: Sequence[Diagnostic], most: int, *, already_left_out: dict[str, int] | None = None
) -> list[Diagnostic]:
    """The first ``most`` diagnostics of each code, then one line per code saying how many
    more there are (with those counted in ``already_left_out``, dropped before they were made).
    """
    from planner.limits import DIAGNOSTICS_PER_CODE  # planner.limits imports nothing of ours

    kept: list[Diagnostic] = []
    shown: dict[str, int] = {}
    left_out = dict(already_left_out or {})
    # The notice is as bad as the worst left out; for counts made before (never built) as
    # the worst shown of that code; for a code never seen, an error.
    worst_left_out: dict[str, Severity] = {}
    worst_shown: dict[str, Severity] = {}
    for diagnostic in diagnostics:
        code = diagnostic.code
        if code != LIMIT_CODE and shown.get(code, 0) >= most:
            left_out[code] = left_out.get(code, 0) + 1
            _note_worst(worst_left_out, code, diagnostic.severity)
            continue
        _note_worst(worst_shown, code, diagnostic.severity)
        shown[code] = shown.get(code, 0) + 1
        kept.append(diagnostic)
    for code, count in sorted(left_out.items()):
        kept.append(
            Diagnostic(
                LIMIT_CODE,
                worst_left_out.get(code) or worst_shown.get(code) or Severity.ERROR,
                f"{count:,} more `{code}` diagnostics are not shown (planner shows {most:,} per "
                f"code); {DIAGNOSTICS_PER_CODE.how_to_raise()}",
            )
        )
    return kept


def _note_worst(worst: dict[str, Severity], code: str, severity: Severity) -> None:
    if code not in worst or severity.rank < worst[code].rank:
        worst[code] = severity


class ProgrammeError(Exception):
    """The programme could not be loaded: carries every diagnostic found, not only the first."""

    def __init__(self, diagnostics: Sequence[Diagnostic]) -> None:
        self.diagnostics: tuple[Diagnostic, ...] = tuple(sort_diagnostics(diagnostics))
        errors = [d for d in self.diagnostics if d.severity is Severity.ERROR]
        first = str(errors[0]) if errors else "no errors"
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        super().__init__(f"{first}{more}")
