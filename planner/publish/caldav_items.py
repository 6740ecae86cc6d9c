"""What planner puts into a CalDAV calendar: one resource per session, and how to read it back.

Each resource is a VCALENDAR holding one session's VEVENT (a repeating session with its
overrides: one UID, one resource) and the VTIMEZONEs it needs, marked as planner's:

- ``X-PLANNER-PROGRAMME``: the programme's ``uid_domain``. Only resources that carry the
  programme's own mark are ever updated or deleted; another client's events stay.
- ``X-PLANNER-MARKS``: what counts as a change (:mod:`planner.changes.marks`), so the next
  publication knows which sessions moved and raises their SEQUENCE: the calendar is the
  state.
- ``X-PLANNER-HASH``: a hash of the resource without its DTSTAMP, so an unchanged session
  is not sent again however often the programme is published.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, datetime

from planner import __version__
from planner.changes.marks import Snapshot
from planner.changes.state import Record
from planner.exporters.ics.text import line, text
from planner.exporters.ics.vevent import Rendered
from planner.exporters.ics.vtimezone import vtimezone

__all__ = ["Remote", "parse_remote", "resource", "resource_name"]

_PRODID = f"-//planner//planner {__version__}//EN"
_STATUS = {"CANCELLED": "cancelled", "TENTATIVE": "tentative", "CONFIRMED": "confirmed"}
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")


@dataclass(frozen=True, slots=True)
class Remote:
    """One of planner's resources as the server holds it."""

    href: str
    etag: str | None
    uid: str
    hash: str
    record: Record | None
    """Its version and marks, when the resource carries them."""


def resource_name(uid: str) -> str:
    """``visit.tour_changes.example.org.ics``: the UID with only URL-safe characters."""
    return _UNSAFE.sub("_", uid) + ".ics"


def _marks(found: Snapshot) -> str:
    return " ".join(f"{aspect}={value}" for aspect, value in sorted(found.marks.items()))


def _content_hash(lines: list[bytes]) -> str:
    kept = b"".join(item for item in lines if not item.startswith(b"DTSTAMP:"))
    return hashlib.sha256(kept).hexdigest()[:32]


def resource(rendered: Rendered, found: Snapshot, domain: str) -> tuple[bytes, str]:
    """The resource's bytes and its content hash."""
    zones = [vtimezone(span.zone, span.first, span.last) for span in rendered.zones]
    body = [
        line("VERSION", "2.0"),
        line("PRODID", text(_PRODID)),
        line("CALSCALE", "GREGORIAN"),
        line("X-PLANNER-PROGRAMME", text(domain)),
        line("X-PLANNER-MARKS", text(_marks(found))),
        *zones,
        *rendered.data.splitlines(keepends=True),
    ]
    digest = _content_hash(body)
    data = b"".join(
        [line("BEGIN", "VCALENDAR"), *body[:5], line("X-PLANNER-HASH", digest), *body[5:]]
    )
    return data + line("END", "VCALENDAR"), digest


def _unfolded(data: str) -> list[str]:
    lines: list[str] = []
    for raw in data.replace("\r\n", "\n").split("\n"):
        if raw.startswith((" ", "\t")) and lines:
            lines[-1] += raw[1:]
        elif raw:
            lines.append(raw)
    return lines


def _properties(data: str) -> tuple[dict[str, str], dict[str, str]]:
    """(VCALENDAR's own properties, the first VEVENT's), names upper-cased, values raw."""
    calendar: dict[str, str] = {}
    event: dict[str, str] = {}
    depth: list[str] = []
    for entry in _unfolded(data):
        name, _, value = entry.partition(":")
        name = name.split(";")[0].upper()
        if name == "BEGIN":
            depth.append(value.upper())
        elif name == "END":
            if depth:
                depth.pop()
        elif depth == ["VCALENDAR"]:
            calendar.setdefault(name, value)
        elif depth == ["VCALENDAR", "VEVENT"]:
            event.setdefault(name, value)
    return calendar, event


def _time(value: str) -> datetime | None:
    try:
        return datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    except ValueError:
        return None


def _record(uid: str, calendar: dict[str, str], event: dict[str, str]) -> Record | None:
    marks = dict(
        part.partition("=")[::2] for part in calendar.get("X-PLANNER-MARKS", "").split() if part
    )
    modified = _time(event.get("LAST-MODIFIED", ""))
    sequence = event.get("SEQUENCE", "")
    if not marks or modified is None or not sequence.isdigit():
        return None
    return Record(
        key=uid, event="", title=event.get("SUMMARY", ""),
        status=_STATUS.get(event.get("STATUS", "").upper(), "confirmed"),
        when="", where="", marks=marks, sequence=int(sequence), modified=modified,
    )  # fmt: skip


def parse_remote(href: str, etag: str | None, data: str, domain: str) -> Remote | None:
    """The resource as planner's, when it carries this programme's mark; else None."""
    calendar, event = _properties(data)
    if calendar.get("X-PLANNER-PROGRAMME") != domain or "UID" not in event:
        return None
    uid = event["UID"]
    return Remote(
        href, etag, uid, calendar.get("X-PLANNER-HASH", ""), _record(uid, calendar, event)
    )
