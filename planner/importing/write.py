"""The imported programme as YAML text that planner reads back exactly (YAML 1.2).

PyYAML writes YAML 1.1, so any text that YAML 1.2 would read as a number, boolean or null
(``0o17``, ``1e3``, ``true``) is quoted here; long texts with line breaks are written as
literal blocks, so a description stays readable.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

__all__ = ["to_yaml"]

_CORE_SCALAR = re.compile(
    r"[-+]?(0o[0-7]+|0x[0-9a-fA-F]+|[0-9]+|(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?"
    r"|\.(inf|Inf|INF))|\.(nan|NaN|NAN)|true|True|TRUE|false|False|FALSE|null|Null|NULL|~|"
)
_BASE = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_BASE):  # type: ignore[misc, valid-type]
    pass


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if "\n" in value and value == value.strip() and "\t" not in value and "\r" not in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    if _CORE_SCALAR.fullmatch(value):
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="'")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _text)


def to_yaml(data: dict[str, Any], header: list[str], zone_note: str | None) -> str:
    """The programme as YAML, ``header`` lines as comments on top, the zone's note beside it."""
    body = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100, indent=2)
    if zone_note:
        zone = str(data["programme"]["timezone"])
        body = body.replace(f"\n  timezone: {zone}\n", f"\n  timezone: {zone}  # {zone_note}\n", 1)
    return "".join(f"# {line}\n".replace("# \n", "#\n") for line in header) + body
