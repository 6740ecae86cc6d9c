"""The site shows the programme: a page per day and per event, found from the index."""

from __future__ import annotations

import re
from pathlib import Path

from planner.loading import load
from tests.conftest import EVENTS_YAML
from tests.publish.conftest import anchors, run_build

HOSTILE = """\
version: 1
programme: {name: Hostile, timezone: Asia/Seoul}
venues:
  hall: {name: "<b>Hall</b>", timezone: Asia/Seoul}
people:
  kim: {name: "Kim <img src=x onerror=alert(2)>"}
events:
  tour:
    title: "</title><script>alert(1)</script>"
    venue: hall
    participants: [kim]
    sessions:
      - {id: visit, title: "<script>alert(3)</script>", date: 2024-04-17, time: "14:00-16:00"}
"""


def _text(page: Path) -> str:
    return page.read_text(encoding="utf-8")


def test_a_day_page_lists_its_sessions_in_time_order(bundled_site: Path) -> None:
    page = _text(bundled_site / "days" / "2016-10-12.html")
    assert "<h1>Wednesday 12 October 2016</h1>" in page
    titles = [
        "Bus to Pangyo",
        "Pangyo new town and Techno Valley",
        "Lunch in Pangyo",
        "Bus to Gwacheon",
        "Gwacheon water management facility",
        "Bus back to the hotel",
    ]
    positions = [page.index(title) for title in titles]
    assert positions == sorted(positions)
    assert "09:00\u201310:00 KST" in page and "Asia/Seoul" in page  # local time, its zone
    assert "Pangyo Techno Valley, Seongnam" in page  # where
    assert "Koreana Hotel → Pangyo Techno Valley" in page  # a transfer's route
    assert "With: K-smart city tour cohort, October 2016" in page  # who
    assert 'href="../ics/events/k-smart-city-tour-2016.ics"' in page  # the feed
    assert 'rel="prev" href' not in page and 'href="2016-10-11.html" rel="prev"' in page


def test_every_day_of_the_programme_has_a_page_and_the_index_links_it(bundled_site: Path) -> None:
    programme = load(EVENTS_YAML)
    days = {o.first_day.isoformat() for o in programme.occurrences}
    built = {path.stem for path in (bundled_site / "days").glob("*.html")}
    assert built == days
    hrefs = set(anchors(bundled_site / "index.html").hrefs)
    assert {f"days/{day}.html" for day in days} <= hrefs
    assert {f"events/{event}.html" for event in programme.events} <= hrefs


def test_links_between_pages_resolve(bundled_site: Path) -> None:
    for page in [
        *(bundled_site / "days").glob("*.html"),
        *(bundled_site / "events").glob("*.html"),
    ]:
        for href in anchors(page).hrefs:
            target = (page.parent / href.split("#")[0]).resolve()
            assert target.is_file(), f"{page.name}: {href}"


def test_an_event_page_has_its_days_and_feed(bundled_site: Path) -> None:
    page = _text(bundled_site / "events" / "asia-innova-2017.html")
    assert "<h1>Asia Innova 2017</h1>" in page
    for day in ("2017-11-20", "2017-11-22"):
        assert f'href="../days/{day}.html"' in page
    assert 'Subscribe to this event&#x27;s calendar <span dir="ltr">(.ics)</span>' in page


def test_pages_escape_the_yaml(tmp_path: Path) -> None:
    source = tmp_path / "events.yaml"
    source.write_text(HOSTILE, encoding="utf-8")
    assert run_build("-f", str(source), "-o", str(tmp_path / "site")).exit_code == 0
    for page in [
        *(tmp_path / "site").glob("days/*.html"),
        *(tmp_path / "site").glob("events/*.html"),
    ]:
        text = _text(page)
        assert not re.search(r"<(script|img|b)\b", text), page
        assert "&lt;script&gt;alert(3)&lt;/script&gt;" in text or page.parent.name == "events"
