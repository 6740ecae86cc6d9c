"""Values read from the YAML are range-checked where they are read: one clean diagnostic each."""

from __future__ import annotations

import time
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

import planner
from planner.diagnostics import Diagnostic, Location, Severity, limit_per_code
from planner.timeline.rrules import RepeatError, expand_repeat
from planner.timeline.times import duration_too_long, parse_duration

SEOUL = ZoneInfo("Asia/Seoul")
START = datetime(2024, 4, 17, 10, tzinfo=SEOUL)
A_YEAR_ON = datetime(2025, 4, 17, tzinfo=SEOUL)


@pytest.mark.parametrize(
    ("rule", "words"),
    [
        ("FREQ=HOURLY;BYHOUR=25", "BYHOUR=25 is out of range"),
        ("FREQ=MONTHLY;BYDAY=+54MO", "counts weekdays 1 to 5"),
        ("FREQ=DAILY;INTERVAL=-1", "INTERVAL=-1 should be a whole number"),
        ("FREQ=DAILY;COUNT=0", "COUNT=0 should be a whole number"),
        ("FREQ=WEEKLY;BYDAY=2MO", "only MONTHLY or YEARLY"),
        ("FREQ=DAILY;FREQ=WEEKLY", "FREQ is given twice"),
        ("FREQ=DAILY;BYEASTER=0", "not a part of a repeat rule"),
        ("FREQ=DAILY;UNTIL=99991231", "planner reads dates from 1900 to 2199"),
        ("FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30", "PLANNER_MAX_REPEAT_SEARCH"),
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "no occurrence from 2024-04-17"),
    ],
)
def test_unusable_rules_are_refused_quickly(rule: str, words: str) -> None:
    started = time.monotonic()
    with pytest.raises(RepeatError, match=words.replace("+", r"\+")):
        expand_repeat(rule, START, SEOUL, A_YEAR_ON, frozenset())
    assert time.monotonic() - started < 5


def test_except_removing_every_occurrence_is_an_error() -> None:
    days = frozenset({START.date(), START.date().replace(day=18)})
    with pytest.raises(RepeatError, match="removes every one of the rule's 2 occurrences"):
        expand_repeat("FREQ=DAILY;COUNT=2", START, SEOUL, A_YEAR_ON, days)


def test_count_is_kept_while_the_search_is_bounded() -> None:
    starts, _ = expand_repeat(
        "FREQ=MONTHLY;BYMONTHDAY=31;COUNT=3", START, SEOUL, A_YEAR_ON, frozenset()
    )
    assert [start.date().isoformat() for start in starts] == [
        "2024-05-31",
        "2024-07-31",
        "2024-08-31",
    ]


def test_durations_have_a_maximum_and_never_overflow() -> None:
    assert parse_duration("366d") is None  # not a duration at all
    assert parse_duration("P366D") is not None
    assert parse_duration("P367D") is None and duration_too_long("P367D")
    assert duration_too_long("999999999h") and duration_too_long("9" * 5000 + "h")
    assert not duration_too_long("1h30m")


@pytest.mark.parametrize(
    ("session", "key"),
    [
        ('{title: X, start: "9999-12-31 23:00", duration: 2h}', "start"),
        ('{title: X, date: 0001-01-01, time: "10:00-11:00"}', "date"),
        ('{title: X, start: "2024-04-17 10:00", duration: 999999999h}', "duration"),
        ('{title: X, start: "2024-04-17 10:00", end: "2199-04-17 10:00"}', "end"),
        ("{title: X, start: 2024-04-17, end: 2198-04-17}", "end"),
    ],
)
def test_out_of_range_times_get_one_diagnostic_at_their_key(
    write_yaml, session: str, key: str
) -> None:  # type: ignore[no-untyped-def]
    path = write_yaml(
        "version: 1\nprogramme: {name: X, timezone: Asia/Seoul}\nevents:\n  e:\n    title: E\n"
        f"    sessions:\n      - {session}\n"
    )
    (diagnostic,) = planner.load_programme(path).diagnostics
    assert diagnostic.code == "value-out-of-range"
    assert diagnostic.location is not None and diagnostic.location.path.endswith(key)


def test_diagnostics_past_the_budget_become_one_line_per_code() -> None:
    many = [Diagnostic("x", Severity.WARNING, f"m{i}", Location("f", i + 1, 1)) for i in range(5)]
    kept = limit_per_code(many, 2, already_left_out={"x": 10})
    assert [d.message for d in kept[:2]] == ["m0", "m1"]
    assert kept[2].code == "diagnostic-limit" and kept[2].message.startswith("13 more `x`")
    assert "PLANNER_MAX_DIAGNOSTICS" in kept[2].message
    assert len(kept) == 3


def test_the_budget_line_is_as_bad_as_what_it_leaves_out() -> None:
    """Infos left out are an info line: a clean 100k-session programme stays valid."""

    def made(code: str, severity: Severity, count: int) -> list[Diagnostic]:
        return [Diagnostic(code, severity, f"{code}{i}") for i in range(count)]

    found = [*made("unused", Severity.INFO, 3), *made("weekend", Severity.WARNING, 3)]
    found += made("counted", Severity.WARNING, 1)
    kept = limit_per_code(found, 1, already_left_out={"counted": 4, "unknown": 2})
    notices = {d.message.split("`")[1]: d.severity for d in kept if d.code == "diagnostic-limit"}
    assert notices == {
        "unused": Severity.INFO,
        "weekend": Severity.WARNING,
        "counted": Severity.WARNING,  # counted before: as bad as the one shown
        "unknown": Severity.ERROR,  # nothing to tell by: an error, as before
    }
