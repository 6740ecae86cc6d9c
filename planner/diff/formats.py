"""What changed between two versions, as exporters (``DiffExporter``), for the registry."""

from __future__ import annotations

from planner.diff.render import render_json, render_markdown, render_text
from planner.exporters.rendered import Rendered

__all__ = ["JsonDiff", "MarkdownDiff", "TextDiff"]


class TextDiff(Rendered, render=render_text):
    """For a terminal: a summary line, then each changed session and who is affected."""

    name, extension, content_type = "text", "txt", "text/plain; charset=utf-8"


class MarkdownDiff(Rendered, render=render_markdown):
    """A pull-request comment, starting with ``MARKDOWN_MARKER``."""

    name, extension, content_type = "markdown", "md", "text/markdown; charset=utf-8"


class JsonDiff(Rendered, render=render_json):
    """For tools: the same facts as data."""

    name, extension, content_type = "json", "json", "application/json"
