"""The Arabic index and day page of a built site, opened in headless Chromium: right to left,
columns mirrored, nothing scrolls sideways, from a phone to a desktop."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.publish.conftest import run_build
from tests.publish.test_browser import _open, browser  # noqa: F401 (the fixture)
from tests.publish.test_languages import MULTILINGUAL
from tests.publish.test_phone import ARTIFACTS

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

WIDTHS = (390, 1280)
MIRRORED = """() => {
  const cells = [...document.querySelectorAll('#people-table thead th')];
  return cells.map(cell => Math.round(cell.getBoundingClientRect().left));
}"""


@pytest.fixture(scope="module")
def arabic_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The multilingual programme with Tom reading Arabic: the site gets ar/."""
    folder = tmp_path_factory.mktemp("rtl")
    source = folder / "events.yaml"
    text = MULTILINGUAL.read_text("utf-8")
    source.write_text(
        text.replace("timezone: Europe/London", "timezone: Europe/London\n    language: ar"),
        encoding="utf-8",
    )
    result = run_build("-f", str(source), "-o", str(folder / "site"))
    assert result.exit_code == 0, result.output
    return folder / "site"


def _fits(page: Page, name: str, width: int) -> None:
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    sideways = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert sideways <= 0, f"{name} at {width} px scrolls sideways by {sideways} px"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}-{width}.png"), full_page=True)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_arabic_index_reads_right_to_left(
    browser: Browser,  # noqa: F811 (the fixture)
    arabic_site: Path,
    width: int,
) -> None:
    page, problems = _open(browser, arabic_site / "ar" / "index.html", width)
    _fits(page, "index-ar", width)
    assert page.evaluate("document.documentElement.lang") == "ar"
    if width >= 1280:
        # The first column (the name) is the rightmost: the table is mirrored.
        lefts = page.evaluate(MIRRORED)
        assert lefts == sorted(lefts, reverse=True), lefts
    heading = page.inner_text("h2#people")
    assert heading.startswith("المشاركون"), heading
    assert problems.found == []
    page.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_arabic_day_page_fits(
    browser: Browser,  # noqa: F811 (the fixture)
    arabic_site: Path,
    width: int,
) -> None:
    page, problems = _open(browser, arabic_site / "ar" / "days" / "2016-10-11.html", width)
    _fits(page, "day-ar", width)
    assert problems.found == []
    page.close()
