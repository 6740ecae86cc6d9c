"""The resolved programme: zones, times, all-day ranges, repeats, groups, presence."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

import planner
from planner.timeline import Programme

HEADER = """version: 1
programme:
  name: Test
  timezone: Asia/Seoul
venues:
  sgc: {name: Seoul Global Center, timezone: Asia/Seoul}
  ritz: {name: Ritz-Carlton, timezone: Asia/Almaty}
  madrid: {name: Casa Asia, timezone: Europe/Madrid}
people:
  lee: {name: Lee, timezone: Asia/Seoul}
  kim: {name: Kim, timezone: Asia/Seoul}
  nguyen:
    name: Nguyen
    timezone: Asia/Ho_Chi_Minh
    travel:
      - {mode: flight, ref: KE 924, depart: "2016-10-10 00:40", arrive: "2016-10-10 07:10", arrive_timezone: Asia/Seoul}
      - {mode: flight, depart: "2016-10-15 10:00", depart_timezone: Asia/Seoul, arrive: "2016-10-15 12:30"}
groups:
  inner: {name: Inner, members: [kim]}
  outer: {name: Outer, members: [lee, inner, nguyen]}
"""


def load(write_yaml, events: str) -> Programme:  # type: ignore[no-untyped-def]
    return planner.load(write_yaml(HEADER + "events:\n" + events))


def only_session(programme: Programme):  # type: ignore[no-untyped-def]
    (session,) = programme.sessions
    return session


def test_times_are_local_to_the_venue_and_almaty_is_utc_plus_5_in_2024(write_yaml) -> None:  # type: ignore[no-untyped-def]
    programme = load(
        write_yaml,
        """  exco:
    title: Executive committee
    venue: ritz
    sessions:
      - {title: Meeting, start: "2024-04-18 10:00", end: "12:00"}
""",
    )
    session = only_session(programme)
    assert session.timezone.key == "Asia/Almaty"
    assert session.start.utcoffset() == timedelta(hours=5)
    assert session.start.astimezone(UTC) == datetime(2024, 4, 18, 5, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "when",
    [
        'start: "2024-02-20 10:00", end: "2024-02-20 11:30"',
        'start: "2024-02-20 10:00", end: "11:30"',
        'start: "2024-02-20 10:00", duration: 90m',
        'start: "2024-02-20 10:00", duration: 1h30m',
        'start: "2024-02-20 10:00", duration: PT1H30M',
        'date: 2024-02-20, time: "10:00-11:30"',
        'date: 2024-02-20, time: "10:00", duration: 1h30m',
    ],
)
def test_every_way_of_writing_a_time_means_the_same(write_yaml, when: str) -> None:  # type: ignore[no-untyped-def]
    programme = load(
        write_yaml,
        f"""  kickoff:
    title: Kick-off
    venue: sgc
    sessions:
      - {{id: opening, title: Opening, {when}}}
""",
    )
    session = only_session(programme)
    assert session.start.replace(tzinfo=None) == datetime(2024, 2, 20, 10, 0)
    assert session.duration == timedelta(minutes=90)


def test_zone_comes_from_session_then_venue_then_event_then_programme(write_yaml) -> None:  # type: ignore[no-untyped-def]
    programme = load(
        write_yaml,
        """  mixed:
    title: Mixed
    timezone: Europe/Madrid
    sessions:
      - {id: s1, title: Own zone, timezone: Asia/Singapore, venue: sgc, start: "2024-01-01 10:00", duration: 1h}
      - {id: s2, title: Venue zone, venue: ritz, start: "2024-01-01 10:00", duration: 1h}
      - {id: s3, title: Event zone, start: "2024-01-01 10:00", duration: 1h}
  online:
    title: Online
    sessions:
      - {id: s4, title: Programme zone, online: "https://example.org/x", start: "2024-01-01 10:00", duration: 1h}
