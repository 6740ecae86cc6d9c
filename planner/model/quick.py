"""The models' quick check: well-formed entries validated without importing pydantic.

pydantic (and building the models' validators) is most of what a small ``planner validate``
costs before it reads a byte. Almost every entry of a programme is well formed, so each is
first checked here against the models' shapes (``shapes.json``, generated from the pydantic
models by ``python -m planner.model.generate_shapes``) and becomes a
:class:`Record` with the same attributes, values and defaults as the pydantic model would
have. The check is conservative: whatever it is not certain pydantic accepts unchanged (a
number where text is expected, a non-ASCII value for a pattern, an unknown shape) makes it
answer None, and the caller validates that entry with pydantic, which also words the errors.
The tests hold the two to agreeing on every entry of every programme they load.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from planner.model.patterns import ID_PATTERN, WINDOWS_RESERVED_NAMES

__all__ = ["SECTIONS", "Record", "quick_validate"]

_SHAPES = json.loads(Path(__file__).with_name("shapes.json").read_text(encoding="utf-8"))
SECTIONS: dict[str, str] = _SHAPES["sections"]
"""Each section of a programme file and the name of its entries' model."""
_MODELS: dict[str, dict[str, Any]] = _SHAPES["models"]
_FACTORIES: dict[str | None, Callable[[], Any]] = {"list": list, "dict": dict}

_NOTHING: Any = object()
"""What a check returns for a value it does not accept (None is a valid value)."""

_IGNORED = frozenset({"description", "title", "default", "examples"})
_REMEMBERED = 10_000
"""Texts each pattern remembers as passed (a bound on memory, whatever the programme)."""


class Record:
    """A checked entry: the attributes of the model it was checked as (its class's name),
    read-only."""

    def __init__(self, values: dict[str, Any]) -> None:
        self.__dict__.update(values)

    @property
    def record_of(self) -> str:
        """The name of the model it has the attributes of."""
        return type(self).__name__

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{self.record_of} is read-only")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Record):
            return NotImplemented
        return type(self) is type(other) and self.__dict__ == other.__dict__

    def __hash__(self) -> int:
        return hash((self.record_of, *self.__dict__.values()))

    def __repr__(self) -> str:
        fields = " ".join(f"{name}={value!r}" for name, value in self.__dict__.items())
        return f"{self.record_of}({fields})"


@cache
def _record_class(model: str) -> type[Record]:
    return type(model, (Record,), {"__module__": __name__})


def quick_validate(model: str, data: Any) -> Record | None:
    """``data`` as a :class:`Record` of ``model`` if it is certainly valid; otherwise None."""
    found = _model_check(model)(data)
    return None if found is _NOTHING else found


Check = Callable[[Any], Any]
"""Returns the value as the model would hold it, or ``_NOTHING``."""


@cache
def _model_check(name: str) -> Check:
    shape = _MODELS[name]
    checks = {key: _check(fragment) for key, fragment in shape["properties"].items()}
    attribute_of = {key: attribute for attribute, key, _, _ in shape["fields"]}
    # Most fields are not written: the record starts from the defaults, copied at once.
    defaults = {attr: default for attr, _, default, factory in shape["fields"] if not factory}
    made = [
        (attr, key, _FACTORIES[factory]) for attr, key, _, factory in shape["fields"] if factory
    ]
    required = frozenset(shape["required"])
    user_keys = shape["user_keys"]
    record = _record_class(name)

    def check(value: Any) -> Any:
        if type(value) is not dict:
            return _NOTHING
        attributes = defaults.copy()
        for key, item in value.items():
            if type(key) is not str:
                return _NOTHING
            field_check = checks.get(key)
            if field_check is None:
                if user_keys and key[:2] == "x-":
                    continue
                return _NOTHING
            converted = field_check(item)
            if converted is _NOTHING:
                return _NOTHING
            attributes[attribute_of[key]] = converted
        if required and not required.issubset(value):
            return _NOTHING
        for attribute, key, factory in made:
            if key not in value:
                attributes[attribute] = factory()
        return record(attributes)

    return check


