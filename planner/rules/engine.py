"""Running the registered rules over a resolved programme.

``check_programme`` reads ``programme.rules`` (severities and settings), picks the rules
(``select``/``ignore``), builds one shared :class:`RuleContext`, runs each rule and turns
its findings into diagnostics at the configured severity, dropping those a session
silences with ``allow``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import islice

from planner.diagnostics import LIMIT_CODE, Diagnostic, Severity, sort_diagnostics
from planner.limits import DIAGNOSTICS_PER_CODE
from planner.loading.collector import collector_paused
from planner.rules.base import Finding, Rule
from planner.rules.config import Configuration, configure
from planner.rules.context import RuleContext
from planner.rules.registry import RULES, find_rule
from planner.timeline import Programme

__all__ = ["check_programme", "selected_rules"]


def check_programme(
    programme: Programme,
    *,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
    most: int | None = None,
) -> list[Diagnostic]:
    """Every diagnostic the rules find in ``programme``, sorted as the file reads.

    ``select`` runs only the rules named (even one that ``programme.rules`` turns off);
    ``ignore`` skips rules. Both take rule codes; an unknown code raises
    :class:`~planner.rules.registry.UnknownRuleError` naming the closest one.

    A rule stops once it has found ``most`` problems (``PLANNER_MAX_DIAGNOSTICS``, 200 by
    default): the rest are neither looked for nor built, and one ``diagnostic-limit`` line
    says there are more. On hostile input that is what keeps a check quick and small.
    """
    chosen = selected_rules(select, ignore)
    most = DIAGNOSTICS_PER_CODE.value() if most is None else most
    # The rules build large, acyclic views: no collector passes over them (see there).
    with collector_paused():
        configuration = configure(programme)
        diagnostics = list(configuration.diagnostics)
        context = RuleContext(programme, configuration.travel_times)
        allowed = {s.key: s.allow for s in programme.sessions if s.allow}
        forced = set(select or ())
        for rule in chosen:
            severity = _severity(rule, configuration, forced)
            if severity is None:
                continue
            settings = configuration.rules[rule.code].settings
            findings = rule.check(context, settings)
            found = _diagnostics(rule.code, severity, findings, allowed)
            diagnostics.extend(islice(found, most))
            if next(found, None) is not None:
                diagnostics.append(_more(rule.code, severity, most))
    return sort_diagnostics(diagnostics)


def selected_rules(select: Sequence[str] | None, ignore: Sequence[str]) -> list[Rule]:
    """The rules to run, in registry order; unknown codes raise ``UnknownRuleError``."""
    chosen = {find_rule(code).code for code in select} if select is not None else None
    skipped = {find_rule(code).code for code in ignore}
    return [
        rule
        for rule in RULES.values()
        if (chosen is None or rule.code in chosen) and rule.code not in skipped
    ]


def _severity(rule: Rule, configuration: Configuration, forced: set[str]) -> Severity | None:
    """The configured severity; None when the rule is off or its settings are broken."""
    if rule.code in configuration.broken:
        return None
    severity = configuration.rules[rule.code].severity
    if severity is None and rule.code in forced:
        return rule.default_severity
    return severity


def _diagnostics(
    code: str,
    severity: Severity,
    findings: Iterable[Finding],
    allowed: dict[str, frozenset[str]],
) -> Iterator[Diagnostic]:
    for finding in findings:
        # A session's `allow` silences the rule for every finding that concerns it.
        if any(code in allowed.get(key, ()) for key in finding.sessions):
            continue
        yield Diagnostic(
            code,
            severity,
            finding.message,
            finding.location,
            finding.related,
            finding.sessions,
            finding.people,
        )


def _more(code: str, severity: Severity, most: int) -> Diagnostic:
    return Diagnostic(
        LIMIT_CODE,
        severity,
        f"more `{code}` diagnostics are not shown: planner stops looking after {most:,} per "
        f"code; {DIAGNOSTICS_PER_CODE.how_to_raise()}",
    )
