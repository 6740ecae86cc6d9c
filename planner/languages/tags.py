"""Language tags (BCP 47) as written in a programme or on the command line.

A tag is checked for form (RFC 5646's grammar, without the grandfathered tags, and with a
primary language of two or three letters: the longer ones the grammar reserves are
registered for no language, so ``english`` or ``korean`` is a mistake, not a tag), then
matched to the catalogs planner ships: ``es-MX`` reads the ``es`` catalog, ``zh-CN`` and
``zh-SG`` the ``zh-Hans`` one (by CLDR's likely subtags), ``en-GB`` is English.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping

__all__ = ["ENGLISH_TAG", "LANGUAGE_TAG_PATTERN", "best_match", "is_language_tag"]

ENGLISH_TAG = "en"
"""The language of planner's own text: it needs no catalog."""

_A, _N, _AN = "[A-Za-z]", "[0-9]", "[A-Za-z0-9]"
LANGUAGE_TAG_PATTERN = (
    f"^(?:{_A}{{2,3}}(?:-{_A}{{3}}){{0,3}})"  # language (and extended language)
    f"(?:-{_A}{{4}})?"  # script
    f"(?:-(?:{_A}{{2}}|{_N}{{3}}))?"  # region
    f"(?:-(?:{_AN}{{5,8}}|{_N}{_AN}{{3}}))*"  # variants
    f"(?:-[0-9A-WY-Za-wy-z](?:-{_AN}{{2,8}})+)*"  # extensions
    f"(?:-[Xx](?:-{_AN}{{1,8}})+)?$"  # private use
)
"""RFC 5646's grammar of a well-formed tag (without the grandfathered ones), as a pattern
JSON Schema, pydantic and Python all read."""
_TAG = re.compile(LANGUAGE_TAG_PATTERN)


def is_language_tag(tag: str) -> bool:
    """Whether ``tag`` is a well-formed BCP 47 language tag (``ko``, ``zh-Hans``, ``es-419``)."""
    return _TAG.fullmatch(tag) is not None


def best_match(tag: str, available: Collection[str]) -> str | None:
    """The catalog among ``available`` (tags as their files name them) that serves ``tag``.

    English, or None when no catalog fits. The longest match wins: ``zh-Hans-SG`` tries
    ``zh-Hans-SG``, ``zh-Hans`` then ``zh``; a tag without a script gets its likely one.
    """
    by_lower = {code.lower(): code for code in available}
    for candidate in _candidates(tag):
        if candidate in by_lower:
            return by_lower[candidate]
        if candidate == ENGLISH_TAG:
            return ENGLISH_TAG
    return None


def _candidates(tag: str) -> list[str]:
    parts = tag.lower().replace("_", "-").split("-")
    found = ["-".join(parts[:end]) for end in range(len(parts), 0, -1)]
    if parts[0] != ENGLISH_TAG and not any(len(part) == 4 and part.isalpha() for part in parts[1:]):
        script = _likely_script(parts)
        if script:
            found.insert(len(found) - 1, f"{parts[0]}-{script}")
    return found


def _likely_script(parts: list[str]) -> str | None:
    """CLDR's likely script of a language and region (``zh-TW`` -> ``hant``)."""
    from babel.core import get_global  # only for tags without a catalog of their own

    likely: Mapping[str, str] = get_global("likely_subtags")
    region = next((p.upper() for p in parts[1:] if len(p) in (2, 3) and p.isalnum()), None)
    keys = [f"{parts[0]}_{region}", parts[0]] if region else [parts[0]]
    for key in keys:
        full = likely.get(key)
        if full:
            pieces = full.split("_")
            if len(pieces) > 1 and len(pieces[1]) == 4:
                return pieces[1].lower()
    return None
