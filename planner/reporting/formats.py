"""The diagnostic reports as exporters (``ReportExporter``), for the registry.

Each is a thin class naming one renderer of :mod:`planner.reporting`; the registry's
``report`` entries name the classes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from planner.diagnostics import Diagnostic
from planner.reporting import render_github, render_json, render_sarif, render_text

__all__ = ["GithubReport", "JsonReport", "SarifReport", "TextReport"]

Renderer = Callable[[Sequence[Diagnostic], Sequence[str]], str]


class _RenderedReport:
    name: ClassVar[str]
    extension: ClassVar[str]
    content_type: ClassVar[str]
    _renderers: ClassVar[dict[type, Renderer]] = {}

    def __init_subclass__(cls, render: Renderer, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        _RenderedReport._renderers[cls] = render

    def export(self, diagnostics: Sequence[Diagnostic], files: Sequence[str]) -> bytes:
        return self._renderers[type(self)](diagnostics, files).encode("utf-8")


class TextReport(_RenderedReport, render=render_text):
    """``file:line:col: severity code: message`` per diagnostic, then a summary line."""

    name, extension, content_type = "text", "txt", "text/plain; charset=utf-8"


class JsonReport(_RenderedReport, render=render_json):
    """``{"files": [...], "diagnostics": [...], "summary": {...}}``."""

    name, extension, content_type = "json", "json", "application/json"


class GithubReport(_RenderedReport, render=render_github):
    """GitHub Actions workflow commands: an annotation on the line of each diagnostic."""

    name, extension, content_type = "github", "txt", "text/plain; charset=utf-8"


class SarifReport(_RenderedReport, render=render_sarif):
    """A SARIF 2.1.0 log for code scanning."""

    name, extension, content_type = "sarif", "sarif", "application/sarif+json"
