"""Checking each file's sections against the models, and merging them into one set of entries."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from planner.diagnostics import Diagnostic, Location, Severity
from planner.limits import MAX_ID_LENGTH
from planner.loading.files import LoadedFile, SourceFiles
from planner.loading.sourcemap import PathPart
from planner.model.patterns import ID_PATTERN, portable_id
from planner.model.quick import SECTIONS, quick_validate
from planner.suggest import did_you_mean, id_suggestion

if TYPE_CHECKING:
    from planner.model import Event, ProgrammeSettings

__all__ = ["Entry", "ValidatedSections", "validate_sections"]

_ID = re.compile(ID_PATTERN)
_ROOT_KEYS = ("version", "programme", "include", *SECTIONS)
_INCLUDED_KEYS = ("include", *SECTIONS)


@dataclass(frozen=True, slots=True)
class Entry:
    """A validated organisation, venue, person, group or event, and where it was written."""

    id: str
    model: Any
    file: LoadedFile
    path: tuple[PathPart, ...]


@dataclass
class ValidatedSections:
    settings: ProgrammeSettings | Any = None
    """With the attributes of :class:`~planner.model.ProgrammeSettings` (None if invalid)."""
    settings_path: tuple[PathPart, ...] = ("programme",)
    entries: dict[str, dict[str, Entry]] = field(
        default_factory=lambda: {section: {} for section in SECTIONS}
    )
    invalid_ids: set[str] = field(default_factory=set)
    """Ids whose entry failed validation: they exist, so references to them are not unknown."""
    diagnostics: list[Diagnostic] = field(default_factory=list)


def validate_sections(sources: SourceFiles) -> ValidatedSections:
    result = ValidatedSections()
    first_seen: dict[str, Location] = {}
    for number, loaded in enumerate(sources.files):
        is_root = number == 0
        _check_top_keys(loaded, is_root, sources, result)
        if is_root:
            _validate_header(loaded, sources, result)
        for section, model in SECTIONS.items():
            _validate_section(loaded, section, model, sources, result, first_seen)
    return result


def _check_top_keys(
    loaded: LoadedFile, is_root: bool, sources: SourceFiles, result: ValidatedSections
) -> None:
    allowed = _ROOT_KEYS if is_root else _INCLUDED_KEYS
    for key in loaded.data:
        if key in allowed or key.startswith("x-"):
            continue
        where = sources.source_map.locate(loaded.data, [key], at_key=True)
        extra = ""
        if not is_root and key in ("version", "programme"):
            extra = " (only the root file has version and programme)"
        result.diagnostics.append(
            Diagnostic(
                "schema",
                Severity.ERROR,
                f"unknown key `{key}`{did_you_mean(key, allowed)}{extra}",
                where,
            )
        )
    include = loaded.data.get("include")
    if include is not None and not _is_text_or_texts(include):
        where = sources.source_map.locate(loaded.data, ["include"])
        result.diagnostics.append(
            Diagnostic("schema", Severity.ERROR, "`include` should be a list of paths", where)
        )


def _is_text_or_texts(value: Any) -> bool:
    return isinstance(value, str) or (
        isinstance(value, list) and all(isinstance(item, str) for item in value)
    )


def _validate_header(loaded: LoadedFile, sources: SourceFiles, result: ValidatedSections) -> None:
    data = loaded.data
    where = sources.source_map.locate(data, ["version"])
    if "version" not in data:
        result.diagnostics.append(
            Diagnostic("schema", Severity.ERROR, "`version: 1` is required at the top", where)
        )
    elif data["version"] != 1 or isinstance(data["version"], bool):
        result.diagnostics.append(
            Diagnostic(
                "schema",
                Severity.ERROR,
                f"this planner reads format version 1, not `{data['version']}`",
                where,
            )
        )
    if "programme" not in data:
        result.diagnostics.append(
            Diagnostic(
                "schema",
                Severity.ERROR,
                "`programme` is required at the top (at least `programme: {name: ...}`)",
                Location(loaded.display, 1, 1, "programme"),
            )
        )
        return
    validated = _validate("ProgrammeSettings", data["programme"], loaded, ("programme",), sources)
    if isinstance(validated, list):
        result.diagnostics.extend(validated)
    else:
        result.settings = validated


def _validate_section(
    loaded: LoadedFile,
    section: str,
    model: str,
    sources: SourceFiles,
    result: ValidatedSections,
    first_seen: dict[str, Location],
) -> None:
    entries = loaded.data.get(section)
    if entries is None:
        return
    if not isinstance(entries, dict):
        where = sources.source_map.locate(loaded.data, [section])
        message = f"`{section}` should be a mapping of ids to entries, not a list or a value"
        result.diagnostics.append(Diagnostic("schema", Severity.ERROR, message, where))
        return
    namespace = "people" if section in ("people", "groups") else section
    for entry_id, raw in entries.items():
        path: tuple[PathPart, ...] = (section, entry_id)
        where = sources.source_map.locate(loaded.data, path, at_key=True)
        problem = _id_problem(entry_id)
        if problem is not None:
            result.diagnostics.append(Diagnostic("schema", Severity.ERROR, problem, where))
            continue
        if not _claim_id(namespace, entry_id, where, first_seen, result):
            continue
        validated = _validate(model, raw, loaded, path, sources)
        if isinstance(validated, list):
            result.diagnostics.extend(validated)
            result.invalid_ids.add(entry_id)
            partial = _valid_part_of_event(raw) if model == "Event" else None
            if partial is not None:
                result.entries[section][entry_id] = Entry(entry_id, partial, loaded, path)
        else:
            result.entries[section][entry_id] = Entry(entry_id, validated, loaded, path)


def _id_problem(entry_id: str) -> str | None:
    if not _ID.fullmatch(entry_id):
        shown = entry_id if len(entry_id) <= 40 else f"{entry_id[:37]}..."
        return (
            f"the id `{shown}` is not a slug: use at most {MAX_ID_LENGTH} lower-case letters, "
            f"digits and hyphens, starting with a letter or digit{id_suggestion(entry_id)}"
        )
    try:
        portable_id(entry_id)
    except ValueError as error:
        return str(error)
    return None


def _claim_id(
    namespace: str,
    entry_id: str,
    where: Location,
    first_seen: dict[str, Location],
    result: ValidatedSections,
) -> bool:
    key = f"{namespace}:{entry_id}"
    if key in first_seen:
        first = first_seen[key]
        kinds = "people and groups" if namespace == "people" else namespace
        message = (
            f"the id `{entry_id}` is defined twice among {kinds}: here and at {first}; "
            "ids must be unique"
        )
        result.diagnostics.append(Diagnostic("duplicate-id", Severity.ERROR, message, where))
        return False
    first_seen[key] = where
    return True


def _valid_part_of_event(raw: Any) -> Event | None:
    """The event with its valid sessions, so their other problems are found in the same run."""
    from pydantic import ValidationError

    from planner.model import Event, Session

    if not isinstance(raw, dict) or not isinstance(raw.get("sessions"), list):
        return None
    sessions: list[Session | None] = []
    for item in raw["sessions"]:
        try:
            sessions.append(Session.model_validate(item))
        except ValidationError:
            sessions.append(None)
    try:
        header = Event.model_validate(
            {**raw, "sessions": [s for s in sessions if s] or [{"title": "-"}]}
        )
    except ValidationError:
        return None
    # Keep positions: a broken session stays as a placeholder the resolver skips.
    return header.model_copy(update={"sessions": sessions})


def _validate(
    model_name: str,
    raw: Any,
    loaded: LoadedFile,
    path: tuple[PathPart, ...],
    sources: SourceFiles,
) -> Any:
    """The entry, read by the quick check or else by pydantic; or its problems."""
    quick = quick_validate(model_name, raw)
    if quick is not None:
        return quick
    from pydantic import ValidationError

    import planner.model

    model = getattr(planner.model, model_name)
    try:
        return model.model_validate(raw)
    except ValidationError as error:
        from planner.loading.schema_errors import schema_diagnostics  # only bad input needs it

        return schema_diagnostics(error, model, loaded.data, path, sources.source_map)
