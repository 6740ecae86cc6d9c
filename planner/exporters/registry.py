"""Every output planner can produce, in one table that the CLI, ``build`` and the docs read.

An entry names its exporter by import path and loads it only when asked, so reading the
table (``planner --help``, ``planner validate``) imports no exporter. Adding a format is
one module (the exporter class) plus one line in :data:`FORMATS`; see
docs/architecture.md, "Adding an export format".

    >>> from planner.exporters import registry
    >>> registry.names("itinerary")
    ('table', 'markdown', 'csv', 'json', 'html')
    >>> registry.get("feed", "ics").exporter()().export(programme, Selection())  # bytes
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any, Literal, TypeVar, get_args

__all__ = [
    "FORMATS",
    "KINDS",
    "Format",
    "Kind",
    "UnknownFormat",
    "formats",
    "get",
    "help_text",
    "names",
    "published",
]

Kind = Literal["feed", "itinerary", "agenda", "schedule", "listing", "pack", "report", "diff"]
"""What an output is of, which also says what its exporter reads: a programme (``feed``,
``itinerary``, ``agenda``, ``schedule``, ``listing``, ``pack``:
:class:`~planner.exporters.base.Exporter`), the diagnostics of a check (``report``:
``ReportExporter``) or a comparison (``diff``: ``DiffExporter``)."""
KINDS: tuple[Kind, ...] = get_args(Kind)
T = TypeVar("T")


class UnknownFormat(LookupError):
    """No entry of that kind has that name."""


@dataclass(frozen=True, slots=True)
class Format:
    """One output: its ``--format`` name, file type, exporter class, and place in the site."""

    kind: Kind
    name: str
    """The ``--format`` choice; unique within its kind."""
    extension: str
    """File name extension without the dot (the exporter class says the same)."""
    content_type: str
    exporter_path: str
    """``package.module:Class``, imported only by :meth:`exporter`."""
    summary: str
    """A few words for ``--help`` and the docs."""
    site: str | None = None
    """Where ``planner build`` publishes it, relative to the site: a folder for an exporter
    of files (``FolderExporter``), else a file name. None: not published."""
    label: str = ""
    """How the site's index names it beside the other formats of its kind."""

    @property
    def published(self) -> bool:
        return self.site is not None

    def exporter(self) -> type:
        """The exporter class, imported now."""
        module_name, _, class_name = self.exporter_path.partition(":")
        found = getattr(importlib.import_module(module_name), class_name)
        if not isinstance(found, type):
            raise TypeError(f"{self.exporter_path} is not a class")
        return found

    def build(self, base: type, **options: Any) -> Any:
        """An exporter for a command: a ``base`` subclass gets the command's ``options``
        (``--tz``, ``--width`` ...); any other class (a new format that only follows the
        protocol) is built with its own defaults."""
        found = self.exporter()
        return found(**options) if issubclass(found, base) else found()

    def exporter_as(self, base: type[T]) -> type[T]:
        """The exporter class, checked to be a ``base`` (for the constructor's options)."""
        found = self.exporter()
        if not issubclass(found, base):
            raise TypeError(f"{self.exporter_path} is not a {base.__name__}")
        return found


_ITINERARY = "planner.exporters.itinerary.exporters"
_REPORT = "planner.reporting.formats"
_DIFF = "planner.diff.formats"
_LISTING = "planner.reporting.listing"
_PDF_MODULE = "planner.exporters.pdf"
_XLSX_MODULE = "planner.exporters.xlsx"
_PDF = "application/pdf"
_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_TEXT, _MARKDOWN = "text/plain; charset=utf-8", "text/markdown; charset=utf-8"
_CSV, _HTML, _JSON = "text/csv; charset=utf-8", "text/html; charset=utf-8", "application/json"

