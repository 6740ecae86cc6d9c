"""The one shape every exporter has: what it reads, a selection -> bytes.

An exporter declares what it produces (``name``, ``extension``, ``content_type``) and
implements ``export``; text formats return UTF-8 bytes, so binary formats (PDF, XLSX) fit
the same contract. An exporter of a set of files also has ``files``. It never writes files
and never reads YAML; the CLI (or a library user) picks one from
:mod:`planner.exporters.registry`, calls it, and writes the result with :mod:`planner.output`.

Three protocols, by what the output is made from: a programme (feeds, itineraries,
agendas, listings), the diagnostics of a validation (reports), a comparison (diffs).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, ClassVar, Protocol

from planner.diagnostics import Diagnostic
from planner.timeline import Occurrence, Programme, Session

if TYPE_CHECKING:  # the diff package is only loaded by `planner diff`
    from planner.diff.compare import ProgrammeDiff

__all__ = ["DiffExporter", "Exporter", "FolderExporter", "ReportExporter", "Selection"]


@dataclass(frozen=True, slots=True)
class Selection:
    """Which part of the programme to export; empty means all of it.

    ``event``, ``person``, ``group`` and ``venue`` are ids; ``rooms`` are room ids (of
    the venue, if one is given); ``first_day``/``last_day`` bound the local dates of
    occurrences (inclusive).
    """

    event: str | None = None
    person: str | None = None
    group: str | None = None
    venue: str | None = None
    first_day: date | None = None
    last_day: date | None = None
    rooms: tuple[str, ...] = ()

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
        if self.rooms:
            found = tuple(session for session in found if session.room_id in self.rooms)
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
    """An output made from a programme: anything with these attributes and ``export``."""

    name: ClassVar[str]
    """Short identifier used on the command line (``ics``, ``markdown``)."""
    extension: ClassVar[str]
    """File name extension without the dot."""
    content_type: ClassVar[str]
    """MIME type of the output."""

    def export(self, programme: Programme, selection: Selection) -> bytes:
        """The whole output for ``selection`` of ``programme``."""
        ...


class FolderExporter(Exporter, Protocol):
    """An output that is also a set of files (one per event, person, group ...)."""

    def files(self, programme: Programme, selection: Selection) -> Iterator[tuple[str, bytes]]:
        """``(relative path, bytes)`` for every file, one at a time (paths use ``/``)."""
        ...


class ReportExporter(Protocol):
    """An output made from the diagnostics of the files checked (``planner validate``)."""

    name: ClassVar[str]
    extension: ClassVar[str]
    content_type: ClassVar[str]

    def export(self, diagnostics: Sequence[Diagnostic], files: Sequence[str]) -> bytes:
        """The whole report."""
        ...


class DiffExporter(Protocol):
    """An output made from the comparison of two versions (``planner diff``)."""

    name: ClassVar[str]
    extension: ClassVar[str]
    content_type: ClassVar[str]

    def export(self, diff: ProgrammeDiff) -> bytes:
        """The whole report of what changed."""
        ...
