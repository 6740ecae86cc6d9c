"""Text of one direction kept whole inside a line of the other: Unicode's isolates and marks.

A time such as ``9:00 ص KST`` is read left to right even in an Arabic line, and the
Unicode bidirectional algorithm would otherwise move its parts (the zone before the time,
``+07`` pulled into the day period's run as ``07+``). :func:`left_to_right` wraps such a
text in a left-to-right isolate (LRI ... PDI) and puts a left-to-right mark after each
right-to-left run inside it; :func:`isolated` lets a cell of a right-to-left table keep its
own direction (FSI ... PDI), so that two Arabic cells side by side are not read as one.
The marks take no room on screen (:func:`~planner.exporters.itinerary.text.display_width`
counts them as zero).
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["FSI", "LRI", "LRM", "PDI", "as_bdi", "first_strong", "isolated", "left_to_right"]

LRM = "\u200e"
"""LEFT-TO-RIGHT MARK: a strong left-to-right character that takes no room."""
LRI = "\u2066"
"""LEFT-TO-RIGHT ISOLATE: what follows, up to the PDI, is a left-to-right unit."""
FSI = "\u2068"
"""FIRST STRONG ISOLATE: what follows, up to the PDI, takes the direction of its first
strong character."""
PDI = "\u2069"
"""POP DIRECTIONAL ISOLATE: ends the isolate."""
RLI = "\u2067"
_RIGHT_TO_LEFT_RUN = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe]+")
_ISOLATE = re.compile("([\u2066-\u2068])([^\u2066-\u2069]*)\u2069")


def left_to_right(text: str) -> str:
    """``text`` as one left-to-right unit in any line: ``LRI 9:00 ص LRM +07 PDI``."""
    if not text:
        return text
    return f"{LRI}{_RIGHT_TO_LEFT_RUN.sub(lambda run: run.group() + LRM, text)}{PDI}"


def isolated(text: str) -> str:
    """``text`` in its own direction, whatever surrounds it (FSI ... PDI); as it is when
    empty or already isolated."""
    if not text or text.startswith((LRI, FSI)):
        return text
    return f"{FSI}{text}{PDI}"


def first_strong(text: str) -> str | None:
    """``ltr`` or ``rtl``: the direction of the first letter with one (None: no letter)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return "ltr"
        if kind in ("R", "AL"):
            return "rtl"
    return None


def as_bdi(markup: str) -> str:
    """The isolates in an HTML text as ``<bdi dir>`` elements, which every browser and
    WeasyPrint draw as isolates: WeasyPrint draws two isolate characters on one line out of
    order (a duration, then a time, in an Arabic line of the pack)."""
    if PDI not in markup:
        return markup
    return _ISOLATE.sub(_bdi, markup)


def _bdi(found: re.Match[str]) -> str:
    opener, inside = found.group(1), found.group(2)
    direction = {LRI: "ltr", RLI: "rtl"}.get(opener) or first_strong(inside) or "ltr"
    return f'<bdi dir="{direction}">{inside}</bdi>'
