"""What every part of resolving shares: the entries, where they are written, what was found."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from planner.diagnostics import Diagnostic, Location, Severity
from planner.languages.texts import local_text
from planner.limits import DIAGNOSTICS_PER_CODE, OCCURRENCES
from planner.loading.files import SourceFiles
from planner.loading.resolve.timing import Problem, local_time_problem
from planner.loading.session_part import Where
from planner.loading.sourcemap import PathPart, format_path
from planner.loading.validate import Entry, ValidatedSections
from planner.suggest import closest
from planner.timeline import objects as timeline
from planner.timeline.abbreviations import zones_using
from planner.timeline.open_sessions import OpenSession
from planner.timeline.times import OutOfRange, localize, parse_local
from planner.timeline.zones import closest_zone, get_zone, is_zone

__all__ = ["Context", "slugify"]

_SINGULAR = {
    "organisations": "organisation",
    "venues": "venue",
    "people": "person",
    "groups": "group",
    "events": "event",
    "tracks": "track",
}
_OFFSET = re.compile(r"[+-]?\d{1,4}(:?\d{2})?|(UTC|GMT)[+-].*")


def slugify(text: str) -> str:
    """``Rooftop solar at Seoul Green Building`` -> ``rooftop-solar-at-seoul-green-building``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "session"


