"""A smoke test of the benchmark generator (bench/generate.py) at about 200 sessions.

The benchmark itself (bench/run.py) is not part of the test suite; this only checks that
what it measures is a valid, varied programme and stays the same for the same seed.
"""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from planner.loading import load_programme
from planner.rules import check_programme

BENCH = Path(__file__).resolve().parent.parent / "bench"


def _module(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bench") / "programme.yaml"
    _module("generate").write_programme(path, 200, seed=7)
    return path


def test_same_seed_same_bytes() -> None:
    generate = _module("generate").generate
    assert generate(200, seed=7) == generate(200, seed=7)
    assert generate(200, seed=7) != generate(200, seed=8)


def test_the_programme_loads_and_is_as_varied_as_the_real_one(generated: Path) -> None:
    result = load_programme(generated)
    assert result.diagnostics == ()
    programme = result.programme
    assert programme is not None
    sessions = programme.sessions
    assert 200 <= len(sessions) <= 210
    assert len(programme.occurrences) > len(sessions)  # repeats are expanded
    assert any(s.all_day for s in sessions) and any(s.is_online for s in sessions)
    assert any(s.origin_venue_id for s in sessions) and any(s.cancelled for s in sessions)
    assert any(s.repeat and "UNTIL" in s.repeat for s in sessions)
    assert any(s.repeat and "COUNT" in s.repeat for s in sessions)
    assert any(s.exceptions for s in sessions) and any(s.allow for s in sessions)
    assert any(person.travel for person in programme.people.values())
    assert any(set(g.members) & set(programme.groups) for g in programme.groups.values())
    assert len({venue.timezone.key for venue in programme.venues.values()}) >= 5


def test_the_rules_have_work_to_do(generated: Path) -> None:
    result = load_programme(generated)
    assert result.programme is not None
    found = Counter(d.code for d in check_programme(result.programme))
    assert {"outside-presence", "public-holiday"} <= set(found) and len(found) >= 4


def test_every_monthly_series_excepts_one_of_its_own_debates(tmp_path: Path) -> None:
    """December's series starts in January of the next year: its `except` must too."""
    generate = _module("generate")
    out = generate._Writer()
    out.add(
        "version: 1",
        "programme: {name: Series, uid_domain: example.org}",
        "venues:",
        "  online-platform: {name: Online, online: true, url: 'https://meet.example.org', "
        "timezone: Europe/Zurich}",
        "people:",
        *(f"  vip-{series:04d}: {{name: VIP {series}}}" for series in range(12)),
        "events:",
    )
    plan = generate.Plan(1000)
    for series in range(12):  # one a month
        generate._online_series(out, plan, series, None)
    path = tmp_path / "series.yaml"
    path.write_text(out.text(), encoding="utf-8")
    result = load_programme(path)
    assert [str(d) for d in result.diagnostics if d.code != "uid-domain-missing"] == []


def test_no_two_site_visits_share_a_venue_and_a_day() -> None:
    """At 30k sessions two events of a city's week once visited the same site at 14:00."""
    text = _module("generate").generate(30_000, clean=True)
    visits: Counter[tuple[str, str]] = Counter()
    lines = text.splitlines()
    for number, line in enumerate(lines):
        if line.strip() == "title: Site visit":
            block = [item.strip() for item in lines[number + 1 : number + 5]]
            day = next(item for item in block if item.startswith("date:"))
            venue = next(item for item in block if item.startswith("venue:"))
            visits[(day, venue)] += 1
    assert visits and max(visits.values()) == 1
