"""Every catalog translates every message planner prints: none missing, none fuzzy, every
placeholder kept, and the template is what the sources hold today."""

from __future__ import annotations

import io
import re
import string

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

from planner.languages import available, language
from planner.languages.catalogs import catalog_source, compiled
from planner.languages.extract import TEMPLATE, extract

LANGUAGES = ("ar", "es", "fr", "ko", "ru", "zh-Hans")
_PLACEHOLDER = re.compile(r"\{([a-z_]+)(?::[^}]*)?\}")


def _catalog(tag: str) -> Catalog:
    return read_po(io.BytesIO(catalog_source(tag)))


def _keys(catalog: Catalog) -> set[tuple[str | None, object]]:
    return {(message.context, message.id) for message in catalog if message.id}


def _placeholders(text: str) -> set[str]:
    return set(_PLACEHOLDER.findall(text))


def test_the_six_languages_are_shipped() -> None:
    assert available() == LANGUAGES


def test_the_template_holds_the_messages_of_the_sources() -> None:
    """Run ``python -m planner.languages.extract`` after changing a message."""
    with TEMPLATE.open("rb") as source:
        shipped = read_po(source)
    assert _keys(shipped) == _keys(extract())


@pytest.mark.parametrize("tag", LANGUAGES)
def test_every_message_is_translated(tag: str) -> None:
    with TEMPLATE.open("rb") as source:
        template = read_po(source)
    catalog = _catalog(tag)
    assert _keys(catalog) == _keys(template), "missing or extra messages: run extract"
    for message in catalog:
        if not message.id:
            continue
        assert not message.fuzzy, f"{tag}: fuzzy {message.id!r}"
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        assert forms and all(forms), f"{tag}: untranslated {message.id!r}"
        if message.pluralizable:
            assert len(forms) == catalog.num_plurals, f"{tag}: plural forms of {message.id!r}"


@pytest.mark.parametrize("tag", LANGUAGES)
def test_placeholders_are_kept(tag: str) -> None:
    for message in _catalog(tag):
        if not message.id:
            continue
        wanted = _placeholders(_ids(message)[-1])
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        for form in forms:
            assert _placeholders(form) == wanted, f"{tag}: {message.id!r} -> {form!r}"
            # Formats as planner formats it: braces balanced, names known.
            list(string.Formatter().parse(form))


def _ids(message: Message) -> tuple[str, ...]:
    return message.id if isinstance(message.id, tuple) else (message.id,)


@pytest.mark.parametrize("tag", LANGUAGES)
def test_compiled_catalogs_translate(tag: str) -> None:
    assert compiled(tag).startswith((b"\xde\x12\x04\x95", b"\x95\x04\x12\xde"))
    lang = language(tag)
    assert lang.gettext("Local time") != "Local time"
    assert "{count}" in lang.ngettext("{count} session", "{count} sessions", 5)


def test_russian_and_arabic_choose_their_plural_forms() -> None:
    russian = language("ru")
    forms = [
        russian.ngettext("{count} session", "{count} sessions", n).format(count=n)
        for n in (1, 3, 5, 21)
    ]
    assert forms == ["1 мероприятие", "3 мероприятия", "5 мероприятий", "21 мероприятие"]
