"""The diff printed without -o is a real unified diff: applying it gives the new text."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.schedule.report import diff_text
from planner.schedule.writeback import Edited

_HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@$")


def _apply(before: list[str], diff: str) -> list[str]:
    """A small, independent reader of unified diffs."""
    lines = diff.splitlines(keepends=True)[2:]
    result: list[str] = []
    position = 0
    index = 0
    while index < len(lines):
        match = _HUNK.match(lines[index].rstrip("\n"))
        assert match, lines[index]
        start = int(match[1]) - (0 if match[2] == "0" else 1)
        result += before[position:start]
        position = start
        index += 1
        while index < len(lines) and not lines[index].startswith("@@"):
            kind, text = lines[index][0], lines[index][1:]
            if kind in " -":
                assert before[position] == text
                position += 1
            if kind in " +":
                result.append(text)
            index += 1
    return result + before[position:]


@settings(max_examples=200, deadline=None)
@given(
    before=st.lists(
        st.sampled_from(["a\n", "b\n", "c\n", "  start: x\n"]), min_size=1, max_size=30
    ),
    edits=st.lists(
        st.tuples(
            st.integers(0, 40),
            st.booleans(),
            st.lists(st.sampled_from(["new\n", "b\n"]), min_size=1, max_size=3),
        ),
        min_size=1,
        max_size=4,
    ),
)
def test_applying_the_diff_gives_the_new_text(
    before: list[str], edits: list[tuple[int, bool, list[str]]]
) -> None:
    after = list(before)
    for position, change, lines in edits:
        where = min(position, len(after) - 1 if change else len(after))
        if change:
            after[where] = "changed " + after[where]
        else:
            after[where:where] = lines
    diff = diff_text([Edited(Path("x.yaml"), "x.yaml", "".join(before), "".join(after))])
    assert diff.startswith("--- a/x.yaml\n+++ b/x.yaml\n")
    assert _apply(before, diff) == after
