"""Pydantic validation errors, rewritten as sentences located in the YAML."""

from __future__ import annotations

import types
import typing
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from planner.diagnostics import Diagnostic, Severity
from planner.languages.tags import LANGUAGE_TAG_PATTERN
from planner.limits import MAX_ID_LENGTH
from planner.loading.sourcemap import PathPart, SourceMap
from planner.suggest import (
    closest,
    country_suggestion,
    describe_value,
    did_you_mean,
    id_suggestion,
)

__all__ = ["closest", "describe_value", "did_you_mean", "schema_diagnostics"]

_EXPECTED = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping (key: value lines)",
    "model_type": "a mapping (key: value lines)",
    "model_attributes_type": "a mapping (key: value lines)",
}

_PATTERN_HINTS = {
    "start": 'a local date and time like "2024-04-18 09:00", or a date like 2024-04-18 for '
    "an all-day session",
    "end": 'a local date and time like "2024-04-18 11:00", a time like "11:00", or a date',
    "date": "a date like 2024-04-18",
    "time": 'a time range like "10:00-12:00", or a start time like "10:00" with a duration',
    "duration": "a duration like 2h, 90m, 1h30m or PT1H30M",
    "reminders": "a duration like 30m, 1h or PT15M",
    "depart": 'a local date and time like "2016-10-10 00:40"',
    "arrive": 'a local date and time like "2016-10-10 07:10"',
    "from": 'a local date and time like "2024-04-18 09:00"',
    "to": 'a local date and time like "2024-04-18 12:00"',
    "except": "a date like 2018-08-18",
    "country": "a two-letter ISO 3166-1 country code in capitals, like KR, KZ or NO",
    "url": "a web address starting with https://",
    "online": "a web address starting with https://",
    "email": "an e-mail address like someone@example.org",
    "hours": 'opening hours like "08:00-20:00", or "closed"',
}
_ID_HINT = (
    f"an id: at most {MAX_ID_LENGTH} lower-case letters, digits and hyphens, starting with a "
    "letter or digit"
)


def schema_diagnostics(
    error: ValidationError,
    model: type[BaseModel],
    root: Any,
    prefix: Sequence[PathPart],
    source_map: SourceMap,
) -> list[Diagnostic]:
    """One diagnostic per distinct problem in ``error``, located under ``prefix`` in ``root``."""
    found: list[Diagnostic] = []
    seen: set[tuple[str, int, int]] = set()
    for detail in error.errors(include_url=False):
        if _text_branch(detail):
            continue  # a text by language: the mapping's own error says what is wrong
        path = [*prefix, *_data_path(root, prefix, detail["loc"])]
        at_key = detail["type"] == "extra_forbidden"
        location = source_map.locate(root, path, at_key=at_key)
        marker = (location.path, location.line, location.column)
        if marker in seen:
            continue  # one sentence per place: a union reports each branch's failure
        seen.add(marker)
        message = _sentence(detail, model, path[len(prefix) :])
        found.append(Diagnostic("schema", Severity.ERROR, message, location))
    return found


def _data_path(root: Any, prefix: Sequence[PathPart], loc: Sequence[Any]) -> list[PathPart]:
    """The error's path through the data, without union-branch names pydantic adds."""
    node = root
    for part in prefix:
        node = node[part] if _has_child(node, part) else None
    path: list[PathPart] = []
    for part in loc:
        if _has_child(node, part):
            node = node[part]
            path.append(part)
        elif isinstance(node, dict) and part == "[key]":
            continue
        elif isinstance(part, str) and _is_key_like(part) and not isinstance(node, list):
            path.append(part)  # a missing or unknown key: keep it to name it
            node = None
    return path


def _has_child(node: Any, part: Any) -> bool:
    if isinstance(node, dict):
        return isinstance(part, str) and part in node
    return isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)


def _is_key_like(part: str) -> bool:
    return not any(mark in part for mark in "[]()") and not part.startswith("function-")


