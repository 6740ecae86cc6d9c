"""Itineraries and agendas as HTML read well on a phone: checked in headless Chromium.

At 390 px (a phone) and 800 px (a small tablet) rows become stacked cards; at 1280 px they
are a table. At every width nothing scrolls sideways and no two cells of a row overlap.
Screenshots are kept in ``tests/artifacts/`` (or ``PLANNER_TEST_ARTIFACTS``) to look at.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from typer.testing import CliRunner

from planner.cli import app
from tests.conftest import EVENTS_YAML, ROOT
from tests.hybrid.test_hybrid import NAIROBI
from tests.publish.test_browser import _open, browser  # noqa: F401 (the fixture)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

ARTIFACTS = Path(os.environ.get("PLANNER_TEST_ARTIFACTS", ROOT / "tests" / "artifacts"))
WIDTHS = (390, 800, 1280)
OVERLAPS = """() => {
  const found = [];
  for (const row of document.querySelectorAll('tbody tr')) {
    const boxes = [...row.children].map(cell => cell.getBoundingClientRect())
      .filter(box => box.width > 0 && box.height > 0);
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (x > 1 && y > 1) found.push(row.innerText.slice(0, 60));
    }
  }
  return found;
}"""


def _page(tmp_path: Path, name: str, *args: str) -> Path:
    target = tmp_path / f"{name}.html"
    result = CliRunner().invoke(app, [*args, "--format", "html", "-o", str(target)])
    assert result.exit_code == 0, result.output
    return target


def _check(page: Page, name: str, width: int) -> None:
    sideways = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert sideways <= 0, f"{name} at {width} px scrolls sideways by {sideways} px"
    assert page.evaluate(OVERLAPS) == [], f"{name} at {width} px: cells overlap"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / f"{name}-{width}.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 5_000


@pytest.mark.parametrize("width", WIDTHS)
def test_itineraries_and_agendas_fit_the_screen(
    browser: Browser,  # noqa: F811 (the fixture)
    tmp_path: Path,
    width: int,
) -> None:
    pages = {
        "itinerary-vietnam-delegate-1": _page(
            tmp_path, "a", "itinerary", "vietnam-delegate-1", "-f", str(EVENTS_YAML)
        ),
        "itinerary-remote-speaker": _page(tmp_path, "b", "itinerary", "ana", "-f", str(NAIROBI)),
        "agenda-nairobi": _page(tmp_path, "c", "agenda", "-f", str(NAIROBI)),
    }
    for name, path in pages.items():
        page, problems = _open(browser, path, width)
        _check(page, name, width)
        assert problems.found == []
        cards = page.evaluate("getComputedStyle(document.querySelector('tbody tr')).display")
        assert (cards == "block") == (width < 832), f"{name} at {width} px: {cards}"
        page.close()
