"""Feeds from the bundled programme and the fixtures: goldens, a round trip through an
independent expander (recurring-ical-events), and the cases calendars get wrong."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import icalendar
import pytest
import recurring_ical_events  # type: ignore[import-untyped]

from planner.exporters.base import Selection
from planner.exporters.ics import IcsExporter, UnknownId, all_feeds, dtstamp
from planner.loading import load
from planner.timeline import Programme
from tests.conftest import EVENTS_YAML
from tests.ics.conftest import (
    FIXTURE_NAMES,
    FIXTURES,
    GOLDEN,
    STAMP,
    check_golden_bytes,
    load_fixture,
)

Key = tuple[str, object, object]


# -- helpers ---------------------------------------------------------------------------------


def _selection(path: str) -> Selection:
    folder, _, name = path.rpartition("/")
    key = name.removesuffix(".ics")
    return {
        "": Selection(),
        "events": Selection(event=key),
        "people": Selection(person=key),
        "groups": Selection(group=key),
        "venues": Selection(venue=key),
    }[folder]


def _instant(value: object) -> object:
    if isinstance(value, datetime):
        return value.astimezone(UTC)
    assert isinstance(value, date)
    return value


def _parse(data: bytes) -> Any:  # icalendar's property types are too wide to be useful here
    calendar = icalendar.Calendar.from_ical(data)
    assert [(c.name, c.errors) for c in calendar.walk() if c.errors] == []
    return calendar


def _expanded(calendar: Any) -> Iterator[Any]:
    yield from recurring_ical_events.of(calendar).between((1970, 1, 1), (2100, 1, 1))


def _feed_occurrences(data: bytes) -> tuple[Counter[Key], Counter[tuple[object, object]]]:
    """Every occurrence in a feed as (UID, start, end) in UTC (dates for all-day sessions);
    travel legs apart, as (start, end)."""
    sessions: Counter[Key] = Counter()
    legs: Counter[tuple[object, object]] = Counter()
    for event in _expanded(_parse(data)):
        start, end = _instant(event["DTSTART"].dt), _instant(event["DTEND"].dt)
        uid = str(event["UID"])
        if uid.startswith("travel-"):
            legs[(start, end)] += 1
        else:
            sessions[(uid, start, end)] += 1
    return sessions, legs


def _expected(
    programme: Programme, selection: Selection
) -> tuple[Counter[Key], Counter[tuple[object, object]]]:
    """The same, from the resolved programme (Session.occurrences)."""
    sessions: Counter[Key] = Counter()
    for session in selection.sessions(programme):
        uid = f"{session.id}.{session.event_id}@{programme.uid_domain}"
        for o in session.occurrences:
            if session.all_day:
                sessions[(uid, o.first_day, date.fromordinal(o.last_day.toordinal() + 1))] += 1
            else:
                sessions[(uid, o.start.astimezone(UTC), o.end.astimezone(UTC))] += 1
    legs: Counter[tuple[object, object]] = Counter()
    if selection.who is not None:
        for leg in programme.travel_of(selection.who):
            legs[(leg.depart.astimezone(UTC), leg.arrive.astimezone(UTC))] += 1
    return sessions, legs


def _vevents(data: bytes) -> dict[str, bytes]:
    """Each VEVENT's bytes by UID (read from the raw text, unfolded just for the UID)."""
    blocks = re.findall(rb"BEGIN:VEVENT\r\n.*?END:VEVENT\r\n", data, flags=re.S)
    found = {}
    for block in blocks:
        if b"\r\nRECURRENCE-ID" in block:
            continue  # one occurrence of a repeat, under its series' UID
        uid = re.search(rb"\r\nUID:(.*?)\r\n(?! )", block.replace(b"\r\n ", b""))
        assert uid is not None
        found[uid.group(1).decode()] = block
    return found


def _event(calendar: Any, uid_start: str) -> Any:
    (event,) = [e for e in calendar.walk("VEVENT") if str(e["UID"]).startswith(uid_start)]
    return event


PROGRAMMES = [*FIXTURE_NAMES, "bundled"]


def _programme(name: str) -> Programme:
    return load(EVENTS_YAML) if name == "bundled" else load_fixture(name)


@pytest.fixture(scope="module")
def feeds() -> dict[str, tuple[Programme, dict[str, bytes]]]:
    found = {}
    for name in PROGRAMMES:
        programme = _programme(name)
        found[name] = (programme, all_feeds(programme, stamp=STAMP))
    return found


