"""``--format pdf`` and ``--format xlsx`` through the real entry point; start-up stays light."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planner.cli import app
from tests.conftest import EVENTS_YAML
from tests.pdf.conftest import page_count, pdf_info, pdf_text

FILE = ["-f", str(EVENTS_YAML)]


def test_itinerary_pdf_on_letter(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "v.pdf"
    args = ["itinerary", "vietnam-delegate-1", *FILE, "--format", "pdf", "--paper", "letter"]
    result = runner.invoke(app, [*args, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert page_count(out) == 5 and "letter" in pdf_info(out)["Page size"]


def test_agenda_pdf_by_room(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "a.pdf"
    args = ["agenda", *FILE, "--venue", "casa-asia-madrid", "--by", "room", "--format", "pdf"]
    result = runner.invoke(app, [*args, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Casa Asia Madrid" in pdf_text(out)


def test_unknown_paper_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "v.pdf"
    args = ["itinerary", "vietnam-delegate-1", *FILE, "--format", "pdf", "--paper", "a3"]
    result = runner.invoke(app, [*args, "-o", str(out)])
    assert result.exit_code == 2
    assert "planner: --paper a3 is not one of: a4, letter" in result.output
    assert not out.exists()


def test_agenda_xlsx_sheet_per_day(runner: CliRunner, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "tour.xlsx"
    args = ["agenda", *FILE, "--event", "k-smart-city-tour-2016", "--format", "xlsx"]
    result = runner.invoke(app, [*args, "--sheet-per", "day", "-o", str(out)])
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(out)
    assert len(book.sheetnames) == 5 and book.sheetnames[0] == "2016-10-10 Mon"


def test_list_xlsx_to_a_file_and_to_a_pipe(runner: CliRunner, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "people.xlsx"
    result = runner.invoke(app, ["list", "people", *FILE, "--format", "xlsx", "-o", str(out)])
    assert result.exit_code == 0, result.output
    piped = runner.invoke(app, ["list", "people", *FILE, "--format", "xlsx"])
    assert piped.exit_code == 0 and piped.stdout_bytes[:2] == b"PK"
    sheet = openpyxl.load_workbook(io.BytesIO(piped.stdout_bytes)).active
    assert [c.value for c in sheet[1]][:3] == ["id", "name", "organisation"]


def test_other_commands_do_not_import_the_heavy_libraries() -> None:
    code = (
        "import sys; from planner.cli import app; "
        "heavy = {'weasyprint', 'xlsxwriter', 'openpyxl', 'qrcode'} & set(sys.modules); "
        "print(sorted(heavy))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
