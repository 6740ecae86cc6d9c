"""Zone abbreviations people write (EAT, CET, KST, IST) and the IANA zones that use them.

An abbreviation names no place (IST is India, Ireland and Israel), so planner does not guess:
it lists the zones that use it, those of the programme's own countries first.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from functools import cache
from importlib import resources

from planner.timeline.zones import get_zone

__all__ = ["zones_using"]

# Winter and summer of a recent year: the abbreviations in use today.
_MOMENTS = (datetime(2025, 1, 15, 12), datetime(2025, 7, 15, 12))


@cache
def _countries_by_zone() -> dict[str, tuple[str, ...]]:
    """Each inhabited zone and the countries (ISO 3166 codes) it serves, from zone.tab."""
    text = resources.files("tzdata.zoneinfo").joinpath("zone.tab").read_text(encoding="utf-8")
    found: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            country, _, name, *_ = line.split("\t")
            found[name] = (*found.get(name, ()), country)
    return found


@cache
def _abbreviations() -> dict[str, tuple[str, ...]]:
    """Each alphabetic abbreviation and the zones that use it now (winter or summer)."""
    found: dict[str, list[str]] = {}
    for name in _countries_by_zone():
        zone = get_zone(name)
        for moment in _MOMENTS:
            abbreviation = moment.replace(tzinfo=zone).tzname() or ""
            if abbreviation.isalpha() and name not in found.get(abbreviation, []):
                found.setdefault(abbreviation, []).append(name)
    return {key: tuple(names) for key, names in found.items()}


def zones_using(abbreviation: str, countries: Collection[str] = ()) -> list[str]:
    """The zones that use ``abbreviation`` (any case), those serving ``countries`` first."""
    names = _abbreviations().get(abbreviation.upper(), ())
    wanted = {country.upper() for country in countries}
    countries_of = _countries_by_zone()
    return sorted(names, key=lambda name: not wanted.intersection(countries_of.get(name, ())))
