"""The codebase stays lint- and type-clean: ruff and mypy (strict) run as part of the suite."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


def test_ruff_finds_nothing() -> None:
    pytest.importorskip("ruff")
    done = _run(sys.executable, "-m", "ruff", "check", "planner", "tests", "bench")
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_strict_finds_nothing(tmp_path) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("mypy")
    done = _run(sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "cache"))
    assert done.returncode == 0, done.stdout + done.stderr
