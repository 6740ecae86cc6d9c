"""A zone's transitions as the tz database lists them (TZif files of the bundled tzdata).

zoneinfo computes offsets from these files but does not expose the transitions; VTIMEZONEs
are built from them directly, rather than by scanning the calendar day by day. After the
last listed transition a zone follows the POSIX rule at the file's end (``EST5EDT,M3.2.0,
M11.1.0``), or keeps its offset when that rule has no daylight-saving part.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = ["ZoneTable", "zone_table"]

_HEADER = struct.Struct(">4sc15x6l")


@dataclass(frozen=True, slots=True)
class ZoneTable:
    transitions: tuple[int, ...]
    """Every listed transition, in seconds since the epoch (UTC), in order."""
    yearly_rule: bool
    """Whether a daylight-saving rule goes on every year after the last listed transition."""


@cache
def zone_table(key: str) -> ZoneTable:
    """The listed transitions of the zone called ``key`` in the bundled tz database."""
    name = "Etc/UTC" if key == "UTC" else key
    raw = resources.files("tzdata.zoneinfo").joinpath(*name.split("/")).read_bytes()
    magic, version, isutc, isstd, leaps, times, types, chars = _HEADER.unpack_from(raw)
    if magic != b"TZif":
        raise ValueError(f"{key} is not a TZif file")
    if version == b"\x00":  # version 1: 32-bit times, no rule at the end
        found = struct.unpack_from(f">{times}l", raw, _HEADER.size)
        return ZoneTable(tuple(found), yearly_rule=False)
    # Version 2 and later repeat the data with 64-bit times after the version-1 block.
    skip = times * 5 + types * 6 + chars + leaps * 8 + isstd + isutc
    start = _HEADER.size + skip
    _, _, isutc, isstd, leaps, times, types, chars = _HEADER.unpack_from(raw, start)
    found = struct.unpack_from(f">{times}q", raw, start + _HEADER.size)
    data_end = start + _HEADER.size + times * 9 + types * 6 + chars + leaps * 12 + isstd + isutc
    footer = raw[data_end:].strip(b"\n")
    return ZoneTable(tuple(found), yearly_rule=b"," in footer)
