"""Diagnostic reports: the same diagnostics as text, JSON or GitHub Actions annotations.

Each renderer takes the diagnostics and the files checked and returns the whole report as
text; :mod:`planner.reporting.formats` wraps them as the registry's ``report`` exporters.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from planner.diagnostics import Diagnostic, Severity, Summary
from planner.escaping import printable

__all__ = ["render_errors", "render_github", "render_json", "render_sarif", "render_text"]


def summary_line(diagnostics: Sequence[Diagnostic], files: Sequence[str]) -> str:
    """``events.yaml is valid: 0 errors, 1 warning, 2 info.``"""
    summary = Summary.of(diagnostics)
    checked = printable(", ".join(files)) or "nothing"
    verdict = "has errors" if summary.errors else "is valid"
    return f"{checked} {verdict}: {summary.sentence()}."


def render_text(diagnostics: Sequence[Diagnostic], files: Sequence[str]) -> str:
    """``file:line:col: severity code: message`` per diagnostic, then a summary line."""
    lines = []
    for diagnostic in diagnostics:
        lines.append(str(diagnostic))
        lines.extend(f"    see also {printable(str(related))}" for related in diagnostic.related)
    lines.append(summary_line(diagnostics, files))
    return "\n".join(lines) + "\n"


def render_errors(diagnostics: Sequence[Diagnostic]) -> str:
    """The errors alone, each with its related places, no summary (a refusal's own line
    follows): what a publishing command that refuses prints."""
    lines = []
    for diagnostic in diagnostics:
        if diagnostic.severity is Severity.ERROR:
            lines.append(str(diagnostic))
            lines.extend(f"    see also {related}" for related in diagnostic.related)
    return "".join(f"{line}\n" for line in lines)


def render_json(diagnostics: Sequence[Diagnostic], files: Sequence[str]) -> str:
    """``{"files": [...], "diagnostics": [...], "summary": {...}}``."""
    # One diagnostic per line, each encoded by json's C encoder: ``indent`` would send the
    # whole document through the pure-Python encoder, a third of a run with thousands of
    # diagnostics. The result is the same JSON, still one diagnostic to a line for diffs.
    encode = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode
    rows = ",\n    ".join(encode(diagnostic.to_dict()) for diagnostic in diagnostics)
    body = f"[\n    {rows}\n  ]" if rows else "[]"
    return (
        f'{{\n  "files": {encode(list(files))},\n  "diagnostics": {body},\n'
        f'  "summary": {encode(Summary.of(diagnostics).to_dict())}\n}}\n'
    )


_GITHUB_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(text: str) -> str:
    """A workflow command's text: ``%``, CR and LF encoded as GitHub reads them, and every
    other control character shown escaped (a log renders ANSI colours and moves)."""
    encoded = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return printable(encoded)


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(diagnostics: Sequence[Diagnostic], files: Sequence[str]) -> str:
    """GitHub Actions workflow commands: an annotation on the line of each diagnostic."""
    lines = []
    for diagnostic in diagnostics:
        level = _GITHUB_LEVELS[diagnostic.severity]
        properties = [f"title={_escape_property(diagnostic.code)}"]
        if diagnostic.location is not None:
            where = diagnostic.location
            properties[:0] = [
                f"file={_escape_property(where.file)}",
                f"line={where.line}",
                f"col={where.column}",
            ]
        lines.append(f"::{level} {','.join(properties)}::{_escape_data(diagnostic.message)}")
    lines.append(summary_line(diagnostics, files))
    return "\n".join(lines) + "\n"


def render_sarif(diagnostics: Sequence[Diagnostic], files: Sequence[str]) -> str:
    """A SARIF 2.1.0 log for code scanning (:mod:`planner.reporting.sarif`, imported only
    here: it reads the rule table and the installed package's metadata)."""
    from planner.reporting import sarif

    return sarif.render_sarif(diagnostics, files)
