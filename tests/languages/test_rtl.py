"""An Arabic itinerary in headless Chromium: right to left, columns mirrored, times LTR.

The browser set-up is tests/publish/test_browser.py's (Debian's ``chromium`` through
Playwright's ``executable_path``); skipped only where Chromium or Playwright is missing.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from planner.exporters import registry
from planner.exporters.base import Selection
from planner.exporters.itinerary import ItineraryExporter, RenderOptions
from planner.languages.bidi import LRM
from tests.itinerary.conftest import programme
from tests.publish.test_browser import browser

if TYPE_CHECKING:
    from playwright.sync_api import Browser

__all__ = ["browser"]  # the module's fixture, shared

_BOXES = """() => {
  const table = document.querySelector('table.day');
  const heads = [...table.querySelectorAll('thead th')];
  const time = table.querySelector('tbody td.time');
  return {
    direction: getComputedStyle(document.documentElement).direction,
    heads: heads.map(th => [th.className, th.getBoundingClientRect().left]),
    timeDirection: getComputedStyle(time).direction,
    timeText: time.innerText,
    timeIsolated: time.querySelectorAll('bdi').length > 0
      && [...time.querySelectorAll('bdi')].every(b => b.dir === 'ltr'),
  };
}"""


def _write(tag: str, folder: Path) -> Path:
    found = registry.get("itinerary", "html").exporter_as(ItineraryExporter)
    exporter = found(options=RenderOptions(language=tag))
    page = folder / f"{tag}.html"
    page.write_bytes(exporter.export(programme("bundled"), Selection(person="vietnam-delegate-1")))
    return page


def test_arabic_reads_right_to_left_with_times_left_to_right(
    browser: Browser, tmp_path: Path
) -> None:
    found = {}
    for tag in ("ar", "en"):
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(_write(tag, tmp_path).as_uri(), wait_until="load")
        found[tag] = page.evaluate(_BOXES)
        page.close()
    arabic, english = found["ar"], found["en"]
    assert (arabic["direction"], english["direction"]) == ("rtl", "ltr")
    # The columns are mirrored: the times are the rightmost column, the notes the leftmost.
    assert [name for name, _ in sorted(arabic["heads"], key=lambda h: -h[1])] == [
        name for name, _ in sorted(english["heads"], key=lambda h: h[1])
    ]
    assert arabic["heads"][0][0] == "time" and arabic["heads"][0][1] > arabic["heads"][-1][1]
    # Times stay left to right: a start before its end, the zone after them.
    assert arabic["timeDirection"] == "ltr"
    # The times are isolated left to right (<bdi dir="ltr">, a mark after each period).
    lines = arabic["timeText"].split("\n")
    assert arabic["timeIsolated"]
    assert lines[0].startswith("12:40 ص" + LRM + " +07") and lines[-1].endswith("KST"), lines
