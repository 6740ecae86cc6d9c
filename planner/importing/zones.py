"""The conference's time zone: the one it names, or else one that fits every offset.

frab and c3voc files carry each time with its UTC offset, and sometimes a zone name that
does not agree with them (pretalx's demo says UTC but writes +01:00). The offsets are what
the apps show, so they win: a named zone is kept only if it gives every offset; otherwise
the zone is deduced from them, and the programme says so in a comment.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from planner.timeline.zones import get_zone, is_zone, zone_names

__all__ = ["ZoneChoice", "choose_zone"]

_PREFERRED = (
    "Europe/Berlin", "Europe/London", "Europe/Lisbon", "Europe/Helsinki", "Europe/Moscow",
    "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles",
    "America/Sao_Paulo", "Asia/Tokyo", "Asia/Seoul", "Asia/Shanghai", "Asia/Kolkata",
    "Asia/Singapore", "Asia/Dubai", "Australia/Sydney", "Pacific/Auckland",
    "Africa/Johannesburg", "Africa/Lagos", "Africa/Nairobi", "UTC",
)  # fmt: skip
"""When several zones fit, the most widely used one comes first."""


@dataclass(frozen=True, slots=True)
class ZoneChoice:
    name: str
    note: str | None
    """Why this zone, when the file did not name it (or named one its times contradict)."""


def choose_zone(named: str | None, moments: Iterable[datetime]) -> ZoneChoice:
    samples = _samples(moments)
    if named and is_zone(named) and _fits(named, samples):
        return ZoneChoice(named, None)
    fitting = [name for name in _candidates(named) if _fits(name, samples)]
    offsets = ", ".join(sorted({_offset(offset) for _, offset in samples})) or "none"
    said = f"the file names {named}, whose offsets differ; " if named else ""
    if not fitting:
        fallback = named if named and is_zone(named) else "UTC"
        return ZoneChoice(fallback, f"{said}no zone gives every offset ({offsets}): check them")
    region = fitting[0].split("/")[0]
    alike = [name for name in fitting[1:] if name.startswith(region + "/")]
    others = ", ".join(alike[:3]) + (" ..." if len(fitting) > 4 else "")
    also = f" (also: {others})" if others else ""
    return ZoneChoice(
        fitting[0],
        f"{said}deduced from the offsets ({offsets}): {len(fitting)} zone(s) fit{also}",
    )


def _samples(moments: Iterable[datetime]) -> list[tuple[datetime, timedelta]]:
    """One instant per day and offset: enough to tell zones apart, and quick."""
    seen: dict[tuple[str, timedelta], datetime] = {}
    for moment in moments:
        offset = moment.utcoffset() or timedelta()
        seen.setdefault((moment.date().isoformat(), offset), moment)
    return [(moment, offset) for (_, offset), moment in sorted(seen.items())]


def _fits(name: str, samples: list[tuple[datetime, timedelta]]) -> bool:
    zone = get_zone(name)
    return all(moment.astimezone(zone).utcoffset() == offset for moment, offset in samples)


def _candidates(named: str | None) -> list[str]:
    """Preferred zones, then the named zone's region, then every Area/City, Etc/ last."""
    region = named.split("/")[0] + "/" if named and "/" in named else "\0"
    everything = sorted(name for name in zone_names() if "/" in name and not name.startswith(
        ("Etc/", "SystemV/", "US/", "Canada/", "Brazil/", "Mexico/", "Chile/")))  # fmt: skip
    ordered = [*_PREFERRED, *(n for n in everything if n.startswith(region)), *everything]
    ordered += sorted(name for name in zone_names() if name.startswith("Etc/GMT"))
    return [name for name in dict.fromkeys(ordered) if is_zone(name)]


def _offset(offset: timedelta) -> str:
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