def _check(fragment: dict[str, Any]) -> Check:
    """One check per distinct fragment (the models repeat their field types: ids, texts,
    dates), so each pattern is compiled once and remembers its texts once."""
    return _check_of_text(json.dumps(fragment, sort_keys=True))


@cache
def _check_of_text(fragment: str) -> Check:
    return _build(json.loads(fragment))


def _build(fragment: dict[str, Any]) -> Check:
    keys = set(fragment) - _IGNORED
    if not keys:
        return lambda value: value  # Any: pydantic keeps the value as it is
    if keys == {"$ref"}:
        name = fragment["$ref"].rsplit("/", 1)[-1]
        return lambda value: _model_check(name)(value)
    if keys == {"anyOf"}:
        return _any_of(fragment["anyOf"])
    if "enum" in keys or "const" in keys:
        return _literal(fragment, keys)
    kind = fragment.get("type")
    builder = _BUILDERS.get(kind) if isinstance(kind, str) else None
    return builder(fragment, keys - {"type"}) if builder else _refuse


def _refuse(value: Any) -> Any:
    return _NOTHING


def _any_of(fragments: list[dict[str, Any]]) -> Check:
    branches = [_build(fragment) for fragment in fragments]
    kinds = [_python_types(fragment) for fragment in fragments]
    if all(kinds) and sum(map(len, kinds)) == len(set().union(*kinds)):
        # The models' unions are of distinct types (text or a mapping, or nothing): the
        # value's type says which branch reads it.
        pairs = zip(branches, kinds, strict=True)
        by_type = {kind: branch for branch, types in pairs for kind in types}
        return lambda value: by_type.get(type(value), _refuse)(value)

    def check(value: Any) -> Any:
        # Where two branches could take a value, pydantic's choice is left to pydantic.
        found = [
            result for result in (branch(value) for branch in branches) if result is not _NOTHING
        ]
        return found[0] if len(found) == 1 else _NOTHING

    return check


_TYPES_OF_KIND: dict[str, frozenset[type]] = {
    "string": frozenset({str}),
    "integer": frozenset({int}),
    "number": frozenset({int, float}),
    "boolean": frozenset({bool}),
    "null": frozenset({type(None)}),
    "array": frozenset({list}),
    "object": frozenset({dict}),
}


def _python_types(fragment: dict[str, Any]) -> frozenset[type]:
    """The Python types a fragment can take (empty: any, or not known)."""
    if "$ref" in fragment:
        return frozenset({dict})
    if "anyOf" in fragment:
        found = [_python_types(branch) for branch in fragment["anyOf"]]
        return frozenset().union(*found) if all(found) else frozenset()
    kind = fragment.get("type")
    if "enum" in fragment or "const" in fragment:
        return frozenset({str})
    return _TYPES_OF_KIND.get(kind, frozenset()) if isinstance(kind, str) else frozenset()


def _literal(fragment: dict[str, Any], keys: set[str]) -> Check:
    allowed = fragment["enum"] if "enum" in fragment else [fragment["const"]]
    if keys - {"enum", "const", "type"} or not all(type(item) is str for item in allowed):
        return _refuse
    choices = frozenset(allowed)
    return lambda value: value if type(value) is str and value in choices else _NOTHING


def _string(fragment: dict[str, Any], keys: set[str]) -> Check:
    if keys - {"pattern", "minLength", "maxLength"}:
        return _refuse
    pattern = re.compile(fragment["pattern"]) if "pattern" in fragment else None
    portable = fragment.get("pattern") == ID_PATTERN
    shortest = fragment.get("minLength", 0)
    longest = fragment.get("maxLength")
    if pattern is None and not shortest and longest is None:
        return lambda value: value if type(value) is str else _NOTHING
    passed: set[str] = set()  # ids, dates and times recur: each text is checked once

    def check(value: Any) -> Any:
        if type(value) is not str:
            return _NOTHING
        if value in passed:
            return value
        if len(value) < shortest:
            return _NOTHING
        if longest is not None and len(value) > longest:
            return _NOTHING
        if pattern is not None:
            # Python's `$` also matches before a final newline, pydantic's (Rust) does not;
            # and outside ASCII the two engines' classes may differ: pydantic decides those.
            if not value.isascii() or "\n" in value or pattern.search(value) is None:
                return _NOTHING
            if portable and value in WINDOWS_RESERVED_NAMES:
                return _NOTHING
        if len(passed) < _REMEMBERED:
            passed.add(value)
        return value

    return check


