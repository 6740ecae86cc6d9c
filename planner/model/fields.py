"""Field types shared by the models: ids, codes, dates, times and durations as written in YAML.

Patterns are checked by pydantic-core (in Rust), so a 100k-session file validates quickly;
the timeline stage turns the checked text into dates, times and zones.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from planner.languages.tags import LANGUAGE_TAG_PATTERN
from planner.limits import MAX_ID_LENGTH
from planner.model.patterns import (
    DATE_PATTERN,
    DATETIME_PATTERN,
    DURATION_PATTERN,
    END_PATTERN,
    ID_PATTERN,
    START_PATTERN,
    TIME_RANGE_PATTERN,
    portable_id,
)

__all__ = [
    "CountryCode",
    "DateText",
    "DateTimeText",
    "Duration",
    "Email",
    "EndText",
    "Id",
    "LanguageTag",
    "LegTimeText",
    "Model",
    "SessionKind",
    "StartText",
    "Status",
    "Text",
    "TimeRangeText",
    "Url",
]

Id = Annotated[
    str,
    Field(
        pattern=ID_PATTERN,
        description=f"A slug of at most {MAX_ID_LENGTH} lower-case letters, digits and hyphens",
    ),
    AfterValidator(portable_id),
]
CountryCode = Annotated[
    str, Field(pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2 code, e.g. KR")
]
DateText = Annotated[str, Field(pattern=DATE_PATTERN, description="A date: 2024-04-18")]
DateTimeText = Annotated[
    str, Field(pattern=DATETIME_PATTERN, description="Local date and time: 2024-04-18 09:00")
]
LegTimeText = Annotated[
    str,
    Field(
        pattern=START_PATTERN,
        description="Local date and time (2024-04-18 09:00); a date alone while the time is "
        "not known yet (a warning)",
    ),
]
StartText = Annotated[
    str,
    Field(
        pattern=START_PATTERN,
        description="Local date and time (2024-04-18 09:00), or a date for an all-day session",
    ),
]
EndText = Annotated[
    str,
    Field(
        pattern=END_PATTERN, description="Local date and time, a time on the start's day, or a date"
    ),
]
TimeRangeText = Annotated[
    str, Field(pattern=TIME_RANGE_PATTERN, description='"10:00-12:00", or "10:00" with a duration')
]
Duration = Annotated[
    str, Field(pattern=DURATION_PATTERN, description="2h, 90m, 1h30m or ISO 8601 PT1H30M")
]
Url = Annotated[str, Field(pattern=r"^https?://\S+$", description="A web address (https://...)")]
# The common subset of addresses: nothing that a calendar (ATTENDEE;...:mailto:) or a mail
# header would read as a separator (, ; : < > " spaces), and no control characters.
Email = Annotated[
    str,
    Field(
        pattern=r"^[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9-]{1,63}(\.[A-Za-z0-9-]{1,63})+$",
        max_length=254,
        description="An e-mail address: name@example.org",
    ),
]

LanguageTag = Annotated[
    str,
    Field(
        pattern=LANGUAGE_TAG_PATTERN,
        description="A BCP 47 language tag: en, fr, es, ru, ko, zh-Hans, ar, es-MX",
    ),
]
Text = (
    str
    | Annotated[
        dict[LanguageTag, str],
        Field(
            min_length=1,
            description="The text by language: {en: Rooftop solar, ko: 옥상 태양광}",
        ),
    ]
)
"""Human text: a plain string, or a mapping from language to text (see docs/languages.md)."""

Status = Literal["confirmed", "tentative", "cancelled"]
SessionKind = Literal[
    "plenary", "panel", "lecture", "workshop", "site_visit", "meeting", "bilateral",
    "reception", "meal", "break", "transfer", "arrival", "departure", "ceremony", "debate",
    "other",
]  # fmt: skip


class Model(BaseModel):
    """Base of every model: unknown keys are errors, except the users' own ``x-`` keys."""

    # Built on first use: a nested model's own validator is never needed when only the
    # programme is validated (the programme's schema includes it), which saves start-up.
    model_config = ConfigDict(
        defer_build=True,
        extra="forbid",
        frozen=True,
        coerce_numbers_to_str=True,
        populate_by_name=False,
        json_schema_extra={"patternProperties": {"^x-": {}}},
    )

    @model_validator(mode="before")
    @classmethod
    def _ignore_user_keys(cls, data: Any) -> Any:
        if isinstance(data, dict) and any(key[:2] == "x-" for key in data):
            return {key: value for key, value in data.items() if key[:2] != "x-"}
        return data
