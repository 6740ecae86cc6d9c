"""Every command and format of ``planner``, run on one programme, and what must hold of each run.

Shared by the corpus replay (tests/fuzz/test_corpus.py) and the mutation fuzzer
(tests/fuzz/fuzz.py): a run may exit 0, 1 or 2 (3 is an internal error, which is a bug), must
not raise, and text meant for a terminal or a CI log must hold no control character that
could redraw the screen or start a forged line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from typer.testing import CliRunner

from planner.cli import app

__all__ = [
    "BASE_PROGRAMME",
    "Outcome",
    "check_outputs",
    "checking_commands",
    "publishing_commands",
    "run",
]

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
    venue = _first(path, ("venues",))
    if venue is not None:  # a room grid is one venue's
        yield ["agenda", *file, "--by", "room", "--venue", venue]
    yield ["build", *file, "-o", str(out / "site")]
    for report in ("text", "markdown", "json"):
        yield ["diff", str(base), str(path), "--format", report]
    # The printed and spreadsheet outputs, the frab schedules and the solver: their files
    # are read back by check_outputs.
    for report in ("xml", "json"):
        yield ["frab", *file, "--format", report, "-o", str(out / f"frab.{report}")]
    yield ["agenda", *file, "--format", "xlsx", "-o", str(out / "agenda.xlsx")]
    if venue is not None:
        yield ["agenda", *file, "--by", "room", "--venue", venue, "--format", "xlsx",
               "-o", str(out / "rooms.xlsx")]  # fmt: skip
    yield ["itinerary", "--all", *file, "--format", "xlsx", "-o", str(out / "xlsx")]
    yield ["agenda", *file, "--format", "pdf", "-o", str(out / "agenda.pdf")]
    who = _first(path, ("groups", "people"))
    if who is not None:
        yield ["pack", who, *file, "-o", str(out / "pack.pdf")]
    yield ["schedule", *file, "-o", str(out / "scheduled.yaml"), "--time-limit", "5"]


def _first(path: Path, sections: tuple[str, ...]) -> str | None:
    """The first id of the first of ``sections`` that has one (whom ``pack`` is made for...)."""
    import yaml

    try:
        data = yaml.safe_load(path.read_bytes())
    except (yaml.YAMLError, ValueError, OSError):
        return None
    for section in sections:
        entries = data.get(section) if isinstance(data, dict) else None
        if isinstance(entries, dict) and entries:
            return str(next(iter(entries)))
    return None


def check_outputs(out: Path) -> list[str]:
    """What is wrong with the files written under ``out``, read back by independent readers:
    a formula in a spreadsheet cell (text from the YAML must stay text), XML or JSON that
    does not parse, a PDF that is not one."""
    found = []
    for path in sorted(out.rglob("*")) if out.exists() else ():
        if path.suffix == ".xlsx":
            found += [f"{path.name}: {problem}" for problem in _xlsx_problems(path)]
        elif path.suffix == ".xml" and path.parent == out:
            found += [f"{path.name}: {problem}" for problem in _xml_problems(path)]
        elif path.suffix == ".json" and path.parent == out:
            try:
                json.loads(path.read_bytes())
            except ValueError as error:
                found.append(f"{path.name}: not JSON ({error})")
        elif path.suffix == ".pdf" and not path.read_bytes().startswith(b"%PDF-"):
            found.append(f"{path.name}: not a PDF")
    return found


def _xlsx_problems(path: Path) -> list[str]:
    import openpyxl

    book = openpyxl.load_workbook(path)
    return [
        f"a formula in {sheet.title}!{cell.coordinate}: {str(cell.value)[:40]!r}"
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.data_type == "f"
    ]


def _xml_problems(path: Path) -> list[str]:
    from xml.etree import ElementTree

    try:
        ElementTree.fromstring(path.read_bytes())
    except ElementTree.ParseError as error:
        return [f"not well-formed XML ({error})"]
    return []
