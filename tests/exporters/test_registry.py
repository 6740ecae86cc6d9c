"""The exporter registry: every entry loads, conforms to its protocol (at run time and to
mypy), says what its exporter says, and is documented; the CLI's choices are the registry's."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

from planner import load
from planner.diff import compare, load_side
from planner.exporters import registry
from planner.exporters.base import Selection
from planner.timeline import Programme
from planner.validation import validate_file
from tests.conftest import ROOT, SMALL_PROGRAMME

ENTRIES = registry.FORMATS
IDS = [f"{entry.kind}-{entry.name}" for entry in ENTRIES]
PROTOCOL = {
    "feed": "Exporter",
    "itinerary": "Exporter",
    "agenda": "Exporter",
    "schedule": "Exporter",
    "listing": "Exporter",
    "pack": "Exporter",
    "report": "ReportExporter",
    "diff": "DiffExporter",
}


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("small") / "events.yaml"
    path.write_text(SMALL_PROGRAMME, encoding="utf-8")
    return path


@cache
def _programme(path: Path) -> Programme:
    return load(path)


def _output(entry: registry.Format, small: Path) -> bytes:
    """The entry's exporter, as built by default, run on a one-session programme."""
    exporter = entry.exporter()()
    if entry.kind == "report":
        report = validate_file(small)
        return bytes(exporter.export(report.diagnostics, [str(small)]))
    if entry.kind == "diff":
        return bytes(exporter.export(compare(load_side(str(small)), load_side(str(small)))))
    selection = Selection(person="kim") if entry.kind in ("itinerary", "pack") else Selection()
    return bytes(exporter.export(_programme(small), selection))


def test_every_kind_has_a_protocol() -> None:
    assert set(PROTOCOL) == set(registry.KINDS)


def test_names_are_unique_within_a_kind_and_site_paths_across_the_site() -> None:
    keys = [(entry.kind, entry.name) for entry in ENTRIES]
    assert len(keys) == len(set(keys))
    files = [entry.site for entry in registry.published() if "." in str(entry.site)]
    assert len(files) == len(set(files))
    for entry in registry.published():
        assert entry.label, f"{entry.kind} {entry.name} is published, so the index needs a label"
        assert entry.kind not in ("diff",), "a diff needs two versions; build has one"


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_an_exporter_says_what_its_entry_says(entry: registry.Format) -> None:
    cls = entry.exporter()
    assert (cls.name, cls.extension, cls.content_type) == (
        entry.name,
        entry.extension,
        entry.content_type,
    )
    assert re.fullmatch(r"[a-z0-9]+", entry.extension)
    assert re.fullmatch(r"[a-z]+/[a-z0-9.+-]+(; charset=utf-8)?", entry.content_type)


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_an_exporter_returns_bytes(entry: registry.Format, small: Path) -> None:
    data = _output(entry, small)
    assert isinstance(data, bytes) and data
    if entry.content_type.startswith("text/") or entry.content_type.endswith("json"):
        data.decode("utf-8")  # text is UTF-8


@pytest.mark.parametrize(
    "entry", [e for e in ENTRIES if e.published and "." not in str(e.site)], ids=str
)
def test_a_published_folder_comes_from_files(entry: registry.Format, small: Path) -> None:
    exporter = entry.exporter()()
    files: Iterator[tuple[str, bytes]] = exporter.files(_programme(small), Selection())
    found = dict(files)
    assert found, "an exporter of files writes at least one"
    for path, data in found.items():
        assert not path.startswith("/") and ".." not in path.split("/")
        assert path.endswith(f".{entry.extension}") and isinstance(data, bytes)


