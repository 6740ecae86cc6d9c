"""The fuzzer itself works: mutations stay bytes, a case runs every command, findings are kept."""

from __future__ import annotations

import random
from pathlib import Path

from tests.fuzz import fuzz


def test_every_seed_mutates_into_a_programme_to_try() -> None:
    rng = random.Random(1)
    for seed in fuzz.seeds()[:20]:
        assert isinstance(fuzz.make_case(seed, rng), bytes)


def test_a_short_run_counts_cases_and_finds_nothing(tmp_path: Path) -> None:
    tally = fuzz.fuzz(minutes=0.05, seed=3, out=tmp_path / "found", timeout=60)
    assert tally.cases >= 1 and tally.commands >= 4
    assert set(tally.exits) <= {0, 1, 2}
    assert not tally.findings, sorted((tmp_path / "found").glob("*.txt"))


def test_a_hang_is_a_finding(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(fuzz, "_run_case", lambda folder, connection: __import__("time").sleep(5))
    assert fuzz.run_case(b"version: 1\n", timeout=0.5)["problems"] == ["hang"]
