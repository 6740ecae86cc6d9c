"""docs/limits.md lists every budget of planner/limits.py with its default and its setting."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from planner.cli import app
from planner.limits import FIRST_YEAR, LAST_YEAR, LIMITS, MAX_ID_LENGTH, Limit
from tests.conftest import ROOT

PAGE = (ROOT / "docs" / "limits.md").read_text(encoding="utf-8")
ROWS = {row.split("|")[1].strip(): row for row in PAGE.splitlines() if row.startswith("| ")}


@pytest.mark.parametrize("limit", LIMITS, ids=[limit.variable for limit in LIMITS])
def test_every_budget_is_listed_with_its_default_and_setting(limit: Limit) -> None:
    (row,) = [row for row in ROWS.values() if f"`{limit.variable}`" in row]
    assert f"| {limit.default:,}" in row
    assert limit.what in row
    if limit.option:
        assert f"`{limit.option}`" in row


def test_the_fixed_ranges_are_the_ones_enforced() -> None:
    assert f"{FIRST_YEAR} to {LAST_YEAR}" in PAGE
    assert f"at most {MAX_ID_LENGTH} characters" in PAGE


def test_the_example_is_real_output(monkeypatch: pytest.MonkeyPatch) -> None:
    (block,) = re.findall(r"```console\n(.*?)```", PAGE, re.DOTALL)
    command, *expected = block.splitlines()
    variable, _, rest = command.removeprefix("$ ").partition(" ")
    name, value = variable.split("=")
    monkeypatch.setenv(name, value)
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(app, rest.split()[1:])
    assert result.output.splitlines() == expected
