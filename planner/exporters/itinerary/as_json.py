"""JSON: a list of items, one per session occurrence or travel leg, in time order.

Each item is encoded once per row and kept, so a thousand itineraries that share
sessions encode each session once.
"""

from __future__ import annotations

import json
from typing import ClassVar

from planner.exporters.itinerary.items import row_item
from planner.exporters.itinerary.model import Row, Schedule
from planner.exporters.itinerary.options import RenderOptions

__all__ = ["JsonRenderer"]


class JsonRenderer:
    name: ClassVar[str] = "json"
    extension: ClassVar[str] = "json"
    content_type: ClassVar[str] = "application/json"

    def __init__(self, options: RenderOptions | None = None) -> None:
        self._encoded: dict[str, str] = {}

    def render(self, schedule: Schedule) -> str:
        items = [self._item(row) for row in schedule.rows]
        if not items:
            return "[]\n"
        return "[\n  " + ",\n  ".join(items) + "\n]\n"

    def _item(self, row: Row) -> str:
        if row.attendees is not None or row.remote:  # per group, or per person's zone
            return _encode(row)
        found = self._encoded.get(row.uid)
        if found is None:
            found = self._encoded[row.uid] = _encode(row)
        return found


def _encode(row: Row) -> str:
    return json.dumps(row_item(row), ensure_ascii=False)
