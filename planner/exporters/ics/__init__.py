"""iCalendar feeds (RFC 5545, RFC 7986) of a programme, exact in every calendar and reproducible.

    >>> from planner.exporters.ics import IcsExporter, all_feeds
    >>> IcsExporter().export(programme, Selection(person="lee-kyong-yul"))  # bytes
    >>> all_feeds(programme)  # {"programme.ics": b"...", "people/lee-kyong-yul.ics": ...}

Modules: ``text`` (escaping and folding), ``vtimezone`` (zones from the bundled tzdata),
``vevent`` (one VEVENT per session or travel leg), ``feed`` (calendars, the exporter).
"""

from planner.exporters.ics.feed import (
    FeedWriter,
    IcsExporter,
    UnknownId,
    all_feeds,
    check_selection,
    dtstamp,
    iter_feeds,
    selected_sessions,
    selected_travel,
)
from planner.exporters.ics.vevent import Revision, leg_uids, session_uid

__all__ = [
    "FeedWriter",
    "IcsExporter",
    "Revision",
    "UnknownId",
    "all_feeds",
    "check_selection",
    "dtstamp",
    "iter_feeds",
    "leg_uids",
    "selected_sessions",
    "selected_travel",
    "session_uid",
]
