"""``planner pack``: the delegate pack read back: its text, its pages, its QR codes."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from planner.cli import app
from planner.exporters.base import Selection
from planner.exporters.pdf.pack import PackPdf
from tests.conftest import EVENTS_YAML, check_golden
from tests.pdf.conftest import (
    GOLDEN,
    decode_qr,
    page_count,
    page_png,
    pdf_info,
    pdf_text,
    programme,
)

BASE = "https://example.org/tour/"
FEEDS = "webcal://example.org/tour/ics"


@pytest.fixture(scope="module")
def vietnam(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = PackPdf(base_url=BASE).export(
        programme("bundled"), Selection(group="delegation-vietnam")
    )
    path = tmp_path_factory.mktemp("pack") / "vietnam.pdf"
    path.write_bytes(data)
    return path


def test_pack_text_matches_golden(vietnam: Path) -> None:
    check_golden(GOLDEN / "pack-delegation-vietnam.txt", pdf_text(vietnam))


def test_pack_is_cover_programme_members_venues_contacts(vietnam: Path) -> None:
    pages = pdf_text(vietnam, layout=False).split("\f")[:-1]
    # A cover, the shared programme (5 days), 3 members x 5 days, venues, contacts.
    assert len(pages) == page_count(vietnam) == 1 + 5 + 3 * 5 + 1 + 1
    assert "Delegate pack" in pages[0]
    assert "Viet Nam delegation" in pages[0] and "Viet Nam delegate 3" in pages[0]
    assert "Itinerary: Viet Nam delegation" in pages[1]
    for member, first_page in (("1", 6), ("2", 11), ("3", 16)):
        assert f"Itinerary: Viet Nam delegate {member}" in pages[first_page]
        # The running header names whose pages they are.
        assert all(
            f"Viet Nam delegate {member}" in page for page in pages[first_page : first_page + 5]
        )
    venues, contacts = pages[-2], pages[-1]
    assert "Venues" in venues and "Address: 135 Sejong-daero, Jung-gu, Seoul, KR" in venues
    assert "Getting there" in venues and "Bus to Pangyo (1h) from Koreana Hotel" in venues
    assert "Contacts" in contacts and "E-mail: k-smart-city-tour@example.org" in contacts
    assert all(f"Page {n} of {len(pages)}" in page for n, page in enumerate(pages, start=1))


def test_qr_codes_subscribe_the_feeds(vietnam: Path, tmp_path: Path) -> None:
    cover = page_png(vietnam, 1, tmp_path / "cover.png", dpi=150)
    assert decode_qr(cover) == [f"{FEEDS}/groups/delegation-vietnam.ics"]
    member = page_png(vietnam, 12, tmp_path / "member.png", dpi=150)
    assert decode_qr(member) == [f"{FEEDS}/people/vietnam-delegate-2.ics"]


def test_without_a_site_address_there_are_no_codes(tmp_path: Path) -> None:
    data = PackPdf().export(programme("bundled"), Selection(group="delegation-cambodia"))
    path = tmp_path / "p.pdf"
    path.write_bytes(data)
    assert decode_qr(page_png(path, 1, tmp_path / "c.png", dpi=100)) == []
    assert "example.org/tour" not in pdf_text(path)


def test_a_person_gets_a_pack_of_their_own(tmp_path: Path) -> None:
    exporter = PackPdf(base_url=BASE)
    data = exporter.export(programme("scripts"), Selection(person="aigerim"))
    path = tmp_path / "p.pdf"
    path.write_bytes(data)
    assert exporter.missing_glyphs == set()
    text = " ".join(pdf_text(path, layout=False).split())
    assert "Әйгерім Нұрланқызы" in text and "Алматы қаласының әкімдігі" in text
    assert "Республика алаңы, 4" in text  # the venue's address
    assert decode_qr(page_png(path, 1, tmp_path / "c.png", dpi=150)) == [
        "webcal://example.org/tour/ics/people/aigerim.ics"
    ]


def test_cli_writes_the_pack(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "pack.pdf"
    args = ["pack", "delegation-cambodia", "-f", str(EVENTS_YAML), "--paper", "letter"]
    result = runner.invoke(app, [*args, "--base-url", BASE, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert page_count(out) >= 1 + 5 + 2 * 5 + 2  # letter is shorter: a long day may run over
    assert "letter" in pdf_info(out)["Page size"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["delegation-vietnm"],
            "there is no person or group `delegation-vietnm`; did you mean `delegation-vietnam`?",
        ),
        (["delegation-vietnam", "--base-url", "ftp://x"], "--base-url must start with https://"),
        (["delegation-vietnam", "--paper", "a5"], "--paper a5 is not one of: a4, letter"),
    ],
)
def test_cli_refuses_clearly(
    runner: CliRunner, tmp_path: Path, args: list[str], message: str
) -> None:
    out = tmp_path / "pack.pdf"
    result = runner.invoke(app, ["pack", *args, "-f", str(EVENTS_YAML), "-o", str(out)])
    assert result.exit_code == 2
    assert message in result.output
    assert not out.exists()


def test_cli_pack_in_the_readers_language(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "ko.pdf"
    args = ["pack", "delegation-cambodia", "-f", str(EVENTS_YAML), "--lang", "ko"]
    result = runner.invoke(app, [*args, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "warning" not in result.output  # every Hangul glyph found a font
    text = pdf_text(out, layout=False)
    assert "개인 일정표: Cambodia delegation" in text
