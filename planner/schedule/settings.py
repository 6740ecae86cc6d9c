"""What the rules ask under this programme's settings: which are hard, which soft, and how
long trips take. The scheduler reads them here so that it follows the very rules
``planner validate`` runs."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from planner.diagnostics import Severity
from planner.rules.config import Configuration, configure
from planner.rules.context import RuleContext
from planner.rules.text import duration
from planner.rules.travel_time import buffer_seconds, great_circle_km
from planner.schedule.localtime import day_number
from planner.timeline import OpenSession, Programme

if TYPE_CHECKING:
    from planner.rules.settings import TravelTimeSettings

__all__ = ["INFO_COST", "WARNING_COST", "Rules", "Trip"]

WARNING_COST = 10
"""Cost of one warning a placement causes (night, long day, holiday, opening hours)."""
INFO_COST = 1
"""Cost of one info (a weekend)."""


@dataclass(frozen=True, slots=True)
class Trip:
    minutes: int
    text: str
    """``the trip from A to B takes 45 min``."""


class Rules:
    """The programme's rule configuration, as the scheduler needs it."""

    def __init__(self, programme: Programme, reopened: frozenset[str] = frozenset()) -> None:
        self.programme = programme
        self.configuration: Configuration = configure(programme)
        self.context = RuleContext(programme, self.configuration.travel_times)
        self.reopened = reopened
        self._trips: dict[tuple[str, str], Trip | None] = {}
        self._days: dict[str, dict[int, tuple[int, int]]] = {}
        self.group_names: dict[frozenset[str], str | None] = {}
        """People -> the group(s) they make up, as words (see ``words.who``)."""

    def day_spans(self, person_id: str, skip: frozenset[str]) -> dict[int, tuple[int, int]]:
        """A person's fixed days, as the long-day rule sees them: local day number (of each
        session's own zone) -> first start and last end, in UTC minutes."""
        found = self._days.get(person_id)
        if found is None:
            found = {}
            for slot in self.context.slots_by_person.get(person_id, []):
                if slot.session.key in skip:
                    continue
                day = day_number(slot.occurrence.first_day)
                first, last = math.floor(slot.start / 60), math.ceil(slot.end / 60)
                known = found.get(day)
                found[day] = (min(known[0], first), max(known[1], last)) if known else (first, last)
            self._days[person_id] = found
        return found

    def home_zones(self, session: OpenSession) -> list[ZoneInfo]:
        """Where the session's people are when it is online: their home zones."""
        zones: dict[str, ZoneInfo] = {}
        for person_id in session.people:
            person = self.programme.people.get(person_id)
            zone = person.timezone if person and person.timezone else session.timezone
            zones[zone.key] = zone
        return list(zones.values())

    def severity(self, code: str) -> Severity | None:
        if code in self.configuration.broken:
            return None
        return self.configuration.rules[code].severity

    def hard(self, code: str, *allows: frozenset[str]) -> bool:
        """Whether ``code`` is an error here and none of the sessions involved allows it."""
        return self.severity(code) is Severity.ERROR and not any(code in a for a in allows)

    def cost(self, code: str, allow: frozenset[str]) -> int:
        """The soft cost of one finding of ``code`` (0 when off, an error, or allowed)."""
        severity = self.severity(code)
        if code in allow or severity is None or severity is Severity.ERROR:
            return 0
        return WARNING_COST if severity is Severity.WARNING else INFO_COST

    def setting(self, code: str) -> Any:
        """The rule's settings (read-only, with its settings model's attributes)."""
        return self.configuration.rules[code].settings

    @cached_property
    def travel(self) -> TravelTimeSettings:
        settings: TravelTimeSettings = self.setting("travel-time")
        return settings

    def trip(self, origin: str | None, destination: str | None) -> Trip | None:
        """The trip between two venues as the travel-time rule works it out; None if none."""
        if origin is None or destination is None or origin == destination:
            return None
        key = (origin, destination)
        if key not in self._trips:
            self._trips[key] = self._work_out(origin, destination)
        return self._trips[key]

    def _work_out(self, origin: str, destination: str) -> Trip | None:
        venues = self.programme.venues
        start, end = venues.get(origin), venues.get(destination)
        route = f"from {start.name if start else origin} to {end.name if end else destination}"
        measured = self.configuration.travel_times.get(frozenset((origin, destination)))
        if measured is not None:
            return Trip(math.ceil(measured / 60), f"the trip {route} takes {duration(measured)}")
        if start is None or end is None or start.geo is None or end.geo is None:
            return None
        km = great_circle_km(start.geo.lat, start.geo.lon, end.geo.lat, end.geo.lon)
        seconds = km / self.travel.speed_kmh * 3600 + buffer_seconds(self.travel)
        return Trip(math.ceil(seconds / 60), f"the trip {route} takes about {duration(seconds)}")
