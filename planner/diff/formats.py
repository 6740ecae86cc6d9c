"""What changed between two versions, as exporters (``DiffExporter``), for the registry."""

from __future__ import annotations

from typing import ClassVar

from planner.diff.compare import ProgrammeDiff
from planner.diff.render import render_json, render_markdown, render_text

__all__ = ["JsonDiff", "MarkdownDiff", "TextDiff"]


class _RenderedDiff:
    name: ClassVar[str]
    extension: ClassVar[str]
    content_type: ClassVar[str]

    def render(self, diff: ProgrammeDiff) -> str:
        raise NotImplementedError

    def export(self, diff: ProgrammeDiff) -> bytes:
        return self.render(diff).encode("utf-8")


class TextDiff(_RenderedDiff):
    """For a terminal: a summary line, then each changed session and who is affected."""

    name, extension, content_type = "text", "txt", "text/plain; charset=utf-8"

    def render(self, diff: ProgrammeDiff) -> str:
        return render_text(diff)


class MarkdownDiff(_RenderedDiff):
    """A pull-request comment, starting with ``MARKDOWN_MARKER``."""

    name, extension, content_type = "markdown", "md", "text/markdown; charset=utf-8"

    def render(self, diff: ProgrammeDiff) -> str:
        return render_markdown(diff)


class JsonDiff(_RenderedDiff):
    """For tools: the same facts as data."""

    name, extension, content_type = "json", "json", "application/json"

    def render(self, diff: ProgrammeDiff) -> str:
        return render_json(diff)
