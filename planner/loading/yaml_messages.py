"""What a YAML syntax error means, said so that whoever wrote the file can fix it.

libyaml reports what its parser expected ("did not find expected '-' indicator while
parsing a block collection"). People make a handful of mistakes that produce those words: a
tab, a bracket left open, a key indented too far or not far enough, a colon inside a value.
Each is recognised here from the error and the lines around it, and said in a sentence at
the line to change, with the change to make. Anything else keeps libyaml's words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import yaml
import yaml.reader

from planner.diagnostics import Diagnostic, Location, Severity

__all__ = [
    "duplicate_key_message",
    "missing_dash_message",
    "reader_diagnostic",
    "syntax_diagnostic",
]

_KEY = re.compile(r"^(\s*)(?:-\s+)*([^\s#:\-][^:#]*?|\"[^\"]*\"|'[^']*'):(?:\s|$)")


@dataclass(frozen=True, slots=True)
class _Error:
    """A libyaml error and the text it is about (0-based line and column)."""

    problem: str
    context: str
    line: int
    column: int
    context_line: int | None
    context_column: int | None
    lines: list[str]

    def text(self, line: int) -> str:
        return self.lines[line] if 0 <= line < len(self.lines) else ""


_Explanation = tuple[str, int, int]
"""A sentence, and the 0-based line and column it is about."""


def syntax_diagnostic(error: yaml.MarkedYAMLError, file: str, text: str = "") -> Diagnostic:
    """The error in plain words, at the line to change."""
    mark = error.problem_mark or error.context_mark
    context = error.context_mark
    found = _Error(
        error.problem or "",
        error.context or "",
        mark.line if mark else 0,
        mark.column if mark else 0,
        context.line if context and context is not mark else None,
        context.column if context and context is not mark else None,
        text.splitlines(),
    )
    for explain in _EXPLAINERS:
        explained = explain(found)
        if explained is not None:
            message, line, column = explained
            return _diagnostic(file, message, line, column)
    message = f"the YAML cannot be read here: {found.problem or 'a syntax error'}"
    if found.context and found.context_line is not None:
        message += f" ({found.context} that starts on line {found.context_line + 1})"
    return _diagnostic(file, message, found.line, found.column)


def _diagnostic(file: str, message: str, line: int, column: int) -> Diagnostic:
    return Diagnostic("yaml-syntax", Severity.ERROR, message, Location(file, line + 1, column + 1))


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _key_of(line: str) -> tuple[str, int] | None:
    """The key a line starts (after any ``- ``), and its 0-based column."""
    match = _KEY.match(line)
    if match is None:
        return None
    return match.group(2).strip(), match.start(2)


# -- the mistakes ---------------------------------------------------------------------------


def _tab(error: _Error) -> _Explanation | None:
    if "tab" not in error.problem and "\\t" not in error.problem:
        return None
    first = error.context_line if error.context_line is not None else error.line
    for number in range(max(first - 1, 0), min(error.line + 2, len(error.lines))):
        line = error.lines[number]
        lead = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in lead:
            return (
                f"line {number + 1} is indented with a tab; YAML indents with spaces only: "
                "replace the tab with spaces",
                number,
                lead.index("\t"),
            )
    return None


def _unclosed(error: _Error) -> _Explanation | None:
    match = re.search(r"expected ',' or '([\]}])'", error.problem)
    if match is None or error.context_line is None:
        return None
    closing = match.group(1)
    opening = "{" if closing == "}" else "["
    line, column = error.context_line, error.context_column or 0
    kind = "mapping" if closing == "}" else "list"
    return (
        f"the `{opening}` on line {line + 1} opens a {kind} that is never closed: end it with "
        f"`{closing}` on that line (or, for a value that is text, put it in quotes)",
        line,
        column,
    )


def _colon_in_value(error: _Error) -> _Explanation | None:
    if "mapping values are not allowed" not in error.problem:
        return None
    line = error.text(error.line)
    key = _key_of(line)
    if key is None or line.find(":", key[1]) >= error.column:
        return None
    name, column = key
    value = line[line.index(":", column) + 1 :].strip()
    if not value:
        return None
    return (
        f"the value of `{name}` contains `: `, which YAML reads as another key; put the value "
        f'in quotes: `{name}: "{value}"`',
        error.line,
        line.index(":", column) + 2,
    )


def _too_far(error: _Error) -> _Explanation | None:
    if "mapping values are not allowed" not in error.problem:
        return None
    line = error.text(error.line)
    key = _key_of(line)
    above = _previous_content(error, error.line)
    if key is None or above is None:
        return None
    above_key = _key_of(error.lines[above])
    if above_key is None or key[1] <= above_key[1]:
        return None
    return (
        f"`{key[0]}:` on line {error.line + 1} is indented further than `{above_key[0]}:` "
        f"above it, which already has a value; line it up with `{above_key[0]}:` "
        f"(column {above_key[1] + 1})",
        error.line,
        key[1],
    )


def _not_enough(error: _Error) -> _Explanation | None:
    if "expected '-' indicator" not in error.problem and "expected key" not in error.problem:
        return None
    line = error.text(error.line)
    key = _key_of(line)
    if key is None:
        return None
    columns = _key_columns_above(error, error.line)
    if not columns or key[1] in columns:
        return None
    deeper = [column for column in columns if column > key[1]]
    if not deeper:
        return None
    target = min(deeper)
    neighbour = columns[target]
    return (
        f"`{key[0]}:` on line {error.line + 1} is indented less than `{neighbour}:` above it; "
        f"if it belongs with `{neighbour}:`, start it in the same column ({target + 1})",
        error.line,
        key[1],
    )


def _previous_content(error: _Error, line: int) -> int | None:
    for number in range(line - 1, -1, -1):
        text = error.lines[number].strip()
        if text and not text.startswith("#"):
            return number
    return None


def _key_columns_above(error: _Error, line: int) -> dict[int, str]:
    """The columns of the keys in the block the line is in, nearest first, by column."""
    found: dict[int, str] = {}
    limit = error.context_line if error.context_line is not None else 0
    for number in range(line - 1, max(limit, 0) - 1, -1):
        key = _key_of(error.lines[number])
        if key is not None:
            found.setdefault(key[1], key[0])
    return found


_EXPLAINERS: tuple[Callable[[_Error], _Explanation | None], ...] = (
    _tab,
    _unclosed,
    _colon_in_value,
    _too_far,
    _not_enough,
)


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


def duplicate_key_message(key: str, first_line: int) -> str:
    return (
        f"the key `{key}` appears twice in this mapping (first at line {first_line}); "
        "remove or rename one"
    )


def missing_dash_message(key: str, item_line: int) -> str:
    """A list item that repeats its first key (at ``item_line``, one-based)."""
    return (
        f"`{key}:` appears again in the item that starts on line {item_line}, so this is "
        f"probably a new item: start it with `- ` (`- {key}: ...`, the `-` where the "
        f"item above has its own)"
    )
