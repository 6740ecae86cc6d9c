"""Overlap detection by sweep agrees with a brute-force oracle (all pairs), on random data.

First on bare intervals, then on random programmes (people, groups, rooms, venues in two
zones, online, cancelled and repeating sessions) through the whole loader and both overlap
rules.
"""

from __future__ import annotations

import itertools
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.loading import load
from planner.rules import check_programme
from planner.rules.sweep import overlapping_pairs
from planner.timeline import Occurrence, Programme


@dataclass(eq=False)
class Span:
    start: float
    end: float


spans = st.lists(
    st.tuples(st.integers(0, 40), st.integers(0, 12)).map(lambda t: Span(t[0], t[0] + t[1])),
    max_size=30,
)


@given(spans)
def test_sweep_finds_exactly_the_overlapping_pairs(found: list[Span]) -> None:
    ordered = sorted(found, key=lambda span: span.start)
    by_sweep = {frozenset((id(a), id(b))) for a, b in overlapping_pairs(ordered)}
    brute = {
        frozenset((id(a), id(b)))
        for a, b in itertools.combinations(ordered, 2)
        if max(a.start, b.start) < min(a.end, b.end)
    }
    assert by_sweep == brute
    # Each pair once, earlier first.
    pairs = list(overlapping_pairs(ordered))
    assert len(pairs) == len(brute)
    assert all(a.start <= b.start for a, b in pairs)


PEOPLE = ("ana", "bo", "cy", "di")
PLACES = ("hall/a", "hall/b", "annex", "online")
session_specs = st.lists(
    st.fixed_dictionaries(
        {
            "day": st.integers(0, 2),
            "start": st.integers(0, 95).map(lambda q: q * 15),
            "length": st.integers(0, 16).map(lambda q: q * 15),
            "place": st.sampled_from(PLACES),
            "people": st.lists(st.sampled_from((*PEOPLE, "pair")), max_size=3, unique=True),
            "cancelled": st.sampled_from((False, False, False, True)),
            "repeat": st.integers(1, 3),
        }
    ),
    min_size=1,
    max_size=10,
)


def _session_yaml(number: int, spec: dict) -> str:  # type: ignore[type-arg]
    start = spec["start"]
    day = 10 + spec["day"]
    when = f'start: "2024-06-{day} {start // 60:02d}:{start % 60:02d}", duration: {spec["length"]}m'
    place = spec["place"]
    where = {
        "hall/a": "venue: hall, room: a",
        "hall/b": "venue: hall, room: b",
        "annex": "venue: annex",
        "online": 'online: "https://example.org/x"',
    }[place]
    extra = ", status: cancelled" if spec["cancelled"] else ""
    if spec["repeat"] > 1:
        extra += f', repeat: "FREQ=DAILY;COUNT={spec["repeat"]}"'
    people = ", ".join(spec["people"])
    return (
        f"      - {{id: s{number}, title: S{number}, {when}, {where}, "
        f"participants: [{people}]{extra}}}"
    )


def _programme_text(specs: list[dict]) -> str:  # type: ignore[type-arg]
    people = "\n".join(f"  {p}: {{name: {p.capitalize()}}}" for p in PEOPLE)
    sessions = "\n".join(_session_yaml(n, spec) for n, spec in enumerate(specs))
    return f"""\
version: 1
programme: {{name: Random, timezone: Asia/Seoul}}
venues:
  hall: {{name: Hall, timezone: Asia/Seoul, rooms: {{a: {{name: A}}, b: {{name: B}}}}}}
  annex: {{name: Annex, timezone: Asia/Almaty}}
people:
{people}
groups:
  pair: {{name: Pair, members: [ana, bo]}}
events:
  e:
    title: E
    sessions:
{sessions}
"""


def _occurrences(programme: Programme) -> list[Occurrence]:
    return [
        o for s in programme.sessions if not s.cancelled and not s.all_day for o in s.occurrences
    ]


def _overlap(a: Occurrence, b: Occurrence) -> bool:
    return max(a.start, b.start) < min(a.end, b.end)


def _room(o: Occurrence) -> tuple[str | None, str | None] | None:
    return None if o.session.is_online else (o.session.venue_id, o.session.room_id)


def _key(a: Occurrence, b: Occurrence) -> tuple[str, ...]:
    return tuple(sorted((a.session.key, b.session.key)))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(session_specs)
def test_overlap_rules_agree_with_all_pairs_on_random_programmes(specs: list[dict]) -> None:  # type: ignore[type-arg]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "events.yaml"
        path.write_text(_programme_text(specs), encoding="utf-8")
        programme = load(path)
    found = check_programme(programme, select=["person-double-booked", "room-double-booked"])
    people_oracle: Counter[tuple[tuple[str, ...], tuple[str, ...]]] = Counter()
    rooms_oracle: Counter[tuple[str, ...]] = Counter()
    for a, b in itertools.combinations(_occurrences(programme), 2):
        if not _overlap(a, b):
            continue
        shared = tuple(sorted(set(a.session.people) & set(b.session.people)))
        if shared:
            people_oracle[(_key(a, b), shared)] += 1
        if _room(a) is not None and _room(a) == _room(b):
            rooms_oracle[_key(a, b)] += 1
    by_people = Counter(
        (tuple(sorted(d.sessions)), d.people) for d in found if d.code == "person-double-booked"
    )
    by_room = Counter(tuple(sorted(d.sessions)) for d in found if d.code == "room-double-booked")
    assert by_people == people_oracle
    assert by_room == rooms_oracle
