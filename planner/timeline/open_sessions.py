"""Open sessions: sessions with a length and a window but no time yet.

``planner schedule`` places them; until then no rule or exporter sees them (they are not
in :attr:`Programme.sessions`). A placed session that keeps its ``window`` is described
here too, with ``placed`` set, so that ``planner schedule --reopen`` can move it again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from planner.diagnostics import Location
from planner.timeline.objects import Session

__all__ = ["OpenSession"]


@dataclass(frozen=True, slots=True, eq=False)
class OpenSession:
    """A session to place: its length, its window and where it may happen."""

    id: str
    event_id: str
    index: int
    """Position in the event's ``sessions`` list, as written (to edit the file)."""
    title: str
    kind: str
    duration: timedelta
    window_start: datetime
    """Earliest start (aware, in ``timezone``)."""
    window_end: datetime
    """Latest end (aware, in ``timezone``)."""
    timezone: ZoneInfo
    venue_ids: tuple[str | None, ...]
    """Candidate venues; ``(None,)`` for an online session or one with no venue."""
    room_ids: tuple[str, ...]
    """Candidate rooms (of whichever candidate venue has them); empty: no room."""
    after: tuple[str, ...]
    """Ids of sessions of the same event that must end before this one starts."""
    people: tuple[str, ...]
    expected_attendance: int
    online_url: str | None
    origin_venue_id: str | None
    destination_venue_id: str | None
    allow: frozenset[str]
    status: str
    location: Location
    placed: Session | None = None
    """The session as placed, when it already has a time (it can be reopened)."""

    @property
    def key(self) -> str:
        return f"{self.event_id}/{self.id}"

    @property
    def is_open(self) -> bool:
        return self.placed is None

    def __hash__(self) -> int:
        return hash(self.key)
