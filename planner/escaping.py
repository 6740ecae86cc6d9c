"""Text from the YAML, made safe for where it is printed: a terminal, a CI log, Markdown.

A title is written by whoever commits to the repository. Printed raw, its control
characters could clear the screen, retitle the window or hide a link, and a newline could
start a line of its own: ``::error file=...`` in a CI log, or "events.yaml is valid". So
text meant for a terminal shows every control character escaped (``\\n``, ``\\x1b``) and
never begins a new line; Markdown text also keeps its markup, mentions and HTML inert.
"""

from __future__ import annotations

import re

__all__ = ["markdown_literal", "printable", "xml_text"]

# C0 and C1 controls, DEL, the Unicode line and paragraph separators, and the marks that
# reorder text on screen (bidirectional overrides and isolates) or hide it.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\x1b": "\\e"}


def _shown(match: re.Match[str]) -> str:
    character = match.group()
    if character in _NAMED:
        return _NAMED[character]
    code = ord(character)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` on one line, every control character shown as an escape (``\\n``, ``\\e``)."""
    if _UNSAFE.search(text) is None:
        return text  # the common case: nothing to do, no copy
    return _UNSAFE.sub(_shown, text)


# What XML 1.0 cannot hold at all, even escaped: most C0 controls, surrogates, U+FFFE/F.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """``text`` an XML document can hold: each character XML forbids shown as an escape."""
    if _NOT_XML.search(text) is None:
        return text
    return _NOT_XML.sub(_shown, text)


# Backticks stay: planner's messages quote ids and values as `code` on purpose, and a
# backtick cannot open anything but a code span. Everything else that starts markup does
# not: emphasis, links, images, tables, HTML and entities, headings, block quotes.
_MARKUP = re.compile(r"([\\*_\[\]<>|~#&!])")
_BULLET = re.compile(r"^(\s*)([-+=])")
_NUMBERED = re.compile(r"^(\s*\d+)([.)])")
_MENTION = re.compile(r"@(?=\w)")


def markdown_literal(text: str) -> str:
    """``text`` as Markdown shows it, literally and on one line: no markup, no HTML, and
    ``@name`` does not notify anyone (a word joiner follows the ``@``)."""
    escaped = _MARKUP.sub(r"\\\1", printable(text))
    escaped = _NUMBERED.sub(r"\1\\\2", _BULLET.sub(r"\1\\\2", escaped))
    return _MENTION.sub("@\u2060", escaped)
