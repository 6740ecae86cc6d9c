"""``public-holiday``: sessions on the venue country's public holidays."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from planner.rules.base import Finding, Rule
from planner.rules.calendars import country_name, holiday_name
from planner.rules.context import RuleContext
from planner.rules.helpers import days_of, venue_of
from planner.rules.text import quoted, when

if TYPE_CHECKING:
    from planner.rules.settings import NoSettings

__all__ = ["PublicHoliday"]


class PublicHoliday(Rule):
    """## What it does
    Looks up every day of every occurrence (in the session's local time) in the public
    holidays of its venue's `country`, from the `holidays` package (national holidays,
    observed days included), and names the holiday. For a transfer the origin venue counts.
    Sessions without a venue, and venues without a `country`, are not checked. All-day
    sessions are checked day by day.

    Cancelled sessions take no part.

    ## Why it matters
    On a public holiday offices are shut, officials are away, public transport runs a
    Sunday service, and venues charge more or close. A visit to a ministry on Chuseok or a
    workshop on Nowruz will be empty.

    ## Example
    ```yaml
    venues:
      seoul-city-hall: {name: Seoul City Hall, country: KR, timezone: Asia/Seoul}
    sessions:
      - {title: Briefing, date: 2016-10-03, time: "10:00-11:00", venue: seoul-city-hall}
    ```
    "falls on National Foundation Day, a public holiday in South Korea (KR)".

    ## How to fix
    Move the session to a working day. If the holiday is known and accepted (a cultural
    programme on purpose), add `allow: [public-holiday]` to the session.
    """

    code = "public-holiday"

    def check(self, context: RuleContext, settings: NoSettings) -> Iterator[Finding]:
        for occurrence in context.occurrences:
            venue = venue_of(context, occurrence)
            if venue is None or venue.country is None:
                continue
            found = [
                (day, name)
                for day in days_of(occurrence)
                if (name := holiday_name(venue.country, day)) is not None
            ]
            if not found:
                continue
            country = country_name(venue.country)
            if len(found) == 1:
                what = f"falls on {found[0][1]}, a public holiday in {country}"
            else:
                listed = ", ".join(f"{name} ({day})" for day, name in found)
                what = f"takes in public holidays in {country}: {listed}"
            yield Finding(
                f"{quoted(occurrence.session)} ({when(occurrence)}) {what}",
                occurrence.session.location,
                sessions=(occurrence.session.key,),
                people=occurrence.session.people,
            )