class Context:
    """The validated entries, the diagnostics found so far, and what is resolved already."""

    def __init__(self, sources: SourceFiles, sections: ValidatedSections) -> None:
        self.sources = sources
        self.sections = sections
        self.diagnostics: list[Diagnostic] = []
        self.references: dict[str, int] = {}
        self.venues: dict[str, timeline.Venue] = {}
        self.people: dict[str, timeline.Person] = {}
        self.groups: dict[str, timeline.Group] = {}
        self.most_per_code = DIAGNOSTICS_PER_CODE.value()
        self.per_code: dict[str, int] = {}
        self.left_out: dict[str, int] = {}
        """Diagnostics past the budget per code: counted, never built (building is the cost)."""
        self.occurrences_left = OCCURRENCES.value()
        self._lists: dict[tuple[PathPart, ...], tuple[Any, str]] = {}
        """(list, its path as shown) by file and path, for :meth:`where`."""
        self.open_sessions: list[OpenSession] = []
        """Sessions with a ``window`` (open or placed), for ``planner schedule``."""
        settings = sections.settings
        self.language = settings.language if settings is not None else "en"
        """The programme's language: a text in several languages is this one's by default."""

    def text(self, value: str | Mapping[str, str]) -> str:
        """A human text as written: a string, or by language (a LocalText)."""
        return local_text(value, self.language)

    def optional_text(self, value: str | Mapping[str, str] | None) -> str | None:
        return None if value is None else local_text(value, self.language)

    def where(self, entry: Entry, *sub: PathPart, at_key: bool = False) -> Location:
        if not at_key and len(sub) == 2 and type(sub[1]) is int:
            found = self._item_where(entry, sub[0], sub[1])
            if found is not None:
                return found
        path = [*entry.path, *sub]
        return self.sources.source_map.locate(entry.file.data, path, at_key=at_key)

    def _item_where(self, entry: Entry, key: PathPart, index: int) -> Location | None:
        """An item of one of the entry's lists (every session's place is asked for): the list
        is looked up once per entry, not walked to from the file's root each time."""
        found = self._lists.get((id(entry.file.data), *entry.path, key))
        if found is None:
            path = (*entry.path, key)
            items = self.sources.source_map.container(entry.file.data, path)
            found = self._lists[(id(entry.file.data), *path)] = (items, format_path(path))
        return self.sources.source_map.item_location(found[0], index, found[1])

    def report(
        self, code: str, message: str, where: Where, severity: Severity = Severity.ERROR
    ) -> None:
        """Add a diagnostic; ``where`` may be a function, called only when it is kept (finding
        a place costs a walk through the source map, and past the budget nothing is kept)."""
        if self.over_budget(code):
            return
        location = where if isinstance(where, Location) else where()
        self.diagnostics.append(Diagnostic(code, severity, message, location))

    def over_budget(self, code: str) -> bool:
        """Count one diagnostic of ``code``; True (and left out) past the budget per code."""
        count = self.per_code.get(code, 0) + 1
        self.per_code[code] = count
        if count <= self.most_per_code:
            return False
        self.left_out[code] = self.left_out.get(code, 0) + 1
        self.per_code[code] = count
        return True

    def spend_occurrences(self, count: int, where: Where) -> bool:
        """Take ``count`` occurrences from the programme's budget; False when it is spent."""
        self.occurrences_left -= count
        if self.occurrences_left >= 0:
            return True
        if self.occurrences_left + count >= 0:  # the first session past the budget says so
            self.report(
                "occurrence-limit",
                f"the programme has more than {OCCURRENCES.value():,} session occurrences "
                f"(repeats expanded), planner's budget; {OCCURRENCES.how_to_raise()}",
                where,
            )
        return False

    def report_problem(self, problem: Problem, where: Where) -> None:
        self.report(problem.code, problem.message, where, problem.severity)

    def zone(self, name: str, entry: Entry, *sub: PathPart) -> ZoneInfo | None:
        """The zone called ``name``; None, reported at ``sub``, when there is none."""
        if is_zone(name):
            return get_zone(name)
        self.report("invalid-timezone", self._not_a_zone(name), self.where(entry, *sub))
        return None

    def _not_a_zone(self, name: str) -> str:
        """Why ``name`` is no zone, with the zones meant where they can be told."""
        if _OFFSET.fullmatch(name):
            return (
                f"`{name}` is not a time zone name (write the place's IANA zone, like "
                "Asia/Almaty, not an offset)"
            )
        using = zones_using(name, self.countries)
        if using:
            others = ", ".join(f"`{zone}`" for zone in using[1:4])
            more = f" (other zones on {name.upper()}: {others})" if others else ""
            return (
                f"`{name}` is an abbreviation, not a time zone name; write the place's IANA "
                f"zone: `{using[0]}`{more}"
            )
        # A short word is no typo of a long name: only real near misses get a suggestion.
        guess = closest_zone(name) if "/" in name or len(name) > 5 else None
        hint = f"; did you mean `{guess}`?" if guess else " (use an IANA name like Asia/Seoul)"
        return f"`{name}` is not a time zone name{hint}"

    @property
    def countries(self) -> list[str]:
        """The countries the programme's venues, people and organisations name."""
        entries = self.sections.entries
        return [
            entry.model.country
            for section in ("venues", "people", "organisations")
            for entry in entries[section].values()
            if getattr(entry.model, "country", None)
        ]

    def refer(self, kinds: Sequence[str], target: str, entry: Entry, *sub: PathPart) -> bool:
        """Count a reference to ``target`` among ``kinds``; report it if nothing has that id."""
        entries = self.sections.entries
        for kind in kinds:
            if target in entries[kind]:
                self.references[target] = self.references.get(target, 0) + 1
                return True
        if target in self.sections.invalid_ids:
            return False
        if self.per_code.get("unknown-reference", 0) >= self.most_per_code:
            return not self.over_budget("unknown-reference")  # no suggestion to compute
        candidates = [entry_id for kind in kinds for entry_id in self.sections.entries[kind]]
        guess = closest(target, candidates)
        noun = " or ".join(_SINGULAR[kind] for kind in kinds)
        hint = f"; did you mean `{guess}`?" if guess else ""
        self.report(
            "unknown-reference",
            f"there is no {noun} with the id `{target}`{hint}",
            self.where(entry, *sub),
        )
        return False

    def instant(self, text: str, zone: ZoneInfo, entry: Entry, *sub: PathPart) -> datetime | None:
        """``text`` (a local date, or date and time) as an instant in ``zone``."""
        try:
            naive = parse_local(text)
        except OutOfRange as error:
            self.report("value-out-of-range", str(error), self.where(entry, *sub))
            return None
        except ValueError:
            self.report("schema", f"`{text}` is not a real date and time", self.where(entry, *sub))
            return None
        if not isinstance(naive, datetime):
            naive = datetime.combine(naive, time())
        aware, issue = localize(naive, zone)
        if issue is not None:
            self.report_problem(
                local_time_problem(naive, zone, issue, None), self.where(entry, *sub)
            )
        return aware

    def expand(self, ids: Iterable[str]) -> list[str]:
        """The people named by ``ids`` (people and groups), each once, in order."""
        people: dict[str, None] = {}
        for some_id in ids:
            if some_id in self.people:
                people[some_id] = None
            elif some_id in self.groups:
                people.update(dict.fromkeys(self.groups[some_id].people))
        return list(people)
