"""``travel-time``: enough time to get from one venue to the next."""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from planner.rules.base import Finding, Rule
from planner.rules.context import RuleContext, Slot
from planner.rules.text import duration, names, quoted, stamp, verb
from planner.timeline import Person
from planner.timeline.times import parse_duration

if TYPE_CHECKING:
    from planner.rules.settings import TravelTimeSettings

__all__ = ["TravelTime", "buffer_seconds", "great_circle_km"]

_EARTH_RADIUS_KM = 6371.0


@dataclass(frozen=True, slots=True)
class _Trip:
    seconds: float
    reason: str


def buffer_seconds(settings: TravelTimeSettings) -> float:
    """The buffer added to every estimated trip, in seconds."""
    length = parse_duration(settings.buffer)
    return length.total_seconds() if length is not None else 0.0


class TravelTime(Rule):
    """## What it does
    For each person, takes their in-person sessions in order and, between each session and
    the next one at a different venue, compares the gap with the time the trip needs:

    - a measured door-to-door time from `programme.rules.travel-times`, when one is given
      for the two venues (in either direction);
    - otherwise the great-circle distance between the venues' `geo` at `speed_kmh`, plus
      `buffer`. Without `geo` on both venues there is no estimate and no check.

    A transfer session (`from`, `to`) starts at its origin and ends at its destination. A
    travel leg of the person that fits in the gap (a train between two cities) covers the
    trip. Online sessions need no travel and are skipped; overlapping sessions are left to
    `person-double-booked`. Cancelled and all-day sessions take no part.

    ## Why it matters
    A delegation cannot finish lunch in one building at 13:30 and start a site visit
    across town at 13:40. Such gaps look fine on a timetable and make every later session
    of the day start late.

    ## Example
    ```yaml
    sessions:
      - {title: Lunch, date: 2016-10-11, time: "12:30-13:30", venue: koreana-hotel}
      - {title: Site visit, date: 2016-10-11, time: "13:40-15:00",
         venue: seoul-green-building}
    ```
    With `geo` on both venues and no measured time: "has 10 min between ... but the trip
    needs about 32 min (8.3 km at 30 km/h plus a 15 min buffer)".

    ## How to fix
    Leave more time between the sessions, add a transfer session for the bus, or give the
    measured time under `programme.rules.travel-times`:
    ```yaml
    rules:
      travel-times:
        - {between: [koreana-hotel, seoul-green-building], time: 25m}
    ```
    """

    code = "travel-time"
    settings_name = "TravelTimeSettings"

    def check(self, context: RuleContext, settings: TravelTimeSettings) -> Iterator[Finding]:
        trips = _Trips(context, settings)
        short: dict[tuple[Slot, Slot], list[str]] = {}
        for person_id, slots in context.seated_slots_by_person.items():
            person = context.programme.people.get(person_id)
            for pair in _short_gaps(slots, trips, person):
                short.setdefault(pair, []).append(person_id)
        for (before, after), people in short.items():
            people.sort()
            trip = trips.between(before.end_place, after.start_place)
            assert trip is not None
            who = names(context.person_names(people))
            yield Finding(
                f"{who} {verb(people, 'has', 'have')} {duration(after.start - before.end)} "
                f"between {quoted(before.session)} at {context.venue_name(before.end_place)} "
                f"(ends {stamp(before.occurrence.end)}) and {quoted(after.session)} at "
                f"{context.venue_name(after.start_place)} (starts "
                f"{stamp(after.occurrence.start)}), but {trip.reason}",
                after.session.location,
                (before.session.location,),
                (before.session.key, after.session.key),
                tuple(people),
            )


def _short_gaps(
    slots: list[Slot], trips: _Trips, person: Person | None
) -> Iterator[tuple[Slot, Slot]]:
    """Consecutive in-person slots at different places with too little time between."""
    last: Slot | None = None
    for slot in slots:
        if slot.start_place is None:
            continue
        if last is not None and slot.start >= last.end and last.end_place != slot.start_place:
            trip = trips.between(last.end_place, slot.start_place)
            gap = slot.start - last.end
            if (
                trip is not None
                and gap < trip.seconds
                and not _leg_between(person, last.end, slot.start)
            ):
                yield last, slot
        if last is None or slot.end >= last.end:
            last = slot


def _leg_between(person: Person | None, after: float, before: float) -> bool:
    """Whether one of the person's travel legs fits between two instants (it is the trip)."""
    if person is None:
        return False
    return any(
        leg.depart.timestamp() >= after and leg.arrive.timestamp() <= before
        for leg in person.travel
    )


class _Trips:
    """Trip times between venues, measured or estimated, each pair worked out once."""

    def __init__(self, context: RuleContext, settings: TravelTimeSettings) -> None:
        self.venues = context.programme.venues
        self.measured = context.travel_times
        self.settings = settings
        self.buffer = buffer_seconds(settings)
        self.known: dict[tuple[str | None, str | None], _Trip | None] = {}

    def between(self, origin: str | None, destination: str | None) -> _Trip | None:
        key = (origin, destination)
        if key not in self.known:
            self.known[key] = self._work_out(origin, destination)
        return self.known[key]

    def _work_out(self, origin: str | None, destination: str | None) -> _Trip | None:
        if origin is None or destination is None:
            return None
        measured = self.measured.get(frozenset((origin, destination)))
        if measured is not None:
            return _Trip(measured, f"the measured trip takes {duration(measured)}")
        start, end = self.venues.get(origin), self.venues.get(destination)
        if start is None or end is None or start.geo is None or end.geo is None:
            return None
        km = great_circle_km(start.geo.lat, start.geo.lon, end.geo.lat, end.geo.lon)
        seconds = km / self.settings.speed_kmh * 3600 + self.buffer
        return _Trip(
            seconds,
            f"the trip needs about {duration(seconds)} ({_km(km)} at "
            f"{self.settings.speed_kmh:g} km/h plus a {duration(self.buffer)} buffer)",
        )


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance on a spherical Earth."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * _EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def _km(km: float) -> str:
    return f"{km:.1f} km" if km < 10 else f"{km:.0f} km"
