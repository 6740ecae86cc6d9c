"""One table of diagnostic codes (planner/codes.py): what reads it agrees with it."""

from __future__ import annotations

import re

from typer.testing import CliRunner

from planner.cli import app
from planner.codes import (
    CODES,
    Stage,
    UndeclaredCode,
    declared,
    markdown_table,
    refresh_tables,
)
from planner.reporting.sarif import sarif_log
from planner.rules.registry import RULES
from tests.conftest import ROOT


def test_every_rule_is_declared_with_its_severity_and_summary() -> None:
    for code, rule in RULES.items():
        found = declared(code)
        assert found.stage is Stage.RULES
        assert (rule.default_severity, rule.summary) == (found.severity, found.summary)


def test_codes_are_kebab_case_one_sentence_each() -> None:
    for found in CODES.values():
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", found.code)
        assert found.summary.endswith(".") and len(found.summary) < 100, found.code


def test_an_undeclared_code_is_refused_by_name() -> None:
    try:
        declared("no-such-code")
    except UndeclaredCode as error:
        assert "no-such-code" in str(error)
    else:
        raise AssertionError("an undeclared code was accepted")


def test_sarif_lists_exactly_the_declared_codes() -> None:
    rules = sarif_log([], [])["runs"][0]["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == sorted(CODES)
    by_id = {rule["id"]: rule for rule in rules}
    assert by_id["ambiguous-time"]["defaultConfiguration"] == {"level": "warning"}
    assert by_id["yaml-syntax"]["shortDescription"]["text"] == CODES["yaml-syntax"].summary


def test_the_docs_show_the_table() -> None:
    format_page = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    assert markdown_table(Stage.LOADING) in format_page
    assert markdown_table(Stage.SCHEDULING) in format_page
    assert refresh_tables(format_page) == format_page, "run: python -m planner.codes docs/format.md"
    every_page = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "docs").glob("*.md"))
    missing = [code for code in CODES if f"`{code}`" not in every_page]
    assert not missing, f"document these codes: {missing}"


def test_planner_rules_lists_and_explains_every_code() -> None:
    runner = CliRunner()
    listing = runner.invoke(app, ["rules", "--all"])
    assert listing.exit_code == 0
    assert [line.split()[0] for line in listing.output.splitlines()[1:]] == list(CODES)
    one = runner.invoke(app, ["rules", "group-cycle"])
    assert (
        one.output == "group-cycle (loading, error): Groups that contain each other in a cycle.\n"
    )
    typo = runner.invoke(app, ["rules", "unknwn-reference"])
    assert typo.exit_code == 2 and "did you mean `unknown-reference`?" in typo.output
