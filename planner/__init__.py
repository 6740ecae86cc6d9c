"""planner: validate, check and publish multi-city programmes written as YAML.

>>> import planner
>>> programme = planner.load("events.yaml")          # raises planner.ProgrammeError
>>> report = planner.validate_file("events.yaml")    # loading plus the conflict rules
>>> entry = planner.registry.get("itinerary", "html")
>>> page = entry.exporter()().export(programme, planner.Selection(person="lee-kyong-yul"))

Every name of ``__all__`` is imported on first use, so ``import planner`` (and
``planner --version``) costs almost nothing.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from planner.diagnostics import Diagnostic, Location, ProgrammeError, Severity, Summary
    from planner.exporters import registry
    from planner.exporters.base import (
        DiffExporter,
        Exporter,
        FolderExporter,
        ReportExporter,
        Selection,
    )
    from planner.exporters.ics import IcsExporter
    from planner.exporters.itinerary import AgendaExporter, ItineraryExporter, RenderOptions
    from planner.loading import LoadResult, load, load_programme
    from planner.output import OutputError, write_file, write_tree
    from planner.timeline import Programme
    from planner.validation import ValidationReport, validate_file

__version__ = "0.1.0"

_WHERE = {
    "Diagnostic": "planner.diagnostics",
    "Location": "planner.diagnostics",
    "ProgrammeError": "planner.diagnostics",
    "Severity": "planner.diagnostics",
    "Summary": "planner.diagnostics",
    "LoadResult": "planner.loading",
    "load": "planner.loading",
    "load_programme": "planner.loading",
    "Programme": "planner.timeline",
    "ValidationReport": "planner.validation",
    "validate_file": "planner.validation",
    "Selection": "planner.exporters.base",
    "Exporter": "planner.exporters.base",
    "FolderExporter": "planner.exporters.base",
    "ReportExporter": "planner.exporters.base",
    "DiffExporter": "planner.exporters.base",
    "registry": "planner.exporters.registry",
    "IcsExporter": "planner.exporters.ics",
    "ItineraryExporter": "planner.exporters.itinerary",
    "AgendaExporter": "planner.exporters.itinerary",
    "RenderOptions": "planner.exporters.itinerary",
    "OutputError": "planner.output",
    "write_file": "planner.output",
    "write_tree": "planner.output",
}
"""Each public name and the module it lives in."""

__all__ = [
    "AgendaExporter",
    "Diagnostic",
    "DiffExporter",
    "Exporter",
    "FolderExporter",
    "IcsExporter",
    "ItineraryExporter",
    "LoadResult",
    "Location",
    "OutputError",
    "Programme",
    "ProgrammeError",
    "RenderOptions",
    "ReportExporter",
    "Selection",
    "Severity",
    "Summary",
    "ValidationReport",
    "load",
    "load_programme",
    "registry",
    "validate_file",
    "write_file",
    "write_tree",
]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'planner' has no attribute {name!r}")
    module = importlib.import_module(_WHERE[name])
    # A public module (``planner.registry``) is the module itself, not one of its names.
    value = module if module.__name__.rpartition(".")[2] == name else getattr(module, name)
    globals()[name] = value  # the next use is a plain lookup
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
