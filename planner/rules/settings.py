"""The rules' settings as pydantic models: what ``programme.rules`` may write for each rule.

A rule names its settings model (``Rule.settings_name``); this module is imported only when
pydantic is needed: to word a wrong setting, and for the documentation. A programme's
well-formed settings are read by the quick check (:mod:`planner.model.quick`) from the
shapes generated from these models, so ``planner validate`` does not import pydantic.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, PositiveFloat, PositiveInt, field_validator

from planner.model.fields import Duration, Id
from planner.timeline.times import parse_time

__all__ = [
    "SETTINGS_MODELS",
    "LongDaySettings",
    "MissingTranslationSettings",
    "NightSettings",
    "NoSettings",
    "PersonDoubleBookedSettings",
    "RuleSettings",
    "TravelTimeEntry",
    "TravelTimeSettings",
    "settings_model",
]


class RuleSettings(BaseModel):
    """Base of every rule's settings: unknown settings are errors (typos must not pass)."""

    # Built on first use: only the settings a programme writes wrong are ever validated here.
    model_config = ConfigDict(defer_build=True, extra="forbid", frozen=True, populate_by_name=False)


class NoSettings(RuleSettings):
    """The rule has no settings besides its severity."""


class LongDaySettings(RuleSettings):
    """``long-day``."""

    max_hours: PositiveFloat = Field(
        10, description="Longest day allowed, first start to last end, in hours."
    )


class MissingTranslationSettings(RuleSettings):
    """``missing-translation``."""

    listed: PositiveInt = Field(
        5,
        description="Texts reported one by one per language; one more message counts the rest.",
    )


class NightSettings(RuleSettings):
    """``night-session``."""

    night_from: str = Field("22:00", alias="from", description="When the night starts (HH:MM).")
    night_to: str = Field("07:00", alias="to", description="When the night ends (HH:MM).")

    @field_validator("night_from", "night_to")
    @classmethod
    def _clock(cls, value: str) -> str:
        try:
            parse_time(value)
        except (ValueError, TypeError):
            raise ValueError("should be a time like 22:00") from None
        return value


class PersonDoubleBookedSettings(RuleSettings):
    """``person-double-booked``."""

    count_hosts: bool = Field(
        False,
        description="Count a session's `hosts` too (by default they need not attend all of it).",
    )


class TravelTimeSettings(RuleSettings):
    """``travel-time``."""

    speed_kmh: PositiveFloat = Field(
        30, description="Average door-to-door speed for the estimate, in km/h (as the crow flies)."
    )
    buffer: Duration = Field(
        "15m",
        description="Added to every estimate: getting out, parking, security, finding the room.",
    )


class TravelTimeEntry(BaseModel):
    """One measured trip of ``travel-times``: ``{between: [venue, venue], time: 50m}``."""

    model_config = ConfigDict(defer_build=True, extra="forbid", frozen=True)

    between: list[Id] = Field(min_length=2, max_length=2)
    time: Duration


SETTINGS_MODELS: tuple[type[BaseModel], ...] = (
    NoSettings,
    LongDaySettings,
    MissingTranslationSettings,
    NightSettings,
    PersonDoubleBookedSettings,
    TravelTimeSettings,
    TravelTimeEntry,
)


def settings_model(name: str) -> type[BaseModel]:
    """The settings model called ``name`` (a rule's ``settings_name``)."""
    found = {model.__name__: model for model in SETTINGS_MODELS}.get(name)
    if found is None:
        raise KeyError(f"no rule settings model {name!r}")
    return found
