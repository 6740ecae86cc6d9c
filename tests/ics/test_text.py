"""Escaping and folding: no text from YAML can leave its property, and lines fold by octets."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import icalendar
from hypothesis import given
from hypothesis import strategies as st

from planner.exporters.ics.text import fold, format_duration, line, param, text, uri


def _parse_summary(value: str) -> Any:
    data = b"".join(
        [
            line("BEGIN", "VCALENDAR"), line("VERSION", "2.0"), line("PRODID", "test"),
            line("BEGIN", "VEVENT"), line("UID", "1"), line("DTSTAMP", "20240101T000000Z"),
            line("SUMMARY", text(value)), line("END", "VEVENT"), line("END", "VCALENDAR"),
        ]
    )  # fmt: skip
    calendar = icalendar.Calendar.from_ical(data)
    return calendar.walk("VEVENT")[0]


def test_special_characters_are_escaped() -> None:
    assert text("a;b,c\\d\ne") == "a\\;b\\,c\\\\d\\ne"


def test_every_kind_of_line_break_becomes_one_escaped_newline() -> None:
    assert text("a\r\nb\rc\nd\u2028e\u2029f\x85g") == "a\\nb\\nc\\nd\\ne\\nf\\ng"


def test_control_characters_are_dropped_but_tab_kept() -> None:
    assert text("a\x00b\x1bc\td\x7f") == "abc\td"


def test_parameter_values_are_quoted_without_quotes_or_breaks() -> None:
    assert param('Kim "K";ROLE=CHAIR:x\r\ny') == "\"Kim 'K';ROLE=CHAIR:x  y\""


def test_uris_percent_encode_what_is_not_a_uri_character() -> None:
    assert (
        uri("https://example.org/a b\r\nc?x=1&y=é")
        == "https://example.org/a%20b%0D%0Ac?x=1&y=%C3%A9"
    )


def test_short_lines_are_not_folded() -> None:
    assert fold("SUMMARY:short") == b"SUMMARY:short\r\n"


def test_folding_counts_octets_and_never_splits_a_character() -> None:
    folded = fold("SUMMARY:" + "가" * 60)
    physical = folded.split(b"\r\n")[:-1]
    assert all(len(piece) <= 75 for piece in physical)
    for piece in physical:
        piece.decode("utf-8")  # raises if a character was cut
    assert (
        b"".join(p[1:] if i else p for i, p in enumerate(physical)).decode()
        == "SUMMARY:" + "가" * 60
    )


def test_durations() -> None:
    assert format_duration(-timedelta(minutes=30)) == "-PT30M"
    assert format_duration(-timedelta(days=1, hours=2)) == "-P1DT2H"
    assert format_duration(timedelta(0)) == "PT0S"


_READABLE = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\u2028\u2029")
    | st.sampled_from('\n;,\\:"')
)


@given(_READABLE)
def test_any_text_round_trips_through_a_parser_inside_its_property(value: str) -> None:
    event = _parse_summary(value)
    assert set(event) == {"UID", "DTSTAMP", "SUMMARY"}
    assert str(event["SUMMARY"]) == value


@given(st.text(min_size=1))
def test_every_physical_line_fits_in_75_octets(value: str) -> None:
    folded = fold("DESCRIPTION:" + text(value))
    assert folded.endswith(b"\r\n")
    for piece in folded[:-2].split(b"\r\n"):
        assert len(piece) <= 75
        piece.decode("utf-8")
    assert b"\n" not in folded.replace(b"\r\n", b"")
    assert b"\r" not in folded.replace(b"\r\n", b"")
