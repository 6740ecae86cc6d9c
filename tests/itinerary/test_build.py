"""The format-neutral model: which rows an itinerary or agenda has, on which day, in what order."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from planner.exporters.itinerary import (
    NotFound,
    ScheduleBuilder,
    ScheduleError,
    UnknownZone,
    Window,
    build_agenda,
    build_itinerary,
)
from planner.exporters.itinerary.text import where_text
from tests.itinerary.conftest import programme


def _titles(rows: object) -> list[str]:
    return [row.title for row in rows]  # type: ignore[attr-defined]


def test_a_night_flight_is_on_the_day_it_leaves_and_lands_the_next() -> None:
    itinerary = build_itinerary(programme("crossing"), "hanoi-delegate")
    first = itinerary.days[0]
    assert first.day == date(2016, 10, 9)
    (flight,) = first.rows
    assert flight.kind == "travel" and flight.title == "Flight VN 416"
    assert flight.start.isoformat() == "2016-10-09T23:50:00+07:00"
    assert flight.end.isoformat() == "2016-10-10T06:10:00+09:00"
    assert flight.duration == timedelta(hours=4, minutes=20)
    assert [day.day.day for day in itinerary.days] == [9, 10, 11]


def test_transfers_and_legs_are_interleaved_in_time_order() -> None:
    rows = build_itinerary(programme("crossing"), "hanoi-delegate").rows
    assert _titles(rows) == [
        "Flight VN 416",
        "Airport pick-up",
        "Opening session",
        "Online briefing with the platform",
        "Reception for the delegation",
        "Lecture: satellite cities",
        "Airport drop-off",
        "Flight VN 417",
    ]
    assert [row.moves for row in rows] == [True, True, False, False, False, False, True, True]
    assert where_text(rows[1]) == "Incheon International Airport → Koreana Hotel"


def test_an_online_session_is_shown_where_the_person_is() -> None:
    rows = build_itinerary(programme("crossing"), "hanoi-delegate").rows
    briefing = next(row for row in rows if row.remote)
    # 09:00 in Geneva, after the flight landed in Seoul: 16:00 Seoul time.
    assert briefing.start.isoformat() == "2016-10-10T16:00:00+09:00"
    debates = [r for r in build_itinerary(programme("debate"), "member").rows if r.remote]
    # No travel legs: the member joins from home (Sao Paulo), even after a day in Singapore.
    assert {str(row.start.tzinfo) for row in debates} == {"America/Sao_Paulo"}


def test_a_repeating_session_appears_once_per_occurrence_without_excepted_dates() -> None:
    rows = build_itinerary(programme("debate"), "member").rows
    debates = [row.start.date() for row in rows if row.title == "Monthly VIP debate"]
    assert [(day.month, day.day) for day in debates] == [(2, 18), (3, 18), (5, 18), (7, 18)]
    assert len({row.uid for row in rows}) == len(rows)


def test_the_window_limits_occurrences_to_its_days() -> None:
    window = Window(date(2018, 3, 1), date(2018, 5, 31))
    rows = build_itinerary(programme("debate"), "member", window).rows
    assert [row.start.date().isoformat() for row in rows] == [
        "2018-03-05",
        "2018-03-18",
        "2018-05-02",
        "2018-05-18",
    ]


def test_cancelled_and_tentative_sessions_are_shown_and_marked() -> None:
    rows = build_itinerary(programme("debate"), "member").rows
    status = {row.title: row.status for row in rows}
    assert status["Extra debate on water"] == "cancelled"
    assert status["Forum day in Singapore"] == "tentative"
    summary = build_itinerary(programme("debate"), "member").summary
    assert (summary.sessions, summary.cancelled) == (5, 1)


def test_a_group_names_who_attends_where_members_differ() -> None:
    itinerary = build_itinerary(programme("delegation"), "asian-experts")
    attendees = {row.title: row.attendees for row in itinerary.rows if row.kind == "session"}
    assert attendees["Inaugural session"] is None  # everyone
    assert attendees["Bilateral: Madrid and Seoul"] == ("Jong Sung Hwang",)
    assert attendees["Bilateral: Casa Asia and Guangzhou"] == ("Yuan Feng", "Hong Kong expert")
    legs = [row for row in itinerary.rows if row.kind == "travel"]
    # The shared Guangzhou flight and the shared train are one row each.
    assert [leg.attendees for leg in legs] == [
        ("Yuan Feng", "Hong Kong expert"),
        ("Jong Sung Hwang",),
        None,
        ("Jong Sung Hwang",),
        ("Yuan Feng", "Hong Kong expert"),
    ]
    assert itinerary.is_group


def test_the_summary_counts_sessions_hours_moves_and_cities() -> None:
    summary = build_itinerary(programme("crossing"), "hanoi-delegate").summary
    assert summary.sessions == 4
    assert summary.session_time == timedelta(hours=4, minutes=30)
    assert (summary.travel_legs, summary.transfers) == (2, 2)
    assert summary.travel_time == timedelta(hours=11, minutes=35)
    assert summary.cities == ("Seoul",)


def test_the_header_says_who_and_when_they_are_there() -> None:
    header = build_itinerary(programme("crossing"), "hanoi-delegate").header
    details = dict(header.details)
    assert header.subject == "Nguyen Van An"
    assert details["Organisation"] == "Government of Viet Nam (Viet Nam)"
    assert (
        details["In the programme"] == "from Mon 10 Oct 2016 06:10 KST to Tue 11 Oct 2016 22:40 KST"
    )
    assert details["Home time zone"] == "Asia/Ho_Chi_Minh"


@pytest.mark.parametrize(
    ("choice", "main", "second"),
    [
        ("local", None, "Asia/Ho_Chi_Minh"),
        ("home", "Asia/Ho_Chi_Minh", None),
        ("Asia/Tokyo", "Asia/Tokyo", None),
    ],
)
def test_tz_chooses_the_main_column(choice: str, main: str | None, second: str | None) -> None:
    view = build_itinerary(programme("crossing"), "hanoi-delegate", tz_choice=choice).view
    assert (view.main.key if view.main else None) == main
    assert (view.second.key if view.second else None) == second
    assert view.second_local == (choice != "local")


def test_home_time_is_shown_only_where_it_differs() -> None:
    itinerary = build_itinerary(programme("crossing"), "hanoi-delegate")
    pickup = itinerary.rows[1]
    assert itinerary.view.second_times(pickup) is not None  # Seoul is 2 hours ahead of Hanoi
    member = build_itinerary(programme("debate"), "member")
    online = next(row for row in member.rows if row.remote)
    assert member.view.second_times(online) is None  # joined from home: the same time


def test_unknown_ids_and_zones_say_what_was_meant() -> None:
    with pytest.raises(NotFound, match="did you mean `hanoi-delegate`"):
        build_itinerary(programme("crossing"), "hanoi-delegat")
    with pytest.raises(UnknownZone, match="Asia/Seoul"):
        build_itinerary(programme("crossing"), "hanoi-delegate", tz_choice="Asia/Seol")
    with pytest.raises(NotFound, match="event"):
        build_agenda(programme("crossing"), event="nope")
    with pytest.raises(ScheduleError, match="--venue"):
        build_agenda(programme("crossing"), by_room=True)


def test_an_itinerary_can_be_limited_to_one_event_and_keeps_its_travel() -> None:
    builder = ScheduleBuilder(programme("bundled"))
    rows = builder.itinerary("jong-sung-hwang", event="asia-innova-2017").rows
    assert {row.event_id for row in rows if row.kind == "session"} == {"asia-innova-2017"}
    assert any(row.kind == "travel" for row in rows)


def test_agenda_filters_by_event_venue_and_day() -> None:
    bundled = programme("bundled")
    madrid = build_agenda(
        bundled, venue="casa-asia-madrid", window=Window(date(2017, 11, 22), date(2017, 11, 22))
    )
    assert {row.venue_id for row in madrid.rows} == {"casa-asia-madrid"}
    assert {day.day for day in madrid.days} == {date(2017, 11, 22)}
    event = build_agenda(bundled, event="world-smart-city-platform-2018")
    assert {row.event_id for row in event.rows} == {"world-smart-city-platform-2018"}
    assert len(event.rows) == sum(
        len(s.occurrences) for s in bundled.events["world-smart-city-platform-2018"].sessions
    )


def test_a_room_grid_has_a_column_per_room_and_a_row_per_start() -> None:
    agenda = build_agenda(programme("delegation"), venue="casa-asia-madrid", by_room=True)
    assert agenda.grid is not None
    (day,) = agenda.grid
    assert day.rooms == ("Main hall", "Meeting room 1", "Meeting room 2")
    assert [slot.start.strftime("%H:%M") for slot in day.slots] == ["09:30", "11:00"]
    first = day.slots[0]
    assert [[row.title for row in cell] for cell in first.cells] == [
        [],
        ["Bilateral: Madrid and Seoul"],
        ["Bilateral: Casa Asia and Guangzhou"],
    ]


def test_every_bundled_itinerary_holds_exactly_the_persons_occurrences_and_legs() -> None:
    bundled = programme("bundled")
    builder = ScheduleBuilder(bundled)
    for person_id, person in bundled.people.items():
        rows = builder.itinerary(person_id).rows
        expected = {
            f"{s.key}#{o.index}"
            for s in bundled.sessions_by_person[person_id]
            for o in s.occurrences
        }
        assert {row.uid for row in rows if row.kind == "session"} == expected
        assert sum(row.kind == "travel" for row in rows) == len(person.travel)
        starts = [row.starts_at for row in rows]
        assert starts == sorted(starts)


def test_a_day_with_several_events_lists_them_in_order() -> None:
    day = build_itinerary(programme("crossing"), "hanoi-delegate").days[1]
    assert day.events == ("K-smart city tour", "Embassy of Viet Nam in Seoul")


def test_days_follow_the_local_date_even_when_instants_disagree() -> None:
    itinerary = build_itinerary(programme("crossing"), "hanoi-delegate")
    for day in itinerary.days:
        assert all(row.day == day.day for row in day.rows)
    assert all(isinstance(row.start, datetime) for row in itinerary.rows)
