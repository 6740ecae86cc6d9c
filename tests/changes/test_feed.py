"""changes.atom and changes.html from the state's history, parsed back with feedparser."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from lxml import etree

from planner import load
from planner.changes import advance
from planner.changes.feed import changes_atom, changes_page, entry_id
from tests.changes.conftest import STAMPS

feedparser = pytest.importorskip("feedparser")


def _at(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


def test_one_entry_per_version_newest_first(versions: tuple[Path, Path]) -> None:
    before, after = (load(path) for path in versions)
    first = advance(None, before, _at(STAMPS[0]))
    state = advance(advance(first, after, _at(STAMPS[1])), after, _at(STAMPS[2]))
    data = changes_atom(state, "https://example.org/site/")
    feed = feedparser.parse(data)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    assert feed.feed.title == "Change tour: programme changes"
    assert [entry.title for entry in feed.entries] == [
        "Version 2: 3 sessions changed (1 cancelled, 1 moved, 1 renamed)",
        "Version 1: first published, 4 sessions",
    ]
    newest = feed.entries[0]
    assert newest.id == "tag:changes.example.org,2024-04-14:planner-changes/2"
    assert newest.link == "https://example.org/site/changes.html#version-2"
    assert (
        "when: Wed 17 Apr 2024 10:00-11:45 KST -&gt; Wed 17 Apr 2024 13:00-14:45 KST"
        in newest.content[0].value
        or (
            "when: Wed 17 Apr 2024 10:00-11:45 KST -> Wed 17 Apr 2024 13:00-14:45 KST"
            in newest.content[0].value
        )
    )
    assert newest.updated_parsed[:6] == _at(STAMPS[1]).timetuple()[:6]
    assert feed.feed.updated_parsed[:6] == _at(STAMPS[1]).timetuple()[:6]


def test_ids_and_bytes_are_stable(versions: tuple[Path, Path]) -> None:
    before, after = (load(path) for path in versions)
    first = advance(None, before, _at(STAMPS[0]))
    second = advance(first, after, _at(STAMPS[1]))
    assert changes_atom(second) == changes_atom(second)
    old_entry = feedparser.parse(changes_atom(first)).entries[0]
    new_entries = feedparser.parse(changes_atom(second)).entries
    assert old_entry.id == new_entries[1].id == entry_id(first, first.versions[0])


def test_changes_page_lists_every_version(versions: tuple[Path, Path]) -> None:
    before, after = (load(path) for path in versions)
    state = advance(advance(None, before, _at(STAMPS[0])), after, _at(STAMPS[1]))
    page = changes_page(state)
    assert page.index('id="version-2"') < page.index('id="version-1"')
    assert "cancelled: Dinner (Tour)" in page
    assert 'href="changes.atom"' in page


ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")


def _one(parent: etree._Element, name: str) -> etree._Element:
    found = parent.findall(ATOM + name)
    assert len(found) == 1, f"{parent.tag} must have exactly one {name} (RFC 4287)"
    return found[0]


def test_the_feed_is_valid_atom(versions: tuple[Path, Path]) -> None:
    """RFC 4287's rules for atom:feed and atom:entry, checked on the XML itself."""
    before, after = (load(path) for path in versions)
    state = advance(advance(None, before, _at(STAMPS[0])), after, _at(STAMPS[1]))
    root = etree.fromstring(changes_atom(state, "https://example.org/site/"))
    assert root.tag == ATOM + "feed"
    for name in ("id", "title", "updated"):
        _one(root, name)
    assert _one(_one(root, "author"), "name").text
    assert RFC3339.match(_one(root, "updated").text or "")
    self_links = [link for link in root.findall(ATOM + "link") if link.get("rel") == "self"]
    assert [link.get("href") for link in self_links] == ["https://example.org/site/changes.atom"]
    ids = []
    for entry in root.findall(ATOM + "entry"):
        ids.append(_one(entry, "id").text)
        assert (_one(entry, "id").text or "").startswith("tag:changes.example.org,")
        assert RFC3339.match(_one(entry, "updated").text or "")
        assert _one(entry, "title").text
        assert _one(entry, "content").get("type") == "html"
    assert len(ids) == len(set(ids)) == 2
