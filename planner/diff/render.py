"""A ProgrammeDiff as text (a terminal), Markdown (a pull-request comment) or JSON (tools).

All three say the same things in the same order: a summary line, then each changed session
in the order it happens with what changed and who is affected, then the problems the change
introduces and fixes, apart from those that were already there.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Sequence
from typing import Any

from planner.diagnostics import Diagnostic, Summary
from planner.diff.compare import PersonRef, ProgrammeDiff, SessionChange, Side
from planner.escaping import markdown_literal, printable

__all__ = ["MARKDOWN_MARKER", "render_json", "render_markdown", "render_text"]

MARKDOWN_MARKER = "<!-- planner-diff -->"
"""First line of the Markdown report, so a CI job can find and update its earlier comment."""

GITHUB_COMMENT_LIMIT = 60_000
"""GitHub refuses comments over 65,536 characters; stay well below."""

_WIDTH = 100
_ID_NOTE = (
    "calendar subscribers will see it as a new event; "
    "an explicit `id:` on the session keeps it stable"
)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def summary_sentence(diff: ProgrammeDiff) -> str:
    """``3 sessions changed (1 moved, 1 cancelled, 1 added); 17 people affected.``"""
    if not diff.changes:
        return "No session changed."
    kinds = ", ".join(f"{count} {kind.label}" for kind, count in diff.counts().items())
    people = len(diff.affected)
    affected = "1 person affected" if people == 1 else f"{people} people affected"
    return f"{_plural(len(diff.changes), 'session')} changed ({kinds}); {affected}."


def _problems_sentence(diff: ProgrammeDiff) -> str:
    """The closing line: no new problems, and how many were already there."""
    if diff.introduced or diff.resolved:
        if not diff.unchanged:
            return "No other problems."
        return f"Already there and unchanged: {Summary.of(diff.unchanged).sentence()}."
    if not diff.unchanged:
        return "No problems."
    return f"No new problems; already there: {Summary.of(diff.unchanged).sentence()}."


def _not_loading(diff: ProgrammeDiff) -> list[Side]:
    return [side for side in (diff.old, diff.new) if not side.loads]


# -- text ----------------------------------------------------------------------------------


def _wrapped(text: str, indent: str) -> list[str]:
    return textwrap.wrap(text, _WIDTH, initial_indent=indent, subsequent_indent=indent + "  ")


def _names(people: Sequence[PersonRef]) -> str:
    return ", ".join(person.name for person in people)


def _affected_line(change: SessionChange) -> str:
    count = len(change.affected)
    if not count:
        return "nobody listed"
    return f"{count} affected: {_names(change.affected)}"


def _text_change(change: SessionChange) -> list[str]:
    lines = [f"{change.headline}: {change.title} ({change.key})"]
    shown = {field.field for field in change.fields}
    if not {"when", "where"} & shown:
        lines += _wrapped(f"{change.when} at {change.where}", "    ")
    for field in change.fields:
        lines += _wrapped(f"{field.field}: {field.before} -> {field.after}", "    ")
    if change.previous_key:
        lines += _wrapped(f"note: {_ID_NOTE}", "    ")
    if change.people_added:
        lines += _wrapped(f"added: {_names(change.people_added)}", "    ")
    if change.people_removed:
        lines += _wrapped(f"removed: {_names(change.people_removed)}", "    ")
    lines += _wrapped(_affected_line(change), "    ")
    return lines


def _text_diagnostics(title: str, diagnostics: Sequence[Diagnostic]) -> list[str]:
    if not diagnostics:
        return []
    return [f"{title} ({len(diagnostics)}):", *(f"  {d}" for d in diagnostics)]


def _text_failures(diff: ProgrammeDiff) -> list[str]:
    lines = []
    for side in _not_loading(diff):
        errors = side.errors
        lines.append(f"{side.label} does not load ({_plural(len(errors), 'error')}):")
        lines += [f"  {d}" for d in errors]
    lines.append("The sessions cannot be compared until it loads.")
    return lines


def render_text(diff: ProgrammeDiff) -> str:
    """For a terminal: one paragraph per changed session, then the problems."""
    lines = [f"Programme changes from {diff.old.label} to {diff.new.label}"]
    if not diff.comparable:
        return _text_lines([*lines, *_text_failures(diff)])
    lines += [summary_sentence(diff), ""]
    for change in diff.changes:
        lines += [*_text_change(change), ""]
    lines += _text_diagnostics("New problems", diff.introduced)
    lines += _text_diagnostics("Fixed problems", diff.resolved)
    lines.append(_problems_sentence(diff))
    return _text_lines(lines)


def _text_lines(lines: Sequence[str]) -> str:
    """Lines for a terminal: a title's newline or escape code shows escaped, never acts."""
    return "".join(printable(line) + "\n" for line in lines)


# -- markdown ------------------------------------------------------------------------------


def md(text: str) -> str:
    """Text as Markdown shows it literally, on one line: titles and names from the YAML can
    hold `*`, `|`, `#`, HTML, newlines or @mentions, and none of them may act in a comment."""
    return markdown_literal(text)


def _md_change(change: SessionChange) -> list[str]:
    head = change.headline.capitalize()
    event = f" · _{md(change.event_title)}_" if change.event_title else ""
    lines = [f"- **{head}**: {md(change.title)}{event} `{change.key}`"]
    shown = {field.field for field in change.fields}
    if not {"when", "where"} & shown:
        lines.append(f"  - {md(change.when)} at {md(change.where)}")
    for field in change.fields:
        lines.append(f"  - {field.field}: {md(field.before)} → **{md(field.after)}**")
    if change.previous_key:
        lines.append(f"  - note: {md(_ID_NOTE)}")
    if change.people_added:
        lines.append(f"  - added: {md(_names(change.people_added))}")
    if change.people_removed:
        lines.append(f"  - removed: {md(_names(change.people_removed))}")
    lines.append(f"  - {md(_affected_line(change))}")
    return lines


