"""programme.rules, allow and --select/--ignore: severities, settings and their errors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from planner.diagnostics import Severity
from planner.loading import load
from planner.rules import UnknownRuleError, check_programme

WriteYaml = Callable[..., Path]

PROGRAMME = """\
version: 1
programme:
  name: Settings
  timezone: Asia/Seoul
  rules:
{rules}
venues:
  hotel: {{name: Koreana Hotel, timezone: Asia/Seoul, country: KR, geo: {{lat: 37.569, lon: 126.977}}}}
  green-building: {{name: Green Building, timezone: Asia/Seoul, country: KR, geo: {{lat: 37.569, lon: 126.882}}}}
people:
  lee: {{name: Lee}}
events:
  tour:
    title: Tour
    venue: hotel
    participants: [lee]
    sessions:
      - {{id: saturday, title: Saturday visit, date: 2016-10-15, time: "07:00-12:00"{extra}}}
      - {{id: dinner, title: Dinner, date: 2016-10-15, time: "12:10-20:00", venue: green-building}}
"""


def programme(write_yaml: WriteYaml, rules: str = "    {}", extra: str = "") -> Path:
    return write_yaml(PROGRAMME.format(rules=rules, extra=extra))


def codes(diagnostics: list) -> list[tuple[str, str]]:  # type: ignore[type-arg]
    return [(d.code, str(d.severity)) for d in diagnostics]


def test_defaults_without_settings(write_yaml: WriteYaml) -> None:
    found = check_programme(load(programme(write_yaml)))
    assert sorted(codes(found)) == [
        ("long-day", "warning"),
        ("travel-time", "error"),
        ("weekend", "info"),
        ("weekend", "info"),
    ]


def test_severity_words_and_mappings_change_the_severity(write_yaml: WriteYaml) -> None:
    rules = (
        "    weekend: error\n    long-day: {severity: info, max_hours: 12}\n    travel-time: off"
    )
    found = check_programme(load(programme(write_yaml, rules)))
    assert sorted(codes(found)) == [
        ("long-day", "info"),
        ("weekend", "error"),
        ("weekend", "error"),
    ]


def test_settings_are_used(write_yaml: WriteYaml) -> None:
    rules = "    long-day: {max_hours: 13}\n    travel-time: {buffer: 0m, speed_kmh: 100}"
    assert sorted(codes(check_programme(load(programme(write_yaml, rules))))) == [
        ("weekend", "info"),
        ("weekend", "info"),
    ]


def test_measured_travel_times_override_the_estimate(write_yaml: WriteYaml) -> None:
    rules = "    travel-times:\n      - {between: [green-building, hotel], time: 5m}"
    found = check_programme(load(programme(write_yaml, rules)), select=["travel-time"])
    assert found == []


def test_select_ignore_and_off(write_yaml: WriteYaml) -> None:
    loaded = load(programme(write_yaml, "    weekend: off"))
    assert codes(check_programme(loaded, select=["weekend"])) == [("weekend", "info")] * 2
    assert codes(check_programme(loaded, ignore=["long-day", "travel-time"])) == []
    assert codes(check_programme(loaded, select=["long-day"], ignore=["long-day"])) == []


def test_allow_silences_a_rule_for_its_session(write_yaml: WriteYaml) -> None:
    loaded = load(programme(write_yaml, extra=", allow: [weekend, travel-time]"))
    found = check_programme(loaded, select=["weekend", "travel-time"])
    # The dinner's own weekend finding stays; the trip concerns the allowed session too.
    assert [(d.code, d.sessions) for d in found] == [("weekend", ("tour/dinner",))]


@pytest.mark.parametrize(
    ("rules", "code", "line", "column", "message"),
    [
        (
            "    wekend: off",
            "unknown-rule",
            6,
            5,
            "there is no rule `wekend`; did you mean `weekend`?",
        ),
        (
            "    travel_times: []",
            "unknown-rule",
            6,
            5,
            "there is no rule `travel_times`; did you mean `travel-times`?",
        ),
        (
            "    weekend: of",
            "rule-settings",
            6,
            5,
            "`weekend: of` is not a severity (use off, error, warning or info); did you mean `off`?",
        ),
        (
            "    weekend: 3",
            "rule-settings",
            6,
            5,
            "`weekend` should be off, error, warning or info, or a mapping of `severity` and "
            "settings, not the number 3",
        ),
        (
            "    long-day: {max_hour: 11}",
            "rule-settings",
            6,
            16,
            "`long-day` has no setting `max_hour`; did you mean `max_hours`? "
            "(its settings: `max_hours`)",
        ),
        (
            "    long-day:\n      max_hours: ten",
            "rule-settings",
            7,
            7,
            "the setting `max_hours` of `long-day`: input should be a valid number, unable to "
            'parse string as a number, not "ten"',
        ),
        (
            "    long-day: {severity: loud}",
            "rule-settings",
            6,
            16,
            'the severity of `long-day` should be off, error, warning or info, not "loud"',
        ),
        (
            "    weekend: {country: KR}",
            "rule-settings",
            6,
            15,
            "`weekend` has no setting `country` (its settings: none besides `severity`)",
        ),
        (
            "    night-session: {from: '25:00'}",
            "rule-settings",
            6,
            21,
            "the setting `from` of `night-session`: should be a time like 22:00, "
            'not "25:00"',
        ),
        (
            "    travel-times:\n      - {between: [hotel, green-bilding], time: 50m}",
            "unknown-reference",
            7,
            27,
            "there is no venue with the id `green-bilding`; did you mean `green-building`?",
        ),
        (
            "    travel-times:\n      - {between: [hotel], time: 50 minutes}",
            "rule-settings",
            7,
            10,
            "a measured travel time: list should have at least 2 items after validation, not 1",
        ),
    ],
)
def test_settings_errors_are_located_at_the_yaml(
    write_yaml: WriteYaml, rules: str, code: str, line: int, column: int, message: str
) -> None:
    found = [d for d in check_programme(load(programme(write_yaml, rules))) if d.code == code]
    assert found, f"no {code} diagnostic"
    first = found[0]
    assert first.severity is Severity.ERROR
    assert first.location is not None
    assert (first.location.line, first.location.column, first.message) == (line, column, message)


def test_a_rule_with_broken_settings_does_not_run(write_yaml: WriteYaml) -> None:
    found = check_programme(load(programme(write_yaml, "    long-day: {max_hours: -1}")))
    assert "long-day" not in {d.code for d in found}
    assert "rule-settings" in {d.code for d in found}


def test_an_unknown_code_in_allow_is_an_error_at_the_session(write_yaml: WriteYaml) -> None:
    found = check_programme(load(programme(write_yaml, extra=", allow: [wekend]")))
    (unknown,) = [d for d in found if d.code == "unknown-rule"]
    assert unknown.location is not None and unknown.location.line == 18
    assert unknown.message == (
        "`allow` in tour/saturday: there is no rule `wekend`; did you mean `weekend`?"
    )


@pytest.mark.parametrize("option", ["select", "ignore"])
def test_an_unknown_code_on_the_command_line_names_the_closest(
    write_yaml: WriteYaml, option: str
) -> None:
    loaded = load(programme(write_yaml))
    with pytest.raises(UnknownRuleError, match="did you mean `person-double-booked`"):
        check_programme(loaded, **{option: ["persn-double-booked"]})
