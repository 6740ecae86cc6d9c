"""Shared by the CI tests: the installed command, a clean git, and the programme to check."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EVENTS_YAML, GIT_ENV, SMALL_PROGRAMME

BIN = Path(sys.executable).parent
"""Where the `planner` console script is installed: CI runs that, so the tests do too."""


FALLBACK_PROGRAMME = SMALL_PROGRAMME


def environment(**extra: str) -> dict[str, str]:
    """The process environment with planner's folder first on PATH and a clean git."""
    path = f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"
    return {**os.environ, **GIT_ENV, "PATH": path, **extra}


def git(folder: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=folder, env=environment(), check=True, capture_output=True)


def programme_text() -> str:
    """The repository's own events.yaml; a small stand-in while it is being written."""
    if EVENTS_YAML.exists():
        return EVENTS_YAML.read_text(encoding="utf-8")
    return FALLBACK_PROGRAMME


@pytest.fixture(scope="session")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A checkout as CI sees it: events.yaml committed on main, with `origin` a real remote.

    `origin` is a bare repository reached through file://, so `git fetch origin ...` in the
    scripts under test works without a network, and `origin/main` exists as after a fetch.
    """
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    root = tmp_path_factory.mktemp("ci")
    origin, checkout = root / "origin.git", root / "checkout"
    checkout.mkdir()
    git(checkout, "init", "--quiet", "--initial-branch=main")
    (checkout / "events.yaml").write_text(programme_text(), encoding="utf-8")
    git(checkout, "add", "events.yaml")
    git(checkout, "commit", "--quiet", "-m", "programme")
    git(root, "clone", "--quiet", "--bare", str(checkout), str(origin))
    git(checkout, "remote", "add", "origin", origin.as_uri())
    git(checkout, "fetch", "--quiet", "origin")
    _retitle_first_session(checkout / "events.yaml")
    return checkout


RETITLED = " (moved to the main hall)"


def _retitle_first_session(path: Path) -> None:
    """The pull request under test: the first session gets a new title, not yet committed."""
    text = path.read_text(encoding="utf-8")
    block = re.compile(r"(\n\s+- id: [a-z0-9-]+\n\s+title: )(.+)")
    flow = re.compile(r"(- \{id: [a-z0-9-]+, title: )([^,]+)")
    changed, count = block.subn(lambda m: m.group(1) + m.group(2) + RETITLED, text, count=1)
    if not count:
        changed = flow.sub(lambda m: m.group(1) + m.group(2) + RETITLED, text, count=1)
    path.write_text(changed, encoding="utf-8")
