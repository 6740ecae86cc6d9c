"""What changed between two versions, as exporters (``DiffExporter``), for the registry."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from planner.diff.compare import ProgrammeDiff
from planner.diff.render import render_json, render_markdown, render_text

__all__ = ["JsonDiff", "MarkdownDiff", "TextDiff"]

Renderer = Callable[[ProgrammeDiff], str]


class _RenderedDiff:
    name: ClassVar[str]
    extension: ClassVar[str]
    content_type: ClassVar[str]
    _renderers: ClassVar[dict[type, Renderer]] = {}

    def __init_subclass__(cls, render: Renderer, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        _RenderedDiff._renderers[cls] = render

    def export(self, diff: ProgrammeDiff) -> bytes:
        return self._renderers[type(self)](diff).encode("utf-8")


class TextDiff(_RenderedDiff, render=render_text):
    """For a terminal: a summary line, then each changed session and who is affected."""

    name, extension, content_type = "text", "txt", "text/plain; charset=utf-8"


class MarkdownDiff(_RenderedDiff, render=render_markdown):
    """A pull-request comment, starting with ``MARKDOWN_MARKER``."""

    name, extension, content_type = "markdown", "md", "text/markdown; charset=utf-8"


class JsonDiff(_RenderedDiff, render=render_json):
    """For tools: the same facts as data."""

    name, extension, content_type = "json", "json", "application/json"
