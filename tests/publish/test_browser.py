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
