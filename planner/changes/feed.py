"""The change feed: ``changes.atom`` and ``changes.html``, one entry per published version.

Made from the state's history (:mod:`planner.changes.state`), so each entry keeps its id,
time and words from the build that published it: a feed reader sees a new entry only when a
new version is published. Entry ids are tag URIs of the programme's ``uid_domain``, the
version's date and its number. ``feedgen`` is imported only when a feed is made.

planner's words (titles, labels, what changed) are in the site's language; the times and
places before and after a change are kept as the state recorded them (in the programme's
language, see :mod:`planner.changes.marks`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from html import escape

import planner
from planner.changes.phrases import change_kinds
from planner.changes.state import Change, State, Version
from planner.escaping import xml_text
from planner.languages import ENGLISH, Language

__all__ = ["ATOM_FILE", "PAGE_FILE", "change_lines", "changes_atom", "changes_page", "entry_id"]

ATOM_FILE = "changes.atom"
PAGE_FILE = "changes.html"
LIMIT = 50
"""Versions in the feed, newest first; older ones stay on the page."""


def entry_id(state: State, version: Version) -> str:
    """``tag:example.org,2024-04-13:planner-changes/2``: stable for the life of the version."""
    return (
        f"tag:{state.uid_domain},{version.time.date().isoformat()}:planner-changes/{version.number}"
    )


def feed_id(state: State) -> str:
    return f"tag:{state.uid_domain},{state.versions[0].time.date().isoformat()}:planner-changes"


def version_title(version: Version, lang: Language = ENGLISH) -> str:
    """``Version 2: 3 sessions changed (2 moved, 1 renamed)``."""
    count = len(version.changes)
    if version.number == 1 and not version.changes:
        sessions = lang.ngettext("{count} session", "{count} sessions", version.sessions)
        text = lang.gettext("Version 1: first published, {sessions}")
        return text.format(sessions=sessions.format(count=version.sessions))
    kinds = Counter(kind for change in version.changes for kind in change.kinds)
    labels = change_kinds(lang)
    listed = lang.pgettext("separator", ", ").join(
        lang.gettext("{count} {kind}").format(count=n, kind=labels.get(kind, kind))
        for kind, n in sorted(kinds.items())
    )
    text = lang.ngettext(
        "Version {number}: {count} session changed ({kinds})",
        "Version {number}: {count} sessions changed ({kinds})",
        count,
    )
    return text.format(number=version.number, count=count, kinds=listed)


def _field(name: str, lang: Language) -> str:
    fields = {
        "when": lang.pgettext("changed field", "when"),
        "where": lang.pgettext("changed field", "where"),
        "status": lang.pgettext("changed field", "status"),
        "title": lang.pgettext("changed field", "title"),
    }
    return fields.get(name, name)


def _value(field: str, value: str, lang: Language) -> str:
    """A status (``cancelled``) in ``lang``; times, places and titles as recorded."""
    if field != "status":
        return value
    statuses = {
        "confirmed": lang.pgettext("status", "confirmed"),
        "tentative": lang.pgettext("status", "tentative"),
        "cancelled": lang.pgettext("status", "cancelled"),
    }
    return statuses.get(value, value)


def change_lines(change: Change, lang: Language = ENGLISH) -> list[str]:
    """``moved: Pangyo visit (Tour)`` then ``when: before -> after`` lines."""
    labels = change_kinds(lang)
    kinds = lang.pgettext("separator", ", ").join(labels.get(k, k) for k in change.kinds)
    colon = lang.gettext("{label}: ")
    head = colon.format(label=kinds) + f"{change.title} ({change.event})"
    lines = [
        colon.format(label=_field(f.field, lang))
        + f"{_value(f.field, f.before, lang)} -> {_value(f.field, f.after, lang)}"
        for f in change.fields
    ]
    return [head, *lines]


def _html_changes(changes: Sequence[Change], lang: Language) -> str:
    items = []
    for change in changes:
        head, *rest = change_lines(change, lang)
        details = "".join(f"<br>{escape(line)}" for line in rest)
        items.append(f"<li>{escape(head)}{details}</li>")
    return f"<ul>{''.join(items)}</ul>"


def _links(base_url: str | None) -> tuple[str | None, str | None]:
    if base_url is None:
        return None, None
    base = base_url.rstrip("/") + "/"
    return base + ATOM_FILE, base + PAGE_FILE


def _title(state: State, lang: Language) -> str:
    return lang.gettext("{programme}: programme changes").format(programme=state.programme)


def changes_atom(state: State, base_url: str | None = None, lang: Language = ENGLISH) -> bytes:
    """Atom 1.0: newest version first, at most :data:`LIMIT`; no clock in it."""
    from feedgen.feed import FeedGenerator  # type: ignore[import-untyped]

    generator = FeedGenerator()
    generator.id(feed_id(state))
    # Text from the YAML may hold characters XML cannot (a title's ESC): shown escaped.
    generator.title(xml_text(_title(state, lang)))
    generator.language(lang.tag)
    generator.author({"name": xml_text(state.programme)})
    generator.updated(state.latest.time)
    generator.generator("planner", version=planner.__version__)
    self_link, page = _links(base_url)
    if self_link is not None and page is not None:
        generator.link(href=self_link, rel="self", type="application/atom+xml")
        generator.link(href=page, rel="alternate", type="text/html")
    for version in reversed(state.versions[-LIMIT:]):
        entry = generator.add_entry(order="append")
        entry.id(entry_id(state, version))
        entry.title(xml_text(version_title(version, lang)))
        entry.updated(version.time)
        entry.published(version.time)
        if page is not None:
            entry.link(href=f"{page}#version-{version.number}", rel="alternate")
        entry.content(xml_text(_entry_html(version, lang)), type="html")
    data: bytes = generator.atom_str(pretty=True)
    return data


def _entry_html(version: Version, lang: Language) -> str:
    if not version.changes:
        return f"<p>{escape(version_title(version, lang))}.</p>"
    return _html_changes(version.changes, lang)


_CSS = (
    "body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:52rem;padding:0 1rem;"
    "color:#1d2433}h2{font-size:1.1rem;margin-top:1.8rem}time{color:#667}li{margin:.3rem 0}"
)


def changes_page(state: State, lang: Language = ENGLISH) -> str:
    """changes.html: every version, newest first, each with an anchor ``version-N``."""
    sections = [
        f'<h2 id="version-{v.number}">{escape(version_title(v, lang))}</h2>'
        f'<p><time datetime="{v.time.isoformat()}">{escape(_published(v, lang))}</time></p>'
        + (_html_changes(v.changes, lang) if v.changes else "")
        for v in reversed(state.versions)
    ]
    title = escape(_title(state, lang))
    follow = escape(lang.gettext("Follow in a feed reader (Atom)"))
    back = escape(lang.gettext("the programme"))
    return (
        "<!doctype html>\n"
        f'<html lang="{escape(lang.tag)}" dir="{lang.direction}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<link rel="alternate" type="application/atom+xml" href="{ATOM_FILE}">'
        f"<title>{title}</title><style>{_CSS}</style></head><body>\n"
        f'<h1>{title}</h1><p><a href="{ATOM_FILE}">{follow}</a> · '
        f'<a href="index.html">{back}</a></p>\n' + "\n".join(sections) + "\n</body></html>\n"
    )


def _published(version: Version, lang: Language) -> str:
    """When the version was published, in UTC (``2024-04-13 09:20 UTC`` in English)."""
    if lang.english:
        return f"{version.time:%Y-%m-%d %H:%M} UTC"
    return f"{lang.formats.moment(version.time)} UTC"
