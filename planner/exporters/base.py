"""The one shape every exporter has: resolved programme + selection -> bytes or text.

An exporter declares what it produces (``name``, ``extension``, ``content_type``) and
implements ``export``. It never writes files and never reads YAML; the CLI (or a library
user) chooses an exporter, calls it, and writes the result with :func:`planner.output.write_atomic`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar, Protocol

from planner.timeline import Occurrence, Programme, Session

__all__ = ["Exporter", "Selection"]


@dataclass(frozen=True, slots=True)
class Selection:
    """Which part of the programme to export; empty means all of it.

    ``event``, ``person``, ``group`` and ``venue`` are ids; ``first_day``/``last_day``
    bound the local dates of occurrences (inclusive).
    """

    event: str | None = None
    person: str | None = None
    group: str | None = None
    venue: str | None = None
    first_day: date | None = None
    last_day: date | None = None

    @property
    def who(self) -> str | None:
        return self.person or self.group

    def sessions(self, programme: Programme) -> tuple[Session, ...]:
        """Sessions in the selection, in file order (dates are applied per occurrence)."""
        if self.who is not None:
            found = programme.sessions_of(self.who)
        elif self.venue is not None:
            found = programme.sessions_at(self.venue)
        else:
            found = programme.sessions
        if self.event is not None:
            found = tuple(session for session in found if session.event_id == self.event)
        return found

    def occurrences(self, programme: Programme) -> list[Occurrence]:
        """Occurrences of the selected sessions within the dates, sorted by start."""
        found = [
            occurrence
            for session in self.sessions(programme)
            for occurrence in session.occurrences
            if self._within(occurrence)
        ]
        found.sort(key=lambda occurrence: (occurrence.start, occurrence.session.key))
        return found

    def _within(self, occurrence: Occurrence) -> bool:
        if self.first_day is not None and occurrence.last_day < self.first_day:
            return False
        return not (self.last_day is not None and occurrence.first_day > self.last_day)


class Exporter(Protocol):
    """Anything with these attributes and ``export`` is an exporter."""

    name: ClassVar[str]
    """Short identifier used on the command line (``ics``, ``markdown``)."""
    extension: ClassVar[str]
    """File name extension without the dot."""
    content_type: ClassVar[str]
    """MIME type of the output."""

    def export(self, programme: Programme, selection: Selection) -> bytes | str:
        """The whole output for ``selection`` of ``programme``."""
        ...