# -- goldens ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_fixture_feed_matches_its_golden_file(name: str, feeds) -> None:  # type: ignore[no-untyped-def]
    _, found = feeds[name]
    check_golden_bytes(GOLDEN / f"{name}.ics", found["programme.ics"])


@pytest.mark.parametrize(
    "path",
    [
        "programme.ics",
        "events/wego-executive-committee-almaty-2024.ics",
        "people/wego-ro-beyoglu.ics",
    ],
)
def test_bundled_feeds_match_their_golden_files(path: str, feeds) -> None:  # type: ignore[no-untyped-def]
    _, found = feeds["bundled"]
    check_golden_bytes(GOLDEN / "bundled" / path.replace("/", "-"), found[path])


# -- every feed, every occurrence ---------------------------------------------------------------


@pytest.mark.usefixtures("bundled_tzdata")
@pytest.mark.parametrize("name", PROGRAMMES)
def test_every_occurrence_lands_at_the_right_instant(name: str, feeds) -> None:  # type: ignore[no-untyped-def]
    programme, found = feeds[name]
    for path, data in found.items():
        assert _feed_occurrences(data) == _expected(programme, _selection(path)), path


@pytest.mark.parametrize("name", PROGRAMMES)
def test_each_vtimezone_agrees_with_the_tz_database_at_every_occurrence(name: str, feeds) -> None:  # type: ignore[no-untyped-def]
    _, found = feeds[name]
    for path, data in found.items():
        calendar = _parse(data)
        defined = {
            str(tz["TZID"]): tz.to_tz(lookup_tzid=False) for tz in calendar.walk("VTIMEZONE")
        }
        used = set(re.findall(rb";TZID=([^:;]+)", data.replace(b"\r\n ", b"")))
        assert {key.decode() for key in used} <= set(defined), path
        for event in _expanded(calendar):
            for name_ in ("DTSTART", "DTEND"):
                moment = event[name_].dt
                if isinstance(moment, datetime) and "TZID" in event[name_].params:
                    wall = moment.replace(tzinfo=defined[event[name_].params["TZID"]])
                    assert wall.utcoffset() == moment.utcoffset(), (path, name_, moment)


@pytest.mark.parametrize("name", PROGRAMMES)
def test_all_feeds_equal_the_exporter_one_selection_at_a_time(name: str, feeds) -> None:  # type: ignore[no-untyped-def]
    programme, found = feeds[name]
    exporter = IcsExporter(stamp=STAMP)
    for path, data in found.items():
        assert exporter.export(programme, _selection(path)) == data, path


@pytest.mark.parametrize("name", PROGRAMMES)
def test_every_line_is_crlf_folded_within_75_octets(name: str, feeds) -> None:  # type: ignore[no-untyped-def]
    _, found = feeds[name]
    for path, data in found.items():
        assert data.endswith(b"END:VCALENDAR\r\n"), path
        lines = data.split(b"\r\n")[:-1]
        assert all(len(line) <= 75 and b"\n" not in line and b"\r" not in line for line in lines), (
            path
        )
        data.decode("utf-8")
        for line in lines:
            line.decode("utf-8")  # no character cut by a fold


def test_the_bundled_programme_has_every_kind_of_feed(feeds) -> None:  # type: ignore[no-untyped-def]
    programme, found = feeds["bundled"]
    expected = {"programme.ics"}
    expected |= {f"events/{key}.ics" for key in programme.events}
    expected |= {f"people/{key}.ics" for key in programme.people}
    expected |= {f"groups/{key}.ics" for key in programme.groups}
    expected |= {f"venues/{key}.ics" for key in programme.venues}
    assert set(found) == expected


# -- the cases that go wrong in calendars ------------------------------------------------------


@pytest.mark.usefixtures("bundled_tzdata")
def test_almaty_in_april_2024_is_utc_plus_5(feeds) -> None:  # type: ignore[no-untyped-def]
    _, found = feeds["almaty"]
    calendar = _parse(found["programme.ics"])
    (meeting,) = [e for e in _expanded(calendar) if str(e["UID"]).startswith("meeting.")]
    assert meeting["DTSTART"].dt.astimezone(UTC) == datetime(2024, 4, 18, 4, 30, tzinfo=UTC)
    (zone,) = calendar.walk("VTIMEZONE")
    defined = zone.to_tz(lookup_tzid=False)
    assert datetime(2024, 4, 18, 9, 30, tzinfo=defined).utcoffset() == timedelta(hours=5)


