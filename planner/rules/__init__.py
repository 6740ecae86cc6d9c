"""Conflict and sanity rules, run on the resolved programme.

One module per rule (``planner/rules/<code>.py``), one table (:mod:`planner.rules.registry`),
one entry point (:func:`check_programme`). See docs/rules.md or ``planner rules``.
"""

from planner.rules.base import Finding, Rule, RuleSettings
from planner.rules.engine import check_programme, selected_rules
from planner.rules.registry import RULES, UnknownRuleError, find_rule

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
