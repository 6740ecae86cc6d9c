"""One mistake, one diagnostic; travel legs known only by their dates; plain CLI refusals."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from planner.cli import app
from planner.diagnostics import Diagnostic, Location, Severity
from planner.exporters.base import Selection
from planner.exporters.ics import IcsExporter
from planner.loading import load_programme
from planner.loading.repeats import fold_repeats
from planner.validation import validate_file
from tests.conftest import DATA

INVALID = DATA / "invalid"


def _diagnostic(message: str, line: int, code: str = "schema") -> Diagnostic:
    return Diagnostic(code, Severity.ERROR, message, Location("f.yaml", line, 1))


@given(st.lists(st.tuples(st.sampled_from("abc"), st.sampled_from(["schema", "x"])), max_size=30))
def test_folding_keeps_one_per_message_and_counts_the_rest(items: list[tuple[str, str]]) -> None:
    found = [_diagnostic(message, line, code) for line, (message, code) in enumerate(items, 1)]
    folded = fold_repeats(found)
    assert len(folded) == len({(code, message) for message, code in items})
    for diagnostic in folded:
        same = [d for d in found if (d.code, d.message) == (diagnostic.code, diagnostic.message)]
        if not same:  # folded: its message grew, and it stands first among its kind
            original = next(
                d
                for d in found
                if d.code == diagnostic.code and diagnostic.message.startswith(d.message + " (")
            )
            others = [d for d in found if (d.code, d.message) == (original.code, original.message)]
            assert diagnostic.location == others[0].location
            assert f"the same {len(others) - 1:,} more time" in diagnostic.message
            assert diagnostic.related == tuple(d.location for d in others[1:4])


def test_a_wrong_country_used_eight_times_is_one_error_with_the_code_it_meant() -> None:
    report = validate_file(INVALID / "country-cascade.yaml")
    (error,) = report.diagnostics
    assert 'not "Kenya"; did you mean `KE`? (the same 7 more times' in error.message
    assert [where.line for where in error.related] == [12, 13, 14]


def test_a_typo_repeated_in_many_sessions_is_one_error(write_yaml) -> None:  # type: ignore[no-untyped-def]
    sessions = "".join(
        f'      - {{title: S{n}, date: 2024-03-05, time: "{n + 8:02d}:00-{n + 8:02d}:30", '
        "participants: [wanjiro]}\n"
        for n in range(5)
    )
    path = write_yaml(
        "version: 1\nprogramme: {name: P, timezone: Africa/Nairobi, uid_domain: p.example.org}\n"
        "venues:\n  kicc: {name: KICC, timezone: Africa/Nairobi}\n"
        "people:\n  wanjiru: {name: Wanjiru}\n"
        f"events:\n  e:\n    title: E\n    venue: kicc\n    sessions:\n{sessions}"
    )
    (error,) = load_programme(path).diagnostics
    assert error.message == (
        "there is no person or group with the id `wanjiro`; did you mean `wanjiru`? "
        "(the same 4 more times; the first 3 are listed below)"
    )


LEGS = """\
version: 1
programme: {name: P, timezone: Africa/Nairobi, uid_domain: p.example.org}
venues:
  kicc: {name: KICC, timezone: Africa/Nairobi}
people:
  wanjiru:
    name: Wanjiru
    timezone: Africa/Nairobi
    travel:
      - {mode: flight, from: NBO, to: kicc, depart: "2024-03-05", arrive: "2024-03-05"}
      - {mode: flight, from: kicc, to: NBO, depart: "2024-03-06", arrive: "2024-03-06 23:00"}
events:
  course:
    title: Course
    venue: kicc
    participants: [wanjiru]
    sessions:
      - {id: early, title: Early, date: 2024-03-05, time: "00:30-01:00"}
      - {id: late, title: Late, date: 2024-03-06, time: "22:00-23:30"}
      - {id: after, title: After, date: 2024-03-07, time: "09:00-10:00"}
"""


def test_a_leg_known_by_its_date_counts_the_whole_day(write_yaml) -> None:  # type: ignore[no-untyped-def]
    report = validate_file(write_yaml(LEGS))
    assert [d.code for d in report.diagnostics].count("missing-time") == 3
    (error,) = [d for d in report.diagnostics if d.severity is Severity.ERROR]
    # Sessions on the arrival and departure days are fine; the day after is not.
    assert error.code == "outside-presence" and error.sessions == ("course/after",)
    assert "leaves on 2024-03-06 (time not known yet)" in error.message


def test_a_leg_known_by_its_date_is_exported_as_its_days(write_yaml) -> None:  # type: ignore[no-untyped-def]
    programme = load_programme(write_yaml(LEGS)).programme
    assert programme is not None
    feed = IcsExporter().export(programme, Selection(person="wanjiru")).decode()
    legs = [block for block in feed.split("BEGIN:VEVENT") if "UID:travel-" in block]
    assert len(legs) == 2
    assert "DTSTART;VALUE=DATE:20240305\r\nDTEND;VALUE=DATE:20240306\r\n" in legs[0]
    result = CliRunner().invoke(app, ["itinerary", "wanjiru", "-f", str(write_yaml(LEGS))])
    flights = [line for line in result.stdout.splitlines() if "Flight" in line]
    assert len(flights) == 2 and all(line.startswith("All day") for line in flights), flights


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["list", "sessions", "--width", "abc"], "`abc` is not a whole number"),
        (["schedule", "--time-limit", "abc"], "`abc` is not a number"),
        (["itinerary", "ana", "--from", "2024-13-01"], "`2024-13-01` is not a real date"),
    ],
)
def test_refused_values_are_explained_in_words(
    args: list[str], expected: str, tmp_path: Path
) -> None:
    result = CliRunner().invoke(app, [*args, "-f", str(tmp_path / "none.yaml")])
    assert result.exit_code == 2
    text = " ".join(result.output.replace("│", " ").split())
    assert expected in text
    assert "Value error" not in text and "Input should" not in text and "%Y" not in text
