"""Which languages a site is written in, and where each language's pages go.

The site's first language is ``build --lang``'s, else the programme's: its index is
``index.html`` and its day and event pages are ``days/`` and ``events/``, at the top.
Every other language some person or group reads (one planner has a catalog for) gets
the same pages in a folder named by its tag: ``es/index.html``, ``es/days/...``,
``ko/index.html``. A static host serves ``/es/`` from ``es/index.html`` with no
configuration; the feeds, itineraries and PDFs stay at the top, once each (a person's are
already in their language).
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.languages import ENGLISH_TAG, Language, language, reader_language, supported
from planner.timeline import Programme

__all__ = ["SiteLanguage", "site_languages"]


@dataclass(frozen=True)
class SiteLanguage:
    """One language of the site and its folder (``""`` at the top, else ``es/``)."""

    language: Language
    folder: str

    @property
    def root(self) -> str:
        """The way from this language's index back to the site's top: ``""`` or ``../``."""
        return "../" if self.folder else ""


def site_languages(programme: Programme, fixed: str | None = None) -> tuple[SiteLanguage, ...]:
    """The first language (``fixed``, else the programme's), then the others its readers
    read, by tag; ``fixed`` writes the whole site in that one language."""
    first = language(fixed) if fixed else reader_language(None, programme.language)
    if fixed:
        return (SiteLanguage(first, ""),)
    wanted = [person.language for person in programme.people.values()]
    wanted += [group.language for group in programme.groups.values()]
    # A reader whose language has no catalog reads the first language's pages.
    found = {supported(tag) for tag in wanted if tag}
    others = {tag for tag in found if tag is not None and tag != first.tag}
    ordered = sorted(others, key=lambda tag: (tag != ENGLISH_TAG, tag))
    return (
        SiteLanguage(first, ""),
        *(SiteLanguage(language(tag), f"{tag}/") for tag in ordered),
    )
