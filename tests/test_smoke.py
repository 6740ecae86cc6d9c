from planner.timeline.times import parse_duration


def test_durations_in_every_written_form() -> None:
    assert parse_duration("1h30m") == parse_duration("PT1H30M") == parse_duration("90m")
