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


def test_no_module_of_planner_is_over_400_lines() -> None:
    long = {
        str(path.relative_to(ROOT)): count
        for path in sorted((ROOT / "planner").rglob("*.py"))
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert not long, f"split these along their seams: {long}"


def test_no_frozen_object_is_changed_after_construction() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for path in sorted((ROOT / "planner").rglob("*.py"))
        if "object.__setattr__" in path.read_text(encoding="utf-8")
    ]
    assert not offenders, f"build a new object (dataclasses.replace) instead: {offenders}"
