"""HTML to PDF with WeasyPrint, imported here only: other commands never pay for it."""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

__all__ = ["Rendered", "pdf_bytes", "render_pdf"]

_NOTDEF = re.compile(r"\.notdef glyph rendered for Unicode string unsupported by fonts: \"(.*)\"")


class Rendered:
    """A PDF and the characters no installed font could draw (printed as empty boxes)."""

    def __init__(self, data: bytes, missing: frozenset[str]) -> None:
        self.data = data
        self.missing = missing


def render_pdf(html: str) -> Rendered:
    """The PDF of a standalone page (no external assets; images as ``data:`` URLs).

    The document's dates are SOURCE_DATE_EPOCH when set, so a build can be reproduced.
    """
    import weasyprint  # type: ignore[import-untyped]  # heavy (Pango, fonts): only when a PDF is asked for

    fonts, stylesheet, body = _prepared(html)
    with _missing_glyphs() as missing:  # logged while drawing, in write_pdf
        document = weasyprint.HTML(string=body, base_url=None).render(
            stylesheets=stylesheet, font_config=fonts
        )
        stamp = os.environ.get("SOURCE_DATE_EPOCH", "")
        if stamp.strip().isdigit():
            when = datetime.fromtimestamp(int(stamp), UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            document.metadata.created = document.metadata.modified = when
        data = document.write_pdf()
    assert data is not None  # without a target, write_pdf returns the bytes
    return Rendered(bytes(data), frozenset(missing))


_STYLE = re.compile(r"<style>(.*?)</style>", re.DOTALL)
_SHARED: dict[str, Any] = {}
"""One font configuration and each stylesheet parsed once per process: a build makes a
hundred PDFs with the same fonts and the same stylesheet, and measured, parsing them again
for each took a quarter of the time of a short itinerary."""


def prepare() -> None:
    """Import WeasyPrint and load the fonts now: before forking workers, so each inherits
    them rather than paying for them again."""
    _fonts()


def _fonts() -> Any:
    found = _SHARED.get("fonts")
    if found is None:
        from weasyprint.text.fonts import FontConfiguration  # type: ignore[import-untyped]

        found = _SHARED["fonts"] = FontConfiguration()
    return found


def _prepared(html: str) -> tuple[Any, list[Any], str]:
    """The shared fonts, the page's stylesheet (parsed once for every page that has the same
    one) and the page without it."""
    import weasyprint

    fonts = _fonts()
    match = _STYLE.search(html)
    if match is None:
        return fonts, [], html
    key = f"stylesheet:{match.group(1)}"
    stylesheet = _SHARED.get(key)
    if stylesheet is None:
        if len(_SHARED) > 16:  # a long-lived process with many programmes: start afresh
            _SHARED.clear()
            fonts = _fonts()
        stylesheet = _SHARED[key] = weasyprint.CSS(string=match.group(1), font_config=fonts)
    return fonts, [stylesheet], html[: match.start()] + html[match.end() :]


def pdf_bytes(html: str) -> bytes:
    return render_pdf(html).data


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.found: set[str] = set()

    def emit(self, record: logging.LogRecord) -> None:
        match = _NOTDEF.search(record.getMessage())
        if match:
            self.found.update(match.group(1))


@contextmanager
def _missing_glyphs() -> Iterator[set[str]]:
    """WeasyPrint logs each string it draws with .notdef; collect their characters (and
    keep them off the user's terminal: the CLI reports them once, by name)."""
    logger = logging.getLogger("weasyprint")
    collector = _Collector()
    propagate = logger.propagate
    logger.addHandler(collector)
    logger.propagate = False
    try:
        yield collector.found
    finally:
        logger.removeHandler(collector)
        logger.propagate = propagate
