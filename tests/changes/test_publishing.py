"""SEQUENCE and LAST-MODIFIED through the commands that publish: ics --all and build, with
the state kept in the output, read with --previous from a path or a URL, and repeated
builds byte for byte the same."""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import icalendar
import pytest
from typer.testing import CliRunner

from planner.cli import app
from tests.changes.conftest import AFTER, BEFORE, STAMPS
from tests.conftest import EVENTS_YAML

feedparser = pytest.importorskip("feedparser")


def _at(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


def _write(path: Path, text: str, stamp: int) -> Path:
    """The programme, with its modification time as the version's time."""
    path.write_text(text, encoding="utf-8")
    os.utime(path, (stamp, stamp))
    return path


def _versions(feed: Path) -> dict[str, tuple[int, datetime]]:
    calendar = icalendar.Calendar.from_ical(feed.read_bytes())
    return {
        str(e["UID"]).split(".")[0]: (int(e["SEQUENCE"]), e["LAST-MODIFIED"].dt)
        for e in calendar.walk("VEVENT")
    }


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def _run(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(app, list(args), env={"SOURCE_DATE_EPOCH": ""})
    assert result.exit_code == 0, result.output
    return result.output


def test_ics_all_three_runs(runner: CliRunner, tmp_path: Path) -> None:
    file, out = tmp_path / "events.yaml", tmp_path / "feeds"
    _write(file, BEFORE, STAMPS[0])
    _run(runner, "ics", "--all", "-f", str(file), "-o", str(out))
    assert (out / "planner-state.json").is_file()
    first = _versions(out / "programme.ics")
    assert set(first.values()) == {(0, _at(STAMPS[0]))}

    _write(file, AFTER, STAMPS[1])
    _run(runner, "ics", "--all", "-f", str(file), "-o", str(out))
    second = _tree(out)
    assert _versions(out / "programme.ics") == {
        "visit": (1, _at(STAMPS[1])), "dinner": (1, _at(STAMPS[1])),
        "talk": (1, _at(STAMPS[1])), "walk": (0, _at(STAMPS[0])),
    }  # fmt: skip
    assert _versions(out / "people" / "sam.ics") == {"walk": (0, _at(STAMPS[0]))}

    _write(file, AFTER, STAMPS[2])  # touched, not changed: the versions stay
    _run(runner, "ics", "--all", "-f", str(file), "-o", str(out))
    third = _tree(out)
    assert third["planner-state.json"] == second["planner-state.json"]
    assert _versions(out / "programme.ics")["visit"] == (1, _at(STAMPS[1]))
    os.utime(file, (STAMPS[1], STAMPS[1]))
    _run(runner, "ics", "--all", "-f", str(file), "-o", str(out))
    assert _tree(out) == second  # same inputs, same previous state: the same bytes


def test_previous_from_a_path_and_from_a_url(runner: CliRunner, tmp_path: Path) -> None:
    file = tmp_path / "events.yaml"
    _write(file, BEFORE, STAMPS[0])
    _run(runner, "ics", "--all", "-f", str(file), "-o", str(tmp_path / "v1"))
    _write(file, AFTER, STAMPS[1])
    # A CI job starts from a clean checkout: the state comes from the last publication.
    _run(runner, "ics", "--all", "-f", str(file), "-o", str(tmp_path / "v2"),
         "--previous", str(tmp_path / "v1" / "planner-state.json"))  # fmt: skip
    with _serving(tmp_path / "v1") as url:
        _run(runner, "ics", "--all", "-f", str(file), "-o", str(tmp_path / "v2-url"),
             "--previous", url + "/")  # fmt: skip
        single = _run(
            runner,
            "ics",
            "-f",
            str(file),
            "--person",
            "sam",
            "--previous",
            url + "/planner-state.json",
        )
    assert _tree(tmp_path / "v2") == _tree(tmp_path / "v2-url")
    assert _versions(tmp_path / "v2" / "programme.ics")["visit"] == (1, _at(STAMPS[1]))
    assert "SEQUENCE:0" in single and "LAST-MODIFIED:20240413T092000Z" in single
    fresh = tmp_path / "v2-fresh"
    _run(runner, "ics", "--all", "-f", str(file), "-o", str(fresh))  # no history: a first version
    fresh_versions = _versions(fresh / "programme.ics")
    assert fresh_versions.pop("dinner") == (1, _at(STAMPS[1]))  # published cancelled
    assert set(fresh_versions.values()) == {(0, _at(STAMPS[1]))}


def test_an_unreadable_previous_state_is_a_clear_error(runner: CliRunner, tmp_path: Path) -> None:
    file = _write(tmp_path / "events.yaml", BEFORE, STAMPS[0])
    result = runner.invoke(app, ["ics", "--all", "-f", str(file), "-o", str(tmp_path / "o"),
                                 "--previous", str(tmp_path / "nowhere.json")])  # fmt: skip
    assert result.exit_code == 1
    assert "cannot read the previous state" in result.output
    assert not (tmp_path / "o").exists()
    with _serving(tmp_path) as url:
        result = runner.invoke(app, ["ics", "--all", "-f", str(file), "-o", str(tmp_path / "o"),
                                     "--previous", url + "/missing/"])  # fmt: skip
    assert result.exit_code == 1
    assert "HTTP 404" in result.output


def test_build_publishes_the_change_feed(runner: CliRunner, tmp_path: Path) -> None:
    file, site = tmp_path / "events.yaml", tmp_path / "site"
    _write(file, BEFORE, STAMPS[0])
    _run(
        runner, "build", "-f", str(file), "-o", str(site), "--base-url", "https://example.org/tour/"
    )
    _write(file, AFTER, STAMPS[1])
    _run(
        runner, "build", "-f", str(file), "-o", str(site), "--base-url", "https://example.org/tour/"
    )
    before = _tree(site)
    _run(
        runner, "build", "-f", str(file), "-o", str(site), "--base-url", "https://example.org/tour/"
    )
    assert _tree(site) == before
    feed = feedparser.parse((site / "changes.atom").read_bytes())
    assert not feed.bozo
    assert [e.title for e in feed.entries] == [
        "Version 2: 3 sessions changed (1 cancelled, 1 moved, 1 renamed)",
        "Version 1: first published, 4 sessions",
    ]
    assert feed.entries[0].link == "https://example.org/tour/changes.html#version-2"
    assert _versions(site / "ics" / "programme.ics")["dinner"] == (1, _at(STAMPS[1]))
    index = (site / "index.html").read_text(encoding="utf-8")
    assert (
        'href="changes.html"' in index
        and 'type="application/atom+xml" href="changes.atom"' in index
    )


def test_moving_the_pangyo_visit_of_the_bundled_study_tour(
    runner: CliRunner, tmp_path: Path
) -> None:
    """The issue's done-when: that session SEQUENCE 1 and a new LAST-MODIFIED; the other 89 keep theirs."""
    text = EVENTS_YAML.read_text(encoding="utf-8")
    visit = '        venue: pangyo-techno-valley\n        description: The visit to "Pangyo City"'
    assert text.count('        time: "10:00-11:45"\n' + visit) == 1
    file, out = tmp_path / "events.yaml", tmp_path / "feeds"
    _write(file, text, STAMPS[0])
    _run(runner, "ics", "--all", "-f", str(file), "-o", str(out))
    before = _versions(out / "programme.ics")
    _write(file, text.replace('"10:00-11:45"\n' + visit, '"10:30-11:45"\n' + visit), STAMPS[1])
    _run(runner, "ics", "--all", "-f", str(file), "-o", str(out))
    after = _versions(out / "programme.ics")
    changed = {uid for uid in after if after[uid] != before[uid]}
    assert changed == {"ktour-2016-pangyo-visit"}
    assert after["ktour-2016-pangyo-visit"] == (1, _at(STAMPS[1]))
    assert len(after) == 90 and before["ktour-2016-pangyo-visit"] == (0, _at(STAMPS[0]))


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def _server(folder: Path) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(_Quiet, directory=str(folder))
    return http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)


@contextmanager
def _serving(folder: Path) -> Iterator[str]:
    server = _server(folder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
