"""``night-session``: nobody is asked to attend in the middle of their night."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from planner.rules.base import Finding, Rule
from planner.rules.context import RuleContext, Slot
from planner.rules.text import duration, names, quoted, span, when
from planner.timeline import Session
from planner.timeline.times import parse_time

if TYPE_CHECKING:
    from planner.rules.settings import NightSettings

__all__ = ["NightSession", "night_seconds", "night_window"]

_ONE_DAY = timedelta(days=1)


def night_window(settings: NightSettings) -> tuple[time, time]:
    """When the night starts and ends under ``settings``."""
    return parse_time(settings.night_from), parse_time(settings.night_to)


class NightSession(Rule):
    """## What it does
    For an in-person session, the night is the venue's: the session is reported when any
    part of it falls between `from` (22:00) and `to` (07:00) local time. For an online
    session, each participant is where they live: the session is converted to each
    person's home `timezone` (people without one are taken to be in the session's zone),
    and reported once per zone for the people whose night it reaches. A hybrid session is
    both: the venue's night for the people in the room, each home's night for its `remote`
    people. Every occurrence counts; all-day sessions do not.

    Cancelled sessions take no part.

    ## Why it matters
    An online debate at noon in Geneva is at 20:00 in Seoul but 07:00 in São Paulo; a
    late reception keeps a delegation up after a long travel day. Night sessions are
    sometimes unavoidable across zones, so this is a warning.

    ## Example
    ```yaml
    people:
      kim: {name: Kim, timezone: Asia/Seoul}
    sessions:
      - {title: VIP debate, start: "2018-02-18 17:00", duration: 1h,
         online: "https://example.org/debate", timezone: Europe/Zurich, participants: [kim]}
    ```
    17:00 in Zurich is 01:00 in Seoul: "is at night for Kim in Asia/Seoul (2018-02-19
    01:00-02:00 KST): 1 h between 22:00 and 07:00".

    ## How to fix
    Move the session to a time that suits every zone, or accept it with
    `allow: [night-session]`. The night can be set for the programme:
    ```yaml
    rules:
      night-session: {from: "23:00", to: "06:30"}
    ```
    """

    code = "night-session"
    settings_name = "NightSettings"

    def check(self, context: RuleContext, settings: NightSettings) -> Iterator[Finding]:
        night = night_window(settings)
        zones_of: dict[Session, list[tuple[ZoneInfo, list[str]]]] = {}
        for slot in context.slots:
            session = slot.session
            if slot.in_person:
                yield from _in_person(context, slot, night, settings)
                if not session.remote:
                    continue
            if session not in zones_of:
                zones_of[session] = _home_zones(context, session, slot.in_person)
            for zone, people in zones_of[session]:
                yield from _at_home(context, slot, zone, people, night, settings)


def _in_person(
    context: RuleContext, slot: Slot, night: tuple[time, time], settings: NightSettings
) -> Iterator[Finding]:
    occurrence = slot.occurrence
    start, end = occurrence.start, occurrence.end
    venue = context.venue(slot.start_place)
    if venue is not None and venue.timezone is not start.tzinfo:
        # Rare: a session whose own `timezone` differs from its venue's.
        start, end = start.astimezone(venue.timezone), end.astimezone(venue.timezone)
    seconds = _wall_clock_night_seconds(start, end, night)
    if seconds <= 0:
        return
    session = slot.session
    seated = tuple(person for person in session.people if person not in session.remote)
    if not seated:
        return
    yield Finding(
        f"{quoted(session)} ({when(occurrence)}) runs {duration(seconds)} into the night "
        f"({settings.night_from}-{settings.night_to}) at {context.place(session)}",
        session.location,
        sessions=(session.key,),
        people=seated,
    )


def _at_home(
    context: RuleContext,
    slot: Slot,
    zone: ZoneInfo,
    people: list[str],
    night: tuple[time, time],
    settings: NightSettings,
) -> Iterator[Finding]:
    start, end = slot.occurrence.start.astimezone(zone), slot.occurrence.end.astimezone(zone)
    seconds = _wall_clock_night_seconds(start, end, night)
    if seconds <= 0:
        return
    session = slot.session
    who = names(context.person_names(people))
    yield Finding(
        f"{quoted(session)} ({when(slot.occurrence)}) is at night for {who} in {zone.key} "
        f"({span(start, end)}): {duration(seconds)} between {settings.night_from} and "
        f"{settings.night_to}",
        session.location,
        sessions=(session.key,),
        people=tuple(people),
    )


def _home_zones(
    context: RuleContext, session: Session, hybrid: bool = False
) -> list[tuple[ZoneInfo, list[str]]]:
    """The people who join online grouped by the zone they are in: their home. For a
    session in a room (``hybrid``), only its ``remote`` people; else everyone."""
    groups: dict[str, tuple[ZoneInfo, list[str]]] = {}
    joining = sorted(session.remote) if hybrid else session.people
    for person_id in joining:
        person = context.programme.people.get(person_id)
        zone = person.timezone if person is not None and person.timezone else session.timezone
        groups.setdefault(zone.key, (zone, []))[1].append(person_id)
    return list(groups.values())


def _wall_clock_night_seconds(start: datetime, end: datetime, night: tuple[time, time]) -> float:
    """:func:`night_seconds` of two aware times, read on their own wall clock. The common
    case, a session within one day's daylight, is told from their dates and times alone,
    without building naive copies (``replace`` is slow, and every session is checked)."""
    if start.date() == end.date() and _daytime(start.time(), end.time(), *night):
        return 0.0
    return night_seconds(start.replace(tzinfo=None), end.replace(tzinfo=None), night)


def night_seconds(start: datetime, end: datetime, night: tuple[time, time]) -> float:
    """Seconds of the local span ``start``-``end`` that fall in the nightly window."""
    begins, ends = night
    if start.date() == end.date() and _daytime(start.time(), end.time(), begins, ends):
        return 0.0  # the common case: a session within one day's daylight
    total = 0.0
    day = start.date() - _ONE_DAY
    while day <= end.date():
        night_start = datetime.combine(day, begins)
        night_end = datetime.combine(day + _ONE_DAY if ends <= begins else day, ends)
        overlap = (min(end, night_end) - max(start, night_start)).total_seconds()
        total += max(0.0, overlap)
        day += _ONE_DAY
    return total


def _daytime(start: time, end: time, begins: time, ends: time) -> bool:
    if ends <= begins:  # a night across midnight: the day is between its end and its start
        return ends <= start and end <= begins
    return end <= begins or start >= ends
