"""A reader's language: planner's phrases translated, and dates and times formatted.

``language("ko")`` is the Korean catalog with CLDR's Korean formats; ``language("en")`` is
planner's own English, which needs neither a catalog nor Babel. Languages are kept per
tag, so every itinerary of a build shares one.
"""

from __future__ import annotations

import gettext
from functools import cache
from zoneinfo import ZoneInfo

from planner.languages.catalogs import available, translations
from planner.languages.formats import CldrFormats, EnglishFormats
from planner.languages.tags import ENGLISH_TAG, best_match, is_language_tag
from planner.languages.texts import text_in

__all__ = [
    "ENGLISH",
    "Language",
    "NoCatalog",
    "language",
    "languages",
    "reader_language",
    "supported",
]

_RIGHT_TO_LEFT = frozenset(
    {"ar", "arc", "ckb", "dv", "fa", "he", "ks", "ps", "sd", "ug", "ur", "yi"}
)
"""Languages written right to left (their default scripts)."""
_RIGHT_TO_LEFT_SCRIPTS = frozenset({"arab", "hebr", "syrc", "thaa", "nkoo", "adlm", "rohg"})


class NoCatalog(LookupError):
    """planner has no catalog for the language asked for."""

    def __init__(self, tag: str) -> None:
        self.tag = tag
        known = ", ".join(languages())
        problem = "is not a BCP 47 language tag" if not is_language_tag(tag) else "has no catalog"
        super().__init__(f"`{tag}` {problem}; languages: {known}")


class Language:
    """One language's translations and formats, the interface every output renders with.

    ``gettext``, ``ngettext`` and ``pgettext`` are the names ``planner.languages.extract``
    looks for in planner's sources; their first arguments must be string literals.
    """

    def __init__(self, tag: str, reader: str | None = None) -> None:
        self.tag = tag
        """The catalog's tag (``zh-Hans``), or ``en``."""
        self.reader = reader or tag
        """The tag the reader asked for (``es-MX``, or ``de`` read with the English catalog):
        texts written in several languages are picked by it."""
        self.english = tag == ENGLISH_TAG
        self.formats: EnglishFormats = EnglishFormats() if self.english else CldrFormats(tag)
        self._catalog: gettext.NullTranslations = (
            gettext.NullTranslations() if self.english else translations(tag)
        )
        subtags = tag.lower().split("-")
        rtl = subtags[0] in _RIGHT_TO_LEFT or any(s in _RIGHT_TO_LEFT_SCRIPTS for s in subtags)
        self.direction = "rtl" if rtl else "ltr"
        """``rtl`` for Arabic and the other right-to-left scripts, else ``ltr``."""

    def __repr__(self) -> str:
        return f"Language({self.tag!r}, reader={self.reader!r})"

    def gettext(self, message: str) -> str:
        return self._catalog.gettext(message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return self._catalog.ngettext(singular, plural, count)

    def pgettext(self, context: str, message: str) -> str:
        return self._catalog.pgettext(context, message)

    def text(self, value: str) -> str:
        """A text of the programme in the reader's language (see :func:`text_in`)."""
        return text_in(value, self.reader)

    def optional_text(self, value: str | None) -> str | None:
        return None if value is None else text_in(value, self.reader)

    def zone_name(self, zone: ZoneInfo) -> str:
        """``Asia/Tokyo`` in English; the zone's city as the reader writes it otherwise
        (``도쿄 시간``, ``heure de Tokyo``)."""
        city = self.formats.city(zone)
        if city is None:
            return zone.key
        return self.gettext("{city} time").format(city=city)


def languages() -> tuple[str, ...]:
    """Every language planner writes: English and one per catalog."""
    return (ENGLISH_TAG, *available())


def supported(tag: str) -> str | None:
    """The catalog that serves ``tag`` (``es`` for ``es-MX``), ``en``, or None."""
    return best_match(tag, available()) if is_language_tag(tag) else None


@cache
def language(tag: str = ENGLISH_TAG) -> Language:
    """The language for ``tag``; :class:`NoCatalog` when planner does not write it."""
    found = supported(tag)
    if found is None:
        raise NoCatalog(tag)
    return _language(found, tag)


def reader_language(tag: str | None, default: str = ENGLISH_TAG) -> Language:
    """The language of a reader who asked for ``tag`` (None: ``default``, the programme's).

    Without a catalog for it, planner's words are in the ``default``'s language (else
    English) while the programme's texts are still picked in the reader's.
    """
    wanted = tag or default
    found = supported(wanted) or supported(default) or ENGLISH_TAG
    return _language(found, wanted)


@cache
def _language(tag: str, reader: str | None = None) -> Language:
    return Language(tag, reader if reader != tag else None)


ENGLISH = _language(ENGLISH_TAG)
"""planner's own English: the default of every output."""
