"""``planner build`` through the real entry point: layout, links, failures, reproducibility."""

from __future__ import annotations

import importlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from planner.exporters import registry
from planner.exporters.base import Selection
from planner.exporters.itinerary.exporters import MarkdownAgenda
from planner.loading import load
from planner.timeline import Programme
from tests.conftest import EVENTS_YAML, plant_written_file
from tests.publish.conftest import EPOCH, SMALL, anchors, run_build, tree

BASE_URL = "https://programmes.example.org/summit"
# The module, not the command of the same name that planner.cli exports.
build_command = importlib.import_module("planner.cli.build")


@pytest.fixture(scope="module")
def programme() -> Programme:
    return load(EVENTS_YAML)


@pytest.fixture(scope="module")
def subscribed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled programme built with --base-url, so feeds get webcal:// links."""
    folder = tmp_path_factory.mktemp("subscribed") / "site"
    result = run_build("-f", str(EVENTS_YAML), "-o", str(folder), "--base-url", BASE_URL)
    assert result.exit_code == 0, result.output
    return folder


@pytest.fixture
def small(tmp_path: Path) -> Path:
    path = tmp_path / "events.yaml"
    path.write_text(SMALL, encoding="utf-8")
    return path


@pytest.fixture
def previous(tmp_path: Path, bundled_site: Path) -> Iterator[Path]:
    """A copy of a built site to fail over, in a folder of its own."""
    folder = tmp_path / "public" / "build"
    shutil.copytree(bundled_site, folder)
    yield folder


def _expected_files(programme: Programme) -> set[str]:
    files = {"index.html", "diagnostics.json", "agenda.md", "agenda.html", "ics/programme.ics"}
    files |= {"changes.atom", "changes.html", "planner-state.json"}
    for folder, ids in (
        ("events", programme.events),
        ("people", programme.people),
        ("groups", programme.groups),
        ("venues", programme.venues),
    ):
        files |= {f"ics/{folder}/{some_id}.ics" for some_id in ids}
    for folder, ids in (("people", programme.people), ("groups", programme.groups)):
        files |= {
            f"itineraries/{folder}/{some_id}.{ext}" for some_id in ids for ext in ("md", "html")
        }
    files |= {
        f"schedule/{key}/schedule.{ext}" for key in programme.events for ext in ("xml", "json")
    }
    files |= {f"events/{event_id}.html" for event_id in programme.events}
    files |= {f"days/{o.first_day.isoformat()}.html" for o in programme.occurrences}
    return files


def _siblings(folder: Path) -> list[str]:
    return sorted(entry.name for entry in folder.parent.iterdir())


# -- what a build writes --------------------------------------------------------------------


def test_the_layout_matches_the_programme_ids(bundled_site: Path, programme: Programme) -> None:
    assert set(tree(bundled_site)) == _expected_files(programme)
    assert _siblings(bundled_site) == ["build"]  # no staging or retired folder left
    assert oct(bundled_site.stat().st_mode & 0o777) == oct(0o755)


def test_the_files_are_the_exporters_output(bundled_site: Path, programme: Programme) -> None:
    agenda = MarkdownAgenda().export(programme, Selection())
    assert (bundled_site / "agenda.md").read_bytes() == agenda
    feed = (bundled_site / "ics" / "programme.ics").read_bytes()
    assert feed.startswith(b"BEGIN:VCALENDAR\r\n")
    assert b"DTSTAMP:20231114T221320Z" in feed  # SOURCE_DATE_EPOCH, not the clock
    report = (bundled_site / "diagnostics.json").read_text(encoding="utf-8")
    assert '"errors": 0' in report


def test_every_link_of_the_index_resolves_to_a_file(bundled_site: Path) -> None:
    page = anchors(bundled_site / "index.html")
    assert len(page.hrefs) > 100
    for href in page.hrefs:
        if href.startswith("#"):
            assert href[1:] in page.ids, href
            continue
        assert not urlsplit(href).scheme, f"{href}: a site without --base-url links only locally"
        assert (bundled_site / unquote(href)).is_file(), href
    linked = {unquote(href) for href in page.hrefs}
    # The state file is for the next build, not for readers.
    every_page = {p for p in tree(bundled_site) if p not in ("index.html", "planner-state.json")}
    assert every_page <= linked, "every feed, itinerary and report is one click away"


def test_with_a_base_url_feeds_are_webcal_links_to_files(subscribed_site: Path) -> None:
    hrefs = anchors(subscribed_site / "index.html").hrefs
    webcal = [href for href in hrefs if href.startswith("webcal://")]
    feeds = [p for p in tree(subscribed_site) if p.endswith(".ics")]
    assert len(webcal) == len(feeds)
    for href in webcal:
        parts = urlsplit(href)
        assert parts.netloc == "programmes.example.org"
        assert parts.path.startswith("/summit/"), href
        assert (subscribed_site / unquote(parts.path.removeprefix("/summit/"))).is_file(), href
    local = [h for h in hrefs if not h.startswith(("webcal://", "#"))]
    assert all((subscribed_site / unquote(href)).is_file() for href in local)


