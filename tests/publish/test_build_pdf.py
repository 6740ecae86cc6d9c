"""``planner build --pdf``: every itinerary as PDF and every group's pack, linked from the index."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.itinerary.conftest import FIXTURES
from tests.publish.conftest import anchors, run_build, tree

pytest.importorskip("weasyprint")


@pytest.fixture(scope="module")
def pdf_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("pdf") / "site"
    result = run_build(
        "-f", str(FIXTURES / "delegation.yaml"), "-o", str(site), "--pdf",
        "--base-url", "https://example.org/roadshow/",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return site


def test_every_itinerary_and_pack_is_published_and_linked(pdf_site: Path) -> None:
    files = tree(pdf_site)
    pdfs = sorted(path for path in files if path.endswith(".pdf"))
    assert pdfs == [
        "itineraries/groups/asian-experts.pdf",
        "itineraries/people/david-navarro.pdf",
        "itineraries/people/hong-kong-expert.pdf",
        "itineraries/people/jong-sung-hwang.pdf",
        "itineraries/people/yuan-feng.pdf",
        "packs/asian-experts.pdf",
    ]
    assert all(files[path].startswith(b"%PDF-") for path in pdfs)
    hrefs = set(anchors(pdf_site / "index.html").hrefs)
    assert set(pdfs) <= hrefs


def test_the_packs_codes_subscribe_the_published_feeds(pdf_site: Path, tmp_path: Path) -> None:
    from tests.pdf.conftest import decode_qr, page_png

    cover = page_png(pdf_site / "packs" / "asian-experts.pdf", 1, tmp_path / "c.png", dpi=150)
    (url,) = decode_qr(cover)
    assert url == "webcal://example.org/roadshow/ics/groups/asian-experts.ics"
    assert (pdf_site / "ics" / "groups" / "asian-experts.ics").is_file()


def test_without_pdf_no_pdf_is_made(tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert run_build("-f", str(FIXTURES / "delegation.yaml"), "-o", str(site)).exit_code == 0
    assert not [path for path in tree(site) if path.endswith(".pdf")]


def test_made_in_parallel_as_one_after_the_other(tmp_path: Path) -> None:
    """The worker processes give the same files, in the same order, as a single process."""
    from planner.exporters.pdf import PdfItinerary
    from planner.exporters.pdf.pack import PackPdf
    from planner.loading import load
    from planner.publish.printed import PdfOutputs, pdf_files

    programme = load(FIXTURES / "delegation.yaml")
    alone = PdfOutputs(PdfItinerary(), PackPdf())
    together = PdfOutputs(PdfItinerary(), PackPdf())
    one = list(pdf_files(programme, alone, workers=1))
    two = list(pdf_files(programme, together, workers=2))
    assert [path for path, _ in one] == [path for path, _ in two]
    assert all(data.startswith(b"%PDF-") for _, data in two)
    assert together.itineraries.missing_glyphs == alone.itineraries.missing_glyphs == set()
