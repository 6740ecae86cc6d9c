"""What every rule is: a code, a default severity, documented settings and a check.

A rule is a small class in its own module (``planner/rules/<code>.py``), listed once in
:mod:`planner.rules.registry`; its code, default severity and one-line summary are declared
in :mod:`planner.codes` with every other diagnostic code. Its docstring is the rest of its
documentation, in fixed sections (``## What it does``, ``## Why it matters``, ``## Example``,
``## How to fix``); ``planner rules CODE`` and docs/rules.md are generated from it, and the
settings section from its settings model (:mod:`planner.rules.settings`).

A rule never decides its severity, never reads YAML and never handles ``allow``: it looks at
the :class:`~planner.rules.context.RuleContext` and yields :class:`Finding` objects; the
engine turns them into diagnostics.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from planner.codes import declared
from planner.diagnostics import Location, Severity
from planner.rules.context import RuleContext

if TYPE_CHECKING:
    from pydantic import BaseModel

__all__ = ["SECTIONS", "Finding", "Rule"]

SECTIONS = ("What it does", "Why it matters", "Example", "How to fix")
_SECTION = re.compile(r"^## (.+)$", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a rule found: where, what, and which sessions and people it concerns."""

    message: str
    location: Location | None
    related: tuple[Location, ...] = ()
    sessions: tuple[str, ...] = ()
    people: tuple[str, ...] = ()


class Rule:
    """Base class of the rules; subclasses set the class attributes and ``check``."""

    code: ClassVar[str]
    """Stable kebab-case code: part of the public interface (programme.rules, allow, CLI)."""
    default_severity: ClassVar[Severity]
    """From :data:`planner.codes.CODES`."""
    settings_name: ClassVar[str] = "NoSettings"
    """Its settings model in :mod:`planner.rules.settings` (imported only when needed)."""
    summary: ClassVar[str] = ""
    """What the rule flags, in one sentence, from :data:`planner.codes.CODES`."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        declaration = declared(cls.code)
        cls.default_severity = declaration.severity
        cls.summary = declaration.summary

    @property
    def severity(self) -> Severity:
        """The default severity (what reports such as SARIF show before configuration)."""
        return self.default_severity

    def check(self, context: RuleContext, settings: Any) -> Iterable[Finding]:
        """Everything the rule finds in the programme, with ``settings`` validated."""
        raise NotImplementedError

    @classmethod
    def settings_model(cls) -> type[BaseModel]:
        """The pydantic model of its settings (for the documentation and for wrong settings)."""
        from planner.rules.settings import settings_model

        return settings_model(cls.settings_name)

    # -- documentation, read from the docstring --------------------------------------------

    @classmethod
    def sections(cls) -> dict[str, str]:
        """The docstring's ``## Heading`` sections, heading -> text."""
        text = inspect.cleandoc(cls.__doc__ or "")
        parts = _SECTION.split(text)
        return {parts[i].strip(): parts[i + 1].strip() for i in range(1, len(parts) - 1, 2)}

    @classmethod
    def settings_doc(cls) -> list[tuple[str, str, str]]:
        """(name as written in YAML, default, description) of every setting."""
        rows = []
        for name, info in cls.settings_model().model_fields.items():
            default = info.default
            shown = "" if default is None else str(default)
            rows.append((info.alias or name, shown, info.description or ""))
        return rows

    @classmethod
    def documentation(cls) -> str:
        """The whole page for this rule, in Markdown (as ``planner rules CODE`` prints it)."""
        lines = [
            f"## `{cls.code}`",
            "",
            cls.summary,
            "",
            f"Default severity: {cls.default_severity}.",
        ]
        for heading, text in cls.sections().items():
            lines += ["", f"### {heading}", "", text]
        lines += ["", "### Settings", ""]
        settings = cls.settings_doc()
        if settings:
            lines += ["| setting | default | meaning |", "|---|---|---|"]
            lines += [f"| `{name}` | {default} | {text} |" for name, default, text in settings]
        else:
            lines.append(f"Only the severity: `{cls.code}: off | error | warning | info`.")
        return "\n".join(lines)
