"""The fonts a printed document asks for, by language: Noto, as Debian's fonts-noto-core
and fonts-noto-cjk install them (and ``.ci/run`` installs for the tests).

Noto Sans draws Latin, Greek and Cyrillic; each other script falls through to the first
family that has it. Han characters are drawn differently in Korea, China, Taiwan and
Japan, so the reader's own CJK family comes first; an Arabic reader's Naskh comes before
the other scripts' fonts. Pango falls back to any other installed font for the rest.
"""

from __future__ import annotations

__all__ = ["FAMILIES", "font_stack"]

FAMILIES = (
    "Noto Sans",
    "Noto Sans Symbols",
    "Noto Sans CJK KR",
    "Noto Sans CJK SC",
    "Noto Sans CJK TC",
    "Noto Sans CJK JP",
    "Noto Naskh Arabic",
    "Noto Sans Arabic",
)
"""Every family, in the order a document in a Latin-script language asks for them."""

_FIRST = {
    "ko": "Noto Sans CJK KR",
    "zh-hans": "Noto Sans CJK SC",
    "zh-hant": "Noto Sans CJK TC",
    "zh": "Noto Sans CJK SC",
    "ja": "Noto Sans CJK JP",
    "ar": "Noto Naskh Arabic",
    "fa": "Noto Naskh Arabic",
    "ur": "Noto Naskh Arabic",
}
"""The family each language's own script is drawn with, by tag (then its first subtag)."""


def font_stack(tag: str) -> str:
    """The CSS ``font-family`` of a document in ``tag``: Noto Sans, the language's own
    family, then the others (the generic ``sans-serif`` last)."""
    lowered = tag.lower()
    own = _FIRST.get(lowered) or _FIRST.get(lowered.split("-")[0])
    families = [FAMILIES[0], *([own] if own else []), *FAMILIES[1:]]
    unique = dict.fromkeys(families)
    return ", ".join([*(f'"{family}"' for family in unique), "sans-serif"])
