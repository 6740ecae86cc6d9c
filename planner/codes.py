"""Every diagnostic code planner reports, declared once: its stage, severity and meaning.

The codes are part of the public interface (``allow:``, ``programme.rules``, ``--select``,
SARIF ``ruleId``). SARIF's rule list, ``planner rules``, the rules' own defaults and the
docs all read this table; a test fails when the code emits a code that is not here.
A rule's severity here is its default, which ``programme.rules`` may change.

Kept free of heavy imports: every command may read it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from planner.diagnostics import Severity

__all__ = ["CODES", "Code", "Stage", "UndeclaredCode", "codes_of", "declared", "markdown_table"]


class Stage(StrEnum):
    """Where a code comes from."""

    LOADING = "loading"
    """Reading, validating and resolving the file: errors stop everything."""
    RULES = "rules"
    """The conflict rules, run on a programme that loaded."""
    SCHEDULING = "scheduling"
    """Placing open sessions."""


@dataclass(frozen=True, slots=True)
class Code:
    code: str
    stage: Stage
    severity: Severity
    summary: str
    """What it flags, in one sentence."""


_E, _W, _I = Severity.ERROR, Severity.WARNING, Severity.INFO

_TABLE: tuple[tuple[Stage, str, Severity, str], ...] = (
    # -- loading: the file ------------------------------------------------------------------
    (
        Stage.LOADING,
        "yaml-syntax",
        _E,
        "The YAML cannot be read (indentation, a tab, an unclosed bracket...).",
    ),
    (Stage.LOADING, "encoding", _E, "The file is not UTF-8 text."),
    (Stage.LOADING, "empty-file", _E, "There is nothing in the file."),
    (Stage.LOADING, "file-too-large", _E, "The file is larger than the size limit."),
    (Stage.LOADING, "yaml-tag", _E, "A YAML tag that would build an object (not allowed)."),
    (Stage.LOADING, "yaml-alias-limit", _E, "YAML aliases that expand beyond the allowed size."),
    (Stage.LOADING, "duplicate-key", _E, "A key written twice in one mapping."),
    (Stage.LOADING, "not-a-file", _E, "A programme file that is a folder, device or pipe."),
    (Stage.LOADING, "yaml-node-limit", _E, "More YAML values than the node budget allows."),
    (Stage.LOADING, "occurrence-limit", _E, "More session occurrences than the budget allows."),
    (Stage.LOADING, "diagnostic-limit", _E, "More diagnostics of one code than are shown."),
    (
        Stage.LOADING,
        "value-out-of-range",
        _E,
        "A number, date or duration outside the range planner reads.",
    ),
    (
        Stage.LOADING,
        "include-error",
        _E,
        "An include that matches nothing, leaves the folder, or loops.",
    ),
    # -- loading: the entries ---------------------------------------------------------------
    (Stage.LOADING, "schema", _E, "A missing or unknown key, or a value of the wrong kind."),
    (Stage.LOADING, "duplicate-id", _E, "An id defined twice."),
    (Stage.LOADING, "unknown-reference", _E, "A reference to an id that nothing defines."),
    (Stage.LOADING, "invalid-timezone", _E, "A time zone that is not an IANA zone name."),
    (Stage.LOADING, "end-before-start", _E, "Something that ends before it starts."),
    (Stage.LOADING, "nonexistent-time", _E, "A local time inside a daylight-saving gap."),
    (
        Stage.LOADING,
        "ambiguous-time",
        _W,
        "A local time in the hour repeated when daylight saving ends.",
    ),
    (Stage.LOADING, "group-cycle", _E, "Groups that contain each other in a cycle."),
    (Stage.LOADING, "invalid-repeat", _E, "A repeat rule (RRULE) that cannot be used."),
    (
        Stage.LOADING,
        "uid-domain-missing",
        _W,
        "No `uid_domain`: calendar UIDs use a placeholder domain.",
    ),
    (Stage.LOADING, "unmatched-except", _E, "An `except` date that is not an occurrence."),
    (
        Stage.LOADING,
        "missing-time",
        _W,
        "A transfer or travel leg with a date but no time.",
    ),
    # -- rules: their configuration ---------------------------------------------------------
    (Stage.RULES, "unknown-rule", _E, "A rule code names no rule."),
    (Stage.RULES, "rule-settings", _E, "A rule's settings under `programme.rules` are wrong."),
    # -- rules ------------------------------------------------------------------------------
    (Stage.RULES, "person-double-booked", _E, "A person is in two sessions whose times overlap."),
    (
        Stage.RULES,
        "room-double-booked",
        _E,
        "Two sessions overlap in the same room; a venue without rooms is one space.",
    ),
    (
        Stage.RULES,
        "over-capacity",
        _E,
        "Expected attendance exceeds the room's capacity (else the venue's).",
    ),
    (
        Stage.RULES,
        "travel-time",
        _E,
        "A person's consecutive sessions at different venues leave less time than the trip needs.",
    ),
    (Stage.RULES, "outside-event-dates", _E, "A session lies outside its event's `dates`."),
    (Stage.RULES, "outside-venue-hours", _W, "A session runs outside the venue's opening hours."),
    (
        Stage.RULES,
        "public-holiday",
        _W,
        "A session falls on a public holiday of the venue's country.",
    ),
    (Stage.RULES, "weekend", _I, "A session falls on the venue country's weekend."),
    (
        Stage.RULES,
        "outside-presence",
        _E,
        "A person is in a session before their arrival or after their departure.",
    ),
    (Stage.RULES, "unavailable", _E, "A session overlaps a person's `unavailable` window."),
    (
        Stage.RULES,
        "long-day",
        _W,
        "A person's day, first start to last end in local time, exceeds `max_hours`.",
    ),
    (
        Stage.RULES,
        "night-session",
        _W,
        "Part of a session falls in a participant's night, in the zone where they are.",
    ),
    (
        Stage.RULES,
        "outside-window",
        _E,
        "A placed session lies outside its `window`, or starts before a session it follows.",
    ),
    (Stage.RULES, "unused", _I, "An organisation, venue, person or group that nothing refers to."),
    (
        Stage.RULES,
        "missing-translation",
        _I,
        "A text a reader reads is not given in their `language` (their outputs show another).",
    ),
    # -- scheduling open sessions -----------------------------------------------------------
    (Stage.SCHEDULING, "unscheduled", _W, "An open session has not been given a time yet."),
    (Stage.SCHEDULING, "unschedulable", _E, "No time satisfies an open session's constraints."),
)

CODES: Mapping[str, Code] = MappingProxyType(
    {code: Code(code, stage, severity, summary) for stage, code, severity, summary in _TABLE}
)
"""Every code by name, in the order of the table (the order of docs and listings)."""


class UndeclaredCode(LookupError):
    """A code that is not in the table: a programming error, found by the tests."""

    def __init__(self, code: str) -> None:
        super().__init__(f"the diagnostic code `{code}` is not declared in planner/codes.py")


def declared(code: str) -> Code:
    """The declaration of ``code``; :class:`UndeclaredCode` when there is none."""
    found = CODES.get(code)
    if found is None:
        raise UndeclaredCode(code)
    return found


def codes_of(stage: Stage) -> Iterator[Code]:
    """The codes of one stage, in table order."""
    return (code for code in CODES.values() if code.stage is stage)


def markdown_table(stage: Stage) -> str:
    """The codes of ``stage`` as the Markdown table the docs show."""
    rows = [f"| `{c.code}` | {c.severity} | {c.summary} |" for c in codes_of(stage)]
    return "\n".join(["| code | severity | what it means |", "|---|---|---|", *rows]) + "\n"


def refresh_tables(text: str) -> str:
    """``text`` with the table after each ``<!-- codes: STAGE -->`` line regenerated."""
    lines = text.splitlines(keepends=True)
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        out.append(line)
        index += 1
        marker = line.strip()
        if marker.startswith("<!-- codes: ") and marker.endswith(" -->"):
            out.append(markdown_table(Stage(marker[12:-4])))
            while index < len(lines) and lines[index].startswith("|"):
                index += 1
    return "".join(out)


if __name__ == "__main__":  # python -m planner.codes docs/format.md
    import sys
    from pathlib import Path

    for name in sys.argv[1:]:
        page = Path(name)
        page.write_text(refresh_tables(page.read_text(encoding="utf-8")), encoding="utf-8")