def _sentence(detail: ErrorDetails, model: type[BaseModel], path: Sequence[PathPart]) -> str:
    kind = detail["type"]
    value = detail.get("input")
    key = next((str(part) for part in reversed(path) if isinstance(part, str)), "")
    if kind == "missing":
        return f"`{key}` is required here"
    if kind == "extra_forbidden":
        names = _field_names(_model_at(model, path[:-1]))
        return f"unknown key `{key}`{did_you_mean(key, names)}"
    if kind in _EXPECTED:
        return f"`{key}` should be {_EXPECTED[kind]}, not {describe_value(value)}"
    if kind == "literal_error":
        expected = str(detail.get("ctx", {}).get("expected", ""))
        options = [option.strip(" '") for option in expected.replace(" or ", ", ").split(",")]
        hint = did_you_mean(str(value), options)
        return f"`{key}` cannot be {describe_value(value)}{hint or ''}; use one of: {expected}"
    if kind == "string_pattern_mismatch" and _is_language_tag_error(detail):
        if detail["loc"][-1:] == ("[key]",):
            return f"{describe_value(value)} is not a BCP 47 language tag ({_TAG_EXAMPLES})"
        wrong = describe_value(value)
        return f"`{key}` should be a BCP 47 language tag ({_TAG_EXAMPLES}), not {wrong}"
    if kind == "string_pattern_mismatch" and _expects_id(path):
        return f"`{key}` should be {_ID_HINT}, not {describe_value(value)}{id_suggestion(value)}"
    if kind == "string_pattern_mismatch":
        hint = _PATTERN_HINTS.get(key, "a different value")
        extra = country_suggestion(value) if key == "country" else ""
        return f"`{key}` should be {hint}, not {describe_value(value)}{extra}"
    if kind == "value_error":
        return str(detail.get("ctx", {}).get("error", detail["msg"]))
    if kind == "too_short" and key == "sessions":
        return "an event needs at least one session"
    return f"`{key}`: {detail['msg'][:1].lower()}{detail['msg'][1:]}"


_TAG_EXAMPLES = "like en, es, fr, ru, ko, zh-Hans, ar or es-MX"


def _is_language_tag_error(detail: ErrorDetails) -> bool:
    return detail.get("ctx", {}).get("pattern") == LANGUAGE_TAG_PATTERN


def _text_branch(detail: ErrorDetails) -> bool:
    """The plain-string branch of a text that is written as a mapping by language."""
    return (
        detail["type"] == "string_type"
        and detail["loc"][-1:] == ("str",)
        and isinstance(detail.get("input"), dict)
    )


def _expects_id(path: Sequence[PathPart]) -> bool:
    id_keys = {
        "organisation", "venue", "room", "chair", "from", "to", "id", "members",
        "speakers", "participants", "organisers",
    }  # fmt: skip
    last = next((part for part in reversed(path) if isinstance(part, str)), "")
    return last in id_keys and not (last in {"from", "to"} and _in_person_part(path))


def _in_person_part(path: Sequence[PathPart]) -> bool:
    return bool(path) and path[0] == "people"


def _field_names(model: type[BaseModel] | None) -> list[str]:
    if model is None:
        return []
    return [info.alias or name for name, info in model.model_fields.items()]


def _model_at(model: type[BaseModel], path: Sequence[PathPart]) -> type[BaseModel] | None:
    """The model class that validates the mapping at ``path`` (below ``model``)."""
    current: type[BaseModel] | None = model
    pending: Any = None
    for part in path:
        if pending is not None:
            current, pending = _unwrap(pending)
            continue
        if current is None or not isinstance(part, str):
            continue
        field = next(
            (info for name, info in current.model_fields.items() if (info.alias or name) == part),
            None,
        )
        if field is None:
            return None
        current, pending = _unwrap(field.annotation)
    return current


def _unwrap(annotation: Any) -> tuple[type[BaseModel] | None, Any]:
    """(model, None) for a model; (None, item annotation) for a list or dict of things."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, None
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin in (list, dict):
        return None, args[-1]
    if origin in (typing.Union, types.UnionType, typing.Annotated):
        for arg in args:
            found = _unwrap(arg)
            if found != (None, None):
                return found
    return None, None
