"""HTML to PDF with WeasyPrint, imported here only: other commands never pay for it."""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

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

    with _missing_glyphs() as missing:  # logged while drawing, in write_pdf
        document = weasyprint.HTML(string=html, base_url=None).render()
        stamp = os.environ.get("SOURCE_DATE_EPOCH", "")
        if stamp.strip().isdigit():
            when = datetime.fromtimestamp(int(stamp), UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            document.metadata.created = document.metadata.modified = when
        data = document.write_pdf()
    assert data is not None  # without a target, write_pdf returns the bytes
    return Rendered(bytes(data), frozenset(missing))


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
