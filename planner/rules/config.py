"""Reading ``programme.rules``: each rule's severity and settings, and measured trip times.

```yaml
rules:
  weekend: off                                  # a severity word: off | error | warning | info
  long-day: {severity: error, max_hours: 11}    # or a mapping: severity and settings
  travel-times:                                 # measured door-to-door times
    - {between: [seoul-green-building, pangyo-techno-valley], time: 50m}
```

Every problem (an unknown rule, a wrong setting, an unknown venue) becomes a diagnostic
located at the key that caused it; a rule whose settings are wrong does not run, so its
findings cannot mislead.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from planner.diagnostics import Diagnostic, Location, Severity
from planner.model.quick import quick_validate
from planner.rules.base import Rule
from planner.rules.registry import RULES, UnknownRuleError
from planner.suggest import closest, describe_value
from planner.timeline import Programme
from planner.timeline.times import parse_duration

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails

__all__ = ["TRAVEL_TIMES", "Configuration", "RuleConfig", "configure"]

TRAVEL_TIMES = "travel-times"
SEVERITY_WORDS: dict[str, Severity | None] = {
    "off": None,
    "error": Severity.ERROR,
    "warning": Severity.WARNING,
    "info": Severity.INFO,
}
_SEVERITY_HINT = "off, error, warning or info"

PathPart = str | int


@dataclass(frozen=True, slots=True)
class RuleConfig:
    """How one rule runs: its severity (None when off) and its validated settings."""

    severity: Severity | None
    settings: Any
    """Read-only, with the attributes of the rule's settings model."""


@dataclass
class Configuration:
    """``programme.rules`` read and checked."""

    rules: dict[str, RuleConfig] = field(default_factory=dict)
    travel_times: dict[frozenset[str], float] = field(default_factory=dict)
    """Measured trip times in seconds, by the pair of venue ids."""
    broken: set[str] = field(default_factory=set)
    """Rules whose settings are wrong: they do not run."""
    diagnostics: list[Diagnostic] = field(default_factory=list)


def configure(programme: Programme) -> Configuration:
    """Every rule's configuration (defaults where nothing is written), and the problems."""
    reader = _Reader(programme)
    for key, value in programme.rules.items():
        reader.entry(key, value)
    for code, rule in RULES.items():
        if code not in reader.config.rules and code not in reader.config.broken:
            reader.config.rules[code] = RuleConfig(rule.default_severity, _defaults(rule))
    reader.check_allow()
    return reader.config


