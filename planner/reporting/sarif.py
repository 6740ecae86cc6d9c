"""Diagnostics as SARIF 2.1.0, the format code-scanning services read (GitHub, Azure DevOps).

One run, one result per diagnostic. The rules list describes every code planner can report:
the loader's codes, every rule of :mod:`planner.rules.registry` (with its documentation as
the help code scanning shows), and any other code found in the diagnostics.
File names become URIs relative to ``%SRCROOT%`` (the checkout) so a service can place each
result on its line; run ``planner validate`` from the top of the repository.

Each result carries a fingerprint built from what it says and where in the programme
(code, message, file, key path) rather than its line, so code scanning keeps one alert per
problem when lines above it move.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from importlib import metadata
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from planner import __version__
from planner.codes import CODES
from planner.diagnostics import Diagnostic, Location, Severity
from planner.rules.registry import RULES

__all__ = ["SARIF_SCHEMA", "render_sarif", "sarif_log"]

SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
SARIF_VERSION = "2.1.0"
FINGERPRINT_KEY = "plannerDiagnostic/v1"

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _information_uri() -> str | None:
    """The project's home page from its package metadata, when it declares one."""
    try:
        found = metadata.metadata("planner")
    except metadata.PackageNotFoundError:
        return None
    entries: list[str] = found.get_all("Project-URL") or []
    for entry in entries:
        _, _, url = entry.partition(", ")
        if url.startswith(("https://", "http://")):
            return url
    return None


def _rule_catalogue() -> dict[str, dict[str, Any]]:
    """Every code planner can report (planner.codes), as SARIF rules; a rule's with its page."""
    catalogue = {
        code: _descriptor(code, found.summary, found.severity) for code, found in CODES.items()
    }
    for rule in RULES.values():
        descriptor = catalogue[rule.code]
        what = rule.sections().get("What it does")
        if what:
            descriptor["fullDescription"] = {"text": what}
        page = rule.documentation()
        descriptor["help"] = {"text": page, "markdown": page}
        catalogue[rule.code] = descriptor
    return catalogue


def _descriptor(code: str, summary: str, severity: Severity) -> dict[str, Any]:
    return {
        "id": code,
        "name": code,
        "shortDescription": {"text": summary},
        "defaultConfiguration": {"level": _LEVELS[severity]},
    }


def _sentence(code: str) -> str:
    """``person-double-booked`` -> ``Person double booked.`` for codes nobody described."""
    return code.replace("-", " ").capitalize() + "."


def _rules(diagnostics: Sequence[Diagnostic]) -> list[dict[str, Any]]:
    catalogue = _rule_catalogue()
    for diagnostic in diagnostics:  # a code nobody described yet still gets a rule
        if diagnostic.code not in catalogue:
            catalogue[diagnostic.code] = _descriptor(
                diagnostic.code, _sentence(diagnostic.code), diagnostic.severity
            )
    return [catalogue[code] for code in sorted(catalogue)]


def _uri(file: str) -> dict[str, str]:
    """A file name as a SARIF artifact location: relative to the checkout when it can be."""
    path = PurePath(file)
    if path.is_absolute():
        return {"uri": path.as_uri()}
    return {"uri": quote(path.as_posix()), "uriBaseId": "%SRCROOT%"}


def _physical(location: Location) -> dict[str, Any]:
    return {
        "artifactLocation": _uri(location.file),
        "region": {"startLine": max(location.line, 1), "startColumn": max(location.column, 1)},
    }


def _location(location: Location) -> dict[str, Any]:
    found: dict[str, Any] = {"physicalLocation": _physical(location)}
    if location.path:
        found["logicalLocations"] = [{"fullyQualifiedName": location.path, "kind": "member"}]
    return found


def _fingerprint(diagnostic: Diagnostic, where: Location) -> str:
    identity = [diagnostic.code, diagnostic.message, where.file, where.path]
    return hashlib.sha256(json.dumps(identity).encode()).hexdigest()


def _result(diagnostic: Diagnostic, index: dict[str, int], fallback: str) -> dict[str, Any]:
    # Code scanning needs a location on every result: a diagnostic about a whole file (or
    # none) points at the top of the file checked.
    where = diagnostic.location or Location(fallback, 1, 1)
    result: dict[str, Any] = {
        "ruleId": diagnostic.code,
        "ruleIndex": index[diagnostic.code],
        "level": _LEVELS[diagnostic.severity],
        "message": {"text": diagnostic.message},
        "locations": [_location(where)],
        "partialFingerprints": {FINGERPRINT_KEY: _fingerprint(diagnostic, where)},
    }
    if diagnostic.related:
        result["relatedLocations"] = [
            {"id": number, **_location(related), "message": {"text": "see also"}}
            for number, related in enumerate(diagnostic.related, start=1)
        ]
    return result


def _driver(rules: list[dict[str, Any]]) -> dict[str, Any]:
    driver: dict[str, Any] = {"name": "planner", "version": __version__, "rules": rules}
    uri = _information_uri()
    if uri:
        driver["informationUri"] = uri
    return driver


def sarif_log(diagnostics: Iterable[Diagnostic], files: Sequence[str]) -> dict[str, Any]:
    """The SARIF log as a JSON-ready mapping."""
    found = list(diagnostics)
    rules = _rules(found)
    index = {rule["id"]: number for number, rule in enumerate(rules)}
    fallback = files[0] if files else "events.yaml"
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {"driver": _driver(rules)},
                "columnKind": "unicodeCodePoints",
                "results": [_result(d, index, fallback) for d in found],
            }
        ],
    }


def render_sarif(diagnostics: Sequence[Diagnostic], files: Sequence[str]) -> str:
    """SARIF 2.1.0 JSON, for ``github/codeql-action/upload-sarif`` and similar."""
    return json.dumps(sarif_log(diagnostics, files), indent=2, ensure_ascii=False) + "\n"
