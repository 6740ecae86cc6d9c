"""Writing placements back into the YAML text, touching nothing else.

The loader's source map gives the line and column of every key. A placed session gets
``start`` just before its ``duration`` key (in the same style: a new line in a block
mapping, ``start: "...", `` in a flow mapping); an existing ``start``, ``venue`` or
``room`` has only its value replaced, in its own quoting. Comments, order, quoting and
includes stay as they were, so the change reviews as a small diff.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from planner.loading.files import LoadedFile, SourceFiles
from planner.loading.yaml12 import read_text
from planner.schedule.solve import Placement

__all__ = ["Edited", "WriteBackError", "edit_files"]

_PLAIN_END = re.compile(r"\s+#|\s*$", re.MULTILINE)
_FLOW_PLAIN_END = re.compile(r"\s*(?:[,}\]]|\s#|$)", re.MULTILINE)


class WriteBackError(ValueError):
    """The file cannot be edited where the session is (it changed, or is written oddly)."""


@dataclass(frozen=True, slots=True)
class Edited:
    """One file's text before and after."""

    path: Path
    display: str
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class _Edit:
    offset: int
    remove: int
    insert: str


def edit_files(
    sources: SourceFiles, placements: tuple[Placement, ...], max_bytes: int
) -> list[Edited]:
    """Every file that changes, with its new text (nothing is written here).

    ``sources`` are the parsed files the programme was loaded from: their source map says
    where each key is written.
    """
    edits: dict[int, list[_Edit]] = {}
    texts: dict[int, str] = {}
    line_starts: dict[int, list[int]] = {}
    for placement in placements:
        if not placement.moved:
            continue
        number, item = _find(sources, placement)
        loaded = sources.files[number]
        if number not in texts:
            text, problem = read_text(loaded.path, loaded.display, max_bytes)
            if text is None:
                message = problem.message if problem else f"cannot read {loaded.display}"
                raise WriteBackError(message)
            texts[number] = text
            line_starts[number] = [0] + [m.end() for m in re.finditer("\n", text)]
        path = _item_path(loaded, placement)
        writer = _SessionWriter(sources, loaded, path, item, texts[number], line_starts[number])
        edits.setdefault(number, []).extend(writer.edits(placement))
    found = []
    for number, changes in sorted(edits.items()):
        loaded = sources.files[number]
        before = texts[number]
        found.append(Edited(loaded.path, loaded.display, before, _apply(before, changes)))
    return found


def _find(sources: SourceFiles, placement: Placement) -> tuple[int, dict[str, Any]]:
    session = placement.task.session
    for number, loaded in enumerate(sources.files):
        events = loaded.data.get("events")
        event = events.get(session.event_id) if isinstance(events, dict) else None
        sessions = event.get("sessions") if isinstance(event, dict) else None
        if isinstance(sessions, list) and session.index < len(sessions):
            item = sessions[session.index]
            if isinstance(item, dict):
                return number, item
    raise WriteBackError(f"`{session.key}` is no longer where it was read; run schedule again")


def _item_path(loaded: LoadedFile, placement: Placement) -> list[str | int]:
    session = placement.task.session
    return ["events", session.event_id, "sessions", session.index]


def _apply(text: str, edits: list[_Edit]) -> str:
    # From the end of the file backwards, so earlier offsets stay valid; several inserts at
    # one place keep their order.
    ordered = sorted(enumerate(edits), key=lambda pair: (pair[1].offset, pair[0]), reverse=True)
    for _, edit in ordered:
        text = text[: edit.offset] + edit.insert + text[edit.offset + edit.remove :]
    return text


class _SessionWriter:
    """Edits of one session's mapping in one file's text."""

    def __init__(
        self,
        sources: SourceFiles,
        loaded: LoadedFile,
        path: list[str | int],
        item: dict[str, Any],
        text: str,
        line_starts: list[int],
    ) -> None:
        self.sources = sources
        self.loaded = loaded
        self.path = path
        self.item = item
        self.text = text
        self.line_starts = line_starts
        self.flow = text[self.offset(path)] == "{"

    def offset(self, path: list[str | int], *, at_key: bool = False) -> int:
        where = self.sources.source_map.locate(self.loaded.data, path, at_key=at_key)
        return self.line_starts[where.line - 1] + where.column - 1

    def edits(self, placement: Placement) -> list[_Edit]:
        session = placement.task.session
        local = placement.start.astimezone(session.timezone)
        values: dict[str, str] = {"start": f"{local:%Y-%m-%d %H:%M}"}
        choice = placement.choice
        if choice.venue_id and (len(session.venue_ids) > 1 or "venue" in self.item):
            values["venue"] = choice.venue_id
        if choice.room_id and (len(session.room_ids) > 1 or "room" not in self.item):
            values["room"] = choice.room_id
        found = []
        for key, value in values.items():
            if key in self.item:
                if str(self.item[key]) != value:
                    found.append(self.replace(key, value))
            else:
                found.append(self.insert(key, value))
        return found

    def insert(self, key: str, value: str) -> _Edit:
        anchor = "duration" if "duration" in self.item else next(iter(self.item))
        offset = self.offset([*self.path, anchor], at_key=True)
        shown = f'"{value}"' if key == "start" else value
        if self.flow:
            return _Edit(offset, 0, f"{key}: {shown}, ")
        column = offset - self.line_starts[bisect_right(self.line_starts, offset) - 1]
        return _Edit(offset, 0, f"{key}: {shown}\n{' ' * column}")

    def replace(self, key: str, value: str) -> _Edit:
        offset = self.offset([*self.path, key])
        quote = self.text[offset]
        if quote in "\"'":
            end = self._closing(offset, quote)
            return _Edit(offset, end - offset, f"{quote}{value}{quote}")
        pattern = _FLOW_PLAIN_END if self.flow else _PLAIN_END
        match = pattern.search(self.text, offset)
        end = match.start() if match else len(self.text)
        return _Edit(offset, end - offset, value)

    def _closing(self, offset: int, quote: str) -> int:
        position = offset + 1
        while position < len(self.text):
            char = self.text[position]
            if quote == '"' and char == "\\":
                position += 2
                continue
            if char == quote:
                if quote == "'" and self.text[position + 1 : position + 2] == "'":
                    position += 2
                    continue
                return position + 1
            position += 1
        raise WriteBackError(f"an unclosed quote in {self.loaded.display}")
