"""``outside-event-dates``: a session belongs within its event's dates."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import TYPE_CHECKING

from planner.rules.base import Finding, Rule
from planner.rules.context import RuleContext
from planner.rules.helpers import local_days
from planner.rules.text import quoted, when

if TYPE_CHECKING:
    from planner.rules.settings import NoSettings

__all__ = ["OutsideEventDates"]


class OutsideEventDates(Rule):
    """## What it does
    Compares the local dates of every occurrence (in the session's own zone) with the
    event's `dates` (inclusive). A session ending at midnight ends on the day before. All-day
    and repeating sessions are checked day by day, occurrence by occurrence. Events without
    `dates` are not checked.

    Cancelled sessions take no part.

    ## Why it matters
    The event's dates are what invitations, visas and hotel bookings are made for. A
    session a day after them is usually a typo in a date, or a repeat rule that runs past
    the end of the programme.

    ## Example
    ```yaml
    dates: {start: 2016-10-10, end: 2016-10-14}
    sessions:
      - {title: Farewell lunch, date: 2016-10-15, time: "12:00-13:30"}
    ```
    "is outside the event's dates (2016-10-10 to 2016-10-14): 1 day after its last day".

    ## How to fix
    Correct the session's date, or the event's `dates` if the programme really grew. For a
    repeating session, bound it with `UNTIL` or `COUNT`.
    """

    code = "outside-event-dates"

    def check(self, context: RuleContext, settings: NoSettings) -> Iterator[Finding]:
        events = context.programme.events
        for occurrence in context.occurrences:
            event = events[occurrence.session.event_id]
            if event.first_day is None or event.last_day is None:
                continue
            first, last = local_days(occurrence)
            if first >= event.first_day and last <= event.last_day:
                continue
            if first < event.first_day:
                off = f"{_days(event.first_day - first)} before its first day"
            else:
                off = f"{_days(last - event.last_day)} after its last day"
            yield Finding(
                f"{quoted(occurrence.session)} ({when(occurrence)}) is outside the event's dates "
                f"({event.first_day} to {event.last_day}): {off}",
                occurrence.session.location,
                (event.location,),
                (occurrence.session.key,),
                occurrence.session.people,
            )


def _days(gap: timedelta) -> str:
    return "1 day" if gap.days == 1 else f"{gap.days} days"