def test_mypy_checks_every_exporter_against_its_protocol(tmp_path: Path) -> None:
    """Each class, called with no arguments, gives its kind's protocol (checked statically)."""
    pytest.importorskip("mypy")
    lines = ["from collections.abc import Callable", ""]
    lines.append("from planner.exporters.base import DiffExporter, Exporter, ReportExporter")
    for index, entry in enumerate(ENTRIES):
        module, _, name = entry.exporter_path.partition(":")
        lines.append(f"from {module} import {name} as _{index}")
        lines.append(f"check_{index}: Callable[[], {PROTOCOL[entry.kind]}] = _{index}")
    for index, entry in enumerate(registry.published()):
        if "." not in str(entry.site):
            module, _, name = entry.exporter_path.partition(":")
            lines.append(f"from planner.exporters.base import FolderExporter as _F{index}")
            lines.append(f"from {module} import {name} as _P{index}")
            lines.append(f"folder_{index}: Callable[[], _F{index}] = _P{index}")
    checked = tmp_path / "conformance.py"
    checked.write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--follow-imports=silent",
         str(checked)],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_class_that_does_not_conform_is_caught_by_mypy(tmp_path: Path) -> None:
    """The check above can fail: an export returning str is refused."""
    pytest.importorskip("mypy")
    checked = tmp_path / "broken.py"
    checked.write_text(
        "from collections.abc import Callable\n"
        "from typing import ClassVar\n"
        "from planner.exporters.base import Exporter, Selection\n"
        "from planner.timeline import Programme\n"
        "class Broken:\n"
        "    name: ClassVar[str] = 'broken'\n"
        "    extension: ClassVar[str] = 'txt'\n"
        "    content_type: ClassVar[str] = 'text/plain'\n"
        "    def export(self, programme: Programme, selection: Selection) -> str:\n"
        "        return ''\n"
        "check: Callable[[], Exporter] = Broken\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--follow-imports=silent",
         str(checked)],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 1 and "Broken" in done.stdout, done.stdout


def test_every_format_is_in_the_docs_table() -> None:
    """docs/formats.md lists exactly the registry, row for row."""
    text = (ROOT / "docs" / "formats.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `(\w+)` \| `(\w+)` \| `\.(\w+)` \| `([^`]+)` \|", text, re.M)
    expected = [(e.kind, e.name, e.extension, e.content_type) for e in ENTRIES]
    assert rows == expected, "docs/formats.md's table differs from planner/exporters/registry.py"


@pytest.mark.parametrize(
    ("module", "enum", "kind"),
    [
        ("planner.cli.itinerary", "OutputFormat", "itinerary"),
        ("planner.cli.agenda", "AgendaFormat", "agenda"),
        ("planner.cli.frab", "FrabFormat", "schedule"),
        ("planner.cli.validate", "ReportFormat", "report"),
        ("planner.cli.diff", "DiffFormat", "diff"),
        ("planner.cli.listing", "ListFormat", "listing"),
    ],
)
def test_the_cli_offers_the_registry_formats(module: str, enum: str, kind: registry.Kind) -> None:
    choices = getattr(__import__(module, fromlist=[enum]), enum)
    assert [str(choice) for choice in choices] == list(registry.names(kind))


def test_reading_the_registry_imports_no_exporter() -> None:
    code = (
        "import sys\n"
        "from planner.exporters import registry\n"
        "registry.names('itinerary'); registry.published(); registry.get('feed', 'ics')\n"
        "modules = {e.exporter_path.partition(':')[0] for e in registry.FORMATS}\n"
        "print(sorted(modules & set(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_an_unknown_name_lists_the_choices() -> None:
    with pytest.raises(registry.UnknownFormat, match="choose from table, markdown, csv"):
        registry.get("itinerary", "docx")


class Plain:
    """A format that follows the protocol and nothing more (as a new helper's might)."""

    name = "plain"
    extension = "txt"
    content_type = "text/plain; charset=utf-8"

    def export(self, programme: Programme, selection: Selection) -> bytes:
        return f"{len(selection.occurrences(programme))} sessions\n".encode()


def test_a_command_builds_a_plain_exporter_with_its_defaults(small: Path) -> None:
    """The command's options (--tz, --width) go only to the classes that take them."""
    from planner.exporters.itinerary import AgendaExporter

    plain = registry.Format("agenda", "plain", "txt", Plain.content_type,
                            f"{__name__}:Plain", "a count")  # fmt: skip
    made = plain.build(AgendaExporter, tz="local", by_room=True)
    assert isinstance(made, Plain)
    assert made.export(_programme(small), Selection()) == b"1 sessions\n"
    html = registry.get("agenda", "html").build(AgendaExporter, tz="Asia/Seoul", by_room=False)
    assert isinstance(html, AgendaExporter) and html.tz == "Asia/Seoul"
