"""Rows show the abstract or the description's first sentence; the full text stays elsewhere."""

from __future__ import annotations

import json

import pytest

from planner.exporters.base import Selection
from planner.exporters.itinerary.exporters import HtmlAgenda, JsonAgenda, MarkdownAgenda
from planner.exporters.itinerary.summary import SUMMARY_LIMIT, summary_of
from planner.loading import load
from tests.frab.conftest import FIXTURES


@pytest.mark.parametrize(
    ("abstract", "description", "expected"),
    [
        (None, "Time not given in the source; 14:00 assumed. More.", "Time not given in the source; 14:00 assumed."),
        (None, "Dr. Smith on v1.2 of it. Next one.", "Dr. Smith on v1.2 of it."),
        ("## A **Markdown** abstract\nsecond line\n\nnext paragraph", "Long.", "A Markdown abstract second line"),
        (None, "no full stop at all", "no full stop at all"),
        (None, None, None),
    ],
)  # fmt: skip
def test_summary_of(abstract: str | None, description: str | None, expected: str | None) -> None:
    assert summary_of(abstract, description) == expected


def test_a_long_sentence_is_cut_at_a_word() -> None:
    found = summary_of(None, "word " * 100)
    assert found is not None and len(found) <= SUMMARY_LIMIT and found.endswith("word…")


def test_rows_show_the_abstract_and_json_and_html_keep_the_full_text() -> None:
    programme = load(FIXTURES / "conference.yaml")
    selection = Selection(event="democamp")
    markdown = MarkdownAgenda().export(programme, selection).decode()
    assert "The camp in ten minutes." in markdown
    assert "Welcome & <safety> notes." not in markdown  # the description: not in the row
    html = HtmlAgenda().export(programme, selection).decode()
    assert "<details><summary>More</summary>Welcome &amp; &lt;safety&gt; notes.</details>" in html
    items = json.loads(JsonAgenda().export(programme, selection))
    notes = {item["title"]: item["notes"] for item in items}
    assert notes["Opening"] == "Welcome & <safety> notes."
