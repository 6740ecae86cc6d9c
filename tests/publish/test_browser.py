"""A real browser opens the built site: every link resolves, no script error, no missing asset.

Headless Chromium (Debian's ``chromium`` package) driven by Playwright for Python through
``executable_path``: Playwright's own browser downloads are never used. Skipped, with the
reason, where either is missing; ``.ci/run`` installs Chromium so that in CI it runs.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ConsoleMessage, Page

CHROMIUM = Path(os.environ.get("PLANNER_CHROMIUM", "/usr/bin/chromium"))
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # Without these Chromium phones home, and a closed network refuses it.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 20_000
ITINERARY = "itineraries/people"
LINKS = "els => els.map(e => e.href)"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    sync_api = pytest.importorskip(
        "playwright.sync_api",
        reason="Playwright for Python is not installed (pip install playwright)",
    )
    if not CHROMIUM.is_file():
        pytest.skip(f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=ARGS, timeout=TIMEOUT_MS
        )
        yield launched
        launched.close()


@dataclass
class Problems:
    """What went wrong while a page loaded: console errors, page errors, failed requests."""

    found: list[str] = field(default_factory=list)

    def watch(self, page: Page) -> None:
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.found.append(f"page error: {error}"))
        page.on("requestfailed", lambda r: self.found.append(f"failed: {r.url} {r.failure}"))

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.found.append(f"console error: {message.text} at {message.location}")


def _open(browser: Browser, path: Path, width: int = 1280) -> tuple[Page, Problems]:
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.set_default_timeout(TIMEOUT_MS)
    problems = Problems()
    problems.watch(page)
    page.goto(path.as_uri(), wait_until="load")
    return page, problems


def _check_links(page: Page, site: Path) -> int:
    """Every link is to a file of the site that exists (or to a place on the page)."""
    hrefs: list[str] = page.eval_on_selector_all("a[href]", LINKS)
    for href in hrefs:
        parts = urlsplit(href)
        assert parts.scheme == "file", f"{href}: the site links only to its own files"
        target = Path(unquote(parts.path))
        assert target.is_file(), href
        assert site in target.parents, f"{href} leaves the site"
        if parts.fragment:
            assert page.locator(f"#{parts.fragment}").count() == 1, href
    return len(hrefs)


def _screenshot(page: Page, path: Path) -> None:
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000
    print(f"screenshot: {path}")


def test_the_index_in_chromium(browser: Browser, bundled_site: Path, tmp_path: Path) -> None:
    page, problems = _open(browser, bundled_site / "index.html")
    assert page.title() == page.locator("h1").inner_text()
    assert _check_links(page, bundled_site) > 100
    for section in ("Events", "Days", "People", "Delegations and groups", "Venues"):
        assert page.get_by_role("heading", name=section).count() == 1, section
    _screenshot(page, tmp_path / "index.png")
    assert problems.found == []
    page.close()


def test_the_index_fits_a_phone(browser: Browser, bundled_site: Path, tmp_path: Path) -> None:
    """Wide tables scroll inside their box; the page itself never scrolls sideways."""
    page, problems = _open(browser, bundled_site / "index.html", width=390)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    _screenshot(page, tmp_path / "index-phone.png")
    assert problems.found == []
    page.close()


def test_an_itinerary_in_chromium(browser: Browser, bundled_site: Path, tmp_path: Path) -> None:
    """One click from the index to a printable itinerary, which loads cleanly too."""
    page, problems = _open(browser, bundled_site / "index.html")
    link = page.locator(f'a[href^="{ITINERARY}/"][href$=".html"]').first
    href = link.get_attribute("href")
    assert href is not None
    link.click()
    page.wait_for_load_state("load")
    assert page.url == (bundled_site / unquote(href)).as_uri()
    assert page.locator("h1").inner_text().startswith("Itinerary")
    _check_links(page, bundled_site)
    _screenshot(page, tmp_path / "itinerary.png")
    assert problems.found == []
    page.close()


def test_the_checks_see_a_broken_page(browser: Browser, tmp_path: Path) -> None:
    """The watchers are live: a script error and a missing image are both reported."""
    broken = tmp_path / "broken.html"
    broken.write_text(
        '<!doctype html><title>x</title><img src="missing.png">'
        "<script>undefinedFunction()</script>",
        encoding="utf-8",
    )
    page, problems = _open(browser, broken)
    page.wait_for_timeout(100)
    page.close()
    joined = "\n".join(problems.found)
    assert "page error: " in joined and "undefinedFunction" in joined
    assert "failed: " in joined and "missing.png" in joined


AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
"""axe-core from the npm registry (tests/publish/package.json; .ci/run runs npm ci)."""
SERIOUS = ("serious", "critical")


def _axe(page: Page) -> list[str]:
    """axe-core's serious and critical violations on the page, one line each."""
    if not AXE.is_file():
        pytest.skip(f"axe-core is not installed ({AXE}): npm ci --prefix tests/publish")
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' '))}))"
    )
    return [
        f"{v['impact']} {v['id']}: {', '.join(v['nodes'][:3])}"
        for v in found
        if v["impact"] in SERIOUS
    ]


