"""Itineraries and agendas: the programme as people read it, in every format they print.

First a format-neutral model (:func:`build_itinerary`, :func:`build_agenda`: a header,
days of rows, a summary), then one small renderer per format sharing it: ``table`` (any
tabulate format), ``markdown``, ``csv``, ``json`` and ``html``. The exporter classes
(``MarkdownItinerary``, ``HtmlAgenda`` ...) follow :class:`planner.exporters.base.Exporter`
and are listed in :mod:`planner.exporters.registry`.
"""

from planner.exporters.itinerary.build import (
    NotFound,
    ScheduleBuilder,
    ScheduleError,
    UnknownZone,
    build_agenda,
    build_itinerary,
    check_time_choice,
)
from planner.exporters.itinerary.exporters import (
    AgendaExporter,
    ItineraryExporter,
)
from planner.exporters.itinerary.model import (
    Agenda,
    Day,
    GridDay,
    GridSlot,
    Header,
    Itinerary,
    Row,
    Schedule,
    Summary,
    TimeView,
    Window,
)
from planner.exporters.itinerary.options import RenderOptions

__all__ = [
    "Agenda",
    "AgendaExporter",
    "Day",
    "GridDay",
    "GridSlot",
    "Header",
    "Itinerary",
    "ItineraryExporter",
    "NotFound",
    "RenderOptions",
    "Row",
    "Schedule",
    "ScheduleBuilder",
    "ScheduleError",
    "Summary",
    "TimeView",
    "UnknownZone",
    "Window",
    "build_agenda",
    "build_itinerary",
    "check_time_choice",
]