@pytest.mark.usefixtures("bundled_tzdata")
def test_a_weekly_repeat_keeps_its_local_time_across_daylight_saving(feeds) -> None:  # type: ignore[no-untyped-def]
    _, found = feeds["repeats"]
    calendar = _parse(found["events/weekly-2024.ics"])
    calls = [
        e["DTSTART"].dt for e in _expanded(calendar) if str(e["UID"]).startswith("coordination.")
    ]
    assert {(c.hour, c.minute) for c in calls} == {(10, 0)}
    assert [c.astimezone(UTC).hour for c in calls] == [9, 9, 8, 8]  # Madrid moved on 31 March


@pytest.mark.usefixtures("bundled_tzdata")
def test_a_night_repeat_keeps_its_wall_clock_end_when_the_clocks_change(feeds) -> None:  # type: ignore[no-untyped-def]
    _, found = feeds["repeats"]
    calendar = _parse(found["events/night-2024.ics"])
    nights = [(e["DTSTART"].dt, e["DTEND"].dt) for e in _expanded(calendar)]
    assert [(start.hour, end.hour) for start, end in nights] == [(1, 4)] * 4
    elapsed = [
        (end.astimezone(UTC) - start.astimezone(UTC)).total_seconds() / 3600
        for start, end in nights
    ]
    assert elapsed == [3, 3, 2, 3]  # 31 March: 01:00 to 04:00 is two hours (02:00 is skipped)


@pytest.mark.usefixtures("bundled_tzdata")
def test_an_excepted_date_is_absent(feeds) -> None:  # type: ignore[no-untyped-def]
    _, found = feeds["repeats"]
    calendar = _parse(found["programme.ics"])
    days = {
        (str(e["UID"]).split(".")[0], e["DTSTART"].dt.date())
        for e in _expanded(calendar)
        if isinstance(e["DTSTART"].dt, datetime)
    }
    assert ("coordination", date(2024, 3, 28)) not in days
    assert ("coordination", date(2024, 3, 21)) in days
    assert ("monthly-debate", date(2018, 8, 18)) not in days
    assert ("monthly-debate", date(2018, 9, 18)) in days
    assert b"EXDATE;TZID=Europe/Madrid:20240328T100000" in found["programme.ics"]


def test_the_until_of_a_timed_repeat_is_in_utc(feeds) -> None:  # type: ignore[no-untyped-def]
    _, found = feeds["repeats"]
    rules = re.findall(rb"RRULE:(.*)\r\n", found["programme.ics"])
    timed = [rule for rule in rules if b"YEARLY" not in rule and b"BYDAY=FR" not in rule]
    assert timed and all(re.search(rb"UNTIL=\d{8}T\d{6}Z", rule) for rule in timed)
    assert b"RRULE:FREQ=WEEKLY;BYDAY=FR;UNTIL=20241122\r\n" in found["programme.ics"]


def test_a_repeat_starts_on_its_first_real_occurrence(feeds) -> None:  # type: ignore[no-untyped-def]
    # Written from Thursday 31 October with BYDAY=FR: the first occurrence is Friday 1 November.
    _, found = feeds["repeats"]
    assert b"DTSTART;VALUE=DATE:20241101\r\nDTEND;VALUE=DATE:20241102\r\n" in found["programme.ics"]


def test_all_day_ends_are_exclusive(feeds) -> None:  # type: ignore[no-untyped-def]
    _, found = feeds["almaty"]
    event = _event(_parse(found["programme.ics"]), "members-day.")
    assert event["DTSTART"].dt == date(2024, 4, 19)
    assert event["DTEND"].dt == date(2024, 4, 21)  # written: start 2024-04-19, end 2024-04-20
    _, bundled = feeds["bundled"]
    days = _parse(bundled["programme.ics"])
    excursion = _event(days, "exco-2024-members-day.")
    assert (excursion["DTSTART"].dt, excursion["DTEND"].dt) == (
        date(2024, 4, 19),
        date(2024, 4, 20),
    )


def test_uids_are_unique(feeds) -> None:  # type: ignore[no-untyped-def]
    for name in PROGRAMMES:
        programme, found = feeds[name]
        for path, data in found.items():
            series = data.count(b"BEGIN:VEVENT") - data.count(b"RECURRENCE-ID")
            assert series == len(_vevents(data)), (name, path)
        assert all(
            uid.endswith("@" + programme.uid_domain) for uid in _vevents(found["programme.ics"])
        )


