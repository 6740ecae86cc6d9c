"""Terminal text: colour only where wanted, rule documentation without raw Markdown."""

from __future__ import annotations

import io

import pytest
from typer.testing import CliRunner

from planner.cli import app
from planner.cli.terminal import colour_diagnostics, markdown_for_terminal, wants_colour
from planner.rules import RULES
from tests.hybrid.test_hybrid import NAIROBI


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("env", "tty", "expected"),
    [
        ({}, True, True),
        ({}, False, False),
        ({"NO_COLOR": "1"}, True, False),
        ({"TERM": "dumb"}, True, False),
        ({"FORCE_COLOR": "1"}, False, True),
    ],
)
def test_wants_colour(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], tty: bool, expected: bool
) -> None:
    for name in ("NO_COLOR", "FORCE_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert wants_colour(_Tty() if tty else io.StringIO()) is expected


def test_only_the_severity_and_code_are_painted() -> None:
    line = 'a.yaml:3:7: error person-double-booked: Kim is in both "A: b" and "C"\n'
    painted = colour_diagnostics(line)
    assert "\033[31merror" in painted
    assert painted.replace("\033[", "").count("Kim is in both") == 1
    plain = painted
    for code in ("\033[1m", "\033[31m", "\033[2m", "\033[0m"):
        plain = plain.replace(code, "")
    assert plain == line


@pytest.mark.parametrize("code", list(RULES))
def test_every_rule_reads_without_markdown(code: str) -> None:
    result = CliRunner().invoke(app, ["rules", code], env={"NO_COLOR": "1"})
    assert result.exit_code == 0
    assert "```" not in result.stdout and "\n#" not in result.stdout
    assert "\033[" not in result.stdout
    assert result.stdout.splitlines()[1] == "=" * len(code)


def test_fenced_yaml_is_indented() -> None:
    text = markdown_for_terminal("## Example\n```yaml\nkim: {name: Kim}\n```\nAfter `x`.\n")
    assert text == "Example\n=======\n    kim: {name: Kim}\nAfter x.\n"


def test_piped_validate_has_no_colour() -> None:
    result = CliRunner().invoke(app, ["validate", str(NAIROBI)], env={"FORCE_COLOR": ""})
    assert "\033[" not in result.stdout and "warning night-session" in result.stdout
