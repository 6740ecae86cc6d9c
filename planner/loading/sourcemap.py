"""Where each value of a loaded document came from.

The loader returns plain Python data (dicts, lists, scalars) so that validation runs at
pydantic's speed; positions live beside it in a :class:`SourceMap`, keyed by the identity
of each container. A position is packed into one int to keep a 100k-session programme's
map small: for a mapping key, its own line and column and those of its value.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from planner.diagnostics import Location

__all__ = ["SourceMap", "format_path", "pack", "unpack"]

_COLUMN_BITS = 20
_COLUMN_MASK = (1 << _COLUMN_BITS) - 1
_POINT_BITS = 52
_POINT_MASK = (1 << _POINT_BITS) - 1

PathPart = str | int


def pack_point(line: int, column: int) -> int:
    return (line << _COLUMN_BITS) | (column if column < _COLUMN_MASK else _COLUMN_MASK)


def pack(key_line: int, key_column: int, value_line: int, value_column: int) -> int:
    """Two (line, column) points, zero-based, in one int (as two :func:`pack_point`, written
    out: this runs for every key of a file)."""
    key_column = key_column if key_column < _COLUMN_MASK else _COLUMN_MASK
    value_column = value_column if value_column < _COLUMN_MASK else _COLUMN_MASK
    key_point = (key_line << _COLUMN_BITS) | key_column
    return (key_point << _POINT_BITS) | (value_line << _COLUMN_BITS) | value_column


def unpack_point(point: int) -> tuple[int, int]:
    return point >> _COLUMN_BITS, point & _COLUMN_MASK


def unpack(packed: int) -> tuple[tuple[int, int], tuple[int, int]]:
    """The key's and the value's (line, column), zero-based."""
    return unpack_point(packed >> _POINT_BITS), unpack_point(packed & _POINT_MASK)


def format_path(path: Sequence[PathPart]) -> str:
    """``("events", "x", "sessions", 3, "venue")`` -> ``events.x.sessions[3].venue``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


class SourceMap:
    """Positions of the keys and items of every container the loader built."""

    def __init__(self) -> None:
        # id(container) -> (file, marks); a merged container has one file per key.
        self._entries: dict[int, tuple[str | dict[str, str], dict[str, int] | list[int]]] = {}
        self._keep_alive: list[Any] = []
        self._roots: dict[str, tuple[int, int]] = {}

    def add_mapping(self, container: dict[str, Any], file: str, marks: dict[str, int]) -> None:
        self._entries[id(container)] = (file, marks)

    def add_sequence(self, container: list[Any], file: str, marks: list[int]) -> None:
        self._entries[id(container)] = (file, marks)

    def add_merged(
        self, container: dict[str, Any], files: dict[str, str], marks: dict[str, int]
    ) -> None:
        """A mapping assembled from several files (an include merge)."""
        self._keep_alive.append(container)
        self._entries[id(container)] = (files, marks)

    def set_root(self, file: str, line: int, column: int) -> None:
        self._roots[file] = (line, column)

    def locate(self, root: Any, path: Sequence[PathPart], *, at_key: bool = False) -> Location:
        """The deepest known position along ``path``; ``at_key`` points at the last key itself."""
        node = root
        walked: list[PathPart] = []
        # Containers along the path that have marks, deepest last; points are decoded only
        # for the deepest that has one (this runs for every session of a large programme).
        marked: list[tuple[tuple[Any, Any], PathPart, bool]] = []
        last = len(path) - 1
        for index, part in enumerate(path):
            entry = self._entries.get(id(node))
            child = _child(node, part)
            if child is _MISSING:
                # Not a data key (a union branch name in a pydantic path): skip it.
                continue
            walked.append(part)
            if entry is not None:
                marked.append((entry, part, at_key and index == last))
            node = child
        shown = format_path(walked)
        for entry, part, key in reversed(marked):
            point = _point(entry, part, key=key)
            if point is not None:
                return Location(point[0], point[1] + 1, point[2] + 1, shown)
        file, (line, column) = next(iter(self._roots.items()), ("<unknown>", (0, 0)))
        return Location(file, line + 1, column + 1, shown)

    def container(self, root: Any, path: Sequence[PathPart]) -> Any:
        """The container at ``path`` under ``root``; None when a part of the path is missing."""
        node = root
        for part in path:
            node = _child(node, part)
            if node is _MISSING:
                return None
        return node

    def item_location(self, items: Any, index: int, shown: str) -> Location | None:
        """Where item ``index`` of the list ``items`` (found at the path ``shown``) was written,
        as :meth:`locate` says it; None when the map has no point for it."""
        entry = self._entries.get(id(items))
        if entry is None or not isinstance(items, list):
            return None
        files, marks = entry
        if not isinstance(files, str) or not isinstance(marks, list):
            return None
        if not 0 <= index < len(marks) or index >= len(items):
            return None
        line, column = unpack_point(marks[index])
        return Location(files, line + 1, column + 1, f"{shown}[{index}]")

    def container_location(self, root: Any, path: Sequence[PathPart]) -> Location:
        """Where the container at ``path`` starts (its parent's mark for it)."""
        return self.locate(root, path)


_MISSING = object()


def _child(node: Any, part: PathPart) -> Any:
    if isinstance(node, dict):
        return node.get(part, _MISSING) if isinstance(part, str) else _MISSING
    if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
        return node[part]
    return _MISSING


def _point(
    entry: tuple[str | dict[str, str], dict[str, int] | list[int]], part: PathPart, *, key: bool
) -> tuple[str, int, int] | None:
    files, marks = entry
    if isinstance(marks, dict):
        packed = marks.get(part) if isinstance(part, str) else None
        if packed is None:
            return None
        key_point, value_point = unpack(packed)
        file = files.get(str(part), "<unknown>") if isinstance(files, dict) else files
        line, column = key_point if key else value_point
        return file, line, column
    if isinstance(part, int) and 0 <= part < len(marks) and isinstance(files, str):
        line, column = unpack_point(marks[part])
        return files, line, column
    return None
