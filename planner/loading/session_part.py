"""What reading one session starts from, whether it has a time (the resolver) or a window
(an open session): where it is written, and how a problem there is reported."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol
from zoneinfo import ZoneInfo

from planner.diagnostics import Location, Severity
from planner.loading.sourcemap import PathPart
from planner.timeline import objects as timeline

if TYPE_CHECKING:
    from planner.model import Session as SessionModel

__all__ = ["Host", "SessionPart", "Where"]

Where = Location | Callable[[], Location]
"""A place, or how to find it when a diagnostic is actually kept (finding one walks the
source map; past the budget per code nothing is kept)."""


class Host(Protocol):
    """What the resolver offers: venues, locations, reports, references, zones, groups."""

    venues: dict[str, timeline.Venue]

    def where(self, entry: Any, *sub: PathPart, at_key: bool = False) -> Location: ...

    def report(
        self, code: str, message: str, where: Where, severity: Severity = Severity.ERROR
    ) -> None: ...

    def refer(self, kinds: Sequence[str], target: str, entry: Any, *sub: PathPart) -> bool: ...

    def zone(self, name: str, entry: Any, *sub: PathPart) -> ZoneInfo | None: ...

    def text(self, value: str | Mapping[str, str]) -> str: ...

    def expand(self, ids: Iterable[str]) -> list[str]: ...


class SessionPart:
    """The session at ``sessions[index]`` of ``event``, as written (``raw``)."""

    def __init__(
        self,
        host: Host,
        entry: Any,
        event: timeline.Event,
        raw: SessionModel,
        index: int,
        programme_zone: ZoneInfo,
    ) -> None:
        self.host = host
        self.entry = entry
        self.event = event
        self.raw = raw
        self.index = index
        self.programme_zone = programme_zone
        self.ok = True

    def at(self, *sub: PathPart) -> Location:
        return self.host.where(self.entry, "sessions", self.index, *sub)

    def place(self, *sub: PathPart) -> Callable[[], Location]:
        """Where ``sub`` is, found only if a diagnostic there is kept."""
        return lambda: self.at(*sub)

    def error(self, code: str, message: str, *sub: PathPart) -> None:
        self.host.report(code, message, self.place(*sub))
        self.ok = False
