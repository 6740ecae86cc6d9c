"""Conflict and sanity rules, run on the resolved programme.

One module per rule (``planner/rules/<code>.py``), one table (:mod:`planner.rules.registry`),
one entry point (:func:`check_programme`). See docs/rules.md or ``planner rules``.
"""

from typing import TYPE_CHECKING, Any

from planner.rules.base import Finding, Rule
from planner.rules.engine import check_programme, selected_rules
from planner.rules.registry import RULES, UnknownRuleError, find_rule

if TYPE_CHECKING:
    from planner.rules.settings import RuleSettings

__all__ = [
    "RULES",
    "Finding",
    "Rule",
    "RuleSettings",
    "UnknownRuleError",
    "check_programme",
    "find_rule",
    "selected_rules",
]


def __getattr__(name: str) -> Any:
    if name == "RuleSettings":  # a pydantic model: imported when asked for, not on every run
        from planner.rules.settings import RuleSettings

        return RuleSettings
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
