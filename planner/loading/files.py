"""Reading a programme's files: the root file and everything it includes."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planner.diagnostics import Diagnostic, Location, Severity
from planner.limits import YAML_NODES
from planner.loading.includes import expand_include
from planner.loading.sourcemap import SourceMap
from planner.loading.yaml12 import parse_yaml
from planner.loading.yaml_text import read_text

__all__ = ["LoadedFile", "SourceFiles", "read_programme_files"]


@dataclass
class LoadedFile:
    """One parsed file of the programme."""

    path: Path
    display: str
    data: dict[str, Any]


@dataclass
class SourceFiles:
    """Every file of a programme, the root first, with what went wrong reading them."""

    files: list[LoadedFile] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    source_map: SourceMap = field(default_factory=SourceMap)
    nodes_left: int = field(default_factory=YAML_NODES.value)
    """What is left of the YAML node budget, shared by every file of the programme."""

    @property
    def root(self) -> LoadedFile | None:
        return self.files[0] if self.files else None


def display_name(path: Path) -> str:
    """A path as a person would type it: relative to the working directory when inside it."""
    try:
        return os.path.relpath(path) if not Path(os.path.relpath(path)).is_absolute() else str(path)
    except ValueError:
        return str(path)


def read_programme_files(path: Path, max_bytes: int) -> SourceFiles:
    """Parse ``path`` and, recursively, the files it includes."""
    result = SourceFiles()
    display = str(path)
    root = _parse(path, display, max_bytes, result)
    if root is None:
        return result
    result.files.append(LoadedFile(path.resolve(), display, root))
    boundary = path.resolve().parent
    _follow_includes(result.files[0], boundary, max_bytes, result, [path.resolve()], set())
    return result


def _parse(path: Path, display: str, max_bytes: int, result: SourceFiles) -> dict[str, Any] | None:
    text, problem = read_text(path, display, max_bytes)
    if problem is not None:
        result.diagnostics.append(problem)
        return None
    assert text is not None
    document = parse_yaml(
        text,
        display,
        result.source_map,
        max(result.nodes_left, 0),
        whole_budget=YAML_NODES.value(),
    )
    result.nodes_left -= document.nodes
    result.diagnostics.extend(document.diagnostics)
    if document.data is None:
        return None
    if not isinstance(document.data, dict):
        result.diagnostics.append(
            Diagnostic(
                "schema",
                Severity.ERROR,
                "the file must be a mapping of sections (version, programme, events, ...), "
                "not a single value or a list",
                Location(display, 1, 1),
            )
        )
        return None
    return document.data


def _follow_includes(
    current: LoadedFile,
    boundary: Path,
    max_bytes: int,
    result: SourceFiles,
    stack: list[Path],
    done: set[Path],
) -> None:
    patterns = current.data.get("include", [])
    if isinstance(patterns, str):
        patterns = [patterns]
    if not isinstance(patterns, list):
        return  # the schema check reports the wrong type
    for index, pattern in enumerate(patterns):
        where = result.source_map.locate(current.data, ["include", index])
        if not isinstance(pattern, str):
            continue
        for target in _expand(pattern, current.path.parent, boundary, where, result):
            if target in stack:
                cycle = " -> ".join(display_name(p) for p in [*stack, target])
                _include_error(result, where, f"the includes form a cycle: {cycle}")
                continue
            if target in done:
                continue
            done.add(target)
            display = display_name(target)
            data = _parse(target, display, max_bytes, result)
            if data is None:
                continue
            included = LoadedFile(target, display, data)
            result.files.append(included)
            _follow_includes(included, boundary, max_bytes, result, [*stack, target], done)


def _expand(
    pattern: str, folder: Path, boundary: Path, where: Location, result: SourceFiles
) -> list[Path]:
    expansion = expand_include(pattern, folder, boundary)
    if expansion.problem is not None:
        _include_error(result, where, expansion.problem)
    return expansion.files


def _include_error(result: SourceFiles, where: Location, message: str) -> None:
    result.diagnostics.append(Diagnostic("include-error", Severity.ERROR, message, where))
