"""Golden outputs of `planner diff` for pairs of programme versions (tests/diff/cases/*).

Each case folder holds old.yaml and new.yaml and the expected text, Markdown and JSON.
PLANNER_UPDATE_GOLDEN=1 rewrites the expected files; review the change before committing.

The sides are loaded without the conflict rules, so these files pin down what the diff
itself says and do not change whenever a rule is added; the CLI tests cover the rules.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.diff import Side, compare
from planner.exporters import registry
from planner.loading import load_programme
from tests.conftest import check_golden

CASES = Path(__file__).resolve().parent / "cases"
SUFFIXES = {"text": "txt", "markdown": "md", "json": "json"}


def _side(name: str) -> Side:
    result = load_programme(name)
    return Side(name, result.programme, result.diagnostics)


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir() if p.is_dir()))
@pytest.mark.parametrize("diff_format", list(SUFFIXES))
def test_golden(case: str, diff_format: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # From inside the case folder, file names in the output are the short, stable ones.
    monkeypatch.chdir(CASES / case)
    diff = compare(_side("old.yaml"), _side("new.yaml"))
    rendered = registry.get("diff", diff_format).exporter()().export(diff).decode("utf-8")
    check_golden(CASES / case / f"expected.{SUFFIXES[diff_format]}", rendered)