def test_the_defaults_are_events_yaml_and_public(
    small: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(small.parent)
    result = run_build()
    assert result.exit_code == 0, result.output
    assert result.stdout == "Built 17 files in public/ (open public/index.html).\n"
    assert "building" not in result.stderr  # no progress line when not on a terminal
    assert (small.parent / "public" / "itineraries" / "people" / "kim.html").is_file()


def test_a_new_build_replaces_the_previous_one_whole(small: Path, previous: Path) -> None:
    stale = plant_written_file(previous, "ics/people/someone-removed.ics")
    result = run_build("-f", str(small), "-o", str(previous))
    assert result.exit_code == 0, result.output
    assert not stale.exists()
    assert len(tree(previous)) == 17
    assert _siblings(previous) == ["build"]


# -- failures: nothing half-written ----------------------------------------------------------

UNKNOWN_VENUE = SMALL.replace("venue: hall", "venue: hal")
DOUBLE_BOOKED = SMALL + (
    '      - {id: lunch, title: Lunch, date: 2024-04-17, time: "15:00-16:00"}\n'
)


@pytest.mark.parametrize(
    ("text", "code"),
    [(UNKNOWN_VENUE, "unknown-reference"), (DOUBLE_BOOKED, "person-double-booked")],
    ids=["does-not-load", "a-rule-finds-an-error"],
)
def test_a_programme_with_errors_writes_nothing(
    tmp_path: Path, previous: Path, text: str, code: str
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(text, encoding="utf-8")
    before = tree(previous)
    result = run_build("-f", str(broken), "-o", str(previous))
    assert result.exit_code == 1
    assert code in result.stderr and str(broken) in result.stderr
    assert tree(previous) == before
    assert _siblings(previous) == ["build"]
    fresh = tmp_path / "fresh"
    assert run_build("-f", str(broken), "-o", str(fresh)).exit_code == 1
    assert not fresh.exists()


def _failing_agenda(broken: type) -> object:
    """Format.exporter, except that the HTML agenda's is ``broken``."""
    real = registry.Format.exporter

    def exporter(entry: registry.Format) -> type:
        return broken if (entry.kind, entry.name) == ("agenda", "html") else real(entry)

    return exporter


@pytest.mark.parametrize("error", [RuntimeError, KeyboardInterrupt])
def test_a_build_failing_midway_leaves_the_previous_site_whole(
    small: Path, previous: Path, monkeypatch: pytest.MonkeyPatch, error: type[BaseException]
) -> None:
    class Broken:
        """An agenda exporter that fails, after the feeds and itineraries were written."""

        def __init__(self) -> None:
            if error is KeyboardInterrupt:
                raise KeyboardInterrupt

        def export(self, programme: Programme, selection: Selection) -> bytes:
            raise RuntimeError("exporter failed midway")

    monkeypatch.setattr(registry.Format, "exporter", _failing_agenda(Broken))
    written: list[str] = []
    real_site_files = build_command.site_files

    def counting(*args: object, **kwargs: object) -> Iterator[tuple[str, bytes]]:
        for path, data in real_site_files(*args, **kwargs):
            written.append(path)
            yield path, data

    monkeypatch.setattr(build_command, "site_files", counting)
    before = tree(previous)
    result = run_build("-f", str(small), "-o", str(previous))
    assert result.exit_code != 0
    if error is RuntimeError:
        assert isinstance(result.exception, RuntimeError)
    assert len(written) > 5, "the failure came midway, after files were written"
    assert tree(previous) == before
    assert _siblings(previous) == ["build"], "no temporary folder left behind"


def test_an_unwritable_parent_is_a_clean_error(small: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = run_build("-f", str(small), "-o", str(blocker / "site"))
    assert result.exit_code == 1
    assert result.stderr.startswith("planner: cannot write")
    assert "Traceback" not in result.output


# -- usage errors: exit 2, nothing touched ----------------------------------------------------


def test_an_output_that_is_a_file_is_refused(small: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    target.write_text("keep me")
    result = run_build("-f", str(small), "-o", str(target))
    assert result.exit_code == 2
    assert "is a file" in result.stderr
    assert target.read_text() == "keep me"


@pytest.mark.parametrize("url", ["ftp://example.org/", "example.org", "webcal://example.org/"])
def test_a_base_url_that_is_not_http_is_refused(small: Path, tmp_path: Path, url: str) -> None:
    result = run_build("-f", str(small), "-o", str(tmp_path / "site"), "--base-url", url)
    assert result.exit_code == 2
    assert "--base-url must start with https://" in result.stderr
    assert not (tmp_path / "site").exists()


def test_a_folder_with_other_files_is_never_replaced(small: Path, tmp_path: Path) -> None:
    """The swap replaces the whole folder: `-o .` or `-o docs` must not delete a project."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "notes.md").write_text("mine")
    result = run_build("-f", str(small), "-o", str(tmp_path / "docs"))
    assert result.exit_code == 2
    assert "holds notes.md" in result.stderr
    assert (tmp_path / "docs" / "notes.md").read_text() == "mine"


def test_the_current_folder_is_never_replaced(
    small: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.chdir(empty)
    for output in (".", "..", str(empty)):
        result = run_build("-f", str(small), "-o", output)
        assert result.exit_code == 2, output
        assert "current folder" in result.stderr
    assert small.is_file()


def test_a_missing_programme_and_a_bad_epoch_are_usage_errors(small: Path, tmp_path: Path) -> None:
    missing = run_build("-f", str(tmp_path / "nope.yaml"), "-o", str(tmp_path / "site"))
    assert missing.exit_code == 2
    assert "no such file" in missing.stderr
    bad = run_build(
        "-f", str(small), "-o", str(tmp_path / "site"), env={"SOURCE_DATE_EPOCH": "soon"}
    )
    assert bad.exit_code == 2
    assert "SOURCE_DATE_EPOCH" in bad.stderr
    assert not (tmp_path / "site").exists()


# -- what the page says ------------------------------------------------------------------------

HOSTILE = """\
version: 1
programme: {name: "<script>alert(1)</script> & co", timezone: Asia/Seoul}
venues:
  hall: {name: "Hall <b>A</b>", timezone: Asia/Seoul, city: "Seoul <i>"}
people:
  kim: {name: "Kim <img src=x onerror=alert(2)>"}
groups:
  team: {name: "Team \\"<u>\\"", members: [kim]}
events:
  tour:
    title: "Tour </td><script>alert(3)</script>"
    venue: hall
    participants: [kim]
    sessions:
      - {id: visit, title: "Visit <script>", date: 2024-04-17, time: "14:00-16:00"}
"""


def test_the_index_escapes_text_from_the_yaml(tmp_path: Path) -> None:
    source = tmp_path / "events.yaml"
    source.write_text(HOSTILE, encoding="utf-8")
    result = run_build("-f", str(source), "-o", str(tmp_path / "site"))
    assert result.exit_code == 0, result.output
    index = tmp_path / "site" / "index.html"
    text = index.read_text(encoding="utf-8")
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</title>" in text
    assert "<h1>&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</h1>" in text
    assert "Kim &lt;img src=x onerror=alert(2)&gt;" in text
    assert "Team &quot;&lt;u&gt;&quot;" in text
    tags = anchors(index).tags
    assert tags.count("script") == 1  # the search box's own, and no other
    assert not set(tags) & {"img", "b", "i", "u"}, tags
    for page in (tmp_path / "site").rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert text.count("<script") == (1 if page == index else 0), page
        assert "<script>alert" not in text and "<img src=x" not in text, page


def test_the_index_lists_events_in_date_order_with_their_days(bundled_site: Path) -> None:
    text = (bundled_site / "index.html").read_text(encoding="utf-8")
    for key in ("events", "days", "people", "groups", "venues"):
        assert f'<a href="#{key}">' in text and f'<h2 id="{key}">' in text
    events = text[text.index('id="events"') : text.index('id="days"')]
    assert events.index("K-smart city tour programme") < events.index("WeGO Executive Committee")
    assert "10\u201314 Oct 2016" in events
    assert "Mon 10 Oct 2016" in text


# -- reproducible, and the same from the console script ---------------------------------------


def test_two_builds_with_the_same_epoch_are_identical(bundled_site: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    assert run_build("-f", str(EVENTS_YAML), "-o", str(again)).exit_code == 0
    first, second = tree(bundled_site), tree(again)
    assert first.keys() == second.keys()
    assert [p for p in first if first[p] != second[p]] == []


def test_python_m_planner_build_gives_the_same_site(bundled_site: Path, tmp_path: Path) -> None:
    """Another process (another hash seed), quiet when not on a terminal, byte-identical."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "PYTHONHASHSEED": "random", "CI": "true"}
    result = subprocess.run(
        [sys.executable, "-m", "planner", "build", "-f", str(EVENTS_YAML), "-o", "out"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    expected = tree(bundled_site)
    assert result.stdout == f"Built {len(expected)} files in out/ (open out/index.html).\n"
    built = tree(tmp_path / "out")
    assert built.keys() == expected.keys()
    assert [p for p in built if built[p] != expected[p]] == []


# -- the progress line ----------------------------------------------------------------------


class Terminal:
    def __init__(self) -> None:
        self.text = ""

    def isatty(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self.text += text
        return len(text)

    def flush(self) -> None:
        pass


def test_a_progress_line_on_a_terminal_only(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    monkeypatch.delenv("CI", raising=False)
    with build_command._progress() as progress:
        assert progress is not None
        progress("calendar feeds")
    assert terminal.text == "\r\x1b[Kbuilding calendar feeds...\r\x1b[K"
    monkeypatch.setenv("CI", "true")
    with build_command._progress() as progress:
        assert progress is None
