"""The ``planner`` command: a thin layer over the library, one module per command.

Start-up is kept short: ``planner --version`` imports nothing but this module, and a
command imports only its own module (and what that uses), not the others. The typer
application is built on first use (:func:`build_app`; ``from planner.cli import app``).
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any, NoReturn

if TYPE_CHECKING:
    import typer

__all__ = ["COMMANDS", "GROUPS", "app", "build_app", "main", "run"]

COMMANDS: tuple[tuple[str, str], ...] = (
    ("build", "planner.cli.build:build"),
    ("validate", "planner.cli.validate:validate"),
    ("schedule", "planner.cli.schedule:schedule"),
    ("rules", "planner.cli.rules:rules"),
    ("ics", "planner.cli.ics:ics"),
    ("itinerary", "planner.cli.itinerary:itinerary"),
    ("agenda", "planner.cli.agenda:agenda"),
    ("pack", "planner.cli.pack:pack"),
    ("frab", "planner.cli.frab:frab"),
    ("import", "planner.cli.importing:import_schedule"),
    ("diff", "planner.cli.diff:diff"),
    ("notify", "planner.cli.notify:notify"),
    ("list", "planner.cli.listing:list_entries"),
    ("schema", "planner.cli.schema:schema"),
)
"""Every command, by name, in the order ``planner --help`` shows them."""

GROUPS: tuple[tuple[str, str], ...] = (("publish", "planner.cli.publish:publish_app"),)
"""Commands with sub-commands (``planner publish caldav``), after the others."""

INTERNAL_ERROR = 3
"""Exit status of a failure of planner itself (1 is "the programme has errors")."""


def build_app(only: str | None = None) -> typer.Typer:
    """The typer application with every command, or only the command ``only``."""
    import importlib

    import typer

    from planner.cli.common import version_option
    from planner.cli.helptext import PlainHelpCommand, PlainHelpGroup

    application = typer.Typer(
        name="planner",
        cls=PlainHelpGroup,
        help="Validate, check and publish programmes of summits, study tours and meetings "
        "written as YAML (events.yaml).",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    application.callback()(version_option)
    for name, target in COMMANDS:
        if only is None or name == only:
            module, _, function = target.partition(":")
            command = getattr(importlib.import_module(module), function)
            application.command(name=name, cls=PlainHelpCommand)(command)
    for name, target in GROUPS:
        if only is None or name == only:
            module, _, attribute = target.partition(":")
            application.add_typer(getattr(importlib.import_module(module), attribute), name=name)
    return application


def __getattr__(name: str) -> Any:
    if name == "app":  # built once, on first use, with every command
        found = globals()["app"] = build_app()
        return found
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main(argv: list[str] | None = None) -> None:
    """The ``planner`` entry point; ``--debug`` anywhere shows an internal error's traceback."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args == ["--version"]:
        from planner import __version__

        sys.stdout.write(f"planner {__version__}\n")
        return
    # pydantic looks for plugins among every installed package's entry points on first use
    # (importlib.metadata, email ...: a fifth of a small run); planner's models have no use
    # for them. A plugin can still be enabled by setting PYDANTIC_DISABLE_PLUGINS yourself.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    debug = "--debug" in args or os.environ.get("PLANNER_DEBUG") == "1"
    args = [arg for arg in args if arg != "--debug"]
    command = next((arg for arg in args if not arg.startswith("-")), None)
    only = command if command in {**dict(COMMANDS), **dict(GROUPS)} else None
    try:
        try:
            build_app(only)(args=args, prog_name="planner")
        finally:
            sys.stdout.flush()  # a full disk behind `> file` is found here, not at exit
    except OSError as error:
        if not _writing_output(error):
            _internal_error(error, debug)
        sys.stderr.write(f"planner: cannot write standard output: {error.strerror}\n")
        sys.exit(1)
    except Exception as error:  # everything the commands did not turn into a message
        _internal_error(error, debug)


def run() -> NoReturn:
    """The ``planner`` program (console script, ``python -m planner``): :func:`main`, then a
    quick exit.

    Once the output is flushed and the exit handlers have run (planner's cache is written
    by one), the interpreter's own teardown, which frees every module and object one by
    one, is of no use: about 25 ms of a 0.3 s ``planner validate`` (bench/startup.py), paid
    on every save by an editor or a pre-commit hook. The process ends there instead, with
    the status ``sys.exit`` would give. A thread still running is waited for as usual.
    """
    try:
        main()
        status = 0
    except SystemExit as stop:
        status = _status(stop.code)
    import atexit
    import threading

    others = [t for t in threading.enumerate() if t is not threading.main_thread()]
    if any(thread.is_alive() and not thread.daemon for thread in others):
        sys.exit(status)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:
        sys.exit(status)  # reported as main() reports it, by the usual exit
    atexit._run_exitfuncs()
    os._exit(status)


def _status(code: object) -> int:
    """The exit status ``sys.exit(code)`` gives; a text is printed, as it prints it."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    sys.stderr.write(f"{code}\n")
    return 1


def _writing_output(error: OSError) -> bool:
    """Whether ``error`` is standard output refusing what was printed (``> /dev/full``):
    no file name, and a reason only a write gives."""
    import errno

    refusals = {errno.ENOSPC, errno.EFBIG, errno.EDQUOT, errno.EIO, errno.EPIPE}
    return error.filename is None and error.errno in refusals


def _internal_error(error: Exception, debug: bool) -> NoReturn:
    """One line (or with --debug the traceback) and exit status 3, never 1."""
    if debug:
        import traceback

        traceback.print_exception(error)
    what = f"{type(error).__name__}: {error}".splitlines()[0][:300]
    sys.stderr.write(
        f"planner: internal error ({what}); run with --debug for details, and please report it\n"
    )
    sys.exit(INTERNAL_ERROR)
