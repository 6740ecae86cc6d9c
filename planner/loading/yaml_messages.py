"""What a YAML syntax error means, said so that whoever wrote the file can fix it."""

from __future__ import annotations

import yaml
import yaml.reader

from planner.diagnostics import Diagnostic, Location, Severity

__all__ = ["reader_diagnostic", "syntax_diagnostic"]


def syntax_diagnostic(error: yaml.MarkedYAMLError, file: str) -> Diagnostic:
    mark = error.problem_mark or error.context_mark
    problem = error.problem or "the YAML cannot be read"
    message = f"YAML syntax error: {problem}"
    if error.context and error.context_mark is not None and error.context_mark is not mark:
        message += f" ({error.context} at line {error.context_mark.line + 1})"
    line, column = (mark.line, mark.column) if mark is not None else (0, 0)
    return Diagnostic("yaml-syntax", Severity.ERROR, message, Location(file, line + 1, column + 1))


def reader_diagnostic(error: yaml.reader.ReaderError, text: str, file: str) -> Diagnostic:
    before = text[: error.position]
    line = before.count("\n")
    column = error.position - (before.rfind("\n") + 1)
    code = (
        error.character
        if isinstance(error.character, int)
        else ord(str(error.character)[:1] or " ")
    )
    return Diagnostic(
        "yaml-syntax",
        Severity.ERROR,
        f"the file contains the control character 0x{code:02x}, which YAML does not allow; "
        "remove it",
        Location(file, line + 1, column + 1),
    )
