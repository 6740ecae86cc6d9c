"""Every budget planner keeps on its input, with its default and the setting that raises it.

A programme comes from whoever commits to the repository, so nothing in it may make planner
run without end or fill memory. Each budget below is checked where the work happens, and
the message that reports it names the setting that raises it. docs/limits.md lists them
for users; a test keeps that page and this module in step.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import timedelta

__all__ = [
    "DIAGNOSTICS_PER_CODE",
    "FILE_SIZE",
    "FIRST_YEAR",
    "INCLUDE_WALK",
    "LAST_YEAR",
    "LIMITS",
    "MAX_DURATION",
    "MAX_ID_LENGTH",
    "MAX_INTEGER",
    "OCCURRENCES",
    "REPEAT_SEARCH",
    "SESSION_OCCURRENCES",
    "YAML_NODES",
    "Limit",
]


@dataclass(frozen=True, slots=True)
class Limit:
    """A budget a user may raise: its default, and the environment variable that sets it."""

    variable: str
    default: int
    what: str
    option: str = ""

    def value(self) -> int:
        """The environment variable's value when it is a positive whole number, else the default."""
        text = os.environ.get(self.variable, "").strip()
        return (
            int(text) if text.isdigit() and 0 < len(text) < 19 and int(text) > 0 else self.default
        )

    def how_to_raise(self) -> str:
        """``raise it with --max-file-size or the PLANNER_MAX_FILE_SIZE environment variable``."""
        option = f"{self.option} or " if self.option else ""
        return f"raise it with {option}the {self.variable} environment variable"


FILE_SIZE = Limit(
    "PLANNER_MAX_FILE_SIZE",
    64 * 1024 * 1024,
    "bytes in one YAML file (the root file or an included one)",
    "--max-file-size",
)
YAML_NODES = Limit(
    "PLANNER_MAX_YAML_NODES",
    2_200_000,
    "YAML values and keys in the whole programme, all files together",
)
OCCURRENCES = Limit(
    "PLANNER_MAX_OCCURRENCES",
    250_000,
    "occurrences of sessions in the whole programme, repeats expanded",
)
SESSION_OCCURRENCES = Limit(
    "PLANNER_MAX_SESSION_OCCURRENCES",
    1_000,
    "occurrences of one repeating session",
)
REPEAT_SEARCH = Limit(
    "PLANNER_MAX_REPEAT_SEARCH",
    100_000,
    "periods (days, weeks, months, years) one repeat rule may search for its occurrences",
)
DIAGNOSTICS_PER_CODE = Limit(
    "PLANNER_MAX_DIAGNOSTICS",
    200,
    "diagnostics shown per code; the rest are counted in one line",
)
INCLUDE_WALK = Limit(
    "PLANNER_MAX_INCLUDE_WALK",
    100_000,
    "files and folders one include pattern may look at",
)

LIMITS: tuple[Limit, ...] = (
    FILE_SIZE,
    YAML_NODES,
    OCCURRENCES,
    SESSION_OCCURRENCES,
    REPEAT_SEARCH,
    DIAGNOSTICS_PER_CODE,
    INCLUDE_WALK,
)
"""The budgets a user can raise, in the order docs/limits.md lists them."""

# Fixed ranges: a value outside them is a mistake in the programme, not a big programme.
FIRST_YEAR = 1900
LAST_YEAR = 2199
MAX_DURATION = timedelta(days=366)
MAX_ID_LENGTH = 64
MAX_INTEGER = 2**63 - 1
