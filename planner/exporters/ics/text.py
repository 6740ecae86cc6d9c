"""Content lines as RFC 5545 wants them: escaped, folded at 75 octets, ended by CRLF.

Every value that comes from YAML passes through one of :func:`text`, :func:`param` or
:func:`uri` before it reaches a line, so a title holding a line break and ``ATTENDEE:`` stays
inside its SUMMARY. Lines are built as text and folded as UTF-8 bytes, which is the unit
RFC 5545 counts in, never splitting a character.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from urllib.parse import quote

__all__ = [
    "CRLF",
    "fold",
    "format_date",
    "format_duration",
    "format_local",
    "format_utc",
    "line",
    "param",
    "text",
    "text_list",
    "uri",
]

CRLF = b"\r\n"
_LIMIT = 75
"""Octets per physical line, CRLF not counted (RFC 5545, section 3.1)."""

# Every line break a reader might honour becomes one escaped \n; other control characters
# (not allowed in TEXT) are dropped; TAB is allowed and kept.
_BREAKS = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_TEXT_ESCAPES = str.maketrans({"\\": "\\\\", ";": "\\;", ",": "\\,", "\n": "\\n"})
_PARAM_UNSAFE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f\x85\u2028\u2029]")
_URI_SAFE = "!#$%&'()*+,/:;=?@[]~-._"


def text(value: str) -> str:
    """A TEXT value: backslash, semicolon, comma and line breaks escaped (RFC 5545 3.3.11)."""
    if value.isascii() and value.isprintable():  # the common case, by plain replaces (faster)
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    cleaned = _CONTROLS.sub("", _BREAKS.sub("\n", value))
    return cleaned.translate(_TEXT_ESCAPES)


def text_list(values: Iterable[str]) -> str:
    """A multi-valued TEXT (CATEGORIES): each value escaped, so a comma stays in its value."""
    return ",".join(text(value) for value in values)


def param(value: str) -> str:
    """A parameter value, always quoted: a double quote cannot appear, so it becomes '."""
    cleaned = _PARAM_UNSAFE.sub(" ", value).replace('"', "'")
    return f'"{cleaned}"'


def uri(value: str) -> str:
    """A URI value: anything that is not a plain URI character is percent-encoded."""
    return quote(value, safe=_URI_SAFE)


def line(name: str, value: str, params: str = "") -> bytes:
    """One folded content line; ``params`` is ``;NAME=value...`` already made safe."""
    return fold(f"{name}{params}:{value}")


def fold(content: str) -> bytes:
    """``content`` as UTF-8, folded so no physical line exceeds 75 octets, with CRLF."""
    data = content.encode("utf-8")
    if len(data) <= _LIMIT:
        return data + CRLF
    pieces = []
    start, limit, size = 0, _LIMIT, len(data)
    while start < size:
        end = min(start + limit, size)
        while end < size and data[end] & 0xC0 == 0x80:  # a continuation byte: step back
            end -= 1
        pieces.append(data[start:end])
        start, limit = end, _LIMIT - 1  # a continuation line spends one octet on its space
    return b"\r\n ".join(pieces) + CRLF


def format_utc(moment: datetime) -> str:
    """``20240418T043000Z``."""
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def format_local(moment: datetime) -> str:
    """The wall-clock time as written with a TZID: ``20240418T093000``."""
    return moment.strftime("%Y%m%dT%H%M%S")


def format_date(day: date) -> str:
    return day.strftime("%Y%m%d")


def format_duration(span: timedelta) -> str:
    """A DURATION value: ``-PT30M``, ``P1D``, ``PT1H30M``."""
    sign = "-" if span < timedelta(0) else ""
    seconds = int(abs(span).total_seconds())
    days, rest = divmod(seconds, 86_400)
    hours, rest = divmod(rest, 3_600)
    minutes, seconds = divmod(rest, 60)
    clock = "".join(
        f"{amount}{unit}"
        for amount, unit in ((hours, "H"), (minutes, "M"), (seconds, "S"))
        if amount
    )
    body = (f"{days}D" if days else "") + (f"T{clock}" if clock else "")
    return f"{sign}P{body or 'T0S'}"
