"""index.html: the programme's events and days, with every feed and itinerary one click away.

Written in one language (planner's words through its catalog, dates through CLDR, the
programme's texts in that language where given), with links to the same index in the
other languages of the site. The tables are :mod:`planner.publish.sections`'.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from html import escape
from urllib.parse import quote

from planner.diagnostics import Diagnostic, Severity
from planner.languages import ENGLISH, Language
from planner.publish.sections import (
    CSS,
    FeedLink,
    Sections,
    checked_sentence,
    section_titles,
)
from planner.timeline import Programme

__all__ = ["Links", "Translation", "render_index"]


@dataclass(frozen=True)
class Links:
    """Relative paths of what the site holds, keyed by id (the build decides the layout)."""

    programme_feed: str
    event_feeds: Mapping[str, str]
    venue_feeds: Mapping[str, str]
    person_feeds: Mapping[str, str]
    group_feeds: Mapping[str, str]
    itineraries: Mapping[str, Mapping[str, str]]
    """person or group id -> {format label: path}"""
    agenda: Mapping[str, str]
    diagnostics: str
    schedules: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    """event id -> {format label: path} of its conference-app schedule (schedule.xml...)"""
    changes: str | None = None
    """The changes page, when the site has one."""
    changes_feed: str | None = None
    """Its Atom feed."""
    day_pages: Mapping[date, str] = field(default_factory=dict)
    """A page per day with sessions (the programme itself), by local date."""
    event_pages: Mapping[str, str] = field(default_factory=dict)
    packs: Mapping[str, str] = field(default_factory=dict)
    """group id -> its delegate pack (PDF), when the build makes them."""


@dataclass(frozen=True)
class Translation:
    """The index in another language (or this one): its tag and where it is from here."""

    tag: str
    name: str
    """The language's name in that language: ``Español``, ``한국어``."""
    href: str


def render_index(
    programme: Programme,
    links: Links,
    diagnostics: Sequence[Diagnostic],
    base_url: str | None,
    *,
    lang: Language = ENGLISH,
    translations: Sequence[Translation] = (),
) -> str:
    """The whole index page: standalone HTML, no external assets, every text escaped.

    ``translations`` are the site's languages (this one included) when it has several;
    ``base_url`` is where this page is served (the site's address, plus the language's
    folder), for the subscribe links.
    """
    feed = FeedLink(base_url, lang)
    sections = Sections(programme, links, feed, lang)
    name = lang.text(programme.name)
    parts = [
        "<!doctype html>",
        f'<html lang="{escape(lang.tag)}" dir="{lang.direction}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(name)}</title><style>{CSS}</style>{_head_links(links, translations)}"
        "</head><body>",
        _switcher(translations, lang),
        f"<h1>{escape(name)}</h1>",
        _draft_banner(programme, lang),
        _status(diagnostics, links, lang),
        _nav(lang),
        _search(lang),
        sections.whole_programme(),
        sections.events(),
        sections.days(),
        sections.people(),
        sections.groups(),
        sections.venues(),
        "</body></html>",
    ]
    return "\n".join(part for part in parts if part) + "\n"


def _head_links(links: Links, translations: Sequence[Translation]) -> str:
    """The change feed, for a feed reader; the other languages, for search engines."""
    found = [
        f'<link rel="alternate" hreflang="{escape(t.tag)}" href="{escape(t.href)}">'
        for t in translations
    ]
    if links.changes_feed is not None:
        href = escape(quote(links.changes_feed))
        found.append(
            f'<link rel="alternate" type="application/atom+xml" href="{href}" title="Changes">'
        )
    return "".join(found)


def _switcher(translations: Sequence[Translation], lang: Language) -> str:
    """The same page in the other languages, each named in its own (and marked as such, so
    a screen reader pronounces it in that language)."""
    if len(translations) < 2:
        return ""
    items = []
    for found in translations:
        name, tag = escape(found.name), escape(found.tag)
        if found.tag == lang.tag:
            items.append(f'<strong lang="{tag}" aria-current="page">{name}</strong>')
        else:
            items.append(f'<a href="{escape(found.href)}" hreflang="{tag}" lang="{tag}">{name}</a>')
    label = escape(lang.gettext("Languages"))
    return f'<nav class="languages" aria-label="{label}">{" · ".join(items)}</nav>'


