"""Reading a programme file's text: a regular file, within a hard byte limit, UTF-8, no BOM;
and what parsing it gives (:class:`Document`)."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planner.diagnostics import Diagnostic, Location, Severity
from planner.limits import FILE_SIZE

__all__ = ["DEFAULT_MAX_BYTES", "Document", "file_diagnostic", "read_text"]

DEFAULT_MAX_BYTES = FILE_SIZE.default


@dataclass
class Document:
    """One parsed file: its data (None when unreadable) and what went wrong."""

    file: str
    data: Any
    diagnostics: list[Diagnostic] = field(default_factory=list)
    nodes: int = 0
    """How many keys and values the file holds (what it spent of the node budget)."""


def read_text(path: Path, display: str, max_bytes: int) -> tuple[str | None, Diagnostic | None]:
    """The file's text, or a diagnostic saying why it cannot be read as UTF-8 YAML.

    Only a regular file is read, and never more than ``max_bytes`` of it whatever its size
    claims to be: a FIFO, ``/dev/zero`` or ``/dev/stdin`` is refused without blocking.
    """
    try:
        raw, problem = _read_regular_file(path, display, max_bytes)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        return None, file_diagnostic(display, "include-error", f"cannot read the file: {reason}")
    if problem is not None:
        return None, problem
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n")
        column = error.start - (before.rfind(b"\n") + 1)
        return None, Diagnostic(
            "encoding",
            Severity.ERROR,
            f"the file is not valid UTF-8 (byte 0x{raw[error.start]:02x}); save it as UTF-8",
            Location(display, line + 1, column + 1),
        )
    return text.removeprefix("\ufeff"), None


def _read_regular_file(path: Path, display: str, max_bytes: int) -> tuple[bytes, Diagnostic | None]:
    # O_NONBLOCK: opening a FIFO must not wait for a writer; a regular file ignores it.
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_BINARY", 0))
    mode = os.fstat(descriptor).st_mode
    if not stat.S_ISREG(mode):
        os.close(descriptor)
        return b"", file_diagnostic(
            display,
            "not-a-file",
            f"this is {_kind_of_file(mode)}, not a regular file; planner reads programmes "
            "only from regular files",
        )
    with os.fdopen(descriptor, "rb") as handle:
        raw = handle.read(max_bytes + 1)
    if len(raw) > max_bytes:
        size = max(os.stat(path).st_size, len(raw))
        return b"", file_diagnostic(
            display,
            "file-too-large",
            f"the file is {size:,} bytes, over the limit of {max_bytes:,} bytes; "
            f"{FILE_SIZE.how_to_raise()}",
        )
    return raw, None


def _kind_of_file(mode: int) -> str:
    kinds = [
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a pipe (FIFO)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ]
    return next((name for test, name in kinds if test(mode)), "a special file")


def file_diagnostic(file: str, code: str, message: str) -> Diagnostic:
    return Diagnostic(code, Severity.ERROR, message, Location(file, 1, 1))
