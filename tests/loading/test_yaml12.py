"""The YAML reader: 1.2 scalars, duplicate keys at the duplicate, bombs and tags refused."""

from __future__ import annotations

import resource
import time

import pytest

from planner.loading.sourcemap import SourceMap
from planner.loading.yaml12 import parse_yaml


def parse(text: str):  # type: ignore[no-untyped-def]
    source_map = SourceMap()
    document = parse_yaml(text, "t.yaml", source_map)
    return document, source_map


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("NO", "NO"),
        ("no", "no"),
        ("on", "on"),
        ("yes", "yes"),
        ("Off", "Off"),
        ("10:00", "10:00"),
        ("2016-10-10", "2016-10-10"),
        ("2016-10-10 10:00", "2016-10-10 10:00"),
        ("0x1F", 31),
        ("0o17", 15),
        ("017", 17),
        ("1_000", "1_000"),
        ("true", True),
        ("False", False),
        ("~", None),
        ("null", None),
        ("1.5", 1.5),
        ("-3", -3),
        ("'true'", "true"),
    ],
)
def test_plain_scalars_follow_the_yaml_1_2_core_schema(written: str, read: object) -> None:
    document, _ = parse(f"value: {written}\n")
    assert document.diagnostics == []
    assert document.data["value"] == read
    assert type(document.data["value"]) is type(read)


def test_a_duplicated_key_is_reported_at_the_duplicate() -> None:
    document, _ = parse("a: 1\nb:\n  c: 1\n  d: 2\n  c: 3\n")
    (diagnostic,) = document.diagnostics
    assert diagnostic.code == "duplicate-key"
    assert (diagnostic.location.line, diagnostic.location.column) == (5, 3)
    assert "first at line 3" in diagnostic.message
    assert document.data["b"]["c"] == 1


def test_positions_of_keys_and_values_are_kept() -> None:
    document, source_map = parse(
        "events:\n  kickoff:\n    sessions:\n      - title: A\n        venue: x\n"
    )
    where = source_map.locate(document.data, ["events", "kickoff", "sessions", 0, "venue"])
    assert (where.line, where.column) == (5, 16)
    assert where.path == "events.kickoff.sessions[0].venue"
    key = source_map.locate(
        document.data, ["events", "kickoff", "sessions", 0, "venue"], at_key=True
    )
    assert (key.line, key.column) == (5, 9)


def _bomb(levels: int) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, levels):
        refs = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{refs}]")
    return "\n".join(lines) + "\n"


def test_a_billion_laughs_is_refused_within_a_second_in_bounded_memory() -> None:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    document, _ = parse(_bomb(12))
    elapsed = time.perf_counter() - started
    grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert document.data is None
    assert [d.code for d in document.diagnostics] == ["yaml-alias-limit"]
    assert elapsed < 1.0
    assert grown_kib < 50_000


def test_a_few_aliases_are_fine() -> None:
    document, _ = parse("x-cohort: &cohort [a, b]\nlist: [*cohort, *cohort]\n")
    assert document.diagnostics == []
    assert document.data["list"] == [["a", "b"], ["a", "b"]]


@pytest.mark.parametrize(
    "tagged",
    [
        "!!python/object/apply:os.system ['echo owned']",
        "!!python/name:os.system",
        "!custom value",
        "!!binary aGVsbG8=",
        "!!timestamp 2001-12-14",
    ],
)
def test_object_tags_are_refused(tagged: str) -> None:
    document, _ = parse(f"value: {tagged}\n")
    assert [d.code for d in document.diagnostics] == ["yaml-tag"]
    assert document.data["value"] is None


def test_core_tags_are_allowed() -> None:
    document, _ = parse("a: !!str 10\nb: !!int '12'\nc: !!float 1\n")
    assert document.diagnostics == []
    assert document.data == {"a": "10", "b": 12, "c": 1.0}


def test_nesting_is_bounded() -> None:
    document, _ = parse("x: " + "[" * 500 + "]" * 500 + "\n")
    assert [d.code for d in document.diagnostics] == ["yaml-syntax"]
    assert "nested" in document.diagnostics[0].message
