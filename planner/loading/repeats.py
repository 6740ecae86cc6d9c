"""One mistake, one diagnostic: the same complaint at many places is reported once.

A wrong value copied to eight people (``country: Kenya``), or a typo in an id that eight
sessions refer to, gives eight diagnostics with the same code and the same words. A reader
fixes them as one, so they are shown as one: the first place, with the count and the other
places (the first few as ``related`` locations), the way a compiler reports an undeclared
name once. Only loading diagnostics are folded: each rule finding is
about its own sessions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from planner.diagnostics import Diagnostic

__all__ = ["fold_repeats"]

_RELATED = 3
"""Other places kept as related locations ("see also"); the rest are only counted."""


def fold_repeats(diagnostics: Sequence[Diagnostic]) -> list[Diagnostic]:
    """``diagnostics`` (sorted) with each repeated (code, severity, message) kept once."""
    groups: dict[tuple[str, str, str], list[Diagnostic]] = {}
    for diagnostic in diagnostics:
        if diagnostic.location is None:
            continue
        key = (diagnostic.code, diagnostic.severity.value, diagnostic.message)
        groups.setdefault(key, []).append(diagnostic)
    folded: list[Diagnostic] = []
    for diagnostic in diagnostics:
        if diagnostic.location is None:
            folded.append(diagnostic)
            continue
        group = groups[(diagnostic.code, diagnostic.severity.value, diagnostic.message)]
        if group[0] is diagnostic:
            folded.append(_folded(group) if len(group) > 1 else diagnostic)
    return folded


def _folded(group: list[Diagnostic]) -> Diagnostic:
    first, others = group[0], [d.location for d in group[1:] if d.location is not None]
    times = "1 more time" if len(others) == 1 else f"{len(others):,} more times"
    return replace(
        first,
        # No line numbers in the words: they would change the message whenever lines move.
        message=f"{first.message} (the same {times}; the first {_RELATED} are listed below)"
        if len(others) > _RELATED
        else f"{first.message} (the same {times}, listed below)",
        related=(*first.related, *others[:_RELATED]),
        sessions=tuple(dict.fromkeys(s for d in group for s in d.sessions)),
        people=tuple(dict.fromkeys(p for d in group for p in d.people)),
    )
