"""The patterns of the format's text fields, and the id rule: without pydantic.

The models (:mod:`planner.model.fields`) declare them to pydantic; the loader and the quick
check (:mod:`planner.model.quick`) use them without importing it.
"""

from __future__ import annotations

from planner.limits import MAX_ID_LENGTH

__all__ = [
    "DATETIME_PATTERN",
    "DATE_PATTERN",
    "DURATION_PATTERN",
    "END_PATTERN",
    "ID_PATTERN",
    "START_PATTERN",
    "TIME_RANGE_PATTERN",
    "WINDOWS_RESERVED_NAMES",
    "portable_id",
]

_DATE = r"\d{4}-\d{2}-\d{2}"
_TIME = r"\d{1,2}:\d{2}(:\d{2})?"
ID_PATTERN = rf"^[a-z0-9][a-z0-9-]{{0,{MAX_ID_LENGTH - 1}}}$"
DATE_PATTERN = rf"^{_DATE}$"
DATETIME_PATTERN = rf"^{_DATE}[ T]{_TIME}$"
START_PATTERN = rf"^{_DATE}([ T]{_TIME})?$"
END_PATTERN = rf"^({_DATE}([ T]{_TIME})?|{_TIME})$"
TIME_RANGE_PATTERN = rf"^{_TIME}( *- *{_TIME})?$"
DURATION_PATTERN = r"^(\d+h(\d+m)?|\d+m|P(\d+D)?(T(\d+H)?(\d+M)?(\d+S)?)?)$"

# Ids name files (people/ID.ics): a name Windows keeps for a device could not be written there.
WINDOWS_RESERVED_NAMES = frozenset(
    {"con", "prn", "aux", "nul", *(f"{port}{n}" for port in ("com", "lpt") for n in range(1, 10))}
)


def portable_id(value: str) -> str:
    """``value`` when a file may be named after it on every system; otherwise ValueError."""
    if value in WINDOWS_RESERVED_NAMES:
        raise ValueError(
            f"`{value}` cannot be an id: Windows keeps the name for a device, so no file can be "
            f"named after it; choose another, like `{value}-1`"
        )
    return value
