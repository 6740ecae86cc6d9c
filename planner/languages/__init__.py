"""Outputs in the reader's language: gettext catalogs for planner's phrases, CLDR formats.

:func:`language` gives a :class:`Language` by BCP 47 tag (``ko``, ``es-MX``, ``zh-CN``):
its ``gettext`` family translates planner's fixed phrases through the catalogs in
``catalogs/`` and its ``formats`` write dates, times, spans and lists as the locale does.
Adding a language is adding a catalog: see docs/languages.md. Diagnostics stay English.
"""

from planner.languages.catalogs import available
from planner.languages.language import (
    ENGLISH,
    Language,
    NoCatalog,
    language,
    languages,
    reader_language,
    supported,
)
from planner.languages.tags import ENGLISH_TAG, is_language_tag
from planner.languages.texts import LocalText, text_in

__all__ = [
    "ENGLISH",
    "ENGLISH_TAG",
    "Language",
    "LocalText",
    "NoCatalog",
    "available",
    "is_language_tag",
    "language",
    "languages",
    "reader_language",
    "supported",
    "text_in",
]
