"""Write ``planner/model/shapes.json`` from the pydantic models.

``python -m planner.model.generate_shapes``. The quick check (:mod:`planner.model.quick`)
reads the shapes so that it need not import pydantic; a test fails when the file is not what
this writes from the current models.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from planner.model import SECTIONS, ProgrammeSettings
from planner.model.fields import Model
from planner.model.patterns import portable_id

__all__ = ["render", "shaped_models"]

TARGET = Path(__file__).with_name("shapes.json")
_WORDS = frozenset({"description", "title", "default", "examples"})
_MAPS = frozenset({"properties", "patternProperties", "$defs"})


def shaped_models() -> list[type[BaseModel]]:
    """The models the quick check knows, with every model they contain."""
    from planner.rules.settings import SETTINGS_MODELS

    roots: list[type[BaseModel]] = [ProgrammeSettings, *SECTIONS.values(), *SETTINGS_MODELS]
    found: dict[str, type[BaseModel]] = {}
    for root in roots:
        _collect(root, found)
    return list(found.values())


def _collect(model: type[BaseModel], found: dict[str, type[BaseModel]]) -> None:
    if model.__name__ in found:
        return
    found[model.__name__] = model
    for info in model.model_fields.values():
        for inner in _models_in(info.annotation):
            _collect(inner, found)


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [model for arg in getattr(annotation, "__args__", ()) for model in _models_in(arg)]


def shape(model: type[BaseModel]) -> dict[str, Any]:
    """What the quick check needs of ``model``: fields, defaults, each key's schema."""
    schema = model.model_json_schema(by_alias=True, ref_template="#/$defs/{model}")
    decorators = model.__pydantic_decorators__
    unknown = set(decorators.model_validators) - {"_ignore_user_keys"}
    if unknown or decorators.root_validators or decorators.validators:
        raise ValueError(f"{model.__name__}: the quick check cannot follow {sorted(unknown)}")
    # A field with a validator of its own is left to pydantic (the check refuses any value):
    # a model's field validator, or one in the field's type (``Annotated[..., AfterValidator]``),
    # which the JSON Schema does not show. The ids' `portable_id` the check follows itself.
    validated = {name for item in decorators.field_validators.values() for name in item.info.fields}
    fields = []
    for attribute, info in model.model_fields.items():
        key = info.alias or attribute
        if _own_validators(info.annotation, info.metadata):
            validated.add(attribute)
        factory = info.default_factory
        if factory is not None and factory not in (list, dict):
            raise ValueError(f"{model.__name__}.{attribute}: a default the check cannot make")
        default = None if info.is_required() or factory else info.default
        if isinstance(default, (list, dict, set)):
            raise ValueError(f"{model.__name__}.{attribute}: a mutable default; use a factory")
        fields.append((attribute, key, default, factory.__name__ if factory else None))
    keys = {attribute: key for attribute, key, *_ in fields}
    refused = {keys[name] for name in validated}
    properties = {
        key: {"x-validated": True} if key in refused else _plain(value)
        for key, value in schema.get("properties", {}).items()
    }
    return {
        "fields": fields,
        "properties": properties,
        "required": schema.get("required", []),
        "user_keys": issubclass(model, Model),  # `x-` keys are the users' own, skipped
    }


def _own_validators(annotation: Any, metadata: list[Any]) -> bool:
    """Whether a field's type carries a validator function other than the ids' own."""
    from pydantic.functional_validators import (
        AfterValidator,
        BeforeValidator,
        PlainValidator,
        WrapValidator,
    )

    kinds = (AfterValidator, BeforeValidator, PlainValidator, WrapValidator)
    found = [item for item in metadata if isinstance(item, kinds)]
    if any(item.func is not portable_id for item in found):
        return True
    inner = [*getattr(annotation, "__metadata__", ())]
    return bool(inner and _own_validators(None, inner)) or any(
        _own_validators(arg, []) for arg in getattr(annotation, "__args__", ())
    )


def _plain(fragment: Any) -> Any:
    """``fragment`` without the words the check does not read (descriptions, titles)."""
    if isinstance(fragment, list):
        return [_plain(item) for item in fragment]
    if not isinstance(fragment, dict):
        return fragment
    return {
        key: (
            {name: _plain(value) for name, value in item.items()} if key in _MAPS else _plain(item)
        )
        for key, item in fragment.items()
        if key not in _WORDS
    }


def render() -> str:
    """The text of ``shapes.json`` for the current models."""
    document = {
        "comment": "Generated by python -m planner.model.generate_shapes: do not edit. "
        "Each model: fields [attribute, key, default, factory], each key's JSON Schema.",
        "sections": {section: model.__name__ for section, model in SECTIONS.items()},
        "models": {model.__name__: shape(model) for model in shaped_models()},
    }
    return json.dumps(document, indent=1, ensure_ascii=False) + "\n"


def main() -> None:
    TARGET.write_text(render(), encoding="utf-8")
    sys.stdout.write(f"wrote {TARGET}\n")


if __name__ == "__main__":
    main()
