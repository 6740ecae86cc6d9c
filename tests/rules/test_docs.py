"""Every rule is documented, listed, and docs/rules.md is generated from the rules."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planner.cli import app
from planner.cli.terminal import markdown_for_terminal
from planner.rules import RULES, Rule
from planner.rules.base import SECTIONS
from planner.rules.docs import rules_page

ROOT = Path(__file__).resolve().parents[2]
RULE_LIST = list(RULES.values())


@pytest.mark.parametrize("rule", RULE_LIST, ids=[rule.code for rule in RULE_LIST])
def test_rule_is_a_documented_unit(rule: Rule) -> None:
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.code)
    module = rule.code.replace("-", "_")
    assert type(rule).__module__ == f"planner.rules.{module}"
    assert rule.summary.endswith(".") and len(rule.summary) < 100
    sections = rule.sections()
    assert list(sections) == list(SECTIONS), f"{rule.code}: sections {list(sections)}"
    assert all(len(text) > 40 for text in sections.values())
    assert "```yaml" in sections["Example"]
    for name, _default, description in rule.settings_doc():
        assert description, f"{rule.code}: setting {name} has no description"


def test_docs_page_is_generated_from_the_rules() -> None:
    page = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert page == rules_page(), "run: python -m planner.rules.docs docs/rules.md"
    for rule in RULE_LIST:
        assert f"## `{rule.code}`" in page


def test_planner_rules_lists_every_rule_with_its_severity() -> None:
    result = CliRunner().invoke(app, ["rules"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()[1:]
    assert [line.split()[:2] for line in lines] == [
        [rule.code, str(rule.default_severity)] for rule in RULE_LIST
    ]


@pytest.mark.parametrize("rule", RULE_LIST, ids=[rule.code for rule in RULE_LIST])
def test_planner_rules_code_prints_the_whole_page(rule: Rule) -> None:
    result = CliRunner().invoke(app, ["rules", rule.code], env={"NO_COLOR": "1"})
    assert result.exit_code == 0
    assert result.stdout == markdown_for_terminal(rule.documentation())
    assert "\nHow to fix\n----------\n" in result.stdout and "\nSettings\n--------\n" in result.stdout


def test_planner_rules_with_an_unknown_code_suggests_the_closest() -> None:
    result = CliRunner().invoke(app, ["rules", "travel-tme"])
    assert result.exit_code == 2
    assert "there is no rule `travel-tme`; did you mean `travel-time`?" in result.stderr
