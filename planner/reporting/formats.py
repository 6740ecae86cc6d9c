"""The diagnostic reports as exporters (``ReportExporter``), for the registry.

Each is a thin class naming one renderer of :mod:`planner.reporting`; the registry's
``report`` entries name the classes.
"""

from __future__ import annotations

from planner.exporters.rendered import Rendered
from planner.reporting import render_github, render_json, render_sarif, render_text

__all__ = ["GithubReport", "JsonReport", "SarifReport", "TextReport"]


class TextReport(Rendered, render=render_text):
    """``file:line:col: severity code: message`` per diagnostic, then a summary line."""

    name, extension, content_type = "text", "txt", "text/plain; charset=utf-8"


class JsonReport(Rendered, render=render_json):
    """``{"files": [...], "diagnostics": [...], "summary": {...}}``."""

    name, extension, content_type = "json", "json", "application/json"


class GithubReport(Rendered, render=render_github):
    """GitHub Actions workflow commands: an annotation on the line of each diagnostic."""

    name, extension, content_type = "github", "txt", "text/plain; charset=utf-8"


class SarifReport(Rendered, render=render_sarif):
    """A SARIF 2.1.0 log for code scanning."""

    name, extension, content_type = "sarif", "sarif", "application/sarif+json"
