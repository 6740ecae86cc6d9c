"""planner: validate, check and publish multi-city programmes written as YAML.

>>> import planner
>>> programme = planner.load("events.yaml")      # raises planner.ProgrammeError
>>> result = planner.load_programme("events.yaml")  # or collect diagnostics yourself
"""

from planner.diagnostics import Diagnostic, Location, ProgrammeError, Severity, Summary
from planner.loading import LoadResult, load, load_programme
from planner.timeline import Programme

__all__ = [
    "Diagnostic",
    "LoadResult",
    "Location",
    "Programme",
    "ProgrammeError",
    "Severity",
    "Summary",
    "load",
    "load_programme",
]
__version__ = "0.1.0"