class _Reader:
    def __init__(self, programme: Programme) -> None:
        self.programme = programme
        self.locations: Mapping[tuple[PathPart, ...], Location] = programme.rules_locations
        self.config = Configuration()

    def at(self, *path: PathPart) -> Location | None:
        """The deepest recorded location along ``path`` (the rules key itself at worst)."""
        for end in range(len(path), -1, -1):
            found = self.locations.get(tuple(path[:end]))
            if found is not None:
                return found
        return None

    def error(self, code: str, message: str, *path: PathPart) -> None:
        self.config.diagnostics.append(Diagnostic(code, Severity.ERROR, message, self.at(*path)))

    def entry(self, key: str, value: Any) -> None:
        if key == TRAVEL_TIMES:
            self.travel_times(value)
            return
        rule = RULES.get(key)
        if rule is None:
            self.error("unknown-rule", str(UnknownRuleError(key, also=(TRAVEL_TIMES,))), key)
            return
        config = self.rule(rule, value)
        if config is None:
            self.config.broken.add(rule.code)
        else:
            self.config.rules[rule.code] = config

    def rule(self, rule: Rule, value: Any) -> RuleConfig | None:
        if isinstance(value, str):
            return self.severity_only(rule, value)
        if not isinstance(value, dict):
            self.error(
                "rule-settings",
                f"`{rule.code}` should be {_SEVERITY_HINT}, or a mapping of `severity` and "
                f"settings, not {describe_value(value)}",
                rule.code,
            )
            return None
        severity: Severity | None = rule.default_severity
        if "severity" in value:
            word = value["severity"]
            if not isinstance(word, str) or word not in SEVERITY_WORDS:
                self.error(
                    "rule-settings",
                    f"the severity of `{rule.code}` should be {_SEVERITY_HINT}, not "
                    f"{describe_value(word)}",
                    rule.code,
                    "severity",
                )
                return None
            severity = SEVERITY_WORDS[word]
        settings = {name: item for name, item in value.items() if name != "severity"}
        validated = self.settings(rule, settings)
        return None if validated is None else RuleConfig(severity, validated)

    def severity_only(self, rule: Rule, word: str) -> RuleConfig | None:
        if word not in SEVERITY_WORDS:
            guess = closest(word, SEVERITY_WORDS)
            hint = f"; did you mean `{guess}`?" if guess else ""
            self.error(
                "rule-settings",
                f"`{rule.code}: {word}` is not a severity (use {_SEVERITY_HINT}){hint}",
                rule.code,
            )
            return None
        return RuleConfig(SEVERITY_WORDS[word], _defaults(rule))

    def settings(self, rule: Rule, values: dict[str, Any]) -> Any:
        quick = quick_validate(rule.settings_name, values)
        if quick is not None:
            return quick
        from pydantic import ValidationError

        try:
            return rule.settings_model().model_validate(values)
        except ValidationError as error:
            for detail in error.errors():
                self.setting_error(rule, detail)
            return None

    def setting_error(self, rule: Rule, detail: ErrorDetails) -> None:
        path = tuple(detail["loc"])
        name = str(path[0]) if path else ""
        known = [row[0] for row in rule.settings_doc()]
        if detail["type"] == "extra_forbidden":
            guess = closest(name, known)
            hint = f"; did you mean `{guess}`?" if guess else ""
            offered = (
                ", ".join(f"`{known_name}`" for known_name in known) or "none besides `severity`"
            )
            message = f"`{rule.code}` has no setting `{name}`{hint} (its settings: {offered})"
        else:
            message = (
                f"the setting `{name}` of `{rule.code}`: {_reason(detail)}, "
                f"not {describe_value(detail.get('input'))}"
            )
        self.error("rule-settings", message, rule.code, *path)

    # -- measured travel times -------------------------------------------------------------

    def travel_times(self, value: Any) -> None:
        if not isinstance(value, list):
            self.error(
                "rule-settings",
                f"`{TRAVEL_TIMES}` should be a list of {{between: [venue, venue], time: 50m}}, "
                f"not {describe_value(value)}",
                TRAVEL_TIMES,
            )
            return
        for index, item in enumerate(value):
            self.travel_time(index, item)

    def travel_time(self, index: int, item: Any) -> None:
        entry: Any = quick_validate("TravelTimeEntry", item)
        if entry is None:
            entry = self.travel_time_checked(index, item)
        if entry is None:
            return
        venues = self.programme.venues
        known = True
        for position, venue_id in enumerate(entry.between):
            if venue_id not in venues:
                guess = closest(venue_id, venues)
                hint = f"; did you mean `{guess}`?" if guess else ""
                where = (TRAVEL_TIMES, index, "between", position)
                self.error(
                    "unknown-reference", f"there is no venue with the id `{venue_id}`{hint}", *where
                )
                known = False
        length = parse_duration(entry.time)
        if known and length is not None:
            self.config.travel_times[frozenset(entry.between)] = length.total_seconds()

    def travel_time_checked(self, index: int, item: Any) -> Any:
        """The entry as pydantic reads it, or None with its problems reported."""
        from pydantic import ValidationError

        from planner.rules.settings import TravelTimeEntry

        try:
            return TravelTimeEntry.model_validate(item)
        except ValidationError as error:
            for detail in error.errors():
                where = (TRAVEL_TIMES, index, *detail["loc"])
                self.error("rule-settings", f"a measured travel time: {_reason(detail)}", *where)
            return None

    # -- allow ------------------------------------------------------------------------------

    def check_allow(self) -> None:
        for session in self.programme.sessions:
            for code in session.allow:
                if code not in RULES:
                    self.config.diagnostics.append(
                        Diagnostic(
                            "unknown-rule",
                            Severity.ERROR,
                            f"`allow` in {session.key}: {UnknownRuleError(code)}",
                            session.location,
                            sessions=(session.key,),
                        )
                    )


def _reason(detail: ErrorDetails) -> str:
    """Pydantic's message, as the end of a sentence."""
    if detail["type"] in ("value_error", "assertion_error"):
        message = str(detail.get("ctx", {}).get("error", detail["msg"]))  # no "Value error,"
    else:
        message = detail["msg"]
    return message[:1].lower() + message[1:]


def _defaults(rule: Rule) -> Any:
    """The rule's settings when nothing is written."""
    found = quick_validate(rule.settings_name, {})
    return found if found is not None else rule.settings_model()()
