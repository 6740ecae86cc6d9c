"""`validate --format json` writes with json's C encoder, one diagnostic a line: the same
document as the pretty-printed one, for any text a programme can hold."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from planner.diagnostics import Diagnostic, Location, Severity, Summary
from planner.reporting import render_json

texts = st.text(max_size=40)
locations = st.builds(Location, file=texts, line=st.integers(1, 10**6),
                      column=st.integers(1, 10**4), path=texts)  # fmt: skip
diagnostics = st.builds(
    Diagnostic,
    code=texts,
    severity=st.sampled_from(list(Severity)),
    message=texts,
    location=st.none() | locations,
    related=st.lists(locations, max_size=3).map(tuple),
    sessions=st.lists(texts, max_size=3).map(tuple),
    people=st.lists(texts, max_size=3).map(tuple),
)


@given(st.lists(diagnostics, max_size=8), st.lists(texts, max_size=3))
def test_the_document_is_the_pretty_printed_one(found: list[Diagnostic], files: list[str]) -> None:
    text = render_json(found, files)
    expected = {
        "files": files,
        "diagnostics": [diagnostic.to_dict() for diagnostic in found],
        "summary": Summary.of(found).to_dict(),
    }
    assert json.loads(text) == expected
    assert text.endswith("}\n")
    assert text.count("\n") == (6 + len(found) if found else 5), "one diagnostic a line"
