"""Text for a terminal: colour only where it is wanted, Markdown shown as a reader sees it.

Colour follows the conventions people set once for every tool: none when the stream is not a
terminal, when ``NO_COLOR`` is set (https://no-color.org) or ``TERM=dumb``; ``FORCE_COLOR``
turns it on regardless.
"""

from __future__ import annotations

import os
import re
from typing import TextIO

__all__ = ["colour_diagnostics", "markdown_for_terminal", "wants_colour"]

_BOLD, _RED, _YELLOW, _CYAN, _DIM, _RESET = (
    "\033[1m",
    "\033[31m",
    "\033[33m",
    "\033[36m",
    "\033[2m",
    "\033[0m",
)
_SEVERITY = re.compile(r"^(\S.*?:\d+:\d+: )(error|warning|info)( \S+:)", re.MULTILINE)
_COLOURS = {"error": _RED, "warning": _YELLOW, "info": _CYAN}


def wants_colour(stream: TextIO) -> bool:
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return stream.isatty()


def colour_diagnostics(text: str) -> str:
    """``file:line:col: error code:`` lines with the severity and code in colour."""

    def paint(match: re.Match[str]) -> str:
        where, severity, code = match.groups()
        colour = _COLOURS[severity]
        return f"{_DIM}{where}{_RESET}{_BOLD}{colour}{severity}{_RESET}{_BOLD}{code}{_RESET}"

    return _SEVERITY.sub(paint, text)


def markdown_for_terminal(text: str, colour: bool = False) -> str:
    """A rule's Markdown documentation as plain terminal text: headings underlined (or bold),
    fenced code indented by four spaces, inline backticks dropped."""
    lines: list[str] = []
    fenced = False
    for line in text.splitlines():
        if line.startswith("```"):
            fenced = not fenced
            continue
        if fenced:
            lines.append(f"    {line}" if line else "")
            continue
        heading = re.match(r"^(#{1,6})\s+(.*)$", line)
        if heading:
            lines.append(_heading(_inline(heading.group(2)), len(heading.group(1)), colour))
            continue
        lines.append(_inline(line))
    return "\n".join(lines).rstrip() + "\n"


def _inline(line: str) -> str:
    return re.sub(r"`([^`]*)`", r"\1", line)


def _heading(title: str, level: int, colour: bool) -> str:
    if colour:
        return f"{_BOLD}{title.upper() if level <= 2 else title}{_RESET}"
    rule = "=" if level <= 2 else "-"
    return f"{title}\n{rule * len(title)}"
