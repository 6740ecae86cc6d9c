"""Shared by the site tests: the bundled programme built once, and reading a built tree."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planner.cli import app
from planner.output import MANIFEST
from tests.conftest import EVENTS_YAML, SMALL_PROGRAMME

EPOCH = "1700000000"
"""SOURCE_DATE_EPOCH for every build here, so that builds can be compared byte for byte."""

SMALL = SMALL_PROGRAMME


def run_build(*args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    """``planner build ARGS`` through the typer app, with a fixed SOURCE_DATE_EPOCH."""
    return CliRunner().invoke(
        app, ["build", *args], env={"SOURCE_DATE_EPOCH": EPOCH, **(env or {})}
    )


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` by its relative POSIX path."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != MANIFEST
    }


class Anchors(HTMLParser):
    """The href of every link and the id of every element of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.tags.append(tag)
        if tag == "a" and found.get("href") is not None:
            self.hrefs.append(str(found["href"]))
        if found.get("id"):
            self.ids.add(str(found["id"]))


def anchors(page: Path) -> Anchors:
    parser = Anchors()
    parser.feed(page.read_text(encoding="utf-8"))
    parser.close()
    return parser


@pytest.fixture(scope="session")
def bundled_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's events.yaml built once (no --base-url); tests only read it."""
    folder = tmp_path_factory.mktemp("bundled") / "build"
    result = run_build("-f", str(EVENTS_YAML), "-o", str(folder))
    assert result.exit_code == 0, result.output
    return folder
