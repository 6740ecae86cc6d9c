"""A 70-room venue's grid in Markdown and HTML: groups of rooms that fit the page.

Markdown is paged to ``--width`` (100 when not given) as the terminal's table is; HTML has
at most six rooms a table, and on a phone each entry shows under its room's name. Every
session is in exactly one group's table.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from typer.testing import CliRunner

from planner.cli import app
from planner.exporters.itinerary.days import rooms_per_page
from tests.publish.test_browser import _open, browser  # noqa: F401 (the fixture)
from tests.publish.test_phone import OVERLAPS
from tests.scale.conftest import ROOMS, SESSIONS, VENUE, Congress

if TYPE_CHECKING:
    from playwright.sync_api import Browser

_GROUP = re.compile(r"\((\d+)-(\d+)/70\)")


def _agenda(big: Congress, *args: str) -> str:
    result = CliRunner().invoke(
        app, ["agenda", "-f", str(big.path), "--venue", VENUE, "--by", "room", *args]
    )
    assert result.exit_code == 0, result.stderr
    return result.stdout


def _talks(text: str) -> list[str]:
    return re.findall(r"Talk (\d+):", text)


@pytest.mark.parametrize("width", [None, 200])
def test_markdown_grids_come_in_groups_of_rooms_that_fit_the_width(
    big: Congress, width: int | None
) -> None:
    text = _agenda(big, "--format", "markdown", *(["--width", str(width)] if width else []))
    fits = rooms_per_page(width or 100, ROOMS, lambda columns: 3 * columns + 1)
    assert 1 < fits < ROOMS
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    tables = [line for line in text.splitlines() if line.startswith("| Start")]
    assert len(headings) == len(tables) >= 4 * -(-ROOMS // fits)  # every group, every day
    for heading, table in zip(headings, tables, strict=True):
        first, last = map(int, _GROUP.findall(heading)[0])
        assert last - first + 1 == table.count(" | ") <= fits  # the rooms the heading names
    assert sorted(_talks(text), key=int) == [str(n) for n in range(SESSIONS)]  # each once


def test_html_grids_have_six_rooms_a_table(big: Congress) -> None:
    text = _agenda(big, "--format", "html")
    tables = text.split('<table class="grid">')[1:]
    assert len(tables) == 4 * -(-ROOMS // 6)
    assert all(table.split("</thead>")[0].count('<th class="room">') <= 6 for table in tables)
    assert "(67-70/70)" in text
    assert sorted(_talks(text), key=int) == [str(n) for n in range(SESSIONS)]


@pytest.mark.parametrize("width", (390, 800, 1280))
def test_a_days_grid_fits_a_phone_a_tablet_and_a_screen(
    browser: Browser,  # noqa: F811 (the fixture)
    big: Congress,
    tmp_path: Path,
    width: int,
) -> None:
    page_file = tmp_path / "grid.html"
    page_file.write_text(_agenda(big, "--format", "html", "--day", "2026-12-27"), "utf-8")
    page, problems = _open(browser, page_file, width)
    sideways = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert sideways <= 0, f"scrolls sideways by {sideways} px at {width} px"
    assert page.evaluate(OVERLAPS) == []
    assert problems.found == []
    labels = page.evaluate(
        """() => [...document.querySelectorAll('table.grid td[data-room]')].slice(0, 20)
             .map(td => getComputedStyle(td, '::before').content)"""
    )
    # On a phone and a small tablet each entry is under its room's name; on a screen the
    # room is the column's heading.
    assert labels and all((label == "none") == (width >= 832) for label in labels), labels
    if width < 832:
        assert labels[0].strip('"').startswith("Room ")
    page.close()
