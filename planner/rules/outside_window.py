"""``outside-window``: a placed session stays inside its `window` and after what it follows."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import TYPE_CHECKING

from planner.rules.base import Finding, Rule
from planner.rules.context import RuleContext
from planner.rules.text import duration, quoted, span, stamp, when
from planner.timeline import Occurrence, Session
from planner.timeline.open_sessions import OpenSession

if TYPE_CHECKING:
    from planner.rules.settings import NoSettings

__all__ = ["OutsideWindow"]


class OutsideWindow(Rule):
    """## What it does
    Checks every session that keeps its `window` once it has a time (placed by
    `planner schedule`, or by hand): the whole session must lie inside the window, in the
    window's zone, and it must start no earlier than the end of each session its `after`
    names. Sessions still open (no time yet) are reported as `unscheduled` instead.

    Cancelled sessions take no part, on either side of `after`.

    ## Why it matters
    A window is what the organisers agreed with a host ("any time on Tuesday or Wednesday
    morning"), and `after` an order that must hold (the briefing before the visit).
    `planner schedule` respects both, but a later edit by hand, or a moved session that
    another one follows, can break them without any other rule noticing.

    ## Example
    ```yaml
    sessions:
      - {id: briefing, title: Briefing, date: 2016-10-11, time: "09:00-10:00"}
      - id: pangyo-visit
        title: Pangyo Techno Valley
        duration: 2h
        window: {from: "2016-10-11 09:00", to: "2016-10-11 13:00"}
        after: [briefing]
        start: "2016-10-11 12:00"
    ```
    ""Pangyo Techno Valley" (2016-10-11 12:00-14:00 KST) runs 1 h past the end of its
    window (2016-10-11 09:00-13:00 KST)".

    ## How to fix
    Move the session back inside its window and after what it follows (or reopen it:
    `planner schedule --reopen ID`), or widen the window if the host agreed.
    """

    code = "outside-window"

    def check(self, context: RuleContext, settings: NoSettings) -> Iterator[Finding]:
        for found in context.programme.open_sessions:
            placed = found.placed
            if placed is None or placed.cancelled:
                continue
            for occurrence in placed.occurrences:
                if not occurrence.all_day:
                    yield from _window(found, occurrence)
                    yield from _order(context, found, occurrence)


def _window(found: OpenSession, occurrence: Occurrence) -> Iterator[Finding]:
    zone = found.timezone
    start, end = occurrence.start.astimezone(zone), occurrence.end.astimezone(zone)
    early = (found.window_start - start).total_seconds()
    late = (end - found.window_end).total_seconds()
    if early <= 0 and late <= 0:
        return
    window = f"its window ({span(found.window_start, found.window_end)})"
    off = (
        f"starts {duration(early)} before {window} opens"
        if early > 0
        else f"runs {duration(late)} past the end of {window}"
    )
    session = occurrence.session
    yield Finding(
        f"{quoted(session)} ({span(start, end)}) {off}",
        session.location,
        (),
        (session.key,),
        session.people,
    )


def _order(context: RuleContext, found: OpenSession, occurrence: Occurrence) -> Iterator[Finding]:
    event = context.programme.events.get(found.event_id)
    if event is None:
        return
    by_id = {session.id: session for session in event.sessions}
    for target_id in found.after:
        target = by_id.get(target_id)
        if target is None or target.cancelled:
            continue  # unknown (a loading error) or still open: nothing to compare yet
        last = _last_end(target)
        if last is None or last <= occurrence.start:
            continue
        session = occurrence.session
        yield Finding(
            f"{quoted(session)} ({when(occurrence)}) must start after {quoted(target)} ends "
            f"({stamp(last.astimezone(occurrence.start.tzinfo))}), but starts "
            f"{duration((last - occurrence.start).total_seconds())} before that",
            session.location,
            (target.location,),
            (session.key, target.key),
            session.people,
        )


def _last_end(session: Session) -> datetime | None:
    ends = [o.end for o in session.occurrences if not o.all_day]
    return max(ends) if ends else None
