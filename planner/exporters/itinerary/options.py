"""How a schedule is rendered: options every renderer accepts (most ignore some)."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["MARKDOWN_WIDTH", "RenderOptions"]

MARKDOWN_WIDTH = 100
"""Markdown's page when ``--width`` is not given (not the terminal's: a Markdown file is
read elsewhere)."""


@dataclass(frozen=True, slots=True)
class RenderOptions:
    width: int = 100
    """Columns a text table may take (long text is wrapped to fit)."""
    tablefmt: str = "simple"
    """tabulate's table format, for ``--format table``."""
    language: str | None = None
    """The language to write in (a BCP 47 tag planner has a catalog for); None: the
    reader's, else the programme's (see planner.languages)."""
    paper: str = "a4"
    """Page size of printed formats (PDF): ``a4`` or ``letter``."""
    sheet_per_day: bool = False
    """Spreadsheets (XLSX): one sheet per day instead of one sheet for everything."""
