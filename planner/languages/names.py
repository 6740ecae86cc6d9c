"""Each language's name as its own readers write it (``Español``, ``한국어``, ``العربية``),
for the links between the versions of a page in several languages."""

from __future__ import annotations

from functools import cache

from planner.languages.tags import ENGLISH_TAG

__all__ = ["own_name"]


@cache
def own_name(tag: str) -> str:
    """The name of the language ``tag`` in that language, from CLDR, as a menu shows it
    (capitalised where the script has capitals: CLDR writes ``español`` inside a sentence)."""
    if tag == ENGLISH_TAG:
        return "English"
    from babel import Locale

    locale = Locale.parse(tag, sep="-")
    # ``zh_Hans`` is named as a whole (简体中文) rather than as 中文 (简体).
    name = locale.languages.get(str(locale)) or locale.get_display_name(locale) or tag
    return name[:1].upper() + name[1:]