FORMATS: tuple[Format, ...] = (
    # kind, name, extension, content type, exporter, summary[, where build puts it, index label]
    Format("feed", "ics", "ics", "text/calendar", "planner.exporters.ics.feed:IcsExporter",
           "iCalendar (RFC 5545) feeds", site="ics", label="iCalendar"),
    Format("itinerary", "table", "txt", _TEXT, f"{_ITINERARY}:TableItinerary",
           "text tables, see --tablefmt"),
    Format("itinerary", "markdown", "md", _MARKDOWN, f"{_ITINERARY}:MarkdownItinerary",
           "Markdown", site="itineraries", label="Markdown"),
    Format("itinerary", "csv", "csv", _CSV, f"{_ITINERARY}:CsvItinerary",
           "CSV, safe to open in a spreadsheet"),
    Format("itinerary", "json", "json", _JSON, f"{_ITINERARY}:JsonItinerary",
           "JSON, a list of items"),
    Format("itinerary", "html", "html", _HTML, f"{_ITINERARY}:HtmlItinerary",
           "a page that prints on A4", site="itineraries", label="printable page"),
    Format("itinerary", "pdf", "pdf", _PDF, f"{_PDF_MODULE}:PdfItinerary",
           "a PDF to print, a day per page (A4, or --paper letter)"),
    Format("itinerary", "xlsx", "xlsx", _XLSX, f"{_XLSX_MODULE}:XlsxItinerary",
           "a spreadsheet with real date-time cells"),
    Format("agenda", "table", "txt", _TEXT, f"{_ITINERARY}:TableAgenda",
           "text tables, see --tablefmt"),
    Format("agenda", "markdown", "md", _MARKDOWN, f"{_ITINERARY}:MarkdownAgenda",
           "Markdown", site="agenda.md", label="Markdown"),
    Format("agenda", "csv", "csv", _CSV, f"{_ITINERARY}:CsvAgenda",
           "CSV, safe to open in a spreadsheet"),
    Format("agenda", "json", "json", _JSON, f"{_ITINERARY}:JsonAgenda",
           "JSON, a list of items"),
    Format("agenda", "html", "html", _HTML, f"{_ITINERARY}:HtmlAgenda",
           "a page that prints on A4", site="agenda.html", label="printable page"),
    Format("agenda", "pdf", "pdf", _PDF, f"{_PDF_MODULE}:PdfAgenda",
           "a PDF to print, a day per page (A4, or --paper letter)"),
    Format("agenda", "xlsx", "xlsx", _XLSX, f"{_XLSX_MODULE}:XlsxAgenda",
           "a spreadsheet with real date-time cells (--sheet-per day)"),
    Format("schedule", "xml", "xml", "application/vnd.c3voc.schedule+xml",
           "planner.exporters.frab:FrabXmlExporter", "frab/c3voc schedule.xml",
           site="schedule", label="schedule.xml"),
    Format("schedule", "json", "json", _JSON, "planner.exporters.frab:FrabJsonExporter",
           "c3voc schedule.json", site="schedule", label="schedule.json"),
    Format("listing", "table", "txt", _TEXT, f"{_LISTING}:TableListing",
           "a text table, see --tablefmt"),
    Format("listing", "json", "json", _JSON, f"{_LISTING}:JsonListing",
           "JSON, a list of objects"),
    Format("listing", "xlsx", "xlsx", _XLSX, f"{_XLSX_MODULE}:XlsxListing",
           "a spreadsheet"),
    Format("pack", "pdf", "pdf", _PDF, f"{_PDF_MODULE}.pack:PackPdf",
           "a delegate pack: cover, programme, itineraries, venues, contacts"),
    Format("report", "text", "txt", _TEXT, f"{_REPORT}:TextReport",
           "file:line:col: severity code: message"),
    Format("report", "json", "json", _JSON, f"{_REPORT}:JsonReport",
           "the diagnostics as data", site="diagnostics.json", label="diagnostics"),
    Format("report", "github", "txt", _TEXT, f"{_REPORT}:GithubReport",
           "GitHub Actions annotations"),
    Format("report", "sarif", "sarif", "application/sarif+json", f"{_REPORT}:SarifReport",
           "SARIF 2.1.0 for code scanning"),
    Format("diff", "text", "txt", _TEXT, f"{_DIFF}:TextDiff", "for a terminal"),
    Format("diff", "markdown", "md", _MARKDOWN, f"{_DIFF}:MarkdownDiff",
           "a pull-request comment"),
    Format("diff", "json", "json", _JSON, f"{_DIFF}:JsonDiff", "for tools"),
)  # fmt: skip
"""Every output, in the order ``--help``, the docs and the site list them."""


def formats(kind: Kind) -> tuple[Format, ...]:
    """The entries of one kind, in table order."""
    return tuple(entry for entry in FORMATS if entry.kind == kind)


def names(kind: Kind) -> tuple[str, ...]:
    """The ``--format`` choices of one kind."""
    return tuple(entry.name for entry in formats(kind))


def get(kind: Kind, name: str) -> Format:
    """The entry of ``kind`` called ``name``; :class:`UnknownFormat` names the choices."""
    for entry in formats(kind):
        if entry.name == name:
            return entry
    raise UnknownFormat(f"no {kind} format `{name}` (choose from {', '.join(names(kind))})")


def published() -> tuple[Format, ...]:
    """What ``planner build`` writes, in table order."""
    return tuple(entry for entry in FORMATS if entry.published)


def help_text(kind: Kind) -> str:
    """``markdown (Markdown), csv (...)`` for a ``--format`` option's help."""
    return ", ".join(f"{entry.name} ({entry.summary})" for entry in formats(kind))
