"""Near misses and how values read: what messages about bad input share.

A light module (no pydantic, no models): the loader, the resolver and the rules suggest
names with it on their error paths, and importing it costs nothing on the others.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

__all__ = [
    "closest",
    "country_suggestion",
    "describe_value",
    "did_you_mean",
    "id_suggestion",
]


def describe_value(value: Any) -> str:
    """How a YAML value reads to a person: ``the number 5``, ``a list``, ``nothing``."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f'"{shown}"'
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def closest(word: str, candidates: Iterable[str]) -> str | None:
    """The candidate most like ``word`` (difflib's ratio at least 0.6), or None."""
    import difflib  # only a message needs it

    matches = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return matches[0] if matches else None


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    match = closest(word, candidates)
    return f"; did you mean `{match}`?" if match else ""


def id_suggestion(value: Any) -> str:
    """``; did you mean `gh-3`?`` for ``GH-3`` or ``Gh 3``: the id it most likely means."""
    from planner.limits import MAX_ID_LENGTH  # imports nothing of ours

    if not isinstance(value, str):
        return ""
    guess = re.sub(r"[\s_]+", "-", value.strip().lower())
    if guess == value or not re.fullmatch(rf"[a-z0-9][a-z0-9-]{{0,{MAX_ID_LENGTH - 1}}}", guess):
        return ""
    return f"; did you mean `{guess}`? (ids are written in lower case)"


def country_suggestion(value: Any) -> str:
    """``; did you mean `KE`?`` for ``Kenya`` or ``ke``: the code of a country's English name."""
    if not isinstance(value, str) or not value.strip():
        return ""
    if re.fullmatch("[A-Za-z]{2}", value.strip()):
        return f"; did you mean `{value.strip().upper()}`?"
    from babel import Locale  # only when a country is wrong: Babel is slow to import

    names = {
        name.casefold(): code
        for code, name in Locale.parse("en").territories.items()
        if code.isalpha() and len(code) == 2
    }
    code = names.get(value.strip().casefold())
    return f"; did you mean `{code}`?" if code else ""
