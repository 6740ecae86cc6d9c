"""``weekend``: sessions on the venue country's weekend."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from planner.rules.base import Finding, Rule
from planner.rules.calendars import country_name, is_weekend, weekend_days
from planner.rules.context import RuleContext
from planner.rules.helpers import days_of, venue_of
from planner.rules.text import quoted, when

if TYPE_CHECKING:
    from planner.rules.settings import NoSettings

__all__ = ["Weekend"]


class Weekend(Rule):
    """## What it does
    Checks every day of every occurrence (in the session's local time) against the weekend
    of its venue's `country`, which is not Saturday and Sunday everywhere: Friday and
    Saturday in Saudi Arabia and Israel, Friday in Iran. Saturdays declared working days
    (moved holidays) do not count. For a transfer the origin venue counts; sessions
    without a venue or a country are not checked.

    Cancelled sessions take no part.

    ## Why it matters
    Weekend sessions are often deliberate (a study tour's free day, a monthly debate on a
    fixed date), so this is only information, but a weekend date in a working programme is
    often a slip of the calendar, and the hosts' staff and venues may not be there.

    ## Example
    ```yaml
    venues:
      kingdom-centre: {name: Kingdom Centre, country: SA, timezone: Asia/Riyadh}
    sessions:
      - {title: Workshop, date: 2024-03-08, time: "10:00-12:00", venue: kingdom-centre}
    ```
    "falls on a Friday, a weekend day in Saudi Arabia (SA) (weekend: Friday and Saturday)".

    ## How to fix
    Move the session to a working day, or mark the weekend as intended with
    `allow: [weekend]` on the session (or `weekend: off` for the whole programme).
    """

    code = "weekend"

    def check(self, context: RuleContext, settings: NoSettings) -> Iterator[Finding]:
        for occurrence in context.occurrences:
            venue = venue_of(context, occurrence)
            if venue is None or venue.country is None:
                continue
            country = venue.country
            found = [day for day in days_of(occurrence) if is_weekend(country, day)]
            if not found:
                continue
            first = found[0]
            if len(found) == 1:
                what = f"falls on a {first:%A}, a weekend day"
            else:
                what = f"takes in {len(found)} weekend days ({', '.join(map(str, found))})"
            yield Finding(
                f"{quoted(occurrence.session)} ({when(occurrence)}) {what} in "
                f"{country_name(country)} (weekend: {weekend_days(country, first)})",
                occurrence.session.location,
                sessions=(occurrence.session.key,),
                people=occurrence.session.people,
            )
