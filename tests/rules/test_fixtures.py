"""One fixture per rule (tests/rules/fixtures/<code>.yaml) against its snapshot.

Each fixture holds cases where the rule fires and near misses where it must not (touching
sessions, a trip that just fits, cancelled, excepted or allowed occurrences); the
snapshot (tests/rules/snapshots/<code>.txt) lists exactly what it reports: line, column,
severity, code, message, related locations, sessions and people.
PLANNER_UPDATE_GOLDEN=1 rewrites the snapshots; review the diff before committing it.
"""

from __future__ import annotations

import pytest

from planner.rules import RULES
from tests.conftest import check_golden
from tests.rules.conftest import FIXTURES, SNAPSHOTS, load_fixture, snapshot_text

CODES = sorted(RULES)


def test_every_rule_has_a_fixture_and_a_snapshot() -> None:
    assert sorted(path.stem for path in FIXTURES.glob("*.yaml")) == CODES
    assert sorted(path.stem for path in SNAPSHOTS.glob("*.txt")) == CODES


@pytest.mark.parametrize("code", CODES)
def test_rule_fixture_matches_its_snapshot(code: str, check_fixture) -> None:  # type: ignore[no-untyped-def]
    found = check_fixture(code)
    assert found, f"{code} found nothing in its own fixture"
    assert {diagnostic.code for diagnostic in found} == {code}
    check_golden(SNAPSHOTS / f"{code}.txt", snapshot_text(found))


@pytest.mark.parametrize("code", CODES)
def test_fixture_loads_cleanly(code: str) -> None:
    """The fixtures test rules, not the loader: they load without any loading diagnostic."""
    assert load_fixture(code).warnings == ()
