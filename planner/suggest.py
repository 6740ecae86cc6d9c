"""Near misses and how values read: what messages about bad input share.

A light module (no pydantic, no models): the loader, the resolver and the rules suggest
names with it on their error paths, and importing it costs nothing on the others.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

__all__ = ["closest", "describe_value", "did_you_mean"]


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
