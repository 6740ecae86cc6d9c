"""Every command's help reads as prose: plain value names, an example, 80 columns."""

from __future__ import annotations

import itertools
import re

import pytest
from typer.testing import CliRunner

from planner.cli import COMMANDS, app
from planner.cli.helptext import plain_metavar

TYPE_LABEL = re.compile(r"<(bool|str|int|float|path|list\[|%Y|[a-z]+ range)", re.IGNORECASE)


@pytest.mark.parametrize("command", ["", *(name for name, _ in COMMANDS)])
def test_help_names_no_python_types(command: str) -> None:
    args = [command, "--help"] if command else ["--help"]
    result = CliRunner().invoke(app, args, env={"COLUMNS": "80"}, color=False)
    assert result.exit_code == 0
    assert not TYPE_LABEL.search(result.stdout), result.stdout
    assert "[x>=" not in result.stdout and "[x<=" not in result.stdout
    assert not command or "Example: planner " in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


@pytest.mark.parametrize(
    ("label", "is_flag", "plain"),
    [
        ("<bool>", True, ""),
        ("<str>", False, "TEXT"),
        ("<list[Path]>", False, "PATH..."),
        ("<%Y-%m-%d>", False, "DATE"),
        ("<%Y-%m-%d|%Y-%m-%d %H:%M>", False, "DATE-TIME"),
        ("<int range>", False, "N"),
        ("<table|markdown|csv>", False, "table|markdown|csv"),
    ],
)
def test_plain_metavar(label: str, is_flag: bool, plain: str) -> None:
    assert plain_metavar(label, is_flag) == plain


def test_validate_takes_f_like_every_other_command(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import SMALL_PROGRAMME

    source = tmp_path / "events.yaml"
    source.write_text(SMALL_PROGRAMME, encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", "-f", str(source)])
    assert result.exit_code == 0
    assert f"{source} is valid" in result.stdout


def test_command_list_describes_each_command_in_whole_lines() -> None:
    """A description wraps where the table wraps it, not where the docstring's source did:
    no line of the command list starts in the middle of a sentence with a short stub."""
    result = CliRunner().invoke(app, ["--help"], env={"COLUMNS": "80"}, color=False)
    assert result.exit_code == 0
    descriptions = [
        line[1:-1].rstrip()
        for line in result.output.splitlines()
        if line.startswith("│") and line.endswith("│")
    ]
    listed = [line for line in descriptions if line.strip()]
    assert any(line.lstrip().startswith("itinerary") for line in listed)
    # Each wrapped line but a description's last fills the column to within a word.
    for line, following in itertools.pairwise(listed):
        continued = following.startswith(" " * 12) and following.strip()
        if continued and not line.lstrip().startswith("--"):
            assert len(line) >= 60, f"a description broke early: {line!r}"
