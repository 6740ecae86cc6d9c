"""Every broken file in tests/data/invalid gives its diagnostic at its place, and only words we chose."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from planner.reporting import render_text
from planner.validation import validate_file
from tests.conftest import DATA, check_golden

INVALID = DATA / "invalid"
CASES = sorted(INVALID.glob("*.yaml"))
_EXPECT = re.compile(
    rb"^# expect: (?P<code>[a-z0-9-]+) (?:(?P<file>\S+):)?(?P<line>\d+):(?P<col>\d+)"
)


def expectation(path: Path) -> tuple[str, str, int, int]:
    match = _EXPECT.match(path.read_bytes())
    assert match, f"{path.name} has no '# expect: code line:col' header"
    file = (match["file"] or path.name.encode()).decode()
    return match["code"].decode(), file, int(match["line"]), int(match["col"])


def test_the_corpus_covers_every_loading_code() -> None:
    codes = {expectation(path)[0] for path in CASES}
    required = {
        "yaml-syntax", "schema", "duplicate-key", "duplicate-id", "unknown-reference",
        "invalid-timezone", "nonexistent-time", "ambiguous-time", "end-before-start",
        "invalid-repeat", "group-cycle", "include-error", "yaml-tag", "encoding",
        "empty-file", "yaml-alias-limit",
    }  # fmt: skip
    assert required <= codes


@pytest.mark.parametrize("path", CASES, ids=[path.stem for path in CASES])
def test_broken_file_reports_its_code_at_its_place(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(INVALID)
    code, file, line, column = expectation(path)
    report = validate_file(path.name)
    found = {
        (d.code, d.location.file, d.location.line, d.location.column)
        for d in report.diagnostics
        if d.location
    }
    assert (code, file, line, column) in found
    check_golden(path.with_suffix(".out"), render_text(report.diagnostics, [path.name]))


def test_an_oversized_file_is_refused_naming_the_limit(write_yaml) -> None:  # type: ignore[no-untyped-def]
    path = write_yaml("version: 1\nprogramme: {name: Big}\n" + "x-pad: " + "a" * 200 + "\n")
    report = validate_file(path, max_bytes=100)
    (diagnostic,) = report.diagnostics
    assert diagnostic.code == "file-too-large"
    assert "100 bytes" in diagnostic.message
    assert "--max-file-size" in diagnostic.message
