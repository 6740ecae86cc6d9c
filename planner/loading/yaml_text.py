"""Reading a programme file's text: within the size limit, UTF-8, without a BOM."""

from __future__ import annotations

from pathlib import Path

from planner.diagnostics import Diagnostic, Location, Severity

__all__ = ["DEFAULT_MAX_BYTES", "file_diagnostic", "read_text"]

DEFAULT_MAX_BYTES = 64 * 1024 * 1024


def read_text(path: Path, display: str, max_bytes: int) -> tuple[str | None, Diagnostic | None]:
    """The file's text, or a diagnostic saying why it cannot be read as UTF-8 YAML."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return None, file_diagnostic(
                display,
                "file-too-large",
                f"the file is {size:,} bytes, over the limit of {max_bytes:,} bytes; raise the "
                "limit with --max-file-size or the PLANNER_MAX_FILE_SIZE environment variable",
            )
        raw = path.read_bytes()
    except OSError as error:
        return None, file_diagnostic(display, "include-error", f"cannot read the file: {error}")
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


def file_diagnostic(file: str, code: str, message: str) -> Diagnostic:
    return Diagnostic(code, Severity.ERROR, message, Location(file, 1, 1))
