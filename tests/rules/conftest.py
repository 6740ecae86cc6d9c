"""Shared by the rule tests: fixtures per rule code and their snapshots."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.diagnostics import Diagnostic
from planner.loading import load
from planner.rules import check_programme
from planner.timeline import Programme

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
SNAPSHOTS = HERE / "snapshots"


def load_fixture(name: str) -> Programme:
    """The programme in tests/rules/fixtures/<name>.yaml (it must load without errors)."""
    return load(FIXTURES / f"{name}.yaml")


def snapshot_text(diagnostics: list[Diagnostic]) -> str:
    """Diagnostics as the snapshot files hold them: one block per diagnostic."""
    blocks = []
    for found in diagnostics:
        assert found.location is not None
        lines = [
            f"{found.location.line}:{found.location.column} {found.severity} {found.code}: "
            f"{found.message}"
        ]
        lines += [f"    related {where.line}:{where.column}" for where in found.related]
        if found.sessions:
            lines.append(f"    sessions {', '.join(found.sessions)}")
        if found.people:
            lines.append(f"    people {', '.join(found.people)}")
        blocks.append("\n".join(lines))
    return "\n".join(blocks) + "\n" if blocks else ""


@pytest.fixture
def check_fixture():  # type: ignore[no-untyped-def]
    def run(name: str, select: list[str] | None = None) -> list[Diagnostic]:
        return check_programme(load_fixture(name), select=select or [name])

    return run
