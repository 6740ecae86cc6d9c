"""Text written in several languages: ``title: {en: Rooftop solar, ko: 옥상 태양광}``.

The loader turns such a mapping into a :class:`LocalText`, a ``str`` whose value is the
programme's language's text (else the first given), so everything that reads a title as
text keeps working; an output for a reader asks :func:`text_in` for the reader's.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

__all__ = ["LocalText", "local_text", "text_in"]


class LocalText(str):
    """A text as the programme's language writes it, and its ``translations`` by tag."""

    translations: Mapping[str, str]

    def __new__(cls, value: str, translations: Mapping[str, str] | None = None) -> LocalText:
        made = super().__new__(cls, value)
        made.translations = MappingProxyType(dict(translations or {}))
        return made

    def __reduce__(self) -> tuple[type[LocalText], tuple[str, dict[str, str]]]:
        return LocalText, (str(self), dict(self.translations))

    def in_language(self, tag: str) -> str | None:
        """The text in ``tag`` (``es`` also finds ``es-MX`` and the reverse), or None."""
        return _find(self.translations, tag)


def local_text(value: str | Mapping[str, str], default: str) -> str:
    """A model's text: a plain string as it is, a mapping as a :class:`LocalText` whose value
    is the text in ``default`` (the programme's language), else the first given."""
    if isinstance(value, str):
        return value
    first = next(iter(value.values()))
    return LocalText(_find(value, default) or first, value)


def text_in(text: str, tag: str) -> str:
    """``text`` for a reader of ``tag``: theirs, else the programme's, else the first given."""
    if isinstance(text, LocalText):
        return text.in_language(tag) or str(text)
    return text


def _find(texts: Mapping[str, str], tag: str) -> str | None:
    wanted = tag.lower()
    lowered = {key.lower(): text for key, text in texts.items()}
    if wanted in lowered:
        return lowered[wanted]
    primary = wanted.split("-")[0]
    for key, text in lowered.items():
        if key.split("-")[0] == primary:
            return text
    return None
