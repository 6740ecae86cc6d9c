"""What each format promises: escaping, spreadsheets, the JSON contract, widths, print."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest

from planner.exporters import registry
from planner.exporters.base import Selection
from planner.exporters.itinerary import (
    AgendaExporter,
    ItineraryExporter,
    RenderOptions,
    ScheduleBuilder,
)
from planner.exporters.itinerary.as_csv import neutralise
from planner.exporters.itinerary.as_markdown import escape_markdown
from planner.exporters.itinerary.as_table import TABLE_FORMATS, TableRenderer
from planner.exporters.itinerary.items import FIELDS
from tests.itinerary.conftest import HERE, WIDTH, programme

SCHEMA = json.loads((HERE / "itinerary.schema.json").read_text(encoding="utf-8"))


def _export(fmt: str, name: str, who: str, **options: object) -> str:
    exporter = _itinerary(fmt)(options=RenderOptions(width=WIDTH, **options))  # type: ignore[arg-type]
    return exporter.render(programme(name), Selection(person=who))


def _itinerary(fmt: str) -> type[ItineraryExporter]:
    return registry.get("itinerary", fmt).exporter_as(ItineraryExporter)


# --- HTML -------------------------------------------------------------------------------


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.text: list[str] = []
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.hrefs.extend(value or "" for name, value in attrs if name == "href")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parsed(page: str) -> _Tags:
    parser = _Tags()
    parser.feed(page)
    return parser


def test_html_escapes_every_text_from_the_yaml() -> None:
    page = _export("html", "hostile", "guest")
    parsed = _parsed(page)
    # Only the page's own tags; no <script>, <img>, <i> or <b> from the YAML became markup.
    assert parsed.tags <= {
        "html", "head", "meta", "title", "style", "body", "header", "h1", "dl", "dt", "dd", "details", "summary",
        "section", "h2", "span", "table", "thead", "tbody", "tr", "th", "td", "a", "div",
        "footer", "strong", "br",
    }  # fmt: skip
    text = "".join(parsed.text)
    assert "<script>alert('title')</script>" in text  # shown as text, as written
    assert "<img src=x onerror=alert(1)>" in text
    # The quote in the URL cannot close the href attribute.
    assert parsed.hrefs == ["https://example.org/\"><script>alert('url')</script>"]
    assert "\x1b" not in page


def test_html_is_standalone_and_prints_a_day_per_a4_page() -> None:
    page = _export("html", "crossing", "hanoi-delegate")
    assert page.startswith("<!DOCTYPE html>")
    assert "@page { size: A4;" in page
    assert "@media print" in page
    assert "break-before: page; page-break-before: always;" in page
    assert page.count('<section class="day">') == 3
    for external in ("<link", "<script", "src=", "@import", "url("):
        assert external not in page


def test_html_marks_cancelled_sessions_and_links_online_ones() -> None:
    page = _export("html", "debate", "member")
    assert '<del>Extra debate on water</del><span class="badge">cancelled</span>' in page
    assert '<tr class="session cancelled">' in page
    assert '<a href="https://debates.example.org/room">' in page


# --- CSV --------------------------------------------------------------------------------


def test_csv_has_a_header_and_one_row_per_occurrence_with_iso_times() -> None:
    text = _export("csv", "debate", "member")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert text.startswith(",".join(FIELDS) + "\r\n")
    assert len(rows) == len(ScheduleBuilder(programme("debate")).itinerary("member").rows)
    for row in rows:
        start, end = datetime.fromisoformat(row["start"]), datetime.fromisoformat(row["end"])
        assert start.utcoffset() is not None and end.utcoffset() is not None
        assert start < end
    assert [r["status"] for r in rows].count("cancelled") == 1


def test_csv_neutralises_cells_a_spreadsheet_would_run() -> None:
    text = _export("csv", "hostile", "guest")
    cells = [cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert '\'=HYPERLINK("https://evil.example.org","click")' in cells
    assert "'+cmd|' /C calc'!A0" in cells
    assert "'-2+3" in cells
    assert "'=SUM(A1:A9)" in cells
    assert not any("\x1b" in cell for cell in cells)


@pytest.mark.parametrize(
    ("value", "safe"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@A1", "'@A1"),
        ("\tx", "'\tx"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_neutralise(value: str, safe: str) -> None:
    assert neutralise(value) == safe


# --- JSON -------------------------------------------------------------------------------


def _every_itinerary(name: str) -> list[tuple[str, list[dict[str, object]]]]:
    exporter = _itinerary("json")()
    found = programme(name)
    return [(path, json.loads(data)) for path, data in exporter.files(found, Selection())]


@pytest.mark.parametrize("name", ["bundled", "crossing", "debate", "delegation", "hostile"])
def test_json_follows_the_schema(name: str) -> None:
    validator = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
    for path, items in _every_itinerary(name):
        errors = list(validator.iter_errors(items))
        assert not errors, f"{path}: {errors[0].message}"


def test_json_agenda_follows_the_schema() -> None:
    agenda = registry.get("agenda", "json").exporter_as(AgendaExporter)
    text = agenda().export(programme("bundled"), Selection())
    jsonschema.validate(json.loads(text), SCHEMA)


def test_json_instants_are_the_resolved_occurrences_and_travel() -> None:
    """The same instants as the iCalendar feed: both come from Session.occurrences and
    Person.travel."""
    bundled = programme("bundled")
    occurrences = {f"{o.session.key}#{o.index}": o for o in bundled.occurrences}
    legs = {
        f"travel/{leg.person_id}#{leg.index}": leg
        for p in bundled.people.values()
        for leg in p.travel
    }
    checked = 0
    for path, items in _every_itinerary("bundled"):
        for item in items:
            start = datetime.fromisoformat(str(item["start"]))
            end = datetime.fromisoformat(str(item["end"]))
            if item["kind"] == "session":
                occurrence = occurrences[str(item["id"])]
                expected = (occurrence.start, occurrence.end)
            else:
                leg = legs[str(item["id"])]
                expected = (leg.depart, leg.arrive)
            assert (start, end) == expected, f"{path}: {item['id']}"
            checked += 1
    assert checked > 1000


# --- Markdown ---------------------------------------------------------------------------


def test_markdown_escapes_markup_and_strikes_out_cancelled_sessions() -> None:
    assert (
        escape_markdown("<b>*x*_y_ | [a](b) `c` ~d~") == r"\<b\>\*x\*\_y\_ \| \[a\](b) \`c\` \~d\~"
    )
    text = _export("markdown", "debate", "member")
    assert "~~Extra debate on water~~ **cancelled**" in text
    assert "Forum day in Singapore *tentative*" in text
    hostile = _export("markdown", "hostile", "guest")
    assert "<script>" not in hostile


# --- Tables -----------------------------------------------------------------------------


@pytest.mark.parametrize("width", [60, 80, 100, 132, 200])
def test_tables_fit_the_width(width: int) -> None:
    exporter = _itinerary("table")(options=RenderOptions(width=width))
    bundled = programme("bundled")
    for who in (
        "cambodia-delegate-1",
        "yuan-feng",
        "asia-innova-travelling-party",
        "lee-kyong-yul",
    ):
        text = exporter.render(bundled, Selection(person=who))
        too_wide = [line for line in text.splitlines() if len(line) > max(width, 80)]
        assert not too_wide, f"{who} at {width}: {too_wide[0]!r}"


@pytest.mark.parametrize("tablefmt", ["grid", "github", "psql", "rst", "fancy_grid", "html", "tsv"])
def test_any_tabulate_format(tablefmt: str) -> None:
    text = _export("table", "crossing", "hanoi-delegate", tablefmt=tablefmt)
    assert "Opening session" in text
    assert "Summary: 4 sessions" in text


def test_tabulates_html_format_escapes_and_unsafehtml_is_refused() -> None:
    assert "<script>alert" not in _export("table", "hostile", "guest", tablefmt="html")
    assert "unsafehtml" not in TABLE_FORMATS
    with pytest.raises(ValueError, match="not a table format"):
        TableRenderer(RenderOptions(tablefmt="unsafehtml"))


@pytest.mark.parametrize("fmt", ["table", "markdown", "html"])
def test_rows_name_their_event_on_a_day_with_several(fmt: str) -> None:
    text = _export(fmt, "crossing", "hanoi-delegate")
    assert "Event: Embassy of Viet" in text
    assert text.count("Event: K-smart city tour") == 3  # the three tour rows of that day


def test_table_marks_cancelled_sessions() -> None:
    assert "CANCELLED: Extra debate" in _export("table", "debate", "member")


def test_table_has_no_control_characters() -> None:
    text = _export("table", "hostile", "guest")
    assert not [char for char in text if ord(char) < 32 and char != "\n"]


def test_the_golden_fixtures_exist_for_every_format() -> None:
    golden = HERE / "golden"
    extensions = {path.suffix for path in Path(golden).rglob("*.*")}
    assert extensions == {".txt", ".md", ".csv", ".json", ".html"}
