"""A session's text as a row shows it: its abstract, else its description's first sentence.

A conference abstract runs to paragraphs of Markdown; a row of an itinerary or agenda has
room for a line or two. The full text stays where there is room: JSON, the HTML page's
details, the calendar feeds.
"""

from __future__ import annotations

import re

__all__ = ["SUMMARY_LIMIT", "summary_of"]

SUMMARY_LIMIT = 160
"""Characters at most; a longer first sentence is cut at a word and ends with "…"."""
_END = re.compile(r"[.!?…](?=\s+[A-Z0-9\"'(\u201c\u2018]|\s*$)")
_ABBREVIATION = re.compile(r"(\b[A-Z][a-z]?|\be\.g|\bi\.e|\betc|\bvs|\bDr|\bMr|\bMrs|\bProf|\bSt)$")
_MARKUP = re.compile(r"^\s*(#+|[-*+>]|\d+\.)\s+|[*_`]{1,3}")


def summary_of(abstract: str | None, description: str | None) -> str | None:
    """The abstract when there is one, else the description's first sentence; one line."""
    text = abstract or description
    if not text:
        return None
    paragraph = text.strip().split("\n\n")[0]
    plain = " ".join(" ".join(_MARKUP.sub("", line).split()) for line in paragraph.splitlines())
    if abstract is None:
        plain = _first_sentence(plain)
    if len(plain) <= SUMMARY_LIMIT:
        return plain
    cut = plain[: SUMMARY_LIMIT - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def _first_sentence(text: str) -> str:
    for end in _END.finditer(text):
        if not _ABBREVIATION.search(text[: end.start()]):
            return text[: end.end()]
    return text
