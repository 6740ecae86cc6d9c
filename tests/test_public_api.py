"""The public surface is kept on purpose: `planner.__all__` is exactly what users may import,
each name is the object it documents, and the README's Python examples use only it."""

from __future__ import annotations

import re
import subprocess
import sys

import planner
from planner.diagnostics import Diagnostic
from planner.exporters import registry
from planner.exporters.base import Selection
from planner.validation import validate_file
from tests.conftest import EVENTS_YAML, ROOT

PUBLIC = {
    "AgendaExporter", "Diagnostic", "DiffExporter", "Exporter", "FolderExporter", "IcsExporter",
    "ItineraryExporter", "LoadResult", "Location", "OutputError", "Programme", "ProgrammeError",
    "RenderOptions", "ReportExporter", "Selection", "Severity", "Summary", "ValidationReport",
    "load", "load_programme", "registry", "validate_file", "write_file", "write_tree",
}  # fmt: skip


def test_public_names() -> None:
    assert set(planner.__all__) == PUBLIC
    assert planner.__all__ == sorted(planner.__all__)
    for name in planner.__all__:
        assert getattr(planner, name) is not None
    assert planner.Selection is Selection and planner.validate_file is validate_file
    assert planner.registry is registry and planner.Diagnostic is Diagnostic


def test_no_other_public_name() -> None:
    public = {name for name in dir(planner) if not name.startswith("_")}
    modules = {name for name in public if type(getattr(planner, name)).__name__ == "module"}
    assert public - modules - {"annotations", "importlib", "TYPE_CHECKING", "Any"} <= PUBLIC
    assert "registry" in modules


def test_importing_planner_imports_none_of_it() -> None:
    done = subprocess.run(
        [sys.executable, "-c", "import sys, planner; print(sorted(m for m in sys.modules "
         "if m.startswith(('planner.', 'yaml', 'pydantic'))))"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert done.stdout.strip() == "[]"


def test_the_readme_uses_the_public_names() -> None:
    """The README's "From Python" imports only from `planner` itself."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## From Python", 1)[1].split("\n## ", 1)[0]
    assert re.findall(r"^from planner\.", section, re.M) == []
    for name in re.findall(r"planner\.(\w+)", section):
        assert name in PUBLIC or name == "__all__", name


def test_library_use_without_the_cli() -> None:
    programme = planner.load(EVENTS_YAML)
    assert len(programme.events) >= 6
    assert len(programme.sessions) >= 40
    assert len(programme.people) >= 40
    assert len(programme.venues) >= 12
    assert len({venue.timezone.key for venue in programme.venues.values()}) >= 5
    assert any(session.repeat for session in programme.sessions)
    assert any(session.all_day for session in programme.sessions)
    assert any(person.travel for person in programme.people.values())
    assert any(set(group.members) & set(programme.groups) for group in programme.groups.values())
    feed = planner.IcsExporter().export(programme, planner.Selection(venue="seoul-global-center"))
    assert feed.startswith(b"BEGIN:VCALENDAR")