def _draft_banner(programme: Programme, lang: Language) -> str:
    """A draft says so before anything else: it may still hold clashes and change."""
    if not programme.draft:
        return ""
    draft = escape(lang.pgettext("draft mark", "DRAFT"))
    mark = f"<strong>{draft}</strong>"
    text = escape(
        lang.gettext("{draft}: published with {option}; it may still hold clashes and change.")
    )
    return (
        '<p class="bad draft" role="alert">'
        f"{text.format(draft=mark, option='<code>--draft</code>')}</p>"
    )


def _status(diagnostics: Sequence[Diagnostic], links: Links, lang: Language) -> str:
    """What the check found: red with errors (a draft), amber with warnings, else green;
    warnings and errors listed where they are written, so the organiser can act on them
    (the findings themselves stay in English, as every diagnostic)."""
    sentence, css = checked_sentence(diagnostics, lang)
    return (
        f'<p class="{css}">{escape(sentence)} '
        f'(<a href="{escape(quote(links.diagnostics))}">diagnostics.json</a>)</p>'
    ) + _findings(diagnostics, lang)


_FINDINGS_SHOWN = 50
"""A site lists this many findings at most; diagnostics.json and planner validate have all."""


def _findings(diagnostics: Sequence[Diagnostic], lang: Language) -> str:
    shown = [d for d in diagnostics if d.severity is not Severity.INFO]
    if not shown:
        return ""
    # Diagnostics are English: marked so, and kept left to right on a right-to-left page.
    items = "".join(
        f'<li lang="en" dir="ltr"><span class="{_severity_class(d)}">'
        f"{escape(d.severity.value)}</span> <code>{escape(d.code)}</code> "
        f'<span class="muted">{escape(_place(d))}</span><br>{escape(d.message)}</li>'
        for d in shown[:_FINDINGS_SHOWN]
    )
    more = len(shown) - _FINDINGS_SHOWN
    rest = ""
    if more > 0:
        text = lang.ngettext(
            "and {count} more in diagnostics.json", "and {count} more in diagnostics.json", more
        )
        rest = f'<p class="muted">{escape(text.format(count=more))}</p>'
    findings = escape(lang.gettext("Findings"))
    summary = f"<summary>{findings}</summary>"
    return f'<details class="findings" open>{summary}<ul>{items}</ul>{rest}</details>'


def _severity_class(diagnostic: Diagnostic) -> str:
    return "bad" if diagnostic.severity is Severity.ERROR else "warn"


def _place(diagnostic: Diagnostic) -> str:
    """``events.yaml, line 412``: where to look in the file."""
    where = diagnostic.location
    if where is None:
        return ""
    line = f"{where.file}, line {where.line}" if where.line else str(where.file)
    return f"{line} ({where.path})" if where.path else line


def _nav(lang: Language) -> str:
    """Jump links: the page is long once people and groups are listed."""
    titles = section_titles(lang)
    return "<nav>" + "".join(f'<a href="#{key}">{escape(t)}</a>' for key, t in titles) + "</nav>"


_SEARCH = """<div class="find" id="find" hidden><label for="find-input">{label}</label>
<input id="find-input" type="search" autocomplete="off" spellcheck="false">
<span id="find-count" class="muted" aria-live="polite"></span></div>
<script>
(function () {
  var box = document.getElementById("find"), input = document.getElementById("find-input");
  var count = document.getElementById("find-count"), found = FOUND;
  box.hidden = false;
  input.addEventListener("input", function () {
    var rows = document.querySelectorAll("#people-table tbody tr, #groups-table tbody tr");
    var wanted = input.value.trim().toLowerCase(), shown = 0;
    rows.forEach(function (row) {
      var match = !wanted || row.textContent.toLowerCase().indexOf(wanted) !== -1;
      row.hidden = !match;
      if (match) { shown += 1; }
    });
    count.textContent = wanted ? found.replace("{count}", shown) : "";
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter") { document.getElementById("people").scrollIntoView(); }
  });
}());
</script>"""


def _search(lang: Language) -> str:
    """A search box over the people and groups tables: a few lines of script, shown only
    where script runs (without it the tables are all there)."""
    label = escape(lang.gettext("Find a person or a delegation"))
    found = lang.gettext("{count} found below (Enter to go there)")
    # In a script, "</" would end it: JSON with "<" escaped cannot.
    script_text = json.dumps(found, ensure_ascii=False).replace("<", "\\u003c")
    return _SEARCH.replace("{label}", label).replace("FOUND", script_text)
