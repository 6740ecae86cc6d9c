"""Text from the YAML cannot forge output: no terminal escape acts, no line of its own, no
markup in Markdown. A title here tries each trick at once."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planner.cli import app
from planner.escaping import markdown_literal, printable

FORGED = (
    "Opening\\n::error file=events.yaml,line=1::forged\\nevents.yaml is valid: 0 errors."
    "\\e[2J\\e]0;owned\\a\\u2028# Heading\\n- [x] @everyone <img src=x onerror=alert(1)> | x |"
)
PROGRAMME = f"""\
version: 1
programme: {{name: Forgery, timezone: Asia/Seoul}}
venues:
  sgc: {{name: "Hall\\e[31m", timezone: Asia/Seoul}}
people:
  kim: {{name: "Kim\\n::warning::x"}}
events:
  tour:
    title: Tour
    venue: sgc
    participants: [kim]
    sessions:
      - {{title: "{FORGED}", start: "2024-04-17 10:00", duration: 2h}}
      - {{title: Lunch, start: "2024-04-17 11:00", duration: 1h}}
"""


@pytest.fixture
def forged(tmp_path: Path) -> Path:
    path = tmp_path / "events.yaml"
    path.write_text(PROGRAMME, encoding="utf-8")
    return path


def _lines(args: list[str]) -> list[str]:
    result = CliRunner().invoke(app, args)
    assert result.exit_code in (0, 1), result.output
    assert "\x1b" not in result.output and "\u2028" not in result.output
    return result.output.splitlines()


def test_text_and_github_reports_keep_each_diagnostic_on_its_line(forged: Path) -> None:
    text = _lines(["validate", str(forged)])
    # Every line is one of ours: a diagnostic at its place, a "see also", or the summary.
    assert all(line.startswith((f"{forged}:", f"{forged} has", "    see also ")) for line in text)
    assert text[-1].startswith(f"{forged} has errors")
    assert "\\n::error file=events.yaml" in text[0] or "\\n::error file=events.yaml" in text[1]
    github = _lines(["validate", str(forged), "--format", "github"])
    commands = [line for line in github if line.startswith("::")]
    assert len(commands) == len(github) - 1  # an annotation per diagnostic, then the summary
    assert all(line.startswith(("::error file=", "::warning file=")) for line in commands)


def test_list_prints_names_and_titles_escaped(forged: Path) -> None:
    people = _lines(["list", "people", "-f", str(forged)])
    assert any("Kim\\n::warning::x" in line for line in people)
    assert not any(line.startswith("::") for line in people)
    assert any("Hall\\e[31m" in line for line in _lines(["list", "venues", "-f", str(forged)]))


def test_the_markdown_diff_holds_no_forged_heading_mention_or_html(
    forged: Path, tmp_path: Path
) -> None:
    old = tmp_path / "old.yaml"
    old.write_text(PROGRAMME.replace(FORGED, "Opening"), encoding="utf-8")
    result = CliRunner().invoke(app, ["diff", str(old), str(forged), "--format", "markdown"])
    headings = [line for line in result.output.splitlines() if line.startswith("#")]
    assert headings[:1] == ["### Programme changes"]
    assert all(not line.startswith("# ") for line in result.output.splitlines())
    assert "@everyone" not in result.output
    assert re.search(r"(?<!\\)<img", result.output) is None
    assert "@\u2060everyone" in result.output and "\\<img" in result.output


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("a\nb", "a\\nb"),
        ("\x1b[2J", "\\e[2J"),
        ("\u202eevil", "\\u202eevil"),
        ("x\u0085y\u2029", "x\\x85y\\u2029"),
        ("plain text, kept as is", "plain text, kept as is"),
    ],
)
def test_printable_shows_controls_escaped(raw: str, shown: str) -> None:
    assert printable(raw) == shown


def test_markdown_literal_neutralises_markup() -> None:
    assert markdown_literal("# Title") == "\\# Title"
    assert markdown_literal("- item") == "\\- item"
    assert markdown_literal("1. item") == "1\\. item"
    assert markdown_literal("<b>&amp;</b>") == "\\<b\\>\\&amp;\\</b\\>"
    assert markdown_literal("hi @team\nnext") == "hi @\u2060team\\\\nnext"  # shows as \n
