"""Readers of the PDFs we write: poppler's pdftotext, pdfinfo and pdftoppm, and zbarimg.

Each is a Debian package that ``.ci/run`` installs; a test skips, saying which, only
where the tool is truly absent.
"""

from __future__ import annotations

import shutil
import subprocess
from functools import cache
from pathlib import Path

import pytest

from planner.loading import load
from planner.timeline import Programme
from tests.conftest import EVENTS_YAML

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
GOLDEN = HERE / "golden"

pytest.importorskip("weasyprint", reason="WeasyPrint is not installed (pip install weasyprint)")


def tool(name: str, package: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (apt-get install {package})")
    return found


def pdf_text(pdf: Path, *, layout: bool = True) -> str:
    """The PDF's text as pdftotext extracts it (with -layout: as it is laid out)."""
    args = [tool("pdftotext", "poppler-utils"), "-enc", "UTF-8"]
    if layout:
        args.append("-layout")
    return subprocess.run([*args, str(pdf), "-"], check=True, capture_output=True, text=True).stdout


def pdf_info(pdf: Path) -> dict[str, str]:
    out = subprocess.run(
        [tool("pdfinfo", "poppler-utils"), str(pdf)], check=True, capture_output=True, text=True
    ).stdout
    return {
        key.strip(): value.strip()
        for key, _, value in (line.partition(":") for line in out.splitlines())
    }


def pdf_fonts(pdf: Path) -> list[str]:
    """The names of the fonts embedded in the PDF (pdffonts)."""
    out = subprocess.run(
        [tool("pdffonts", "poppler-utils"), str(pdf)], check=True, capture_output=True, text=True
    ).stdout
    return [line.split()[0] for line in out.splitlines()[2:] if line.strip()]


def page_count(pdf: Path) -> int:
    return int(pdf_info(pdf)["Pages"])


def page_png(pdf: Path, page: int, target: Path, dpi: int = 100) -> Path:
    """One page rendered to PNG by pdftoppm."""
    prefix = target.with_suffix("")
    subprocess.run(
        [
            tool("pdftoppm", "poppler-utils"),
            "-png",
            "-r",
            str(dpi),
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(pdf),
            str(prefix),
        ],
        check=True,
    )
    return prefix.with_suffix(".png")


def decode_qr(png: Path) -> list[str]:
    """Every QR code zbarimg finds in the picture, as text."""
    result = subprocess.run(
        [
            tool("zbarimg", "zbar-tools"),
            "--quiet",
            "--raw",
            "-Sdisable",
            "-Sqrcode.enable",
            str(png),
        ],
        capture_output=True,
        text=True,
    )
    return [line for line in result.stdout.splitlines() if line]


@cache
def programme(name: str) -> Programme:
    """A fixture programme by name, or ``bundled`` for events.yaml."""
    return load(EVENTS_YAML if name == "bundled" else FIXTURES / f"{name}.yaml")
