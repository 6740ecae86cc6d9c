"""A deterministic generator of large programmes in planner's format, for benchmarks.

The programme looks like the real events.yaml, only larger: organisations, venues with
rooms and opening hours in a dozen countries and zones, people with home zones, flights
and unavailable windows, cohorts nested in delegations, and events whose sessions are
written in every form the format allows (start/end, start/duration, date/time, all-day,
online, repeating with COUNT/UNTIL and exceptions, transfers, cancelled, tentative,
``allow``). The schedule is conflict-free by construction, then a small, fixed share of
sessions is disturbed on purpose (a speaker booked twice, a room shared, a tight trip, a
late arrival ...) so every rule has something to find, as in a real draft.

With ``--open N``, N of the timed sessions (spread evenly) are written open instead: a
``duration`` and a ``window`` over their event's days, for ``planner schedule`` to place.

Same arguments, same bytes: everything comes from one seeded ``random.Random``.

Usage: python bench/generate.py --sessions 10000 -o /tmp/programme-10k.yaml
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

__all__ = ["Plan", "generate", "write_programme"]

# name, country, IANA zone, latitude, longitude
CITIES = (
    ("Seoul", "KR", "Asia/Seoul", 37.5665, 126.9780),
    ("Almaty", "KZ", "Asia/Almaty", 43.2389, 76.8897),
    ("Madrid", "ES", "Europe/Madrid", 40.4168, -3.7038),
    ("Valencia", "ES", "Europe/Madrid", 39.4699, -0.3763),
    ("Singapore", "SG", "Asia/Singapore", 1.2903, 103.8519),
    ("Tokyo", "JP", "Asia/Tokyo", 35.6762, 139.6503),
    ("Dubai", "AE", "Asia/Dubai", 25.2048, 55.2708),
    ("Riyadh", "SA", "Asia/Riyadh", 24.7136, 46.6753),
    ("Nairobi", "KE", "Africa/Nairobi", -1.2921, 36.8219),
    ("New York", "US", "America/New_York", 40.7128, -74.0060),
    ("Sao Paulo", "BR", "America/Sao_Paulo", -23.5505, -46.6333),
    ("Berlin", "DE", "Europe/Berlin", 52.5200, 13.4050),
    ("Geneva", "CH", "Europe/Zurich", 46.2044, 6.1432),
    ("Hanoi", "VN", "Asia/Ho_Chi_Minh", 21.0278, 105.8342),
    ("Kigali", "RW", "Africa/Kigali", -1.9441, 30.0619),
    ("Jerusalem", "IL", "Asia/Jerusalem", 31.7683, 35.2137),
)
TOPICS = (
    "smart mobility", "water management", "open data", "digital inclusion", "energy grids",
    "urban resilience", "e-government", "cybersecurity", "housing", "public health data",
    "waste and recycling", "air quality", "participatory budgeting", "satellite cities",
)  # fmt: skip
EVENT_KINDS = ("conference", "study_tour", "workshop", "training", "forum", "executive_meeting")
LECTURE_KINDS = ("lecture", "panel", "workshop", "plenary", "debate", "meeting")
FIRST_MONDAY = date(2024, 1, 1)
COHORT_SIZE = 12
SESSIONS_PER_DAY = 5
# Share of sessions disturbed on purpose, per kind of mistake (1 in N).
RARE = 150


@dataclass
class Venue:
    id: str
    city: int
    rooms: tuple[str, ...]
    hours: bool
    online: bool = False


@dataclass
class EventPlan:
    id: str
    index: int
    venue: Venue
    week: int
    cohort: int
    days: int
    kind: str


@dataclass
class Plan:
    """What the programme holds, decided before any text is written."""

    sessions: int
    venues: list[Venue] = field(default_factory=list)
    people: int = 0
    cohorts: int = 0
    events: list[EventPlan] = field(default_factory=list)
    online_series: int = 0
    cohort_events: dict[int, list[EventPlan]] = field(default_factory=dict)
    serial: int = 0
    """Sessions numbered so far: each kind of deliberate mistake comes once every RARE."""
    open_every: int = 0
    """Write every n-th timed session open (0: none), until ``open_left`` runs out."""
    open_left: int = 0

    def next_serial(self) -> int:
        self.serial += 1
        return self.serial


def _plan(sessions: int, rng: random.Random) -> Plan:
    plan = Plan(sessions)
    venue_count = max(8, sessions // 500)
    for index in range(venue_count):
        rooms = tuple(f"room-{n}" for n in range(1, rng.choice((0, 2, 3, 4)) + 1))
        plan.venues.append(
            Venue(f"venue-{index:05d}", index % len(CITIES), rooms, rng.random() < 0.6)
        )
    plan.people = max(24, sessions // 10)
    plan.cohorts = max(venue_count, plan.people // COHORT_SIZE)
    # A few online series (monthly debates) take about 3% of the sessions.
    plan.online_series = max(1, sessions // 1000)
    per_event = SESSIONS_PER_DAY * 4
    event_count = max(1, (sessions - plan.online_series * 2) // per_event)
    for index in range(event_count):
        week, slot = divmod(index, venue_count)
        cohort = _cohort_for(plan, week, slot)
        event = EventPlan(
            f"event-{index:05d}", index, plan.venues[slot], week, cohort,
            rng.choice((2, 3, 4, 4, 4, 5)), rng.choice(EVENT_KINDS),
        )  # fmt: skip
        plan.events.append(event)
        plan.cohort_events.setdefault(cohort, []).append(event)
    return plan


def _cohort_for(plan: Plan, week: int, slot: int) -> int:
    """A cohort of the venue's city, distinct for each event of that week.

    Cohorts stay in one city (cohort ``c`` belongs to city ``c % len(CITIES)``) and move
    between its venues week by week, so nobody is in two places at once and no trip is
    longer than a city crossing; the deliberate mistakes come on top.
    """
    city, rank = slot % len(CITIES), slot // len(CITIES)
    pool = range(city, plan.cohorts, len(CITIES))
    return pool[(rank + week * 3) % len(pool)]


class _Writer:
    """Collects lines; ``text()`` joins them once (fast for 40 MB)."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, *lines: str) -> None:
        self.lines.extend(lines)

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


