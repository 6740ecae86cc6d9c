"""What an itinerary or agenda is asked for: the time zone choice, and why a request fails."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from planner.exporters.itinerary.model import TimeView
from planner.timeline.zones import closest_zone, get_zone, is_zone

__all__ = [
    "NotFound",
    "ScheduleError",
    "UnknownZone",
    "check_time_choice",
    "time_view",
    "view_text",
]


_SHIFT = "(+1) is the day after the day's heading"


class ScheduleError(ValueError):
    """The itinerary or agenda asked for cannot be built as asked."""


class NotFound(ScheduleError, LookupError):
    """No person, group, event or venue has this id."""

    def __init__(self, kind: str, wanted: str, known: Iterable[str]) -> None:
        guesses = difflib.get_close_matches(wanted, list(known), n=1)
        self.suggestion = guesses[0] if guesses else None
        hint = f"; did you mean `{self.suggestion}`?" if self.suggestion else ""
        super().__init__(f"there is no {kind} `{wanted}`{hint}")


class UnknownZone(ScheduleError):
    """``--tz`` is neither ``local``, ``home`` nor an IANA zone name."""


def check_time_choice(choice: str) -> str:
    """``local``, ``home`` or an IANA zone name, as given; raises :class:`UnknownZone`."""
    if choice in ("local", "home") or is_zone(choice):
        return choice
    guess = closest_zone(choice)
    hint = f"; did you mean `{guess}`?" if guess else ""
    raise UnknownZone(f"`{choice}` is not local, home or an IANA time zone name{hint}")


def time_view(choice: str, home: ZoneInfo | None) -> TimeView:
    """The columns for ``--tz``: local with home beside it, or home / a zone with local beside."""
    if choice == "local":
        return TimeView(None, home, False, "Local time", "Home time" if home else None)
    zone = home if choice == "home" else get_zone(check_time_choice(choice))
    if zone is None:  # `home` for someone without a home zone: local times alone
        return TimeView(None, None, False, "Local time", None)
    return TimeView(zone, None, True, "Home time" if choice == "home" else zone.key, "Local time")


def view_text(view: TimeView) -> str:
    """How the times read, for the header: ``local time, with home time beside ...``."""
    if view.main is None:
        if view.second is None:
            return f"local time; {_SHIFT}"
        return (
            f"local time, with home time ({view.second.key}) beside it where it differs; {_SHIFT}"
        )
    home = view.main_label == "Home time"
    main = f"home time ({view.main.key})" if home else f"{view.main.key} time"
    return f"{main}, with local time beside it where it differs; {_SHIFT}"
