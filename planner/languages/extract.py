"""The messages planner translates, found in its sources, and the catalogs kept in step.

:data:`SOURCES` is the extraction list: the folders whose modules write what a reader
sees (itineraries, agendas, feeds, the site). Every literal passed there to a
:class:`~planner.languages.Language`'s ``gettext``, ``ngettext`` or ``pgettext`` is a
message. ``python -m planner.languages.extract`` writes them to ``catalogs/messages.pot``
and merges them into each ``.po`` (new messages arrive untranslated, for a translator;
the tests fail until every catalog translates every message).
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog

__all__ = ["CATALOGS", "SOURCES", "TEMPLATE", "extract", "main", "update_catalogs"]

PLANNER = Path(__file__).resolve().parents[1]
SOURCES = ("exporters", "publish", "languages", "changes")
"""Folders of the ``planner`` package whose modules hold messages (those present)."""
CATALOGS = Path(__file__).resolve().parent / "catalogs"
TEMPLATE = CATALOGS / "messages.pot"
_KEYWORDS = {"gettext": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
_FIXED_DATE = datetime(2026, 1, 1)
"""Headers carry this date, so an unchanged catalog is an unchanged file."""


def _modules() -> Iterator[Path]:
    for folder in SOURCES:
        yield from sorted((PLANNER / folder).rglob("*.py"))


def extract() -> Catalog:
    """Every message in :data:`SOURCES`, with the files it is in and translators' comments."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract as extract_messages

    catalog = Catalog(project="planner", creation_date=_FIXED_DATE, fuzzy=False)
    for module in _modules():
        relative = module.relative_to(PLANNER.parent).as_posix()
        with module.open("rb") as source:
            found = extract_messages(
                "python", source, keywords=_KEYWORDS, comment_tags=("Translators:",)
            )
            for _line, message, comments, context in found:
                catalog.add(message, None, [(relative, 0)], auto_comments=comments, context=context)
    return catalog


def _write(catalog: Catalog, path: Path) -> None:
    from babel.messages.pofile import write_po

    out = io.BytesIO()
    write_po(out, catalog, width=100, sort_output=True, include_lineno=False)
    path.write_bytes(out.getvalue())


def update_catalogs() -> list[Path]:
    """Write the template and merge it into every catalog; the files written."""
    from babel.messages.pofile import read_po

    template = extract()
    _write(template, TEMPLATE)
    written = [TEMPLATE]
    for path in sorted(CATALOGS.glob("*.po")):
        with path.open("rb") as source:
            catalog = read_po(source)
        catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
        catalog.obsolete.clear()  # a message planner no longer prints needs no translation
        catalog.revision_date = _FIXED_DATE
        _write(catalog, path)
        written.append(path)
    return written


def main() -> int:
    for path in update_catalogs():
        print(f"wrote {path.relative_to(PLANNER.parent)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
