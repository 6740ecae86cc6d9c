"""The JSON Schema of the programme format, generated from the models."""

from __future__ import annotations

from typing import Any

from planner.model import ProgrammeFile

__all__ = ["SCHEMA_ID", "json_schema"]

SCHEMA_ID = "https://planner.invalid/schema/programme-v1.json"


def json_schema() -> dict[str, Any]:
    """Draft 2020-12 schema of a root programme file (events.yaml)."""
    schema = ProgrammeFile.model_json_schema(by_alias=True)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "planner programme file (format version 1)",
        **schema,
    }
