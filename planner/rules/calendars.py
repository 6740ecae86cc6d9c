"""Public holidays and weekends per country, from the ``holidays`` package, memoised.

Many sessions share a few dates, so each (country, day) is looked up once. Countries the
package does not know have no holidays here and the Saturday-Sunday weekend.

The answers are also kept in planner's cache (:class:`~planner.cache.StoredAnswers`), by the
installed package's version: importing ``holidays`` is a fifth of a small ``planner
validate``, and a programme checked again (on every save, by an editor or pre-commit) asks
the same questions.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Any

from planner.cache import StoredAnswers

if TYPE_CHECKING:
    from holidays import HolidayBase

__all__ = ["country_name", "holiday_name", "is_weekend", "weekend_days"]

_DEFAULT_WEEKEND = frozenset({5, 6})
_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_ANSWERS_FORMAT = 1
"""Changed when planner words an answer differently: the answers kept before are not read."""
_UNKNOWN: Any = object()


@cache
def _answers() -> StoredAnswers:
    return StoredAnswers("holidays", _package_version())


def _package_version() -> str | None:
    """The installed ``holidays`` package, told apart without importing it (its files)."""
    import importlib.util
    import os

    spec = importlib.util.find_spec("holidays")
    if spec is None or spec.origin is None:
        return None
    try:
        stat = os.stat(spec.origin)
    except OSError:
        return None
    return f"{_ANSWERS_FORMAT}-{stat.st_mtime_ns:x}-{stat.st_size:x}"


def _remembered(question: str, answer: Callable[[], Any]) -> Any:
    answers = _answers()
    found = answers.get(question, _UNKNOWN)
    if found is _UNKNOWN:
        found = answer()
        answers.put(question, found)
    return found


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
    found: str | None = _remembered(
        f"holiday|{country}|{day.isoformat()}", lambda: _holiday_name(country, day)
    )
    return found


def _holiday_name(country: str, day: date) -> str | None:
    calendar = _calendar(country)
    return calendar.get(day) if calendar is not None else None


@cache
def is_weekend(country: str, day: date) -> bool:
    """Whether ``day`` is a weekend day in ``country`` (and not a declared working day)."""
    found: bool = _remembered(
        f"weekend|{country}|{day.isoformat()}", lambda: _is_weekend(country, day)
    )
    return found


def _is_weekend(country: str, day: date) -> bool:
    calendar = _calendar(country)
    if calendar is None:
        return day.weekday() in _DEFAULT_WEEKEND
    if not calendar.is_weekend(day):
        return False
    day in calendar  # noqa: B015 - populates the year, so its moved working days are known
    return day not in calendar.weekend_workdays


def weekend_days(country: str, day: date) -> str:
    """The weekend of ``country`` around ``day`` in words: ``Saturday and Sunday``."""
    found: str = _remembered(
        f"weekend-days|{country}|{day.isoformat()}", lambda: _weekend_days(country, day)
    )
    return found


def _weekend_days(country: str, day: date) -> str:
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
    found: str = _remembered(f"country|{code}", lambda: _country_name(code))
    return found


def _country_name(code: str) -> str:
    _countries_without_their_index()
    from holidays.registry import COUNTRIES

    for class_name, *codes in COUNTRIES.values():
        if code in codes:
            words = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", class_name)
            return f"{words} ({code})"
    return code