def _md_diagnostic(diagnostic: Diagnostic) -> str:
    where = f" `{printable(str(diagnostic.location))}`" if diagnostic.location else ""
    return f"- **{diagnostic.severity}** `{diagnostic.code}`{where}: {md(diagnostic.message)}"


def _md_diagnostics(title: str, diagnostics: Sequence[Diagnostic]) -> list[str]:
    if not diagnostics:
        return []
    return ["", f"#### {title} ({len(diagnostics)})", *map(_md_diagnostic, diagnostics)]


def _who_to_tell(diff: ProgrammeDiff) -> list[str]:
    """Who must be told what: people grouped by the set of changes that concern them.

    Grouping keeps the list short when a whole delegation shares the same changes, which is
    the usual case (a delegation attends its programme together).
    """
    per_person: dict[str, list[SessionChange]] = {}
    for change in diff.changes:
        for person in change.affected:
            per_person.setdefault(person.id, []).append(change)
    groups: dict[tuple[str, ...], list[PersonRef]] = {}
    for person in diff.affected:
        groups.setdefault(tuple(c.key for c in per_person[person.id]), []).append(person)
    if not groups:
        return []
    changes = {change.key: change for change in diff.changes}
    lines = ["", f"<details><summary>Who to tell ({len(per_person)} people)</summary>", ""]
    for keys, people in groups.items():
        told = "; ".join(f"{md(changes[k].title)} ({changes[k].headline})" for k in keys)
        lines.append(f"- {md(_names(people))}: {told}")
    return [*lines, "", "</details>"]


def _md_failures(diff: ProgrammeDiff) -> list[str]:
    lines = []
    for side in _not_loading(diff):
        errors = side.errors
        lines += ["", f"**`{side.label}` does not load** ({_plural(len(errors), 'error')}):"]
        lines += [_md_diagnostic(d) for d in errors]
    return [*lines, "", "The sessions cannot be compared until it loads."]


def _limit(lines: list[str]) -> list[str]:
    """Keep the comment under GitHub's size limit, saying what was left out."""
    kept: list[str] = []
    size = 0
    for index, line in enumerate(lines):
        size += len(line) + 1
        if size > GITHUB_COMMENT_LIMIT:
            left = len(lines) - index
            return [*kept, "", f"_… {left} more lines; run `planner diff` for the whole list._"]
        kept.append(line)
    return kept


def render_markdown(diff: ProgrammeDiff) -> str:
    """For a pull-request comment: a summary, the changes, who to tell, the problems."""
    lines = [
        MARKDOWN_MARKER,
        "### Programme changes",
        "",
        f"From `{printable(diff.old.label)}` to `{printable(diff.new.label)}`.",
    ]
    if not diff.comparable:
        return "\n".join(_limit([*lines, *_md_failures(diff)])) + "\n"
    lines += ["", f"**{summary_sentence(diff)}**", ""]
    for change in diff.changes:
        lines += _md_change(change)
    lines += _who_to_tell(diff)
    lines += _md_diagnostics("New problems", diff.introduced)
    lines += _md_diagnostics("Fixed problems", diff.resolved)
    lines += ["", md(_problems_sentence(diff))]
    return "\n".join(_limit(lines)) + "\n"


# -- json ----------------------------------------------------------------------------------


def _people_json(people: Sequence[PersonRef]) -> list[dict[str, str]]:
    return [{"id": person.id, "name": person.name} for person in people]


def _change_json(change: SessionChange) -> dict[str, Any]:
    return {
        "key": change.key,
        "previous_key": change.previous_key,
        "event": change.event_title,
        "title": change.title,
        "kinds": [str(kind) for kind in change.kinds],
        "fields": [
            {"field": field.field, "before": field.before, "after": field.after}
            for field in change.fields
        ],
        "when": change.when,
        "start": change.start.isoformat(),
        "where": change.where,
        "location": str(change.location),
        "people_added": _people_json(change.people_added),
        "people_removed": _people_json(change.people_removed),
        "affected": _people_json(change.affected),
    }


def _side_json(side: Side) -> dict[str, Any]:
    files = [side.relabel(name) for name in side.programme.files] if side.programme else []
    return {
        "label": side.label,
        "loads": side.loads,
        "files": files,
        "errors": [d.to_dict() for d in side.errors] if not side.loads else [],
    }


def render_json(diff: ProgrammeDiff) -> str:
    """Everything the other formats show, with ids beside names and ISO times."""
    document = {
        "old": _side_json(diff.old),
        "new": _side_json(diff.new),
        "comparable": diff.comparable,
        "changed": diff.changed,
        "summary": {
            "sessions_changed": len(diff.changes),
            "by_kind": {str(kind): count for kind, count in diff.counts().items()},
            "people_affected": len(diff.affected),
        },
        "changes": [_change_json(change) for change in diff.changes],
        "affected": _people_json(diff.affected),
        "diagnostics": {
            "introduced": [d.to_dict() for d in diff.introduced],
            "resolved": [d.to_dict() for d in diff.resolved],
            "unchanged": [d.to_dict() for d in diff.unchanged],
        },
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
