"""Property tests: whatever a person types, planner answers with diagnostics, never a traceback."""

from __future__ import annotations

import string
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.validation import validate_file
from tests.conftest import EVENTS_YAML

EVENTS_TEXT = EVENTS_YAML.read_text(encoding="utf-8")
EVENTS_LINES = EVENTS_TEXT.splitlines(keepends=True)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-10, 100_000),
    st.sampled_from(["", "x", "10:00", "2024-02-20", "2024-02-20 10:00", "2h", "Asia/Seoul",
                     "NO", "sgc", "FREQ=DAILY;COUNT=3", "cancelled", "lecture", "https://x.org"]),
    st.text(string.printable, max_size=12),
)  # fmt: skip
keys = st.sampled_from(
    ["version", "programme", "name", "timezone", "events", "sessions", "title", "start",
     "end", "duration", "venue", "venues", "people", "groups", "members", "repeat", "except",
     "participants", "date", "time", "rooms", "room", "travel", "include", "x-note"]
)  # fmt: skip
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=5),
    max_leaves=25,
)


def _never_crashes(path: Path) -> None:
    report = validate_file(path)
    for diagnostic in report.diagnostics:
        assert diagnostic.code and diagnostic.message
        assert diagnostic.location is not None


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(document=st.dictionaries(keys, values, max_size=6))
def test_random_documents_give_diagnostics_not_tracebacks(tmp_path: Path, document: dict) -> None:  # type: ignore[type-arg]
    path = tmp_path / "random.yaml"
    path.write_text(yaml.safe_dump({"version": 1, **document}), encoding="utf-8")
    _never_crashes(path)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    line=st.integers(0, len(EVENTS_LINES) - 1),
    replacement=st.sampled_from(["", "  - x\n", "  bad: [\n", "    start: 25:00\n", "x: y: z\n",
                                  "\t\n", "    venue: nowhere\n", "    timezone: Mars/Base\n",
                                  "        repeat: FREQ=NEVER\n", "    end: \"2000-01-01 00:00\"\n"]),
)  # fmt: skip
def test_mutated_bundled_programme_never_crashes(
    tmp_path: Path, line: int, replacement: str
) -> None:
    mutated = [*EVENTS_LINES[:line], replacement, *EVENTS_LINES[line + 1 :]]
    path = tmp_path / "events.yaml"
    path.write_text("".join(mutated), encoding="utf-8")
    _never_crashes(path)


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(noise=st.binary(max_size=200))
def test_arbitrary_bytes_never_crash(tmp_path: Path, noise: bytes) -> None:
    path = tmp_path / "noise.yaml"
    path.write_bytes(noise)
    _never_crashes(path)
