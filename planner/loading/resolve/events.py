"""Events: their organisers, venue, zone and dates, and the sessions in them."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from planner.diagnostics import Severity
from planner.loading.open_sessions import OpenSessionReader, is_open, unscheduled_message
from planner.loading.resolve.context import Context, slugify
from planner.loading.resolve.sessions import SessionResolver
from planner.loading.validate import Entry
from planner.suggest import closest
from planner.timeline import objects as timeline
from planner.timeline.open_sessions import OpenSession
from planner.timeline.times import OutOfRange, parse_date

if TYPE_CHECKING:
    from planner.model import Event as EventModel

__all__ = ["resolve_event"]


def resolve_event(context: Context, entry: Entry, programme_zone: ZoneInfo) -> timeline.Event:
    model: EventModel = entry.model
    for index, organiser in enumerate(model.organisers):
        context.refer(("organisations",), organiser, entry, "organisers", index)
    if model.venue:
        context.refer(("venues",), model.venue, entry, "venue")
    for index, participant in enumerate(model.participants):
        context.refer(("people", "groups"), participant, entry, "participants", index)
    zone = context.zone(model.timezone, entry, "timezone") if model.timezone else None
    first_day, last_day = _event_dates(context, entry)
    event = timeline.Event(
        id=entry.id,
        title=context.text(model.title),
        kind=model.kind,
        organiser_ids=tuple(model.organisers),
        description=context.optional_text(model.description),
        url=model.url,
        first_day=first_day,
        last_day=last_day,
        venue_id=model.venue if model.venue in context.venues else None,
        timezone=zone,
        participants=tuple(model.participants),
        status=model.status,
        tags=tuple(model.tags),
        sessions=(),
        location=context.where(entry, at_key=True),
    )
    # Sessions read the event's settings (venue, zone, people, last day), so they are
    # resolved against the event without them and the event is then completed.
    return dataclasses.replace(event, sessions=_sessions(context, entry, event, programme_zone))


def _sessions(
    context: Context, entry: Entry, event: timeline.Event, programme_zone: ZoneInfo
) -> tuple[timeline.Session, ...]:
    sessions: list[timeline.Session] = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(entry.model.sessions):
        if raw is None:
            continue  # failed validation, already reported
        session = None
        if is_open(raw):
            session_id = raw.id or slugify(context.text(raw.title))
        else:
            session = SessionResolver(context, entry, event, raw, index, programme_zone).run()
            if session is None:
                continue
            session_id = session.id
        if session_id in seen:
            context.report(
                "duplicate-id",
                f"the session id `{session_id}` is used twice in this event (first by "
                f"sessions[{seen[session_id]}]); give each session its own `id`",
                context.where(entry, "sessions", index),
            )
            continue
        seen[session_id] = index
        if session is not None:
            sessions.append(session)
        if raw.window is not None:
            reader = OpenSessionReader(context, entry, event, raw, index, programme_zone)
            _open_session(context, reader.run(session, session_id))
    _check_after(context, entry, seen)
    return tuple(sessions)


def _open_session(context: Context, found: OpenSession | None) -> None:
    """Keep a session with a window for ``planner schedule``; an open one is a warning."""
    if found is None:
        return
    context.open_sessions.append(found)
    if found.placed is None:
        context.report("unscheduled", unscheduled_message(found), found.location, Severity.WARNING)


def _check_after(context: Context, entry: Entry, seen: dict[str, int]) -> None:
    """``after`` names sessions of the same event."""
    for index, raw in enumerate(entry.model.sessions):
        for position, target in enumerate(raw.after if raw is not None else ()):
            if target not in seen:
                guess = closest(target, seen)
                hint = f"; did you mean `{guess}`?" if guess else ""
                context.report(
                    "unknown-reference",
                    f"there is no session `{target}` in this event{hint}",
                    context.where(entry, "sessions", index, "after", position),
                )


def _event_dates(context: Context, entry: Entry) -> tuple[date | None, date | None]:
    dates = entry.model.dates
    if dates is None:
        return None, None
    try:
        first, last = parse_date(dates.start), parse_date(dates.end)
    except OutOfRange as error:
        context.report("value-out-of-range", str(error), context.where(entry, "dates"))
        return None, None
    except ValueError:
        context.report(
            "schema", "the event's dates are not real dates", context.where(entry, "dates")
        )
        return None, None
    if last < first:
        context.report(
            "end-before-start",
            f"the event ends ({last}) before it starts ({first})",
            context.where(entry, "dates", "end"),
        )
    return first, last