def test_uids_and_vevents_stay_the_same_when_a_session_is_inserted_before(write_yaml) -> None:  # type: ignore[no-untyped-def]
    text = (FIXTURES / "almaty.yaml").read_text(encoding="utf-8")
    unnamed = '      - title: Coffee\n        date: 2024-04-18\n        time: "13:00-13:30"\n'
    before = write_yaml(text + unnamed, "before.yaml")
    inserted = text.replace(
        "    sessions:\n",
        '    sessions:\n      - title: Inserted first\n        date: 2024-04-17\n        time: "08:00-09:00"\n',
    )
    after = write_yaml(inserted + unnamed, "after.yaml")
    old = _vevents(IcsExporter(stamp=STAMP).export(load(before), Selection()))
    new = _vevents(IcsExporter(stamp=STAMP).export(load(after), Selection()))
    assert set(new) - set(old) == {"inserted-first-2024-04-17.exco-2024@almaty.example.org"}
    assert "coffee-2024-04-18.exco-2024@almaty.example.org" in old
    assert all(new[uid] == block for uid, block in old.items())


def test_two_runs_are_byte_identical() -> None:
    first = all_feeds(load(EVENTS_YAML))
    second = all_feeds(load(EVENTS_YAML))
    assert first == second


def test_dtstamp_is_source_date_epoch_else_the_newest_file_time(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    programme = load_fixture("almaty")
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert dtstamp(programme) == programme.modified.replace(microsecond=0)
    feed = IcsExporter().export(programme, Selection())
    assert f"DTSTAMP:{programme.modified:%Y%m%dT%H%M%SZ}".encode() in feed
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1713398400")
    assert dtstamp(programme) == datetime(2024, 4, 18, tzinfo=UTC)
    assert b"DTSTAMP:20240418T000000Z" in IcsExporter().export(programme, Selection())
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(ValueError, match="SOURCE_DATE_EPOCH"):
        dtstamp(programme)


def test_a_title_with_a_line_break_and_attendee_stays_inside_summary(feeds) -> None:  # type: ignore[no-untyped-def]
    _, found = feeds["hostile"]
    calendar = _parse(found["programme.ics"])
    assert len(calendar.walk("VEVENT")) == 2
    event = _event(calendar, "injected.")
    assert str(event["SUMMARY"]) == "Opening\nATTENDEE:mailto:intruder@example.org\nEND:VEVENT"
    attendees = event.get("ATTENDEE")
    assert str(attendees) == "mailto:speaker@example.org"
    assert attendees.params["CN"] == "Kim 'Quoted' Speaker;ROLE=CHAIR:mailto:evil@example.org"
    assert attendees.params["ROLE"] == "REQ-PARTICIPANT"
    assert event.get("CATEGORIES").cats == ["other", "a,b", "c;d"]
    assert b"intruder" not in found["programme.ics"].replace(
        b"SUMMARY:Opening\\nATTENDEE:mailto:intruder", b""
    )


def test_a_cancelled_session_stays_as_cancelled_without_alarms(feeds) -> None:  # type: ignore[no-untyped-def]
    _, found = feeds["repeats"]
    event = _event(_parse(found["programme.ics"]), "cancelled-visit.")
    assert event["STATUS"] == "CANCELLED"
    assert event["SEQUENCE"] == 1
    assert event["TRANSP"] == "TRANSPARENT"
    assert event.walk("VALARM") == []


def test_reminders_become_alarms(feeds) -> None:  # type: ignore[no-untyped-def]
    _, found = feeds["repeats"]
    event = _event(_parse(found["programme.ics"]), "coordination.")
    triggers = sorted(alarm["TRIGGER"].dt.total_seconds() for alarm in event.walk("VALARM"))
    assert triggers == [-3600, -1800]


def test_an_online_session_has_a_conference_link(feeds) -> None:  # type: ignore[no-untyped-def]
    _, found = feeds["repeats"]
    event = _event(_parse(found["programme.ics"]), "monthly-debate.")
    assert str(event["CONFERENCE"]) == "https://platform.example.org/live"
    assert event["CONFERENCE"].params["VALUE"] == "URI"
    assert str(event["ORGANIZER"]) == "mailto:moderator@example.org"
    assert event["ATTENDEE"].params["ROLE"] == "CHAIR"


def test_a_session_has_its_place_people_and_categories(feeds) -> None:  # type: ignore[no-untyped-def]
    _, found = feeds["almaty"]
    event = _event(_parse(found["programme.ics"]), "meeting.")
    assert (
        str(event["LOCATION"])
        == "Ballroom, The Ritz-Carlton, Almaty, 77/7 Al-Farabi Avenue, Almaty"
    )
    assert (event["GEO"].latitude, event["GEO"].longitude) == (43.218, 76.9277)
    assert str(event["URL"]) == "https://we-gov.org/exco-2024"
    assert event["CATEGORIES"].cats == ["meeting", "executive_meeting", "governance"]
    assert event["STATUS"] == "CONFIRMED"
    roles = {str(a): a.params["ROLE"] for a in event["ATTENDEE"]}
    assert roles == {
        "mailto:secretary-general@example.org": "CHAIR",
        "mailto:officer@example.org": "REQ-PARTICIPANT",
    }
    assert "Chair: WeGO Secretary General (Secretary General, WeGO)" in str(event["DESCRIPTION"])


def test_a_travel_leg_starts_in_one_zone_and_ends_in_another(feeds) -> None:  # type: ignore[no-untyped-def]
    _, found = feeds["almaty"]
    person = found["people/beyoglu-head.ics"]
    assert (
        b"DTSTART;TZID=Europe/Istanbul:20240416T190000\r\nDTEND;TZID=Asia/Almaty:20240417T021000\r\n"
        in person
    )
    assert {b"TZID:Europe/Istanbul", b"TZID:Asia/Almaty"} <= set(
        re.findall(rb"TZID:[^\r]+", person)
    )
    assert b"travel-" not in found["venues/ritz-carlton-almaty.ics"]
    assert b"travel-" not in found["programme.ics"]


def test_a_feed_with_nothing_in_it_is_still_a_valid_calendar(feeds) -> None:  # type: ignore[no-untyped-def]
    _, found = feeds["almaty"]
    calendar = _parse(found["people/unscheduled.ics"])
    assert calendar.walk("VEVENT") == []
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Asia/Almaty"]


def test_calendar_properties_name_the_feed(feeds) -> None:  # type: ignore[no-untyped-def]
    _, found = feeds["almaty"]
    calendar = _parse(found["groups/secretariat.ics"])
    assert (
        calendar["NAME"]
        == calendar["X-WR-CALNAME"]
        == "WeGO secretariat: Almaty executive committee"
    )
    assert calendar["VERSION"] == "2.0"
    assert calendar["CALSCALE"] == "GREGORIAN"
    assert str(calendar["PRODID"]).startswith("-//planner//")
    assert calendar["REFRESH-INTERVAL"].dt.total_seconds() == 3600
    assert calendar["X-PUBLISHED-TTL"] == "PT1H"
    assert "X-WR-CALDESC" in calendar


def test_unknown_ids_are_refused_with_a_suggestion() -> None:
    programme = load_fixture("almaty")
    with pytest.raises(UnknownId, match="did you mean `exco-2024`"):
        IcsExporter(stamp=STAMP).export(programme, Selection(event="exco-2042"))
    with pytest.raises(UnknownId, match="is a group: use --group secretariat"):
        IcsExporter(stamp=STAMP).export(programme, Selection(person="secretariat"))


def test_a_person_feed_for_one_event_keeps_travel_around_it() -> None:
    programme = load_fixture("almaty")
    feed = IcsExporter(stamp=STAMP).export(
        programme, Selection(event="exco-2024", person="beyoglu-head")
    )
    assert feed.count(b"BEGIN:VEVENT") == 4  # two sessions, two flights
    outside = IcsExporter(stamp=STAMP).export(
        programme,
        Selection(person="beyoglu-head", first_day=date(2024, 4, 18), last_day=date(2024, 4, 18)),
    )
    assert b"travel-" not in outside and outside.count(b"BEGIN:VEVENT") == 1


def test_the_exporter_declares_its_format() -> None:
    assert (IcsExporter.name, IcsExporter.extension, IcsExporter.content_type) == (
        "ics",
        "ics",
        "text/calendar",
    )


def test_goldens_are_kept_as_crlf_bytes() -> None:
    attributes = (Path(__file__).parent / ".gitattributes").read_text(encoding="utf-8")
    assert "golden/** -text" in attributes
