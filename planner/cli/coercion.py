"""Command-line values turned into their types without pydantic, where typer allows it.

typer (0.29) coerces every value of every option through a pydantic ``TypeAdapter``: the
first option parsed imports pydantic and each builds a validator, about a third of a small
``planner validate``, which never needs pydantic otherwise. Most of planner's options take
text, paths or choices; for those, :func:`install` has the command call typer's own checks
directly (the path checks, the choice matching). Any other value, and any value those
checks refuse, goes through typer's usual way, which also words the refusal.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from typer import _click as click
from typer._coercion import RuntimeParam, build_runtime_param
from typer._param_types import choice_coercion_annotation, coerce_cli_choice, coerce_cli_path

__all__ = ["install"]

_UNSURE: Any = object()


def install(command: click.Command, ctx: click.Context) -> None:
    """Give each parameter of ``command`` the direct coercion, before it parses anything."""
    for param in command.get_params(ctx):  # with --help, which typer adds
        descriptor = getattr(param, "type_descriptor", None)
        if descriptor is not None and getattr(param, "_runtime_param", None) is None:
            param._runtime_param = _Direct(  # type: ignore[attr-defined]
                parameter_info=descriptor.parameter_info,
                annotation=descriptor.annotation,
                descriptor=descriptor,
            )


@dataclass(frozen=True)
class _Direct(RuntimeParam):
    """Text, paths and choices (and lists of them) checked by typer's own functions."""

    descriptor: Any

    def _coerce_value(self, value: Any, param: Any, ctx: click.Context) -> Any:
        if isinstance(value, (list, tuple)) and self.descriptor.is_list:
            leaf = self.descriptor.annotation.__args__[0]
            items = [self._leaf(leaf, item, param, ctx) for item in value]
            if all(item is not _UNSURE for item in items):
                return type(value)(items)
        elif not self.descriptor.is_list:
            found = self._leaf(self.annotation, value, param, ctx)
            if found is not _UNSURE:
                return found
        # typer's own way (pydantic): other types, and every value refused (its wording)
        usual = build_runtime_param(self.descriptor)
        param._runtime_param = usual
        return usual._coerce_value(value, param, ctx)

    def _leaf(self, annotation: Any, value: Any, param: Any, ctx: click.Context) -> Any:
        info = self.parameter_info
        if info.parser is not None:
            return _UNSURE
        if annotation is str:
            return value if isinstance(value, str) else _UNSURE
        choice = choice_coercion_annotation(annotation, info)
        if choice is not None:
            try:
                return coerce_cli_choice(
                    value, choices=choice[0], case_sensitive=choice[1], ctx=ctx
                )
            except ValueError:
                return _UNSURE
        if _is_path(annotation) and info.path_type is None and isinstance(value, str) and value:
            if "\0" in value:
                return _UNSURE
            return coerce_cli_path(Path(value), info, path_type=annotation, param=param, ctx=ctx)
        return _UNSURE


def _is_path(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, Path)
