"""``planner list`` tables wrap to the width asked (or the terminal's), never wider."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from planner.cli import app
from planner.loading import load
from planner.reporting.listing import column_limits
from tests.conftest import EVENTS_YAML


def _widest(*args: str) -> int:
    result = CliRunner().invoke(app, ["list", *args, "-f", str(EVENTS_YAML)])
    assert result.exit_code == 0, result.output
    return max(len(line) for line in result.stdout.splitlines())


@pytest.mark.parametrize("width", [120, 160, 200])
@pytest.mark.parametrize("kind", ["sessions", "people", "venues"])
def test_tables_fit_the_width(kind: str, width: int) -> None:
    assert _widest(kind, "--width", str(width)) <= width


def test_without_a_terminal_or_width_the_table_is_whole() -> None:
    assert _widest("sessions") > 200  # its natural width: grep and cut see whole rows


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.text(min_size=0, max_size=40), min_size=1, max_size=8),
    st.integers(min_value=20, max_value=200),
)
def test_column_limits_fit_or_stop_at_the_floor(values: list[str], width: int) -> None:
    rows = [{f"c{index}": value for index, value in enumerate(values)}]
    limits = column_limits(rows, width)
    if limits is None:
        return
    natural = [max(len(f"c{i}"), len(v)) for i, v in enumerate(values)]
    chosen = [limit or wide for limit, wide in zip(limits, natural, strict=True)]
    assert all(limit <= wide for limit, wide in zip(chosen, natural, strict=True))
    assert sum(chosen) <= width - 2 * (len(values) - 1) or max(chosen) <= 10


@pytest.mark.parametrize("width", [40, 60, 80, 100])
@pytest.mark.parametrize("kind", ["events", "sessions", "people", "venues", "groups"])
def test_narrow_widths_fit_too(kind: str, width: int) -> None:
    assert _widest(kind, "--width", str(width)) <= width


def test_a_table_that_cannot_fit_is_one_block_per_entry() -> None:
    result = CliRunner().invoke(app, ["list", "sessions", "--width", "60", "-f", str(EVENTS_YAML)])
    first = result.stdout.split("\n\n")[0].splitlines()
    assert first[:3] == [
        "event        tale-of-seven-smart-cities-2019",
        "id           seven-cities-registration",
        "title        Registration and welcome coffee",
    ]
    assert result.stdout.count("\nid ") + result.stdout.startswith("id ") == len(
        load(EVENTS_YAML).sessions
    )
