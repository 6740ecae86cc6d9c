"""Time zones from the bundled ``tzdata`` package, never the host's copy.

A host's /usr/share/zoneinfo may be years old (an old copy still puts Asia/Almaty at
UTC+6; it moved to UTC+5 on 2024-03-01), so the same programme would resolve differently
on different machines. Zones are read from the tzdata wheel pinned by the project.
"""

from __future__ import annotations

import difflib
from functools import cache
from importlib import resources
from zoneinfo import ZoneInfo

__all__ = ["closest_zone", "get_zone", "is_zone", "zone_names"]


@cache
def zone_names() -> frozenset[str]:
    listing = resources.files("tzdata").joinpath("zones").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in listing.splitlines() if line.strip())


@cache
def _lowercase_names() -> dict[str, str]:
    return {name.lower(): name for name in zone_names()}


def is_zone(name: str) -> bool:
    return name in zone_names()


@cache
def get_zone(name: str) -> ZoneInfo:
    """The zone called ``name`` (an IANA name; check with :func:`is_zone` first)."""
    if name == "UTC":
        name = "Etc/UTC"
    parts = name.split("/")
    source = resources.files("tzdata.zoneinfo").joinpath(*parts)
    with source.open("rb") as data:
        return ZoneInfo.from_file(data, key="UTC" if name == "Etc/UTC" else name)


def closest_zone(name: str) -> str | None:
    """The IANA name a typo most likely meant (``asia/seoul``, ``Asia/Seol``)."""
    exact = _lowercase_names().get(name.lower().replace(" ", "_"))
    if exact:
        return exact
    matches = difflib.get_close_matches(name, sorted(zone_names()), n=1, cutoff=0.6)
    return matches[0] if matches else None
