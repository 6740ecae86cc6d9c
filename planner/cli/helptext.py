"""Help that reads as prose: value names a programme manager knows, not Python types.

typer labels each option with its Python type (``<bool>``, ``<list[Path]>``,
``<%Y-%m-%d>``, ``<int range> [x>=1]``). :class:`PlainHelpCommand` gives every option that
declares no ``metavar`` of its own a plain one instead: nothing for a flag, ``PATH``,
``DATE``, ``N``, ``TEXT``, or the choices themselves.
"""

from __future__ import annotations

from typing import Any

from typer import _click as click  # typer's own click: the classes its commands are made of
from typer._click.exceptions import BadParameter
from typer.core import TyperArgument, TyperCommand, TyperGroup

__all__ = ["PlainHelpCommand", "PlainHelpGroup", "plain_metavar", "plain_refusal"]

_BY_TYPE = {
    "bool": "",
    "str": "TEXT",
    "int": "N",
    "int range": "N",
    "float": "NUMBER",
    "float range": "NUMBER",
    "path": "PATH",
    "file": "PATH",
    "directory": "FOLDER",
    "datetime": "DATE",
}


def plain_metavar(label: str, is_flag: bool) -> str:
    """The plain name for typer's ``<label>`` of a parameter."""
    if is_flag:
        return ""
    inner = label.strip("<>").removesuffix("...")
    many = inner.startswith("list[") and inner.endswith("]")
    if many:
        inner = inner[len("list[") : -1]
    if "%Y" in inner:
        plain = "DATE" if "%H" not in inner else "DATE-TIME"
    elif "|" in inner:
        plain = inner  # the choices say it best
    else:
        plain = _BY_TYPE.get(inner.lower(), inner.upper())
    return f"{plain}..." if many else plain


class PlainHelpCommand(TyperCommand):
    """A command whose help names values plainly (see the module's docstring), and whose
    refusals of a value say what is wrong in words rather than in pydantic's."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        _coerce_directly(self, ctx)
        try:
            return list(super().parse_args(ctx, args))
        except BadParameter as error:
            error.message = plain_refusal(error)
            raise

    def get_params(self, ctx: click.Context) -> list[click.Parameter]:
        params: list[click.Parameter] = super().get_params(ctx)
        for param in params:
            if isinstance(param, TyperArgument):
                _plain_argument(param)
            elif param.metavar is None:
                _plain(param, ctx)
        return params


def _plain_argument(param: Any) -> None:
    """An argument is named by its metavar (``ID``, ``PATHS``); no type column beside it."""
    if param.metavar is None:
        param.metavar = str(param.name or "value").upper()
    param.display_type_rich = lambda ctx: None


def _plain(param: Any, ctx: click.Context) -> None:
    is_flag = bool(getattr(param, "is_flag", False)) and not getattr(param, "count", False)
    try:
        label = str(param.display_type(ctx))
    except (AttributeError, TypeError):
        return
    param.metavar = plain_metavar(label, is_flag)
    # "[x>=1]" after a number says in Python what the help sentence says in words.
    param._get_number_range_help_str = lambda: None


class PlainHelpGroup(TyperGroup):
    """``planner`` itself: its own options (``--version``, ``--debug``) named plainly too."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        _coerce_directly(self, ctx)
        return list(super().parse_args(ctx, args))

    def get_params(self, ctx: click.Context) -> list[click.Parameter]:
        params: list[click.Parameter] = super().get_params(ctx)
        for param in params:
            if param.metavar is None and not isinstance(param, TyperArgument):
                _plain(param, ctx)
        return params

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = super().get_command(ctx, cmd_name)
        if command is not None and command.short_help is None and command.help:
            # The list of commands shows the docstring's first paragraph; its line breaks
            # (wrapped at 100 in the source) would break the list's lines mid-sentence.
            command.short_help = " ".join(command.help.split("\n\n")[0].split())
        return command


def plain_refusal(error: Exception) -> str:
    """``--width: `abc` is not a whole number`` rather than "Input should be a valid integer,
    unable to parse string as an integer"; no "Value error," and no ``%Y-%m-%d``."""
    message = str(getattr(error, "message", error))
    cause = error.__cause__
    errors = getattr(cause, "errors", None)
    detail = errors()[0] if callable(errors) and errors() else {}
    kind, value = detail.get("type", ""), detail.get("input")
    shown = f"`{value}`" if isinstance(value, str) else "the value"
    if kind == "int_parsing":
        return f"{shown} is not a whole number"
    if kind in ("float_parsing", "decimal_parsing"):
        return f"{shown} is not a number"
    if "does not match the format" in message:
        written = "2016-10-11 09:30" if "%H" in message else "2016-10-11"
        return f"{shown} is not a real date written like {written}"
    for prefix in ("Value error, ", "Assertion failed, "):
        message = message.removeprefix(prefix)
    return message


def _coerce_directly(command: click.Command, ctx: click.Context) -> None:
    """Plain values coerced without pydantic (:mod:`planner.cli.coercion`), where this
    typer has the functions it calls; otherwise typer's own way, which is only slower."""
    try:
        from planner.cli.coercion import install
    except ImportError:
        return
    install(command, ctx)
