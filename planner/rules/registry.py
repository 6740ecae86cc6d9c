"""The one table of rules. A new rule is a module in planner/rules/ and a line here.

The order is the order of ``planner rules`` and of docs/rules.md: people first, then
rooms, places, dates and the programme as a whole.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from planner.rules.base import Rule
from planner.rules.long_day import LongDay
from planner.rules.missing_translation import MissingTranslation
from planner.rules.night_session import NightSession
from planner.rules.outside_event_dates import OutsideEventDates
from planner.rules.outside_presence import OutsidePresence
from planner.rules.outside_venue_hours import OutsideVenueHours
from planner.rules.outside_window import OutsideWindow
from planner.rules.over_capacity import OverCapacity
from planner.rules.person_double_booked import PersonDoubleBooked
from planner.rules.public_holiday import PublicHoliday
from planner.rules.room_double_booked import RoomDoubleBooked
from planner.rules.travel_time import TravelTime
from planner.rules.unavailable import Unavailable
from planner.rules.unused import Unused
from planner.rules.weekend import Weekend
from planner.suggest import closest

__all__ = ["RULES", "UnknownRuleError", "find_rule"]

RULES: Mapping[str, Rule] = MappingProxyType(
    {
        rule.code: rule
        for rule in (
            PersonDoubleBooked(),
            RoomDoubleBooked(),
            OverCapacity(),
            TravelTime(),
            OutsideEventDates(),
            OutsideVenueHours(),
            PublicHoliday(),
            Weekend(),
            OutsidePresence(),
            Unavailable(),
            LongDay(),
            NightSession(),
            OutsideWindow(),
            Unused(),
            MissingTranslation(),
        )
    }
)
"""Every rule by its code, in the order ``planner rules`` lists them."""


class UnknownRuleError(ValueError):
    """A rule code that names no rule (in programme.rules, ``allow``, --select or --ignore)."""

    def __init__(self, code: str, also: tuple[str, ...] = ()) -> None:
        self.code = code
        self.guess = closest(code, [*RULES, *also])
        hint = f"did you mean `{self.guess}`?" if self.guess else "`planner rules` lists the rules"
        super().__init__(f"there is no rule `{code}`; {hint}")


def find_rule(code: str) -> Rule:
    """The rule with this code; :class:`UnknownRuleError` (with the closest code) otherwise."""
    rule = RULES.get(code)
    if rule is None:
        raise UnknownRuleError(code)
    return rule
