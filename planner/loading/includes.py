"""Expanding one ``include`` pattern into files, without ever looking outside the programme.

The pattern is checked against the folder of the root file before anything is read from the
disk, so a pattern that points outside gets the same message whether or not its target
exists (no oracle on the CI runner), and ``../../**`` never walks the file system. The walk
below the folder follows no symbolic link to a folder (two links to ``.`` cannot loop) and
stops after a budget of entries; a linked file is only taken when it resolves inside.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from planner.limits import INCLUDE_WALK

__all__ = ["Expansion", "expand_include"]

_MAGIC = re.compile(r"[*?\[]")


@dataclass
class Expansion:
    """The files a pattern names (resolved, inside the folder), or why it names none."""

    files: list[Path] = field(default_factory=list)
    problem: str | None = None


def expand_include(pattern: str, folder: Path, boundary: Path) -> Expansion:
    """The regular files ``pattern`` (relative to ``folder``) names inside ``boundary``."""
    if "\0" in pattern or not pattern.strip():
        return Expansion(problem="an include path must be a non-empty path without NUL characters")
    try:
        return _expand(pattern, folder, boundary)
    except (OSError, ValueError) as error:  # a name too long, a folder not readable
        reason = getattr(error, "strerror", None) or str(error)
        return Expansion(problem=f"`{pattern}` cannot be followed: {reason}")


def _expand(pattern: str, folder: Path, boundary: Path) -> Expansion:
    parts = PurePosixPath(pattern.replace("\\", "/")).parts
    if pattern.startswith(("/", "\\")) or re.match("[A-Za-z]:", pattern):
        return Expansion(problem=f"`{pattern}` is absolute; include paths are relative")
    first_magic = next((i for i, part in enumerate(parts) if _MAGIC.search(part)), len(parts))
    base = Path(os.path.normpath(folder.joinpath(*parts[:first_magic]))) if first_magic else folder
    outside = Expansion(
        problem=f"`{pattern}` reaches outside the folder of the root file; "
        "included files must live beside it or below it"
    )
    if ".." in parts[first_magic:] or not _inside(base, boundary):
        return outside
    if first_magic == len(parts):
        return _single_file(pattern, base, boundary, outside)
    if not _inside(base.resolve(), boundary):
        return outside
    return _walk(pattern, base, parts[first_magic:], boundary, outside)


def _inside(path: Path, boundary: Path) -> bool:
    return path == boundary or path.is_relative_to(boundary)


def _single_file(pattern: str, path: Path, boundary: Path, outside: Expansion) -> Expansion:
    resolved = path.resolve()
    if not _inside(resolved, boundary):
        return outside  # a link pointing out: refused whether or not its target exists
    if not resolved.exists():
        return Expansion(
            problem=f"`{pattern}` matches no file (paths are relative to the including file)"
        )
    return Expansion(files=[resolved])


def _walk(
    pattern: str, base: Path, rest: tuple[str, ...], boundary: Path, outside: Expansion
) -> Expansion:
    matcher = _compile(rest)
    budget = INCLUDE_WALK.value()
    seen = 0
    found: list[Path] = []
    reached_out = False
    for folder, folders, files in os.walk(base, followlinks=False):
        seen += len(folders) + len(files)
        if seen > budget:
            return Expansion(
                problem=f"`{pattern}` looks at more than {budget:,} files and folders, "
                f"planner's budget for one include pattern; {INCLUDE_WALK.how_to_raise()}"
            )
        folders.sort()
        relative = Path(folder).relative_to(base)
        for name in sorted(files):
            if not matcher.fullmatch((relative / name).as_posix()):
                continue
            resolved = (Path(folder) / name).resolve()
            if not _inside(resolved, boundary):
                reached_out = True
            elif resolved.is_file():
                found.append(resolved)
    if reached_out:
        return Expansion(files=found, problem=outside.problem)
    if not found:
        return Expansion(
            problem=f"`{pattern}` matches no file (paths are relative to the including file)"
        )
    return Expansion(files=found)


def _compile(parts: tuple[str, ...]) -> re.Pattern[str]:
    """A glob below the base as one regular expression; ``**`` spans any number of folders."""
    pieces = ["(?:[^/]+/)*" if part == "**" else _name_pattern(part) + "/" for part in parts]
    if parts[-1] == "**":
        pieces.append("[^/]+")  # as the last part, ``**`` names every file below
    return re.compile("".join(pieces).removesuffix("/"))


def _name_pattern(part: str) -> str:
    """One path component: ``*`` and ``?`` never cross a ``/``; ``[...]`` is a class."""
    out: list[str] = []
    index = 0
    while index < len(part):
        char = part[index]
        close = part.find("]", index + 2) if char == "[" else -1
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif close > 0:
            body = part[index + 1 : close]
            negate = body[:1] == "!"
            body = re.escape(body[1:] if negate else body).replace("\\-", "-")
            out.append(f"[{'^/' if negate else ''}{body}]")
            index = close
        else:
            out.append(re.escape(char))
        index += 1
    return "".join(out)