def _number(fragment: dict[str, Any], keys: set[str], integer: bool) -> Check:
    if keys - {"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"}:
        return _refuse
    low, high = fragment.get("minimum"), fragment.get("maximum")
    above, below = fragment.get("exclusiveMinimum"), fragment.get("exclusiveMaximum")
    types = (int,) if integer else (int, float)

    def check(value: Any) -> Any:
        if type(value) not in types or (type(value) is int and not -(2**53) <= value <= 2**53):
            return _NOTHING  # (a larger whole number is not exactly a float)
        if value != value or value in (float("inf"), float("-inf")):
            return _NOTHING  # NaN and infinities: pydantic's own rules
        if (low is not None and value < low) or (high is not None and value > high):
            return _NOTHING
        if (above is not None and value <= above) or (below is not None and value >= below):
            return _NOTHING
        return value if integer else float(value)

    return check


def _boolean(fragment: dict[str, Any], keys: set[str]) -> Check:
    if keys:
        return _refuse
    return lambda value: value if type(value) is bool else _NOTHING


def _null(fragment: dict[str, Any], keys: set[str]) -> Check:
    if keys:
        return _refuse
    return lambda value: None if value is None else _NOTHING


def _array(fragment: dict[str, Any], keys: set[str]) -> Check:
    if keys - {"items", "minItems", "maxItems"}:
        return _refuse
    item = _build(fragment.get("items", {}))
    shortest, longest = fragment.get("minItems", 0), fragment.get("maxItems")

    def check(value: Any) -> Any:
        if type(value) is not list or len(value) < shortest:
            return _NOTHING
        if longest is not None and len(value) > longest:
            return _NOTHING
        items = [item(element) for element in value]
        return _NOTHING if any(element is _NOTHING for element in items) else items

    return check


def _mapping(fragment: dict[str, Any], keys: set[str]) -> Check:
    if keys - {"additionalProperties", "patternProperties", "propertyNames", "minProperties"}:
        return _refuse
    key_check = _build({"type": "string", **_without_words(fragment.get("propertyNames", {}))})
    by_pattern = [
        (re.compile(pattern), _build(value))
        for pattern, value in fragment.get("patternProperties", {}).items()
    ]
    other = fragment.get("additionalProperties")
    # A key no pattern matches is refused unless `additionalProperties` says what it holds
    # (pydantic writes a dict's key pattern as patternProperties; its keys must all match).
    rest = _build(other) if isinstance(other, dict) else _build({}) if other is True else None
    fewest = fragment.get("minProperties", 0)

    def value_check(key: str) -> Check | None:
        for pattern, check in by_pattern:
            if key.isascii() and "\n" not in key and pattern.search(key):
                return check
        return rest

    def check(value: Any) -> Any:
        if type(value) is not dict or len(value) < fewest:
            return _NOTHING
        result = {}
        for key, item in value.items():
            checked_value = value_check(key) if type(key) is str else None
            if checked_value is None or key_check(key) is _NOTHING:
                return _NOTHING
            converted = checked_value(item)
            if converted is _NOTHING:
                return _NOTHING
            result[key] = converted
        return result

    return check


def _without_words(fragment: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in fragment.items() if key not in _IGNORED}


_BUILDERS: dict[str, Callable[[dict[str, Any], set[str]], Check]] = {
    "string": _string,
    "integer": lambda fragment, keys: _number(fragment, keys, integer=True),
    "number": lambda fragment, keys: _number(fragment, keys, integer=False),
    "boolean": _boolean,
    "null": _null,
    "array": _array,
    "object": _mapping,
}
