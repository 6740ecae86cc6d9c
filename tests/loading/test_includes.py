"""Includes: globs relative to the including file, merged, ids unique across files."""

from __future__ import annotations

import planner


def test_included_files_are_merged(write_yaml) -> None:  # type: ignore[no-untyped-def]
    root = write_yaml("""version: 1
include: [programmes/*.yaml]
programme: {name: Split programme, timezone: Asia/Seoul}
venues:
  sgc: {name: Seoul Global Center, timezone: Asia/Seoul}
""")
    write_yaml(
        """people:
  lee: {name: Lee}
""",
        "programmes/a-people.yaml",
    )
    write_yaml(
        """events:
  kickoff:
    title: Kick-off
    venue: sgc
    participants: [lee]
    sessions:
      - {title: Opening, start: "2024-02-20 10:00", duration: 1h}
""",
        "programmes/b-events.yaml",
    )
    programme = planner.load(root)
    assert programme.sessions[0].people == ("lee",)
    assert [f.replace("\\\\", "/").split("/")[-1] for f in programme.files] == [
        "events.yaml",
        "a-people.yaml",
        "b-events.yaml",
    ]


def test_errors_in_an_included_file_point_into_that_file(write_yaml) -> None:  # type: ignore[no-untyped-def]
    root = write_yaml("version: 1\ninclude: [more.yaml]\nprogramme: {name: X}\n")
    write_yaml("people:\n  lee: {name: Lee, organisation: nobody}\n", "more.yaml")
    result = planner.load_programme(root)
    (diagnostic,) = result.diagnostics
    assert diagnostic.code == "unknown-reference"
    assert diagnostic.location.file.endswith("more.yaml")
    assert (diagnostic.location.line, diagnostic.location.column) == (2, 34)
