"""Independent readers of schedule.xml / schedule.json: c3voc's schemas and pyfahrplan."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import xmlschema

from tests.conftest import ROOT

# c3voc's schemas, as the project's shared/ folder holds them: beside the clone (CI, main),
# or two levels up from a helper's worktree.
VOC = next(
    (found for up in (ROOT.parent, ROOT.parent.parent)
     if (found := up / "shared" / "interop" / "voc").is_dir()),
    ROOT.parent / "shared" / "interop" / "voc",
)  # fmt: skip
FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOLDEN = Path(__file__).resolve().parent / "golden"
PYFAHRPLAN_PYTHON = Path(
    os.environ.get("PLANNER_PYFAHRPLAN_PYTHON", ROOT / ".tools" / "pyfahrplan" / "bin" / "python")
)
"""pyfahrplan lives in its own venv (.ci/run makes it): its pins clash with typer's rich."""


def _voc(name: str) -> Path:
    path = VOC / name
    if not path.exists():
        pytest.skip(f"c3voc's {name} is not in {VOC}")
    return path


_XSD: list[xmlschema.XMLSchema] = []


def assert_valid_xml(data: bytes) -> None:
    """c3voc's XSD, twice: the xmlschema package, and xmllint (libxml2) when installed."""
    if not _XSD:
        _XSD.append(xmlschema.XMLSchema(str(_voc("schedule.xml.xsd"))))
    errors = [str(error.reason) for error in _XSD[0].iter_errors(data.decode("utf-8"))]
    assert errors == []
    if shutil.which("xmllint"):
        result = subprocess.run(
            ["xmllint", "--noout", "--schema", str(_voc("schedule.xml.xsd")), "-"],
            input=data, capture_output=True, check=False,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr.decode()


def assert_valid_json(data: bytes) -> dict[str, Any]:
    """c3voc's JSON schema (draft 6), with every format checked (uuid, date-time, uri...)."""
    schema = json.loads(_voc("schema.json").read_text(encoding="utf-8"))
    document = json.loads(data)
    validator = jsonschema.Draft6Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]
    assert errors == []
    return dict(document)


def read_with_pyfahrplan(path: Path) -> list[dict[str, Any]]:
    """pyfahrplan's own flattening and filters over ``path``: its list of talks."""
    if not PYFAHRPLAN_PYTHON.exists():
        pytest.skip(f"pyfahrplan's venv is missing ({PYFAHRPLAN_PYTHON}); .ci/run makes it")
    script = Path(__file__).resolve().parent / "pyfahrplan_reader.py"
    result = subprocess.run(
        [str(PYFAHRPLAN_PYTHON), str(script), str(path)],
        capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    talks: list[dict[str, Any]] = json.loads(result.stdout.splitlines()[-1])
    return talks
