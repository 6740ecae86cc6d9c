"""The diagnostic reports as exporters (``ReportExporter``), for the registry.

Each is a thin class over one renderer of :mod:`planner.reporting`; the registry's
``report`` entries name them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from planner.diagnostics import Diagnostic
from planner.reporting import render_github, render_json, render_text
from planner.reporting.sarif import render_sarif

__all__ = ["GithubReport", "JsonReport", "SarifReport", "TextReport"]


class _RenderedReport:
    name: ClassVar[str]
    extension: ClassVar[str]
    content_type: ClassVar[str]

    def render(self, diagnostics: Sequence[Diagnostic], files: Sequence[str]) -> str:
        raise NotImplementedError

    def export(self, diagnostics: Sequence[Diagnostic], files: Sequence[str]) -> bytes:
        return self.render(diagnostics, files).encode("utf-8")


class TextReport(_RenderedReport):
    """``file:line:col: severity code: message`` per diagnostic, then a summary line."""

    name, extension, content_type = "text", "txt", "text/plain; charset=utf-8"

    def render(self, diagnostics: Sequence[Diagnostic], files: Sequence[str]) -> str:
        return render_text(diagnostics, files)


class JsonReport(_RenderedReport):
    """``{"files": [...], "diagnostics": [...], "summary": {...}}``."""

    name, extension, content_type = "json", "json", "application/json"

    def render(self, diagnostics: Sequence[Diagnostic], files: Sequence[str]) -> str:
        return render_json(diagnostics, files)


class GithubReport(_RenderedReport):
    """GitHub Actions workflow commands: an annotation on the line of each diagnostic."""

    name, extension, content_type = "github", "txt", "text/plain; charset=utf-8"

    def render(self, diagnostics: Sequence[Diagnostic], files: Sequence[str]) -> str:
        return render_github(diagnostics, files)


class SarifReport(_RenderedReport):
    """A SARIF 2.1.0 log for code scanning."""

    name, extension, content_type = "sarif", "sarif", "application/sarif+json"

    def render(self, diagnostics: Sequence[Diagnostic], files: Sequence[str]) -> str:
        return render_sarif(diagnostics, files)
