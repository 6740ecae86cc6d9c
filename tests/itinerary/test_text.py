"""The small pieces: the table layout against tabulate, wrapping, times and durations."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st
from tabulate import tabulate

from planner.exporters.itinerary.as_table import layout_table, wrap
from planner.exporters.itinerary.text import display_width, pad
from planner.exporters.itinerary.timefmt import day_heading, duration_text, span_lines
from planner.timeline.zones import get_zone

SEOUL, HANOI, MADRID = (
    get_zone("Asia/Seoul"),
    get_zone("Asia/Ho_Chi_Minh"),
    get_zone("Europe/Madrid"),
)

# Cells as the renderer makes them: lines of words with single spaces, or one empty line.
_words = st.text(alphabet="abcdefghij-:,()'", min_size=1, max_size=12)
_lines = st.lists(_words, min_size=1, max_size=4).map(" ".join)
_texts = st.lists(_lines, min_size=1, max_size=3).map(tuple)
_cells = _texts | st.just(("",))
# A row has text in its first cell (a time): tabulate drops a row of empty cells.


def _rows_of(count: int) -> st.SearchStrategy[list[tuple[str, ...]]]:
    return st.tuples(_texts, st.lists(_cells, min_size=count - 1, max_size=count - 1)).map(
        lambda row: [row[0], *row[1]]
    )


@given(st.integers(1, 4).flatmap(lambda n: st.tuples(
    st.lists(_words, min_size=n, max_size=n),
    st.lists(_rows_of(n), max_size=6),
    st.booleans(),
)))  # fmt: skip
def test_layout_table_is_tabulates_simple_and_plain(
    case: tuple[list[str], list[list[tuple[str, ...]]], bool],
) -> None:
    headers, rows, rule = case
    expected = tabulate(
        [["\n".join(cell) for cell in row] for row in rows],
        headers=headers,
        tablefmt="simple" if rule else "plain",
        disable_numparse=True,
    )
    assert layout_table(headers, rows, rule=rule) == expected


@given(
    st.lists(st.text(alphabet="abcdefg가나다🙂", min_size=1, max_size=30), max_size=12),
    st.integers(1, 40),
)
def test_wrap_keeps_every_character_within_the_width(words: list[str], width: int) -> None:
    text = " ".join(words)
    lines = wrap(text, width)
    assert all(display_width(line) <= max(width, 2) for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


def test_wrap_breaks_at_spaces_and_cuts_only_long_words() -> None:
    assert wrap("Lecture: the development of satellite cities", 16) == (
        "Lecture: the",
        "development of",
        "satellite cities",
    )
    assert wrap("https://platform.example.org/live", 12) == (
        "https://plat",
        "form.example",
        ".org/live",
    )
    assert wrap("", 10) == ("",)


def test_wide_characters_take_two_columns() -> None:
    assert display_width("서울 Seoul") == 10
    assert pad("서울", 6) == "서울  "
    assert display_width("e\u0301") == 1  # a combining accent takes no column


def test_a_span_within_the_day_is_one_line() -> None:
    start = datetime(2016, 10, 10, 9, 0, tzinfo=SEOUL)
    assert span_lines(start, start + timedelta(minutes=90), date(2016, 10, 10)) == (
        "09:00\u201310:30 KST",
    )


def test_a_flight_landing_the_next_day_says_plus_one() -> None:
    depart = datetime(2016, 10, 9, 23, 50, tzinfo=HANOI)
    arrive = datetime(2016, 10, 10, 6, 10, tzinfo=SEOUL)
    assert span_lines(depart, arrive, date(2016, 10, 9)) == ("23:50 +07 \u2013", "06:10 KST (+1)")


def test_home_time_the_day_before_says_minus_one() -> None:
    start = datetime(2016, 10, 10, 8, 0, tzinfo=SEOUL).astimezone(get_zone("America/Santo_Domingo"))
    end = start + timedelta(hours=1)
    assert span_lines(start, end, date(2016, 10, 10)) == ("19:00 AST (-1) \u2013", "20:00 AST (-1)")


def test_daylight_saving_abbreviations_follow_the_date() -> None:
    summer = datetime(2017, 6, 1, 10, 0, tzinfo=MADRID)
    winter = datetime(2017, 11, 20, 10, 0, tzinfo=MADRID)
    assert span_lines(summer, summer, summer.date())[0].endswith("CEST")
    assert span_lines(winter, winter, winter.date())[0].endswith("CET")


def test_headings_and_durations_read_as_english() -> None:
    assert day_heading(date(2016, 10, 10)) == "Monday 10 October 2016"
    assert duration_text(timedelta(hours=5, minutes=30)) == "5h 30m"
    assert duration_text(timedelta(minutes=45)) == "45m"
    assert duration_text(timedelta(hours=26)) == "26h"
