"""Conflict and sanity rules, run on the resolved programme (see planner.rules.engine)."""

from planner.rules.engine import check_programme

__all__ = ["check_programme"]