@pytest.mark.parametrize(
    "path", ["index.html", "days/2016-10-12.html", "events/asia-innova-2017.html"]
)
def test_pages_pass_axe_core(browser: Browser, bundled_site: Path, path: str) -> None:
    page, problems = _open(browser, bundled_site / path)
    assert _axe(page) == []
    assert problems.found == []
    page.close()


def test_axe_core_finds_what_it_should(browser: Browser, tmp_path: Path) -> None:
    """The check above can fail: an image without text and an unlabelled field are caught."""
    bad = tmp_path / "bad.html"
    bad.write_text(
        '<!doctype html><html><title>x</title><input type="text">'
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">',
        encoding="utf-8",
    )
    page, _ = _open(browser, bad)
    found = " ".join(_axe(page))
    assert "image-alt" in found and "label" in found
    page.close()


def test_a_day_page_in_chromium(browser: Browser, bundled_site: Path, tmp_path: Path) -> None:
    """From the index to a day, along to the next day; at phone width nothing spills."""
    page, problems = _open(browser, bundled_site / "index.html")
    page.locator('a[href="days/2016-10-11.html"]').click()
    page.wait_for_load_state("load")
    assert page.locator("h1").inner_text() == "Tuesday 11 October 2016"
    assert page.locator("tbody tr").count() >= 5
    _check_links(page, bundled_site)
    page.get_by_role("link", name="Next day: Wed 12 Oct →").click()
    page.wait_for_load_state("load")
    assert page.locator("h1").inner_text() == "Wednesday 12 October 2016"
    page.set_viewport_size({"width": 390, "height": 800})
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    _screenshot(page, tmp_path / "day-phone.png")
    assert problems.found == []
    page.close()


def test_people_find_themselves_from_the_search_box(browser: Browser, bundled_site: Path) -> None:
    page, problems = _open(browser, bundled_site / "index.html")
    box = page.get_by_label("Find a person or a delegation")
    assert box.is_visible()
    box.fill("viet nam")
    people = page.locator("#people-table tbody tr:visible")
    groups = page.locator("#groups-table tbody tr:visible")
    assert people.count() == 3 and groups.count() == 1
    assert "Viet Nam delegate 1" in people.first.inner_text()
    assert page.locator("#find-count").inner_text().startswith("4 found")
    box.fill("")
    assert page.locator("#people-table tbody tr:visible").count() > 60
    assert problems.found == []
    page.close()


def test_without_script_the_index_is_whole(browser: Browser, bundled_site: Path) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((bundled_site / "index.html").as_uri())
    assert not page.locator("#find").is_visible()  # the box needs script: hidden without it
    assert page.locator("#people-table tbody tr:visible").count() > 60
    context.close()
