"""Plain scalars as the YAML 1.2 core schema reads them (``NO`` is text, ``10:00`` too)."""

from __future__ import annotations

import re
from typing import Any

from planner.limits import MAX_INTEGER

__all__ = [
    "ALLOWED_SCALAR_TAGS",
    "MAP_TAG",
    "MAYBE_TYPED",
    "SEQ_TAG",
    "STR_TAG",
    "TOO_LARGE",
    "resolve_plain",
]

STR_TAG = "tag:yaml.org,2002:str"
MAP_TAG = "tag:yaml.org,2002:map"
SEQ_TAG = "tag:yaml.org,2002:seq"
ALLOWED_SCALAR_TAGS = {
    STR_TAG: "str",
    "tag:yaml.org,2002:int": "int",
    "tag:yaml.org,2002:float": "float",
    "tag:yaml.org,2002:bool": "bool",
    "tag:yaml.org,2002:null": "null",
}

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_INT = re.compile(r"[-+]?[0-9]+")
_OCT = re.compile(r"0o[0-7]+")
_HEX = re.compile(r"0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_INF = re.compile(r"[-+]?\.(inf|Inf|INF)")
_NAN = re.compile(r"\.(nan|NaN|NAN)")
# First characters of every plain scalar the core schema reads as something other than text.
MAYBE_TYPED = frozenset("-+.0123456789nNtTfF~")


TOO_LARGE = object()
"""An integer beyond MAX_INTEGER: Python could read it, but nothing downstream can use it."""
_MAX_INTEGER_TEXT = 64  # longer digit strings are refused before int() is asked to read them


def resolve_plain(value: str) -> Any:
    """YAML 1.2 core schema: the few plain scalars that are not text."""
    if value in _NULLS:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if _INT.fullmatch(value):
        return _bounded_int(value, 10)
    if _FLOAT.fullmatch(value):
        return float(value)
    if _OCT.fullmatch(value):
        return _bounded_int(value[2:], 8)
    if _HEX.fullmatch(value):
        return _bounded_int(value[2:], 16)
    if _INF.fullmatch(value):
        return float("-inf") if value[0] == "-" else float("inf")
    if _NAN.fullmatch(value):
        return float("nan")
    return value


def _bounded_int(digits: str, base: int) -> Any:
    # int() refuses over 4,300 decimal digits with an exception; check the length first.
    if len(digits) > _MAX_INTEGER_TEXT:
        return TOO_LARGE
    number = int(digits, base)
    return number if -MAX_INTEGER - 1 <= number <= MAX_INTEGER else TOO_LARGE
