"""Loading a programme: YAML files -> validated model -> resolved programme."""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from pathlib import Path

from planner.diagnostics import (
    Diagnostic,
    ProgrammeError,
    Severity,
    limit_per_code,
    sort_diagnostics,
)
from planner.limits import DIAGNOSTICS_PER_CODE
from planner.loading.collector import collector_paused
from planner.loading.files import SourceFiles, read_programme_files
from planner.loading.repeats import fold_repeats
from planner.loading.resolve import resolve_counted
from planner.loading.validate import validate_sections
from planner.loading.yaml12 import DEFAULT_MAX_BYTES
from planner.sizes import parse_size
from planner.timeline.programme import Programme

__all__ = ["DEFAULT_MAX_BYTES", "LoadResult", "load", "load_programme", "max_bytes_from_env"]


@dataclass(frozen=True)
class LoadResult:
    """What loading found: the programme (None when errors prevent it) and every diagnostic."""

    programme: Programme | None
    diagnostics: tuple[Diagnostic, ...]

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.severity is Severity.ERROR)

    @property
    def ok(self) -> bool:
        return self.programme is not None and not self.errors


def max_bytes_from_env() -> int:
    """The file size limit: PLANNER_MAX_FILE_SIZE (``67108864``, ``10M``, ``64MiB``) when set,
    else 64 MiB; raises :class:`planner.sizes.SizeError` when it is set to something else."""
    value = os.environ.get("PLANNER_MAX_FILE_SIZE", "").strip()
    return parse_size(value) if value else DEFAULT_MAX_BYTES


@collector_paused()
def load_programme(
    path: str | os.PathLike[str],
    *,
    max_bytes: int | None = None,
    sources: SourceFiles | None = None,
) -> LoadResult:
    """Read, validate and resolve a programme, collecting every diagnostic.

    Never raises for bad input: problems come back as diagnostics. ``sources`` are the
    files of ``path`` already parsed (by a caller that edits their text afterwards).
    """
    if sources is None:
        sources = read_programme_files(Path(path), max_bytes or max_bytes_from_env())
    diagnostics = list(sources.diagnostics)
    if sources.root is None:
        return LoadResult(None, tuple(sort_diagnostics(diagnostics)))
    sections = validate_sections(sources)
    diagnostics.extend(sections.diagnostics)
    programme, found, left_out = resolve_counted(sources, sections)
    diagnostics.extend(found)
    ordered = tuple(
        limit_per_code(
            fold_repeats(sort_diagnostics(_without_cascades(diagnostics))),
            DIAGNOSTICS_PER_CODE.value(),
            already_left_out=left_out,
        )
    )
    if any(d.severity is Severity.ERROR for d in ordered):
        # Advice for publishing waits until the file loads: errors come first.
        ordered = tuple(d for d in ordered if d.code not in _ADVICE)
    if programme is not None:
        warnings = tuple(d for d in ordered if d.severity is not Severity.ERROR)
        programme = dataclasses.replace(programme, warnings=warnings)
    if any(d.severity is Severity.ERROR for d in ordered):
        return LoadResult(None, ordered)
    return LoadResult(programme, ordered)


_ADVICE = frozenset({"uid-domain-missing"})


def _without_cascades(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """Drop a schema complaint about a value the YAML reader already refused (a bad tag)."""
    refused = {
        (d.location.file, d.location.line, d.location.column)
        for d in diagnostics
        if d.code == "yaml-tag" and d.location
    }
    return [
        d
        for d in diagnostics
        if not (
            d.code == "schema"
            and d.location
            and (d.location.file, d.location.line, d.location.column) in refused
        )
    ]


def load(path: str | os.PathLike[str], *, max_bytes: int | None = None) -> Programme:
    """The resolved programme at ``path``; raises :class:`ProgrammeError` with every diagnostic."""
    result = load_programme(path, max_bytes=max_bytes)
    if result.programme is None:
        raise ProgrammeError(result.diagnostics)
    return result.programme
