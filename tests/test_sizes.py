"""Size limits as people write them (``10M``, ``64MiB``), and nonsense refused with exit 2."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from planner.cli import app
from planner.loading import max_bytes_from_env
from planner.sizes import SizeError, parse_size
from tests.conftest import SMALL_PROGRAMME


def _words(output: str) -> str:
    """The output as one line of words, without the box typer may draw around an error."""
    return " ".join(re.sub("[│╭╮╰╯─]", " ", output).split())


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("1000", 1000),
        ("10M", 10_000_000),
        ("10MB", 10_000_000),
        ("10 mb", 10_000_000),
        ("64MiB", 64 * 1024**2),
        ("64Mi", 64 * 1024**2),
        ("1.5G", 1_500_000_000),
        ("2k", 2000),
        ("1KiB", 1024),
    ],
)
def test_sizes_with_units(text: str, size: int) -> None:
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "lots", "10Q", "-5", "0", "Mi", "1e6", "10 M B", "0.1"])
def test_nonsense_is_not_a_size(text: str) -> None:
    with pytest.raises(SizeError, match="is not a size"):
        parse_size(text)


@given(st.integers(1, 10**6), st.sampled_from(["", "k", "M", "G", "Ki", "Mi", "Gi"]))
def test_every_unit_multiplies(number: int, unit: str) -> None:
    base = 1024 if unit.endswith("i") else 1000
    power = {"": 0, "k": 1, "K": 1, "M": 2, "G": 3}[unit[:1] if unit else ""]
    assert parse_size(f"{number}{unit}") == number * base**power
    assert parse_size(f"{number} {unit}B") == number * base**power


def test_the_library_reads_the_variable_with_units(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLANNER_MAX_FILE_SIZE", "10M")
    assert max_bytes_from_env() == 10_000_000
    monkeypatch.setenv("PLANNER_MAX_FILE_SIZE", "ten megabytes")
    with pytest.raises(SizeError):
        max_bytes_from_env()


def test_the_cli_takes_units_and_refuses_nonsense_with_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "events.yaml"
    path.write_text(SMALL_PROGRAMME, encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(app, ["validate", str(path), "--max-file-size", "1MiB"]).exit_code == 0
    small = runner.invoke(app, ["validate", str(path), "--max-file-size", "0.2k"])
    assert small.exit_code == 1 and "over the limit of 200 bytes" in small.output
    typo = runner.invoke(app, ["validate", str(path), "--max-file-size", "10Q"])
    assert typo.exit_code == 2 and "`10Q` is not a size" in _words(typo.output)
    monkeypatch.setenv("PLANNER_MAX_FILE_SIZE", "10M")
    assert runner.invoke(app, ["validate", str(path)]).exit_code == 0
    monkeypatch.setenv("PLANNER_MAX_FILE_SIZE", "lots")
    refused = runner.invoke(app, ["validate", str(path)])
    assert refused.exit_code == 2 and "(from PLANNER_MAX_FILE_SIZE)" in _words(refused.output)
    assert "Value error" not in refused.output
