"""Public holidays and weekends per country, from the ``holidays`` package, memoised.

Many sessions share a few dates, so each (country, day) is looked up once. Countries the
package does not know have no holidays here and the Saturday-Sunday weekend.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from holidays import HolidayBase

__all__ = ["country_name", "holiday_name", "is_weekend", "weekend_days"]

_DEFAULT_WEEKEND = frozenset({5, 6})
_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _countries_without_their_index() -> None:
    """Register ``holidays.countries`` without running its ``__init__``, which imports all
    ~250 countries (0.2 s of every ``planner validate``); a calendar needs only its own
    country's module, which the package's registry imports by name."""
    import importlib.util
    import sys

    if "holidays.countries" in sys.modules:
        return
    spec = importlib.util.find_spec("holidays.countries")
    if spec is not None and spec.submodule_search_locations is not None:
        sys.modules["holidays.countries"] = importlib.util.module_from_spec(spec)


@cache
def _calendar(country: str) -> HolidayBase | None:
    _countries_without_their_index()
    import holidays  # imported on first use: it is a large package

    try:
        calendar = holidays.country_holidays(country)
    except NotImplementedError:
        return None
    if "en_US" in (calendar.supported_languages or ()):
        return holidays.country_holidays(country, language="en_US")
    return calendar


@cache
def holiday_name(country: str, day: date) -> str | None:
    """The public holiday(s) on ``day`` in ``country`` (``"Chuseok; National Day"``), or None."""
    calendar = _calendar(country)
    return calendar.get(day) if calendar is not None else None


@cache
def is_weekend(country: str, day: date) -> bool:
    """Whether ``day`` is a weekend day in ``country`` (and not a declared working day)."""
    calendar = _calendar(country)
    if calendar is None:
        return day.weekday() in _DEFAULT_WEEKEND
    if not calendar.is_weekend(day):
        return False
    day in calendar  # noqa: B015 - populates the year, so its moved working days are known
    return day not in calendar.weekend_workdays


def weekend_days(country: str, day: date) -> str:
    """The weekend of ``country`` around ``day`` in words: ``Saturday and Sunday``."""
    calendar = _calendar(country)
    if calendar is None:
        days = sorted(_DEFAULT_WEEKEND)
    else:
        days = [number for number in range(7) if _weekday_in_weekend(calendar, day, number)]
    named = [_DAY_NAMES[number] for number in days]
    return " and ".join(named) if len(named) <= 2 else ", ".join(named)


def _weekday_in_weekend(calendar: HolidayBase, day: date, weekday: int) -> bool:
    probe = date.fromordinal(day.toordinal() - day.weekday() + weekday)
    return bool(calendar.is_weekend(probe))


@cache
def country_name(code: str) -> str:
    """``KR`` -> ``South Korea (KR)``, from the package's own names; the code if unknown."""
    from holidays.registry import COUNTRIES

    for class_name, *codes in COUNTRIES.values():
        if code in codes:
            words = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", class_name)
            return f"{words} ({code})"
    return code
