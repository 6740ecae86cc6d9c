"""The rules package stays a tree: rules import shared helpers, never one another, and no
module of planner/rules imports one that imports it back (not even for types)."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

from planner.rules.registry import RULES
from tests.conftest import ROOT

PACKAGE = ROOT / "planner" / "rules"


def _imports(path: Path) -> set[str]:
    """planner.rules modules that ``path`` imports, at any level (type-only included)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "planner.rules":
                found.update(f"planner.rules.{alias.name}" for alias in node.names)
            elif node.module.startswith("planner.rules."):
                found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("planner.rules."))
    return {name for name in found if (PACKAGE / f"{name.rsplit('.', 1)[1]}.py").exists()}


GRAPH = {f"planner.rules.{path.stem}": _imports(path) for path in PACKAGE.glob("*.py")}


def test_no_rule_imports_another_rule() -> None:
    rule_modules = {type(rule).__module__ for rule in RULES.values()}
    crossing = {
        module: sorted(GRAPH[module] & rule_modules)
        for module in rule_modules
        if GRAPH[module] & rule_modules
    }
    assert not crossing, f"move what they share to planner/rules/helpers.py: {crossing}"


def test_the_rules_package_has_no_import_cycle() -> None:
    def visit(module: str, trail: tuple[str, ...]) -> None:
        assert module not in trail, " -> ".join([*trail, module])
        for target in GRAPH.get(module, ()):
            if target != "planner.rules.__init__":
                visit(target, (*trail, module))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 2000))
    for module in GRAPH:
        if not module.endswith("__init__"):
            visit(module, ())
