"""Exporters: the resolved programme as iCalendar feeds, itineraries, agendas and listings."""

from planner.exporters.base import Exporter, Selection

__all__ = ["Exporter", "Selection"]
