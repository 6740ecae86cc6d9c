"""Every command and format of ``planner``, run on one programme, and what must hold of each run.

Shared by the corpus replay (tests/fuzz/test_corpus.py) and the mutation fuzzer
(tests/fuzz/fuzz.py): a run may exit 0, 1 or 2 (3 is an internal error, which is a bug), must
not raise, and text meant for a terminal or a CI log must hold no control character that
could redraw the screen or start a forged line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from typer.testing import CliRunner

from planner.cli import app

__all__ = ["BASE_PROGRAMME", "Outcome", "checking_commands", "publishing_commands", "run"]

BASE_PROGRAMME = """\
version: 1
programme: {name: Base, timezone: Asia/Seoul}
venues:
  sgc: {name: Seoul Global Center, timezone: Asia/Seoul}
people:
  kim: {name: Kim Min-jun}
events:
  tour:
    title: Tour
    venue: sgc
    participants: [kim]
    sessions:
      - {id: visit, title: Pangyo visit, date: 2024-04-17, time: "14:00-16:00"}
"""
"""The other side of ``planner diff`` for a programme under test."""

# C0 and C1 controls, DEL, and the Unicode line and paragraph separators; tab and newline
# are the only controls a report may hold (newline only between its own lines).
_FORGING = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


@dataclass(frozen=True)
class Outcome:
    args: tuple[str, ...]
    exit_code: int
    output: str
    error: BaseException | None

    def problems(self) -> list[str]:
        """What is wrong with this run: an exception, an exit code outside 0-2, forged text."""
        found = []
        if self.error is not None and not isinstance(self.error, SystemExit):
            found.append(f"raised {type(self.error).__name__}: {self.error}")
        if self.exit_code not in (0, 1, 2):
            found.append(f"exit code {self.exit_code}")
        if _terminal_text(self.args) and _FORGING.search(self.output):
            character = _FORGING.search(self.output)
            assert character is not None
            found.append(f"printed the control character {character.group()!r}")
        return found


def _terminal_text(args: tuple[str, ...]) -> bool:
    """Whether the run prints text for a terminal or a CI log (not CSV, JSON or a file)."""
    data_formats = ("csv", "json", "sarif")  # read by programs; their own escaping applies
    if "-o" in args or ("--format" in args and args[args.index("--format") + 1] in data_formats):
        return False
    return args[0] in ("validate", "list", "agenda", "itinerary", "diff")


def run(args: list[str]) -> Outcome:
    result = CliRunner().invoke(app, args, catch_exceptions=True)
    return Outcome(tuple(args), result.exit_code, result.output, result.exception)


def checking_commands(path: Path) -> Iterator[list[str]]:
    """``validate`` in every report format."""
    for report in ("text", "github", "json", "sarif"):
        yield ["validate", str(path), "--format", report]


def publishing_commands(path: Path, base: Path, out: Path) -> Iterator[list[str]]:
    """Every command that reads a valid programme, in every format, writing under ``out``."""
    file = ["-f", str(path)]
    for kind in ("events", "sessions", "people", "venues", "groups"):
        yield ["list", kind, *file]
    yield ["list", "sessions", *file, "--format", "json"]
    yield ["ics", *file]
    yield ["ics", "--all", *file, "-o", str(out / "feeds")]
    for report in ("table", "markdown", "csv", "json"):
        yield ["agenda", *file, "--format", report]
        yield ["itinerary", "--all", *file, "--format", report, "-o", str(out / report)]
    yield ["agenda", *file, "--by", "room"]
    yield ["build", *file, "-o", str(out / "site")]
    for report in ("text", "markdown", "json"):
        yield ["diff", str(base), str(path), "--format", report]
