"""Exporters that are one function returning text: the diagnostics reports and the diffs.

A subclass names its renderer and says what it writes; ``export`` passes its arguments on
and encodes the text as UTF-8::

    class TextReport(Rendered, render=render_text):
        name, extension, content_type = "text", "txt", "text/plain; charset=utf-8"
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

__all__ = ["Rendered"]


class Rendered:
    """Base of the exporters whose output is one renderer's text."""

    name: ClassVar[str]
    extension: ClassVar[str]
    content_type: ClassVar[str]
    _render: ClassVar[Callable[..., str]]

    def __init_subclass__(cls, render: Callable[..., str], **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._render = staticmethod(render)

    def export(self, *what: Any) -> bytes:
        """The renderer's text for ``what`` (diagnostics and files, or a diff), as UTF-8."""
        return type(self)._render(*what).encode("utf-8")