""",
    )
    zones = {session.id: session.timezone.key for session in programme.sessions}
    assert zones == {
        "s1": "Asia/Singapore",
        "s2": "Asia/Almaty",
        "s3": "Europe/Madrid",
        "s4": "Asia/Seoul",
    }
    online = next(s for s in programme.sessions if s.id == "s4")
    assert online.is_online and online.venue_id is None


def test_an_all_day_session_has_an_inclusive_last_day(write_yaml) -> None:  # type: ignore[no-untyped-def]
    programme = load(
        write_yaml,
        """  exco:
    title: Executive committee
    venue: ritz
    sessions:
      - {title: Members' days, start: 2024-04-18, end: 2024-04-19}
""",
    )
    session = only_session(programme)
    (occurrence,) = session.occurrences
    assert session.all_day
    assert (occurrence.first_day, occurrence.last_day) == (date(2024, 4, 18), date(2024, 4, 19))
    assert occurrence.end.replace(tzinfo=None) == datetime(2024, 4, 20)
    assert session.id == "members-days-2024-04-18"


def test_a_repeat_keeps_local_time_across_dst_skips_exceptions_and_reads_until_locally(
    write_yaml,
) -> None:  # type: ignore[no-untyped-def]
    programme = load(
        write_yaml,
        """  debates:
    title: Debates
    venue: madrid
    sessions:
      - title: Debate
        start: "2018-02-18 12:00"
        duration: 1h
        repeat: "FREQ=MONTHLY;BYMONTHDAY=18;UNTIL=20181218"
        except: [2018-08-18]
""",
    )
    session = only_session(programme)
    starts = [o.start for o in session.occurrences]
    assert len(starts) == 10  # Feb..Dec is 11 months, August excepted
    assert date(2018, 8, 18) not in [s.date() for s in starts]
    assert starts[-1].date() == date(2018, 12, 18)  # a date UNTIL includes that whole day
    assert {s.hour for s in starts} == {12}
    assert {s.utcoffset() for s in starts} == {timedelta(hours=1), timedelta(hours=2)}
    assert session.repeat_until is not None and session.repeat_until.date() == date(2018, 12, 18)


def test_a_repeat_without_bound_stops_at_the_event_end(write_yaml) -> None:  # type: ignore[no-untyped-def]
    programme = load(
        write_yaml,
        """  course:
    title: Course
    venue: sgc
    dates: {start: 2024-03-04, end: 2024-03-15}
    sessions:
      - {title: Daily class, start: "2024-03-04 09:00", duration: 1h, repeat: "FREQ=WEEKLY;BYDAY=MO,WE,FR"}
""",
    )
    assert len(only_session(programme).occurrences) == 6


def test_participants_expand_groups_and_add_speakers_and_chair(write_yaml) -> None:  # type: ignore[no-untyped-def]
    programme = load(
        write_yaml,
        """  tour:
    title: Tour
    venue: sgc
    participants: [outer]
    sessions:
      - {title: Lecture, start: "2016-10-11 10:00", duration: 1h}
      - {title: Bilateral, participants: [lee], speakers: [kim], start: "2016-10-11 12:00", duration: 1h}
""",
    )
    first, second = programme.sessions
    assert first.people == ("kim", "lee", "nguyen")
    assert second.people == ("kim", "lee")
    assert programme.groups["outer"].people == ("lee", "kim", "nguyen")
    assert first.expected_attendance == 3


def test_presence_runs_from_first_arrival_to_last_departure(write_yaml) -> None:  # type: ignore[no-untyped-def]
    programme = load(
        write_yaml,
        """  tour:
    title: Tour
    venue: sgc
    sessions:
      - {title: Lecture, start: "2016-10-11 10:00", duration: 1h}
""",
    )
    nguyen = programme.people["nguyen"]
    assert nguyen.arrival == datetime(2016, 10, 9, 22, 10, tzinfo=UTC)
    assert nguyen.travel[0].depart.utcoffset() == timedelta(hours=7)
    assert nguyen.departure is not None and nguyen.departure.astimezone(UTC).hour == 1


def test_the_resolved_programme_is_immutable(write_yaml) -> None:  # type: ignore[no-untyped-def]
    programme = load(
        write_yaml,
        """  tour:
    title: Tour
    venue: sgc
    sessions:
      - {title: Lecture, start: "2016-10-11 10:00", duration: 1h}
""",
    )
    session = only_session(programme)
    with pytest.raises(AttributeError):
        session.title = "changed"  # type: ignore[misc]
    with pytest.raises(TypeError):
        programme.events["x"] = programme.events["tour"]  # type: ignore[index]


def test_load_raises_one_error_carrying_every_diagnostic(write_yaml) -> None:  # type: ignore[no-untyped-def]
    path = write_yaml(
        HEADER
        + """events:
  tour:
    title: Tour
    venue: nowhere
    sessions:
      - {title: A, start: "2016-10-11 10:00", duration: 1h, speakers: [nobody]}
"""
    )
    with pytest.raises(planner.ProgrammeError) as raised:
        planner.load(path)
    assert [d.code for d in raised.value.diagnostics] == ["unknown-reference", "unknown-reference"]
    assert "nowhere" in str(raised.value)


def test_an_online_session_with_a_room_is_hybrid_at_its_events_venue(write_yaml) -> None:  # type: ignore[no-untyped-def]
    programme = planner.load(
        write_yaml(
            HEADER.replace(
                "  sgc: {name: Seoul Global Center, timezone: Asia/Seoul}",
                "  sgc: {name: Seoul Global Center, timezone: Asia/Seoul, rooms: {hall: {}}}",
            )
            + """events:
  panel:
    title: Panel
    venue: sgc
    sessions:
      - {title: Hybrid panel, date: 2016-10-11, time: "10:00-11:00", room: hall,
         online: "https://meet.example.org/panel"}
      - {title: Webinar, date: 2016-10-12, time: "10:00-11:00", online: "https://meet.example.org/w"}
"""
        )
    )
    hybrid, webinar = programme.sessions
    assert (hybrid.venue_id, hybrid.room_id, hybrid.online_url) == (
        "sgc",
        "hall",
        "https://meet.example.org/panel",
    )
    assert webinar.venue_id is None and webinar.is_online