class _Mistakes:
    """Whether the deliberate mistakes are written (off for a clash-free programme)."""

    enabled = True


def _mistake(serial: int, kind: int) -> bool:
    """Whether item ``serial`` carries deliberate mistake number ``kind`` (one in RARE)."""
    return _Mistakes.enabled and serial % RARE == kind


def _vip_allowed() -> str:
    # VIPs are delegates too: a clash-free programme lets them miss a debate for a lunch.
    return "weekend" if _Mistakes.enabled else "weekend, person-double-booked"


def generate(sessions: int, seed: int = 1, *, clean: bool = False, open_count: int = 0) -> str:
    """The YAML text of a programme with about ``sessions`` sessions.

    ``clean`` leaves out the deliberate mistakes: the exports are timed on a programme
    that validates, because they refuse one with errors. ``open_count`` sessions are open.
    """
    _Mistakes.enabled = not clean
    try:
        return _generate(sessions, seed, open_count)
    finally:
        _Mistakes.enabled = True


def _generate(sessions: int, seed: int, open_count: int = 0) -> str:
    rng = random.Random(seed)
    plan = _plan(sessions, rng)
    if open_count:
        # About two sessions in three are timed lectures or meals: spread the open ones.
        plan.open_every = max(1, (sessions * 2 // 3) // open_count)
        plan.open_left = open_count
    out = _Writer()
    _header(out, plan)
    _organisations(out, plan)
    _venues(out, plan, rng)
    _people(out, plan, rng)
    _groups(out, plan)
    out.add("", "events:")
    written = 0
    for event in plan.events:
        written += _event(out, plan, event, rng)
    for series in range(plan.online_series):
        written += _online_series(out, plan, series, rng)
    # Top up with one more event's worth when the rounding left us short.
    index = len(plan.events)
    week = plan.events[-1].week + 1 if plan.events else 0
    while written < sessions:
        extra = EventPlan(f"event-{index:05d}", index, plan.venues[0], week, 0, 1, "workshop")
        week += 1
        written += _event(out, plan, extra, rng, limit=sessions - written)
        index += 1
    return out.text()


def write_programme(
    path: Path, sessions: int, seed: int = 1, *, clean: bool = False, open_count: int = 0
) -> Path:
    path.write_text(generate(sessions, seed, clean=clean, open_count=open_count), "utf-8")
    return path


# -- sections ------------------------------------------------------------------------------


def _header(out: _Writer, plan: Plan) -> None:
    pairs = [(v.id, w.id) for v, w in zip(plan.venues, plan.venues[len(CITIES) :], strict=False)]
    out.add(
        f"# Generated by bench/generate.py: {plan.sessions} sessions, {plan.people} people.",
        "version: 1",
        "",
        "programme:",
        f"  name: Benchmark programme with {plan.sessions} sessions",
        "  uid_domain: bench.example.org",
        "  timezone: Europe/Zurich",
        "  reminders: [30m]",
        "  rules:",
        "    long-day: {max_hours: 12}",
        "    travel-time: {buffer: 10m, speed_kmh: 30}",
        "    travel-times:",
    )
    for first, second in pairs[:20]:
        out.add(f"      - {{between: [{first}, {second}], time: 50m}}")
    if not pairs:
        out.add("      []")


def _organisations(out: _Writer, plan: Plan) -> None:
    out.add("", "organisations:")
    for index in range(max(4, plan.people // 50)):
        name, country, *_ = CITIES[index % len(CITIES)]
        out.add(
            f"  org-{index:05d}:",
            f"    name: {name} city government office {index}",
            f"    short: ORG{index}",
            f"    url: https://org{index}.example.org",
            f"    country: {country}",
        )


def _venues(out: _Writer, plan: Plan, rng: random.Random) -> None:
    out.add("", "venues:")
    for venue in plan.venues:
        name, country, zone, lat, lon = CITIES[venue.city]
        out.add(
            f"  {venue.id}:",
            f"    name: {name} venue {venue.id[-5:]}",
            f"    address: {rng.randint(1, 300)} Main street",
            f"    city: {name}",
            f"    country: {country}",
            f"    timezone: {zone}",
            f"    geo: {{lat: {lat + rng.uniform(-0.05, 0.05):.4f}, "
            f"lon: {lon + rng.uniform(-0.05, 0.05):.4f}}}",
            f"    capacity: {rng.choice((40, 80, 120, 300))}",
        )
        if venue.hours and rng.random() < 0.5:
            out.add('    hours: "08:00-20:00"')
        elif venue.hours:
            out.add("    hours:")
            out.add(*(f'      {day}: "08:30-19:00"' for day in ("mon", "tue", "wed", "thu", "fri")))
            out.add('      sat: "09:00-13:00"', "      sun: closed")
        if venue.rooms:
            out.add("    rooms:")
            for room in venue.rooms:
                capacity = rng.choice((30, 60, 100))
                out.add(f"      {room}: {{name: Room {room[-1]}, capacity: {capacity}}}")
    out.add(
        "  online-platform:",
        "    name: Online platform",
        "    online: true",
        "    url: https://meet.example.org",
        "    country: CH",
        "    timezone: Europe/Zurich",
    )


def _person_id(index: int) -> str:
    return f"person-{index:06d}"


def _cohort_members(plan: Plan, cohort: int) -> range:
    size = max(1, plan.people // plan.cohorts)
    end = plan.people if cohort == plan.cohorts - 1 else min(plan.people, (cohort + 1) * size)
    return range(cohort * size, end)


def _people(out: _Writer, plan: Plan, rng: random.Random) -> None:
    out.add("", "people:")
    organisations = max(4, plan.people // 50)
    for index in range(plan.people):
        name, country, zone, *_ = CITIES[rng.randrange(len(CITIES))]
        cohort = min(plan.cohorts - 1, index // max(1, plan.people // plan.cohorts))
        out.add(
            f"  {_person_id(index)}:",
            f"    name: Delegate {index} of {name}",
            f"    organisation: org-{index % organisations:05d}",
            f"    role: {rng.choice(('Mayor', 'Director', 'Officer', 'Adviser', 'Engineer'))}",
            f"    country: {country}",
            f"    timezone: {zone}",
            f"    email: delegate{index}@example.org",
        )
        events = plan.cohort_events.get(cohort, [])
        if events and index % 3 == 0:
            _travel(out, events, zone, index, rng)
        if events and _mistake(index, 7):
            day = _event_day(events[0], 1)
            out.add(
                "    unavailable:",
                f'      - {{from: "{day} 09:00", to: "{day} 11:00", reason: cabinet meeting}}',
            )


def _travel(
    out: _Writer, events: list[EventPlan], home: str, index: int, rng: random.Random
) -> None:
    """A flight in before the first event and out after the last one."""
    first, last = events[0], events[-1]
    first_zone, last_zone = CITIES[first.venue.city][2], CITIES[last.venue.city][2]
    arrive_day = _event_day(first, 0) - timedelta(days=1)
    arrive = f"{arrive_day} 16:00"
    if _mistake(index, 3):
        arrive = f"{_event_day(first, 0)} 10:00"  # lands after the opening: on purpose
    leave_day = _event_day(last, last.days)
    out.add(
        "    travel:",
        f"      - {{mode: flight, ref: XX {rng.randint(100, 999)}, from: Home, to: Event city,",
        f'         depart: "{arrive_day - timedelta(days=1)} 06:00", depart_timezone: {home},',
        f'         arrive: "{arrive}", arrive_timezone: {first_zone}}}',
        f"      - {{mode: flight, ref: XX {rng.randint(100, 999)}, from: Event city, to: Home,",
        f'         depart: "{leave_day} 10:00", depart_timezone: {last_zone},',
        f'         arrive: "{leave_day + timedelta(days=1)} 09:00", arrive_timezone: {home}}}',
    )


def _groups(out: _Writer, plan: Plan) -> None:
    out.add("", "groups:")
    for cohort in range(plan.cohorts):
        members = ", ".join(_person_id(i) for i in _cohort_members(plan, cohort))
        out.add(
            f"  cohort-{cohort:05d}:", f"    name: Cohort {cohort}", f"    members: [{members}]"
        )
        # A delegation nests its cohort, as a country delegation nests its officials.
        out.add(
            f"  delegation-{cohort:05d}:",
            f"    name: Delegation {cohort}",
            f"    members: [cohort-{cohort:05d}]",
        )
    for series in range(plan.online_series):
        out.add(
            f"  vip-{series:04d}:",
            f"    name: VIP members {series}",
            f"    members: [{', '.join(_person_id(i) for i in _vip_members(plan, series))}]",
        )


def _vip_members(plan: Plan, series: int) -> list[int]:
    """Four people per online series, spread over the cohorts (different home zones)."""
    return [(series * 37 + n * 101) % plan.people for n in range(4)]


# -- events --------------------------------------------------------------------------------


def _event_day(event: EventPlan, day: int) -> date:
    return FIRST_MONDAY + timedelta(days=7 * event.week + day)


def _event(
    out: _Writer, plan: Plan, event: EventPlan, rng: random.Random, limit: int | None = None
) -> int:
    venue = event.venue
    city, _, zone, *_ = CITIES[venue.city]
    first, last = _event_day(event, 0), _event_day(event, event.days - 1)
    group = f"delegation-{event.cohort:05d}" if event.index % 2 else f"cohort-{event.cohort:05d}"
    topic = TOPICS[event.index % len(TOPICS)]
    out.add(
        f"  {event.id}:",
        f"    title: {topic.capitalize()} {event.kind.replace('_', ' ')} in {city}",
        f"    kind: {event.kind}",
        f"    organisers: [org-{event.index % max(4, plan.people // 50):05d}]",
        "    description: >-",
        f"      A {event.days}-day programme on {topic} for cohort {event.cohort},",
        "      with lectures, site visits and a closing session. Generated for benchmarks.",
        f"    dates: {{start: {first}, end: {last}}}",
        f"    venue: {venue.id}",
        f"    timezone: {zone}",
        f"    participants: [{group}]",
        f"    status: {'tentative' if event.index % 9 == 0 else 'confirmed'}",
        f"    tags: [{topic.replace(' ', '-')}, bench]",
        "    sessions:",
    )
    count = 0
    for lines in _sessions(plan, event, rng):
        out.add(*lines)
        count += 1
        if limit is not None and count >= limit:
            break
    return count


def _sessions(plan: Plan, event: EventPlan, rng: random.Random) -> Iterator[list[str]]:
    members = list(_cohort_members(plan, event.cohort))
    rooms = event.venue.rooms
    for day in range(event.days):
        when = _event_day(event, day)
        if day == 0:
            yield _all_day(event, when)
        slots = ((9, 0, 90), (10, 45, 90), (12, 15, 75), (13, 30, 90), (15, 15, 90))
        for number, (hour, minute, length) in enumerate(slots[: SESSIONS_PER_DAY - (day == 0)]):
            serial = plan.next_serial()
            room = rooms[(day + number) % len(rooms)] if rooms else None
            if number == 3 and day == 1 and len(members) >= 2:
                yield from _site_visit(plan, event, when, serial)
                continue
            yield _timed(plan, event, when, hour, minute, length, room, members, serial, rng)
        if day == event.days - 1 or event.index % 4 == 0:
            yield _dinner(event, when, plan.next_serial())


def _all_day(event: EventPlan, when: date) -> list[str]:
    return [
        f"      - id: {event.id}-welcome-desk",
        "        title: Welcome desk open",
        "        kind: other",
        f"        start: {when}",
        "        description: Badges and documents all day.",
    ]


def _timed(
    plan: Plan,
    event: EventPlan,
    when: date,
    hour: int,
    minute: int,
    length: int,
    room: str | None,
    members: list[int],
    serial: int,
    rng: random.Random,
) -> list[str]:
    kind = "meal" if hour == 12 else LECTURE_KINDS[serial % len(LECTURE_KINDS)]
    title = _title(kind, serial)
    lines = [f"      - id: s{serial}", f'        title: "{title}"', f"        kind: {kind}"]
    if plan.open_left and serial % plan.open_every == 0:
        plan.open_left -= 1
        lines += _window(event, length)
    else:
        lines += _when(when, hour, minute, length, serial)
    if serial % 61 == 0:
        lines.append(f"        online: https://meet.example.org/{event.id}/{serial}")
    elif room:
        lines.append(f"        room: {room}")
    if members and kind != "meal":
        lines.append(f"        speakers: [{_person_id(members[serial % len(members)])}]")
    lines += _disturbance(plan, event, members, serial, rng)
    if serial % 5 == 0:
        lines += [
            "        description: >-",
            "          Presentation followed by questions from the delegations; slides are",
            "          shared on the programme's site the day after.",
        ]
    if serial % 7 == 0:
        lines.append("        tags: [recorded]")
    return lines


def _when(when: date, hour: int, minute: int, length: int, serial: int) -> list[str]:
    """The same kind of time written in each of the forms the format allows."""
    start = f"{hour:02d}:{minute:02d}"
    end_minutes = hour * 60 + minute + length
    end = f"{end_minutes // 60:02d}:{end_minutes % 60:02d}"
    form = serial % 4
    if form == 0:
        return [f"        date: {when}", f'        time: "{start}-{end}"']
    if form == 1:
        return [f'        start: "{when} {start}"', f'        end: "{when} {end}"']
    if form == 2:
        return [f'        start: "{when} {start}"', f"        duration: {length}m"]
    return [f"        date: {when}", f'        time: "{start}"', f"        duration: {_hm(length)}"]


def _window(event: EventPlan, length: int) -> list[str]:
    """An open session: its length, and a window over its event's working days."""
    first, last = _event_day(event, 0), _event_day(event, event.days - 1)
    return [
        f"        duration: {_hm(length)}",
        f'        window: {{from: "{first} 08:00", to: "{last} 20:00"}}',
    ]


def _hm(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    return f"{hours}h{rest}m" if rest else f"{hours}h"


def _title(kind: str, serial: int) -> str:
    topic = TOPICS[serial % len(TOPICS)]
    return {"meal": "Lunch", "panel": f"Panel on {topic}"}.get(
        kind, f"{kind.capitalize()}: {topic}"
    )


def _disturbance(
    plan: Plan, event: EventPlan, members: list[int], serial: int, rng: random.Random
) -> list[str]:
    """Rare, deliberate mistakes and near misses, so every rule has work."""
    choice = serial % RARE if _Mistakes.enabled else -1
    if choice == 11:
        # A chair from another cohort of the city, perhaps in its own event at that hour.
        guests = _cohort_members(plan, (event.cohort + len(CITIES)) % plan.cohorts)
        return [f"        chair: {_person_id(guests[0])}"] if guests else []
    if choice == 29:
        return ["        expected_attendance: 450"]
    if choice == 47:
        return ["        status: cancelled"]
    if choice == 61:
        return ["        allow: [over-capacity]", "        expected_attendance: 500"]
    if choice == 83 and len(members) > 3:
        half = members[: len(members) // 2]
        return [f"        participants: [{', '.join(_person_id(m) for m in half)}]"]
    if choice == 97:
        return [f"        repeat: FREQ=DAILY;COUNT={rng.randint(2, 3)}"]
    return []


def _site_visit(plan: Plan, event: EventPlan, when: date, serial: int) -> Iterator[list[str]]:
    """Bus out to another venue of the same city, a visit, and the bus back."""
    here = event.venue
    # The next venue of the city: a venue hosts one event a week, so no two delegations
    # visit the same site at the same hour.
    city = [v for v in plan.venues if v.city == here.city]
    there = city[(city.index(here) + 1) % len(city)]
    tight = _mistake(serial, 13)  # no bus: the delegation is expected to teleport
    if not tight:
        yield [
            f"      - id: s{serial}-bus-out",
            "        title: Bus to the site visit",
            "        kind: transfer",
            f"        date: {when}",
            '        time: "13:30-14:00"',
            f"        from: {here.id}",
            f"        to: {there.id}",
        ]
    yield [
        f"      - id: s{serial}",
        "        title: Site visit",
        "        kind: site_visit",
        f"        date: {when}",
        f'        time: "{"13:35" if tight else "14:00"}-14:40"',
        f"        venue: {there.id}",
    ]
    yield [
        f"      - id: s{serial}-bus-back",
        "        title: Bus back",
        "        kind: transfer",
        f'        start: "{when} 14:40"',
        "        duration: 30m",
        f"        from: {there.id}",
        f"        to: {here.id}",
    ]


def _dinner(event: EventPlan, when: date, serial: int) -> list[str]:
    late = _mistake(serial, 19)
    return [
        f"      - id: s{serial}-dinner",
        "        title: Dinner" if not late else "        title: Late reception",
        "        kind: meal" if not late else "        kind: reception",
        f"        date: {when}",
        f'        time: "{"20:30-22:30" if late else "18:00-19:00"}"',
    ]


def _online_series(out: _Writer, plan: Plan, series: int, rng: random.Random) -> int:
    """A monthly online debate of a few VIP members in different zones (repeats, except)."""
    month = 1 + series % 12
    first = date(2024, month, 18)
    debate = (first + timedelta(days=31)).replace(day=18)  # the next month's 18th
    out.add(
        f"  online-series-{series:04d}:",
        f"    title: Monthly online debate {series}",
        "    kind: debate",
        "    venue: online-platform",
        f"    participants: [vip-{series:04d}]",
        "    tags: [online]",
        "    sessions:",
        f"      - id: launch-{series}",
        "        title: Launch webcast",
        "        kind: ceremony",
        f'        start: "{first} 12:00"',
        '        end: "13:00"',
        f"        allow: [{_vip_allowed()}]",
        f"      - id: debate-{series}",
        "        title: VIP debate",
        "        kind: debate",
        f'        start: "{debate} 12:00"',
        "        duration: 1h",
    )
    if series % 2:
        out.add('        repeat: "FREQ=MONTHLY;BYMONTHDAY=18;COUNT=11"')
    else:
        out.add(f'        repeat: "FREQ=MONTHLY;BYMONTHDAY=18;UNTIL={first.year + 1}0630"')
    allowed = _vip_allowed()
    out.add(
        # The first debate is skipped: an occurrence in the series' own year (December's
        # series starts in January of the next year).
        f"        except: [{debate}]", f"        allow: [{allowed}]"
    )
    return 2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--clean", action="store_true", help="Leave out the deliberate mistakes.")
    parser.add_argument(
        "--open", type=int, default=0, help="Write this many sessions open (for planner schedule)."
    )
    args = parser.parse_args(argv)
    write_programme(args.output, args.sessions, args.seed, clean=args.clean, open_count=args.open)
    return 0


if __name__ == "__main__":
    sys.exit(main())
