"""From validated entries to the resolved programme: references, zones, times, repeats.

The parts, in the order they run: organisations and venues (``venues``), people and their
travel (``people``), groups (``groups``, a pure expansion), then events and their sessions
(``events``, ``sessions``; a session's times come from the pure ``timing``). ``context``
holds what they share: the entries, where each is written, and the diagnostics found.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from types import MappingProxyType
from typing import Any

from planner.diagnostics import Diagnostic, Location, Severity, limit_per_code
from planner.limits import DIAGNOSTICS_PER_CODE
from planner.loading.files import SourceFiles
from planner.loading.resolve.context import Context, slugify
from planner.loading.resolve.events import resolve_event
from planner.loading.resolve.groups import expand_groups
from planner.loading.resolve.people import resolve_person
from planner.loading.resolve.venues import resolve_organisation, resolve_venue
from planner.loading.sourcemap import PathPart
from planner.loading.validate import Entry, ValidatedSections
from planner.timeline import objects as timeline
from planner.timeline.programme import Programme
from planner.timeline.times import parse_duration
from planner.timeline.zones import get_zone

__all__ = ["resolve", "resolve_counted", "slugify"]


def resolve(
    sources: SourceFiles, sections: ValidatedSections
) -> tuple[Programme | None, list[Diagnostic]]:
    """The resolved programme (None if the settings are unusable) and every problem found
    (past the budget per code, one line per code says how many more there are)."""
    programme, found, left_out = resolve_counted(sources, sections)
    return programme, limit_per_code(found, DIAGNOSTICS_PER_CODE.value(), already_left_out=left_out)


def resolve_counted(
    sources: SourceFiles, sections: ValidatedSections
) -> tuple[Programme | None, list[Diagnostic], dict[str, int]]:
    """As :func:`resolve`, with the diagnostics past the budget per code only counted."""
    context = Context(sources, sections)
    programme = _programme(context)
    return programme, context.diagnostics, context.left_out


def _programme(context: Context) -> Programme | None:
    settings = context.sections.settings
    entries = context.sections.entries
    organisations = {
        key: resolve_organisation(context, entry) for key, entry in entries["organisations"].items()
    }
    for key, entry in entries["venues"].items():
        venue = resolve_venue(context, entry)
        if venue is not None:
            context.venues[key] = venue
    for key, entry in entries["people"].items():
        context.people[key] = resolve_person(context, entry)
    _resolve_groups(context)
    programme_zone = get_zone("UTC")
    if settings is not None:
        header = Entry("programme", settings, context.sources.files[0], ("programme",))
        programme_zone = context.zone(settings.timezone, header, "timezone") or programme_zone
    events = {
        key: resolve_event(context, entry, programme_zone)
        for key, entry in entries["events"].items()
    }
    if settings is None:
        return None
    files = context.sources.files
    modified = max(loaded.path.stat().st_mtime for loaded in files)
    return Programme(
        name=context.text(settings.name),
        uid_domain=settings.uid_domain or _default_uid_domain(context),
        timezone=programme_zone,
        reminders=tuple(parse_duration(text) or timedelta() for text in settings.reminders),
        rules=MappingProxyType(dict(settings.rules)),
        organisations=MappingProxyType(organisations),
        venues=MappingProxyType(context.venues),
        people=MappingProxyType(context.people),
        groups=MappingProxyType(context.groups),
        events=MappingProxyType(events),
        files=tuple(loaded.display for loaded in files),
        modified=datetime.fromtimestamp(int(modified), UTC),
        warnings=(),
        references=MappingProxyType(context.references),
        rules_locations=MappingProxyType(_rules_locations(context)),
        open_sessions=tuple(context.open_sessions),
        tracks=MappingProxyType(
            {
                key: timeline.Track(key, context.text(entry.model.name), entry.model.color)
                for key, entry in entries["tracks"].items()
            }
        ),
        language=settings.language,
    )


DEFAULT_UID_DOMAIN = "planner.invalid"
"""The UID domain of a programme without ``uid_domain``: fixed, so that renaming the programme
or its file never changes a calendar UID (which would give every subscriber duplicates)."""


def _default_uid_domain(context: Context) -> str:
    header = Entry("programme", None, context.sources.files[0], ("programme",))
    context.report(
        "uid-domain-missing",
        "calendar UIDs end in the placeholder `@planner.invalid` because `uid_domain` is not "
        "set; pin them for good with `uid_domain: events.your-organisation.org` (a domain you "
        "control) under `programme:`, before anyone subscribes",
        context.where(header, at_key=True),
        Severity.WARNING,
    )
    return DEFAULT_UID_DOMAIN


def _resolve_groups(context: Context) -> None:
    entries = context.sections.entries["groups"]
    for entry in entries.values():
        for index, member in enumerate(entry.model.members):
            context.refer(("people", "groups"), member, entry, "members", index)
    members = {group_id: entry.model.members for group_id, entry in entries.items()}
    expansion = expand_groups(members, context.people)
    for cycle in expansion.cycles:
        context.report(
            "group-cycle",
            f"the groups form a cycle: {' -> '.join(cycle.path)}; a group may not contain itself",
            context.where(entries[cycle.group], "members", cycle.index),
        )
    for group_id, entry in entries.items():
        context.groups[group_id] = timeline.Group(
            group_id,
            context.text(entry.model.name),
            tuple(entry.model.members),
            expansion.people.get(group_id, ()),
            context.where(entry, at_key=True),
            entry.model.language,
        )


def _rules_locations(context: Context) -> dict[tuple[PathPart, ...], Location]:
    """Locations of everything under ``programme.rules``, for the rule engine's messages."""
    data = context.sources.files[0].data
    found: dict[tuple[PathPart, ...], Location] = {}
    programme = data.get("programme")
    if isinstance(programme, dict) and "rules" in programme:
        _locate_rules(context, data, (), programme["rules"], found)
    return found


def _locate_rules(
    context: Context,
    data: Any,
    path: tuple[PathPart, ...],
    value: Any,
    found: dict[tuple[PathPart, ...], Location],
) -> None:
    at_key = bool(path) and isinstance(path[-1], str)
    found[path] = context.sources.source_map.locate(
        data, ("programme", "rules", *path), at_key=at_key
    )
    children: Iterable[tuple[PathPart, Any]] = ()
    if isinstance(value, dict):
        children = value.items()
    elif isinstance(value, list):
        children = enumerate(value)
    for key, child in children:
        if len(path) < 4:  # rule settings are shallow; a deeper typo is found at its parent
            _locate_rules(context, data, (*path, key), child, found)
