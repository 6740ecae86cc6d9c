"""``long-day``: nobody's day runs longer than a set number of hours."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING

from planner.rules.base import Finding, Rule
from planner.rules.context import RuleContext, Slot
from planner.rules.text import duration, names, quoted, stamp

if TYPE_CHECKING:
    from planner.rules.settings import LongDaySettings

__all__ = ["LongDay"]


class LongDay(Rule):
    """## What it does
    Groups each person's sessions by the local date they start on (in each session's own
    zone) and measures from the first start to the last end of the day. When that is
    longer than `max_hours` (10 by default), the day is reported once for everyone who has
    the same first and last session, located at the last session. All-day sessions do not
    count.

    Cancelled sessions take no part.

    ## Why it matters
    Delegations arriving from other time zones, speakers with several roles and organisers
    who open and close each day burn out on 14-hour days; the last session of a long day
    is the one nobody remembers.

    ## Example
    ```yaml
    sessions:
      - {title: Airport pick-up, date: 2016-10-10, time: "07:00-08:30"}
      - {title: Welcome dinner, date: 2016-10-10, time: "19:00-21:30"}
    ```
    "the day on 2016-10-10 lasts 14 h 30 min ...: 4 h 30 min over the 10 h limit".

    ## How to fix
    Start later, end earlier, split the day between several people, or raise `max_hours`
    where long days are expected:
    ```yaml
    rules:
      long-day: {max_hours: 12}
    ```
    """

    code = "long-day"
    settings_name = "LongDaySettings"

    def check(self, context: RuleContext, settings: LongDaySettings) -> Iterator[Finding]:
        limit = settings.max_hours * 3600
        long_days: dict[tuple[Slot, Slot], list[str]] = {}
        for person_id, slots in context.slots_by_person.items():
            for first, last in _days(slots):
                if last.end - first.start > limit:
                    long_days.setdefault((first, last), []).append(person_id)
        for (first, last), people in long_days.items():
            people.sort()
            length = last.end - first.start
            who = names(context.person_names(people))
            yield Finding(
                f"the day of {who} on {first.occurrence.first_day} lasts {duration(length)}, from "
                f"{quoted(first.session)} ({stamp(first.occurrence.start)}) to the end of "
                f"{quoted(last.session)} ({stamp(last.occurrence.end)}): "
                f"{duration(length - limit)} over the {settings.max_hours:g} h limit",
                last.session.location,
                (first.session.location,),
                (first.session.key, last.session.key),
                tuple(people),
            )


def _days(slots: list[Slot]) -> Iterator[tuple[Slot, Slot]]:
    """For each local day: the first slot and the slot that ends last."""
    day: date | None = None
    first = latest = None
    for slot in slots:
        starts_on = slot.occurrence.first_day
        if starts_on != day:
            if first is not None and latest is not None:
                yield first, latest
            day, first, latest = starts_on, slot, slot
        elif latest is None or slot.end > latest.end:
            latest = slot
    if first is not None and latest is not None:
        yield first, latest
