"""What an itinerary or agenda is asked for: the time zone choice, and why a request fails."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from planner.exporters.itinerary.model import TimeView
from planner.languages import ENGLISH, Language
from planner.timeline.zones import closest_zone, get_zone, is_zone

__all__ = [
    "NotFound",
    "ScheduleError",
    "UnknownZone",
    "check_time_choice",
    "time_view",
    "view_text",
]


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


def time_view(choice: str, home: ZoneInfo | None, lang: Language = ENGLISH) -> TimeView:
    """The columns for ``--tz``: local with home beside it, or home / a zone with local beside."""
    local, home_time = lang.gettext("Local time"), lang.gettext("Home time")
    if choice == "local":
        return TimeView(None, home, False, local, home_time if home else None)
    zone = home if choice == "home" else get_zone(check_time_choice(choice))
    if zone is None:  # `home` for someone without a home zone: local times alone
        return TimeView(None, None, False, local, None)
    main = home_time if choice == "home" else lang.zone_name(zone)
    return TimeView(zone, None, True, main, local, main_is_home=choice == "home")


def view_text(view: TimeView, lang: Language = ENGLISH) -> str:
    """How the times read, for the header: ``local time, with home time beside ...``."""
    shift = lang.gettext("(+1) is the day after the day's heading")
    if view.main is None:
        if view.second is None:
            return lang.gettext("local time; {shift}").format(shift=shift)
        return lang.gettext(
            "local time, with home time ({zone}) beside it where it differs; {shift}"
        ).format(zone=_zone_text(view.second, lang), shift=shift)
    if view.main_is_home:
        main = lang.gettext("home time ({zone})").format(zone=_zone_text(view.main, lang))
    else:
        main = f"{view.main.key} time" if lang.english else view.main_label
    return lang.gettext("{main}, with local time beside it where it differs; {shift}").format(
        main=main, shift=shift
    )


def _zone_text(zone: ZoneInfo, lang: Language) -> str:
    """``Asia/Phnom_Penh`` in English; its city as the reader writes it otherwise (``프놈펜``)."""
    return zone.key if lang.english else lang.formats.city(zone) or zone.key
