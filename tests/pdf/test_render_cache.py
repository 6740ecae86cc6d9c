"""Many PDFs of one programme share one font configuration and parse their stylesheet once,
and what they print is the same as when each is made on its own."""

from __future__ import annotations

from typing import Any

import pytest

import planner.exporters.pdf.render as render
from planner.exporters.pdf.document import page
from planner.exporters.pdf.render import render_pdf
from planner.languages import ENGLISH

weasyprint = pytest.importorskip("weasyprint")


def _page(title: str) -> str:
    part = f'<section class="part"><h1><span class="subject">{title}</span></h1><p>x</p></section>'
    return page(title, "Programme", "a4", [part], ENGLISH)


def test_the_stylesheet_is_parsed_once_for_pages_that_share_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(render, "_SHARED", {})
    parsed: list[str] = []
    real = weasyprint.CSS

    def counting(*args: Any, **kwargs: Any) -> Any:
        parsed.append(kwargs.get("string", ""))
        return real(*args, **kwargs)

    monkeypatch.setattr(weasyprint, "CSS", counting)
    first, second = render_pdf(_page("Kim")), render_pdf(_page("Lee"))
    assert len(parsed) == 1 and "@page" in parsed[0]
    assert first.data.startswith(b"%PDF-") and second.data.startswith(b"%PDF-")
    render_pdf(page("Other", "Another programme", "letter", ["<p>y</p>"], ENGLISH))
    assert len(parsed) == 2  # another programme's header and paper: its own stylesheet


def test_a_shared_stylesheet_prints_the_same_as_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    html = _page("Kim")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    shared = render_pdf(html).data
    alone = weasyprint.HTML(string=html).render()
    alone.metadata.created = alone.metadata.modified = "2023-11-14T22:13:20Z"
    assert shared == alone.write_pdf()
